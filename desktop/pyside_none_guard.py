"""Keep ``None`` alive under PySide6 6.12 on Python 3.11.

PySide6 6.12.0 returns ``None`` from void C++ methods (``QPainter.save``,
``fillRect``, ...) without taking a reference, which is harmless on Python 3.12+
where ``None`` is immortal but on 3.11 lowers its reference count by one per
call. A thumbnail grid makes ~100,000 such calls a minute and the process then
aborts with "Fatal Python error: none_dealloc". Until PySide fixes it, giving
``None`` a huge reference count makes it effectively immortal, as on 3.12.
Importing this module applies the guard once; it does nothing on 3.12+.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 48  # ~2.8e14 leaked decrements before trouble: centuries of painting


def guard_none_refcount() -> bool:
    """Make ``None`` effectively immortal on Python < 3.12; returns whether anything was done."""
    if sys.version_info >= (3, 12) or getattr(sys, "_torchdesk_none_guarded", False):
        return False
    # True and False suffer the same: every bool a signal hands a Python slot (clicked(bool),
    # toggled(bool), any Signal(bool)) drops one reference, and bool_dealloc aborts the process.
    for singleton in (None, True, False):
        refcnt = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field of every object
        refcnt.value += _BOOST
    sys._torchdesk_none_guarded = True  # type: ignore[attr-defined]
    return True


guard_none_refcount()
