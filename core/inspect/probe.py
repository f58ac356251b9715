"""Running a model once to look at it: a sample batch, eval mode, no gradients, state restored."""

from __future__ import annotations

import contextlib
from typing import Any, Iterator, Sequence

import torch
from torch import nn

from torchdesk.core.i18n import translate


def model_device(model: nn.Module) -> torch.device:
    """Where the model's parameters (or buffers) live; CPU for a model with neither."""
    for tensor in list(model.parameters()) + list(model.buffers()):
        return tensor.device
    return torch.device("cpu")


def sample_batch(model: nn.Module, input_shape: Sequence[int], sample: torch.Tensor | None = None,
                 seed: int = 0) -> torch.Tensor:
    """A ``(1, C, H, W)`` batch on the model's device: ``sample`` when given, else seeded noise in [0, 1)."""
    if sample is None:
        generator = torch.Generator().manual_seed(seed)
        batch = torch.rand((1, *tuple(int(s) for s in input_shape)), generator=generator)
    else:
        batch = sample.detach().float()
        while batch.dim() < 4:
            batch = batch.unsqueeze(0)
    return batch.to(model_device(model))


@contextlib.contextmanager
def inspecting(model: nn.Module) -> Iterator[nn.Module]:
    """Eval mode and no gradients for one look at ``model``; its training flags come back afterwards."""
    modes = {name: module.training for name, module in model.named_modules()}
    model.eval()
    try:
        with torch.no_grad():
            yield model
    finally:
        for name, module in model.named_modules():
            module.training = modes.get(name, module.training)


def tensors_in(value: Any) -> list[torch.Tensor]:
    """Every tensor inside ``value`` (nested tuples, lists and dicts), in order."""
    found: list[torch.Tensor] = []
    stack = [value]
    while stack:
        item = stack.pop(0)
        if isinstance(item, torch.Tensor):
            found.append(item)
        elif isinstance(item, (list, tuple)):
            stack[0:0] = list(item)
        elif isinstance(item, dict):
            stack[0:0] = list(item.values())
    return found


def shape_of(value: Any) -> tuple[tuple[int, ...], ...]:
    """The shapes of the tensors in ``value`` (usually one)."""
    return tuple(tuple(int(s) for s in t.shape) for t in tensors_in(value))


def format_shapes(shapes: Sequence[Sequence[int]] | None) -> str:
    """``1×64×28×28`` for one shape, comma-separated for several, ``—`` for none."""
    if not shapes:
        return "—"
    return ", ".join("×".join(str(s) for s in shape) or translate("inspect", "scalar") for shape in shapes)


def describe_module(module: Any) -> str:
    """A compact description of a layer's settings for a graph box (``1→64, 3×3, stride 2``)."""
    if module is None:
        return ""
    if isinstance(module, nn.modules.conv._ConvNd):
        kernel = "×".join(str(k) for k in module.kernel_size)
        parts = [f"{module.in_channels}→{module.out_channels}", kernel]
        if any(s != 1 for s in module.stride):
            parts.append("stride " + "×".join(str(s) for s in module.stride) if len(set(module.stride)) > 1
                         else f"stride {module.stride[0]}")
        if module.groups != 1:
            parts.append(translate("inspect", "depthwise") if module.groups == module.in_channels
                         else translate("inspect", "groups {count}").format(count=module.groups))
        return ", ".join(parts)
    if isinstance(module, nn.Linear):
        return f"{module.in_features}→{module.out_features}"
    if isinstance(module, nn.modules.batchnorm._NormBase):
        return translate("inspect", "{count} channels").format(count=module.num_features)
    if isinstance(module, (nn.MaxPool2d, nn.AvgPool2d)):
        k = module.kernel_size
        return f"{k}×{k}" if isinstance(k, int) else "×".join(map(str, k))
    if isinstance(module, (nn.AdaptiveAvgPool2d, nn.AdaptiveMaxPool2d)):
        size = module.output_size
        shown = f"{size}×{size}" if isinstance(size, int) else "×".join(map(str, size))
        return translate("inspect", "to {size}").format(size=shown)
    if isinstance(module, nn.Dropout):
        return f"p={module.p:g}"
    try:
        text = module.extra_repr()
    except Exception:
        return ""
    return text if len(text) <= 40 else text[:37] + "..."


def fit_to_shape(image: torch.Tensor, shape: Sequence[int]) -> torch.Tensor:
    """An image ``(H, W)`` or ``(C, H, W)`` in 0..1 converted to ``shape``'s channels and size.

    A sample from a dataset (or the drawing) is shown to a model built for another
    size; whether it *should* be is :func:`torchdesk.core.compatibility.check_fit`'s call.
    """
    tensor = image.detach().float().cpu()
    if tensor.dim() == 2:
        tensor = tensor.unsqueeze(0)
    c, h, w = (int(s) for s in shape)
    if tensor.shape[0] != c:
        grey = tensor.mean(dim=0, keepdim=True)
        tensor = grey if c == 1 else grey.expand(c, -1, -1)
    if tuple(tensor.shape[1:]) != (h, w):
        tensor = torch.nn.functional.interpolate(tensor.unsqueeze(0), size=(h, w), mode="bilinear",
                                                 align_corners=False)[0]
    return tensor.contiguous()
