"""Save a run at every epoch end and keep its best epoch, so nothing a person trained is lost.

:class:`Autosaver` is a trainer listener: it runs on the training thread right after an
epoch's test loop, while the weights are exactly those the epoch's metrics describe.
It writes ``<stem>-latest.pt`` every epoch and ``<stem>-best.pt`` whenever the test
accuracy beats every earlier epoch of the run (a resumed run's history counts), both
atomically through :func:`~torchdesk.core.checkpoint.save_checkpoint`.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from torchdesk.core.checkpoint import save_checkpoint
from torchdesk.core.events import EpochEnd, Event
from torchdesk.core.i18n import translate

LATEST = "latest"
BEST = "best"


@dataclass(frozen=True)
class AutosavePolicy:
    """Where and what to autosave."""

    folder: Path
    every_epoch: bool = True
    keep_best: bool = True
    include_optimizer: bool = True

    @property
    def active(self) -> bool:
        """Whether anything will be written."""
        return self.every_epoch or self.keep_best


@dataclass(frozen=True)
class AutosaveRecord:
    """One file the autosaver wrote."""

    path: Path
    kind: str  # LATEST or BEST
    epoch: int
    test_accuracy: float


def run_stem(config: Any, when: _dt.datetime | None = None) -> str:
    """A file-name stem for a run: ``<model>-<dataset>-<YYYYmmdd-HHMMSS>``."""
    when = when or _dt.datetime.now()
    raw = f"{config.model.id}-{config.dataset.id}-{when:%Y%m%d-%H%M%S}"
    return re.sub(r"[^A-Za-z0-9._-]+", "_", raw)


def best_accuracy(history: dict[str, Any]) -> float:
    """The best test accuracy in a run history (-inf when none was measured)."""
    values = [e.get("test_accuracy") for e in history.get("epochs", [])]
    finite = [float(v) for v in values if isinstance(v, (int, float)) and math.isfinite(v)]
    return max(finite, default=-math.inf)


class Autosaver:
    """A trainer listener writing ``<stem>-latest.pt`` each epoch and ``<stem>-best.pt`` on a new best.

    ``run`` is anything with ``checkpoint_payload(include_optimizer=...)`` and a
    ``trainer.history`` (a :class:`~torchdesk.core.session.Run`). ``on_saved(record)`` and
    ``on_error(message)`` are called on the training thread. Each epoch end also keeps a
    copy of the payload in :attr:`snapshot`, so "save now" during training writes a
    consistent epoch-end state rather than weights half-way through an epoch. A failed save is reported,
    never raised: a full disk must not stop the training it is protecting.
    """

    def __init__(self, run: Any, policy: AutosavePolicy, stem: str | None = None,
                 on_saved: Callable[[AutosaveRecord], None] | None = None,
                 on_error: Callable[[str], None] | None = None) -> None:
        self.run = run
        self.policy = policy
        self.stem = stem or run_stem(run.config)
        self.on_saved = on_saved
        self.on_error = on_error
        self.saved: list[AutosaveRecord] = []
        self.saved_epochs: set[int] = set()
        self._lock = threading.Lock()
        epochs = run.trainer.history.get("epochs", [])
        # Epochs from before this run (a resumed checkpoint's) set the bar the new ones must beat. An
        # autosaver that joins after some of this run's epochs ended cannot save their weights any more:
        # they neither raise the bar nor count as known, so the next epoch end (or catch_up) writes.
        earlier = epochs[: run.trainer.start_epoch]
        self.best = best_accuracy({"epochs": earlier})
        self._known = len(earlier)
        self.snapshot: dict[str, Any] | None = None  # the last epoch end's payload, for "Save" during training

    def catch_up(self) -> list[AutosaveRecord]:
        """Save the run's last epoch if this listener joined too late to see it (call once training ended)."""
        epochs = self.run.trainer.history.get("epochs", [])
        if len(epochs) <= self._known:
            return []
        last = epochs[-1]
        return self.save_epoch(int(last.get("epoch", len(epochs))), last.get("test_accuracy", math.nan))

    def path(self, kind: str) -> Path:
        """The file this autosaver writes for ``kind`` (LATEST or BEST)."""
        return Path(self.policy.folder).expanduser() / f"{self.stem}-{kind}.pt"

    def __call__(self, event: Event) -> None:
        if isinstance(event, EpochEnd):
            self.save_epoch(event.epoch, event.test_accuracy)

    def save_epoch(self, epoch: int, test_accuracy: float) -> list[AutosaveRecord]:
        """Write the files due for ``epoch`` (call while the weights are that epoch's)."""
        with self._lock:
            if epoch in self.saved_epochs:
                return []
            self.saved_epochs.add(epoch)
            try:
                snapshot = clone_payload(self.run.checkpoint_payload(include_optimizer=True))
                # The trainer counts an epoch as done only after its EpochEnd listeners return.
                snapshot["epoch"] = max(int(snapshot.get("epoch", 0)), int(epoch))
                self.snapshot = snapshot
            except Exception as exc:  # noqa: BLE001
                if self.on_error is not None:
                    self.on_error(translate("autosave", "Could not take the epoch {epoch} snapshot: {reason}").format(
                        epoch=epoch, reason=exc))
                return []
            if not self.policy.active:
                return []
            kinds = []
            if self.policy.every_epoch:
                kinds.append(LATEST)
            accuracy = float(test_accuracy) if test_accuracy is not None else math.nan
            if self.policy.keep_best and math.isfinite(accuracy) and accuracy > self.best:
                self.best = accuracy
                kinds.append(BEST)
            if not kinds:
                return []
            records = []
            try:
                payload = dict(self.snapshot)
                if not self.policy.include_optimizer:
                    payload["optimizer_state"] = None
                for kind in kinds:
                    path = save_checkpoint(self.path(kind), payload=payload)
                    records.append(AutosaveRecord(path=path, kind=kind, epoch=epoch, test_accuracy=accuracy))
            except Exception as exc:  # noqa: BLE001 - reported, training goes on
                if self.on_error is not None:
                    self.on_error(translate("autosave", "Autosave after epoch {epoch} failed: {reason}").format(
                        epoch=epoch, reason=exc))
                return records
            self.saved.extend(records)
        for record in records:
            if self.on_saved is not None:
                self.on_saved(record)
        return records


def clone_payload(value: Any) -> Any:
    """A deep copy of a checkpoint payload whose tensors no longer share memory with the live model."""
    import torch

    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    if isinstance(value, dict):
        return {k: clone_payload(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clone_payload(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clone_payload(v) for v in value)
    return value
