"""A QThread that runs one core function taking ``(progress, cancel)`` and reports back by signals.

Opening a dataset, computing statistics, predicting over a split and downloading
all run this way so the GUI never waits; :meth:`TaskThread.stop` cancels and joins,
which the panel calls on shutdown.
"""

from __future__ import annotations

import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal

from torchdesk.core.errors import readable_error
from torchdesk.core.progress import CancelCheck, Cancelled, ProgressCallback

TaskFunction = Callable[[ProgressCallback, CancelCheck], Any]


class TaskThread(QThread):
    """Runs ``function(progress, cancel)`` once off the GUI thread.

    Signals (delivered on the GUI thread): ``progressed(done, total)`` at most
    ~20 times a second, then exactly one of ``succeeded(result)``,
    ``failed(message, detail)`` or ``cancelled()``.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()

    def __init__(self, function: TaskFunction, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._function = function
        self._cancel = threading.Event()
        self._last_emit = 0.0

    def cancel(self) -> None:
        """Ask the work to stop at its next check (returns at once)."""
        self._cancel.set()

    def is_cancelling(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancel.is_set()

    def stop(self) -> None:
        """Cancel and wait until the thread has ended."""
        self.cancel()
        self.wait()

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last_emit >= 0.05 or done >= total:
            self._last_emit = now
            self.progressed.emit(int(done), int(total))

    def run(self) -> None:  # noqa: D102 (QThread override)
        from torchdesk.core.threads import use_all_threads_here

        use_all_threads_here()  # a thread that ends with its task takes its CPU threads along
        try:
            result = self._function(self._progress, self._cancel.is_set)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # reported to the person, never raised into Qt
            self.failed.emit(readable_error(exc), "".join(traceback.format_exception(exc)))
        else:
            if self._cancel.is_set():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


class TaskSlot(QObject):
    """Holds at most one running task of a kind (a new start cancels the old one) and joins on shutdown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread: TaskThread | None = None
        self._retired: list[TaskThread] = []
        self._undelivered: set[TaskThread] = set()  # started, and its finished() not yet handled here

    def start(self, function: TaskFunction, name: str, on_success: Callable[[Any], None],
              on_failure: Callable[[str, str], None] | None = None,
              on_progress: Callable[[int, int], None] | None = None,
              on_cancel: Callable[[], None] | None = None) -> TaskThread:
        """Cancel what runs now and start ``function``; the callbacks hear only from this newest task."""
        self.cancel()
        thread = TaskThread(function, name, self)
        current = lambda: self.thread is thread  # noqa: E731
        thread.succeeded.connect(lambda result: current() and on_success(result))
        if on_failure is not None:
            thread.failed.connect(lambda message, detail: current() and on_failure(message, detail))
        if on_progress is not None:
            thread.progressed.connect(lambda done, total: current() and on_progress(done, total))
        if on_cancel is not None:
            thread.cancelled.connect(lambda: on_cancel())
        thread.finished.connect(lambda t=thread: self._forget(t))
        self.thread = thread
        self._undelivered.add(thread)
        thread.start()
        return thread

    def running(self) -> bool:
        """Whether the current task is still running or its result has not reached the GUI thread yet."""
        return self.thread is not None and self.thread in self._undelivered

    def cancel(self) -> None:
        """Ask the current task to stop; its results are then ignored."""
        if self.thread is not None:
            self.thread.cancel()
            if self.thread.isRunning():
                self._retired.append(self.thread)
            self.thread = None

    def stop(self) -> None:
        """Cancel and join every task this slot started."""
        self.cancel()
        for thread in self._retired:
            thread.wait()
        self._retired.clear()
        self._undelivered.clear()

    def _forget(self, thread: TaskThread) -> None:
        self._undelivered.discard(thread)
        if thread in self._retired:
            self._retired.remove(thread)
