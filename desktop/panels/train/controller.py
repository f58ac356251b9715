"""The Train panel's controller: one training task at a time, and what the app state learns of it.

It starts a :class:`~torchdesk.desktop.training_worker.TrainingJob` as a
``Cpu.TRAINING`` task, turns the job's partial results into typed signals for the
panel's views, and keeps the shared state in step: the run (``set_run``), whether
training is going (``set_training_active``), the live model (``set_predictor``),
``model_updated`` after each epoch and every event on ``training_event``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from torchdesk.core.data import DatasetMissingError
from torchdesk.core.events import EpochEnd, Failed, StateChanged
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu, Task, TaskRunner
from torchdesk.desktop.training_worker import BatchChunk, EpochPredictions, RunReady, TrainingJob


LIVE_UPDATES_PER_SECOND = 5.0
"""How often the curves and the progress move while training: live to the eye, and half the GUI work of ten a
second, which measured 1.04-1.09 x the headless training time against 1.02-1.05 at five (bench/gui_overhead.py)."""


class TrainingController(QObject):
    """Start, pause, resume and stop training; the panel listens to its signals.

    * ``run_ready(object)``: the :class:`~torchdesk.core.session.Run` was built; training starts.
    * ``batches(object)``: a :class:`~torchdesk.desktop.training_worker.BatchChunk`.
    * ``event(object)``: an ``EpochEnd``, ``StateChanged``, ``Finished`` or ``Failed``.
    * ``dataset_missing(str)``: the dataset is not on disk (before its ``Failed``).
    * ``running_changed(bool)``: a task began, or ended and was joined.
    """

    run_ready = Signal(object)
    batches = Signal(object)
    event = Signal(object)
    dataset_missing = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, state: AppState, runner: TaskRunner, max_rate: float = LIVE_UPDATES_PER_SECOND,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner
        self.max_rate = max_rate
        self.task: Task | None = None
        self._job: TrainingJob | None = None
        self.run: Any = None  # the current run once built; kept after it ends, for saving
        self.paused = False
        self.predictions: EpochPredictions | None = None  # the last epoch's test predictions

    @property
    def running(self) -> bool:
        """Whether a task is building or training a run (until its end reached the GUI thread)."""
        return self.task is not None and self.runner.running()

    def start(self, config: Any, resume: Any = None) -> None:
        """Build and train ``config`` (continuing checkpoint ``resume``) in a task; refused while one runs."""
        if self.running:
            raise RuntimeError(translate("TrainingController", "a training run is already going; stop it first"))
        self.run, self.paused, self.predictions = None, False, None
        job = TrainingJob(config, self.state.registry, resume=resume, max_rate=self.max_rate)
        self.task = self.runner.start(job, "training", on_success=lambda _final: None, on_failure=self._on_failure,
                                      on_partial=self._on_partial, cpu=Cpu.TRAINING,
                                      on_finished=lambda: self._on_task_finished(job))
        self._job = job
        self.state.set_training_active(True)
        self.running_changed.emit(True)

    def pause(self) -> None:
        """Hold the run after the current batch."""
        if self.running and self.run is not None:
            self.run.trainer.pause()

    def resume(self) -> None:
        """Continue a paused run."""
        if self.running and self.run is not None:
            self.run.trainer.resume()

    def stop(self) -> None:
        """Cancel the run after the current batch (or before it starts); returns at once.

        The task is cancelled, not the runner, so the run's last events still arrive.
        """
        if self.running and self.task is not None:
            self.task.cancel()  # its state's on_cancel cancels the trainer, paused or not

    def shutdown(self) -> None:
        """Cancel and join the task (the window is closing); safe at any time, any number of times."""
        self.runner.stop()
        if self.task is not None:
            self._ended()

    # -- the task's results (GUI thread) ----------------------------------------------
    def _on_partial(self, value: Any) -> None:
        if isinstance(value, BatchChunk):
            self.batches.emit(value)
            if value.last is not None:
                self.state.training_event.emit(value.last)
        elif isinstance(value, EpochPredictions):
            self.predictions = value
        elif isinstance(value, RunReady):
            try:
                self._on_run_ready(value.run)
            finally:
                value.seen.set()  # every panel has the run (the autosaver listens): training may start
        else:
            self._on_event(value)

    def _on_run_ready(self, run: Any) -> None:
        self.run = run
        self.state.set_run(run)  # the Checkpoints panel saves and autosaves the live run from it
        self.run_ready.emit(run)
        try:
            self.state.set_predictor(run.predictor())
        except Exception as exc:  # training goes on; only the other panels cannot follow it
            self.state.show_status(translate("TrainingController", "The other panels cannot follow this run: {error}")
                                   .format(error=exc))

    def _on_event(self, event: Any) -> None:
        if isinstance(event, StateChanged):
            self.paused = event.paused
        if isinstance(event, Failed) and event.error_type == DatasetMissingError.__name__:
            self.dataset_missing.emit(event.message)
        self.event.emit(event)
        if isinstance(event, EpochEnd):
            self.state.model_updated.emit()
        self.state.training_event.emit(event)

    def _on_failure(self, message: str, detail: str) -> None:
        # The job reports its own failures as events; this is only what escaped it.
        self._on_event(Failed(message=message, detail=detail, error_type="Exception"))

    def _on_task_finished(self, job: TrainingJob) -> None:
        if job is self._job and self.task is not None:  # not after shutdown, not an older run's
            self._ended()

    def _ended(self) -> None:
        self.task, self.paused = None, False
        self.state.set_training_active(False)
        self.running_changed.emit(False)
