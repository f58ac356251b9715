"""Built-in training callbacks: early stopping on the test loss."""

from __future__ import annotations

import math
from typing import Any

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.specs import CallbackSpec, Param


class EarlyStopping:
    """Stops the run when the test loss has not improved by ``min_delta`` for ``patience`` epochs."""

    def __init__(self, patience: int = 3, min_delta: float = 0.0) -> None:
        self.patience, self.min_delta = int(patience), float(min_delta)
        self.best = math.inf
        self.waited = 0

    def __call__(self, event: Any, control: Any) -> None:
        from torchdesk.core.events import EpochEnd

        if not isinstance(event, EpochEnd) or not math.isfinite(event.test_loss):
            return
        if event.test_loss < self.best - self.min_delta:
            self.best, self.waited = event.test_loss, 0
            return
        self.waited += 1
        if self.waited >= self.patience:
            if self.waited == 1:
                reason = translate("plugins", "early stopping: the test loss has not improved for {epochs} epoch "
                                              "(best {best})")
            else:
                reason = translate("plugins", "early stopping: the test loss has not improved for {epochs} epochs "
                                              "(best {best})")
            control.stop(reason.format(epochs=self.waited, best=f"{self.best:.4f}"))


@hookimpl
def torchdesk_callbacks() -> list[CallbackSpec]:
    """The built-in callbacks."""
    return [
        CallbackSpec(
            id="early-stopping", name=QT_TRANSLATE_NOOP("components", "Early stopping"), factory=EarlyStopping,
            description=QT_TRANSLATE_NOOP("components", "Stops training when the test loss stops improving."),
            params=(Param("patience", "int", 3,
                          QT_TRANSLATE_NOOP("components", "Epochs without improvement before stopping."),
                          minimum=1, maximum=10_000, label=QT_TRANSLATE_NOOP("components", "Patience")),
                    Param("min_delta", "float", 0.0,
                          QT_TRANSLATE_NOOP("components", "The smallest drop of the test loss that counts."),
                          minimum=0.0, maximum=1e6, label=QT_TRANSLATE_NOOP("components", "Min delta"))),
        ),
    ]
