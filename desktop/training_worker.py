"""The training run as a task function: build the run, train it, hand the GUI what it needs.

The engine reports every batch on the training thread; a GUI that redrew on each
one would spend more time painting than training. :class:`TrainingJob` is the
function a :class:`~torchdesk.desktop.tasks.Task` (``Cpu.TRAINING``) runs: it builds
the run with :func:`~torchdesk.core.session.build_run`, trains it, collects batch
losses into :class:`BatchChunk` s handed over at a human rate (``max_rate`` a
second), passes epoch, state, thread-count, finish and failure events through at once, and
gathers each epoch's test predictions from the engine's ``TestBatchEnd`` events
(:class:`EpochPredictions`, delivered just before that epoch's ``EpochEnd``).
Everything reaches the GUI thread through ``TaskState.partial``; cancelling the
task cancels the trainer. The task API does the crossing to the GUI thread.
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from torchdesk.core.events import BatchEnd, EpochEnd, Failed, Finished, StateChanged, TestBatchEnd
from torchdesk.core.thread_tuner import ThreadsChosen, describe_threads
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.tasks import PartialChunker

HANDSHAKE_S = 5.0
"""How long training waits for the GUI to take a new run before it starts anyway."""


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

    @classmethod
    def of(cls, events: list[BatchEnd]) -> "BatchChunk":
        """The chunk of ``events`` (in order)."""
        return cls([e.step for e in events], [e.loss for e in events], events[-1] if events else None)


@dataclass(frozen=True)
class RunReady:
    """The run was built (``run`` is a :class:`~torchdesk.core.session.Run`); training starts once ``seen`` is set.

    The GUI sets ``seen`` after every panel has taken the run (the Checkpoints panel attaches
    its autosaver then), so no epoch can end before the autosaver listens: a fast first
    epoch would otherwise be lost to "best".
    """

    run: Any
    seen: threading.Event = field(default_factory=threading.Event)


class TestPredictions:
    """The test pass's predicted and true classes, gathered from ``TestBatchEnd`` events."""

    __test__ = False  # not a pytest class despite the name

    def __init__(self) -> None:
        self.epoch = 0
        self._predicted: list[Any] = []
        self._true: list[Any] = []

    def add(self, event: TestBatchEnd) -> None:
        """Keep one test batch's classes (a new epoch's first batch starts over)."""
        if event.epoch != self.epoch:
            self.epoch, self._predicted, self._true = event.epoch, [], []
        self._predicted.append(event.predicted)
        self._true.append(event.true)

    def take(self, epoch: int) -> EpochPredictions:
        """The classes of epoch ``epoch``'s test pass, in test-split order; then start over."""
        import numpy as np
        import torch

        predicted, true = (self._predicted, self._true) if self.epoch == epoch else ([], [])
        self._predicted, self._true = [], []
        if not predicted:
            empty = np.zeros(0, dtype=np.int64)
            return EpochPredictions(epoch, empty, empty.copy())
        return EpochPredictions(epoch, torch.cat(predicted).numpy().astype(np.int64),
                                torch.cat(true).numpy().astype(np.int64))


class TrainingJob:
    """Builds and trains one run inside a task; call it with the task's ``TaskState``.

    Partial results, in order: :class:`RunReady`, then :class:`BatchChunk` s (at most
    ``max_rate`` a second), :class:`EpochPredictions` before each ``EpochEnd``,
    ``StateChanged`` on pause and resume, and exactly one ``Finished`` or ``Failed``
    last, whatever happens (a run cancelled before it was built finishes with
    ``epochs_done=0``; one that could not be built fails). Returns that last event.
    """

    def __init__(self, config: Any, registry: Any, resume: Any = None, max_rate: float = 10.0) -> None:
        self.config = config
        self.registry = registry
        self.resume_from = resume
        self.max_rate = max_rate
        self._state: Any = None
        self._batches: PartialChunker | None = None
        self._tests = TestPredictions()

    def __call__(self, state: Any) -> Finished | Failed:
        from torchdesk.core import session
        from torchdesk.core.errors import readable_error

        self._state = state
        self._batches = PartialChunker(lambda events: state.partial(BatchChunk.of(events)), self.max_rate)
        try:
            run = session.build_run(self.config, self.registry, listeners=(self._on_event,),
                                    resume=self.resume_from)
        except Exception as exc:  # the person reads why; the traceback is one click away
            return self._finish(Failed(message=readable_error(exc), detail="".join(traceback.format_exception(exc)),
                                       error_type=type(exc).__name__))
        if state.cancelled():
            return self._finish(Finished(cancelled=True, epochs_done=0))
        ready = RunReady(run)
        state.partial(ready)
        state.on_cancel(run.trainer.cancel)  # at once when Stop came while the data loaded
        deadline = time.monotonic() + HANDSHAKE_S
        while not ready.seen.wait(0.05) and not state.cancelled() and time.monotonic() < deadline:
            pass  # a GUI that does not answer in time (closing) must not hold training: its autosaver catches up
        return run.trainer.run()  # its last event reaches the GUI through the listener

    def _finish(self, event: Finished | Failed) -> Finished | Failed:
        self._state.partial(event)
        return event

    # -- listener (training thread; pause and resume arrive on the thread that asked) ----
    def _on_event(self, event: Any) -> None:
        assert self._batches is not None
        if isinstance(event, BatchEnd):
            self._batches.add(event)
            return
        if isinstance(event, TestBatchEnd):
            self._tests.add(event)
            return
        self._batches.flush()
        if isinstance(event, EpochEnd):
            self._state.partial(self._tests.take(event.epoch))
        if isinstance(event, (EpochEnd, StateChanged, Finished, Failed, ThreadsChosen)):
            self._state.partial(event)


def describe_event(event: Any) -> str:
    """One log line for an engine event (used by the panel's log view)."""
    if isinstance(event, EpochEnd):
        return translate("TrainingJob", "Epoch {epoch}/{epochs}: train loss {train_loss:.4f}, test loss "
                                        "{test_loss:.4f}, test accuracy {accuracy:.2f}% ({seconds:.1f} s)").format(
            epoch=event.epoch, epochs=event.epochs, train_loss=event.train_loss, test_loss=event.test_loss,
            accuracy=event.test_accuracy * 100, seconds=event.seconds)
    if isinstance(event, StateChanged):
        return translate("TrainingJob", "Paused.") if event.paused else translate("TrainingJob", "Resumed.")
    if isinstance(event, ThreadsChosen):
        return describe_threads(event) + "."
    if isinstance(event, Finished):
        n = event.epochs_done
        if event.cancelled:
            return (translate("TrainingJob", "Stopped after {n} epoch.") if n == 1
                    else translate("TrainingJob", "Stopped after {n} epochs.")).format(n=n)
        return (translate("TrainingJob", "Finished: {n} epoch.") if n == 1
                else translate("TrainingJob", "Finished: {n} epochs.")).format(n=n)
    if isinstance(event, Failed):
        return translate("TrainingJob", "Failed: {message}").format(message=event.message)
    return str(event)
