"""Opening one split of a dataset plugin: what the Data panel's open task runs (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from torchdesk.core.data import DatasetError, open_dataset
from torchdesk.core.i18n import component_text, translate
from torchdesk.core.progress import CancelCheck, ProgressCallback
from torchdesk.core.sample_source import SampleSource
from torchdesk.core.specs import MAX_CLASSES, DatasetSpec


@dataclass
class OpenedSplit:
    """What opening a split produced: the dataset, uint8 access, labels, class names and one sample's shape."""

    dataset: Any
    source: SampleSource
    labels: torch.Tensor
    class_names: list[str]
    sample_shape: tuple[int, int, int] | None = None


def open_split(spec: DatasetSpec, folder: str | Path, train: bool, params: dict[str, Any],
               progress: ProgressCallback, cancel: CancelCheck) -> OpenedSplit:
    """Open ``spec``'s split from ``folder`` and read every label (for the filter and the chart)."""
    dataset = open_dataset(spec, folder, train=train, params=params)
    source = SampleSource(dataset)
    if len(source) == 0:
        raise ValueError(translate("DataPanel", "{dataset} in {folder} holds no samples for this split. Check the "
                                                "folder (an image folder needs one subfolder per class with images "
                                                "inside).").format(dataset=component_text(spec.name), folder=folder))
    labels = source.labels(progress, cancel)
    names = list(spec.class_names) or [str(c) for c in getattr(dataset, "classes", [])]
    if not names:
        top = int(labels.max()) if len(labels) else -1
        if top >= MAX_CLASSES:
            raise DatasetError(translate("DataPanel", "{dataset}'s labels go up to {top:,}, but a data set may have at "
                                                      "most {most:,} classes (0 to {last:,}). Check its labels, or ask "
                                                      "its plugin's author to list its classes.").format(
                dataset=component_text(spec.name), top=top, most=MAX_CLASSES, last=MAX_CLASSES - 1))
        names = [str(i) for i in range(top + 1)]
    return OpenedSplit(dataset, source, labels, names, _sample_shape(source))


def _sample_shape(source: SampleSource) -> tuple[int, int, int] | None:
    """One sample's ``(C, H, W)``: what the compatibility check compares with the model's input."""
    if source.resident is not None:
        return tuple(int(v) for v in source.resident.shape[1:])  # type: ignore[return-value]
    try:
        return tuple(int(v) for v in source.image(0).shape)  # type: ignore[return-value]
    except Exception:  # a damaged first file: the shape stays unknown, the grid explains the file
        return None


def data_folder_for(spec: DatasetSpec | None, path: Path) -> Path:
    """Accept ``.../MNIST`` or ``.../MNIST/raw`` for torchvision datasets: step up to the data folder."""
    if spec is None or not spec.files:
        return path
    first = Path(spec.files[0]).parts[0]
    if path.name == "raw" and path.parent.name == first:
        return path.parent.parent
    if path.name == first and not (path / first).exists():
        return path.parent
    return path
