"""Classify uses a big window: a larger input preview and every class's bar, and still fits a small one."""

from __future__ import annotations

from typing import Any

from desktop_helpers import make_window
from digit_strokes import STYLES, digit_strokes


def test_the_preview_and_bars_grow_with_the_window(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.show_panel("classify")
    panel = window.panels["classify"]
    for stroke in digit_strokes(3, STYLES[0]):
        panel.canvas.draw_stroke(stroke)
    result = panel.result
    qtbot.waitUntil(lambda: bool(result.bars.items()), timeout=20_000)
    sizes = {}
    for width, height in ((1024, 700), (1920, 1080)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        qtbot.wait(20)
        sizes[width] = (result.preview.width(), result.bars.rows(), len(result.bars.items()))
        assert result.preview.geometry().bottom() < result.bars.geometry().top()  # nothing overlaps
        assert result.bars.geometry().bottom() <= result.height()
    assert sizes[1024][0] >= 28 * 4 and sizes[1024][1] == 5
    assert sizes[1920][0] >= 28 * 7, sizes  # was 112 px at every size
    assert sizes[1920][1:] == (10, 10), sizes  # all ten digits ranked
