"""The base every panel of the main window derives from."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu, TaskRunner


class Panel(QWidget):
    """A tab of the main window.

    Subclasses set ``panel_id`` and ``title`` and take ``(state, parent)``. The
    window calls :meth:`restore_settings` after building the panel, :meth:`save_settings`
    when closing, :meth:`busy_reason` to ask whether closing may interrupt work
    and :meth:`shutdown` to stop and join any thread the panel runs.

    Background work goes through :meth:`task_runner` (the app's one task API):
    the base :meth:`shutdown` stops and joins every runner made that way.
    """

    panel_id: str = ""
    title: str = ""
    shortcut: str = ""  # e.g. "Ctrl+1"; the window fills it in by position when empty

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._runners: list[TaskRunner] = []

    def task_runner(self, cpu: Cpu = Cpu.HEAVY) -> TaskRunner:
        """A runner for one kind of this panel's background work, joined by :meth:`shutdown`."""
        runner = TaskRunner(self.state.tasks, self, cpu)
        self._runners.append(runner)
        return runner

    def restore_settings(self, settings: QSettings) -> None:
        """Restore the last choices; ``settings`` is already inside this panel's group."""

    def save_settings(self, settings: QSettings) -> None:
        """Persist the current choices; ``settings`` is already inside this panel's group."""

    def busy_reason(self) -> str:
        """A sentence describing running work that closing would interrupt, or ''."""
        return ""

    def shutdown(self) -> None:
        """Stop and join every task this panel started; called once when the window closes.

        Subclasses that hold more (a training run, a timer) stop it and then call this.
        """
        for runner in self._runners:
            runner.stop()

    def focus_with(self, **kwargs: Any) -> None:
        """Show something specific when another panel asks for it (see ``AppState.request_panel``)."""
