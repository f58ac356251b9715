"""The Model panel as part of one app: the shared data folder, the fit check, and build tasks joined on close."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from torch import nn

from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import get_registry
from torchdesk.desktop.panels.model_view import SAMPLE_DATASET, ModelPanel
from torchdesk.desktop.panels.model_view import controller as controller_module
from torchdesk.desktop.state import AppState
from torchdesk.plugins.datasets import FASHION_CLASSES


@pytest.fixture
def panel(qtbot):
    widget = ModelPanel(AppState(get_registry()))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.inspection is not None and not widget.controller.running(), timeout=60000)
    yield widget
    widget.shutdown()


def fashion_model() -> Predictor:
    """A current model trained for Fashion-MNIST (as a checkpoint or a run would hand it over)."""
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    return Predictor(model, list(FASHION_CLASSES), (1, 28, 28), source="fashion run", dataset_id="fashion-mnist")


def inspect_current(qtbot, panel: ModelPanel, predictor: Predictor) -> None:
    panel.state.set_predictor(predictor)
    panel.chooser.use_current_model()
    qtbot.waitUntil(lambda: not panel.controller.running() and panel.inspection is not None
                    and panel.inspection.live, timeout=60000)


def test_the_shared_data_folder_is_where_samples_come_from(qtbot, panel: ModelPanel, tmp_path: Path,
                                                           mnist_root: Path) -> None:
    panel.chooser.select("mlp", "mnist")
    panel.samples.choose(SAMPLE_DATASET)
    panel.state.set_data_dir(tmp_path / "empty")
    assert "not found" in panel.samples.sample_note.text()
    assert "random noise" in panel.inspector.activation_caption.text()
    qtbot.waitUntil(lambda: not panel.controller.running() and panel.inspection.identity.dataset_id == "mnist",
                    timeout=60000)  # the view follows the dataset choice
    panel.state.set_data_dir(mnist_root)  # chosen in another panel: this one follows
    panel.select_layer("linear_relu_stack.4")
    assert panel.samples.sample_note.text() == ""
    assert "test sample #0" in panel.inspector.activation_caption.text()
    assert str(mnist_root) in panel.samples.data_button.toolTip()
    panel.state.set_data_dir(tmp_path / "gone")  # the cached dataset is not the one shown any more
    assert "not found" in panel.samples.sample_note.text()


def test_an_unfit_sample_shows_why_and_no_activations_until_asked(qtbot, panel: ModelPanel,
                                                                  mnist_root: Path, fashion_root: Path) -> None:
    panel.state.set_data_dir(mnist_root)
    inspect_current(qtbot, panel, fashion_model())
    assert panel.chooser.dataset_combo.currentData() == "fashion-mnist"  # samples from the model's own data
    panel.samples.choose(SAMPLE_DATASET)
    panel.select_layer("1")
    bar = panel.samples.fit_bar
    assert bar.isHidden()
    assert panel.inspector.last_activation is not None

    panel.chooser.select(dataset_id="mnist")  # a digit shown to a clothes model
    assert not bar.isHidden() and "Fashion-MNIST" in bar.text() and "MNIST" in bar.text()
    assert panel.inspector.last_activation is None
    assert not panel.inspector.activation_plot.isVisible() and not panel.inspector.activation_image.isVisible()
    assert "does not fit" in panel.inspector.activation_caption.text()

    qtbot.mouseClick(bar.button("Show anyway"), Qt.MouseButton.LeftButton)
    assert panel.inspector.last_activation is not None
    assert "Shown anyway" in bar.text() and bar.button("Show anyway") is None

    from datagen import write_mnist_like

    write_mnist_like(mnist_root, "kmnist")
    panel.chooser.select(dataset_id="kmnist")  # another unfit pair asks again
    assert panel.inspector.last_activation is None and bar.button("Show anyway") is not None
    qtbot.mouseClick(bar.button("Use Fashion-MNIST"), Qt.MouseButton.LeftButton)  # the way out
    assert panel.chooser.dataset_combo.currentData() == "fashion-mnist"
    assert bar.isHidden() and panel.inspector.last_activation is not None


def test_noise_is_shown_to_any_model(qtbot, panel: ModelPanel) -> None:
    inspect_current(qtbot, panel, fashion_model())
    panel.chooser.select(dataset_id="mnist")
    panel.select_layer("1")
    assert panel.samples.fit_bar.isHidden() and panel.inspector.last_activation is not None


def test_a_three_channel_model_does_not_see_the_drawing(qtbot, panel: ModelPanel) -> None:
    import torch

    panel.chooser.select("mlp", "cifar10")
    qtbot.mouseClick(panel.chooser.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.controller.running() and panel.inspection.input_shape == (3, 32, 32),
                    timeout=60000)
    panel.state.set_drawing(torch.rand(1, 28, 28))
    panel.samples.choose("drawing")
    panel.select_layer("linear_relu_stack.4")
    assert "3-channel" in panel.samples.fit_bar.text()
    assert panel.inspector.last_activation is None
    assert panel.samples.fit_bar.button("Use CIFAR-10") is None  # no dataset switch for a drawing


def test_the_current_model_is_inspected_on_a_snapshot(qtbot, panel: ModelPanel, monkeypatch) -> None:
    predictor = fashion_model()
    calls = []
    original = Predictor.snapshot
    monkeypatch.setattr(Predictor, "snapshot", lambda self: calls.append(self) or original(self))
    inspect_current(qtbot, panel, predictor)
    assert calls == [predictor]
    assert panel.inspection.model is not predictor.model


def test_closing_the_window_mid_build_joins_the_task(qtbot, monkeypatch) -> None:
    from desktop_helpers import make_window

    real = controller_module.build_and_inspect

    def slow_build(*args, **kwargs):
        time.sleep(1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(controller_module, "build_and_inspect", slow_build)
    window = make_window(qtbot)
    window.show_panel("model")
    panel = window.panels["model"]
    qtbot.waitUntil(panel.controller.running, timeout=10000)
    tasks = window.state.tasks.running()
    assert tasks and all(task.isRunning() for task in tasks)
    window.close()
    assert window.state.tasks.running() == []
    assert not any(task.isRunning() for task in tasks)
    assert not panel.controller.running()


def test_a_plugin_model_is_rebuilt_for_a_new_dataset_without_an_unfit_notice(qtbot, panel: ModelPanel,
                                                                             mnist_root: Path,
                                                                             fashion_root: Path) -> None:
    panel.state.set_data_dir(mnist_root)
    panel.chooser.select("mlp", "mnist")
    panel.samples.choose(SAMPLE_DATASET)
    qtbot.waitUntil(lambda: not panel.controller.running() and panel.inspection.identity.dataset_id == "mnist",
                    timeout=60000)
    panel.chooser.select(dataset_id="fashion-mnist")  # the MNIST model is still on screen for a moment
    assert panel.samples.fit_bar.isHidden()
    qtbot.waitUntil(lambda: not panel.controller.running()
                    and panel.inspection.identity.dataset_id == "fashion-mnist", timeout=60000)
    assert panel.samples.fit_bar.isHidden() and panel.inspector.last_activation is not None
