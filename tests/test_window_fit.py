"""The window fits small screens: every panel narrow enough for a 1024-px screen, banners that never grow it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_helpers import make_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from torchdesk.desktop.panels.model_view.samples import SAMPLE_DATASET

MAX_MIN_WIDTH = 1000


def test_the_window_can_be_made_1000_px_wide_with_every_panel_built(qtbot: Any) -> None:
    window = make_window(qtbot)
    assert {"playground", "data", "model", "train", "checkpoints", "classify"} <= set(window.panels)
    # The widest states a person reaches: the Model panel's sample row with its index and Data… buttons.
    window.show_panel("model")
    model_panel = window.panels["model"]
    model_panel.samples.choose(SAMPLE_DATASET)
    qtbot.mouseClick(model_panel.chooser.build_button, Qt.MouseButton.LeftButton)  # the graph's note appears
    qtbot.waitUntil(lambda: "boxes" in model_panel.graph_tab.info.text(), timeout=60_000)
    for panel_id in window.panels:
        window.show_panel(panel_id)
        qtbot.wait(10)
        assert window.minimumSizeHint().width() <= MAX_MIN_WIDTH, (panel_id, window.minimumSizeHint())
    window.resize(MAX_MIN_WIDTH, 700)
    qtbot.waitUntil(lambda: window.width() == MAX_MIN_WIDTH)


def test_a_screenshot_at_1000_by_700_is_1000_px_wide(qtbot: Any, tmp_path: Path) -> None:
    from torchdesk.desktop.launch import main as cli_main

    for panel in ("model", "checkpoints", "data"):
        target = tmp_path / f"{panel}.png"
        assert cli_main(["--screenshot", str(target), "--panel", panel, "--size", "1000x700"]) == 0
        image = QImage(str(target))
        assert (image.width(), image.height()) == (1000, 700), panel


def test_the_data_panels_missing_dataset_banner_does_not_make_the_window_taller(qtbot: Any, tmp_path: Path) -> None:
    window = make_window(qtbot)
    for width, height in ((1280, 800), (1024, 700)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width, h=height: (window.width(), window.height()) == (w, h))
        window.state.set_data_dir(str(tmp_path / f"empty-{width}"))  # nothing there: the banner says what is missing
        window.show_panel("data")
        panel = window.panels["data"]
        qtbot.waitUntil(lambda: "not found" in panel.banner_text(), timeout=20_000)
        qtbot.wait(50)
        assert (window.width(), window.height()) == (width, height)
