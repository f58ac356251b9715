"""A viewer for one tensor or array: values as a grid, a heatmap with a colour bar, a histogram.

For more than two dimensions a slice picker chooses which 2-d slice the grid and the
heatmap show (one spin box per leading dimension). Large tensors open on the histogram,
2-d ones above a few hundred values on the heatmap, small ones on the grid.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.playground.views import ValueView, is_numeric
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.themed_plot import ThemedPlot

GRID_LIMIT = 200
"""Rows and columns the grid shows at most (the rest is summarised in the caption)."""
HISTOGRAM_FROM = 10_000
"""Tensors with more values than this open on the histogram."""
HEATMAP_FROM = 400


class ArrayTableModel(QAbstractTableModel):
    """A 0/1/2-d NumPy array as rows and columns (a 1-d array is one row)."""

    def __init__(self) -> None:
        super().__init__()
        self._array = np.zeros((0, 0))

    def set_array(self, array: np.ndarray) -> None:
        """Show ``array`` (0-, 1- or 2-d; clipped to :data:`GRID_LIMIT` in each direction)."""
        self.beginResetModel()
        if array.ndim == 0:
            array = array.reshape(1, 1)
        elif array.ndim == 1:
            array = array.reshape(1, -1)
        self._array = array[:GRID_LIMIT, :GRID_LIMIT]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._array.shape[0]

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._array.shape[1]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._array[index.row(), index.column()]
            if isinstance(value, (np.floating, float)):
                return f"{float(value):.4g}"
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section)
        return None


class TensorViewer(QWidget):
    """Shows one value: a tensor/array in grid, heatmap and histogram tabs; anything else as text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._array: np.ndarray | None = None
        self.caption = QLabel(translate("TensorViewer", "Select a variable to see its values."))
        self.caption.setWordWrap(True)
        self.slice_bar = QWidget()
        self.slice_layout = QHBoxLayout(self.slice_bar)
        self.slice_layout.setContentsMargins(0, 0, 0, 0)
        self.slice_spins: list[QSpinBox] = []

        self.grid_model = ArrayTableModel()
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setToolTip(translate("TensorViewer", "The values of the selected tensor (or of the chosen 2-d slice)"))
        self.grid.horizontalHeader().setDefaultSectionSize(64)
        self.grid.verticalHeader().setDefaultSectionSize(22)

        self.heatmap = pg.GraphicsLayoutWidget()
        self.heatmap.setToolTip(translate("TensorViewer", "Heatmap of the selected 2-d tensor or slice; the colour bar "
                                                          "maps values to colours"))
        self.heat_plot = self.heatmap.addPlot()
        self.heat_plot.invertY(True)
        self.heat_plot.setAspectLocked(True)
        self.heat_image = pg.ImageItem(axisOrder="row-major")
        self.heat_plot.addItem(self.heat_image)
        self.colour_bar = pg.ColorBarItem(colorMap=pg.colormap.get("viridis"), interactive=False)
        self.colour_bar.setImageItem(self.heat_image, insert_in=self.heat_plot)

        self.histogram = ThemedPlot(left=translate("TensorViewer", "count"), bottom=translate("TensorViewer", "value"))
        self.histogram.setToolTip(translate("TensorViewer", "How the values of the whole tensor are distributed"))

        self.tabs = QTabWidget()
        self.tabs.addTab(self.grid, translate("TensorViewer", "Grid"))
        self.tabs.addTab(self.heatmap, translate("TensorViewer", "Heatmap"))
        self.tabs.addTab(self.histogram, translate("TensorViewer", "Histogram"))
        self.tabs.setTabToolTip(0, translate("TensorViewer", "Values as a table (first 200×200)"))
        self.tabs.setTabToolTip(1, translate("TensorViewer", "2-d values as colours"))
        self.tabs.setTabToolTip(2, translate("TensorViewer", "Distribution of all values"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setToolTip(translate("TensorViewer", "The value of the selected variable"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.text)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.slice_bar)
        layout.addWidget(self.stack, 1)
        self.slice_bar.hide()

    # -- public --------------------------------------------------------------------
    def show_view(self, view: ValueView) -> None:
        """Show a variable as the playground's worker described it (its array, histogram or text)."""
        array = view.array
        self.caption.setText(view.caption)
        if array is None:
            self._array = None
            self.text.setPlainText(view.text or "")
            self.stack.setCurrentWidget(self.text)
            self._build_slice_picker(0)
            return
        self._array = array
        self.stack.setCurrentWidget(self.tabs)
        self._build_slice_picker(max(array.ndim - 2, 0))
        numeric = is_numeric(array)
        self.tabs.setTabEnabled(1, numeric and array.ndim >= 2)
        self.tabs.setTabEnabled(2, view.histogram is not None)
        self._refresh_slice()
        self._show_histogram(view.histogram)
        if numeric and array.size > HISTOGRAM_FROM:
            self.tabs.setCurrentIndex(2)
        elif numeric and array.ndim >= 2 and array.size > HEATMAP_FROM:
            self.tabs.setCurrentIndex(1)
        else:
            self.tabs.setCurrentIndex(0)

    def clear(self) -> None:
        """Show nothing."""
        self._array = None
        self.caption.setText(translate("TensorViewer", "Select a variable to see its values."))
        self.grid_model.set_array(np.zeros((0, 0)))
        self.heat_image.clear()
        self.histogram.clear()
        self._build_slice_picker(0)
        self.stack.setCurrentWidget(self.tabs)

    def current_slice(self) -> np.ndarray | None:
        """The 0/1/2-d array the grid and heatmap show now."""
        if self._array is None:
            return None
        index = tuple(spin.value() for spin in self.slice_spins)
        return self._array[index] if index else self._array

    # -- internals -----------------------------------------------------------------
    def _build_slice_picker(self, leading: int) -> None:
        while self.slice_layout.count():
            item = self.slice_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.slice_spins = []
        if leading == 0 or self._array is None:
            self.slice_bar.hide()
            return
        self.slice_layout.addWidget(QLabel(translate("TensorViewer", "Slice:")))
        for dim in range(leading):
            spin = QSpinBox()
            spin.setRange(0, max(self._array.shape[dim] - 1, 0))
            spin.setPrefix(translate("TensorViewer", "dim {dim} = ").format(dim=dim))
            spin.setToolTip(translate("TensorViewer", "Which index of dimension {dim} to show (size {size})").format(
                dim=dim, size=self._array.shape[dim]))
            spin.valueChanged.connect(self._refresh_slice)
            self.slice_layout.addWidget(spin)
            self.slice_spins.append(spin)
        self.slice_layout.addWidget(QLabel(translate("TensorViewer", "showing {index}").format(
            index=f"[{', '.join(['i'] * leading)}, :, :]")))
        self.slice_layout.addStretch(1)
        self.slice_bar.show()

    def _refresh_slice(self) -> None:
        part = self.current_slice()
        if part is None:
            return
        self.grid_model.set_array(part)
        rows = 1 if part.ndim < 2 else part.shape[0]
        cols = part.size if part.ndim < 2 else part.shape[1]
        if rows > GRID_LIMIT or cols > GRID_LIMIT:
            note = translate("TensorViewer", "grid shows the first {rows}×{columns}").format(rows=GRID_LIMIT, columns=GRID_LIMIT)
            self.caption.setText(self.caption.text().split(" — ")[0] + " — " + note)
        if part.size == 0:
            self.heat_image.clear()
        elif part.ndim == 2 and is_numeric(part):
            image = part.astype(np.float32)
            finite = image[np.isfinite(image)]
            low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
            if high <= low:
                high = low + 1.0
            self.heat_image.setImage(np.nan_to_num(image, nan=low, posinf=high, neginf=low), levels=(low, high))
            self.colour_bar.setLevels((low, high))
            self.heat_plot.autoRange()

    def _show_histogram(self, histogram: tuple[np.ndarray, np.ndarray] | None) -> None:
        self.histogram.clear()
        if histogram is not None:
            counts, edges = histogram
            self.histogram.plot(edges, counts, stepMode="center", fillLevel=0, brush=(66, 113, 174, 120), pen=pg.mkPen("#4271ae"))
