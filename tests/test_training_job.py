"""The training task's function without Qt: what it hands the GUI, in which order, and how it stops."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import numpy as np
import torch
from desktop_helpers import quick_config

from torchdesk.core.events import EpochEnd, Failed, Finished
from torchdesk.desktop.training_worker import BatchChunk, EpochPredictions, RunReady, TrainingJob


class FakeTaskState:
    """Stands in for ``TaskState``: records partial results, cancels on request."""

    def __init__(self, cancel_after_chunks: int = 0) -> None:
        self.values: list[Any] = []
        self.callbacks: list[Callable[[], None]] = []
        self.is_cancelled = False
        self.cancel_after_chunks = cancel_after_chunks

    def partial(self, value: Any) -> None:
        self.values.append(value)
        if isinstance(value, RunReady):
            value.seen.set()  # as the GUI does once every panel has the run
        chunks = sum(isinstance(v, BatchChunk) for v in self.values)
        if self.cancel_after_chunks and chunks >= self.cancel_after_chunks and not self.is_cancelled:
            self.is_cancelled = True
            for callback in self.callbacks:
                callback()

    def cancelled(self) -> bool:
        return self.is_cancelled

    def on_cancel(self, callback: Callable[[], None]) -> None:
        if self.is_cancelled:
            callback()
        else:
            self.callbacks.append(callback)

    def of(self, kind: type) -> list[Any]:
        return [v for v in self.values if isinstance(v, kind)]


def test_a_run_hands_over_its_run_chunks_predictions_and_epochs_in_order(mnist_root: Path) -> None:
    state = FakeTaskState()
    final = TrainingJob(quick_config(mnist_root), None, max_rate=1e9)(state)
    assert isinstance(final, Finished) and not final.cancelled
    assert isinstance(state.values[0], RunReady) and state.values[-1] is final
    run = state.values[0].run
    steps = [s for chunk in state.of(BatchChunk) for s in chunk.steps]
    assert steps == list(range(1, 2 * 19 + 1))  # every batch once, in order
    epochs = [i for i, v in enumerate(state.values) if isinstance(v, EpochEnd)]
    assert len(epochs) == 2
    for index in epochs:  # each epoch's predictions come just before its end
        predictions, end = state.values[index - 1], state.values[index]
        assert isinstance(predictions, EpochPredictions) and predictions.epoch == end.epoch
        assert len(predictions.true) == 200
        confusion = np.zeros((10, 10), dtype=int)
        np.add.at(confusion, (predictions.true, predictions.predicted), 1)
        assert confusion.tolist() == end.confusion  # the same test pass the matrix counts
    run.model.eval()
    with torch.no_grad():
        predicted = torch.cat([run.model(x).argmax(1).cpu() for x, _ in run.data.test_batches]).numpy()
    assert (state.of(EpochPredictions)[-1].predicted == predicted).all()


def test_batches_arrive_in_chunks_at_the_given_rate(mnist_root: Path) -> None:
    state = FakeTaskState()
    TrainingJob(quick_config(mnist_root), None, max_rate=0.001)(state)
    chunks = state.of(BatchChunk)
    assert len(chunks) <= 3  # the first batch, then only what the epoch ends flush
    assert sum(len(c.steps) for c in chunks) == 2 * 19 and chunks[-1].last.step == 2 * 19


def test_cancelling_stops_the_trainer_after_the_current_batch(mnist_root: Path) -> None:
    state = FakeTaskState(cancel_after_chunks=3)
    final = TrainingJob(quick_config(mnist_root, epochs=50), None, max_rate=1e9)(state)
    assert isinstance(final, Finished) and final.cancelled and final.epochs_done == 0
    assert sum(len(c.steps) for c in state.of(BatchChunk)) <= 4
    assert state.values[-1] is final


def test_a_run_cancelled_while_it_loads_never_starts(mnist_root: Path) -> None:
    state = FakeTaskState()
    state.is_cancelled = True
    final = TrainingJob(quick_config(mnist_root), None)(state)
    assert final == Finished(cancelled=True, epochs_done=0)
    assert state.values == [final]


def test_a_missing_dataset_fails_with_its_message(tmp_path: Path) -> None:
    state = FakeTaskState()
    final = TrainingJob(quick_config(tmp_path), None)(state)
    assert isinstance(final, Failed) and final.error_type == "DatasetMissingError"
    assert str(tmp_path) in final.message and "Traceback" in final.detail
    assert state.values == [final]


def test_training_waits_until_the_gui_has_taken_the_run(mnist_root) -> None:
    """The first epoch cannot end before the panels (the autosaver among them) have the run."""
    import threading
    import time

    class SlowGui(FakeTaskState):
        def partial(self, value: Any) -> None:
            self.values.append(value)
            if isinstance(value, RunReady):
                self.taken_at = time.monotonic() + 0.5
                threading.Timer(0.5, value.seen.set).start()
            elif isinstance(value, BatchChunk) and not hasattr(self, "first_batch_at"):
                self.first_batch_at = time.monotonic()

    state = SlowGui()
    final = TrainingJob(quick_config(mnist_root), None, max_rate=1e9)(state)
    assert isinstance(final, Finished) and state.first_batch_at >= state.taken_at - 0.05
