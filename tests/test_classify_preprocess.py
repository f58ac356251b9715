"""Preprocessing for draw-to-classify: MNIST and Fashion-MNIST recipes, image files of every kind."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from torchdesk.core import preprocess
from torchdesk.core.preprocess import (
    ImageReadError,
    NothingDrawnError,
    center_of_mass,
    fashion_style,
    ink_bbox,
    ink_from_image,
    load_image,
    load_image_bytes,
    mnist_style,
)


def test_bbox_of_a_known_rectangle() -> None:
    ink = np.zeros((100, 80), np.float32)
    ink[10:30, 5:45] = 1.0
    assert ink_bbox(ink) == (10, 5, 30, 45)
    assert ink_bbox(np.zeros((5, 5))) is None


def test_center_of_mass_is_intensity_weighted() -> None:
    image = np.zeros((10, 10), np.float32)
    image[2, 2] = 1.0
    image[2, 8] = 3.0  # three times heavier: the centre is 3/4 of the way over
    assert center_of_mass(image) == pytest.approx((2.0, 6.5))


def test_mnist_style_fits_20x20_keeping_the_aspect_ratio() -> None:
    ink = np.zeros((280, 280), np.float32)
    ink[40:240, 100:200] = 1.0  # a 200 x 100 block: 2:1
    out = mnist_style(ink)
    assert out.shape == (28, 28)
    top, left, bottom, right = ink_bbox(out)
    assert (bottom - top, right - left) == (20, 10)


def test_mnist_style_puts_the_centre_of_mass_at_the_centre() -> None:
    # An "L": its heavy bottom-left corner pulls the centre of mass away from the box centre.
    ink = np.zeros((200, 200), np.float32)
    ink[20:180, 20:40] = 1.0
    ink[160:180, 20:110] = 1.0
    out = mnist_style(ink)
    cy, cx = center_of_mass(out)
    assert abs(cy - 14.0) <= 0.5 and abs(cx - 14.0) <= 0.5
    top, left, bottom, right = ink_bbox(out)
    # The box is not centred geometrically: it moved so its heavy corner sits nearer the middle.
    assert (top + bottom) / 2 < 14 - 1 and (left + right) / 2 > 14 + 1


def test_mnist_style_keeps_ink_inside_the_frame_for_lopsided_drawings() -> None:
    ink = np.zeros((100, 100), np.float32)
    ink[10:90, 10:12] = 0.2  # a faint long line
    ink[80:90, 80:90] = 1.0  # and a heavy blob far away
    out = mnist_style(ink)
    assert out.sum() == pytest.approx(out[out > 0].sum())
    top, left, bottom, right = ink_bbox(out)
    assert top >= 0 and left >= 0 and bottom <= 28 and right <= 28
    assert (bottom - top) == 20 and (right - left) == 20


def test_mnist_style_of_a_tiny_drawing_is_scaled_up() -> None:
    ink = np.zeros((280, 280), np.float32)
    ink[100:110, 130:132] = 1.0
    top, left, bottom, right = ink_bbox(mnist_style(ink))
    assert bottom - top == 20


def test_fashion_style_scales_the_longest_side_to_28_and_centres_the_box() -> None:
    ink = np.zeros((300, 300), np.float32)
    ink[50:250, 20:120] = 1.0  # 200 tall, 100 wide, far to the left
    out = fashion_style(ink)
    top, left, bottom, right = ink_bbox(out)
    assert (top, bottom) == (0, 28)
    assert right - left == 14
    assert left == 7 and 28 - right == 7


def test_output_is_bright_on_black_in_0_1() -> None:
    ink = np.zeros((50, 50), np.float32)
    ink[10:40, 20:25] = 1.0
    for mode in ("digits", "clothes"):
        out = preprocess.preprocess(ink, mode)
        assert out.dtype == np.float32 and out.min() >= 0.0 and out.max() <= 1.0
        assert out[0, 0] == 0.0 and out.max() > 0.9


@pytest.mark.parametrize("mode", ["digits", "clothes"])
def test_empty_input_says_nothing_drawn(mode: str) -> None:
    with pytest.raises(NothingDrawnError, match="Nothing drawn"):
        preprocess.preprocess(np.zeros((280, 280), np.float32), mode)


def test_unknown_mode_is_named() -> None:
    with pytest.raises(ValueError, match="unknown mode 'letters'"):
        preprocess.preprocess(np.ones((5, 5)), "letters")


# ---------------------------------------------------------------------- images
def _digit_like(height: int, width: int) -> np.ndarray:
    """A dark vertical bar with a foot on a light page, as a scan of a pen stroke."""
    page = np.full((height, width), 0.92, np.float32)
    page[height // 5: 4 * height // 5, width // 2 - width // 20: width // 2 + width // 20] = 0.1
    page[4 * height // 5 - height // 20: 4 * height // 5, width // 3: 2 * width // 3] = 0.1
    return page


def test_light_background_is_inverted_and_stretched() -> None:
    ink = ink_from_image(_digit_like(60, 40))
    assert ink[0, 0] == 0.0
    assert ink.max() == pytest.approx(1.0)


def test_dark_background_is_kept() -> None:
    image = 1.0 - _digit_like(60, 40)
    ink = ink_from_image(image)
    assert ink[0, 0] == 0.0 and ink[30, 20] == pytest.approx(1.0)


def test_flat_image_is_blank() -> None:
    with pytest.raises(NothingDrawnError, match="blank"):
        ink_from_image(np.full((30, 30), 0.7, np.float32))


def _save(path: Path, gray: np.ndarray, mode: str) -> Path:
    base = Image.fromarray((gray * 255).astype(np.uint8), "L")
    if mode == "RGB":
        rgb = np.stack([gray * 0.9, gray * 0.8, gray], axis=-1)
        Image.fromarray((rgb * 255).astype(np.uint8), "RGB").save(path)
    elif mode == "P":
        base.convert("RGB").convert("P", palette=Image.Palette.ADAPTIVE).save(path)
    elif mode == "I;16":
        Image.fromarray((gray * 65535).astype(np.uint16)).save(path)
    else:
        base.convert(mode).save(path)
    return path


@pytest.mark.parametrize("mode,suffix", [("L", ".png"), ("RGB", ".jpg"), ("P", ".gif"), ("I;16", ".png"),
                                         ("RGB", ".bmp"), ("L", ".tiff"), ("RGB", ".webp")])
@pytest.mark.parametrize("size", [(28, 28), (300, 120), (45, 700)])
def test_image_files_of_other_sizes_and_colours_give_the_same_kind_of_input(
        tmp_path: Path, mode: str, suffix: str, size: tuple[int, int]) -> None:
    path = _save(tmp_path / f"digit{suffix}", _digit_like(*size), mode)
    gray = load_image(path)
    assert gray.shape == size
    out = mnist_style(ink_from_image(gray))
    assert out.shape == (28, 28)
    top, left, bottom, right = ink_bbox(out)
    assert max(bottom - top, right - left) == 20
    cy, cx = center_of_mass(out)
    assert abs(cy - 14) <= 0.5 and abs(cx - 14) <= 0.5


def test_large_image_is_shrunk_for_speed(tmp_path: Path) -> None:
    path = _save(tmp_path / "big.png", _digit_like(3000, 2000), "L")
    gray = load_image(path)
    assert max(gray.shape) == preprocess.MAX_WORKING_SIDE
    assert mnist_style(ink_from_image(gray)).max() > 0.9


def test_large_pasted_image_is_shrunk_like_a_file(qapp) -> None:
    from PySide6.QtGui import QImage

    from torchdesk.desktop.panels.classify import qimage_to_gray_alpha

    image = QImage(3000, 2000, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    gray = qimage_to_gray_alpha(image)
    assert max(gray.shape) == preprocess.MAX_WORKING_SIDE and gray.shape[0] < gray.shape[1]


@pytest.mark.parametrize("ink_colour", [0, 255])
def test_transparent_background_keeps_dark_or_light_strokes(tmp_path: Path, ink_colour: int) -> None:
    rgba = np.zeros((64, 64, 4), np.uint8)
    rgba[..., :3] = ink_colour  # the colour of transparent pixels does not matter...
    rgba[10:54, 30:34, :3] = ink_colour
    rgba[10:54, 30:34, 3] = 255  # ...only the opaque stroke does
    path = tmp_path / "stroke.png"
    Image.fromarray(rgba, "RGBA").save(path)
    ink = ink_from_image(load_image(path))
    assert ink[32, 32] == pytest.approx(1.0)
    assert ink[5, 5] == 0.0


def test_opaque_alpha_channel_is_ignored(tmp_path: Path) -> None:
    gray = _digit_like(40, 40)
    rgba = np.dstack([gray, gray, gray, np.ones_like(gray)])
    path = tmp_path / "opaque.png"
    Image.fromarray((rgba * 255).astype(np.uint8), "RGBA").save(path)
    assert np.allclose(load_image(path), gray, atol=1 / 255 + 1e-6)


def test_grey_alpha_image(tmp_path: Path) -> None:
    la = np.zeros((40, 40, 2), np.uint8)
    la[5:35, 18:22] = (0, 255)  # black opaque stroke on transparent
    path = tmp_path / "la.png"
    Image.fromarray(la, "LA").save(path)
    ink = ink_from_image(load_image(path))
    assert ink[20, 20] == pytest.approx(1.0) and ink[2, 2] == 0.0


def test_corrupt_image_gets_a_clear_message(tmp_path: Path) -> None:
    good = _save(tmp_path / "good.png", _digit_like(60, 60), "L")
    cut = tmp_path / "cut.png"
    cut.write_bytes(good.read_bytes()[:80])
    with pytest.raises(ImageReadError, match="damaged or cut short"):
        load_image(cut)
    junk = tmp_path / "notes.png"
    junk.write_text("these are not pixels")
    with pytest.raises(ImageReadError, match="is not an image torchdesk can read"):
        load_image(junk)
    with pytest.raises(ImageReadError, match="does not exist"):
        load_image(tmp_path / "missing.png")
    with pytest.raises(ImageReadError, match="is a folder"):
        load_image(tmp_path)


def test_image_bytes_from_the_clipboard(tmp_path: Path) -> None:
    path = _save(tmp_path / "x.png", _digit_like(50, 30), "L")
    assert load_image_bytes(path.read_bytes()).shape == (50, 30)
    with pytest.raises(ImageReadError, match="The pasted data is not an image"):
        load_image_bytes(b"hello")
