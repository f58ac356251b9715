"""The one pyqtgraph plot widget of the app, coloured from the Qt palette and following its changes.

pyqtgraph draws black on white (or white on black) whatever the theme; a plot that
takes its colours once at creation keeps them after View > Theme switches. Every
plot in torchdesk is a :class:`ThemedPlot` (or derives from it): background, title,
axes and legend follow the palette, and a subclass recolours its own items in
:meth:`ThemedPlot.apply_palette`.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


class ThemedPlot(pg.PlotWidget):
    """A ``pg.PlotWidget`` in the palette's colours; ``title``, ``left`` and ``bottom`` label it."""

    def __init__(self, parent: QWidget | None = None, title: str = "", left: str = "", bottom: str = "",
                 axisItems: dict[str, Any] | None = None, menu: bool = False) -> None:  # noqa: N803 (pyqtgraph's name)
        super().__init__(parent, axisItems=axisItems)
        item = self.getPlotItem()
        if title:
            item.setTitle(title)
        if left:
            item.setLabel("left", left)
        if bottom:
            item.setLabel("bottom", bottom)
        item.setMenuEnabled(menu)
        self.apply_palette()

    @property
    def background_colour(self) -> QColor:
        """The palette's base colour (what the plot is drawn on)."""
        return self.palette().color(QPalette.ColorRole.Base)

    @property
    def foreground_colour(self) -> QColor:
        """The palette's text colour (axes, title, legend)."""
        return self.palette().color(QPalette.ColorRole.Text)

    def apply_palette(self) -> None:
        """Colour background, title, axes and legend from the palette; subclasses extend it for their items."""
        background, foreground = self.background_colour, self.foreground_colour
        self.setBackground(background)
        item = self.getPlotItem()
        item.titleLabel.setAttr("color", foreground.name())
        item.titleLabel.setText(item.titleLabel.text)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(foreground))
            axis.setTextPen(pg.mkPen(foreground))
        legend = item.legend
        if legend is not None:
            legend.setLabelTextColor(foreground)
            legend.setBrush(pg.mkBrush(background.red(), background.green(), background.blue(), 200))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "plotItem", None) is not None:
            self.apply_palette()  # (pyqtgraph changes the palette role before the plot item exists)
        super().changeEvent(event)
