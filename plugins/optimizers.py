"""Built-in optimizers: SGD, Adam, AdamW and RMSprop from ``torch.optim``.

The learning rate is a run setting (it is on every form), so it is passed to each
factory as ``lr`` rather than declared in each schema. Adam and AdamW use torch's fused
kernels where every parameter's device has them (CPU and CUDA do): one kernel per step
instead of a dozen element-wise passes, which measured 7 % of a CNN step here.
"""

from __future__ import annotations

from typing import Any, Iterable

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.specs import OptimizerSpec, Param

_WEIGHT_DECAY = Param("weight_decay", "float", 0.0,
                      QT_TRANSLATE_NOOP("components", "L2 penalty (decoupled for AdamW)."),
                      minimum=0.0, maximum=1.0, label=QT_TRANSLATE_NOOP("components", "Weight decay"))


def build_sgd(parameters: Iterable[Any], lr: float, momentum: float = 0.0, weight_decay: float = 0.0,
              nesterov: bool = False) -> Any:
    """``torch.optim.SGD`` as the walkthrough uses it."""
    import torch

    return torch.optim.SGD(parameters, lr=lr, momentum=momentum, weight_decay=weight_decay,
                           nesterov=nesterov and momentum > 0)


def build_adam(parameters: Iterable[Any], lr: float, beta1: float = 0.9, beta2: float = 0.999,
               weight_decay: float = 0.0) -> Any:
    """``torch.optim.Adam``."""
    import torch

    return _fused_where_supported(torch.optim.Adam, parameters, lr=lr, betas=(beta1, beta2),
                                  weight_decay=weight_decay)


def build_adamw(parameters: Iterable[Any], lr: float, beta1: float = 0.9, beta2: float = 0.999,
                weight_decay: float = 0.01) -> Any:
    """``torch.optim.AdamW``."""
    import torch

    return _fused_where_supported(torch.optim.AdamW, parameters, lr=lr, betas=(beta1, beta2),
                                  weight_decay=weight_decay)


def _fused_where_supported(optimizer: Any, parameters: Iterable[Any], **settings: Any) -> Any:
    """``optimizer`` with ``fused=True`` when torch has fused kernels for every parameter, else the default.

    Fused kernels need floating-point parameters on a device torch lists for them.
    """
    import torch

    try:
        from torch.utils._foreach_utils import _get_fused_kernels_supported_devices

        devices = set(_get_fused_kernels_supported_devices())
    except ImportError:  # a torch that moved it: CUDA has had fused Adam the longest
        devices = {"cuda"}
    params = list(parameters)
    tensors = [p for group in params for p in (group["params"] if isinstance(group, dict) else [group])]
    fusable = bool(tensors) and all(
        isinstance(p, torch.Tensor) and p.is_floating_point() and p.device.type in devices for p in tensors)
    return optimizer(params, fused=True if fusable else None, **settings)


def build_rmsprop(parameters: Iterable[Any], lr: float, alpha: float = 0.99, momentum: float = 0.0,
                  weight_decay: float = 0.0) -> Any:
    """``torch.optim.RMSprop``."""
    import torch

    return torch.optim.RMSprop(parameters, lr=lr, alpha=alpha, momentum=momentum, weight_decay=weight_decay)


_BETAS = (
    Param("beta1", "float", 0.9, QT_TRANSLATE_NOOP("components", "Decay of the running mean of gradients."),
          minimum=0.0, maximum=0.9999, label=QT_TRANSLATE_NOOP("components", "Beta1")),
    Param("beta2", "float", 0.999, QT_TRANSLATE_NOOP("components", "Decay of the running mean of squared gradients."),
          minimum=0.0, maximum=0.99999, label=QT_TRANSLATE_NOOP("components", "Beta2")),
)


@hookimpl
def torchdesk_optimizers() -> list[OptimizerSpec]:
    """The built-in optimizers."""
    return [
        OptimizerSpec(
            id="sgd", name=QT_TRANSLATE_NOOP("components", "SGD"),
            description=QT_TRANSLATE_NOOP("components", "Stochastic gradient descent, as in the walkthrough."),
            factory=build_sgd,
            params=(
                Param("momentum", "float", 0.0, QT_TRANSLATE_NOOP("components", "Momentum factor (0 = plain SGD)."),
                      minimum=0.0, maximum=0.999, label=QT_TRANSLATE_NOOP("components", "Momentum")),
                _WEIGHT_DECAY,
                Param("nesterov", "bool", False,
                      QT_TRANSLATE_NOOP("components", "Nesterov momentum (needs momentum > 0)."),
                      label=QT_TRANSLATE_NOOP("components", "Nesterov")),
            ),
        ),
        OptimizerSpec(id="adam", name=QT_TRANSLATE_NOOP("components", "Adam"),
                      description=QT_TRANSLATE_NOOP("components", "Adaptive moments; a robust default."),
                      factory=build_adam, params=(*_BETAS, _WEIGHT_DECAY)),
        OptimizerSpec(id="adamw", name=QT_TRANSLATE_NOOP("components", "AdamW"),
                      description=QT_TRANSLATE_NOOP("components", "Adam with decoupled weight decay."),
                      factory=build_adamw,
                      params=(*_BETAS, Param("weight_decay", "float", 0.01,
                                             QT_TRANSLATE_NOOP("components", "Decoupled weight decay."),
                                             minimum=0.0, maximum=1.0,
                                             label=QT_TRANSLATE_NOOP("components", "Weight decay")))),
        OptimizerSpec(
            id="rmsprop", name=QT_TRANSLATE_NOOP("components", "RMSprop"),
            description=QT_TRANSLATE_NOOP("components", "Divides the step by a running RMS of gradients."),
            factory=build_rmsprop,
            params=(
                Param("alpha", "float", 0.99, QT_TRANSLATE_NOOP("components", "Smoothing constant."),
                      minimum=0.0, maximum=0.9999, label=QT_TRANSLATE_NOOP("components", "Alpha")),
                Param("momentum", "float", 0.0, QT_TRANSLATE_NOOP("components", "Momentum factor."),
                      minimum=0.0, maximum=0.999, label=QT_TRANSLATE_NOOP("components", "Momentum")),
                _WEIGHT_DECAY,
            ),
        ),
    ]
