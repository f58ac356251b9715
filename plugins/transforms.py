"""Built-in transforms: ToTensor, Normalize, one-hot targets, Resize, Grayscale, augmentations.

Images become float tensors in ``[0, 1]`` first (ToTensor); every later transform
here works on a whole ``(N, C, H, W)`` batch (its ``batch_factory``), which lets the
engine keep a data set resident as one tensor. The per-sample form applies the same
function to a batch of one, so both paths give the same numbers.
"""

from __future__ import annotations

from typing import Any, Callable

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import Param, TransformSpec

BatchFn = Callable[[Any], Any]


def per_sample(batch_fn: BatchFn) -> BatchFn:
    """Turn a batch function into one for a single ``(C, H, W)`` image tensor."""

    def apply(image: Any) -> Any:
        return batch_fn(image.unsqueeze(0)).squeeze(0)

    return apply


def parse_floats(text: str | float | int) -> list[float]:
    """``"0.5"`` or ``"0.49, 0.48, 0.45"`` (or a number) as a list of floats."""
    if isinstance(text, (int, float)):
        return [float(text)]
    values = [float(part) for part in str(text).replace(";", ",").split(",") if part.strip()]
    if not values:
        raise ValueError(f"expected one or more numbers, got {text!r}")
    return values


# -- ToTensor -----------------------------------------------------------------------
def to_tensor() -> Any:
    """torchvision's ToTensor: PIL image or ndarray to a float tensor in [0, 1]."""
    from torchvision.transforms import ToTensor

    return ToTensor()


def to_tensor_batch() -> BatchFn:
    """On resident data the batch is already a float tensor in [0, 1]."""
    return lambda batch: batch


# -- Normalize ------------------------------------------------------------------------
def normalize_batch(mean: str = "auto", std: str = "auto") -> BatchFn:
    """``(x - mean) / std`` per channel; "auto" is filled from the dataset by the engine."""
    import torch

    if mean == "auto" or std == "auto":
        raise ValueError("Normalize needs numbers: 'auto' is replaced with the dataset's mean and std "
                         "by the engine; pass explicit values when using it on its own")
    m, s = parse_floats(mean), parse_floats(std)
    if any(v <= 0 for v in s):
        raise ValueError("Normalize: every std must be positive")
    cache: dict[Any, tuple[Any, Any]] = {}

    def apply(batch: Any) -> Any:
        key = (batch.device, batch.dtype)
        if key not in cache:
            cache[key] = (
                torch.tensor(m, device=batch.device, dtype=batch.dtype).view(1, -1, 1, 1),
                torch.tensor(s, device=batch.device, dtype=batch.dtype).view(1, -1, 1, 1),
            )
        mt, st = cache[key]
        return (batch - mt) / st

    return apply


# -- One-hot target (the walkthrough's Lambda with scatter_) ---------------------------
def one_hot_sample(num_classes: int = 10) -> Any:
    """The walkthrough's target transform: ``torch.zeros(10).scatter_(0, torch.tensor(y), value=1)``."""
    import torch
    from torchvision.transforms import Lambda

    return Lambda(lambda y: torch.zeros(num_classes, dtype=torch.float).scatter_(0, torch.tensor(y), value=1))


def one_hot_batch(num_classes: int = 10) -> BatchFn:
    """The same one-hot encoding for a whole batch of labels."""
    import torch

    return lambda labels: torch.nn.functional.one_hot(labels.long(), num_classes).float()


# -- Resize / Grayscale ------------------------------------------------------------------
def resize_batch(size: int = 32) -> BatchFn:
    """Bilinear, antialiased resize to ``size`` x ``size``."""
    import torch

    def apply(batch: Any) -> Any:
        if batch.shape[-1] == size and batch.shape[-2] == size:
            return batch
        return torch.nn.functional.interpolate(batch, size=(size, size), mode="bilinear",
                                               align_corners=False, antialias=True)

    return apply


def grayscale_batch(num_output_channels: int = 1) -> BatchFn:
    """ITU-R 601-2 luma, as torchvision's Grayscale; 1 or 3 output channels."""

    def apply(batch: Any) -> Any:
        if batch.shape[1] == 3:
            gray = 0.299 * batch[:, 0:1] + 0.587 * batch[:, 1:2] + 0.114 * batch[:, 2:3]
        else:
            gray = batch[:, 0:1]
        return gray.expand(-1, num_output_channels, -1, -1).contiguous()

    return apply


# -- Augmentations ------------------------------------------------------------------------
def random_affine_batch(degrees: float = 10.0, translate: float = 0.1, scale_min: float = 0.9,
                        scale_max: float = 1.1, shear: float = 0.0) -> BatchFn:
    """Per-sample random rotation, shift, scale and shear, drawn independently for each image."""
    import math

    import torch

    if scale_min > scale_max:
        raise ValueError("RandomAffine: scale_min must not exceed scale_max")

    def apply(batch: Any) -> Any:
        n = batch.shape[0]
        dev, dt = batch.device, batch.dtype
        angle = (torch.rand(n, device=dev, dtype=dt) * 2 - 1) * math.radians(degrees)
        sh = (torch.rand(n, device=dev, dtype=dt) * 2 - 1) * math.radians(shear)
        scale = scale_min + torch.rand(n, device=dev, dtype=dt) * (scale_max - scale_min)
        shift = (torch.rand(n, 2, device=dev, dtype=dt) * 2 - 1) * (2 * translate)
        cos, sin = torch.cos(angle), torch.sin(angle)
        theta = torch.zeros(n, 2, 3, device=dev, dtype=dt)
        # Inverse mapping (output -> input coordinates) for grid_sample.
        theta[:, 0, 0] = cos / scale
        theta[:, 0, 1] = (sin + torch.tan(sh) * cos) / scale
        theta[:, 1, 0] = -sin / scale
        theta[:, 1, 1] = (cos - torch.tan(sh) * sin) / scale
        theta[:, :, 2] = shift
        grid = torch.nn.functional.affine_grid(theta, list(batch.shape), align_corners=False)
        return torch.nn.functional.grid_sample(batch, grid, mode="bilinear", padding_mode="zeros",
                                               align_corners=False)

    return apply


def random_rotation_batch(degrees: float = 15.0) -> BatchFn:
    """Per-sample random rotation within ±``degrees``."""
    return random_affine_batch(degrees=degrees, translate=0.0, scale_min=1.0, scale_max=1.0, shear=0.0)


def stroke_thickness_batch(probability: float = 0.5, max_radius: int = 1) -> BatchFn:
    """Randomly thicken (dilate) or thin (erode) bright strokes, as pens of other widths would."""
    import torch

    def apply(batch: Any) -> Any:
        n = batch.shape[0]
        out = batch
        for radius in range(1, max_radius + 1):
            k = 2 * radius + 1
            dilated = torch.nn.functional.max_pool2d(batch, k, stride=1, padding=radius)
            eroded = -torch.nn.functional.max_pool2d(-batch, k, stride=1, padding=radius)
            choice = torch.rand(n, device=batch.device)
            use_dilate = (choice < probability / 2).view(-1, 1, 1, 1)
            use_erode = ((choice >= probability / 2) & (choice < probability)).view(-1, 1, 1, 1)
            out = torch.where(use_dilate, dilated, torch.where(use_erode, eroded, out))
        return out

    return apply


def _sample(batch_factory: Callable[..., BatchFn]) -> Callable[..., BatchFn]:
    def factory(**params: Any) -> BatchFn:
        return per_sample(batch_factory(**params))

    factory.__doc__ = f"Per-sample form of {batch_factory.__name__}."
    return factory


@hookimpl
def torchdesk_transforms() -> list[TransformSpec]:
    """The built-in transforms."""
    return [
        TransformSpec(
            id="to-tensor", name="ToTensor",
            description="PIL image or ndarray to a float tensor, pixel values scaled to [0, 1].",
            factory=to_tensor, batch_factory=to_tensor_batch,
        ),
        TransformSpec(
            id="normalize", name="Normalize",
            description="Subtract the mean and divide by the std per channel (dataset defaults with 'auto').",
            factory=_sample(normalize_batch), batch_factory=normalize_batch,
            params=(
                Param("mean", "str", "auto", "Per-channel means, comma-separated, or 'auto' for the dataset's."),
                Param("std", "str", "auto", "Per-channel standard deviations, comma-separated, or 'auto'."),
            ),
        ),
        TransformSpec(
            id="one-hot", name="One-hot target",
            description="The walkthrough's Lambda: turn the label y into a one-hot float vector with scatter_.",
            factory=one_hot_sample, batch_factory=one_hot_batch, target=True,
            params=(Param("num_classes", "int", 10, "Length of the one-hot vector.", minimum=1, maximum=100000),),
        ),
        TransformSpec(
            id="resize", name="Resize", description="Resize images to a square of the given size.",
            factory=_sample(resize_batch), batch_factory=resize_batch,
            params=(Param("size", "int", 32, "Side length in pixels.", minimum=4, maximum=1024),),
        ),
        TransformSpec(
            id="grayscale", name="Grayscale", description="Convert colour images to grey (1 or 3 channels).",
            factory=_sample(grayscale_batch), batch_factory=grayscale_batch,
            params=(Param("num_output_channels", "choice", 1, "Channels of the result.", choices=(1, 3)),),
        ),
        TransformSpec(
            id="random-rotation", name="RandomRotation", description="Rotate each image by a random angle.",
            factory=_sample(random_rotation_batch), batch_factory=random_rotation_batch, random=True,
            params=(Param("degrees", "float", 15.0, "Largest rotation either way.", minimum=0.0, maximum=180.0),),
        ),
        TransformSpec(
            id="random-affine", name="RandomAffine",
            description="Random rotation, shift, scale and shear for each image.",
            factory=_sample(random_affine_batch), batch_factory=random_affine_batch, random=True,
            params=(
                Param("degrees", "float", 10.0, "Largest rotation either way.", minimum=0.0, maximum=180.0),
                Param("translate", "float", 0.1, "Largest shift as a fraction of the size.", minimum=0.0,
                      maximum=0.5),
                Param("scale_min", "float", 0.9, "Smallest scale factor.", minimum=0.1, maximum=4.0),
                Param("scale_max", "float", 1.1, "Largest scale factor.", minimum=0.1, maximum=4.0),
                Param("shear", "float", 0.0, "Largest shear angle either way.", minimum=0.0, maximum=60.0),
            ),
        ),
        TransformSpec(
            id="stroke-thickness", name="Stroke thickness",
            description="Randomly thicken or thin bright strokes, like pens of other widths.",
            factory=_sample(stroke_thickness_batch), batch_factory=stroke_thickness_batch, random=True,
            params=(
                Param("probability", "float", 0.5, "Chance that an image is changed.", minimum=0.0, maximum=1.0),
                Param("max_radius", "int", 1, "Largest dilation/erosion radius in pixels.", minimum=1, maximum=3),
            ),
        ),
    ]
