"""Remember which class the model predicted for each test sample at the last epoch.

The confusion matrix says how many shirts were taken for T-shirts; clicking that
cell should show which ones. The trainer's test loop calls the loss on every test
batch (under ``no_grad``), in order, so wrapping the run's loss function records
predictions and labels at no extra forward pass, aligned with the test split.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch


class TestPredictionRecorder:
    """Wraps a loss function; collects ``argmax`` predictions and labels of gradient-free calls."""

    __test__ = False  # not a pytest class despite the name

    def __init__(self, loss_fn: Any) -> None:
        self.loss_fn = loss_fn
        self._predicted: list[torch.Tensor] = []
        self._true: list[torch.Tensor] = []

    @classmethod
    def install(cls, trainer: Any) -> "TestPredictionRecorder":
        """Wrap ``trainer.loss_fn`` and return the recorder."""
        recorder = cls(trainer.loss_fn)
        trainer.loss_fn = recorder
        return recorder

    def __call__(self, logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        if not torch.is_grad_enabled():
            labels = target.argmax(1) if target.dim() > 1 else target
            self._predicted.append(logits.argmax(1).detach().cpu())
            self._true.append(labels.detach().cpu())
        return self.loss_fn(logits, target)

    def take(self) -> tuple[np.ndarray, np.ndarray]:
        """(predicted, true) for the test pass just finished, in test-split order; then start over."""
        predicted, true = self._predicted, self._true
        self._predicted, self._true = [], []
        if not predicted:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return torch.cat(predicted).numpy().astype(np.int64), torch.cat(true).numpy().astype(np.int64)
