"""The panels as one program: one data folder, and nothing left running when the window closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt

from dataview_helpers import wait_opened
from desktop_helpers import click, make_window, quick_config


def choose_in_train(qtbot: Any, window: Any, folder: Path, monkeypatch: Any) -> None:
    """Click the Train panel's Choose folder… and pick ``folder`` in the (patched) standard dialog."""
    monkeypatch.setattr("torchdesk.desktop.panels.train.form.QFileDialog.getExistingDirectory",
                        lambda *args, **kwargs: str(folder))
    window.show_panel("train")
    click(qtbot, window.panels["train"].form.choose_folder_button)


def test_a_folder_chosen_in_train_is_the_folder_of_every_panel(qtbot: Any, mnist_root: Path, tmp_path: Path,
                                                                monkeypatch: Any) -> None:
    settings = QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat)
    window = make_window(qtbot, settings=settings)
    choose_in_train(qtbot, window, mnist_root, monkeypatch)
    assert window.state.data_dir == mnist_root

    window.show_panel("data")
    data = window.panels["data"]
    data.select_dataset("mnist", train=False)
    wait_opened(qtbot, data)
    assert data.is_loaded() and data.banner_text() == ""  # no red "MNIST was not found"
    assert data.data_folder() == str(mnist_root)

    window.show_panel("classify")
    classify = window.panels["classify"]
    qtbot.mouseClick(classify.pad.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: classify.true_label() is not None, timeout=20_000)
    assert "MNIST test set" in classify.message()

    # The next session opens on the same folder.
    window.save_settings()
    window.close()
    again = make_window(qtbot, settings=QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat))
    assert again.state.data_dir == mnist_root
    assert again.panels["train"].form.data_dir_edit.text() == str(mnist_root)


def test_closing_the_window_mid_work_joins_every_task(qtbot: Any, mnist_root: Path) -> None:
    window = make_window(qtbot)
    window.state.set_data_dir(mnist_root)
    train = window.panels["train"]
    train.set_config(quick_config(mnist_root, epochs=50))
    train.start()
    window.show_panel("data")
    window.panels["data"].select_dataset("mnist", train=True)
    qtbot.waitUntil(lambda: window.state.training_active and len(window.state.tasks.running()) >= 2,
                    timeout=30_000)
    tasks = window.state.tasks.running()
    window.close()
    assert window.state.tasks.running() == []
    assert all(task.isFinished() for task in tasks)
    assert not window.state.training_active or not train.controller.running


def test_the_status_bar_says_what_runs_in_the_background(qtbot: Any, mnist_root: Path) -> None:
    window = make_window(qtbot)
    train = window.panels["train"]
    train.set_config(quick_config(mnist_root, epochs=50))
    train.start()
    qtbot.waitUntil(lambda: window.tasks_label.isVisible(), timeout=30_000)
    assert "background task" in window.tasks_label.text()
    assert "training" in window.tasks_label.toolTip().lower()
    click(qtbot, train.stop_button)
    qtbot.waitUntil(lambda: not window.state.tasks.running(), timeout=30_000)
    assert not window.tasks_label.isVisible()
