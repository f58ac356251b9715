"""The Model panel driven like a person would: build, click a layer, pick a sample, export, watch norms."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from PySide6.QtCore import Qt
from torch import nn

from torchdesk.core import events
from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import get_registry
from torchdesk.desktop.panels.model_view import SAMPLE_DATASET, ModelPanel
from torchdesk.desktop.state import AppState


@pytest.fixture
def panel(qtbot):
    state = AppState(get_registry())
    widget = ModelPanel(state)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    # On first show the panel builds the default model, so it never opens empty.
    qtbot.waitUntil(lambda: widget.inspection is not None and not widget.controller.running(), timeout=60000)
    yield widget
    widget.shutdown()


def build(qtbot, panel: ModelPanel, model_id: str, dataset_id: str = "mnist") -> None:
    panel.chooser.select(model_id, dataset_id)
    qtbot.mouseClick(panel.chooser.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.controller.running() and panel.inspection is not None
                    and panel.inspection.title == panel.chooser.model_combo.currentText(), timeout=60000)


def click_node(qtbot, panel: ModelPanel, node_id: str) -> None:
    view = panel.graph_tab.view
    item = view.items_by_id[node_id]
    view.centerOn(item)
    point = view.mapFromScene(item.scenePos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_mlp_builds_with_table_summary_and_graph(qtbot, panel: ModelPanel) -> None:
    build(qtbot, panel, "mlp")
    inspection = panel.inspection
    assert inspection.input_shape == (1, 28, 28)
    graph_ids = set(panel.graph_tab.view.items_by_id)
    assert graph_ids == {n.id for n in inspection.graph.nodes}
    assert "linear_relu_stack_0" in graph_ids
    assert "Linear(in_features=784, out_features=512" in panel.summary_view.model_text.toPlainText()
    assert "Parameters: 669,706" in panel.summary_view.totals_label.text()
    top = panel.layer_table.topLevelItem(0)
    assert top.text(2) == "1×10"
    shapes = {}
    stack = [top]
    while stack:
        item = stack.pop()
        shapes[item.data(0, Qt.ItemDataRole.UserRole)] = item.text(2)
        stack.extend(item.child(i) for i in range(item.childCount()))
    assert shapes["linear_relu_stack.0"] == "1×512" and shapes["flatten"] == "1×784"
    assert not panel.graph_tab.banner.isVisible()


def test_clicking_a_layer_shows_weights_and_activations(qtbot, panel: ModelPanel) -> None:
    build(qtbot, panel, "resnet18")
    click_node(qtbot, panel, "layer1_0_conv1")
    inspector = panel.inspector
    assert inspector.module_name == "layer1.0.conv1"
    assert "36,864 parameters" in inspector.title.text()
    assert inspector.filters_box.isVisible()
    assert inspector.filters.image() is not None
    assert inspector.last_activation is not None and tuple(inspector.last_activation.shape) == (1, 64, 28, 28)
    assert inspector.activation_image.isVisible() and inspector.activation_image.image() is not None
    assert "random noise" in inspector.activation_caption.text()
    # The same layer is selected in the table.
    selected = panel.layer_table.selectedItems()
    assert selected and selected[0].data(0, Qt.ItemDataRole.UserRole) == "layer1.0.conv1"
    # New noise changes the activations.
    before = inspector.last_activation.clone()
    qtbot.mouseClick(panel.samples.next_sample, Qt.MouseButton.LeftButton)
    assert not torch.equal(before, inspector.last_activation)


def test_activations_for_a_dataset_sample(qtbot, panel: ModelPanel, mnist_root: Path) -> None:
    build(qtbot, panel, "cnn")
    panel.state.set_data_dir(str(mnist_root))
    panel.samples.choose(SAMPLE_DATASET)
    panel.samples.sample_index.setValue(3)
    panel.select_layer("classifier.5")  # the logits
    inspector = panel.inspector
    assert "test sample #3" in inspector.activation_caption.text()
    assert tuple(inspector.last_activation.shape) == (1, 10)
    assert inspector.activation_plot.isVisible()
    assert panel.samples.sample_note.text() == ""


def test_missing_dataset_falls_back_to_noise_with_a_message(qtbot, panel: ModelPanel, tmp_path: Path) -> None:
    build(qtbot, panel, "logreg")
    panel.state.set_data_dir(str(tmp_path / "nothing-here"))
    panel.samples.choose(SAMPLE_DATASET)
    panel.select_layer("1")
    assert "not found" in panel.samples.sample_note.text() and "random noise" in panel.samples.sample_note.text()
    assert tuple(panel.inspector.last_activation.shape) == (1, 10)


def test_graph_exports_png_and_svg(qtbot, panel: ModelPanel, tmp_path: Path) -> None:
    build(qtbot, panel, "resnet18")
    png, svg = tmp_path / "graph.png", tmp_path / "graph.svg"
    size = panel.graph_tab.view.export_png(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and size.height() > size.width() > 100
    panel.graph_tab.view.export_svg(svg)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "layer1.0.conv1" in text


def test_zoom_fit_and_folding(qtbot, panel: ModelPanel) -> None:
    build(qtbot, panel, "resnet18")
    view = panel.graph_tab.view
    view.reset_zoom()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom_factor() > 1.0
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.zoom_factor() < 0.5  # a tall graph fitted into the view
    panel.graph_tab.detail_combo.setCurrentText("Modules to depth 2")
    assert "group:layer3.1" in view.items_by_id
    click_node(qtbot, panel, "group:layer3.1")
    assert panel.inspector.module_name == "layer3.1"
    assert tuple(panel.inspector.last_activation.shape) == (1, 256, 7, 7)


class Branchy(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.flatten = nn.Flatten()
        self.body = nn.Linear(784, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = self.body(self.flatten(x))
        return h if h.abs().sum() > 0 else -h


def test_untraceable_current_model_shows_fallback_banner_and_live_norms(qtbot, panel: ModelPanel) -> None:
    model = Branchy()
    panel.state.set_predictor(Predictor(model, [str(i) for i in range(10)], (1, 28, 28), source="branchy"))
    panel.chooser.use_current_model()
    qtbot.waitUntil(lambda: not panel.controller.running() and panel.inspection is not None, timeout=60000)
    assert panel.inspection.graph.fallback
    assert panel.graph_tab.banner.isVisible() and "module hooks" in panel.graph_tab.banner.text()
    assert panel.inspection.model is not model  # a copy: the live model is never put in eval mode
    panel.select_layer("body")
    with torch.no_grad():
        model.body.weight.fill_(0.5)
    panel.state.model_updated.emit()  # an epoch ended: the copy follows the live weights
    assert torch.equal(panel.inspection.model.body.weight, model.body.weight)
    assert "mean +0.5000" in panel.inspector.stats.text()

    # A training run reports batches; the panel hooks the live model and shows its gradient norms.
    panel.state.set_training_active(True)
    batch_end = events.BatchEnd(epoch=1, step=1, batch=1, batches_per_epoch=10, loss=2.3, samples_per_s=100.0,
                                samples_done=64, samples_total=640, seconds_left=1.0)
    panel.state.training_event.emit(batch_end)
    assert panel.norms.monitor is not None and panel.norms.monitor.model is model
    loss = nn.functional.cross_entropy(model(torch.rand(8, 1, 28, 28)), torch.arange(8))
    loss.backward()
    panel.state.training_event.emit(batch_end)
    panel.norms.refresh(force=True)
    records = panel.norms_view.records
    assert [r.module for r in records] == ["body"]
    assert records[0].grad_norm is not None and records[0].grad_norm > 0
    assert "Live" in panel.norms_view.caption.text()
    panel.state.training_event.emit(events.Finished(cancelled=False, epochs_done=1))
    assert panel.norms.monitor is None
    assert panel.norms_view.records  # the last values stay on screen


def test_build_error_is_reported_not_raised(qtbot, panel: ModelPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    import torchvision.models._api as api
    import urllib.error

    def offline(*args, **kwargs):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(api, "load_state_dict_from_url", offline)
    messages = []
    panel.state.error.connect(lambda message, detail: messages.append(message))
    panel.chooser.select("squeezenet1_1", "mnist")
    panel.chooser.param_form.set_values({"pretrained": True})
    qtbot.mouseClick(panel.chooser.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(messages), timeout=60000)
    assert "Pretrained weights for squeezenet1_1 are not available" in messages[0]
    assert panel.chooser.build_button.isEnabled()
    bar = panel.chooser.problem_bar
    assert bar.kind == "error" and "not available" in bar.text()


def test_view_follows_the_dataset_and_parameters(qtbot, panel: ModelPanel) -> None:
    build(qtbot, panel, "mlp", "mnist")
    panel.chooser.select(dataset_id="cifar10")
    qtbot.waitUntil(lambda: not panel.controller.running() and panel.inspection.input_shape == (3, 32, 32),
                    timeout=60000)
    assert panel.inspection.summary.row("linear_relu_stack.0").output_shapes == ((1, 512),)
    assert "3072" in panel.graph_tab.view.items_by_id["linear_relu_stack_0"].lines[1]
    panel.chooser.param_form.set_values({"hidden": 64})
    panel.chooser.param_form.changed.emit()
    qtbot.waitUntil(lambda: not panel.controller.running()
                    and panel.inspection.summary.row("linear_relu_stack.0").output_shapes == ((1, 64),),
                    timeout=60000)


def test_a_hidden_panel_does_not_watch_the_training_model(qtbot, panel: ModelPanel) -> None:
    """Gradient hooks run on the training thread; nobody looking means nothing to pay for."""
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 10))
    panel.state.set_predictor(Predictor(model, [str(i) for i in range(10)], (1, 28, 28), source="run"))
    panel.state.set_training_active(True)
    batch_end = events.BatchEnd(epoch=1, step=1, batch=1, batches_per_epoch=10, loss=2.3, samples_per_s=100.0,
                                samples_done=64, samples_total=640, seconds_left=1.0)
    panel.hide()
    panel.state.training_event.emit(batch_end)
    assert panel.norms.monitor is None
    panel.show()
    assert panel.norms.monitor is not None and panel.norms.monitor.model is model  # on screen again: live norms
    panel.hide()
    assert panel.norms.monitor is None
    panel.state.set_training_active(False)
