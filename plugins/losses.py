"""Built-in losses: the three the walkthrough names (CrossEntropy, NLL, MSE).

Each loss takes the model's raw logits and either class indices ``(N,)`` or one-hot /
probability targets ``(N, C)`` (after the walkthrough's one-hot target transform).
"""

from __future__ import annotations

from typing import Any

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.specs import LossSpec, Param


def build_cross_entropy(num_classes: int, label_smoothing: float = 0.0) -> Any:
    """``nn.CrossEntropyLoss``: log-softmax and NLL in one; accepts indices or probabilities."""
    from torch import nn

    return nn.CrossEntropyLoss(label_smoothing=label_smoothing)


def build_nll(num_classes: int) -> Any:
    """``nn.NLLLoss`` on ``log_softmax`` of the logits (the model outputs logits)."""
    import torch
    from torch import nn

    class LogSoftmaxNLL(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.nll = nn.NLLLoss()

        def forward(self, logits, target):
            if target.dim() > 1:
                target = target.argmax(dim=1)
            return self.nll(torch.log_softmax(logits, dim=1), target)

    return LogSoftmaxNLL()


def build_mse(num_classes: int, on: str = "probabilities") -> Any:
    """``nn.MSELoss`` between softmax probabilities (or raw logits) and one-hot targets."""
    import torch
    from torch import nn

    class OneHotMSE(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.mse = nn.MSELoss()

        def forward(self, logits, target):
            if target.dim() == 1:
                target = torch.nn.functional.one_hot(target.long(), num_classes).to(logits.dtype)
            output = torch.softmax(logits, dim=1) if on == "probabilities" else logits
            return self.mse(output, target.to(output.dtype))

    return OneHotMSE()


@hookimpl
def torchdesk_losses() -> list[LossSpec]:
    """The built-in losses."""
    return [
        LossSpec(
            id="cross-entropy", name=QT_TRANSLATE_NOOP("components", "Cross entropy"),
            description=QT_TRANSLATE_NOOP("components",
                                          "nn.CrossEntropyLoss: LogSoftmax and NLLLoss combined; the usual choice."),
            factory=build_cross_entropy,
            params=(Param("label_smoothing", "float", 0.0,
                          QT_TRANSLATE_NOOP("components", "Spread this much target mass over all classes."),
                          minimum=0.0, maximum=0.5, label=QT_TRANSLATE_NOOP("components", "Label smoothing")),),
        ),
        LossSpec(id="nll", name=QT_TRANSLATE_NOOP("components", "Negative log likelihood"),
                 description=QT_TRANSLATE_NOOP("components",
                                               "nn.NLLLoss applied to log-softmax of the model's output."),
                 factory=build_nll),
        LossSpec(
            id="mse", name=QT_TRANSLATE_NOOP("components", "Mean squared error"),
            description=QT_TRANSLATE_NOOP(
                "components", "nn.MSELoss against one-hot targets (a regression loss, shown for comparison)."),
            factory=build_mse,
            # The choices are stored values: marked so the form can show them translated, never changed.
            params=(Param("on", "choice", "probabilities",
                          QT_TRANSLATE_NOOP("components", "Compare softmax probabilities or raw logits."),
                          choices=(QT_TRANSLATE_NOOP("components", "probabilities"),
                                   QT_TRANSLATE_NOOP("components", "logits")),
                          label=QT_TRANSLATE_NOOP("components", "On")),),
        ),
    ]
