"""A confusion-matrix heatmap with class names; clicking a cell says which cell.

Rows are the true classes, columns the predicted ones. Colour is the share of
each true class (so a rare class is as readable as a common one); the counts are
written in the cells when there is room and shown in a tooltip on hover.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from torchdesk.core.i18n import class_name_text
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.themed_plot import ThemedPlot

MAX_LABELLED_CLASSES = 20


class CellCounts(pg.GraphicsObject):
    """The count in each non-empty cell, drawn in one pass at screen size.

    One TextItem per cell cost a few milliseconds per epoch to create and as much again
    to paint, on the GUI thread while training runs; this item draws all of them at
    once and leaves out counts that do not fit their cell.
    """

    def __init__(self) -> None:
        super().__init__()
        self.matrix = np.zeros((0, 0), dtype=np.int64)
        self.share = np.zeros((0, 0))

    def set_counts(self, matrix: np.ndarray, share: np.ndarray) -> None:
        """Show ``matrix`` (counts), choosing dark or light text from ``share`` (the cell colour)."""
        self.prepareGeometryChange()
        self.matrix, self.share = matrix, share
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        n = self.matrix.shape[0]
        return QRectF(0, 0, n, n)

    def paint(self, painter: QPainter, *_: object) -> None:
        n = self.matrix.shape[0]
        if n == 0:
            return
        to_device = painter.transform()
        cell = to_device.mapRect(QRectF(0, 0, 1, 1))
        metrics = painter.fontMetrics()
        painter.save()
        painter.resetTransform()
        dark, light = QColor(20, 20, 20), QColor(240, 240, 240)
        for i, j in zip(*np.nonzero(self.matrix)):
            text = str(int(self.matrix[i, j]))
            if metrics.horizontalAdvance(text) > abs(cell.width()) or metrics.height() > abs(cell.height()) * 1.2:
                continue
            centre = to_device.map(QPointF(j + 0.5, i + 0.5))
            painter.setPen(dark if self.share[i, j] > 0.6 else light)
            rect = QRectF(centre.x() - abs(cell.width()) / 2, centre.y() - abs(cell.height()) / 2,
                          abs(cell.width()), abs(cell.height()))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class ConfusionMatrixView(ThemedPlot):
    """Heatmap of ``confusion[true][predicted]`` in the palette's colours; ``cell_clicked(true, predicted)`` on click."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, title=translate("ConfusionMatrixView", "Confusion matrix (test)"),
                         left=translate("ConfusionMatrixView", "true class"),
                         bottom=translate("ConfusionMatrixView", "predicted class"))
        self.matrix = np.zeros((0, 0), dtype=np.int64)
        self.class_names: list[str] = []
        self._axes_drawn_for: tuple[int, list[str]] | None = None
        self._room_drawn = 0
        item = self.getPlotItem()
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.invertY(True)
        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("viridis"))
        item.addItem(self.image)
        self.counts = CellCounts()
        item.addItem(self.counts)
        self.empty_text = pg.TextItem(translate("ConfusionMatrixView", "appears after the first "
                                                                       "epoch"), anchor=(0.5, 0.5),
                                      color="#888")
        item.addItem(self.empty_text)
        self.empty_text.setPos(0.5, 0.5)
        item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
        self._hide_ticks()
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_hover)
        self.setToolTip(self._idle_tip())

    @staticmethod
    def _idle_tip() -> str:
        return translate("ConfusionMatrixView", "Rows: true class, columns: predicted class. Click a cell to see those "
                                                "test images.")

    def set_matrix(self, confusion: Sequence[Sequence[int]], class_names: Sequence[str]) -> None:
        """Show ``confusion`` with ``class_names`` on the axes."""
        matrix = np.asarray(confusion, dtype=np.int64)
        if matrix.ndim != 2 or matrix.size == 0:
            return
        n = matrix.shape[0]
        names = [str(c) for c in class_names][:n] + [str(i) for i in range(len(class_names), n)]
        self.matrix, self.class_names = matrix, names
        totals = matrix.sum(axis=1, keepdims=True).clip(min=1)
        share = matrix / totals
        self.image.setImage(share.T, levels=(0.0, 1.0), autoLevels=False)  # ImageItem is column-major
        self.image.setRect(0, 0, n, n)
        self.empty_text.hide()
        self._write_counts(matrix, share)
        self._label_axes(names)

    def show_classes(self, class_names: Sequence[str]) -> None:
        """Label the axes for ``class_names`` before any matrix arrives.

        Labelled at the start of a run, the axes take their width then, rather than
        re-laying out the whole plot at the end of the first epoch while training runs.
        """
        if class_names:
            self._label_axes([str(c) for c in class_names])

    def _label_axes(self, names: list[str]) -> None:
        n = len(names)
        if (n, names) == self._axes_drawn_for:
            return  # the axes stay as they are: redrawing them is most of the cost of an update
        self._axes_drawn_for = (n, names)
        if not self.matrix.size:
            self.empty_text.setPos(n / 2, n / 2)
        item = self.getPlotItem()
        item.setRange(xRange=(0, n), yRange=(0, n), padding=0)
        shown = [class_name_text(name) for name in names]  # the stored names stay English (the CSV export)
        left = [(i + 0.5, self._short(shown[i])) for i in range(n)]
        room = self._bottom_room(n)
        self._room_drawn = room
        bottom = [(i + 0.5, self._short(shown[i], room)) for i in range(n)]
        if n > MAX_LABELLED_CLASSES:
            step = int(np.ceil(n / MAX_LABELLED_CLASSES))
            left, bottom = left[::step], bottom[::step]
        item.getAxis("left").setTicks([left])
        item.getAxis("bottom").setTicks([bottom])

    @staticmethod
    def _short(name: str, room: int = 12) -> str:
        return name if len(name) <= room else name[:max(room - 1, 1)] + "…"

    def _bottom_room(self, n: int) -> int:
        """Characters of a class name that fit under one column (names are shortened to fit, never overlap)."""
        plot_width = self.getPlotItem().vb.width()
        if plot_width < 50:  # not laid out yet: guess from the widget
            plot_width = self.width() * 0.75
        shown = min(n, MAX_LABELLED_CLASSES)
        cell = plot_width / max(shown, 1) - 8  # a gap between neighbours
        metrics = self.fontMetrics()
        room = 12
        while room > 1 and metrics.horizontalAdvance("M" * (room - 1) + "…") * 0.8 > cell:
            room -= 1
        return room

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt override)
        """Relabel the columns when their room changes (a wider panel shows more of each name)."""
        super().resizeEvent(event)
        drawn = self.__dict__.get("_axes_drawn_for")  # None too while the base class is still being built
        if drawn is not None and drawn[0]:
            n, names = drawn
            if self._bottom_room(n) != self._room_drawn:
                self._axes_drawn_for = None
                self._label_axes(names)

    def _write_counts(self, matrix: np.ndarray, share: np.ndarray) -> None:
        labelled = matrix.shape[0] <= MAX_LABELLED_CLASSES
        self.counts.set_counts(matrix if labelled else np.zeros((0, 0), dtype=np.int64), share)

    def _hide_ticks(self) -> None:
        for side in ("left", "bottom"):
            self.getPlotItem().getAxis(side).setTicks([[]])

    def cell_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """(true, predicted) under a scene position, or None outside the matrix."""
        n = self.matrix.shape[0]
        if n == 0:
            return None
        point = self.getPlotItem().vb.mapSceneToView(scene_pos)
        col, row = int(np.floor(point.x())), int(np.floor(point.y()))
        if 0 <= row < n and 0 <= col < n:
            return row, col
        return None

    def describe_cell(self, true: int, predicted: int) -> str:
        """A sentence for a cell: how many of which class were predicted as which."""
        count = int(self.matrix[true, predicted])
        total = int(self.matrix[true].sum())
        return translate("ConfusionMatrixView", "true {true} → predicted {predicted}: {count} of {total} "
                                                "({percent:.1f}%)").format(
            true=class_name_text(self.class_names[true]), predicted=class_name_text(self.class_names[predicted]),
            count=count, total=total, percent=100 * count / max(total, 1))

    def _on_click(self, event) -> None:  # type: ignore[no-untyped-def]
        cell = self.cell_at(event.scenePos())
        if cell is not None:
            self.cell_clicked.emit(*cell)

    def _on_hover(self, scene_pos: QPointF) -> None:
        cell = self.cell_at(scene_pos)
        self.setToolTip(self.describe_cell(*cell) + translate("ConfusionMatrixView", "\nClick to see these test "
                                                                                     "images.")
                        if cell else self._idle_tip())

    def clear_matrix(self) -> None:
        """Back to the empty state of a new run; the axes keep their class names."""
        self.matrix = np.zeros((0, 0), dtype=np.int64)
        self.image.clear()
        self.counts.set_counts(self.matrix, self.matrix.astype(float))
        n = self._axes_drawn_for[0] if self._axes_drawn_for else 1
        self.empty_text.setPos(n / 2, n / 2)
        self.empty_text.show()
