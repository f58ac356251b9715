"""The PySide6 reference-leak guard is there exactly while the installed PySide6 needs it."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12),
                                reason="None and the bools are immortal on Python 3.12+: nothing to guard")


def _leaks_in_a_fresh_interpreter() -> dict[str, int]:
    code = ("from torchdesk.desktop.pyside_none_guard import measure_leaks; "
            "print(repr(measure_leaks(20)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return eval(out.stdout.strip().splitlines()[-1], {})  # a dict literal we printed ourselves


def test_the_installed_pyside_still_leaks_so_the_guard_is_still_needed() -> None:
    import PySide6

    leaks = _leaks_in_a_fresh_interpreter()
    assert leaks["None"] > 0 or leaks["True"] > 0, (
        f"PySide6 {PySide6.__version__} no longer drops references to None or True: "
        "delete desktop/pyside_none_guard.py and its import in desktop/__init__.py")


def test_the_guard_covers_exactly_what_leaks() -> None:
    import torchdesk.desktop  # noqa: F401 (applies the guard)

    leaks = _leaks_in_a_fresh_interpreter()
    assert set(sys._torchdesk_singletons_guarded) == {name for name, lost in leaks.items() if lost}  # type: ignore[attr-defined]


def test_nothing_else_leaks() -> None:
    """A bool delivered to a slot and False itself are not leaked (so they are not guarded)."""
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        changed = Signal(bool)

    received: list[bool] = []
    emitter = Emitter()
    emitter.changed.connect(received.append)
    before = sys.getrefcount(False)
    for _ in range(20):
        emitter.changed.emit(False)
    assert sys.getrefcount(False) >= before + 20  # received holds 20 references, and none were dropped
    assert len(received) == 20
