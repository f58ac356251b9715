"""Built-in transforms: ToTensor, Normalize, one-hot targets, Resize, Grayscale, augmentations.

Images become float tensors in ``[0, 1]`` first (ToTensor); every later transform
here works on a whole ``(N, C, H, W)`` batch (its ``batch_factory``), which lets the
engine keep a data set resident as one tensor. The per-sample form applies the same
function to a batch of one, so both paths give the same numbers.
"""

from __future__ import annotations

from typing import Any, Callable

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
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
        raise ValueError(translate("plugins", "expected one or more numbers, got {text}").format(text=repr(text)))
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
        raise ValueError(translate("plugins", "Normalize needs numbers: 'auto' is replaced with the dataset's mean "
                                              "and std by the engine; pass explicit values when using it on its own"))
    m, s = parse_floats(mean), parse_floats(std)
    if any(v <= 0 for v in s):
        raise ValueError(translate("plugins", "Normalize: every std must be positive"))
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
def _scale_order_error() -> ValueError:
    # Outside random_affine_batch, whose ``translate`` parameter hides the function of that name.
    return ValueError(translate("plugins", "RandomAffine: scale_min must not exceed scale_max"))


def random_affine_batch(degrees: float = 10.0, translate: float = 0.1, scale_min: float = 0.9,
                        scale_max: float = 1.1, shear: float = 0.0) -> BatchFn:
    """Per-sample random rotation, shift, scale and shear, drawn independently for each image."""
    import math

    import torch

    if scale_min > scale_max:
        raise _scale_order_error()

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
    degrees_help = QT_TRANSLATE_NOOP("components", "Largest rotation either way.")
    return [
        TransformSpec(
            id="to-tensor", name=QT_TRANSLATE_NOOP("components", "ToTensor"),
            description=QT_TRANSLATE_NOOP("components",
                                          "PIL image or ndarray to a float tensor, pixel values scaled to [0, 1]."),
            factory=to_tensor, batch_factory=to_tensor_batch,
        ),
        TransformSpec(
            id="normalize", name=QT_TRANSLATE_NOOP("components", "Normalize"),
            description=QT_TRANSLATE_NOOP(
                "components", "Subtract the mean and divide by the std per channel (dataset defaults with 'auto')."),
            factory=_sample(normalize_batch), batch_factory=normalize_batch,
            params=(
                Param("mean", "str", "auto", QT_TRANSLATE_NOOP(
                    "components", "Per-channel means, comma-separated, or 'auto' for the dataset's."),
                      label=QT_TRANSLATE_NOOP("components", "Mean")),
                Param("std", "str", "auto",
                      QT_TRANSLATE_NOOP("components", "Per-channel standard deviations, comma-separated, or 'auto'."),
                      label=QT_TRANSLATE_NOOP("components", "Std")),
            ),
        ),
        TransformSpec(
            id="one-hot", name=QT_TRANSLATE_NOOP("components", "One-hot target"),
            description=QT_TRANSLATE_NOOP(
                "components", "The walkthrough's Lambda: turn the label y into a one-hot float vector with scatter_."),
            factory=one_hot_sample, batch_factory=one_hot_batch, target=True,
            params=(Param("num_classes", "int", 10, QT_TRANSLATE_NOOP("components", "Length of the one-hot vector."),
                          minimum=1, maximum=100000, label=QT_TRANSLATE_NOOP("components", "Num classes")),),
        ),
        TransformSpec(
            id="resize", name=QT_TRANSLATE_NOOP("components", "Resize"),
            description=QT_TRANSLATE_NOOP("components", "Resize images to a square of the given size."),
            factory=_sample(resize_batch), batch_factory=resize_batch,
            params=(Param("size", "int", 32, QT_TRANSLATE_NOOP("components", "Side length in pixels."),
                          minimum=4, maximum=1024, label=QT_TRANSLATE_NOOP("components", "Size")),),
        ),
        TransformSpec(
            id="grayscale", name=QT_TRANSLATE_NOOP("components", "Grayscale"),
            description=QT_TRANSLATE_NOOP("components", "Convert colour images to grey (1 or 3 channels)."),
            factory=_sample(grayscale_batch), batch_factory=grayscale_batch,
            params=(Param("num_output_channels", "choice", 1,
                          QT_TRANSLATE_NOOP("components", "Channels of the result."),
                          choices=(1, 3), label=QT_TRANSLATE_NOOP("components", "Num output channels")),),
        ),
        TransformSpec(
            id="random-rotation", name=QT_TRANSLATE_NOOP("components", "RandomRotation"),
            description=QT_TRANSLATE_NOOP("components", "Rotate each image by a random angle."),
            factory=_sample(random_rotation_batch), batch_factory=random_rotation_batch, random=True,
            params=(Param("degrees", "float", 15.0, degrees_help, minimum=0.0, maximum=180.0,
                          label=QT_TRANSLATE_NOOP("components", "Degrees")),),
        ),
        TransformSpec(
            id="random-affine", name=QT_TRANSLATE_NOOP("components", "RandomAffine"),
            description=QT_TRANSLATE_NOOP("components", "Random rotation, shift, scale and shear for each image."),
            factory=_sample(random_affine_batch), batch_factory=random_affine_batch, random=True,
            params=(
                Param("degrees", "float", 10.0, degrees_help, minimum=0.0, maximum=180.0,
                      label=QT_TRANSLATE_NOOP("components", "Degrees")),
                Param("translate", "float", 0.1,
                      QT_TRANSLATE_NOOP("components", "Largest shift as a fraction of the size."),
                      minimum=0.0, maximum=0.5, label=QT_TRANSLATE_NOOP("components", "Translate")),
                Param("scale_min", "float", 0.9, QT_TRANSLATE_NOOP("components", "Smallest scale factor."),
                      minimum=0.1, maximum=4.0, label=QT_TRANSLATE_NOOP("components", "Scale min")),
                Param("scale_max", "float", 1.1, QT_TRANSLATE_NOOP("components", "Largest scale factor."),
                      minimum=0.1, maximum=4.0, label=QT_TRANSLATE_NOOP("components", "Scale max")),
                Param("shear", "float", 0.0, QT_TRANSLATE_NOOP("components", "Largest shear angle either way."),
                      minimum=0.0, maximum=60.0, label=QT_TRANSLATE_NOOP("components", "Shear")),
            ),
        ),
        TransformSpec(
            id="stroke-thickness", name=QT_TRANSLATE_NOOP("components", "Stroke thickness"),
            description=QT_TRANSLATE_NOOP("components",
                                          "Randomly thicken or thin bright strokes, like pens of other widths."),
            factory=_sample(stroke_thickness_batch), batch_factory=stroke_thickness_batch, random=True,
            params=(
                Param("probability", "float", 0.5, QT_TRANSLATE_NOOP("components", "Chance that an image is changed."),
                      minimum=0.0, maximum=1.0, label=QT_TRANSLATE_NOOP("components", "Probability")),
                Param("max_radius", "int", 1,
                      QT_TRANSLATE_NOOP("components", "Largest dilation/erosion radius in pixels."),
                      minimum=1, maximum=3, label=QT_TRANSLATE_NOOP("components", "Max radius")),
            ),
        ),
    ]
