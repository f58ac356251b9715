"""A model meets drawings it was not made for: the Classify panel says why, shows no answer and offers the way out."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from PySide6.QtCore import Qt

from digit_strokes import STYLES, digit_strokes
from torchdesk.core import bundled
from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import get_registry
from torchdesk.desktop.panels.classify import SOURCE_BUNDLED, SOURCE_CURRENT, ClassifyPanel
from torchdesk.desktop.state import AppState

FASHION = list(get_registry().dataset("fashion-mnist").class_names)


class Constant(torch.nn.Module):
    """Always answers class ``winner`` of ``classes``."""

    def __init__(self, winner: int, classes: int = 10) -> None:
        super().__init__()
        self.bias = torch.nn.Parameter(torch.full((classes,), -2.0))
        with torch.no_grad():
            self.bias[winner] = 3.0

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.bias.expand(x.shape[0], -1) + 0 * x.flatten(1)[:, :1]


def fashion_model() -> Predictor:
    """A tiny model made for Fashion-MNIST that answers "Sandal" to everything."""
    return Predictor(Constant(FASHION.index("Sandal")), FASHION, (1, 28, 28), source="sandal model",
                     dataset_id="fashion-mnist")


@pytest.fixture
def panel(qtbot):
    widget = ClassifyPanel(AppState(get_registry()))
    qtbot.addWidget(widget)
    widget.resize(900, 560)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def draw_three(qtbot, panel: ClassifyPanel) -> None:
    """Draw a 3 with the mouse, as a person would."""
    canvas = panel.canvas
    for stroke in digit_strokes(3, STYLES[0]):
        points = [canvas.canvas_to_widget(x, y).toPoint() for x, y in stroke]
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0])
        for p in points[1:]:
            qtbot.mouseMove(canvas, p)
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1])


def choose_mode(panel: ClassifyPanel, mode: str) -> None:
    """Pick ``mode`` in the mode chooser, as a person would."""
    panel.form.mode_combo.setCurrentIndex(panel.form.mode_combo.findData(mode))


def assert_notice(panel: ClassifyPanel) -> None:
    """The mismatch notice is on screen and no answer is."""
    bar = panel.result.message_bar
    assert bar.isVisible() and bar.kind == "warning"
    assert "does not fit Digits mode" in panel.message() and "Fashion-MNIST" in panel.message()
    assert panel.prediction() == []
    assert panel.result.predicted_label.text() == "" and panel.result.confidence_label.text() == ""
    assert "not made for digits" in panel.result.bars.placeholder()


def test_fashion_checkpoint_in_digits_mode_shows_the_notice_and_switching_clears_it(qtbot,
                                                                                      panel: ClassifyPanel) -> None:
    panel.set_checkpoint(bundled.load_bundled("fashion-mnist"))
    assert panel.mode == "clothes"  # a chosen model brings its mode along
    choose_mode(panel, "digits")
    draw_three(qtbot, panel)
    assert_notice(panel)
    assert panel.result.preview.has_image()  # what the model would see is still shown
    switch = panel.result.message_bar.button("Switch to Clothes")
    assert switch is not None
    qtbot.waitUntil(switch.isVisible, timeout=2000)

    assert [b.text() for b in panel.result.message_bar.buttons] == ["Switch to Clothes"]
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert panel.mode == "clothes" and panel.form.mode_combo.currentData() == "clothes"
    assert panel.result.message_bar.kind != "warning" and "does not fit" not in panel.message()
    assert panel.result.message_bar.button("Switch to Clothes") is None
    assert panel.prediction() and panel.prediction()[0][0] in FASHION
    assert panel.result.bars.placeholder() == ""


def test_current_fashion_model_gets_the_notice_before_anything_is_drawn(qtbot, panel: ClassifyPanel) -> None:
    panel.set_source(SOURCE_CURRENT)
    panel.state.set_predictor(fashion_model())
    assert panel.mode == "clothes"
    choose_mode(panel, "digits")
    assert panel.canvas.is_empty()
    assert_notice(panel)  # said at once, not only after drawing
    draw_three(qtbot, panel)
    assert_notice(panel)  # no "Sandal 100%" for a drawn 3
    assert "Sandal" not in panel.result.bars.accessibleDescription()

    assert [b.text() for b in panel.result.message_bar.buttons] == ["Switch to Clothes"]
    panel.set_source(SOURCE_BUNDLED)  # the other way out: a model made for digits
    assert panel.mode == "digits" and panel.prediction()[0][0] in [str(d) for d in range(10)]
    assert "does not fit" not in panel.message()


def test_the_notice_stays_over_information_messages(tmp_path: Path, qtbot, panel: ClassifyPanel) -> None:
    panel.set_checkpoint(fashion_model())
    choose_mode(panel, "digits")
    image = np.full((40, 40), 255, np.uint8)
    image[5:35, 18:22] = 0
    Image.fromarray(image).save(tmp_path / "one.png")
    assert panel.open_image(tmp_path / "one.png")
    assert_notice(panel)


def test_a_model_with_no_drawing_mode_gets_the_notice_without_a_switch(qtbot, panel: ClassifyPanel) -> None:
    colour = Predictor(Constant(0), [f"thing {i}" for i in range(10)], (3, 32, 32), source="colour model",
                       dataset_id="cifar10")
    panel.set_checkpoint(colour)
    assert panel.mode == "digits"
    draw_three(qtbot, panel)
    assert panel.result.message_bar.kind == "warning" and panel.prediction() == []
    assert "CIFAR-10" in panel.message()
    bundled_button = panel.result.message_bar.button("Use the bundled digits model")
    assert [b.text() for b in panel.result.message_bar.buttons] == ["Use the bundled digits model"]
    qtbot.mouseClick(bundled_button, Qt.MouseButton.LeftButton)
    assert panel.source == SOURCE_BUNDLED and panel.prediction()[0][0] == "3"
    assert panel.result.message_bar.kind != "warning"


def test_models_that_fit_show_their_answer(qtbot, panel: ClassifyPanel) -> None:
    panel.set_checkpoint(bundled.load_bundled("mnist"))
    draw_three(qtbot, panel)
    assert panel.fit() and panel.result.message_bar.kind != "warning"
    assert panel.prediction()[0][0] == "3"
