"""Deterministic parts of a dataset (train/test splits, the first N samples), importing nothing heavy."""

from __future__ import annotations

from typing import Any


class ClassSubset:
    """A deterministic part of a dataset that keeps its ``classes`` (train/test splits, subsets)."""

    def __init__(self, dataset: Any, indices: list[int]) -> None:
        self.dataset = dataset
        self.indices = indices
        self.classes = list(getattr(dataset, "classes", []))

    def __len__(self) -> int:
        return len(self.indices)

    def __getitem__(self, index: int) -> Any:
        return self.dataset[self.indices[index]]


def split_indices(n: int, test_fraction: float, train: bool) -> list[int]:
    """Every k-th sample goes to the test split (k from ``test_fraction``): stable and spread over the set."""
    if test_fraction <= 0:
        return list(range(n))
    step = max(2, round(1 / test_fraction))
    return [i for i in range(n) if (i % step == step - 1) != train]
