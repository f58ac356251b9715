"""Built-in training callbacks: early stopping on the test loss."""

from __future__ import annotations

import math
from typing import Any

from torchdesk.core.hookspecs import hookimpl
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
            control.stop(f"early stopping: the test loss has not improved for {self.waited} epoch"
                         f"{'s' if self.waited != 1 else ''} (best {self.best:.4f})")


@hookimpl
def torchdesk_callbacks() -> list[CallbackSpec]:
    """The built-in callbacks."""
    return [
        CallbackSpec(
            id="early-stopping", name="Early stopping", factory=EarlyStopping,
            description="Stops training when the test loss stops improving.",
            params=(Param("patience", "int", 3, "Epochs without improvement before stopping.", minimum=1,
                          maximum=10_000),
                    Param("min_delta", "float", 0.0, "The smallest drop of the test loss that counts.",
                          minimum=0.0, maximum=1e6)),
        ),
    ]
