"""The sample inspector: the tensor after the pipeline, values on hover, one-hot targets, random draws,
and the measured mean/std offered as Normalize defaults."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import torch
from PySide6.QtCore import QPoint, Qt

from dataview_helpers import make_panel, wait_opened, wait_quiet
from torchdesk.desktop.dataview.normalize_defaults import load_normalize_defaults


@pytest.fixture
def panel(qtbot: Any, mnist_root: Path) -> Any:
    panel = make_panel(qtbot)
    panel.select_dataset("mnist", train=True, folder=str(mnist_root))
    wait_opened(qtbot, panel)
    assert panel.is_loaded(), panel.banner_text()
    wait_quiet(qtbot, panel)
    panel.jump_to(10)
    return panel


def add_transform(qtbot: Any, panel: Any, spec_id: str) -> None:
    editor = panel.pipeline_editor
    editor.add_combo.setCurrentIndex(editor.add_combo.findData(spec_id))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)


def test_default_pipeline_normalizes_with_the_dataset_statistics(panel: Any) -> None:
    assert panel.pipeline_editor.step_ids() == ["normalize"]
    tensor = panel.inspector.last_tensor
    raw = panel.opened.source.image(10).float() / 255
    assert torch.allclose(tensor, (raw - 0.1307) / 0.3081, atol=1e-5)
    caption = panel.inspector.tensor_caption.text()
    assert "shape (1, 28, 28)" in caption and "float32" in caption
    assert f"min {float(tensor.min()):.4g}" in caption and f"max {float(tensor.max()):.4g}" in caption


def test_values_show_on_hover(qtbot: Any, panel: Any) -> None:
    view = panel.inspector.tensor_view
    rect = view.image_rect()
    pos = QPoint(rect.x() + rect.width() // 2 + 2, rect.y() + rect.height() // 5 + 2)
    qtbot.mouseMove(view, pos)
    qtbot.waitUntil(lambda: panel.inspector.hover_label.text().startswith("x "))
    text = panel.inspector.hover_label.text()
    x, y = (int(v) for v in re.match(r"x (\d+), y (\d+): ", text).groups())
    assert 10 <= x <= 17 and 2 <= y <= 8  # around where the mouse is
    value = float(panel.inspector.last_tensor[0, y, x])
    assert text == f"x {x}, y {y}: {value:.4f}"
    assert view.value_text(x, y) == text


def test_editing_the_pipeline_changes_the_preview(qtbot: Any, panel: Any) -> None:
    editor = panel.pipeline_editor
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert editor.step_ids() == []
    assert float(panel.inspector.last_tensor.min()) >= 0 and float(panel.inspector.last_tensor.max()) <= 1

    add_transform(qtbot, panel, "resize")
    size_box = editor.form.widget("size")
    size_box.setValue(16)
    assert panel.inspector.last_tensor.shape == (1, 16, 16)
    assert "shape (1, 16, 16)" in panel.inspector.tensor_caption.text()

    add_transform(qtbot, panel, "grayscale")
    editor.form.widget("num_output_channels").setCurrentIndex(1)  # 3 channels
    assert panel.inspector.last_tensor.shape == (3, 16, 16)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # grayscale before resize: same shape
    assert editor.step_ids() == ["grayscale", "resize"]
    assert panel.inspector.last_tensor.shape == (3, 16, 16)


def test_random_augmentations_are_previewed_as_several_draws(qtbot: Any, panel: Any) -> None:
    assert not panel.inspector.draws_box.isVisible()
    add_transform(qtbot, panel, "random-rotation")
    panel.pipeline_editor.form.widget("degrees").setValue(60.0)
    assert panel.inspector.draws_box.isVisible()
    draws = [view.tensor() for view in panel.inspector.draw_views]
    assert len(draws) == 6 and all(d is not None and d.shape == (1, 28, 28) for d in draws)
    assert len({tuple(d.flatten()[:400].tolist()) for d in draws}) > 1  # different draws
    before = draws[0].clone()
    qtbot.mouseClick(panel.inspector.redraw_button, Qt.MouseButton.LeftButton)
    assert not torch.equal(before, panel.inspector.draw_views[0].tensor())


def test_one_hot_target_is_shown_as_a_vector(qtbot: Any, panel: Any) -> None:
    label = int(panel.opened.labels[10])
    assert "int class index" in panel.inspector.target_view.text()
    add_transform(qtbot, panel, "one-hot")
    target = panel.inspector.last_target
    expected = torch.zeros(10).scatter_(0, torch.tensor(label), value=1)  # the walkthrough's Lambda
    assert torch.equal(target, expected)
    html = panel.inspector.target_view.text()
    assert "one-hot vector" in html and "length 10" in html and f"hot index {label}" in html
    vector = ", ".join("1" if i == label else "0" for i in range(10))
    assert panel.inspector.target_view.toolTip().endswith(f"[{vector}]")


def test_measured_mean_std_become_the_normalize_defaults(qtbot: Any, panel: Any) -> None:
    assert load_normalize_defaults("mnist") is None
    panel.side_tabs.setCurrentIndex(1)
    assert panel.stats_page.use_stats_button.isEnabled()
    qtbot.mouseClick(panel.stats_page.use_stats_button, Qt.MouseButton.LeftButton)
    mean, std = load_normalize_defaults("mnist")
    assert mean == pytest.approx(panel.stats.mean) and std == pytest.approx(panel.stats.std)
    assert "Stored Normalize defaults" in panel.stats_page.known_stats_label.text()
    raw = panel.opened.source.image(10).float() / 255
    assert torch.allclose(panel.inspector.last_tensor, (raw - mean[0]) / std[0], atol=1e-4)


def test_choices_survive_a_restart(qtbot: Any, panel: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    add_transform(qtbot, panel, "resize")
    panel.pipeline_editor.form.widget("size").setValue(20)
    panel.set_zoom(90)
    settings = QSettings(str(tmp_path / "panel.ini"), QSettings.Format.IniFormat)
    panel.state.save_settings(settings)  # the data folder is the app's, saved once by the window
    panel.save_settings(settings)
    settings.sync()

    again = make_panel(qtbot)
    restored = QSettings(str(tmp_path / "panel.ini"), QSettings.Format.IniFormat)
    again.state.restore_settings(restored)
    again.restore_settings(restored)
    assert again.source_bar.dataset_combo.currentData() == "mnist" and again.is_train_split()
    assert again.data_folder() == panel.data_folder()
    assert again.browser.grid.zoom() == 90
    assert again.pipeline_editor.step_ids() == ["normalize", "resize"]
    assert again.pipeline_editor.steps()[1][1] == {"size": 20}
    wait_opened(qtbot, again)  # shown, so it opens the restored choice
    assert again.is_loaded()
    wait_quiet(qtbot, again)
