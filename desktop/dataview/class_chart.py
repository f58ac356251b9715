"""A bar chart of how many samples each class has (pyqtgraph), coloured from the palette."""

from __future__ import annotations

from typing import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

BAR_COLOR = QColor(61, 132, 230)


class ClassDistributionChart(pg.PlotWidget):
    """Counts per class as horizontal bars, class names down the left axis so long names stay readable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: list[int] = []
        self.class_names: list[str] = []
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.showGrid(x=True, alpha=0.15)
        item.setLabel("bottom", "samples")
        item.invertY(True)  # class 0 at the top, as in the class filter
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.75, brush=BAR_COLOR)
        item.addItem(self.bars)
        self.setMinimumSize(220, 160)
        self.setToolTip("How many samples of each class this split holds.")
        self.apply_palette()

    def set_counts(self, counts: Sequence[int], class_names: Sequence[str]) -> None:
        """Show ``counts`` (one per class) labelled with ``class_names``."""
        self.counts = [int(c) for c in counts]
        self.class_names = [class_names[i] if i < len(class_names) else str(i) for i in range(len(self.counts))]
        ys = list(range(len(self.counts)))
        self.bars.setOpts(x0=[0] * len(ys), y=ys, width=self.counts, height=0.75)
        step = max(1, len(ys) // 25)  # at most ~25 names; the class filter lists them all
        ticks = [(i, name if len(name) <= 14 else name[:13] + "…")
                 for i, name in enumerate(self.class_names) if i % step == 0]
        item = self.getPlotItem()
        item.getAxis("left").setTicks([ticks])
        item.setYRange(-0.6, max(0, len(ys) - 1) + 0.6, padding=0)
        item.setXRange(0, max(self.counts, default=1) * 1.08, padding=0)

    def apply_palette(self) -> None:
        """Colour axes and background from the widget's palette (light or dark)."""
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        self.setBackground(background)
        for side in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(side)
            axis.setPen(pg.mkPen(foreground))
            axis.setTextPen(pg.mkPen(foreground))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange and self.getPlotItem() is not None:
            self.apply_palette()
        super().changeEvent(event)
