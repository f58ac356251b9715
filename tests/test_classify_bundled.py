"""The bundled models: shipped, small, safe to load, and good at digits drawn on the canvas."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import torch
from PySide6.QtCore import Qt

from digit_strokes import STYLES, digit_strokes
from torchdesk.core import bundled
from torchdesk.core.registry import get_registry
from torchdesk.desktop.panels.classify import SOURCE_BUNDLED, ClassifyPanel
from torchdesk.desktop.state import AppState

RECIPE = Path(bundled.__file__).resolve().parents[1] / "resources" / "BUNDLED_MODELS.md"


@pytest.fixture
def panel(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The panel as a fresh install opens it: default settings, no data set anywhere."""
    monkeypatch.setenv("TORCHDESK_DATA", str(tmp_path / "no-data"))
    widget = ClassifyPanel(AppState(get_registry()))
    qtbot.addWidget(widget)
    widget.resize(900, 560)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


@pytest.mark.parametrize("name", sorted(bundled.BUNDLED))
def test_bundled_file_is_small_safe_and_documented(name: str) -> None:
    path = bundled.bundled_path(name)
    assert path.is_file(), f"{path} is missing: the bundled models must ship in resources/"
    assert path.stat().st_size <= 2 * 1024 * 1024
    payload = torch.load(path, map_location="cpu", weights_only=True)
    assert payload["format"] == "torchdesk-checkpoint"
    assert payload["config"]["augmentations"], "bundled models are trained with augmentation"
    recipe = RECIPE.read_text(encoding="utf-8")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest in recipe, f"the sha256 of {path.name} in BUNDLED_MODELS.md is out of date"
    assert re.search(rf"torchdesk train .*--dataset {name}\b", recipe)


def test_fresh_install_predicts_a_drawing_at_once(qtbot, panel: ClassifyPanel) -> None:
    assert panel.source == SOURCE_BUNDLED and panel.mode == "digits"
    for stroke in digit_strokes(7, STYLES[0]):
        panel.canvas.draw_stroke(stroke)
    assert top_class(qtbot, panel) == "7"
    assert "bundled mnist" in panel.result.source_label.text()


def test_clothes_mode_uses_the_bundled_fashion_model(qtbot, panel: ClassifyPanel) -> None:
    panel.set_mode("clothes")
    # A trouser: two long legs joined at the waist, filled in.
    panel.canvas.draw_stroke([(110, 40), (170, 40)], width=30)
    panel.canvas.draw_stroke([(105, 50), (95, 250)], width=34)
    panel.canvas.draw_stroke([(175, 50), (185, 250)], width=34)
    top_class(qtbot, panel)
    names = [name for name, _ in panel.prediction()]
    assert "Trouser" in names[:2]
    assert "Trouser" in {n for n in get_registry().dataset("fashion-mnist").class_names}


def top_class(qtbot, panel: ClassifyPanel) -> str:
    """The predicted class once any prediction still running has been shown."""
    qtbot.waitUntil(lambda: not panel.is_predicting(), timeout=10000)
    return panel.prediction()[0][0]


def _draw_with_mouse(qtbot, canvas, strokes) -> None:
    for stroke in strokes:
        points = [canvas.canvas_to_widget(x, y).toPoint() for x, y in stroke]
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0])
        for p in points[1:]:
            qtbot.mouseMove(canvas, p)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1])


def test_digits_drawn_on_the_canvas_are_recognised(qtbot, panel: ClassifyPanel) -> None:
    """Every digit in every style: at least 90% right (the neat style drawn with real mouse events)."""
    results: list[tuple[str, int, str]] = []
    for style in STYLES:
        panel.pad.brush_slider.setValue(style.pen)
        for digit in range(10):
            panel.clear()
            strokes = digit_strokes(digit, style)
            if style is STYLES[0]:
                _draw_with_mouse(qtbot, panel.canvas, strokes)
            else:
                for stroke in strokes:
                    panel.canvas.draw_stroke(stroke)
            top = top_class(qtbot, panel)
            results.append((style.name, digit, top))
    wrong = [(s, d, p) for s, d, p in results if p != str(d)]
    accuracy = 1 - len(wrong) / len(results)
    assert accuracy >= 0.9, f"{accuracy:.0%} right; wrong (style, digit, predicted): {wrong}"
