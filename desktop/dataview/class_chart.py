"""A bar chart of how many samples each class has, in the palette's colours (a :class:`ThemedPlot`)."""

from __future__ import annotations

from typing import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from torchdesk.core.i18n import class_name_text
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.themed_plot import ThemedPlot

BAR_COLOR = QColor(61, 132, 230)


class ClassDistributionChart(ThemedPlot):
    """Counts per class as horizontal bars, class names down the left axis so long names stay readable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, bottom=translate("ClassDistributionChart", "samples"))
        self.counts: list[int] = []
        self.class_names: list[str] = []
        item = self.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.hideButtons()
        item.showGrid(x=True, alpha=0.15)
        item.invertY(True)  # class 0 at the top, as in the class filter
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.75, brush=BAR_COLOR)
        item.addItem(self.bars)
        self.setMinimumSize(220, 160)
        self.setToolTip(translate("ClassDistributionChart", "How many samples of each class this split holds."))

    def set_counts(self, counts: Sequence[int], class_names: Sequence[str]) -> None:
        """Show ``counts`` (one per class) labelled with ``class_names``."""
        self.counts = [int(c) for c in counts]
        self.class_names = [class_names[i] if i < len(class_names) else str(i) for i in range(len(self.counts))]
        ys = list(range(len(self.counts)))
        self.bars.setOpts(x0=[0] * len(ys), y=ys, width=self.counts, height=0.75)
        step = max(1, len(ys) // 25)  # at most ~25 names; the class filter lists them all
        shown = [class_name_text(name) for name in self.class_names]  # the stored names stay English
        ticks = [(i, name if len(name) <= 14 else name[:13] + "…")
                 for i, name in enumerate(shown) if i % step == 0]
        item = self.getPlotItem()
        item.getAxis("left").setTicks([ticks])
        item.setYRange(-0.6, max(0, len(ys) - 1) + 0.6, padding=0)
        item.setXRange(0, max(self.counts, default=1) * 1.08, padding=0)
