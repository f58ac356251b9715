"""The example's dataset, loss, scheduler, callback and metric: imported only by their factories."""

from __future__ import annotations

import math
from typing import Any

import torch


class StripesDataset(torch.utils.data.Dataset):
    """Synthetic 28x28 grey images of stripes at one of ``classes`` angles, generated in memory.

    It needs no files (it ignores ``root``) and follows the in-memory protocol:
    ``data`` holds every image as an ``(N, 28, 28)`` uint8 tensor and ``targets``
    the labels, so torchdesk keeps the split resident and transforms whole batches.
    """

    def __init__(self, train: bool, classes: int = 4, samples: int = 512, transform: Any = None,
                 target_transform: Any = None) -> None:
        generator = torch.Generator().manual_seed(0 if train else 1)
        self.targets = torch.randint(0, classes, (samples,), generator=generator)
        angles = self.targets.float() * math.pi / classes
        ys, xs = torch.meshgrid(torch.arange(28.0), torch.arange(28.0), indexing="ij")
        phase = torch.rand(samples, 1, 1, generator=generator) * 2 * math.pi
        wave = torch.sin(0.7 * (xs * torch.cos(angles).view(-1, 1, 1) + ys * torch.sin(angles).view(-1, 1, 1)) + phase)
        noise = 0.3 * torch.randn(samples, 28, 28, generator=generator)
        self.data = ((wave + noise).clamp(-1, 1) * 127.5 + 127.5).to(torch.uint8)
        self.transform, self.target_transform = transform, target_transform

    def __len__(self) -> int:
        return int(self.targets.shape[0])

    def __getitem__(self, index: int) -> tuple[Any, Any]:
        from PIL import Image

        image: Any = Image.fromarray(self.data[index].numpy(), mode="L")
        label: Any = int(self.targets[index])
        if self.transform is not None:
            image = self.transform(image)
        if self.target_transform is not None:
            label = self.target_transform(label)
        return image, label


def focal_loss(gamma: float) -> Any:
    """Focal loss (Lin et al., 2017): cross entropy down-weighting easy samples by ``(1 - p)^gamma``."""

    def loss(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
        log_p = torch.log_softmax(logits, dim=1).gather(1, labels.view(-1, 1)).squeeze(1)
        return (-(1 - log_p.exp()) ** gamma * log_p).mean()

    return loss


class BrierScore:
    """Mean squared distance between the softmax probabilities and the one-hot labels (lower is better)."""

    def __init__(self, num_classes: int) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget the previous test pass."""
        self.total, self.count = 0.0, 0

    def update(self, logits: torch.Tensor, labels: torch.Tensor) -> None:
        """Add one batch."""
        probabilities = torch.softmax(logits.float(), dim=1)
        onehot = torch.nn.functional.one_hot(labels.long(), probabilities.shape[1]).float()
        self.total += float(((probabilities - onehot) ** 2).sum(1).sum())
        self.count += int(labels.shape[0])

    def compute(self) -> float:
        """The score of the pass (NaN before any batch)."""
        return self.total / self.count if self.count else float("nan")
