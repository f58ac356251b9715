"""Helpers for the Data panel tests: a hand-made classifier for the generated stripes, and a panel factory."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from torchdesk.core.predictor import Predictor

OPEN_TIMEOUT_MS = 30_000


class BandClassifier(nn.Module):
    """Scores each class by the brightness inside the stripe datagen draws for it.

    Right on every generated image, except that classes ``swap`` are exchanged, so the
    model takes every 3 for a 5 and every 5 for a 3: a known set of mistakes.
    """

    def __init__(self, size: int = 28, swap: tuple[int, int] | None = (3, 5)) -> None:
        super().__init__()
        band = max(2, size // 10)
        masks = torch.zeros(10, size, size)
        for k in range(10):
            start = k * (size - band) // 9
            if k % 2 == 0:
                masks[k, start:start + band, 2:-2] = 1
            else:
                masks[k, 2:-2, start:start + band] = 1
        masks /= masks.sum(dim=(1, 2), keepdim=True)
        if swap is not None:
            a, b = swap
            masks[[a, b]] = masks[[b, a]]
        self.register_buffer("masks", masks)
        self.anchor = nn.Parameter(torch.zeros(1))  # so the predictor finds a device

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        gray = x.mean(dim=1)
        return torch.einsum("nhw,khw->nk", gray, self.masks) * 12 + self.anchor


def band_predictor(swap: tuple[int, int] | None = (3, 5)) -> Predictor:
    """A :class:`Predictor` for the generated 28×28 digits with classes ``swap`` confused."""
    return Predictor(model=BandClassifier(swap=swap), class_names=[str(i) for i in range(10)],
                     input_shape=(1, 28, 28), source="band classifier (test)")


def make_panel(qtbot: Any, registry: Any = None) -> Any:
    """A shown Data panel on a fresh registry and state; its tasks are joined when the test ends."""
    from torchdesk.core.registry import PluginRegistry
    from torchdesk.desktop.panels.data import DataPanel
    from torchdesk.desktop.state import AppState

    state = AppState(registry or PluginRegistry().load_entry_points())
    panel = DataPanel(state)

    def close(panel: Any) -> None:
        panel.shutdown()
        state.tasks.shutdown()

    qtbot.addWidget(panel, before_close_func=close)
    panel.resize(1280, 760)
    panel.show()
    return panel


def wait_opened(qtbot: Any, panel: Any, timeout: int = OPEN_TIMEOUT_MS) -> None:
    """Wait until the panel has opened its split or shows why it could not."""
    qtbot.waitUntil(lambda: panel.is_loaded() or bool(panel.open_error), timeout=timeout)


def wait_quiet(qtbot: Any, panel: Any, timeout: int = OPEN_TIMEOUT_MS) -> None:
    """Wait until no background task of the panel runs any more."""
    runners = (panel.open_task, panel.stats_task, panel.predict_task, panel.download_task)
    qtbot.waitUntil(lambda: not any(runner.running() for runner in runners), timeout=timeout)


def running_task_names(state: Any) -> list[str]:
    """The names of the app's tasks that have not ended."""
    return [task.name for task in state.tasks.running()]
