"""Progress reporting and cancellation for long work that runs off the GUI thread.

Dataset statistics, predictions over a whole split and downloads all take a
``progress(done, total)`` callback and a ``cancel()`` predicate, so the desktop
can show a bar with a Cancel button and the CLI a text bar, with no Qt in core.
"""

from __future__ import annotations

from typing import Callable, Optional

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The person cancelled the work; nothing half-done was kept."""


def report(progress: Optional[ProgressCallback], done: int, total: int) -> None:
    """Call ``progress`` when one was given."""
    if progress is not None:
        progress(done, total)


def check_cancel(cancel: Optional[CancelCheck]) -> None:
    """Raise :class:`Cancelled` when ``cancel`` says the work should stop."""
    if cancel is not None and cancel():
        raise Cancelled("cancelled")
