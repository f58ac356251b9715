"""Running the panel's predictions: fast models on the GUI thread, slow ones as tasks, newest drawing only.

A small model answers in a millisecond or two, less than starting a thread costs,
so it predicts right where the stroke ended and the bars repaint in the same
event. A model that proves slow (see :data:`SLOW_PREDICTION_S`) predicts as a
:class:`~torchdesk.desktop.tasks.Task` on one CPU thread instead, so drawing stays
smooth; while one runs, only the newest drawing waits for its turn.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass

import numpy as np
import torch
from PySide6.QtCore import QObject, Signal

from torchdesk.core.predictor import Predictor
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.classify.images import first_line
from torchdesk.desktop.tasks import Cpu, TaskRunner, TaskState

# Predictions move to a task when the model's forward pass took longer than this in two of
# the last three tries (after a warm-up pass).
SLOW_PREDICTION_S = 0.05


def _failed(reason: str) -> str:
    return translate("Predictions", "The model could not classify this picture: {reason}").format(reason=reason)


@dataclass(frozen=True)
class PredictionJob:
    """One request: a model and the exact input it gets."""

    number: int
    predictor: Predictor
    model_input: np.ndarray  # (C, H, W) floats 0..1


class Predictions(QObject):
    """Predicts drawings and reports only the answer for the newest one.

    ``done(job, probabilities)`` and ``failed(job, message, detail)`` are heard on the
    GUI thread, synchronously when the model predicted there.
    """

    done = Signal(object, object)
    failed = Signal(object, str, str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._number = 0
        self._in_flight = False
        self._pending: PredictionJob | None = None
        self._closed = False
        self._forward_times: list[float] = []
        self._warm_up = True

    def new_model(self) -> None:
        """Another model: its speed is unknown again, so it starts on the GUI thread."""
        self._forward_times = []
        self._warm_up = True

    def in_thread(self) -> bool:
        """Whether the model has proved too slow for the GUI thread."""
        return sum(t > SLOW_PREDICTION_S for t in self._forward_times[-3:]) >= 2

    def busy(self) -> bool:
        """True while a prediction runs as a task or waits for one."""
        return self._in_flight or self._pending is not None

    def invalidate(self) -> None:
        """The picture changed: any answer still on its way is for an older one."""
        self._number += 1
        self._pending = None

    def submit(self, predictor: Predictor, model_input: np.ndarray) -> None:
        """Predict ``model_input`` with ``predictor`` (the newest picture)."""
        if self._closed:
            return
        self._number += 1
        job = PredictionJob(self._number, predictor, model_input)
        if not self.in_thread():
            self._predict_here(job)
        elif self._in_flight:
            self._pending = job
        else:
            self._start(job)

    def close(self) -> None:
        """Start nothing more (the panel is closing; its runner is stopped and joined by the panel)."""
        self._closed = True
        self._pending = None

    def _predict_here(self, job: PredictionJob) -> None:
        started = time.perf_counter()
        try:
            probs = job.predictor.probabilities(torch.from_numpy(job.model_input))[0]
        except Exception as exc:  # a broken model must not take the app down
            self.failed.emit(job, _failed(first_line(exc)), traceback.format_exc())
            return
        self._record(time.perf_counter() - started)
        self.done.emit(job, probs)

    def _start(self, job: PredictionJob) -> None:
        def predict(_: TaskState) -> tuple[torch.Tensor, float]:
            started = time.perf_counter()
            probs = job.predictor.probabilities(torch.from_numpy(job.model_input))[0]
            return probs, time.perf_counter() - started

        self._in_flight = True
        self._runner.start(predict, "classify-prediction", cpu=Cpu.LIGHT,
                           on_success=lambda result: self._succeeded(job, result),
                           on_failure=lambda message, detail: self._failed(job, message, detail),
                           on_cancel=self._ended)

    def _succeeded(self, job: PredictionJob, result: tuple[torch.Tensor, float]) -> None:
        probs, seconds = result
        self._record(seconds)
        if job.number == self._number:
            self.done.emit(job, probs)
        self._ended()

    def _failed(self, job: PredictionJob, message: str, detail: str) -> None:
        if job.number == self._number:
            self.failed.emit(job, _failed(message), detail)
        self._ended()

    def _ended(self) -> None:
        self._in_flight = False
        if self._pending is not None and not self._closed:
            job, self._pending = self._pending, None
            if self.in_thread():
                self._start(job)
            else:
                self._predict_here(job)

    def _record(self, seconds: float) -> None:
        if self._warm_up:  # a model's first pass pays for one-off set-up: not a fair measure
            self._warm_up = False
            return
        self._forward_times = self._forward_times[-2:] + [seconds]
