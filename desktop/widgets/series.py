"""A numeric series that grows cheaply to hundreds of thousands of points.

Plots hold their data in preallocated NumPy arrays that double when full, so
appending a chunk is a slice copy and handing the curve its data is a view, not a
Python list converted on every redraw.
"""

from __future__ import annotations

import math
from typing import Iterable

import numpy as np


class GrowingSeries:
    """Parallel ``x``/``y`` float arrays with amortised O(1) appends."""

    def __init__(self, capacity: int = 1024) -> None:
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def extend(self, xs: Iterable[float], ys: Iterable[float]) -> None:
        """Append points (``xs`` and ``ys`` of equal length)."""
        x = np.asarray(list(xs) if not isinstance(xs, np.ndarray) else xs, dtype=np.float64)
        y = np.asarray(list(ys) if not isinstance(ys, np.ndarray) else ys, dtype=np.float64)
        k = len(x)
        if k != len(y):
            raise ValueError("x and y must have the same length")
        needed = self._n + k
        if needed > len(self._x):
            capacity = max(needed, 2 * len(self._x))
            self._x = np.resize(self._x, capacity)
            self._y = np.resize(self._y, capacity)
        self._x[self._n:needed] = x
        self._y[self._n:needed] = y
        self._n = needed

    def append(self, x: float, y: float) -> None:
        """Append one point."""
        self.extend((x,), (y,))

    def clear(self) -> None:
        """Forget every point (keeps the memory)."""
        self._n = 0

    @property
    def x(self) -> np.ndarray:
        """A view of the x values."""
        return self._x[: self._n]

    @property
    def y(self) -> np.ndarray:
        """A view of the y values."""
        return self._y[: self._n]


class EmaSmoother:
    """TensorBoard-style debiased exponential moving average, fed point by point."""

    def __init__(self, weight: float = 0.98) -> None:
        self.weight = weight
        self._value = 0.0
        self._count = 0

    def reset(self) -> None:
        """Start over."""
        self._value, self._count = 0.0, 0

    def feed(self, values: Iterable[float]) -> list[float]:
        """The smoothed value after each of ``values``."""
        out = []
        w = self.weight
        value, count = self._value, self._count
        for v in values:
            if not math.isfinite(v):
                out.append(float("nan"))
                continue
            count += 1
            value = w * value + (1 - w) * v
            out.append(value / (1 - w**count))
        self._value, self._count = value, count
        return out
