"""The plugin module torchdesk loads: three hook implementations returning specs.

This module imports only torchdesk's light contract modules. torch and the code
that needs it (:mod:`.resnet`, :mod:`.cutout`, :mod:`.lion`) are imported inside
the factories, so ``torchdesk plugins`` and the app's start stay fast.
"""

from __future__ import annotations

from typing import Any, Iterable

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec, OptimizerSpec, Param, TransformSpec

NAMESPACE = "example"


# -- factories (the only places that import torch) ----------------------------------
def build_resnet(input_shape: tuple[int, int, int], num_classes: int, width: int = 16, blocks: int = 1,
                 dropout: float = 0.0) -> Any:
    """A small ResNet for ``input_shape`` images and ``num_classes`` classes."""
    from torchdesk_example.resnet import SmallResNet

    return SmallResNet(in_channels=input_shape[0], num_classes=num_classes, width=width, blocks=blocks,
                       dropout=dropout)


def build_cutout(size: int = 8, probability: float = 0.5) -> Any:
    """Cutout for one ``(C, H, W)`` image tensor."""
    from torchdesk_example.cutout import cutout_batch

    batch_fn = cutout_batch(size=size, probability=probability)
    return lambda image: batch_fn(image.unsqueeze(0)).squeeze(0)


def build_cutout_batch(size: int = 8, probability: float = 0.5) -> Any:
    """Cutout for a whole ``(N, C, H, W)`` batch, each image with its own square."""
    from torchdesk_example.cutout import cutout_batch

    return cutout_batch(size=size, probability=probability)


def build_lion(parameters: Iterable[Any], lr: float, beta1: float = 0.9, beta2: float = 0.99,
               weight_decay: float = 0.0) -> Any:
    """The Lion optimizer over ``parameters``."""
    from torchdesk_example.lion import Lion

    return Lion(parameters, lr=lr, betas=(beta1, beta2), weight_decay=weight_decay)


# -- hooks -----------------------------------------------------------------------------
@hookimpl
def torchdesk_models() -> list[ModelSpec]:
    """The example's models."""
    return [
        ModelSpec(
            id=f"{NAMESPACE}.resnet", name="Small ResNet (example plugin)",
            description="A ResNet with three stages of residual blocks, sized for 28x28 and 32x32 images.",
            factory=build_resnet,
            params=(
                Param("width", "int", 16, "Channels of the first stage; the next two have 2x and 4x as many.",
                      minimum=4, maximum=128),
                Param("blocks", "int", 1, "Residual blocks per stage (each block is two 3x3 convolutions).",
                      minimum=1, maximum=4),
                Param("dropout", "float", 0.0, "Dropout before the classifier (0 switches it off).",
                      minimum=0.0, maximum=0.9),
            ),
        ),
    ]


@hookimpl
def torchdesk_transforms() -> list[TransformSpec]:
    """The example's transforms."""
    return [
        TransformSpec(
            id=f"{NAMESPACE}.cutout", name="Cutout (example plugin)",
            description="Blank a random square of each training image (DeVries & Taylor, 2017).",
            factory=build_cutout, batch_factory=build_cutout_batch, random=True,
            params=(
                Param("size", "int", 8, "Side of the blanked square in pixels.", minimum=1, maximum=64),
                Param("probability", "float", 0.5, "Chance that an image gets a square at all.",
                      minimum=0.0, maximum=1.0),
            ),
        ),
    ]


@hookimpl
def torchdesk_optimizers() -> list[OptimizerSpec]:
    """The example's optimizers."""
    return [
        OptimizerSpec(
            id=f"{NAMESPACE}.lion", name="Lion (example plugin)",
            description="Sign-of-momentum updates (Chen et al., 2023); use a 3-10x smaller lr than AdamW.",
            factory=build_lion,
            params=(
                Param("beta1", "float", 0.9, "Interpolation between momentum and gradient for the update.",
                      minimum=0.0, maximum=0.9999),
                Param("beta2", "float", 0.99, "Decay of the momentum kept between steps.",
                      minimum=0.0, maximum=0.99999),
                Param("weight_decay", "float", 0.0, "Decoupled weight decay, scaled by the learning rate.",
                      minimum=0.0, maximum=10.0),
            ),
        ),
    ]
