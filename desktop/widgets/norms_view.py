"""Per-layer parameter and gradient norms, drawn across the network's depth and listed in a table.

Vanishing or exploding gradients show as a slope across layers; a layer whose
gradient norm is zero is not learning. Values come from
``torchdesk.core.inspect.norms`` (a :class:`GradNormMonitor` during training).
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from torchdesk.core.inspect.norms import NormRecord
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.themed_plot import ThemedPlot

PARAM_COLOR = (59, 110, 168)
GRAD_COLOR = (200, 116, 28)


class NormsView(QWidget):
    """A log-scale plot of each layer's parameter and gradient norm, and the numbers in a table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(translate("NormsView", "Norms appear here while a model trains (start a run in the "
                                                     "training panel)."))
        self.caption.setWordWrap(True)
        self.plot = ThemedPlot(left=translate("NormsView", "L2 norm"),
                               bottom=translate("NormsView", "layer (input → output)"))
        self.plot.setLogMode(x=False, y=True)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.setToolTip(translate("NormsView", "Each layer's parameter norm (blue) and gradient norm (orange) "
                                                    "after the latest step, on a log scale; the table below has the "
                                                    "numbers and names."))
        legend = self.plot.addLegend(offset=(10, -10))
        self.param_curve = self.plot.plot([], [], pen=pg.mkPen(*PARAM_COLOR, width=2), symbol="o", symbolSize=5,
                                          symbolBrush=pg.mkBrush(*PARAM_COLOR),
                                          name=translate("NormsView", "parameters"))
        self.grad_curve = self.plot.plot([], [], pen=pg.mkPen(*GRAD_COLOR, width=2), symbol="t", symbolSize=6,
                                         symbolBrush=pg.mkBrush(*GRAD_COLOR),
                                         name=translate("NormsView", "gradients"))
        legend.setVisible(True)
        self.plot.apply_palette()  # the legend exists now: colour it too
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["#", translate("NormsView", "Layer"),
                                              translate("NormsView", "Parameters"),
                                              translate("NormsView", "Param norm"),
                                              translate("NormsView", "Grad norm")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(translate("NormsView", "Each layer that owns parameters, with the L2 norms of its "
                                                     "weights and their gradients."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.plot)
        splitter.addWidget(self.table)
        splitter.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(splitter, 1)
        self.records: list[NormRecord] = []

    def show_records(self, records: Sequence[NormRecord], caption: str) -> None:
        """Draw ``records`` (one per layer, in model order) under ``caption``."""
        self.records = list(records)
        self.caption.setText(caption)
        x = np.arange(len(records), dtype=float)
        params = np.array([max(r.param_norm, 1e-12) for r in records], dtype=float)
        self.param_curve.setData(x, params)
        with_grad = [(i, r.grad_norm) for i, r in enumerate(records) if r.grad_norm is not None]
        if with_grad:
            gx = np.array([i for i, _ in with_grad], dtype=float)
            gy = np.array([max(g, 1e-12) for _, g in with_grad], dtype=float)
            self.grad_curve.setData(gx, gy)
        else:
            self.grad_curve.setData([], [])
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            grad = "—" if record.grad_norm is None else _number(record.grad_norm)
            module = record.module or translate("NormsView", "(model)")
            for col, text in enumerate((str(row), module, f"{record.numel:,}",
                                        _number(record.param_norm), grad)):
                item = self.table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    if col != 1:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, col, item)
                item.setText(text)

    def clear(self, caption: str) -> None:
        """Nothing to show (no model, or no training yet)."""
        self.show_records([], caption)


def _number(value: float) -> str:
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    return f"{value:.3e}" if abs(value) < 1e-3 or abs(value) >= 1e4 else f"{value:.4f}"
