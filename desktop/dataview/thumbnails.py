"""The thumbnail grid: one QListView, a list model over dataset indices and a painting delegate.

No widget per image: the view asks the model only for the rows on screen, the
model renders those thumbnails from the dataset's uint8 tensor (or decodes the
file) the first time they are seen and keeps them in a bounded cache, and the
delegate paints image, label and the model's verdict. That keeps scrolling
through 60,000 images smooth.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Sequence

import numpy as np
import torch
from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from torchdesk.core.dataset_stats import Predictions
from torchdesk.core.i18n import class_name_text
from torchdesk.core.sample_source import SampleSource
from torchdesk.desktop.i18n import translate

DATASET_INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
IMAGE_ROLE = Qt.ItemDataRole.UserRole + 2
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 3  # None (no model), True (right) or False (wrong)
PREDICTED_ROLE = Qt.ItemDataRole.UserRole + 4

RIGHT_COLOR = QColor(46, 160, 67)
WRONG_COLOR = QColor(215, 58, 73)


def qimage_from_uint8(image: torch.Tensor) -> QImage:
    """A QImage (grayscale or RGB) that owns a copy of a uint8 ``(C, H, W)`` tensor."""
    if image.dim() == 2:
        image = image.unsqueeze(0)
    channels, height, width = image.shape
    if channels == 1:
        data = np.ascontiguousarray(image[0].numpy())
        fmt, stride = QImage.Format.Format_Grayscale8, width
    else:
        data = np.ascontiguousarray(image[:3].permute(1, 2, 0).numpy())
        if data.shape[2] < 3:
            data = np.ascontiguousarray(np.repeat(data[..., :1], 3, axis=2))
        fmt, stride = QImage.Format.Format_RGB888, width * 3
    return QImage(data.tobytes(), width, height, stride, fmt).copy()


class ThumbnailModel(QAbstractListModel):
    """Rows are dataset indices (all of them, or a filtered/sorted subset); thumbnails are made on demand."""

    def __init__(self, cache_size: int = 6000, parent: Any = None) -> None:
        super().__init__(parent)
        self.source: SampleSource | None = None
        self.class_names: list[str] = []
        self.labels: torch.Tensor | None = None
        self.predictions: Predictions | None = None
        self._rows: np.ndarray = np.zeros(0, dtype=np.int64)
        self._row_count = 0
        # Plain numpy copies: indexing them from paint() is ~50x cheaper than indexing tensors.
        self._labels_np: np.ndarray | None = None
        self._predicted_np: np.ndarray | None = None
        # The model's own class names when they are not the dataset's ("predict anyway"): no right/wrong then.
        self.predicted_names: list[str] | None = None
        self._cache: OrderedDict[int, QImage] = OrderedDict()
        self._cache_size = cache_size
        self.decode_errors: dict[int, str] = {}

    # -- content --------------------------------------------------------------------
    def set_source(self, source: SampleSource | None, labels: torch.Tensor | None, class_names: Sequence[str]) -> None:
        """Show ``source`` (every sample, in order) with its labels and class names."""
        self.beginResetModel()
        self.source = source
        self.labels = labels
        self._labels_np = labels.numpy() if labels is not None else None
        self.class_names = list(class_names)
        self.predictions = None
        self._predicted_np = None
        self.predicted_names = None
        self._cache.clear()
        self.decode_errors.clear()
        self._rows = np.arange(len(source) if source is not None else 0, dtype=np.int64)
        self._row_count = len(self._rows)
        self.endResetModel()

    def set_rows(self, rows: Sequence[int] | np.ndarray | None) -> None:
        """Show only these dataset indices, in this order (None: every sample)."""
        self.beginResetModel()
        if rows is None:
            self._rows = np.arange(len(self.source) if self.source is not None else 0, dtype=np.int64)
        else:
            self._rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        self._row_count = len(self._rows)
        self.endResetModel()

    def set_predictions(self, predictions: Predictions | None, predicted_names: Sequence[str] | None = None) -> None:
        """Mark each thumbnail right or wrong with the predicted class (None clears the marks).

        ``predicted_names`` are the model's own class names when they are not this
        dataset's (a model predicting anyway on data it was not made for): each cell
        then shows the model's answer by its name, and no right/wrong mark, since
        comparing class numbers of different class lists means nothing.
        """
        self.predictions = predictions
        self._predicted_np = predictions.predicted.numpy() if predictions is not None else None
        self.predicted_names = list(predicted_names) if predictions is not None and predicted_names is not None \
            else None
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def rows(self) -> np.ndarray:
        """The dataset indices shown, in order."""
        return self._rows

    def dataset_index(self, row: int) -> int:
        """The dataset index shown at ``row``."""
        return int(self._rows[row])

    def row_of(self, dataset_index: int) -> int:
        """The row showing ``dataset_index``, or -1 when it is filtered out."""
        hits = np.flatnonzero(self._rows == dataset_index)
        return int(hits[0]) if hits.size else -1

    def class_name(self, label: int) -> str:
        """The name of class ``label`` as shown (translated; the number when the dataset has no names)."""
        return class_name_text(self.class_names[label]) if 0 <= label < len(self.class_names) else str(label)

    def predicted_name(self, predicted: int) -> str:
        """The shown name of answer ``predicted``: the model's own names when they differ from the data's."""
        if self.predicted_names is not None:
            return (class_name_text(self.predicted_names[predicted]) if 0 <= predicted < len(self.predicted_names)
                    else str(predicted))
        return self.class_name(predicted)

    def judged(self) -> bool:
        """Whether the predictions can be called right or wrong (the model predicts this dataset's classes)."""
        return self.predictions is not None and self.predicted_names is None

    def label_of(self, dataset_index: int) -> int:
        """The true class of ``dataset_index``."""
        return int(self._labels_np[dataset_index]) if self._labels_np is not None else -1

    # -- thumbnails -----------------------------------------------------------------
    def thumbnail(self, dataset_index: int) -> QImage:
        """The thumbnail of ``dataset_index``, rendered on first use and cached (least recently used out)."""
        image = self._cache.get(dataset_index)
        if image is not None:
            self._cache.move_to_end(dataset_index)
            return image
        try:
            image = qimage_from_uint8(self.source.image(dataset_index))
        except Exception as exc:  # a damaged file must not break the grid
            self.decode_errors[dataset_index] = f"{type(exc).__name__}: {exc}"
            image = QImage()
        self._cache[dataset_index] = image
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return image

    def cell(self, row: int) -> tuple[QImage, str, int, str]:
        """What the delegate paints at ``row``: thumbnail, true label, verdict (-1 no model, 0 wrong, 1 right)
        and the predicted class when it is wrong ('' otherwise); for a model with other classes, verdict -1
        and always the model's answer.

        The delegate reads this directly instead of through ``index.data``: it is
        faster and avoids passing None through QVariant, which PySide6 6.12 on
        Python 3.11 miscounts (a "deallocating None" abort after many paints).
        """
        ds_index = int(self._rows[row])
        label = self.label_of(ds_index)
        verdict, predicted_text = -1, ""
        if self._predicted_np is not None:
            predicted = int(self._predicted_np[ds_index])
            if self.predicted_names is not None:
                predicted_text = self.predicted_name(predicted)
            else:
                verdict = int(predicted == label)
                if not verdict:
                    predicted_text = self.class_name(predicted)
        return self.thumbnail(ds_index), self.class_name(label), verdict, predicted_text

    def cached_count(self) -> int:
        """How many thumbnails are rendered and kept right now."""
        return len(self._cache)

    # -- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._row_count

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.source is None:
            return None
        ds_index = int(self._rows[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return self.class_name(self.label_of(ds_index))
        if role == DATASET_INDEX_ROLE:
            return ds_index
        if role == IMAGE_ROLE:
            return self.thumbnail(ds_index)
        if role == VERDICT_ROLE:
            if not self.judged():
                return None
            return bool(self.predictions.predicted[ds_index] == self.predictions.labels[ds_index])
        if role == PREDICTED_ROLE:
            if self.predictions is None:
                return None
            return self.predicted_name(int(self.predictions.predicted[ds_index]))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = translate("ThumbnailModel", "#{index}  label: {label}").format(
                index=ds_index, label=self.class_name(self.label_of(ds_index)))
            if self.predictions is not None:
                pred = int(self.predictions.predicted[ds_index])
                conf = float(self.predictions.confidence[ds_index])
                text += "\n" + translate("ThumbnailModel", "predicted: {answer} ({confidence:.0%})").format(
                    answer=self.predicted_name(pred), confidence=conf)
                if not self.judged():
                    text += translate("ThumbnailModel", " (the model's own classes)")
            self.thumbnail(ds_index)  # decoding records any error for the line below
            if ds_index in self.decode_errors:
                text += "\n" + translate("ThumbnailModel", "could not read this image: {error}").format(
                    error=self.decode_errors[ds_index])
            return text
        return None


class ThumbnailDelegate(QStyledItemDelegate):
    """Paints one cell: the thumbnail (pixel-exact when enlarged), the label under it, and the verdict.

    Unselected cells are rendered once into a pixmap and then blitted, so a frame
    costs one ``drawPixmap`` per visible cell; :meth:`invalidate` drops those
    pixmaps when zoom, labels or predictions change.
    """

    TEXT_HEIGHT = 16  # one line of label text
    PAD = 4
    MIN_CELL_WIDTH = 68  # room for "T-shirt/top" under small thumbnails

    def __init__(self, parent: Any = None, cache_size: int = 3000) -> None:
        super().__init__(parent)
        self.thumb_size = 56
        self.text_lines = 1  # 2 while a model's verdicts are shown: label, then "→ predicted"
        self._font = QFont()
        self._font.setPointSizeF(max(7.0, self._font.pointSizeF() * 0.85))
        self._cells: OrderedDict[int, QPixmap] = OrderedDict()
        self._cache_size = cache_size

    def cell_size(self) -> QSize:
        """The size of one grid cell at the current zoom."""
        return QSize(max(self.MIN_CELL_WIDTH, self.thumb_size + 2 * self.PAD),
                     self.thumb_size + self.text_lines * self.TEXT_HEIGHT + 2 * self.PAD)

    def invalidate(self) -> None:
        """Forget the rendered cells (call after zoom, rows' labels or predictions change)."""
        self._cells.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        return self.cell_size()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        model = index.model()
        if not isinstance(model, ThumbnailModel) or not index.isValid():
            return
        rect: QRect = option.rect
        if option.state & QStyle.StateFlag.State_Selected:
            painter.save()
            self._render(painter, QRect(rect), option.palette, model.cell(index.row()), selected=True)
            painter.restore()
            return
        ds_index = model.dataset_index(index.row())
        pixmap = self._cells.get(ds_index)
        if pixmap is None:
            pixmap = QPixmap(rect.size())
            pixmap.fill(option.palette.color(QPalette.ColorRole.Base))
            cell_painter = QPainter(pixmap)
            self._render(cell_painter, QRect(0, 0, rect.width(), rect.height()), option.palette,
                         model.cell(index.row()), selected=False)
            cell_painter.end()
            self._cells[ds_index] = pixmap
            if len(self._cells) > self._cache_size:
                self._cells.popitem(last=False)
        painter.drawPixmap(rect.topLeft(), pixmap)

    def _render(self, painter: QPainter, rect: QRect, palette: QPalette,
                cell: tuple[QImage, str, int, str], selected: bool) -> None:
        image, text, verdict, predicted = cell
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        side = self.thumb_size
        target = QRect(rect.x() + (rect.width() - side) // 2, rect.y() + self.PAD, side, side)
        if not image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, image.width() > side)
            w, h = image.width(), image.height()
            scale = min(side / w, side / h)
            dw, dh = max(1, int(w * scale)), max(1, int(h * scale))
            painter.drawImage(QRect(target.x() + (side - dw) // 2, target.y() + (side - dh) // 2, dw, dh), image)
        else:
            painter.fillRect(target, QColor(90, 30, 30))
            painter.setPen(QColor(255, 200, 200))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter, "?")
        if verdict >= 0:
            painter.setPen(QPen(RIGHT_COLOR if verdict else WRONG_COLOR, 3 if side >= 40 else 2))
            painter.drawRect(target.adjusted(1, 1, -1, -1))
        painter.setFont(self._font)
        metrics = painter.fontMetrics()
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        lines = [(text, text_color)]
        if predicted and self.text_lines > 1:
            lines.append((f"→ {predicted}", text_color if selected or verdict != 0 else WRONG_COLOR))
        top = target.bottom() + 2
        for line, color in lines:
            painter.setPen(color)
            line_rect = QRect(rect.x() + 1, top, rect.width() - 2, self.TEXT_HEIGHT)
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, line_rect.width())
            painter.drawText(line_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, elided)
            top += self.TEXT_HEIGHT


class ThumbnailGrid(QListView):
    """A wrapping grid of thumbnails with uniform cells; zoom changes the cell size."""

    MIN_ZOOM, MAX_ZOOM = 24, 160

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumb_model = ThumbnailModel(parent=self)
        self.thumb_delegate = ThumbnailDelegate(self)
        self.setModel(self.thumb_model)
        self.setItemDelegate(self.thumb_delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setWrapping(True)
        self.setSpacing(0)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setGridSize(self.thumb_delegate.cell_size())
        self.thumb_model.modelReset.connect(self.thumb_delegate.invalidate)
        self.thumb_model.dataChanged.connect(self.thumb_delegate.invalidate)
        self.setToolTip(translate("ThumbnailGrid", "Click a thumbnail to inspect it. Ctrl+wheel or Ctrl+= / Ctrl+- to "
                                                   "zoom."))

    def zoom(self) -> int:
        """The thumbnail side in pixels."""
        return self.thumb_delegate.thumb_size

    def set_zoom(self, side: int) -> None:
        """Set the thumbnail side (clamped), keeping the current item in view."""
        side = max(self.MIN_ZOOM, min(self.MAX_ZOOM, int(side)))
        if side == self.thumb_delegate.thumb_size:
            return
        self.thumb_delegate.thumb_size = side
        self.thumb_delegate.invalidate()
        self._fit_columns()
        self.scheduleDelayedItemsLayout()
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())

    def _fit_columns(self) -> None:
        """Widen the grid cells a little so whole columns fill the viewport (no ragged strip on the right)."""
        cell = self.thumb_delegate.cell_size()
        available = self.viewport().width()
        if not self.verticalScrollBar().isVisible():
            # the icon layout keeps room for a scroll bar that may appear
            available -= self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 2
        columns = max(1, available // max(1, cell.width()))
        width = max(cell.width(), available // columns)
        if self.gridSize() != QSize(width, cell.height()):
            self.setGridSize(QSize(width, cell.height()))

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:  # also when the scroll bar comes or goes
            self._fit_columns()
        return super().viewportEvent(event)

    def changeEvent(self, event: Any) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self.thumb_delegate.invalidate()  # rendered cells carry the old background and text colours
        super().changeEvent(event)

    def set_text_lines(self, lines: int) -> None:
        """One label line, or two while the model's verdicts are shown (label, then "→ predicted")."""
        if lines == self.thumb_delegate.text_lines:
            return
        self.thumb_delegate.text_lines = lines
        self.thumb_delegate.invalidate()
        self._fit_columns()
        self.scheduleDelayedItemsLayout()

    def wheelEvent(self, event: Any) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 8 if event.angleDelta().y() > 0 else -8
            self.set_zoom(self.zoom() + step)
            event.accept()
            return
        super().wheelEvent(event)
