"""The shared application state every panel talks to instead of to other panels."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import PluginRegistry


class AppState(QObject):
    """What is loaded right now (registry, current model) and the signals that announce changes.

    * ``predictor_changed(object)``: a new current model (a :class:`Predictor` or None),
      from a finished/ongoing training run, a loaded checkpoint or the bundled weights.
    * ``model_updated()``: the current model's weights changed in place (training).
    * ``checkpoint_loaded(object)``: a checkpoint was opened (a ``Checkpoint``).
    * ``registry_changed()``: plugins were rescanned; pickers should reload.
    * ``status(str)``: a short status-bar message of what the app is doing.
    * ``error(str, str)``: a readable message and its detail (traceback) for the user.
    * ``panel_requested(str, dict)``: ask the window to show a panel with arguments.
    * ``training_event(object)``: every core training event, already on the GUI thread.
    * ``drawing_changed(object)``: the classify canvas's picture as the model sees it
      (a float tensor ``(1, 28, 28)`` in ``[0, 1]``), or None when the canvas is empty.
    """

    predictor_changed = Signal(object)
    model_updated = Signal()
    checkpoint_loaded = Signal(object)
    registry_changed = Signal()
    status = Signal(str)
    error = Signal(str, str)
    panel_requested = Signal(str, dict)
    training_event = Signal(object)
    drawing_changed = Signal(object)

    def __init__(self, registry: PluginRegistry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.predictor: Predictor | None = None
        self.checkpoint: Any = None
        # The training run in progress or last built (a core ``Run``): saving and autosaving need its
        # optimizer and history, which the current Predictor does not carry.
        self.run: Any = None
        self.training_active = False
        self.drawing: Any = None

    def set_predictor(self, predictor: Predictor | None) -> None:
        """Make ``predictor`` the app's current model and tell every panel."""
        self.predictor = predictor
        self.predictor_changed.emit(predictor)

    def set_drawing(self, drawing: Any) -> None:
        """Share the classify canvas's current picture (what the model sees) with other panels."""
        self.drawing = drawing
        self.drawing_changed.emit(drawing)

    def report_error(self, message: str, detail: str = "") -> None:
        """Show ``message`` to the person (with ``detail`` one click away); the app goes on."""
        self.error.emit(message, detail)

    def show_status(self, text: str) -> None:
        """Put ``text`` in the status bar."""
        self.status.emit(text)

    def request_panel(self, panel_id: str, **kwargs: Any) -> None:
        """Bring panel ``panel_id`` to the front, passing it ``kwargs`` (see ``Panel.focus_with``)."""
        self.panel_requested.emit(panel_id, kwargs)
