"""The core Trainer on a QThread, its events turned into throttled Qt signals.

The engine reports every batch on the training thread; a GUI that redrew on each
one would spend more time painting than training. :class:`TrainingWorker` (a
QObject moved to a QThread) collects batch losses and hands them over in chunks
at a human rate (``max_rate`` per second), passes epoch, state, finish and failure
events through at once, and :class:`TrainingController` owns the thread: start,
pause, resume, stop and a :meth:`~TrainingController.shutdown` that joins it, so a
closing window never leaves "QThread: Destroyed while thread is still running".
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from torchdesk.core.events import BatchEnd, EpochEnd, Failed, Finished, StateChanged


@dataclass
class EpochPredictions:
    """Predicted and true class of every test sample at the end of one epoch (test-split order)."""

    epoch: int
    predicted: Any  # numpy int64 array
    true: Any


@dataclass
class BatchChunk:
    """Every batch loss since the last chunk, plus the newest progress figures."""

    steps: list[int] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    last: BatchEnd | None = None


class TrainingWorker(QObject):
    """Builds a run and trains it on the thread it was moved to.

    Signals (all delivered to the GUI thread through queued connections):

    * ``run_ready(object)``: the :class:`~torchdesk.core.session.Run` was built; training starts.
    * ``batches(object)``: a :class:`BatchChunk`, at most ``max_rate`` times a second.
    * ``event(object)``: an :class:`EpochEnd`, :class:`StateChanged`, :class:`Finished` or :class:`Failed`.
    * ``predictions(object)``: :class:`EpochPredictions`, just before each ``EpochEnd``.
    * ``dataset_missing(object)``: the dataset is not on disk (a ``DatasetMissingError``).
    * ``done()``: the worker is finished, whatever happened; the thread may quit.
    """

    run_ready = Signal(object)
    batches = Signal(object)
    event = Signal(object)
    predictions = Signal(object)
    dataset_missing = Signal(object)
    done = Signal()

    def __init__(self, config: Any, registry: Any, resume: Any = None, max_rate: float = 10.0) -> None:
        super().__init__()
        self.config = config
        self.registry = registry
        self.resume_from = resume
        self.min_interval = 1.0 / max_rate
        self.run: Any = None
        self.recorder: Any = None
        self._lock = threading.Lock()
        self._chunk = BatchChunk()
        self._chunk_lock = threading.Lock()
        self._last_emit = 0.0
        self._cancel_requested = False
        self._terminal_sent = False

    # -- control (any thread) -------------------------------------------------------
    def request_cancel(self) -> None:
        """Stop as soon as possible: before training starts, or after the current batch."""
        with self._lock:
            self._cancel_requested = True
            run = self.run
        if run is not None:
            run.trainer.cancel()

    # -- the work (worker thread) ---------------------------------------------------
    @Slot()
    def work(self) -> None:
        """Build the run and train it; every outcome ends with ``done``."""
        try:
            self._build_and_train()
        except BaseException as exc:  # noqa: BLE001 - the GUI must hear about anything
            self._report_exception(exc)
        finally:
            self._flush()
            if not self._terminal_sent:
                self.event.emit(Finished(cancelled=True, epochs_done=0))
            self.done.emit()

    def _build_and_train(self) -> None:
        from torchdesk.core.session import build_run
        from torchdesk.core.threads import use_all_threads_here
        from torchdesk.desktop.test_predictions import TestPredictionRecorder

        use_all_threads_here()

        run = build_run(self.config, self.registry, listeners=(self._on_event,), resume=self.resume_from)
        self.recorder = TestPredictionRecorder.install(run.trainer)
        with self._lock:
            self.run = run
            cancelled = self._cancel_requested
        if cancelled:
            self._terminal_sent = True
            self.event.emit(Finished(cancelled=True, epochs_done=0))
            return
        self.run_ready.emit(run)
        run.trainer.run()

    def _report_exception(self, exc: BaseException) -> None:
        from torchdesk.core.data import DatasetMissingError

        self._terminal_sent = True
        if isinstance(exc, DatasetMissingError):
            self.dataset_missing.emit(exc)
            self.event.emit(Failed(message=str(exc), detail="", error_type=type(exc).__name__))
            return
        detail = "".join(traceback.format_exception(exc))
        message = str(exc) or type(exc).__name__
        self.event.emit(Failed(message=f"{type(exc).__name__}: {message}" if str(exc) else message,
                               detail=detail, error_type=type(exc).__name__))

    # -- listener (training thread) ------------------------------------------------
    def _on_event(self, event: Any) -> None:
        if isinstance(event, BatchEnd):
            with self._chunk_lock:
                chunk = self._chunk
                chunk.steps.append(event.step)
                chunk.losses.append(event.loss)
                chunk.last = event
            now = time.monotonic()
            if now - self._last_emit >= self.min_interval:
                self._last_emit = now
                self._flush()
            return
        self._flush()
        if isinstance(event, EpochEnd) and self.recorder is not None:
            predicted, true = self.recorder.take()
            self.predictions.emit(EpochPredictions(event.epoch, predicted, true))
        if isinstance(event, (Finished, Failed)):
            self._terminal_sent = True
        self.event.emit(event)

    def _flush(self) -> None:
        # Pause/resume events arrive on the thread that asked, so two threads may flush.
        with self._chunk_lock:
            if not self._chunk.steps:
                return
            chunk, self._chunk = self._chunk, BatchChunk()
        self.batches.emit(chunk)


class TrainingController(QObject):
    """Owns one training thread at a time; the panel's only way to the worker.

    Re-emits the worker's signals (already on the GUI thread) and adds
    ``running_changed(bool)``. :meth:`shutdown` cancels and joins, and is safe to call
    at any time, any number of times.
    """

    run_ready = Signal(object)
    batches = Signal(object)
    event = Signal(object)
    predictions = Signal(object)
    dataset_missing = Signal(object)
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_rate: float = 10.0) -> None:
        super().__init__(parent)
        self.max_rate = max_rate
        self._thread: QThread | None = None
        self._worker: TrainingWorker | None = None
        self.paused = False

    @property
    def running(self) -> bool:
        """Whether a thread is building or training a run."""
        return self._thread is not None

    @property
    def run(self) -> Any:
        """The current run once built (None before and after)."""
        return self._worker.run if self._worker is not None else None

    def start(self, config: Any, registry: Any, resume: Any = None) -> None:
        """Build and train ``config`` on a new thread; refused while one runs."""
        if self.running:
            raise RuntimeError("a training run is already going; stop it first")
        thread = QThread()
        thread.setObjectName("torchdesk-training")
        worker = TrainingWorker(config, registry, resume=resume, max_rate=self.max_rate)
        worker.moveToThread(thread)
        thread.started.connect(worker.work)
        worker.run_ready.connect(self.run_ready)
        worker.batches.connect(self.batches)
        worker.event.connect(self._on_event)
        worker.predictions.connect(self.predictions)
        worker.dataset_missing.connect(self.dataset_missing)
        # Direct: quit from the worker thread itself. Queued, the quit would wait for the GUI
        # thread, which may be blocked in shutdown()'s wait(): a deadlock.
        worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(lambda t=thread: self._on_thread_finished(t))
        self._thread, self._worker, self.paused = thread, worker, False
        thread.start()
        self.running_changed.emit(True)

    def pause(self) -> None:
        """Pause after the current batch."""
        run = self.run
        if run is not None:
            run.trainer.pause()

    def resume(self) -> None:
        """Continue a paused run."""
        run = self.run
        if run is not None:
            run.trainer.resume()

    def stop(self) -> None:
        """Cancel the run after the current batch (or before it starts); returns at once."""
        if self._worker is not None:
            self._worker.request_cancel()
            if self.paused:
                self.resume()

    def shutdown(self, timeout_ms: int | None = None) -> bool:
        """Cancel and wait for the thread to end; True when nothing is left running."""
        if self._thread is None:
            return True
        self.stop()
        thread = self._thread
        finished = thread.wait() if timeout_ms is None else thread.wait(timeout_ms)
        if finished:
            self._on_thread_finished(thread)
        return finished

    def _on_event(self, event: Any) -> None:
        if isinstance(event, StateChanged):
            self.paused = event.paused
        self.event.emit(event)

    def _on_thread_finished(self, thread: QThread) -> None:
        if thread is not self._thread:
            return
        thread.wait()
        self._thread, self._worker = None, None
        self.paused = False
        thread.deleteLater()
        self.running_changed.emit(False)


def describe_event(event: Any) -> str:
    """One log line for an engine event (used by the panel's log view)."""
    if isinstance(event, EpochEnd):
        return (f"Epoch {event.epoch}/{event.epochs}: train loss {event.train_loss:.4f}, "
                f"test loss {event.test_loss:.4f}, test accuracy {event.test_accuracy * 100:.2f}% "
                f"({event.seconds:.1f} s)")
    if isinstance(event, StateChanged):
        return "Paused." if event.paused else "Resumed."
    if isinstance(event, Finished):
        if event.cancelled:
            return f"Stopped after {event.epochs_done} epoch(s)."
        return f"Finished: {event.epochs_done} epoch(s)."
    if isinstance(event, Failed):
        return f"Failed: {event.message}"
    return str(event)
