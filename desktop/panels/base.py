"""The base every panel of the main window derives from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from torchdesk.desktop.state import AppState


class Panel(QWidget):
    """A tab of the main window.

    Subclasses set ``panel_id`` and ``title`` and take ``(state, parent)``. The
    window calls :meth:`restore_settings` after building the panel, :meth:`save_settings`
    when closing, :meth:`confirm_close` to ask whether closing may interrupt work
    and :meth:`shutdown` to stop and join any thread the panel runs.
    """

    panel_id: str = ""
    title: str = ""
    shortcut: str = ""  # e.g. "Ctrl+1"; the window fills it in by position when empty

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state

    def restore_settings(self, settings: QSettings) -> None:
        """Restore the last choices; ``settings`` is already inside this panel's group."""

    def save_settings(self, settings: QSettings) -> None:
        """Persist the current choices; ``settings`` is already inside this panel's group."""

    def busy_reason(self) -> str:
        """A sentence describing running work that closing would interrupt, or ''."""
        return ""

    def shutdown(self) -> None:
        """Stop and join every thread this panel started; called once when the window closes."""

    def focus_with(self, **kwargs: Any) -> None:
        """Show something specific when another panel asks for it (see ``AppState.request_panel``)."""
