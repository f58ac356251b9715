"""What one layer holds and what it sees: weight statistics, filters as images, activations.

Everything returns numpy arrays or plain numbers so the panel only has to draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
import torch
from torch import nn

from torchdesk.core.i18n import translate
from torchdesk.core.inspect.probe import inspecting, tensors_in


@dataclass
class TensorStats:
    """Summary numbers of one parameter tensor."""

    name: str
    shape: tuple[int, ...]
    numel: int
    mean: float
    std: float
    minimum: float
    maximum: float
    zeros: float  # fraction exactly zero
    trainable: bool


@dataclass
class WeightStats:
    """A layer's parameters: one row per tensor and a histogram of all their values."""

    module: str
    tensors: list[TensorStats] = field(default_factory=list)
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0))
    edges: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def empty(self) -> bool:
        """True for a layer without parameters (ReLU, pooling)."""
        return not self.tensors

    def text(self) -> str:
        """One line per tensor for the inspector."""
        if self.empty:
            return translate("inspect", "{module} has no parameters.").format(
                module=self.module or translate("inspect", "model"))
        lines = [
            f"{t.name}: {'×'.join(map(str, t.shape))} = {t.numel:,}   "
            + translate("inspect", "mean {mean:+.4f}  std {std:.4f}  min {min:+.4f}  max {max:+.4f}").format(
                mean=t.mean, std=t.std, min=t.minimum, max=t.maximum)
            + ("" if t.trainable else translate("inspect", "   (frozen)"))
            for t in self.tensors[:8]
        ]
        if len(self.tensors) > 8:
            lines.append(translate("inspect", "... and {count} more tensors").format(count=len(self.tensors) - 8))
        return "\n".join(lines)


def weight_stats(model: nn.Module, module_name: str, bins: int = 60, weights_only: bool = False) -> WeightStats:
    """Statistics and a value histogram of the parameters of ``model``'s module ``module_name``.

    A module holding parameters itself reports those; a container (a block) reports
    everything inside it. ``weights_only`` leaves biases and norm shifts out of the histogram.
    """
    module = dict(model.named_modules())[module_name]
    own = list(module.named_parameters(recurse=False))
    named = own or list(module.named_parameters())
    # In a block, norm scales (all near 1) would swamp the histogram: use the weight matrices there.
    matrices_only = not own
    stats = WeightStats(module_name)
    values: list[np.ndarray] = []
    for name, param in named:
        data = param.detach().float().cpu()
        if data.numel() == 0:
            continue
        stats.tensors.append(TensorStats(
            name=name, shape=tuple(data.shape), numel=data.numel(),
            mean=float(data.mean()), std=float(data.std()) if data.numel() > 1 else 0.0,
            minimum=float(data.min()), maximum=float(data.max()),
            zeros=float((data == 0).float().mean()), trainable=param.requires_grad,
        ))
        if matrices_only and data.dim() < 2:
            continue
        if not weights_only or name.endswith("weight"):
            values.append(data.flatten().numpy())
    if values:
        joined = np.concatenate(values)
        joined = joined[np.isfinite(joined)]
        if joined.size:
            low, high = float(joined.min()), float(joined.max())
            if low == high:
                low, high = low - 0.5, high + 0.5
            stats.counts, stats.edges = np.histogram(joined, bins=bins, range=(low, high))
    return stats


def is_image_conv(module: nn.Module) -> bool:
    """True for a 2-D convolution, whose filters can be shown as small images."""
    return isinstance(module, nn.modules.conv._ConvNd) and len(module.kernel_size) == 2


def filter_images(module: nn.Module, in_channel: int | None = None, limit: int = 64) -> np.ndarray | None:
    """The first ``limit`` filters of a 2-D convolution as images scaled to 0..1.

    Filters over three input channels come back as RGB ``(N, kh, kw, 3)``; otherwise
    the slice for ``in_channel`` (default 0) as grey ``(N, kh, kw)``. Each filter is
    scaled on its own so the pattern shows, whatever its magnitude. A 1x1 convolution
    comes back as one grey picture of its ``(out, in)`` weight matrix. None for other layers.
    """
    if not is_image_conv(module):
        return None
    weight = module.weight.detach().float().cpu()
    if module.transposed:
        weight = weight.transpose(0, 1)
    if weight.shape[2] * weight.shape[3] == 1:
        # 1x1 filters are single numbers: show the whole (out, in) weight matrix as one picture.
        matrix = weight[:, :, 0, 0]
        low, high = matrix.min(), matrix.max()
        return ((matrix - low) / (high - low).clamp_min(1e-12)).unsqueeze(0).numpy()
    weight = weight[:limit]
    if weight.shape[1] == 3 and in_channel is None:
        images = weight.permute(0, 2, 3, 1)
        flat = images.reshape(images.shape[0], -1)
    else:
        channel = min(max(0, in_channel or 0), weight.shape[1] - 1)
        images = weight[:, channel]
        flat = images.reshape(images.shape[0], -1)
    low = flat.min(dim=1).values.view(-1, *([1] * (images.dim() - 1)))
    high = flat.max(dim=1).values.view(-1, *([1] * (images.dim() - 1)))
    scaled = (images - low) / (high - low).clamp_min(1e-12)
    return scaled.numpy()


def feature_maps(activation: torch.Tensor, limit: int = 64) -> np.ndarray | None:
    """The channels of the first sample of a ``(N, C, H, W)`` activation as grey images in 0..1.

    None for activations that are not image-like (a vector from a linear layer).
    """
    if activation.dim() != 4:
        return None
    maps = activation[0, :limit].detach().float().cpu()
    flat = maps.reshape(maps.shape[0], -1)
    low = flat.min(dim=1).values.view(-1, 1, 1)
    high = flat.max(dim=1).values.view(-1, 1, 1)
    return ((maps - low) / (high - low).clamp_min(1e-12)).numpy()


def mosaic(images: np.ndarray, columns: int | None = None, pad: int = 1, background: float = 0.5) -> np.ndarray:
    """Tile images ``(N, h, w)`` or ``(N, h, w, 3)`` with values in 0..1 into one uint8 picture."""
    count = int(images.shape[0])
    if count == 0:
        return np.zeros((1, 1), dtype=np.uint8)
    columns = columns or max(1, math.ceil(math.sqrt(count)))
    rows = math.ceil(count / columns)
    h, w = int(images.shape[1]), int(images.shape[2])
    extra = images.shape[3:]
    canvas = np.full((rows * (h + pad) + pad, columns * (w + pad) + pad, *extra), background, dtype=np.float32)
    for i in range(count):
        r, c = divmod(i, columns)
        top, left = pad + r * (h + pad), pad + c * (w + pad)
        canvas[top:top + h, left:left + w] = images[i]
    return (np.clip(canvas, 0, 1) * 255).round().astype(np.uint8)


def capture_activations(model: nn.Module, batch: torch.Tensor, names: Sequence[str]) -> tuple[dict[str, torch.Tensor], Any]:
    """Run ``batch`` through ``model`` (eval mode, no gradients) and keep the outputs of modules ``names``.

    Returns ``(activations, model_output)``; activations are detached CPU tensors
    from the last call of each module (the first tensor when a module returns several).
    """
    modules = dict(model.named_modules())
    captured: dict[str, torch.Tensor] = {}
    handles = []
    for name in names:
        module = modules.get(name)
        if module is None:
            continue

        def hook(_module: nn.Module, _inputs: Any, output: Any, name: str = name) -> None:
            found = tensors_in(output)
            if found:
                captured[name] = found[0].detach().cpu()

        handles.append(module.register_forward_hook(hook))
    try:
        with inspecting(model):
            output = model(batch)
    finally:
        for handle in handles:
            handle.remove()
    return captured, output
