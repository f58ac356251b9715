"""A model ready to predict: the network plus what it needs to read an image.

Checkpoints, the bundled weights and a live training run all hand the rest of the
app a :class:`Predictor`, so the classify panel, the dataset viewer and scripts do
not care where a model came from.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable

import torch
from torch import nn

from torchdesk.core.compatibility import ModelIdentity
from torchdesk.core.precision import autocast_for, resolve_or_fp32
from torchdesk.core.run_config import RunConfig
from torchdesk.core.threads import cpu_budget

# Below this many images mixed precision is no faster (one image: measured equal for the CNN and 2x slower
# for the MLP; 8 images: about 1.5x faster for both), so a single drawing is predicted in fp32.
MIXED_PRECISION_MIN_BATCH = 8


@dataclass
class Predictor:
    """A model in eval mode with its class names, input shape and input pipeline.

    ``transform`` maps a float batch in ``[0, 1]`` shaped ``(N, C, H, W)`` to what
    the model was trained on (normalisation, resizing); it is the identity when the
    model saw raw ``ToTensor`` output.
    """

    model: nn.Module
    class_names: list[str]
    input_shape: tuple[int, int, int]
    transform: Callable[[torch.Tensor], torch.Tensor] = field(default=lambda x: x)
    source: str = ""
    config: RunConfig | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # A model still being trained on another thread: predict on a snapshot, never flip its mode.
    live: bool = False
    # The dataset it was trained for when no run config says so (a trusted whole model).
    dataset_id: str = ""
    # The precision to predict in ("auto", "fp32", "bf16", "fp16"); "" follows the run config (fp32 without one).
    precision: str = ""

    @property
    def identity(self) -> ModelIdentity:
        """What data this model is for: its dataset, class names and input shape."""
        dataset = self.dataset_id or (self.config.dataset.id if self.config is not None else "")
        return ModelIdentity(dataset_id=dataset, class_names=tuple(self.class_names),
                             input_shape=tuple(int(v) for v in self.input_shape))  # type: ignore[arg-type]

    def snapshot(self) -> "Predictor":
        """A still copy in eval mode, safe to use on any thread while the original keeps training.

        The one way the app copies a model that may be training: the Classify, Model and
        Checkpoints panels predict on, inspect and export a snapshot, never the live model.
        """
        model = copy.deepcopy(self.model).eval()
        return dataclasses.replace(self, model=model, live=False, extra=dict(self.extra))

    @property
    def device(self) -> torch.device:
        """The device the model's parameters live on."""
        for p in self.model.parameters():
            return p.device
        return torch.device("cpu")

    @torch.no_grad()
    def probabilities(self, images: torch.Tensor) -> torch.Tensor:
        """Softmax of the logits for ``images`` (``(H, W)``, ``(C, H, W)`` or ``(N, C, H, W)``, values 0..1)."""
        batch = images
        if batch.dim() == 2:
            batch = batch.unsqueeze(0)
        if batch.dim() == 3:
            batch = batch.unsqueeze(0)
        batch = self.transform(batch.to(self.device, torch.float32))
        many = batch.shape[0] >= MIXED_PRECISION_MIN_BATCH
        # A batch worth the cores is load a training run makes room for; one drawing is not.
        with cpu_budget.other_work() if many else contextlib.nullcontext():
            with autocast_for(self.compute_precision(), self.device) if many else contextlib.nullcontext():
                if self.live:
                    logits = self.snapshot().model(batch)
                else:
                    was_training = self.model.training
                    self.model.eval()
                    try:
                        logits = self.model(batch)
                    finally:
                        self.model.train(was_training)
        return torch.softmax(logits.float(), dim=1).cpu()

    def compute_precision(self) -> str:
        """The precision batches of :data:`MIXED_PRECISION_MIN_BATCH` or more are predicted in on this machine.

        The run's own setting where the hardware has it, else fp32: a checkpoint trained
        in bf16 elsewhere still predicts here.
        """
        choice = self.precision or (self.config.precision if self.config is not None else "fp32")
        return resolve_or_fp32(choice, self.device)

    def predict(self, images: torch.Tensor, k: int = 3) -> list[list[tuple[str, float]]]:
        """The top-``k`` (class name, probability) pairs for each image."""
        probs = self.probabilities(images)
        k = min(k, probs.shape[1])
        values, indices = probs.topk(k, dim=1)
        return [
            [(self.class_name(int(i)), float(v)) for v, i in zip(vs, idx)]
            for vs, idx in zip(values, indices)
        ]

    def class_name(self, index: int) -> str:
        """The readable name of class ``index`` (its number when no names are known)."""
        return self.class_names[index] if 0 <= index < len(self.class_names) else str(index)
