"""The playground evaluator on a QThread, so a long computation never freezes the window.

:class:`PlaygroundRunner` owns the thread and the :class:`~torchdesk.core.playground.Evaluator`.
Printed text reaches the GUI in chunks (at most ``max_rate`` a second, so a print in a tight
loop cannot flood the event queue); :meth:`~PlaygroundRunner.interrupt` stops a run from the
GUI thread and :meth:`~PlaygroundRunner.shutdown` stops and joins the thread.
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, QThread, Signal, Slot

from torchdesk.core.playground import Evaluator, Limits, describe_variables
from torchdesk.core.threads import use_one_thread_here


class PlaygroundWorker(QObject):
    """Runs code on the thread it was moved to.

    * ``output(str)``: printed text, in chunks.
    * ``finished(object, object)``: the ``RunResult`` and the variables table rows.
    """

    output = Signal(str)
    finished = Signal(object, object)

    def __init__(self, evaluator: Evaluator, max_rate: float = 20.0) -> None:
        super().__init__()
        self.evaluator = evaluator
        self.min_interval = 1.0 / max_rate
        self._pending: list[str] = []
        self._last_emit = 0.0
        self._lock = threading.Lock()

    def _write(self, text: str) -> None:
        with self._lock:
            self._pending.append(text)
        now = time.monotonic()
        if now - self._last_emit >= self.min_interval:
            self._flush()
            self._last_emit = now

    def _flush(self) -> None:
        with self._lock:
            text = "".join(self._pending)
            self._pending.clear()
        if text:
            self.output.emit(text)

    @Slot(str, int)
    def run(self, code: str, first_line: int) -> None:
        """Run ``code`` (its first line is editor line ``first_line``) and report."""
        use_one_thread_here()
        result = self.evaluator.run(code, first_line, output=self._write)
        self._flush()
        try:
            rows = describe_variables(self.evaluator.namespace)
        except Exception:  # a variable that cannot be described must not lose the run's result
            rows = []
        self.finished.emit(result, rows)


class PlaygroundRunner(QObject):
    """Starts the worker thread once and relays its signals; one run at a time."""

    output = Signal(str)
    finished = Signal(object, object)
    _request = Signal(str, int)

    def __init__(self, limits: Limits | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.evaluator = Evaluator(limits)
        self.worker = PlaygroundWorker(self.evaluator)
        self.thread = QThread()
        self.thread.setObjectName("playground")
        self.worker.moveToThread(self.thread)
        self._request.connect(self.worker.run)
        self.worker.output.connect(self.output)
        self.worker.finished.connect(self._on_finished)
        self.busy = False
        self._stopped = False
        self.thread.start()

    def run(self, code: str, first_line: int = 1) -> bool:
        """Queue ``code``; False (and nothing queued) while a run is in progress or after shutdown."""
        if self.busy or self._stopped:
            return False
        self.busy = True
        self.evaluator.clear_cancel()
        self._request.emit(code, first_line)
        return True

    def interrupt(self) -> None:
        """Stop the current run as soon as possible."""
        if self.busy:
            self.evaluator.cancel()

    def _on_finished(self, result: object, rows: object) -> None:
        self.busy = False
        self.finished.emit(result, rows)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Interrupt any run, stop the thread and wait for it (idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        self.evaluator.cancel()
        self.thread.quit()
        self.thread.wait(timeout_ms)
