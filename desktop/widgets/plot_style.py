"""Colour pyqtgraph plots from a Qt palette, so every plot reads well in light and dark themes."""

from __future__ import annotations

from typing import Iterable

import pyqtgraph as pg
from PySide6.QtGui import QColor


def style_plots(widgets: Iterable[pg.PlotWidget], background: QColor, foreground: QColor) -> None:
    """Background, title, axes and legend of each plot in the palette's colours."""
    for widget in widgets:
        widget.setBackground(background)
        item = widget.getPlotItem()
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
