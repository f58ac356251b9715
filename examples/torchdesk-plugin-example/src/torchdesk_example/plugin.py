"""The plugin module torchdesk loads: one hook implementation per kind, each returning specs.

This module imports only torchdesk's light contract modules. torch and the code
that needs it (:mod:`.resnet`, :mod:`.cutout`, :mod:`.lion`) are imported inside
the factories, so ``torchdesk plugins`` and the app's start stay fast.

Every name, description and parameter text a person reads is marked with
``QT_TRANSLATE_NOOP("components", ...)``: it stays English here (and in checkpoints)
and torchdesk shows it in the person's language from the catalogs in
``translations/`` (``example_ko.ts``), which :func:`torchdesk_translations` hands over.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.specs import (CallbackSpec, DatasetSpec, LossSpec, MetricSpec, ModelSpec, OptimizerSpec, Param,
                                  SchedulerSpec, TransformSpec)

NAMESPACE = "example"  # the plugin's name (its entry point): every id starts with it
TORCHDESK_API = 2  # the plugin API this module was written for


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


def build_stripes(root: str, train: bool, download: bool, transform: Any = None, target_transform: Any = None,
                  classes: int = 4, samples: int = 512) -> Any:
    """The synthetic stripes dataset (``root`` is ignored: nothing is read or written)."""
    from torchdesk_example.extras import StripesDataset

    return StripesDataset(train=train, classes=classes, samples=samples, transform=transform,
                          target_transform=target_transform)


def build_focal(num_classes: int, gamma: float = 2.0) -> Any:
    """Focal loss on logits and class indices."""
    from torchdesk_example.extras import focal_loss

    return focal_loss(gamma)


def build_warmup(total_epochs: int, warmup_epochs: float = 1.0) -> Any:
    """A linear warm-up to the full rate, then constant (a pure function of epochs done)."""
    return lambda epoch: min(1.0, (epoch + 1e-3) / warmup_epochs) if warmup_epochs > 0 else 1.0


def build_loss_target(target: float = 0.1) -> Any:
    """A callback that ends the run once the test loss reaches ``target``."""

    def callback(event: Any, control: Any) -> None:
        test_loss = getattr(event, "test_loss", None)
        if test_loss is not None and hasattr(event, "per_class_accuracy") and test_loss <= target:
            control.stop(translate("example", "the test loss reached {loss} (target {target})").format(
                loss=f"{test_loss:.4f}", target=target))

    return callback


def build_brier(num_classes: int) -> Any:
    """The Brier score metric."""
    from torchdesk_example.extras import BrierScore

    return BrierScore(num_classes)


def migrate_resnet(params: dict[str, Any], from_version: str) -> dict[str, Any]:
    """0.0.x called ``width`` ``channels``: rename it in checkpoints made with those releases."""
    params = dict(params)
    if "channels" in params:
        params["width"] = params.pop("channels")
    return params


# -- hooks -----------------------------------------------------------------------------
@hookimpl
def torchdesk_translations() -> str:
    """The folder of this plugin's translations: ``example_<language>.ts`` (Qt .ts files, shipped as package data)."""
    return str(Path(__file__).resolve().parent / "translations")


@hookimpl
def torchdesk_models() -> list[ModelSpec]:
    """The example's models."""
    return [
        ModelSpec(
            id=f"{NAMESPACE}.resnet", name=QT_TRANSLATE_NOOP("components", "Small ResNet (example plugin)"),
            description=QT_TRANSLATE_NOOP(
                "components", "A ResNet with three stages of residual blocks, sized for 28x28 and 32x32 images."),
            factory=build_resnet, migrate=migrate_resnet,
            params=(
                Param("width", "int", 16,
                      QT_TRANSLATE_NOOP("components", "Channels of the first stage; the next two have 2x and 4x "
                                                      "as many."),
                      minimum=4, maximum=128, label=QT_TRANSLATE_NOOP("components", "Width")),
                Param("blocks", "int", 1,
                      QT_TRANSLATE_NOOP("components", "Residual blocks per stage (each block is two 3x3 "
                                                      "convolutions)."),
                      minimum=1, maximum=4, label=QT_TRANSLATE_NOOP("components", "Blocks")),
                Param("dropout", "float", 0.0,
                      QT_TRANSLATE_NOOP("components", "Dropout before the classifier (0 switches it off)."),
                      minimum=0.0, maximum=0.9, label=QT_TRANSLATE_NOOP("components", "Dropout")),
            ),
        ),
    ]


@hookimpl
def torchdesk_transforms() -> list[TransformSpec]:
    """The example's transforms."""
    return [
        TransformSpec(
            id=f"{NAMESPACE}.cutout", name=QT_TRANSLATE_NOOP("components", "Cutout (example plugin)"),
            description=QT_TRANSLATE_NOOP("components",
                                          "Blank a random square of each training image (DeVries & Taylor, 2017)."),
            factory=build_cutout, batch_factory=build_cutout_batch, random=True,
            params=(
                Param("size", "int", 8, QT_TRANSLATE_NOOP("components", "Side of the blanked square in pixels."),
                      minimum=1, maximum=64, label=QT_TRANSLATE_NOOP("components", "Size")),
                Param("probability", "float", 0.5,
                      QT_TRANSLATE_NOOP("components", "Chance that an image gets a square at all."),
                      minimum=0.0, maximum=1.0, label=QT_TRANSLATE_NOOP("components", "Probability")),
            ),
        ),
    ]


@hookimpl
def torchdesk_optimizers() -> list[OptimizerSpec]:
    """The example's optimizers."""
    return [
        OptimizerSpec(
            id=f"{NAMESPACE}.lion", name=QT_TRANSLATE_NOOP("components", "Lion (example plugin)"),
            description=QT_TRANSLATE_NOOP(
                "components", "Sign-of-momentum updates (Chen et al., 2023); use a 3-10x smaller lr than AdamW."),
            factory=build_lion,
            params=(
                Param("beta1", "float", 0.9,
                      QT_TRANSLATE_NOOP("components", "Interpolation between momentum and gradient for the update."),
                      minimum=0.0, maximum=0.9999, label=QT_TRANSLATE_NOOP("components", "Beta1")),
                Param("beta2", "float", 0.99,
                      QT_TRANSLATE_NOOP("components", "Decay of the momentum kept between steps."),
                      minimum=0.0, maximum=0.99999, label=QT_TRANSLATE_NOOP("components", "Beta2")),
                Param("weight_decay", "float", 0.0,
                      QT_TRANSLATE_NOOP("components", "Decoupled weight decay, scaled by the learning rate."),
                      minimum=0.0, maximum=10.0, label=QT_TRANSLATE_NOOP("components", "Weight decay")),
            ),
        ),
    ]


@hookimpl
def torchdesk_datasets() -> list[DatasetSpec]:
    """The example's datasets."""
    return [
        DatasetSpec(
            id=f"{NAMESPACE}.stripes", name=QT_TRANSLATE_NOOP("components", "Stripes (example plugin)"),
            description=QT_TRANSLATE_NOOP(
                "components",
                "Synthetic striped 28x28 images, one angle per class; generated in memory, no files."),
            # Angles read the same in every language, so the class names are not marked.
            factory=build_stripes, input_shape=(1, 28, 28), class_names=("0°", "45°", "90°", "135°"),
            mean=(0.5,), std=(0.35,),
            params=(Param("samples", "int", 512, QT_TRANSLATE_NOOP("components", "Images per split."),
                          minimum=16, maximum=100_000, label=QT_TRANSLATE_NOOP("components", "Samples")),),
        ),
    ]


@hookimpl
def torchdesk_losses() -> list[LossSpec]:
    """The example's losses."""
    return [
        LossSpec(id=f"{NAMESPACE}.focal", name=QT_TRANSLATE_NOOP("components", "Focal loss (example plugin)"),
                 description=QT_TRANSLATE_NOOP("components",
                                               "Cross entropy that down-weights samples the model already gets right."),
                 factory=build_focal,
                 params=(Param("gamma", "float", 2.0,
                               QT_TRANSLATE_NOOP("components", "Focusing strength (0 = cross entropy)."),
                               minimum=0.0, maximum=10.0, label=QT_TRANSLATE_NOOP("components", "Gamma")),)),
    ]


@hookimpl
def torchdesk_schedulers() -> list[SchedulerSpec]:
    """The example's learning-rate schedulers."""
    return [
        SchedulerSpec(id=f"{NAMESPACE}.warmup",
                      name=QT_TRANSLATE_NOOP("components", "Linear warm-up (example plugin)"),
                      description=QT_TRANSLATE_NOOP("components",
                                                    "Rises linearly to the learning rate, then keeps it."),
                      factory=build_warmup,
                      params=(Param("warmup_epochs", "float", 1.0,
                                    QT_TRANSLATE_NOOP("components", "Epochs to reach the full rate."),
                                    minimum=0.0, maximum=1000.0,
                                    label=QT_TRANSLATE_NOOP("components", "Warmup epochs")),)),
    ]


@hookimpl
def torchdesk_callbacks() -> list[CallbackSpec]:
    """The example's training callbacks."""
    return [
        CallbackSpec(id=f"{NAMESPACE}.loss-target",
                     name=QT_TRANSLATE_NOOP("components", "Stop at a test loss (example plugin)"),
                     description=QT_TRANSLATE_NOOP("components",
                                                   "Ends the run once the test loss is at or below a target."),
                     factory=build_loss_target,
                     params=(Param("target", "float", 0.1, QT_TRANSLATE_NOOP("components", "The test loss to stop at."),
                                   minimum=0.0, maximum=100.0, label=QT_TRANSLATE_NOOP("components", "Target")),)),
    ]


@hookimpl
def torchdesk_metrics() -> list[MetricSpec]:
    """The example's metrics."""
    return [
        MetricSpec(id=f"{NAMESPACE}.brier", name=QT_TRANSLATE_NOOP("components", "Brier score (example plugin)"),
                   description=QT_TRANSLATE_NOOP(
                       "components", "How far the predicted probabilities are from the truth (lower is better)."),
                   factory=build_brier, higher_is_better=False),
    ]
