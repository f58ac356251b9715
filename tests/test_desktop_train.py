"""The Train panel driven like a person: start, pause, resume, stop, close, errors."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from desktop_helpers import click, make_window, quick_config, wait_idle

from torchdesk.core.events import Finished


@pytest.fixture
def window(qtbot, mnist_root):
    win = make_window(qtbot)
    win.panels["train"].set_config(quick_config(mnist_root))
    return win


def test_start_runs_to_the_end_with_curves_and_accuracy(qtbot, window, tmp_path, monkeypatch):
    panel = window.panels["train"]
    finished = []
    window.state.training_event.connect(lambda e: finished.append(e) if isinstance(e, Finished) else None)
    click(qtbot, panel.start_button)
    assert not panel.start_button.isEnabled() and panel.stop_button.isEnabled()
    assert not panel.form.isEnabled()
    wait_idle(qtbot, panel)
    batches_per_epoch = -(-600 // 32)
    assert panel.plots.point_count == 2 * batches_per_epoch
    points = panel.plots.points()
    assert len(points["train_loss"]) == 2 and len(points["test_accuracy"]) == 2
    assert np.isfinite(points["batch_loss"]).all()
    assert "%" in panel.view.accuracy_label.text() and "epoch 2" in panel.view.accuracy_label.text()
    assert panel.last_accuracy is not None and panel.last_accuracy > 0.3  # a learnable pattern
    assert panel.plots.confusion.matrix.shape == (10, 10) and panel.plots.confusion.matrix.sum() == 200
    assert finished and not finished[-1].cancelled
    assert panel.start_button.isEnabled() and not panel.stop_button.isEnabled()
    assert not panel.pause_button.isEnabled()
    assert window.state.predictor is not None and window.state.predictor.class_names
    assert panel.progress.value() == panel.progress.maximum()
    # Export: the plots as PNG and every number as CSV.
    for suffix, button in (("png", panel.view.export_png_button), ("csv", panel.view.export_csv_button)):
        target = tmp_path / f"plots.{suffix}"
        monkeypatch.setattr("torchdesk.desktop.panels.train.panel.QFileDialog.getSaveFileName",
                            lambda *a, t=target, **k: (str(t), ""))
        click(qtbot, button)
        assert target.stat().st_size > 0
    rows = (tmp_path / "plots.csv").read_text().splitlines()
    assert rows[0] == "series,x,y" and sum(r.startswith("batch_loss,") for r in rows) == 2 * batches_per_epoch
    assert sum(r.startswith("test_accuracy_percent,") for r in rows) == 2


def test_stop_mid_run(qtbot, window, mnist_root):
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=200))
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.plots.point_count > 5, timeout=60_000)
    click(qtbot, panel.stop_button)
    wait_idle(qtbot, panel)
    assert panel.plots.point_count < 200 * 19
    assert "Stopped" in panel.progress.format()
    assert panel.start_button.isEnabled() and panel.form.isEnabled()


def test_pause_and_resume(qtbot, window, mnist_root):
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=200))
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.plots.point_count > 3, timeout=60_000)
    click(qtbot, panel.pause_button)
    qtbot.waitUntil(lambda: panel.pause_button.text() == "Resume" and panel.pause_button.isEnabled())
    assert panel.controller.run.trainer.paused
    qtbot.wait(400)  # the batch in flight lands
    held = panel.plots.point_count
    qtbot.wait(600)
    assert panel.plots.point_count == held
    assert "Paused" in panel.progress.format()
    assert panel.view.rate_label.text() == "Paused"  # not a time left that stands still
    recent = panel.plots.batch_loss.y[-50:]
    assert panel.view.loss_label.text() == f"Recent loss {float(np.mean(recent)):.4f}"
    click(qtbot, panel.pause_button)
    qtbot.waitUntil(lambda: panel.plots.point_count > held + 3, timeout=60_000)
    assert panel.pause_button.text() == "Pause"
    click(qtbot, panel.stop_button)
    wait_idle(qtbot, panel)


def test_stop_while_paused(qtbot, window, mnist_root):
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=200))
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.plots.point_count > 2, timeout=60_000)
    click(qtbot, panel.pause_button)
    qtbot.waitUntil(lambda: panel.pause_button.text() == "Resume")
    click(qtbot, panel.stop_button)
    wait_idle(qtbot, panel)
    assert panel.pause_button.text() == "Pause" and panel.start_button.isEnabled()


def test_closing_the_window_mid_run_asks_then_stops_and_joins(qtbot, window, mnist_root):
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=200))
    asked = []
    window.confirm_interrupt = lambda reasons: asked.append(reasons) or False
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.plots.point_count > 2, timeout=60_000)
    window.close()
    assert asked and "Training is running" in asked[0][0]
    assert window.isVisible() and panel.controller.running  # "No" keeps everything going
    window.confirm_interrupt = lambda reasons: True
    task = panel.controller.task
    window.close()
    assert not window.isVisible()
    assert not panel.controller.running and task.isFinished()
    assert window.state.tasks.running() == [] and not window.state.training_active


def test_closing_while_the_data_loads(qtbot, window):
    panel = window.panels["train"]
    click(qtbot, panel.start_button)
    window.close()  # before the first batch: must not hang or crash
    assert not panel.controller.running


def test_invalid_settings_are_reported_without_starting(qtbot, window):
    panel = window.panels["train"]
    form = panel.form
    form.dataset_picker.combo.setCurrentIndex(form.dataset_picker.combo.findData("mnist"))
    panel.set_config(panel.config().replace(device="cuda:7"))  # not available: falls back to auto
    assert form.device_combo.currentData() == "auto"


def test_resume_from_a_checkpoint_continues_the_epochs_and_history(qtbot, window, mnist_root, tmp_path):
    from torchdesk.core.checkpoint import load_checkpoint, save_checkpoint

    panel = window.panels["train"]
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    assert window.state.run is panel.run
    path = tmp_path / "two.pt"
    save_checkpoint(path, panel.run)
    panel.plots.reset()
    window.state.set_data_dir(tmp_path / "elsewhere")
    window.state.request_panel("train", resume=load_checkpoint(path))
    assert window.state.data_dir == mnist_root  # the checkpoint's run brings its data folder
    wait_idle(qtbot, panel)
    assert panel.form.epochs_spin.value() == 4  # 2 done + 2 more
    assert len(panel.plots.points()["test_accuracy"]) == 4
    assert panel.plots.point_count == 4 * 19
    assert "epoch 4" in panel.view.accuracy_label.text()


def test_export_run_writes_a_file_the_cli_reads_back(qtbot: Any, tmp_path: Path) -> None:
    from torchdesk.core.registry import get_registry
    from torchdesk.core.run_file import read_run_file
    from torchdesk.desktop.panels.train import TrainPanel
    from torchdesk.desktop.state import AppState

    panel = TrainPanel(AppState(get_registry()))
    qtbot.addWidget(panel)
    panel.form.epochs_spin.setValue(7)
    panel.form.lr_schedule_combo.setCurrentIndex(panel.form.lr_schedule_combo.findData("constant"))
    panel.export_run_file(str(tmp_path / "run.toml"))
    text = (tmp_path / "run.toml").read_text()
    assert "torchdesk train --config run.toml" in text
    config = read_run_file(tmp_path / "run.toml")
    assert config == panel.config() and config.epochs == 7 and config.lr_schedule == "constant"

    other = TrainPanel(AppState(get_registry()))
    qtbot.addWidget(other)
    other.open_run_file(str(tmp_path / "run.toml"))
    assert other.config() == config
    other.shutdown()
    panel.shutdown()


def test_training_gets_the_cpu_threads_and_the_window_uses_one(qtbot, window, monkeypatch):
    """Every thread that runs PyTorch keeps its own OpenMP team; extra teams slow training down."""
    import torch

    from torchdesk.core import session
    from torchdesk.core.events import BatchEnd
    from torchdesk.core.threads import training_threads

    from torchdesk.core.thread_tuner import ThreadsChosen

    seen, chosen = [], []
    original = session.build_run

    def build_run(config, registry=None, listeners=(), **kwargs):
        def record(event):
            if isinstance(event, BatchEnd):
                seen.append(torch.get_num_threads())  # on the training thread
            elif isinstance(event, ThreadsChosen):
                chosen.append(event.threads)
        return original(config, registry, listeners=(*listeners, record), **kwargs)

    monkeypatch.setattr(session, "build_run", build_run)
    panel = window.panels["train"]
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    # The run measures which count trains fastest here (issue 18): up to all of the machine's threads.
    assert chosen and seen and all(1 <= count <= training_threads() for count in seen)
    assert torch.get_num_threads() == 1  # the GUI thread's tensors are small
    assert window.device_label.text() == f"CPU · {training_threads()} threads"


def _click_cell(qtbot, view, true: int, predicted: int) -> None:
    """Click the middle of one confusion-matrix cell with the mouse."""
    from PySide6.QtCore import QPointF, Qt

    scene_point = view.getPlotItem().vb.mapViewToScene(QPointF(predicted + 0.5, true + 0.5))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_point))


def test_a_confusion_cell_click_opens_exactly_the_test_samples_the_model_got_that_way(qtbot, window):
    """The predictions come from the run's TestBatchEnd events; checked against the model itself."""
    import torch

    panel = window.panels["train"]
    requests = []
    window.state.panel_requested.connect(lambda pid, kw: requests.append((pid, kw)))
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    run = window.state.run
    run.model.eval()
    with torch.no_grad():
        batches = [(run.model(x).argmax(1).cpu(), y.cpu()) for x, y in run.data.test_batches]
    predicted = torch.cat([p for p, _ in batches]).numpy()
    true = torch.cat([t for _, t in batches]).numpy()
    matrix = panel.plots.confusion.matrix
    off_diagonal = matrix - np.diag(np.diag(matrix))
    cells = [np.unravel_index(np.argmax(matrix), matrix.shape)]
    if off_diagonal.any():
        cells.append(np.unravel_index(np.argmax(off_diagonal), matrix.shape))
    for t, p in cells:
        _click_cell(qtbot, panel.plots.confusion, int(t), int(p))
        pid, kwargs = requests[-1]
        assert pid == "data" and kwargs["split"] == "test" and kwargs["dataset"] == "mnist"
        assert kwargs["indices"] == np.nonzero((true == t) & (predicted == p))[0].tolist()
        assert len(kwargs["indices"]) == matrix[t, p] > 0
        assert kwargs["true"] == panel.plots.confusion.class_names[t]
        assert kwargs["predicted"] == panel.plots.confusion.class_names[p]
    window.state.panel_requested.disconnect()


def test_training_runs_as_a_training_task_that_holds_the_cpu_budget(qtbot, window, mnist_root):
    from torchdesk.core.threads import cpu_budget
    from torchdesk.desktop.tasks import Cpu

    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=200))
    assert not cpu_budget.training_active
    active = []
    window.state.training_changed.connect(active.append)
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.plots.point_count > 2, timeout=60_000)
    tasks = window.state.tasks.running()
    assert [t.cpu for t in tasks] == [Cpu.TRAINING] and tasks[0] is panel.controller.task
    assert cpu_budget.training_active and window.state.training_active
    assert window.state.run is panel.run and panel.run is not None
    click(qtbot, panel.stop_button)
    wait_idle(qtbot, panel)
    assert not cpu_budget.training_active and not window.state.training_active
    assert active == [True, False]
    assert window.state.tasks.running() == []
    assert window.state.run is panel.run  # kept after the run, for saving


def test_closing_while_paused_joins_every_thread(qtbot, window, mnist_root):
    from torchdesk.core.threads import cpu_budget

    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=200))
    click(qtbot, panel.start_button)
    qtbot.waitUntil(lambda: panel.plots.point_count > 2, timeout=60_000)
    click(qtbot, panel.pause_button)
    qtbot.waitUntil(lambda: panel.pause_button.text() == "Resume")
    task = panel.controller.task
    window.close()
    assert task.isFinished() and window.state.tasks.running() == []
    assert not cpu_budget.training_active and not panel.controller.running


def test_the_data_folder_is_the_apps(qtbot, window, mnist_root, tmp_path, monkeypatch):
    panel = window.panels["train"]
    state = window.state
    assert panel.form.data_dir_edit.text() == str(state.data_dir) == str(mnist_root)  # set_config took it
    elsewhere = tmp_path / "elsewhere"
    state.set_data_dir(elsewhere)  # chosen in another panel
    assert panel.form.data_dir_edit.text() == str(elsewhere)
    assert panel.config().data_dir == str(elsewhere)
    monkeypatch.setattr("torchdesk.desktop.panels.train.form.QFileDialog.getExistingDirectory",
                        lambda *a, **k: str(mnist_root))
    click(qtbot, panel.form.choose_folder_button)
    assert state.data_dir == mnist_root and panel.config().data_dir == str(mnist_root)
    # A run file brings its data folder with it.
    panel.export_run_file(str(tmp_path / "run.toml"))
    state.set_data_dir(elsewhere)
    panel.open_run_file(str(tmp_path / "run.toml"))
    assert state.data_dir == mnist_root and panel.form.data_dir_edit.text() == str(mnist_root)


def test_a_missing_dataset_shows_a_warning_bar_with_the_way_out(qtbot, window, tmp_path, mnist_root, monkeypatch):
    panel = window.panels["train"]
    errors = []
    window.state.error.connect(lambda message, detail: errors.append(message))
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    panel.set_config(quick_config(empty))
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    bar = panel.view.missing_bar
    assert bar.isVisible() and bar.kind == "warning"
    assert str(empty) in bar.text() and "train-images-idx3-ubyte" in bar.text()
    assert not errors  # said once, in the bar, not again in the error bar
    assert "Failed" in panel.progress.format() and panel.start_button.isEnabled()
    monkeypatch.setattr("torchdesk.desktop.panels.train.form.QFileDialog.getExistingDirectory",
                        lambda *a, **k: str(mnist_root))
    click(qtbot, bar.button("Choose folder…"))
    assert window.state.data_dir == mnist_root and panel.form.data_dir_edit.text() == str(mnist_root)
    assert not bar.isVisible()
    # Try again: the files are put into the folder, and the bar's button starts the run.
    window.state.set_data_dir(empty)
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)  # fails at once: the task's end must still be heard
    assert bar.isVisible()
    shutil.copytree(mnist_root, empty, dirs_exist_ok=True)
    click(qtbot, bar.button("Try again"))
    wait_idle(qtbot, panel)
    assert not bar.isVisible() and panel.last_accuracy is not None
    assert panel.run.config.data_dir == str(empty)


def test_resuming_a_checkpoint_with_unreadable_history_records_still_resumes(qtbot, window, mnist_root, tmp_path):
    from torchdesk.core.checkpoint import load_checkpoint, save_checkpoint
    from torchdesk.core.session import build_run

    run = build_run(quick_config(mnist_root, epochs=1))
    run.trainer.run()
    del run.trainer.history["epochs"][0]["test_loss"]  # a hand-edited or foreign checkpoint
    save_checkpoint(tmp_path / "odd.pt", run)
    panel = window.panels["train"]
    assert panel.resume_from(load_checkpoint(tmp_path / "odd.pt"))
    wait_idle(qtbot, panel)
    assert "cannot be read" in panel.log_view.toPlainText()
    assert panel.progress.format() == "Finished" and "epoch 2" in panel.view.accuracy_label.text()


def test_a_resumed_run_shows_its_last_confusion_matrix_and_accuracy_before_training(qtbot, window, mnist_root, tmp_path):
    from torchdesk.core.checkpoint import load_checkpoint, save_checkpoint

    panel = window.panels["train"]
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    matrix = panel.plots.confusion.matrix.copy()
    accuracy = panel.view.accuracy_label.text()
    path = tmp_path / "two.pt"
    save_checkpoint(path, panel.run)
    checkpoint = load_checkpoint(path)
    panel.plots.reset()
    panel.view.begin(4, checkpoint.history, checkpoint.class_names)  # what Resume shows before the data loads
    assert np.array_equal(panel.plots.confusion.matrix, matrix) and matrix.sum() > 0
    assert panel.view.accuracy_label.text() == accuracy and "epoch 2" in accuracy
