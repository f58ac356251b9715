"""Datasets sent from the playground, opened by the engine like a dataset plugin's.

A dataset plugin's factory gets the data folder, the split and the run's transforms.
A dataset typed in the playground was already made, often with its own transform
(the walkthrough's ``ToTensor()``). :func:`dataset_factory` adapts both kinds the
playground sends: an instance (its other split is made the same way when it is a
torchvision-style dataset with ``train``), and a Dataset class (called with the
arguments it accepts).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any, Callable

from torch.utils.data import Dataset

from torchdesk.core.playground.sendable import DATASET_ARGUMENTS


class SentDataset(Dataset):
    """A playground dataset with the run's transforms applied to what it returns."""

    def __init__(self, base: Any, transform: Callable[[Any], Any] | None,
                 target_transform: Callable[[Any], Any] | None) -> None:
        self.base = base
        self.transform = transform
        self.target_transform = target_transform
        classes = getattr(base, "classes", None)
        if isinstance(classes, (list, tuple)):
            self.classes = list(classes)
        if _resident(base):
            # The engine's fast path reads these; the base's own transform is at most ToTensor,
            # which the fast path does as well.
            self.data = base.data
            self.targets = base.targets

    def __len__(self) -> int:
        return len(self.base)

    def __getitem__(self, index: int) -> tuple[Any, Any]:
        image, label = self.base[index]
        if self.transform is not None:
            image = self.transform(image)
        if self.target_transform is not None:
            label = self.target_transform(label)
        return image, int(label)


def _resident(base: Any) -> bool:
    transform = getattr(base, "transform", None)
    simple = transform is None or type(transform).__name__ == "ToTensor"
    return (simple and getattr(base, "target_transform", None) is None
            and getattr(base, "data", None) is not None and getattr(base, "targets", None) is not None)


def _other_split(base: Any, root: Path) -> Any:
    """The other split of a torchvision-style dataset (``train`` and ``root``), made the same way; else ``base``."""
    if not isinstance(getattr(base, "train", None), bool):
        return base
    stored = Path(str(getattr(base, "root", "") or ""))
    try:
        return type(base)(root=str(stored if stored.is_absolute() and stored.exists() else root),
                          train=not base.train, transform=getattr(base, "transform", None),
                          target_transform=getattr(base, "target_transform", None), download=False)
    except Exception:  # noqa: BLE001 - no other split on this machine: test on the same samples
        return base


def dataset_factory(kind: str, value: Any) -> Callable[..., Any]:
    """The ``DatasetSpec.factory`` for a sent dataset instance (``kind`` "dataset") or class ("dataset-class")."""
    cache: dict[bool, Any] = {}

    def from_instance(root: Any = None, train: bool = True, download: bool = False,
                      transform: Any = None, target_transform: Any = None, **_params: Any) -> Any:
        own_split = getattr(value, "train", train) if isinstance(getattr(value, "train", None), bool) else train
        if train == own_split:
            base = value
        else:
            if train not in cache:
                cache[train] = _other_split(value, Path(str(root or ".")))
            base = cache[train]
        return SentDataset(base, transform, target_transform)

    def from_class(root: Any = None, train: bool = True, download: bool = False,
                   transform: Any = None, target_transform: Any = None, **_params: Any) -> Any:
        offered = {"root": str(root) if root is not None else None, "train": train, "download": download}
        try:
            accepted = inspect.signature(value).parameters
        except (TypeError, ValueError):
            accepted = {}
        base = value(**{k: v for k, v in offered.items() if k in accepted and k in DATASET_ARGUMENTS})
        return SentDataset(base, transform, target_transform)

    return from_class if kind == "dataset-class" else from_instance
