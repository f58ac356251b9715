"""Built-in plugin: torchvision's classification networks, adapted to the chosen dataset.

torchvision builds its models for 3x224x224 ImageNet input and 1000 classes. Each
factory here builds the torchvision network and then adapts it to the dataset: the
first convolution takes the dataset's channel count, the last layer its class count,
and for small images (under 64 pixels a side, MNIST's 28x28 or CIFAR's 32x32) the
stem stops downsampling so the feature maps do not shrink to nothing. The stem
keeps its kernel size, so pretrained weights still fit after the adaptation.

``pretrained`` loads torchvision's ImageNet weights from the torch hub cache, or
downloads them where the network allows; offline, the error names the file to
place in the cache. torch and torchvision are imported inside the factories only.
"""

from __future__ import annotations

from typing import Any, Callable

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.specs import ModelSpec, Param

SMALL_INPUT = 64  # images with a side below this many pixels get a non-downsampling stem


class PretrainedWeightsUnavailable(RuntimeError):
    """torchvision's pretrained weights are neither cached nor downloadable right now."""


def _common_params(extra: tuple[Param, ...] = ()) -> tuple[Param, ...]:
    return extra + (
        Param(
            "pretrained", "bool", False,
            help=QT_TRANSLATE_NOOP("components",
                                   "Start from torchvision's ImageNet weights (downloaded once into the torch hub "
                                   "cache). The classifier's last layer is always new; a stem for other than 3 "
                                   "channels is derived from the RGB weights."),
            label=QT_TRANSLATE_NOOP("components", "Pretrained"),
        ),
        Param(
            "freeze_backbone", "bool", False,
            help=QT_TRANSLATE_NOOP("components", "Train only the new classifier layer; every other parameter is "
                                                 "frozen (useful with pretrained weights)."),
            label=QT_TRANSLATE_NOOP("components", "Freeze backbone"),
        ),
        Param(
            # The choices are stored values: marked so the form can show them translated, never changed.
            "stem", "choice", "auto",
            choices=(QT_TRANSLATE_NOOP("components", "auto"), QT_TRANSLATE_NOOP("components", "imagenet"),
                     QT_TRANSLATE_NOOP("components", "small")),
            # 64 is SMALL_INPUT (a marked text must be a literal).
            help=QT_TRANSLATE_NOOP("components",
                                   "'small' keeps early feature maps full size for small images (stride-1 stem, "
                                   "no early max-pool); 'imagenet' is torchvision's original; 'auto' picks 'small' "
                                   "for images under 64 pixels a side."),
            label=QT_TRANSLATE_NOOP("components", "Stem"),
        ),
    )


def _use_small_stem(stem: str, input_shape: tuple[int, int, int]) -> bool:
    if stem == "small":
        return True
    if stem == "imagenet":
        return False
    return min(input_shape[1], input_shape[2]) < SMALL_INPUT


def _load_pretrained(arch: str, model: Any) -> None:
    """Load torchvision's default weights for ``arch`` into ``model`` (ImageNet shapes)."""
    import os

    import torch
    from torchvision.models import get_model_weights

    weights = get_model_weights(arch).DEFAULT
    filename = os.path.basename(weights.url)
    cached = os.path.join(torch.hub.get_dir(), "checkpoints", filename)
    try:
        state_dict = weights.get_state_dict(progress=True, check_hash=False)
    except Exception as exc:  # URLError, HTTPError, timeouts, a truncated download ...
        raise PretrainedWeightsUnavailable(
            translate("plugins", "Pretrained weights for {arch} are not available: they are not in the torch hub "
                                 "cache and downloading them failed ({reason}). Either connect to the internet "
                                 "once, or download {url} elsewhere and save it as {path}; or switch 'pretrained' "
                                 "off to start from random weights.").format(
                arch=arch, reason=f"{type(exc).__name__}: {exc}", url=weights.url, path=cached)
        ) from None
    model.load_state_dict(state_dict)


def _replace_conv(conv: Any, in_channels: int, stride: int | None) -> Any:
    """A copy of ``conv`` taking ``in_channels`` (and ``stride``), with weights carried over."""
    import torch
    from torch import nn

    new = nn.Conv2d(
        in_channels,
        conv.out_channels,
        conv.kernel_size,
        stride=conv.stride if stride is None else stride,
        padding=conv.padding,
        dilation=conv.dilation,
        groups=conv.groups,
        bias=conv.bias is not None,
    )
    with torch.no_grad():
        weight = conv.weight
        if in_channels == weight.shape[1]:
            new.weight.copy_(weight)
        else:
            # Summing the RGB filters makes a grey image (R=G=B) give the same response;
            # for other channel counts spread the RGB mean evenly.
            summed = weight.sum(dim=1, keepdim=True)
            new.weight.copy_(summed.expand(-1, in_channels, -1, -1) / in_channels)
        if conv.bias is not None:
            new.bias.copy_(conv.bias)
    return new


def _new_linear(old: Any, num_classes: int) -> Any:
    from torch import nn

    return nn.Linear(old.in_features, num_classes, bias=old.bias is not None)


def _finish(model: Any, head_prefixes: tuple[str, ...], freeze_backbone: bool) -> Any:
    if freeze_backbone:
        for name, param in model.named_parameters():
            param.requires_grad = name.startswith(head_prefixes)
    return model


def _build(arch: str, pretrained: bool) -> Any:
    from torchvision import models

    model = models.get_model(arch, weights=None)
    if pretrained:
        _load_pretrained(arch, model)
    return model


# -- one adapter per family ------------------------------------------------------------------

def _resnet_factory(arch: str) -> Callable[..., Any]:
    def factory(input_shape: tuple[int, int, int] = (3, 224, 224), num_classes: int = 1000,
                pretrained: bool = False, freeze_backbone: bool = False, stem: str = "auto") -> Any:
        from torch import nn

        model = _build(arch, pretrained)
        small = _use_small_stem(stem, input_shape)
        if small or input_shape[0] != 3:
            model.conv1 = _replace_conv(model.conv1, input_shape[0], 1 if small else None)
        if small:
            model.maxpool = nn.Identity()
        model.fc = _new_linear(model.fc, num_classes)
        return _finish(model, ("fc.",), freeze_backbone)

    return factory


def _features_stem_factory(arch: str, stem_path: tuple[int, ...]) -> Callable[..., Any]:
    """MobileNet/EfficientNet: a conv at ``features[i][j]...`` and a Linear at ``classifier[-1]``."""

    def factory(input_shape: tuple[int, int, int] = (3, 224, 224), num_classes: int = 1000,
                pretrained: bool = False, freeze_backbone: bool = False, stem: str = "auto") -> Any:
        model = _build(arch, pretrained)
        small = _use_small_stem(stem, input_shape)
        parent = model.features
        for index in stem_path[:-1]:
            parent = parent[index]
        conv = parent[stem_path[-1]]
        if small or input_shape[0] != 3:
            parent[stem_path[-1]] = _replace_conv(conv, input_shape[0], 1 if small else None)
        last = len(model.classifier) - 1
        model.classifier[last] = _new_linear(model.classifier[last], num_classes)
        return _finish(model, (f"classifier.{last}.",), freeze_backbone)

    return factory


def _vgg_factory(input_shape: tuple[int, int, int] = (3, 224, 224), num_classes: int = 1000,
                 pretrained: bool = False, freeze_backbone: bool = False, stem: str = "auto",
                 batch_norm: bool = False) -> Any:
    from torch import nn

    model = _build("vgg11_bn" if batch_norm else "vgg11", pretrained)
    if input_shape[0] != 3:
        model.features[0] = _replace_conv(model.features[0], input_shape[0], None)
    if _use_small_stem(stem, input_shape):
        # VGG halves the image five times; drop the pools that would shrink it below 1 pixel.
        side = min(input_shape[1], input_shape[2])
        for index, layer in enumerate(model.features):
            if isinstance(layer, nn.MaxPool2d):
                if side // 2 < 1:
                    model.features[index] = nn.Identity()
                else:
                    side //= 2
    model.classifier[6] = _new_linear(model.classifier[6], num_classes)
    return _finish(model, ("classifier.6.",), freeze_backbone)


def _squeezenet_factory(input_shape: tuple[int, int, int] = (3, 224, 224), num_classes: int = 1000,
                        pretrained: bool = False, freeze_backbone: bool = False, stem: str = "auto") -> Any:
    from torch import nn

    model = _build("squeezenet1_1", pretrained)
    small = _use_small_stem(stem, input_shape)
    if small or input_shape[0] != 3:
        model.features[0] = _replace_conv(model.features[0], input_shape[0], 1 if small else None)
    old = model.classifier[1]
    model.classifier[1] = nn.Conv2d(old.in_channels, num_classes, kernel_size=1)
    return _finish(model, ("classifier.1.",), freeze_backbone)


def model_specs() -> list[ModelSpec]:
    """The torchvision networks this plugin offers, as model specs."""
    return [
        ModelSpec(
            id="resnet18",
            name=QT_TRANSLATE_NOOP("components", "ResNet-18 (torchvision)"),
            description=QT_TRANSLATE_NOOP(
                "components", "Residual network, 11M parameters; a stride-1 stem keeps small images detailed."),
            factory=_resnet_factory("resnet18"),
            params=_common_params(),
        ),
        ModelSpec(
            id="resnet34",
            name=QT_TRANSLATE_NOOP("components", "ResNet-34 (torchvision)"),
            description=QT_TRANSLATE_NOOP("components", "Deeper residual network, 21M parameters."),
            factory=_resnet_factory("resnet34"),
            params=_common_params(),
        ),
        ModelSpec(
            id="mobilenet_v3_small",
            name=QT_TRANSLATE_NOOP("components", "MobileNetV3 Small (torchvision)"),
            description=QT_TRANSLATE_NOOP(
                "components", "Light network for phones, 1.5M parameters, squeeze-excitation blocks."),
            factory=_features_stem_factory("mobilenet_v3_small", (0, 0)),
            params=_common_params(),
        ),
        ModelSpec(
            id="efficientnet_b0",
            name=QT_TRANSLATE_NOOP("components", "EfficientNet-B0 (torchvision)"),
            description=QT_TRANSLATE_NOOP("components", "Compound-scaled network, 4M parameters."),
            factory=_features_stem_factory("efficientnet_b0", (0, 0)),
            params=_common_params(),
        ),
        ModelSpec(
            id="vgg11",
            name=QT_TRANSLATE_NOOP("components", "VGG-11 (torchvision)"),
            description=QT_TRANSLATE_NOOP(
                "components", "Plain stack of 3x3 convolutions; large (about 130M parameters, 500 MB)."),
            factory=_vgg_factory,
            params=_common_params((
                Param("batch_norm", "bool", False,
                      help=QT_TRANSLATE_NOOP("components",
                                             "Use VGG-11 with batch normalisation after each convolution."),
                      label=QT_TRANSLATE_NOOP("components", "Batch norm")),
            )),
        ),
        ModelSpec(
            id="squeezenet1_1",
            name=QT_TRANSLATE_NOOP("components", "SqueezeNet 1.1 (torchvision)"),
            description=QT_TRANSLATE_NOOP(
                "components", "Tiny network of fire modules, 1.2M parameters, convolutional classifier."),
            factory=_squeezenet_factory,
            params=_common_params(),
        ),
    ]


@hookimpl
def torchdesk_models() -> list[ModelSpec]:
    """torchdesk's hook: the torchvision classification networks."""
    return model_specs()
