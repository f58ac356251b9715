"""Pictures of tensors: an image tensor with its values on hover, and a target (one-hot) as a vector.

The walkthrough's ``ToTensor`` turns pixels into floats in ``[0, 1]`` and
``Normalize`` moves them around zero; seeing the numbers under the mouse makes that
concrete. The one-hot target transform turns ``3`` into ``[0, 0, 0, 1, 0, ...]``,
which :func:`target_html` shows as exactly that vector.
"""

from __future__ import annotations

import html
from typing import Any, Sequence

import numpy as np
import torch
from PySide6.QtCore import QPoint, QRect, QSize, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from torchdesk.desktop.i18n import translate


def tensor_summary(tensor: torch.Tensor) -> str:
    """``shape (1, 28, 28)  float32`` and, on a second line, ``min 0  max 1  mean 0.13``: a caption."""
    shape = "(" + ", ".join(str(d) for d in tensor.shape) + ("," if tensor.dim() == 1 else "") + ")"
    text = translate("TensorImageView", "shape {shape}  {dtype}").format(shape=shape,
                                                                        dtype=str(tensor.dtype).replace("torch.", ""))
    if tensor.numel():
        values = tensor.detach().float()
        text += "\n" + translate("TensorImageView", "min {min:.4g}  max {max:.4g}  mean {mean:.4g}").format(
            min=float(values.min()), max=float(values.max()), mean=float(values.mean()))
    return text


def tensor_to_qimage(tensor: torch.Tensor) -> QImage:
    """An 8-bit picture of a ``(C, H, W)`` or ``(H, W)`` tensor, its value range stretched to black..white.

    One or two channels show the first as grey; three or more show the first three as RGB.
    """
    values = tensor.detach().float()
    if values.dim() == 2:
        values = values.unsqueeze(0)
    if values.dim() != 3:
        raise ValueError(translate("TensorImageView", "cannot draw a tensor of shape {shape} as an image")
                         .format(shape=tuple(tensor.shape)))
    low, high = float(values.min()), float(values.max())
    scaled = (values - low) / (high - low) if high > low else torch.zeros_like(values)
    pixels = (scaled * 255).round().clamp(0, 255).to(torch.uint8)
    _, height, width = pixels.shape
    if pixels.shape[0] >= 3:
        data = np.ascontiguousarray(pixels[:3].permute(1, 2, 0).numpy())
        return QImage(data.tobytes(), width, height, width * 3, QImage.Format.Format_RGB888).copy()
    data = np.ascontiguousarray(pixels[0].numpy())
    return QImage(data.tobytes(), width, height, width, QImage.Format.Format_Grayscale8).copy()


class TensorImageView(QWidget):
    """Draws an image tensor enlarged pixel by pixel; hovering shows the values at that pixel.

    ``hovered(text)`` carries e.g. ``x 14, y 3: 0.5412`` (one value per channel).
    """

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None, side: int = 168) -> None:
        super().__init__(parent)
        self._tensor: torch.Tensor | None = None
        self._image = QImage()
        self._side = side
        self.setMouseTracking(True)
        self.setMinimumSize(QSize(64, 64))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setToolTip(translate("TensorImageView", "The tensor as the model sees it; move the mouse over it to read "
                                                     "the values."))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._side, self._side)

    def set_tensor(self, tensor: torch.Tensor | None) -> None:
        """Show ``tensor`` (``(C, H, W)`` or ``(H, W)``); None clears the view.

        A uint8 tensor (raw pixels) is drawn as it is; any other is stretched from
        its minimum (black) to its maximum (white) so normalised values stay visible.
        """
        self._tensor = None if tensor is None else tensor.detach().cpu()
        if self._tensor is None:
            self._image = QImage()
        elif self._tensor.dtype == torch.uint8:
            from torchdesk.desktop.dataview.thumbnails import qimage_from_uint8

            self._image = qimage_from_uint8(self._tensor)
        else:
            self._image = tensor_to_qimage(self._tensor)
        self.update()

    def tensor(self) -> torch.Tensor | None:
        """The tensor shown."""
        return self._tensor

    def image_rect(self) -> QRect:
        """Where the picture is drawn (largest whole-pixel scale that fits, centred)."""
        if self._image.isNull():
            return QRect()
        w, h = self._image.width(), self._image.height()
        scale = min(self.width() / w, self.height() / h)
        if scale >= 1:
            scale = float(int(scale))  # whole screen pixels per tensor pixel: a crisp grid
        dw, dh = max(1, int(w * scale)), max(1, int(h * scale))
        return QRect((self.width() - dw) // 2, (self.height() - dh) // 2, dw, dh)

    def pixel_at(self, pos: QPoint) -> tuple[int, int] | None:
        """The ``(x, y)`` tensor pixel under a widget position, or None outside the picture."""
        rect = self.image_rect()
        if rect.isNull() or not rect.contains(pos):
            return None
        x = (pos.x() - rect.x()) * self._image.width() // max(1, rect.width())
        y = (pos.y() - rect.y()) * self._image.height() // max(1, rect.height())
        return min(x, self._image.width() - 1), min(y, self._image.height() - 1)

    def value_text(self, x: int, y: int) -> str:
        """``x 14, y 3: 0.5412`` (or one value per channel) for tensor pixel ``(x, y)``."""
        if self._tensor is None:
            return ""
        t = self._tensor if self._tensor.dim() == 3 else self._tensor.unsqueeze(0)
        values = [float(v) for v in t[:, y, x]]
        fmt = "{:.0f}" if t.dtype == torch.uint8 else "{:.4f}"
        shown = ", ".join(fmt.format(v) for v in values[:4]) + (" …" if len(values) > 4 else "")
        return f"x {x}, y {y}: {shown}"

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window).darker(108))
        if not self._image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(self.image_rect(), self._image)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pixel = self.pixel_at(event.position().toPoint())
        text = self.value_text(*pixel) if pixel is not None else ""
        self.hovered.emit(text)
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: Any) -> None:  # noqa: N802
        self.hovered.emit("")
        super().leaveEvent(event)


def target_plain(target: Any) -> str:
    """The target as plain text: ``[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]`` for a vector, the number for a class."""
    if isinstance(target, torch.Tensor):
        if target.dim() == 0:
            return f"{target.item():g}"
        if target.dim() == 1:
            return "[" + ", ".join(f"{v:g}" for v in target.detach().float().tolist()) + "]"
        return tensor_summary(target)
    return str(target)


def target_html(target: Any, class_names: Sequence[str] = ()) -> str:
    """Rich text for a target after the target transform: a class index, or a vector shown cell by cell."""
    if isinstance(target, torch.Tensor) and target.dim() == 0:
        target = target.item()
    if isinstance(target, (int, np.integer)):
        index = int(target)
        name = class_names[index] if 0 <= index < len(class_names) else ""
        suffix = f" ({html.escape(name)})" if name and name != str(index) else ""
        return (f"<b>{index}</b>{suffix}  <span style='color:gray'>"
                + html.escape(translate("TensorImageView", "int class index")) + "</span>")
    if isinstance(target, torch.Tensor) and target.dim() == 1:
        values = target.detach().float().tolist()
        hot = int(torch.argmax(target).item()) if len(values) else -1
        is_one_hot = len(values) > 0 and sorted(set(values)) in ([0.0, 1.0], [1.0]) and values.count(1.0) == 1
        cells_head = "".join(
            f"<td align='center' style='color:gray;padding:0 4px'>{i}</td>" for i in range(len(values[:64]))
        )
        cells = "".join(
            f"<td align='center' style='padding:1px 4px;border:1px solid #999;"
            f"{'background:#2e8b57;color:white;font-weight:bold' if i == hot and is_one_hot else ''}'>{v:g}</td>"
            for i, v in enumerate(values[:64])
        )
        more = (translate("TensorImageView", " … ({count} values)").format(count=len(values))
                if len(values) > 64 else "")
        name = class_names[hot] if is_one_hot and 0 <= hot < len(class_names) else ""
        named = f" ({html.escape(name)})" if name and name != str(hot) else ""
        dtype = str(target.dtype).replace("torch.", "")
        if is_one_hot:
            caption = translate("TensorImageView", "one-hot vector, {dtype}, length {length}; hot index {hot}").format(
                dtype=dtype, length=len(values), hot=hot) + named
        else:
            caption = translate("TensorImageView", "vector, {dtype}, length {length}").format(dtype=dtype,
                                                                                            length=len(values))
        return (f"<table cellspacing='0'><tr>{cells_head}</tr><tr>{cells}</tr></table>{more}"
                f"<div style='color:gray'>{caption}</div>")
    if isinstance(target, torch.Tensor):
        return translate("TensorImageView", "tensor {summary}").format(summary=html.escape(tensor_summary(target)))
    return html.escape(repr(target))
