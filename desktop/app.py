"""Start the desktop app: ``torchdesk`` with no arguments ends up in :func:`main`.

Importing PyTorch takes seconds, so the window frame is shown first (it needs only
Qt) while torch, torchvision and pyqtgraph are imported, and then the plugins
loaded, by a task (:mod:`torchdesk.desktop.tasks`, one CPU thread): a plugin that
takes long to import keeps the window waiting for its panels, never frozen, and is
named in the message bar. The panels are built when that
finishes, and closing the window first waits for it instead of leaving a thread behind. Set ``TORCHDESK_STARTUP_PROBE=1`` to
print the moments of first paint and of "training can start" and quit
(``bench/startup.py`` uses it).
"""

from __future__ import annotations

import os
import sys
import time
from importlib import resources
from typing import Any, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from torchdesk.desktop.i18n import translate
from torchdesk.desktop.tasks import Cpu, TaskManager, TaskRunner  # Qt only: no PyTorch before the window shows

HEAVY_MODULES = ("torch", "torchvision", "numpy", "pyqtgraph", "torchdesk.core.session")
PROBE_ENV = "TORCHDESK_STARTUP_PROBE"


def app_icon() -> QIcon:
    """The torchdesk icon bundled in ``torchdesk.resources``."""
    path = resources.files("torchdesk.resources").joinpath("icon.svg")
    return QIcon(str(path))


def ensure_application(argv: Sequence[str] | None = None) -> QApplication:
    """The running QApplication, created (with name, icon and theme) when there is none."""
    app = QApplication.instance()
    if app is None:
        # Qt's raster engine hands every fill taller than ~96 lines to a pool of helper
        # threads and waits for them. For widget-sized fills the hand-off costs more than
        # it saves, and during training those threads take cores from PyTorch.
        os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
        app = QApplication(list(argv) if argv else [sys.argv[0] if sys.argv else "torchdesk"])
    assert isinstance(app, QApplication)
    app.setApplicationName("torchdesk")
    app.setOrganizationName("torchdesk")
    app.setApplicationDisplayName("torchdesk")
    app.setDesktopFileName("torchdesk")
    app.setWindowIcon(app_icon())
    return app


def import_modules(modules: Sequence[str]) -> str:
    """Import ``modules``; '' when all imported, else what went wrong (the window reports it)."""
    errors = []
    for name in modules:
        try:
            __import__(name)
        except Exception as exc:
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
    return "\n".join(errors)


def load_plugins() -> str:
    """Load the process-wide plugin registry (off the GUI thread); '' when done, else what went wrong.

    Each plugin's failure is recorded in the registry; this only fails when plugin
    errors are set to raise (``TORCHDESK_RAISE_PLUGIN_ERRORS``).
    """
    try:
        from torchdesk.core.registry import get_registry

        get_registry()
    except Exception as exc:
        return f"plugins: {type(exc).__name__}: {exc}"
    return ""


def plugin_messages(registry: Any) -> list[tuple[str, str]]:
    """(message, detail) for each plugin that failed or imported slowly, for the window's message bar."""
    from torchdesk.core.registry import slow_import_warning

    messages = []
    for info in registry.plugins():
        if info.problems and info.state != "disabled":
            messages.append((translate("BackgroundImporter", "{error}. Plugins > Plugins… shows the details and "
                                                             "can switch it off.").format(error=info.error),
                             "\n\n".join(p.detail for p in info.problems if p.detail)))
    for info in registry.slow_plugins():
        messages.append((slow_import_warning(info), ""))
    return messages


class BackgroundImporter(QObject):
    """Imports the heavy modules on a task (one CPU thread) and says ``done`` once, on the GUI thread.

    The task belongs to ``tasks``, whose :meth:`~TaskManager.shutdown` joins it.
    """

    done = Signal(str)  # '' on success, else the error

    def __init__(self, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(tasks, self, Cpu.LIGHT)
        self._said = False

    def start(self, modules: Sequence[str] = HEAVY_MODULES, plugins: bool = False) -> None:
        """Begin importing ``modules``, then (with ``plugins``) loading the plugin registry."""
        wanted = tuple(modules)

        def work(_state: Any) -> str:
            errors = [import_modules(wanted), load_plugins() if plugins else ""]
            return "\n".join(error for error in errors if error)

        task = self.runner.start(work, "torchdesk-imports", on_success=self._say,
                                 on_failure=lambda message, detail: self._say(f"{message}\n{detail}"))
        # A task whose set-up failed (PyTorch itself would not import) ends without a result.
        task.finished.connect(lambda: self._say(translate("BackgroundImporter", "PyTorch could not be loaded.")))

    def _say(self, error: str) -> None:
        if not self._said:
            self._said = True
            self.done.emit(error)


class _FirstPaintProbe(QObject):
    """Notes the first paint of a widget (for the startup benchmark)."""

    def __init__(self, on_paint) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.on_paint = on_paint
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            self.on_paint()
        return False


def main(argv: Sequence[str] | None = None, language: str | None = None) -> int:
    """Open the main window and run the event loop; returns the exit code.

    ``language`` (``--lang``) overrides the saved choice and the system's for this run.
    """
    from torchdesk.core.logfile import setup_logging

    setup_logging("app")
    probe = os.environ.get(PROBE_ENV, "") not in ("", "0")
    app = ensure_application(argv)
    from torchdesk.desktop.i18n import choose_language, install_language
    from torchdesk.desktop.main_window import MainWindow, open_settings
    from torchdesk.desktop.theme import apply_theme

    settings = open_settings()
    install_language(choose_language(settings, language))
    apply_theme(app, str(settings.value("window/theme", "system")))
    window = MainWindow(settings=settings, load_now=False)
    if probe:
        paint_probe = _FirstPaintProbe(lambda: print(f"first_paint {time.time():.4f}", flush=True))
        window.installEventFilter(paint_probe)

        def ready() -> None:
            print(f"ready {time.time():.4f}", flush=True)
            QTimer.singleShot(0, window.close)

        window.loaded.connect(ready)
    window.show()
    tasks = TaskManager()  # the window's state does not exist yet; this one only imports
    importer = BackgroundImporter(tasks)

    def imported(error: str) -> None:
        if error:
            window.show_error(translate("BackgroundImporter", "Some libraries could not be imported; parts of "
                                                              "torchdesk may not work."), error)
        window.load()
        if window.state is not None:
            for message, detail in plugin_messages(window.state.registry):
                window.show_error(message, detail)

    importer.done.connect(imported)
    window.show_activity(translate("MainWindow", "Loading PyTorch and plugins…"))
    QTimer.singleShot(0, lambda: importer.start(HEAVY_MODULES, plugins=True))
    try:
        return app.exec()
    finally:
        tasks.shutdown()  # the window may close before the import ends: wait for it


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
