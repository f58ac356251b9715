"""The Model panel's plots follow the theme: a palette change recolours them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from torchdesk.desktop.widgets.layer_inspector import LayerInspector
from torchdesk.desktop.widgets.norms_view import NormsView


def dark_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(20, 22, 26))
    palette.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    return palette


def test_norms_and_inspector_plots_follow_a_palette_change(qtbot) -> None:
    norms, inspector = NormsView(), LayerInspector()
    for widget in (norms, inspector):
        qtbot.addWidget(widget)
        widget.setPalette(dark_palette())
    for plot in (norms.plot, inspector.histogram, inspector.activation_plot):
        assert plot.backgroundBrush().color() == QColor(20, 22, 26)
        assert plot.getPlotItem().getAxis("left").textPen().color() == QColor(230, 230, 230)
