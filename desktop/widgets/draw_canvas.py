"""A canvas to draw on with the mouse or a tablet pen: brush size, eraser, clear and undo.

The drawing lives in a fixed-size grayscale image (white ink on black, like MNIST)
that the widget scales to whatever space it gets, so a drawing means the same
whether the window is small or large.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from torchdesk.desktop.i18n import translate

CANVAS_SIZE = 280
DEFAULT_BRUSH = 22
MAX_UNDO = 50
ERASER_EXTRA = 4


def gray_to_qimage(gray: np.ndarray) -> QImage:
    """A deep-copied ``Format_Grayscale8`` image from floats in ``[0, 1]``."""
    data = np.ascontiguousarray(np.clip(gray * 255.0 + 0.5, 0, 255).astype(np.uint8))
    h, w = data.shape
    return QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()


def qimage_to_gray(image: QImage) -> np.ndarray:
    """Floats in ``[0, 1]`` from any QImage (converted to 8-bit grayscale)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = gray.width(), gray.height(), gray.bytesPerLine()
    buffer = np.frombuffer(gray.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return buffer[:, :w].astype(np.float32) / 255.0


class DrawCanvas(QWidget):
    """A square drawing surface.

    * ``stroke_finished()``: the pen or mouse was lifted (predict now).
    * ``changed()``: the picture changed in any way (while drawing, undo, clear, load).
    """

    stroke_finished = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, size: int = CANVAS_SIZE) -> None:
        super().__init__(parent)
        self._image = QImage(size, size, QImage.Format.Format_Grayscale8)
        self._image.fill(0)
        self._undo: list[QImage] = []
        self._brush = DEFAULT_BRUSH
        self._eraser = False
        self._drawing = False
        self._stroke_erases = False
        self._last: QPointF | None = None
        self._stroke_base = self._image
        self._stroke_points: list[QPointF] = []
        self.setMinimumSize(140, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(translate("DrawCanvas", "Draw here with the mouse or a pen. Right button or the pen's eraser "
                                                "end erases."))
        self.setAccessibleName(translate("DrawCanvas", "Drawing canvas"))

    # ----------------------------------------------------------------- settings
    @property
    def brush_size(self) -> int:
        """Pen width in canvas pixels (the canvas is ``CANVAS_SIZE`` pixels wide)."""
        return self._brush

    def set_brush_size(self, size: int) -> None:
        """Change the pen width for the next strokes."""
        self._brush = max(1, int(size))

    @property
    def eraser(self) -> bool:
        """Whether the left button erases instead of drawing."""
        return self._eraser

    def set_eraser(self, on: bool) -> None:
        """Switch between drawing and erasing with the left button or pen tip."""
        self._eraser = bool(on)

    # ------------------------------------------------------------------ content
    def image(self) -> QImage:
        """A copy of the drawing (``Format_Grayscale8``, white ink on black)."""
        return self._image.copy()

    def to_array(self) -> np.ndarray:
        """The drawing as floats in ``[0, 1]``, ink bright."""
        return qimage_to_gray(self._image)

    def is_empty(self) -> bool:
        """True when there is no ink at all."""
        return not bool(self.to_array().any())

    def can_undo(self) -> bool:
        """Whether :meth:`undo` has something to take back."""
        return bool(self._undo)

    def _remember(self) -> None:
        self._undo.append(self._image.copy())
        del self._undo[:-MAX_UNDO]

    def undo(self) -> bool:
        """Take back the last stroke, clear or load; False when there is nothing to undo."""
        if not self._undo or self._drawing:
            return False
        self._image = self._undo.pop()
        self.update()
        self.changed.emit()
        return True

    def clear(self) -> None:
        """Wipe the canvas (undoable)."""
        if self.is_empty():
            return
        self._remember()
        self._image.fill(0)
        self.update()
        self.changed.emit()

    def set_array(self, gray: np.ndarray) -> None:
        """Replace the drawing by ``gray`` (bright ink on black), fitted into the canvas keeping its shape.

        Used for opened, pasted and dropped images and dataset samples; undoable.
        """
        source = gray_to_qimage(gray)
        side = self._image.width()
        scaled = source.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        self._remember()
        self._image.fill(0)
        painter = QPainter(self._image)
        painter.drawImage((side - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
        painter.end()
        self.update()
        self.changed.emit()

    def draw_stroke(self, points: list[tuple[float, float]], width: float | None = None,
                    erase: bool = False) -> None:
        """Draw one whole stroke through ``points`` (canvas pixels) as if drawn by hand.

        Scripts, tests and benchmarks use it; it emits the same signals a real stroke does.
        """
        if not points:
            return
        self._begin(QPointF(*points[0]), erase, width)
        for x, y in points[1:]:
            self._extend(QPointF(x, y), width)
        self._finish()

    # ---------------------------------------------------------------- painting
    def _pen(self, width: float | None, erase: bool) -> QPen:
        pen = QPen(QColor(0, 0, 0) if erase else QColor(255, 255, 255))
        width = float(width if width is not None else self._brush)
        # The eraser is a little wider and hard-edged so it leaves no faint rim of ink behind.
        pen.setWidthF(width + ERASER_EXTRA if erase else width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _paint_segment(self, a: QPointF, b: QPointF, width: float | None, erase: bool) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not erase)
        pen = self._pen(width, erase)
        painter.setPen(pen)
        if a == b:
            painter.drawPoint(a)
        else:
            painter.drawLine(a, b)
        painter.end()
        margin = pen.widthF() / 2 + 2
        dirty = QRectF(a, b).normalized().adjusted(-margin, -margin, margin, margin)
        self.update(self._to_widget_rect(dirty))

    def _begin(self, point: QPointF, erase: bool, width: float | None = None) -> None:
        self._remember()
        self._drawing = True
        self._stroke_erases = erase
        self._stroke_base = self._image.copy()
        self._stroke_points = [point]
        self._last = point
        self._paint_segment(point, point, width, erase)
        self.changed.emit()

    def _extend(self, point: QPointF, width: float | None = None) -> None:
        if not self._drawing or self._last is None:
            return
        if width is None:
            # A constant-width stroke is redrawn as one path over the picture it started on,
            # so its joins stay smooth instead of showing the seams of separate segments.
            self._stroke_points.append(point)
            self._image = self._stroke_base.copy()
            painter = QPainter(self._image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, not self._stroke_erases)
            painter.setPen(self._pen(None, self._stroke_erases))
            painter.drawPolyline(self._stroke_points)
            painter.end()
            margin = self._brush / 2 + ERASER_EXTRA + 2
            dirty = QRectF(self._last, point).normalized().adjusted(-margin, -margin, margin, margin)
            self.update(self._to_widget_rect(dirty))
        else:  # pressure changes the width along a pen stroke: paint it piece by piece
            self._paint_segment(self._last, point, width, self._stroke_erases)
        self._last = point
        self.changed.emit()

    def _finish(self) -> None:
        if not self._drawing:
            return
        self._drawing = False
        self._last = None
        self._stroke_points = []
        self.stroke_finished.emit()

    # -------------------------------------------------------------- geometry
    def _target(self) -> QRect:
        """Where the square image is shown inside the widget."""
        side = min(self.width(), self.height())
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def _to_canvas(self, pos: QPointF) -> QPointF:
        target = self._target()
        scale = self._image.width() / max(1, target.width())
        return QPointF((pos.x() - target.x()) * scale, (pos.y() - target.y()) * scale)

    def _to_widget_rect(self, rect: QRectF) -> QRect:
        target = self._target()
        scale = target.width() / self._image.width()
        return QRectF(rect.x() * scale + target.x(), rect.y() * scale + target.y(),
                      rect.width() * scale, rect.height() * scale).toAlignedRect().adjusted(-1, -1, 1, 1)

    def canvas_to_widget(self, x: float, y: float) -> QPointF:
        """Where canvas pixel ``(x, y)`` is on the widget (for driving it with mouse events)."""
        target = self._target()
        scale = target.width() / self._image.width()
        return QPointF(target.x() + x * scale, target.y() + y * scale)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(CANVAS_SIZE, CANVAS_SIZE)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return width

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        target = self._target()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, self._image)
        painter.setPen(QPen(self.palette().mid().color(), 1))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        painter.end()

    # ----------------------------------------------------------------- input
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton) and not self._drawing:
            erase = self._eraser or event.button() == Qt.MouseButton.RightButton
            self._begin(self._to_canvas(event.position()), erase)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._drawing:
            self._extend(self._to_canvas(event.position()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._drawing:
            self._extend(self._to_canvas(event.position()))
            self._finish()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 (Qt API)
        """Pen input: pressure sets the width; the eraser end of the pen erases."""
        kind = event.type()
        pressure = event.pressure() if event.pressure() > 0 else 1.0
        width = max(1.0, self._brush * (0.4 + 0.8 * min(1.0, pressure)))
        point = self._to_canvas(event.position())
        erase = self._eraser or event.pointerType() == QPointingDevice.PointerType.Eraser
        if kind == QEvent.Type.TabletPress:
            if not self._drawing:
                self._begin(point, erase, width)
        elif kind == QEvent.Type.TabletMove:
            self._extend(point, width)
        elif kind == QEvent.Type.TabletRelease:
            self._extend(point, width)
            self._finish()
        event.accept()
