"""Horizontal bars of class probabilities, and a pixel-exact preview of a small image.

Both paint themselves instead of using layouts of labels, so updating them after
every stroke costs almost nothing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from torchdesk.core.i18n import class_name_text
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.draw_canvas import gray_to_qimage


class ProbabilityBars(QWidget):
    """The top-k classes as labelled bars with percentages, the winner highlighted."""

    ROW_HEIGHT = 24

    def __init__(self, parent: QWidget | None = None, rows: int = 5) -> None:
        super().__init__(parent)
        self._rows = rows
        self._row_height = self.ROW_HEIGHT
        self._all_items: list[tuple[str, float]] = []
        self._items: list[tuple[str, float]] = []
        self._placeholder = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(220)
        self.setToolTip(translate("ProbabilityBars", "The model's most likely classes: softmax of its outputs, in "
                                                     "percent."))
        self.setAccessibleName(translate("ProbabilityBars", "Class probabilities"))

    def set_items(self, items: list[tuple[str, float]], placeholder: str = "") -> None:
        """Show ``(class name, probability)`` pairs, most likely first; an empty list clears.

        ``placeholder`` is written, greyed, over the empty bars when there are no items:
        why there is no answer, where that is not obvious.
        """
        self._all_items = list(items)
        self._items = self._all_items[: self._rows]
        self._placeholder = "" if self._items else placeholder
        self.setAccessibleDescription(", ".join(f"{class_name_text(name)} {p:.0%}" for name, p in self._items)
                                      or placeholder)
        self.update()

    def set_rows(self, rows: int, row_height: int = ROW_HEIGHT) -> None:
        """Show up to ``rows`` classes, ``row_height`` pixels each (a big window shows more, larger)."""
        rows, row_height = max(1, int(rows)), max(self.ROW_HEIGHT, int(row_height))
        if (rows, row_height) == (self._rows, self._row_height):
            return
        self._rows, self._row_height = rows, row_height
        self._items = self._all_items[:rows]
        self.updateGeometry()
        self.update()

    def rows(self) -> int:
        """How many classes the bars have room for."""
        return self._rows

    def placeholder(self) -> str:
        """The caption shown over the empty bars ('' when none)."""
        return self._placeholder

    def items(self) -> list[tuple[str, float]]:
        """What the bars show now."""
        return list(self._items)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(280, self._rows * self._row_height + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = QFontMetrics(self.font())
        names = [class_name_text(name) for name, _ in self._items] or [class_name_text("T-shirt/top")]
        name_width = min(self.width() // 3, max(metrics.horizontalAdvance(n) for n in names) + 10)
        pct_width = metrics.horizontalAdvance("100.0%") + 8
        bar_left = name_width
        bar_width = max(10, self.width() - name_width - pct_width)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        muted = QColor(highlight)
        muted.setAlpha(110)
        track = palette.color(QPalette.ColorRole.WindowText)  # Mid vanished on the dark palette
        track.setAlpha(28)
        for row in range(self._rows):
            top = 2 + row * self._row_height
            bar = QRect(bar_left, top + 4, bar_width, self._row_height - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(bar, 3, 3)
            if row >= len(self._items):
                continue
            name, prob = self._items[row]
            name = class_name_text(name)  # the items keep the stored (English) names
            filled = QRect(bar.x(), bar.y(), max(0, round(bar.width() * float(prob))), bar.height())
            painter.setBrush(highlight if row == 0 else muted)
            painter.drawRoundedRect(filled, 3, 3)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            label_rect = QRect(0, top, name_width - 8, self._row_height)
            elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_rect.width())
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elided)
            pct_rect = QRect(bar_left + bar_width + 6, top, pct_width, self._row_height)
            painter.drawText(pct_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"{prob:.1%}")
        if self._placeholder and not self._items:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(self.rect().adjusted(8, 0, -8, 0), flags, self._placeholder)
        painter.end()


class PixelPreview(QWidget):
    """A small grayscale image drawn large with square pixels: exactly what the model is given."""

    def __init__(self, parent: QWidget | None = None, zoom: int = 4) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._zoom = 0
        self.set_zoom(zoom)
        self.setToolTip(translate("PixelPreview", "The 28×28 picture the model actually receives, after cropping, "
                                                  "scaling and centring."))
        self.setAccessibleName(translate("PixelPreview", "Model input preview"))

    def set_zoom(self, zoom: int) -> None:
        """Draw each of the 28×28 pixels as a ``zoom``×``zoom`` square (whole numbers keep them sharp)."""
        zoom = max(1, int(zoom))
        if zoom != self._zoom:
            self._zoom = zoom
            self.setFixedSize(28 * zoom + 2, 28 * zoom + 2)

    def zoom(self) -> int:
        """How many screen pixels each input pixel is drawn as."""
        return self._zoom

    def set_array(self, gray: np.ndarray | None) -> None:
        """Show ``gray`` (floats 0..1); None shows an empty frame."""
        self._image = None if gray is None else gray_to_qimage(np.asarray(gray, dtype=np.float32))
        self.update()

    def has_image(self) -> bool:
        """Whether an image is shown."""
        return self._image is not None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        inner = self.rect().adjusted(1, 1, -1, -1)
        painter.fillRect(inner, QColor(0, 0, 0))
        if self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(inner, self._image)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()
