"""In the dark theme a checked tool button (Classify's Pen or Eraser) is plainly the selected one."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QHBoxLayout, QToolButton, QWidget

from torchdesk.desktop.theme import apply_theme


def mean_colour(widget: QWidget) -> tuple[float, float, float]:
    image = widget.grab().toImage()
    pixels = [image.pixelColor(x, y) for x in range(2, image.width() - 2, 3) for y in range(2, image.height() - 2, 3)]
    return tuple(sum(getattr(p, c)() for p in pixels) / len(pixels) for c in ("red", "green", "blue"))


def test_a_checked_tool_button_stands_out_in_the_dark_theme(qtbot) -> None:
    app = QApplication.instance()
    apply_theme(app, "dark")
    try:
        row = QWidget()
        layout = QHBoxLayout(row)
        pen, eraser = QToolButton(), QToolButton()
        for button, text in ((pen, "Pen"), (eraser, "Eraser")):
            button.setText(text)
            button.setCheckable(True)
            button.setFixedSize(70, 26)
            layout.addWidget(button)
        pen.setChecked(True)
        qtbot.addWidget(row)
        row.show()
        qtbot.wait(20)
        checked, unchecked = mean_colour(pen), mean_colour(eraser)
        assert checked[2] - unchecked[2] > 30  # clearly bluer, not a shade darker
    finally:
        apply_theme(app, "system")
