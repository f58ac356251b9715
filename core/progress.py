"""Progress reporting and cancellation for long work that runs off the GUI thread.

Dataset statistics, predictions over a whole split and downloads all take a
``progress(done, total)`` callback and a ``cancel()`` predicate, so the desktop
can show a bar with a Cancel button and the CLI a text bar, with no Qt in core.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Optional

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
        from torchdesk.core.i18n import translate

        raise Cancelled(translate("progress", "cancelled"))


class PartialChunker:
    """Items gathered on a task's thread, handed on as one chunk at most ``max_rate`` times a second.

    A training run ends a batch hundreds of times a second and a playground loop can
    print as fast; a signal per item would flood the GUI thread. ``deliver(items)``
    (usually ``lambda items: state.partial(...)``) gets every item since the last
    chunk, in order; :meth:`flush` hands on what is pending at once (an epoch end,
    the end of a run). Thread-safe: a pausing GUI thread may flush too.
    """

    def __init__(self, deliver: Callable[[list[Any]], None], max_rate: float) -> None:
        self.deliver = deliver
        self.min_interval = 1.0 / max_rate
        self._pending: list[Any] = []
        self._last = 0.0
        self._lock = threading.Lock()

    def add(self, item: Any) -> None:
        """Take ``item``; hand on the chunk when the last one is old enough."""
        with self._lock:
            self._pending.append(item)
        now = time.monotonic()
        if now - self._last >= self.min_interval:
            self._last = now
            self.flush()

    def flush(self) -> None:
        """Hand on everything pending now (nothing when nothing is)."""
        with self._lock:
            items, self._pending = self._pending, []
        if items:
            self.deliver(items)
