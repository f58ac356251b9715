"""Numbers about a dataset: class counts, per-channel mean/std, what a model gets wrong.

All of it runs in chunks with a progress callback and a cancel check so the
desktop can compute it off the GUI thread (and a script can simply call it).
The mean and std are what ``Normalize`` should use for this data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import torch

from torchdesk.core.i18n import translate
from torchdesk.core.progress import CancelCheck, ProgressCallback, check_cancel, report
from torchdesk.core.sample_source import SampleSource
from torchdesk.core.specs import MAX_CLASSES


def class_distribution(labels: torch.Tensor | Sequence[int], num_classes: int = 0) -> list[int]:
    """How many samples each class has (``num_classes`` at least, more when labels go beyond it)."""
    labels = torch.as_tensor(labels, dtype=torch.int64).reshape(-1)
    if len(labels) and int(labels.min()) < 0:
        raise ValueError(translate("dataset_stats", "labels must be class indices 0..N-1, found {label}").format(
            label=int(labels.min())))
    if len(labels) and int(labels.max()) >= MAX_CLASSES:  # bincount would allocate one counter per value
        raise ValueError(translate("dataset_stats", "labels must be class indices 0 to {highest:,}, found {label:,}; "
                                                    "check the dataset's labels").format(
                             highest=MAX_CLASSES - 1, label=int(labels.max())))
    size = max(num_classes, int(labels.max()) + 1 if len(labels) else 0)
    return torch.bincount(labels, minlength=size).tolist()


@dataclass(frozen=True)
class ChannelStats:
    """Per-channel mean and standard deviation of pixel values scaled to 0..1 (``ToTensor``'s range)."""

    mean: tuple[float, ...]
    std: tuple[float, ...]
    samples: int

    def describe(self, digits: int = 4) -> str:
        """``mean 0.1307, std 0.3081`` (one channel) or ``mean [0.4914, 0.4822, 0.4465], std […]`` for people."""
        def fmt(values: tuple[float, ...]) -> str:
            numbers = ", ".join(f"{v:.{digits}f}" for v in values)
            return numbers if len(values) == 1 else f"[{numbers}]"

        return translate("dataset_stats", "mean {mean}, std {std}").format(mean=fmt(self.mean), std=fmt(self.std))


def channel_mean_std(source: SampleSource, chunk: int = 2048, progress: ProgressCallback | None = None,
                     cancel: CancelCheck | None = None) -> ChannelStats:
    """The per-channel mean and (population) std over every pixel of every image.

    Sums run in float64 so 60,000 images give the same digits as a one-shot
    computation. Grayscale images in an otherwise colour dataset count as equal
    R, G and B.
    """
    n = len(source)
    if n == 0:
        raise ValueError(translate("dataset_stats", "the dataset is empty: there is nothing to measure"))
    total = sq_total = None
    pixels = 0
    done = 0
    report(progress, 0, n)
    for part, batch in source.chunks(size=chunk, cancel=cancel):
        images = [batch] if isinstance(batch, torch.Tensor) else [img.unsqueeze(0) for img in batch]
        for images_block in images:
            block = images_block.to(torch.float64)
            channels = block.shape[1]
            if total is None:
                total = torch.zeros(channels, dtype=torch.float64)
                sq_total = torch.zeros(channels, dtype=torch.float64)
            if channels != len(total):
                if channels == 1:
                    block = block.expand(-1, len(total), -1, -1)
                elif len(total) == 1:
                    total, sq_total = total.repeat(channels), sq_total.repeat(channels)
                else:
                    block = block[:, : len(total)]
            total += block.sum(dim=(0, 2, 3))
            sq_total += (block * block).sum(dim=(0, 2, 3))
            pixels += block.shape[0] * block.shape[2] * block.shape[3]
        done += len(part)
        report(progress, done, n)
        check_cancel(cancel)
    mean = total / pixels / 255.0
    var = (sq_total / pixels / (255.0 * 255.0) - mean * mean).clamp_min(0)
    return ChannelStats(tuple(float(v) for v in mean), tuple(float(v) for v in var.sqrt()), n)


@dataclass
class Predictions:
    """A model's answer for every sample of a split: predicted class, confidence and the truth."""

    predicted: torch.Tensor  # int64 (N,)
    confidence: torch.Tensor  # float32 (N,), probability of the predicted class
    labels: torch.Tensor  # int64 (N,)

    @property
    def correct(self) -> torch.Tensor:
        """A bool tensor: True where the model was right."""
        return self.predicted == self.labels

    @property
    def accuracy(self) -> float:
        """The fraction of samples predicted right (0..1)."""
        return float(self.correct.float().mean()) if len(self.labels) else 0.0

    def misclassified(self) -> list[int]:
        """Indices the model got wrong, most confident mistakes first (the ones worth a look)."""
        wrong = torch.nonzero(~self.correct).reshape(-1)
        order = torch.argsort(self.confidence[wrong], descending=True, stable=True)
        return wrong[order].tolist()

    def indices_for(self, true: int | None = None, predicted: int | None = None) -> list[int]:
        """Indices whose label is ``true`` and prediction is ``predicted`` (a confusion-matrix cell)."""
        mask = torch.ones_like(self.labels, dtype=torch.bool)
        if true is not None:
            mask &= self.labels == int(true)
        if predicted is not None:
            mask &= self.predicted == int(predicted)
        return torch.nonzero(mask).reshape(-1).tolist()


class ModelInputError(ValueError):
    """The model cannot read this dataset's images (shape or channels differ)."""


def predict_dataset(predictor: Any, source: SampleSource, chunk: int = 512,
                    progress: ProgressCallback | None = None, cancel: CancelCheck | None = None) -> Predictions:
    """Run ``predictor`` (a :class:`~torchdesk.core.predictor.Predictor`) over every sample of ``source``."""
    labels = source.labels(cancel=cancel)
    n = len(source)
    predicted = torch.empty(n, dtype=torch.int64)
    confidence = torch.empty(n, dtype=torch.float32)
    done = 0
    report(progress, 0, n)
    for part, batch in source.chunks(size=chunk, cancel=cancel):
        groups = [(part, batch)] if isinstance(batch, torch.Tensor) else [([i], img.unsqueeze(0)) for i, img in zip(part, batch)]
        for idx, images in groups:
            probs = _probabilities(predictor, images)
            conf, pred = probs.max(dim=1)
            where = torch.tensor(idx, dtype=torch.long)
            predicted[where] = pred.to(torch.int64)
            confidence[where] = conf.float()
        done += len(part)
        report(progress, done, n)
        check_cancel(cancel)
    return Predictions(predicted, confidence, labels.clone())


def _probabilities(predictor: Any, images_uint8: torch.Tensor) -> torch.Tensor:
    images = images_uint8.to(torch.float32) / 255.0
    expected = tuple(getattr(predictor, "input_shape", ()) or ())
    if expected and images.shape[1] != expected[0]:
        if images.shape[1] == 1 and expected[0] == 3:
            images = images.expand(-1, 3, -1, -1)
        elif images.shape[1] == 3 and expected[0] == 1:
            images = (images * torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)).sum(1, keepdim=True)
    try:
        return predictor.probabilities(images)
    except RuntimeError as exc:
        got = "×".join(str(d) for d in images_uint8.shape[1:])
        want = "×".join(str(d) for d in expected) or "?"
        raise ModelInputError(translate(
            "dataset_stats", "The current model expects {want} images but this dataset has {got}; pick a dataset the "
            "model was trained for. ({reason})").format(want=want, got=got, reason=exc)
        ) from exc
