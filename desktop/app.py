"""Start the desktop app: ``torchdesk`` with no arguments ends up in :func:`main`.

Importing PyTorch takes seconds, so the window frame is shown first (it needs only
Qt) while torch, torchvision and pyqtgraph are imported on a background thread;
the panels are built when that finishes. Set ``TORCHDESK_STARTUP_PROBE=1`` to
print the moments of first paint and of "training can start" and quit
(``bench/startup.py`` uses it).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from importlib import resources
from typing import Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

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


class BackgroundImporter(QObject):
    """Imports the heavy modules on a plain thread and says ``done`` on the GUI thread."""

    done = Signal(str)  # '' on success, else the error

    def start(self, modules: Sequence[str] = HEAVY_MODULES) -> None:
        """Begin importing ``modules``."""
        threading.Thread(target=self._work, args=(tuple(modules),), name="torchdesk-imports", daemon=True).start()

    def _work(self, modules: tuple[str, ...]) -> None:
        error = ""
        for name in modules:
            try:
                __import__(name)
            except Exception as exc:  # the window reports it when building the panels
                error = f"{name}: {type(exc).__name__}: {exc}"
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


def main(argv: Sequence[str] | None = None) -> int:
    """Open the main window and run the event loop; returns the exit code."""
    probe = os.environ.get(PROBE_ENV, "") not in ("", "0")
    app = ensure_application(argv)
    from torchdesk.desktop.main_window import MainWindow, open_settings
    from torchdesk.desktop.theme import apply_theme

    settings = open_settings()
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
    importer = BackgroundImporter()

    def imported(error: str) -> None:
        if error:
            window.show_error("Some libraries could not be imported; parts of torchdesk may not work.", error)
        window.load()

    importer.done.connect(imported)
    window.show_activity("Loading PyTorch…")
    QTimer.singleShot(0, importer.start)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
