"""Keep ``None`` and ``True`` alive where the installed PySide6 drops references to them.

Measured with PySide6 6.12.0 on Python 3.11 (``measure_leaks``):

* every call of a void C++ method (``QPainter.save()``, ``fillRect``, ``QObject.setObjectName``…)
  returns ``None`` without taking a reference: one reference lost per call;
* ``Signal.emit()`` returns ``True`` the same way: one reference to ``True`` lost per emit.

A ``bool`` delivered to a slot does not leak, and nothing leaked ``False``. On Python
3.12+ ``None`` and the bools are immortal and nothing happens; on 3.11 a thumbnail
grid makes ~100,000 void calls a minute and the process then aborts with "Fatal
Python error: none_dealloc" (or ``bool_dealloc``). So, only where a probe at import
shows the leak, the two singletons get a huge reference count, which makes them
effectively immortal as on 3.12. ``tests/test_pyside_guard.py`` fails once the
installed PySide no longer leaks: then delete this module.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 48  # ~2.8e14 leaked decrements before trouble: centuries of painting
_PROBE_CALLS = 8


def measure_leaks(calls: int = _PROBE_CALLS) -> dict[str, int]:
    """References lost by ``calls`` void calls (``None``) and ``calls`` signal emits (``True``)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")  # a void C++ method
    none_lost = before - sys.getrefcount(None)
    before = sys.getrefcount(True)
    for _ in range(calls):
        probe.ping.emit()
    true_lost = before - sys.getrefcount(True)
    return {"None": max(none_lost, 0), "True": max(true_lost, 0)}


def guard_leaked_singletons() -> tuple[str, ...]:
    """Make the singletons the installed PySide leaks effectively immortal; returns which were guarded."""
    if sys.version_info >= (3, 12) or getattr(sys, "_torchdesk_singletons_guarded", None) is not None:
        return ()
    leaks = measure_leaks()
    guarded = tuple(name for name, lost in leaks.items() if lost)
    for name in guarded:
        singleton = {"None": None, "True": True}[name]
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field of every object
        refcnt.value += _BOOST
    sys._torchdesk_singletons_guarded = guarded  # type: ignore[attr-defined]
    return guarded


guard_leaked_singletons()
