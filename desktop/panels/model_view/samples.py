"""Where the Model panel's sample comes from: seeded noise, a dataset test image, or the drawing.

Each sample comes with what it is (:class:`~torchdesk.core.compatibility.DataIdentity`),
so the panel can ask whether the inspected model fits it before showing activations.
Noise has no identity: it is meant for any model.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from torchdesk.core.compatibility import DataIdentity, data_identity
from torchdesk.core.i18n import class_name_text, component_text
from torchdesk.desktop.i18n import translate

SAMPLE_NOISE, SAMPLE_DATASET, SAMPLE_DRAWING = "noise", "dataset", "drawing"


@dataclass(frozen=True)
class Sample:
    """One image in ``[0, 1]`` (None for noise), a caption, and what data it is (None for noise)."""

    image: torch.Tensor | None
    description: str
    data: DataIdentity | None = None


def drawing_sample(drawing: torch.Tensor) -> Sample:
    """The classify canvas's picture: a grey image of unknown class names."""
    shape = tuple(int(s) for s in drawing.shape[-3:]) if drawing.dim() >= 3 else (1, *drawing.shape)
    name = translate("DatasetSamples", "The drawing")
    return Sample(drawing, translate("DatasetSamples", "the drawing"),
                  DataIdentity("drawing", name, (), shape))  # type: ignore[arg-type]


class DatasetSamples:
    """Test images of a dataset plugin read from a folder, the opened dataset kept until either changes."""

    def __init__(self) -> None:
        self._cache: tuple[tuple[str, str], Any] | None = None

    def forget(self) -> None:
        """Drop the opened dataset (the data folder changed)."""
        self._cache = None

    def sample(self, spec: Any, folder: Path, index: int) -> Sample:
        """Test image ``index`` of ``spec``'s dataset in ``folder``; raises a readable error when missing."""
        from torchvision.transforms.functional import pil_to_tensor

        from torchdesk.core.data import open_dataset

        key = (spec.id, str(folder))
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, open_dataset(spec, folder, train=False))
        dataset = self._cache[1]
        if len(dataset) == 0:
            raise RuntimeError(translate("DatasetSamples", "{name} in {folder} has no test samples.")
                               .format(name=component_text(spec.name), folder=folder))
        if index >= len(dataset):
            raise RuntimeError(translate("DatasetSamples", "{name} has {count} test samples; #{index} does not exist.")
                               .format(name=component_text(spec.name), count=len(dataset), index=index))
        image, label = dataset[index]
        if not isinstance(image, torch.Tensor):
            image = pil_to_tensor(image).float() / 255.0
        if isinstance(label, (int, torch.Tensor)) and torch.as_tensor(label).numel() == 1:
            label = int(label)
        # Named as core.data names a datasets classes: the plugins names first.
        names = list(spec.class_names) or [str(c) for c in getattr(dataset, "classes", None) or ()]
        label_text = class_name_text(names[label]) if isinstance(label, int) and 0 <= label < len(names) else str(label)
        shape = tuple(int(s) for s in (image.shape if image.dim() == 3 else (1, *image.shape)))
        identity = data_identity(spec, names or None, shape)  # type: ignore[arg-type]
        return Sample(image, translate("DatasetSamples", "test sample #{index} ({label})")
                      .format(index=index, label=label_text), identity)
