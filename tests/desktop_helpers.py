"""Shared helpers for the desktop tests: a main window set up for quick runs on generated data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from torchdesk.core.run_config import ComponentChoice, RunConfig

RUN_TIMEOUT_MS = 120_000


def quick_config(data_dir: Path, epochs: int = 2, model: str = "mlp", **changes: Any) -> RunConfig:
    """A small, fast run on the generated MNIST under ``data_dir``."""
    params = {"hidden": 32} if model == "mlp" else {}
    return RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice(model, params),
                     optimizer=ComponentChoice("adamw"), loss=ComponentChoice("cross-entropy"),
                     epochs=epochs, batch_size=32, lr=3e-3, device="cpu", seed=0,
                     data_dir=str(data_dir)).replace(**changes)


def make_window(qtbot: Any, state: Any = None, settings: Any = None) -> Any:
    """A shown main window on the Train panel, closed (threads joined) when the test ends."""
    from torchdesk.desktop.main_window import MainWindow

    window = MainWindow(state=state, settings=settings)
    window.confirm_interrupt = lambda reasons: True  # never a modal question in tests
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.show()
    window.show_panel("train")
    return window


def click(qtbot: Any, button: Any) -> None:
    """Click a push button like a person would."""
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot: Any, panel: Any, timeout: int = RUN_TIMEOUT_MS) -> None:
    """Wait until the panel's training thread has ended."""
    qtbot.waitUntil(lambda: not panel.controller.running, timeout=timeout)
