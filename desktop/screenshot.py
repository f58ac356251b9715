"""Render the main window to a PNG without a screen (``torchdesk --screenshot``).

The window is built with throw-away settings, so a screenshot never changes the
person's saved layout, at an exact size and optionally in a fixed palette.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings

from torchdesk.desktop.i18n import translate


def render_screenshot(path: str | os.PathLike, panel: str | None = None, size: tuple[int, int] = (1280, 800),
                      theme: str = "light", before_grab: Callable[..., None] | None = None,
                      language: str | None = None) -> None:
    """Build the window at ``size`` showing ``panel`` and save it as a PNG at ``path``.

    ``before_grab(window)`` may drive the window first (start a run and wait for a few
    epochs, for example); the window is closed and its threads joined afterwards.
    ``language`` renders it in that language (with a dev-only Korean font loaded
    where the machine has none).
    """
    from PySide6.QtWidgets import QApplication

    from torchdesk.core.cli_types import MAX_WINDOW_SIDE, MIN_WINDOW_SIDE

    width, height = size
    if not all(isinstance(side, int) and MIN_WINDOW_SIDE <= side <= MAX_WINDOW_SIDE for side in size):
        raise ValueError(translate("Screenshot", "a screenshot's window size must be {low} to {high:,} pixels a "
                                                 "side, got {width}×{height}")
                         .format(low=MIN_WINDOW_SIDE, high=MAX_WINDOW_SIDE, width=width, height=height))
        # Qt crashes grabbing a window far larger
    if QApplication.instance() is None and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from torchdesk.desktop.app import ensure_application
    from torchdesk.desktop.main_window import MainWindow
    from torchdesk.desktop.theme import apply_theme

    app = ensure_application()
    apply_theme(app, theme)
    if language:
        from torchdesk.desktop.i18n import install_language, korean_font_families

        korean_font_families()
        install_language(language)
    with tempfile.TemporaryDirectory(prefix="torchdesk-shot-") as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, persist=False)
        try:
            window.resize(*size)
            if panel:
                if not window.show_panel(panel):
                    raise ValueError(translate("Screenshot", "no panel called {panel!r}; panels: {panels}")
                                     .format(panel=panel, panels=", ".join(window.panels)
                                             or translate("Screenshot", "none")))
            window.show()
            app.processEvents()
            if before_grab is not None:
                before_grab(window)
            window.resize(*size)
            for _ in range(3):
                app.processEvents()
            image = window.grab()
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(target), "PNG"):
                raise OSError(translate("Screenshot", "could not write the screenshot to {path}").format(path=target))
        finally:
            window.shutdown()
            window.close()
            window.deleteLater()
            app.processEvents()
