"""Cutout (DeVries & Taylor, 2017) on a whole batch: imported only by the transform factories."""

from __future__ import annotations

from typing import Callable

import torch


def cutout_batch(size: int = 8, probability: float = 0.5) -> Callable[[torch.Tensor], torch.Tensor]:
    """A function that blanks one random ``size`` x ``size`` square per image, each with ``probability``.

    Squares are centred anywhere in the image and clipped at its border, as in
    the paper; the input batch is left untouched (a new tensor is returned).
    """

    def apply(batch: torch.Tensor) -> torch.Tensor:
        n, _, height, width = batch.shape
        device = batch.device
        cy = torch.randint(0, height, (n, 1, 1), device=device)
        cx = torch.randint(0, width, (n, 1, 1), device=device)
        rows = torch.arange(height, device=device).view(1, height, 1)
        cols = torch.arange(width, device=device).view(1, 1, width)
        top, left = cy - size // 2, cx - size // 2
        inside = (rows >= top) & (rows < top + size) & (cols >= left) & (cols < left + size)
        chosen = (torch.rand(n, 1, 1, device=device) < probability)
        mask = (inside & chosen).unsqueeze(1)
        return batch.masked_fill(mask, 0.0)

    return apply
