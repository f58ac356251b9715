"""The left side of the panel: the canvas with its pen, eraser, brush, undo and clear, and the image inputs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QSlider, QToolButton, QVBoxLayout, QWidget

from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.draw_canvas import DrawCanvas


def tool_button(parent: QWidget, text: str, tip: str, checkable: bool = False) -> QToolButton:
    """A text-only tool button."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setCheckable(checkable)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button


class DrawingPad(QWidget):
    """The canvas and its tools; pen, eraser and brush act on the canvas directly.

    The panel connects the undo, clear, open, paste and sample buttons: they change
    what is classified.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = DrawCanvas(self)
        self.pen_button = tool_button(self, translate("DrawingPad", "Pen"),
                                      translate("DrawingPad", "Draw with the left button or pen tip "
                                                              "(P)."), checkable=True)
        self.eraser_button = tool_button(self, translate("DrawingPad", "Eraser"),
                                         translate("DrawingPad", "Erase with the left button (E). The right button "
                                                                 "always erases."), checkable=True)
        self.pen_button.setChecked(True)
        tools = QButtonGroup(self)
        tools.setExclusive(True)
        tools.addButton(self.pen_button)
        tools.addButton(self.eraser_button)
        self.brush_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.brush_slider.setRange(4, 40)
        self.brush_slider.setValue(self.canvas.brush_size)
        self.brush_slider.setFixedWidth(110)
        self.brush_slider.setToolTip(translate("DrawingPad", "Brush size in canvas pixels ([ and ] change it)."))
        self.brush_label = QLabel(self)
        self.brush_label.setMinimumWidth(24)
        self.undo_button = tool_button(self, translate("DrawingPad", "Undo"),
                                       translate("DrawingPad", "Take back the last stroke, clear or load (Ctrl+Z)."))
        self.clear_button = tool_button(self, translate("DrawingPad", "Clear"),
                                        translate("DrawingPad", "Wipe the canvas (Delete). Undo brings it back."))

        tool_row = QHBoxLayout()
        tool_row.addWidget(self.pen_button)
        tool_row.addWidget(self.eraser_button)
        tool_row.addSpacing(8)
        tool_row.addWidget(QLabel(translate("DrawingPad", "Brush"), self))
        tool_row.addWidget(self.brush_slider)
        tool_row.addWidget(self.brush_label)
        tool_row.addStretch(1)
        tool_row.addWidget(self.undo_button)
        tool_row.addWidget(self.clear_button)

        self.open_button = tool_button(self, translate("DrawingPad", "Open image…"),
                                       translate("DrawingPad", "Classify an image file (Ctrl+O). You can also drop one "
                                                               "here."))
        self.paste_button = tool_button(self, translate("DrawingPad", "Paste"),
                                        translate("DrawingPad", "Classify the image on the clipboard (Ctrl+V)."))
        self.sample_button = tool_button(self, translate("DrawingPad", "Random test sample"),
                                         translate("DrawingPad", "Show a random image from the test set in the data "
                                                                 "folder with its true label (Ctrl+R)."))
        input_row = QHBoxLayout()
        input_row.addWidget(self.open_button)
        input_row.addWidget(self.paste_button)
        input_row.addWidget(self.sample_button)
        input_row.addStretch(1)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tool_row)
        column.addWidget(self.canvas, 1)
        column.addLayout(input_row)

        self.pen_button.toggled.connect(lambda on: on and self.canvas.set_eraser(False))
        self.eraser_button.toggled.connect(lambda on: on and self.canvas.set_eraser(True))
        self.brush_slider.valueChanged.connect(self._on_brush)
        self._on_brush(self.brush_slider.value())

    def change_brush(self, step: int) -> None:
        """Make the brush ``step`` pixels bigger (or smaller when negative)."""
        self.brush_slider.setValue(self.brush_slider.value() + step)

    def _on_brush(self, value: int) -> None:
        self.canvas.set_brush_size(value)
        self.brush_label.setText(str(value))
