"""Events the :class:`~torchdesk.core.trainer.Trainer` reports to its listeners.

Listeners are plain callables taking one event. They run on the training thread;
the desktop worker turns them into Qt signals, the CLI into a progress bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Union


@dataclass(frozen=True)
class BatchEnd:
    """One optimisation step finished."""

    epoch: int  # 1-based epoch number
    step: int  # global step counter across the run (1-based)
    batch: int  # 1-based batch index within the epoch
    batches_per_epoch: int
    loss: float
    samples_per_s: float
    samples_done: int  # samples processed in this run so far
    samples_total: int  # samples this run will process in total (train split x epochs)
    seconds_left: float


@dataclass(frozen=True)
class EpochEnd:
    """The train loop and the test loop of one epoch finished."""

    epoch: int
    epochs: int  # the epoch this run ends at
    train_loss: float
    test_loss: float
    test_accuracy: float  # 0..1
    per_class_accuracy: list[float]
    confusion: list[list[int]]  # confusion[true][predicted]
    class_names: list[str]
    seconds: float
    metrics: dict[str, float] = field(default_factory=dict)  # metric plugins' values, by "metric:<id>"


@dataclass(frozen=True)
class TestBatchEnd:
    """One batch of the test pass was predicted: what the model said and what was true.

    ``predicted`` and ``true`` are CPU int64 tensors of class indices, in test-split
    order; the Train panel collects them so a confusion-matrix cell can show its samples.
    """

    __test__ = False  # not a pytest class despite the name

    epoch: int  # the epoch whose test pass this is
    batch: int  # 1-based batch index within the test pass
    predicted: Any
    true: Any


@dataclass(frozen=True)
class Finished:
    """The run ended normally or was cancelled."""

    cancelled: bool
    epochs_done: int
    history: dict[str, Any] = field(default_factory=dict)
    stopped_by: str = ""  # why a callback ended the run early ("" when it ran its epochs)


@dataclass(frozen=True)
class Failed:
    """The run stopped with an error; ``message`` is for people, ``detail`` is the traceback."""

    message: str
    detail: str
    error_type: str


@dataclass(frozen=True)
class StateChanged:
    """The run was paused or resumed."""

    paused: bool


Event = Union[BatchEnd, TestBatchEnd, EpochEnd, Finished, Failed, StateChanged]
Listener = Callable[[Event], None]
