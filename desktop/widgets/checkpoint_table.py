"""The checkpoints list (a sortable table model) and the preview of one checkpoint's training curves."""

from __future__ import annotations

import math
from typing import Any, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QHBoxLayout, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from torchdesk.core.checkpoint_index import CheckpointInfo
from torchdesk.core.formatting import human_bytes
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.themed_plot import ThemedPlot

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
INFO_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    QT_TRANSLATE_NOOP("CheckpointTableModel", "File"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "Model"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "Dataset"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "Epoch"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "Accuracy"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "Saved"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "Size"),
)
"""The column headers (English; shown through :func:`column_title`)."""
COLUMN_TIPS = (
    QT_TRANSLATE_NOOP("CheckpointTableModel", "The checkpoint's file name"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "The model plugin it was trained with"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "The dataset it was trained on"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "Epochs completed when it was saved"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "Test accuracy at its last epoch"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "When it was saved"),
    QT_TRANSLATE_NOOP("CheckpointTableModel", "File size"),
)


def column_title(column: int) -> str:
    """Column ``column``'s header as shown, in the current language."""
    return translate("CheckpointTableModel", COLUMNS[column])


PROBLEM_KINDS = ("unreadable", "pickle")


def _warning_icon() -> QIcon:
    """The style's warning sign: a row that cannot be opened safely says so before it is read."""
    app = QApplication.instance()
    style = app.style() if isinstance(app, QApplication) else None
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style is not None else QIcon()


class CheckpointTableModel(QAbstractTableModel):
    """One row per :class:`CheckpointInfo`; ``SORT_ROLE`` gives sortable values, ``INFO_ROLE`` the info."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[CheckpointInfo] = []

    def set_rows(self, rows: Sequence[CheckpointInfo]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("CheckpointTableModel", COLUMN_TIPS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        info = self.rows[index.row()]
        column = index.column()
        if role == INFO_ROLE:
            return info
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == SORT_ROLE:
            return self._sort_key(info, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return info.message or str(info.path)
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and info.kind in PROBLEM_KINDS:
            return _warning_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and info.kind in PROBLEM_KINDS:
            return QColor(200, 60, 40)
        return None

    @staticmethod
    def _display(info: CheckpointInfo, column: int) -> str:
        if column == 0:
            return info.name
        if column == 1:
            if info.kind == "pickle":
                return translate("CheckpointTableModel", "(pickled code)")
            if info.kind == "unreadable":
                return translate("CheckpointTableModel", "(unreadable)")
            return info.model
        if column == 2:
            return info.dataset
        if column == 3:
            return str(info.epoch) if info.kind == "torchdesk" else ""
        if column == 4:
            return f"{100 * info.test_accuracy:.2f}%" if math.isfinite(info.test_accuracy) else ""
        if column == 5:
            return info.when.strftime("%Y-%m-%d %H:%M")
        return human_bytes(info.size)

    @staticmethod
    def _sort_key(info: CheckpointInfo, column: int) -> Any:
        if column == 3:
            return info.epoch
        if column == 4:
            return info.test_accuracy if math.isfinite(info.test_accuracy) else -1.0
        if column == 5:
            return info.when.timestamp()
        if column == 6:
            return info.size
        return CheckpointTableModel._display(info, column).lower()


class FileNameDelegate(QStyledItemDelegate):
    """Cuts a file name too long for its column at the start, not the middle.

    Autosaves are called ``<model>-<dataset>-<date>-<time>-latest.pt``: the model and
    dataset have columns of their own, and what tells two files apart is the time and
    ``latest``/``best`` at the end, which eliding in the middle hid ("cnn-mn….pt").
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class CurvesPreview(QWidget):
    """Loss per epoch (train and test) and test accuracy of one checkpoint, side by side, in the palette's colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_plot = self._plot(translate("CurvesPreview", "Loss per epoch"), translate("CurvesPreview", "loss"))
        self.loss_plot.addLegend(offset=(-10, 10))
        self.loss_plot.apply_palette()  # the legend exists only now
        self.train_curve = self.loss_plot.plot(name=translate("CurvesPreview", "train"),
                                               pen=pg.mkPen((31, 119, 180), width=2), symbol="o",
                                               symbolSize=5, symbolBrush=(31, 119, 180))
        self.test_curve = self.loss_plot.plot(name=translate("CurvesPreview", "test"),
                                              pen=pg.mkPen((255, 127, 14), width=2), symbol="s",
                                              symbolSize=5, symbolBrush=(255, 127, 14))
        self.accuracy_plot = self._plot(translate("CurvesPreview", "Test accuracy"), "%")
        self.accuracy_curve = self.accuracy_plot.plot(pen=pg.mkPen((44, 160, 44), width=2), symbol="o",
                                                      symbolSize=5, symbolBrush=(44, 160, 44))
        self.accuracy_plot.setYRange(0, 100, padding=0.02)
        self.accuracy_plot.setLimits(yMin=-5, yMax=105)
        self.loss_plot.setToolTip(translate("CurvesPreview", "The selected checkpoint's mean training loss and test "
                                                             "loss after each epoch"))
        self.accuracy_plot.setToolTip(translate("CurvesPreview", "The selected checkpoint's test accuracy after each "
                                                                 "epoch"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_plot)
        layout.addWidget(self.accuracy_plot)

    @staticmethod
    def _plot(title: str, left: str) -> ThemedPlot:
        plot = ThemedPlot(title=title, left=left, bottom=translate("CurvesPreview", "epoch"))
        plot.getPlotItem().showGrid(x=True, y=True, alpha=0.15)
        plot.getAxis("left").enableAutoSIPrefix(False)  # a loss of 0.35 reads "0.35", not "350 (x0.001)"
        plot.setMinimumSize(160, 140)
        return plot

    def show_epochs(self, epochs: Sequence[dict[str, Any]]) -> None:
        """Plot a history's per-epoch records (empty clears the plots)."""
        xs = [float(e["epoch"]) if isinstance(e.get("epoch"), (int, float)) else float(i + 1)
              for i, e in enumerate(epochs)]

        def column(key: str, scale: float = 1.0) -> list[float]:
            values = []
            for e in epochs:
                value = e.get(key)
                values.append(float(value) * scale if isinstance(value, (int, float)) else math.nan)
            return values

        self.train_curve.setData(xs, column("train_loss"))
        self.test_curve.setData(xs, column("test_loss"))
        self.accuracy_curve.setData(xs, column("test_accuracy", 100.0))
        # Epochs are whole numbers: a short run gets one tick per epoch (one epoch showed 0.6 … 1.4).
        ticks = [[(x, f"{x:g}") for x in xs]] if 0 < len(xs) <= 12 else None
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getAxis("bottom").setTicks(ticks)
        self.loss_plot.enableAutoRange()
        self.accuracy_plot.enableAutoRange(axis="x")
