"""Opening image files with a pixel limit fit for a desktop app, checked before anything is decoded.

Pillow refuses only images above twice its ``Image.MAX_IMAGE_PIXELS`` (about 179
million pixels) and merely warns above it, so a 13000×13000 PNG of a few hundred KB
decodes to gigabytes once converted and turned into a float tensor. Image data sets
and the Classify panel need far less: :data:`MAX_IMAGE_PIXELS` (50 million, a
high-end camera photo) is checked on the header Pillow reads on open, before a
single pixel is decoded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from torchdesk.core.i18n import translate
from torchdesk.core.untrusted import FileContentError

MAX_IMAGE_PIXELS = 50_000_000


class ImageRefusedError(FileContentError):
    """An image file torchdesk will not decode (too large, or not a regular file); the message names it."""


class ImageTooLargeError(ImageRefusedError):
    """An image whose header declares more pixels than :data:`MAX_IMAGE_PIXELS`; the message names the file."""


def check_image_size(width: int, height: int, label: str, limit: int = MAX_IMAGE_PIXELS) -> None:
    """Refuse an image of ``width`` × ``height`` pixels above ``limit``, naming it as ``label``."""
    if width * height > limit:
        raise ImageTooLargeError(translate(
            "image_limits", "{label} is {width}×{height} pixels, too large to open safely (at most {limit:,} pixels, "
            "about {side:,}×{side:,}). Shrink it in an image editor, or use another file.").format(
                label=label, width=width, height=height, limit=limit, side=int(limit ** 0.5))
        )


def image_label(source: Any) -> str:
    """How a message names an image source: its path, or 'The image' for in-memory data."""
    if isinstance(source, (str, os.PathLike)):
        return str(Path(source))
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, str) else translate("image_limits", "The image")


def open_image(source: str | os.PathLike | IO[bytes], label: str = "", limit: int = MAX_IMAGE_PIXELS) -> Any:
    """``PIL.Image.open(source)`` (lazy: only the header is read), refusing images over ``limit`` pixels.

    Raises :class:`ImageTooLargeError` instead of Pillow's ``DecompressionBombError``
    (and suppresses its warning), so every caller gets the same sentence, and
    :class:`ImageRefusedError` for a pipe or device, whose read would never end.
    """
    import stat
    import warnings

    from PIL import Image

    label = label or image_label(source)
    if isinstance(source, (str, os.PathLike)):
        try:
            mode = os.stat(source).st_mode
        except OSError:
            mode = None  # Image.open says what is wrong (missing, permission denied)
        if mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
            raise ImageRefusedError(translate("image_limits", "{label} is not a regular file (a pipe, socket or "
                                                              "device); use an image file.").format(label=label))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(source)
        except Image.DecompressionBombError:
            raise ImageTooLargeError(translate(
                "image_limits", "{label} declares more than {declared:,} pixels, too large to open safely (at most "
                "{limit:,}). Shrink it in an image editor, or use another file.").format(
                    label=label, declared=2 * (Image.MAX_IMAGE_PIXELS or 0), limit=limit)
            ) from None
    try:
        check_image_size(*image.size, label, limit)
    except ImageTooLargeError:
        image.close()
        raise
    return image
