"""The Train panel offers scheduler, callback and metric plugins, driven like a user."""

from __future__ import annotations

import os

import pytest
from desktop_helpers import click, make_window, quick_config, wait_idle
from PySide6.QtCore import Qt

from torchdesk.core.events import Finished
from torchdesk.core.run_config import ComponentChoice


@pytest.mark.timeout(300)
def test_a_user_picks_a_step_schedule_early_stopping_and_macro_f1_and_sees_them(qtbot, mnist_root, tmp_path):
    window = make_window(qtbot)
    panel = window.panels["train"]
    # A run file asked for early stopping that no run can satisfy (a drop of 10 in the test loss, patience 1).
    panel.set_config(quick_config(mnist_root).replace(
        epochs=5, callbacks=(ComponentChoice("early-stopping", {"patience": 1, "min_delta": 10.0}),)))
    hooks = panel.form.hooks_box
    combo = hooks.scheduler_picker.combo
    assert [combo.itemData(i) for i in range(combo.count())][:4] == ["cosine", "constant", "step", "one-cycle"]
    combo.setCurrentIndex(combo.findData("step"))
    gamma = hooks.scheduler_picker.form.widget("gamma")
    gamma.setValue(0.5)
    early = hooks.callbacks_list.findItems("Early stopping", Qt.MatchFlag.MatchExactly)[0]
    assert early.checkState() == Qt.CheckState.Checked
    hooks.metrics_list.findItems("Macro F1", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    config = panel.form.config()
    assert config.lr_schedule == "step" and config.lr_schedule_params == {"gamma": 0.5}
    assert config.callbacks == (ComponentChoice("early-stopping", {"patience": 1, "min_delta": 10.0}),)
    assert config.metrics == (ComponentChoice("macro-f1"),)
    if os.environ.get("TORCHDESK_SCREENSHOT_DIR"):
        qtbot.wait(50)  # let the scheduler's new parameter form be laid out
        panel.form.grab().save(os.path.join(os.environ["TORCHDESK_SCREENSHOT_DIR"], "train_form_hooks.png"))

    finished = []
    window.state.training_event.connect(lambda e: finished.append(e) if isinstance(e, Finished) else None)
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    assert finished and not finished[-1].cancelled
    assert finished[-1].epochs_done == 2 and "early stopping" in finished[-1].stopped_by
    assert "macro-f1" in panel.view.accuracy_label.text()


def test_a_run_file_with_callbacks_and_metrics_fills_the_form_and_names_what_is_missing(qtbot, mnist_root):
    window = make_window(qtbot)
    panel = window.panels["train"]
    config = quick_config(mnist_root).replace(
        lr_schedule="one-cycle", lr_schedule_params={"warmup_fraction": 0.1},
        callbacks=(ComponentChoice("early-stopping", {"patience": 7}), ComponentChoice("gone.callback")),
        metrics=(ComponentChoice("top5-accuracy"),))
    notes = panel.form.set_config(config)
    assert any("gone.callback" in note for note in notes)
    again = panel.form.config()
    assert again.lr_schedule == "one-cycle" and again.lr_schedule_params == {"warmup_fraction": 0.1}
    assert again.callbacks == (ComponentChoice("early-stopping", {"patience": 7}),)
    assert again.metrics == (ComponentChoice("top5-accuracy"),)


def test_a_checked_callback_s_parameters_are_set_in_its_form(qtbot, mnist_root):
    window = make_window(qtbot)
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root))
    callbacks = panel.form.hooks_box.callbacks_list
    early = callbacks.findItems("Early stopping", Qt.MatchFlag.MatchExactly)[0]
    rect = callbacks.visualItemRect(early)
    qtbot.mouseClick(callbacks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    early.setCheckState(Qt.CheckState.Checked)
    patience = callbacks.form.widget("patience")
    qtbot.waitUntil(lambda: patience.isVisibleTo(panel))  # the form shows the selected callback
    patience.setValue(4)
    (choice,) = panel.form.config().callbacks
    assert choice.id == "early-stopping" and choice.params["patience"] == 4
