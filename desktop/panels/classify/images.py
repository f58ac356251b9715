"""Pictures for the model: a 28x28 drawing adapted to a model's input; pasted or dropped images as grayscale floats."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QImage

from torchdesk.core import preprocess
from torchdesk.desktop.i18n import translate


def fit_to_input(image: np.ndarray, input_shape: tuple[int, int, int]) -> np.ndarray:
    """A 28x28 picture adapted to a model's ``(C, H, W)`` input: resized and repeated over channels."""
    channels, height, width = (int(v) for v in input_shape)
    picture = image if image.shape == (height, width) else preprocess.resize(image, height, width)
    return np.repeat(picture[None], channels, axis=0)


def qimage_to_gray_alpha(image: QImage) -> np.ndarray:
    """Grayscale floats from a QImage, transparency resolved the way image files are.

    A picture larger than :data:`~torchdesk.core.preprocess.MAX_WORKING_SIDE` is shrunk
    first, as image files are: a pasted screenshot must not become gigabytes of floats.
    """
    side = preprocess.MAX_WORKING_SIDE
    if max(image.width(), image.height()) > side:
        image = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h, stride = rgba.width(), rgba.height(), rgba.bytesPerLine()
    buffer = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    array = buffer[:, : w * 4].reshape(h, w, 4).astype(np.float32) / 255.0
    return preprocess.rgba_to_gray(array)


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (its type when it has none), for one-line messages."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def image_from_mime(mime: QMimeData) -> tuple[np.ndarray, str] | str | None:
    """The grayscale picture in a paste or a drop and how to name it, the local file path it names, or None.

    Raises :class:`~torchdesk.core.preprocess.InputError` for image bytes that cannot be read.
    """
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                return url.toLocalFile()
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return qimage_to_gray_alpha(image), translate("ClassifyPanel", "the pasted image")
    for fmt in ("image/png", "image/jpeg", "image/bmp"):
        if mime.hasFormat(fmt):
            return preprocess.load_image_bytes(bytes(mime.data(fmt).data())), translate("ClassifyPanel", "the pasted "
                                                                                                         "image")
    return None
