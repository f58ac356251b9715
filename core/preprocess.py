"""Turn a drawing or an image file into the 28x28 picture an MNIST-family model expects.

MNIST and Fashion-MNIST were made by particular recipes, and a model only
recognises drawings that went through the same one:

* digits (MNIST): crop to the ink's bounding box, scale to fit 20x20 keeping the
  aspect ratio, then place in 28x28 so that the intensity-weighted centre of mass
  sits at the centre (pixel 14, 14), white ink on black;
* clothes (Fashion-MNIST): crop, scale the longest side to 28, centre the box,
  object bright on black.

Image files arrive in any size, colour mode and alpha; :func:`load_image` reads
them as grayscale and :func:`ink_from_image` flips light backgrounds so the ink is
bright. Everything here works on NumPy arrays of floats in ``[0, 1]``; no Qt.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

import numpy as np
import torch
import torch.nn.functional as F

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate

SIZE = 28
DIGIT_BOX = 20
# MNIST's mean centre of mass is (14.0, 14.0) in pixel-index coordinates.
DIGIT_CENTRE = 14.0
# Pixels brighter than this (0..1) count as ink when finding the bounding box.
INK_THRESHOLD = 0.05
# Below this much contrast an image is treated as blank.
MIN_CONTRAST = 0.08
# Large photos are shrunk to this longest side first: the result is 28x28 anyway.
MAX_WORKING_SIDE = 1024


class InputError(ValueError):
    """The input cannot be classified; the message says why and what to do."""


class NothingDrawnError(InputError):
    """The canvas or image holds no ink, so there is nothing to classify."""


class ImageReadError(InputError):
    """A file or pasted data is not an image torchdesk can read."""


def ink_bbox(ink: np.ndarray, threshold: float = INK_THRESHOLD) -> tuple[int, int, int, int] | None:
    """The ``(top, left, bottom, right)`` box (bottom/right exclusive) of pixels above ``threshold``.

    None when nothing is above the threshold.
    """
    mask = ink > threshold
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(mask.any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def center_of_mass(image: np.ndarray) -> tuple[float, float]:
    """The intensity-weighted centre ``(row, column)`` of ``image`` in pixel-index coordinates."""
    total = float(image.sum())
    if total <= 0:
        h, w = image.shape
        return (h - 1) / 2, (w - 1) / 2
    rows = np.arange(image.shape[0], dtype=np.float64)
    cols = np.arange(image.shape[1], dtype=np.float64)
    cy = float((image.sum(axis=1) * rows).sum() / total)
    cx = float((image.sum(axis=0) * cols).sum() / total)
    return cy, cx


def resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """``image`` resized to ``height`` x ``width`` with antialiasing (good for shrinking a big drawing)."""
    if image.shape == (height, width):
        return image.astype(np.float32, copy=True)
    tensor = torch.from_numpy(np.ascontiguousarray(image, dtype=np.float32))[None, None]
    out = F.interpolate(tensor, size=(height, width), mode="bilinear", align_corners=False, antialias=True)
    return out[0, 0].clamp_(0.0, 1.0).numpy()


def _crop_scaled(ink: np.ndarray, longest: int) -> np.ndarray:
    """The ink's bounding box cropped and scaled so its longest side is ``longest`` pixels."""
    box = ink_bbox(ink)
    if box is None or float(ink.max()) < MIN_CONTRAST:
        raise NothingDrawnError(translate("preprocess", "Nothing drawn: there is no ink to classify."))
    top, left, bottom, right = box
    crop = ink[top:bottom, left:right]
    h, w = crop.shape
    scale = longest / max(h, w)
    new_h = min(longest, max(1, round(h * scale)))
    new_w = min(longest, max(1, round(w * scale)))
    return resize(crop, new_h, new_w)


def mnist_style(ink: np.ndarray) -> np.ndarray:
    """MNIST's recipe: fit the ink into 20x20 (aspect kept), centre of mass at the centre of 28x28.

    ``ink`` is bright strokes on black, any size. The shift is a whole number of
    pixels (as MNIST's own) and is limited so that no ink leaves the frame.
    """
    box = _crop_scaled(ink, DIGIT_BOX)
    h, w = box.shape
    cy, cx = center_of_mass(box)
    top = int(np.clip(round(DIGIT_CENTRE - cy), 0, SIZE - h))
    left = int(np.clip(round(DIGIT_CENTRE - cx), 0, SIZE - w))
    out = np.zeros((SIZE, SIZE), dtype=np.float32)
    out[top:top + h, left:left + w] = box
    return out


def fashion_style(ink: np.ndarray) -> np.ndarray:
    """Fashion-MNIST's recipe: scale the longest side of the object's box to 28 and centre the box."""
    box = _crop_scaled(ink, SIZE)
    h, w = box.shape
    top = (SIZE - h) // 2
    left = (SIZE - w) // 2
    out = np.zeros((SIZE, SIZE), dtype=np.float32)
    out[top:top + h, left:left + w] = box
    return out


PREPROCESSORS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "digits": mnist_style,
    "clothes": fashion_style,
}


def preprocess(ink: np.ndarray, mode: str) -> np.ndarray:
    """The 28x28 float image (0..1, bright on black) the model sees for ``ink`` in ``mode``."""
    try:
        recipe = PREPROCESSORS[mode]
    except KeyError:
        raise ValueError(translate("preprocess", "unknown mode {mode}; use one of {modes}").format(
            mode=repr(mode), modes=", ".join(PREPROCESSORS))) from None
    return recipe(np.asarray(ink, dtype=np.float32))


def border_level(gray: np.ndarray) -> float:
    """The median brightness of the outermost pixels: a robust guess of the background."""
    if gray.shape[0] < 3 or gray.shape[1] < 3:
        return float(np.median(gray))
    border = np.concatenate([gray[0], gray[-1], gray[1:-1, 0], gray[1:-1, -1]])
    return float(np.median(border))


def ink_from_image(gray: np.ndarray) -> np.ndarray:
    """Bright-ink-on-black from any grayscale picture.

    A light background (dark pen on paper, a black-on-white PNG) is inverted;
    the background level then becomes 0 and the strongest ink 1, so photos and
    scans with a grey background behave like the canvas.
    """
    gray = np.asarray(gray, dtype=np.float32)
    if gray.ndim != 2 or gray.size == 0:
        raise ImageReadError(translate("preprocess", "The image has no pixels."))
    background = border_level(gray)
    if background > 0.5:
        gray = 1.0 - gray
        background = 1.0 - background
    peak = float(gray.max())
    if peak - background < MIN_CONTRAST:
        raise NothingDrawnError(translate("preprocess", "The image is blank: it is one flat colour with nothing to "
                                                        "classify."))
    return np.clip((gray - background) / (peak - background), 0.0, 1.0).astype(np.float32)


def rgba_to_gray(rgba: np.ndarray) -> np.ndarray:
    """Grayscale of an RGBA array (floats 0..1), transparency filled with a colour that contrasts the ink.

    Transparent drawings come both as dark strokes meant for white pages and as
    light strokes meant for dark ones; filling the transparent part with the
    opposite of the visible pixels keeps the strokes visible either way.
    """
    rgb, alpha = rgba[..., :3], rgba[..., 3]
    lum = rgb @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    if float(alpha.min()) >= 0.999:
        return lum
    opaque = alpha > 0.5
    visible = float(lum[opaque].mean()) if opaque.any() else 0.0
    fill = 1.0 if visible < 0.5 else 0.0
    return alpha * lum + (1.0 - alpha) * fill


def image_to_gray(image: "PIL.Image.Image") -> np.ndarray:  # type: ignore[name-defined]  # noqa: F821
    """A PIL image of any mode as a grayscale float array in ``[0, 1]`` (alpha resolved)."""
    from PIL import Image, ImageOps

    try:
        image = ImageOps.exif_transpose(image)
    except Exception:  # a broken EXIF block must not lose an otherwise fine picture
        pass
    if max(image.size) > MAX_WORKING_SIDE:
        image = image.copy()
        image.thumbnail((MAX_WORKING_SIDE, MAX_WORKING_SIDE), Image.Resampling.BOX)
    mode = image.mode
    if mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        array = np.asarray(image, dtype=np.float32)
        top = 65535.0 if mode.startswith("I;16") or float(array.max()) > 255 else 255.0
        if mode == "F" and float(array.max()) <= 1.0:
            top = 1.0
        return np.clip(array / top, 0.0, 1.0)
    has_alpha = mode in ("RGBA", "LA", "PA", "La", "RGBa") or (mode == "P" and "transparency" in image.info)
    if has_alpha:
        rgba = np.asarray(image.convert("RGBA"), dtype=np.float32) / 255.0
        return rgba_to_gray(rgba)
    return np.asarray(image.convert("L"), dtype=np.float32) / 255.0


def _open(source: "str | Path | bytes", label: str) -> np.ndarray:
    from PIL import UnidentifiedImageError

    from torchdesk.core.image_limits import ImageRefusedError, open_image

    try:
        handle = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
        with open_image(handle, label) as image:
            image.load()
            return image_to_gray(image)
    except FileNotFoundError:
        raise ImageReadError(translate("preprocess", "{label} does not exist. Choose an existing image file.").format(
            label=label)) from None
    except IsADirectoryError:
        raise ImageReadError(translate("preprocess", "{label} is a folder, not an image file.").format(
            label=label)) from None
    except PermissionError:
        raise ImageReadError(translate("preprocess", "{label} cannot be read (permission denied).").format(
            label=label)) from None
    except ImageRefusedError as exc:
        raise ImageReadError(str(exc)) from None
    except UnidentifiedImageError:
        raise ImageReadError(translate(
            "preprocess", "{label} is not an image torchdesk can read. Use a PNG, JPEG, BMP, GIF, TIFF or WebP "
            "file.").format(label=label)
        ) from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageReadError(translate(
            "preprocess", "{label} looks like an image but is damaged or cut short ({reason}). Try another file or "
            "re-save it.").format(label=label, reason=exc)
        ) from None


def load_image(path: "str | Path") -> np.ndarray:
    """Read an image file as grayscale floats in ``[0, 1]``; raises :class:`ImageReadError` with a clear message."""
    path = Path(path)
    return _open(str(path), f"'{path.name}'")


def load_image_bytes(data: bytes, label: str = QT_TRANSLATE_NOOP("preprocess", "The pasted data")) -> np.ndarray:
    """Like :func:`load_image` for image bytes (clipboard, drag and drop)."""
    return _open(bytes(data), translate("preprocess", label))
