"""The main window: errors from a broken plugin, a missing dataset, settings, menus, screenshots."""

from __future__ import annotations

import torch
from desktop_helpers import click, make_window, quick_config, wait_idle
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from torch import nn

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.specs import ModelSpec
from torchdesk.desktop.main_window import MainWindow, open_settings


class _Explodes(nn.Module):
    def __init__(self, input_shape, num_classes):  # type: ignore[no-untyped-def]
        super().__init__()
        self.linear = nn.Linear(int(torch.tensor(input_shape).prod()), num_classes)

    def forward(self, x):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom: this test model always fails")


class ExplodingPlugin:
    """A third-party model plugin whose model raises in forward."""

    @hookimpl
    def torchdesk_models(self):  # type: ignore[no-untyped-def]
        return [ModelSpec(id="explodes", name="Explodes", description="Raises in forward.",
                          factory=lambda input_shape, num_classes: _Explodes(input_shape, num_classes))]


def test_a_model_that_raises_shows_the_error_and_the_app_stays_usable(qtbot, mnist_root):
    from torchdesk.desktop.state import AppState

    registry = PluginRegistry().load_entry_points()
    registry.register_plugin(ExplodingPlugin(), "exploding-test-plugin")
    window = make_window(qtbot, state=AppState(registry))
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, model="explodes"))
    assert panel.model_picker.spec().id == "explodes"
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    bar = window.error_bar
    assert bar.isVisible() and "boom" in bar.message.text()
    assert "Traceback" in bar.records[-1].detail and "forward" in bar.records[-1].detail
    click(qtbot, bar.details_button)
    assert "boom" in bar._dialog.text.toPlainText()
    bar._dialog.close()
    assert "Failed" in panel.progress.format()
    # Still usable: a working model trains to the end.
    panel.set_config(quick_config(mnist_root, epochs=1))
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    assert panel.last_accuracy is not None and panel.plots.point_count > 0


def test_settings_persist_across_two_windows(qtbot, mnist_root):
    first = make_window(qtbot)
    panel = first.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=7, lr=2e-4))
    panel.form.batch_spin.setValue(48)
    first.resize(1200, 760)
    size = (first.width(), first.height())  # other panels' minimums may win over the request
    first.close()
    second = make_window(qtbot)
    restored = second.panels["train"].config()
    assert restored.epochs == 7 and restored.batch_size == 48 and restored.lr == 2e-4
    assert restored.model.id == "mlp" and restored.model.params == {"hidden": 32}
    assert restored.data_dir == str(mnist_root)
    assert (second.width(), second.height()) == size
    assert second.current_panel_id() == "train"
    assert open_settings().fileName().endswith("desktop.ini")


def test_broken_saved_settings_fall_back_to_defaults(qtbot):
    settings = open_settings()
    settings.setValue("panels/train/config", "{not json")
    settings.sync()
    window = make_window(qtbot)
    assert window.panels["train"].config().epochs == 5
    assert "could not be read" in window.panels["train"].log_view.toPlainText()


def test_menus_and_about(qtbot, monkeypatch):
    monkeypatch.setattr("torchdesk.desktop.main_window.PANELS", [("train", "train:TrainPanel")])
    window = make_window(qtbot)
    about = window.about_text()
    assert "torchdesk" in about and torch.__version__ in about and "Python" in about and "cpu" in about
    assert "builtin-models" in about
    assert not window.open_checkpoint_action.isEnabled()  # no Checkpoints panel yet
    assert "Checkpoints panel" in window.open_checkpoint_action.toolTip()
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window._panel_actions["train"].shortcut().toString().startswith("Ctrl+")
    window.open_plugins_dialog()


def test_checkpoint_actions_ask_the_checkpoints_panel(qtbot):
    window = make_window(qtbot)
    requests = []
    window.state.panel_requested.connect(lambda pid, kw: requests.append((pid, kw)))
    window.panels.pop("checkpoints", None)  # only the request matters here, not the panel's dialog
    window._set_checkpoint_actions_enabled(True)
    window.save_checkpoint_action.trigger()
    assert requests == [("checkpoints", {"action": "save"})]


def test_errors_do_not_open_a_storm_of_dialogs(qtbot):
    window = make_window(qtbot)
    for i in range(20):
        window.state.report_error(f"problem {i}", "detail")
    assert window.error_bar.isVisible() and "problem 19" in window.error_bar.message.text()
    assert "+19 earlier" in window.error_bar.message.text()
    window.error_bar.dismiss()
    assert not window.error_bar.isVisible()


def test_screenshot_writes_a_png(qtbot, tmp_path):
    from torchdesk.desktop.screenshot import render_screenshot

    target = tmp_path / "shot.png"
    render_screenshot(target, panel="train", size=(1280, 800))
    image = QImage(str(target))
    assert target.stat().st_size > 10_000 and (image.width(), image.height()) == (1280, 800)


def test_screenshot_does_not_touch_the_users_settings(qtbot, tmp_path):
    from torchdesk.desktop.screenshot import render_screenshot

    render_screenshot(tmp_path / "a.png", size=(900, 600))
    assert QSettings(open_settings().fileName(), QSettings.Format.IniFormat).value("window/geometry") is None
    assert isinstance(MainWindow, type)


def test_the_screenshot_flag_of_the_command_writes_a_png(qtbot, tmp_path):
    from torchdesk.desktop.launch import main as cli_main

    target = tmp_path / "cli.png"
    assert cli_main(["--screenshot", str(target), "--panel", "train", "--size", "1280x800"]) == 0
    assert target.stat().st_size > 10_000 and QImage(str(target)).width() == 1280


def test_about_box_and_plugin_list_open_without_blocking(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr("torchdesk.desktop.main_window.QMessageBox.about", lambda *a: shown.append(a[2]))
    window = make_window(qtbot)
    window.about_action.trigger()
    assert shown and "torchdesk" in shown[0]
    from torchdesk.desktop.plugin_list import plugin_rows

    rows = plugin_rows(window.state.registry)
    assert any(name == "builtin-models" and "mlp" in provides for name, _, _, provides, _ in rows)
