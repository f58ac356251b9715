"""Light and dark palettes, so the app reads well whatever the desktop uses.

``system`` keeps the platform's palette; ``light`` and ``dark`` use Qt's Fusion
style with a fixed palette (the same on every platform, and under the offscreen
platform the screenshots use).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    """A calm dark palette with enough contrast for small text."""
    p = QPalette()
    window, base, text = QColor(37, 39, 43), QColor(27, 29, 32), QColor(226, 228, 232)
    disabled = QColor(128, 132, 138)
    for role, color in {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(44, 47, 52),
        QPalette.ColorRole.ToolTipBase: QColor(52, 55, 61),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: disabled,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(50, 53, 59),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.BrightText: QColor(255, 90, 90),
        QPalette.ColorRole.Light: QColor(70, 74, 80),
        QPalette.ColorRole.Midlight: QColor(60, 63, 69),
        QPalette.ColorRole.Mid: QColor(45, 48, 53),
        QPalette.ColorRole.Dark: QColor(20, 21, 24),
        QPalette.ColorRole.Shadow: QColor(0, 0, 0),
        QPalette.ColorRole.Highlight: QColor(61, 132, 230),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(110, 168, 254),
    }.items():
        p.setColor(role, color)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def light_palette() -> QPalette:
    """Fusion's standard light palette with a clearer highlight."""
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    p = style.standardPalette() if style is not None else QPalette()
    p.setColor(QPalette.ColorRole.Highlight, QColor(38, 110, 215))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(255, 255, 255))
    return p


_system_palette: QPalette | None = None

# Fusion outlines unchecked boxes with the window colour darkened, invisible on a dark base, and draws
# a checked tool button (Classify's Pen or Eraser) barely darker than an unchecked one.
DARK_INDICATORS = (
    "\nQCheckBox::indicator:unchecked, QAbstractItemView::indicator:unchecked "
    "{ border: 1px solid #7d838c; border-radius: 2px; background: #1b1d20; width: 12px; height: 12px; }\n"
    "QToolButton:checked { background: #2f5e99; border: 1px solid #5a8fd6; border-radius: 3px; color: #ffffff; }\n"
)


def apply_theme(app: QApplication, name: str) -> str:
    """Switch ``app`` to theme ``name`` (unknown names mean ``system``); returns the one applied."""
    global _system_palette
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    name = name if name in THEMES else "system"
    app.setStyleSheet(app.styleSheet().replace(DARK_INDICATORS, ""))
    if name == "system":
        app.setPalette(_system_palette)
        return name
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if name == "dark" else light_palette())
    if name == "dark":
        app.setStyleSheet(app.styleSheet() + DARK_INDICATORS)
    return name


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` has light text on a dark background (plots pick their colours from this)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
