"""Built-in optimizers: SGD, Adam, AdamW and RMSprop from ``torch.optim``.

The learning rate is a run setting (it is on every form), so it is passed to each
factory as ``lr`` rather than declared in each schema.
"""

from __future__ import annotations

from typing import Any, Iterable

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import OptimizerSpec, Param

_WEIGHT_DECAY = Param("weight_decay", "float", 0.0, "L2 penalty (decoupled for AdamW).", minimum=0.0, maximum=1.0)


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

    return torch.optim.Adam(parameters, lr=lr, betas=(beta1, beta2), weight_decay=weight_decay)


def build_adamw(parameters: Iterable[Any], lr: float, beta1: float = 0.9, beta2: float = 0.999,
                weight_decay: float = 0.01) -> Any:
    """``torch.optim.AdamW``."""
    import torch

    return torch.optim.AdamW(parameters, lr=lr, betas=(beta1, beta2), weight_decay=weight_decay)


def build_rmsprop(parameters: Iterable[Any], lr: float, alpha: float = 0.99, momentum: float = 0.0,
                  weight_decay: float = 0.0) -> Any:
    """``torch.optim.RMSprop``."""
    import torch

    return torch.optim.RMSprop(parameters, lr=lr, alpha=alpha, momentum=momentum, weight_decay=weight_decay)


_BETAS = (
    Param("beta1", "float", 0.9, "Decay of the running mean of gradients.", minimum=0.0, maximum=0.9999),
    Param("beta2", "float", 0.999, "Decay of the running mean of squared gradients.", minimum=0.0, maximum=0.99999),
)


@hookimpl
def torchdesk_optimizers() -> list[OptimizerSpec]:
    """The built-in optimizers."""
    return [
        OptimizerSpec(
            id="sgd", name="SGD", description="Stochastic gradient descent, as in the walkthrough.",
            factory=build_sgd,
            params=(
                Param("momentum", "float", 0.0, "Momentum factor (0 = plain SGD).", minimum=0.0, maximum=0.999),
                _WEIGHT_DECAY,
                Param("nesterov", "bool", False, "Nesterov momentum (needs momentum > 0)."),
            ),
        ),
        OptimizerSpec(id="adam", name="Adam", description="Adaptive moments; a robust default.",
                      factory=build_adam, params=(*_BETAS, _WEIGHT_DECAY)),
        OptimizerSpec(id="adamw", name="AdamW", description="Adam with decoupled weight decay.",
                      factory=build_adamw,
                      params=(*_BETAS, Param("weight_decay", "float", 0.01, "Decoupled weight decay.",
                                             minimum=0.0, maximum=1.0))),
        OptimizerSpec(
            id="rmsprop", name="RMSprop", description="Divides the step by a running RMS of gradients.",
            factory=build_rmsprop,
            params=(
                Param("alpha", "float", 0.99, "Smoothing constant.", minimum=0.0, maximum=0.9999),
                Param("momentum", "float", 0.0, "Momentum factor.", minimum=0.0, maximum=0.999),
                _WEIGHT_DECAY,
            ),
        ),
    ]
