"""File > Open model… shows a model file in the Model panel; a .pt2 goes to Classify after the person trusts it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from desktop_helpers import make_window
from PySide6.QtCore import Qt
from torch import nn

import torchdesk.desktop.panels.model_view.file_actions as file_actions

SCREENSHOT_DIR = __import__("os").environ.get("TORCHDESK_SHOTS")  # a folder to keep the panel screenshots in


def tiny_program(path: Path) -> Path:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 26 * 26, 10)).eval()
    program = torch.export.export(model, (torch.rand(1, 1, 28, 28),))
    names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    torch.export.save(program, str(path), extra_files={"torchdesk.json": json.dumps({"class_names": json.dumps(names)})})
    return path


def layer_rows(panel) -> dict[str, tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {item.text(0): (item.text(1), item.text(2), item.text(3)) for item in panel.layer_table.items()}


def open_through_menu(qtbot, window, monkeypatch, path: Path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.open_model_action.trigger()
    panel = window.panels["model"]
    qtbot.waitUntil(lambda: panel.controller.opened_file is not None
                    and panel.controller.opened_file.path == path and not panel.controller.running(), timeout=60000)
    return panel


def test_the_file_menu_opens_a_pt2_and_the_panel_shows_its_layers(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = make_window(qtbot)
    path = tiny_program(tmp_path / "tiny.pt2")
    panel = open_through_menu(qtbot, window, monkeypatch, path)
    assert window.current_panel_id() == "model"
    rows = layer_rows(panel)
    assert rows["0"] == ("Conv2d", "1×4×26×26", "40")
    assert rows["3"] == ("Linear", "1×10", "27,050")
    assert rows["(model)"][2] == "27,090"
    assert len(panel.graph_tab.view.items_by_id) == len(panel.inspection.graph.nodes) >= 6
    assert "read from the torch.export file" in panel.graph_tab.info.text()
    assert "tiny.pt2" in panel.chooser.file_label.text() and panel.chooser.use_file_button.isEnabled()
    if SCREENSHOT_DIR:
        panel.grab().save(str(Path(SCREENSHOT_DIR) / "model_panel_pt2.png"))


def test_an_onnx_file_shows_its_operations(qtbot, tmp_path: Path, monkeypatch) -> None:
    from test_model_files import save_onnx

    window = make_window(qtbot)
    panel = open_through_menu(qtbot, window, monkeypatch, save_onnx(tmp_path / "tiny.onnx"))
    rows = layer_rows(panel)
    assert rows["conv"][:2] == ("Conv", "1×4×26×26") and rows["fc"] == ("Gemm", "1×10", "27,050")
    assert not panel.chooser.use_file_button.isEnabled()  # shown, not run
    if SCREENSHOT_DIR:
        panel.graph_tab.view.fit()
        panel.grab().save(str(Path(SCREENSHOT_DIR) / "model_panel_onnx.png"))


def test_a_pt2_is_used_in_classify_after_the_person_trusts_it(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = make_window(qtbot)
    panel = open_through_menu(qtbot, window, monkeypatch, tiny_program(tmp_path / "tiny.pt2"))
    asked: list[str] = []
    monkeypatch.setattr(file_actions, "confirm_program_trust", lambda parent, p: asked.append(p.name) or False)
    qtbot.mouseClick(panel.chooser.use_file_button, Qt.MouseButton.LeftButton)
    assert asked == ["tiny.pt2"] and window.state.predictor is None  # not trusted: nothing loaded
    monkeypatch.setattr(file_actions, "confirm_program_trust", lambda parent, p: True)
    qtbot.mouseClick(panel.chooser.use_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.state.predictor is not None, timeout=60000)
    predictor = window.state.predictor
    assert predictor.class_names[1] == "one" and predictor.input_shape == (1, 28, 28)
    assert len(predictor.predict(torch.rand(28, 28))[0]) == 3
    qtbot.waitUntil(lambda: window.current_panel_id() == "classify", timeout=10000)


def test_a_model_that_does_not_take_the_images_is_refused_with_its_error(qtbot, tmp_path: Path, monkeypatch) -> None:
    torch.manual_seed(0)
    scripted = torch.jit.script(nn.Sequential(nn.Conv2d(3, 4, 3), nn.Flatten()))  # takes 3-channel images only
    path = tmp_path / "rgb.pt"
    torch.jit.save(scripted, str(path))
    window = make_window(qtbot)
    panel = open_through_menu(qtbot, window, monkeypatch, path)
    errors: list[str] = []
    window.state.error.connect(lambda message, detail: errors.append(message))
    panel.chooser.select(dataset_id="mnist")
    panel.rebuild_timer.stop()
    qtbot.mouseClick(panel.chooser.use_file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(errors), timeout=60000)
    assert "does not accept 1×1×28×28" in errors[0] and window.state.predictor is None


def test_a_damaged_file_is_a_message_and_the_panel_keeps_working(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = make_window(qtbot)
    panel = window.panels["model"]
    path = tmp_path / "broken.pt2"
    path.write_bytes(b"PK\x03\x04" + bytes(64))
    errors: list[str] = []
    window.state.error.connect(lambda message, detail: errors.append(message))
    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.open_model_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=60000)
    assert "broken.pt2" in errors[0] and "truncated" in errors[0]
    assert panel.controller.opened_file is None


@pytest.mark.parametrize("trusted", [False, True])
def test_a_pickled_whole_model_asks_for_trust_first(qtbot, tmp_path: Path, monkeypatch, trusted: bool) -> None:
    path = tmp_path / "model.pth"
    torch.save(nn.Sequential(nn.Flatten(), nn.Linear(784, 8), nn.ReLU(), nn.Linear(8, 10)), path)  # the whole model
    asked: list[str] = []
    monkeypatch.setattr(file_actions, "confirm_trust", lambda parent, p, detail: asked.append(p.name) or trusted)
    monkeypatch.setattr(file_actions.PickledModelDialog, "exec", lambda self: 1)
    monkeypatch.setattr(file_actions.PickledModelDialog, "dataset_id", lambda self: "mnist")
    window = make_window(qtbot)
    panel = window.panels["model"]
    monkeypatch.setattr(file_actions.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.open_model_action.trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=60000)
    if not trusted:
        qtbot.waitUntil(lambda: "not opened" in panel.chooser.problem_bar.text(), timeout=10000)
        assert panel.controller.opened_file is None
        return
    qtbot.waitUntil(lambda: panel.controller.opened_file is not None and not panel.controller.running(),
                    timeout=60000)
    assert panel.controller.opened_file.kind == "pickled"
    assert ("Linear", "1×8", "6,280") in layer_rows(panel).values()
