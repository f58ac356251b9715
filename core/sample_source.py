"""Uniform uint8 access to the images and labels of any image dataset.

torchvision's MNIST family and CIFAR-10 hold their whole split as one uint8
array; an image folder or an annotations CSV only has files. The dataset viewer,
the statistics and the prediction pass read through :class:`SampleSource`, which
uses the array where there is one (fast, no PIL) and decodes one sample at a
time otherwise.
"""

from __future__ import annotations

from typing import Any, Iterator, Sequence

import numpy as np
import torch

from torchdesk.core.data import resident_arrays
from torchdesk.core.i18n import translate
from torchdesk.core.progress import CancelCheck, ProgressCallback, check_cancel, report
from torchdesk.core.untrusted import FileContentError


def _unwrap_subset(dataset: Any) -> tuple[Any, list[int]]:
    """``(inner dataset, indices)`` for a subset wrapper (torch ``Subset``, torchdesk ``ClassSubset``), else ``(None, [])``."""
    inner, indices = getattr(dataset, "dataset", None), getattr(dataset, "indices", None)
    if inner is None or indices is None:
        return None, []
    return inner, [int(i) for i in indices]


def dataset_targets(dataset: Any) -> torch.Tensor | None:
    """The labels a dataset keeps as an attribute (``targets``; through subset wrappers), else None."""
    inner, indices = _unwrap_subset(dataset)
    if inner is not None:
        whole = dataset_targets(inner)
        return None if whole is None else whole[torch.as_tensor(indices, dtype=torch.long)]
    targets = getattr(dataset, "targets", None)
    if targets is None:
        return None
    try:
        labels = torch.as_tensor(np.asarray(targets), dtype=torch.int64).reshape(-1)
    except (TypeError, ValueError):
        return None
    return labels if len(labels) == len(dataset) else None


def to_uint8_chw(image: Any) -> torch.Tensor:
    """One decoded sample (PIL image, array or tensor) as a uint8 tensor ``(C, H, W)``."""
    if isinstance(image, torch.Tensor):
        tensor = image.detach().cpu()
        if tensor.dtype.is_floating_point:
            tensor = (tensor.clamp(0, 1) * 255).round().to(torch.uint8)
        else:
            tensor = tensor.clamp(0, 255).to(torch.uint8)
        return tensor.unsqueeze(0) if tensor.dim() == 2 else tensor
    if hasattr(image, "mode"):  # a PIL image
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB" if image.mode in ("RGBA", "P", "CMYK", "YCbCr", "LA") else "L")
        image = np.array(image)  # a writable copy: torch refuses read-only buffers
    array = np.asarray(image)
    if array.dtype != np.uint8:
        array = np.clip(array, 0, 255).astype(np.uint8)
    tensor = torch.from_numpy(np.ascontiguousarray(array))
    if tensor.dim() == 2:
        return tensor.unsqueeze(0)
    return tensor.permute(2, 0, 1).contiguous()


class SampleReadError(ValueError):
    """One sample's file could not be decoded; the message names the sample and what to do."""


class SampleSource:
    """Reads images as uint8 ``(C, H, W)`` tensors and labels as ints from a dataset of ``(image, label)``."""

    def __init__(self, dataset: Any) -> None:
        self.dataset = dataset
        self.resident: torch.Tensor | None = None
        self._labels: torch.Tensor | None = None
        if getattr(dataset, "transform", None) is None:  # else dataset[i] would not match the stored array
            arrays = resident_arrays(dataset)
            if arrays is not None and len(arrays[0]) == len(dataset):
                self.resident, self._labels = arrays

    def __len__(self) -> int:
        return len(self.dataset)

    def image(self, index: int) -> torch.Tensor:
        """The image at ``index`` as uint8 ``(C, H, W)``."""
        if self.resident is not None:
            return self.resident[index]
        return to_uint8_chw(self.raw(index))

    def raw(self, index: int) -> Any:
        """What the dataset itself returns for the image at ``index`` (a PIL image before transforms)."""
        try:
            return self.dataset[index][0]
        except FileContentError as exc:  # a refusal that already says what is wrong and what to do
            raise SampleReadError(translate("sample_source", "Sample {index} could not be read: {reason}").format(
                index=index, reason=exc)) from exc
        except (OSError, ValueError, SyntaxError) as exc:  # PIL raises these for damaged files
            raise SampleReadError(translate(
                "sample_source", "Sample {index} could not be read ({error}: {detail}). The file may be damaged or not "
                "an image: replace or remove it.").format(index=index, error=type(exc).__name__, detail=exc)
            ) from exc

    def labels(self, progress: ProgressCallback | None = None, cancel: CancelCheck | None = None) -> torch.Tensor:
        """Every label as an int64 tensor, read from ``targets`` when the dataset has them."""
        if self._labels is not None:
            return self._labels
        labels = dataset_targets(self.dataset)
        if labels is None:
            n = len(self)
            values = []
            for i in range(n):
                if i % 256 == 0:
                    check_cancel(cancel)
                    report(progress, i, n)
                values.append(int(self.dataset[i][1]))
            report(progress, n, n)
            labels = torch.tensor(values, dtype=torch.int64)
        self._labels = labels
        return labels

    def chunks(self, indices: Sequence[int] | None = None, size: int = 1024,
               cancel: CancelCheck | None = None) -> Iterator[tuple[list[int], list[torch.Tensor] | torch.Tensor]]:
        """The images in chunks: ``(indices, batch)`` where batch is one ``(n, C, H, W)`` tensor when the
        dataset is resident, otherwise a list of per-sample tensors (sizes may differ)."""
        order = list(range(len(self))) if indices is None else [int(i) for i in indices]
        for start in range(0, len(order), size):
            check_cancel(cancel)
            part = order[start:start + size]
            if self.resident is not None:
                if indices is None:
                    yield part, self.resident[part[0]:part[-1] + 1]
                else:
                    yield part, self.resident[torch.tensor(part, dtype=torch.long)]
            else:
                yield part, [self.image(i) for i in part]
