"""The Checkpoints panel's background work goes through the app's task API: scans and exports are tasks,
a live model is exported from a snapshot, closing the window joins them, and autosave survives a late join."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
import torch

from desktop_helpers import click, make_window, quick_config
from torchdesk.core.checkpoint import load_checkpoint
from torchdesk.core.events import Finished
from torchdesk.core.predictor import Predictor
from torchdesk.core.progress import Cancelled
from torchdesk.core.registry import get_registry
from torchdesk.core.session import build_run
from torchdesk.core.userdirs import checkpoints_dir
from torchdesk.desktop.panels.checkpoints import CheckpointsPanel
from torchdesk.desktop.panels.checkpoints import controller as controller_module
from torchdesk.desktop.state import AppState


@pytest.fixture
def panel(qtbot: Any) -> Any:
    state = AppState(get_registry())
    widget = CheckpointsPanel(state)
    qtbot.addWidget(widget, before_close_func=lambda w: (w.shutdown(), w.state.tasks.shutdown()))
    widget.show()
    qtbot.waitUntil(lambda: not widget.scanning(), timeout=30_000)
    yield widget
    widget.shutdown()
    state.tasks.shutdown()
    assert state.tasks.running() == []


def slow_until_cancelled(started: threading.Event) -> Any:
    """A stand-in for a long core function taking ``(…, progress, cancel)``: it runs until cancelled."""

    def work(*args: Any) -> Any:
        cancel = args[-1]
        started.set()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if cancel():
                raise Cancelled()
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    return work


def test_scans_and_exports_are_tasks_of_the_app(qtbot: Any, panel: Any, mnist_root: Path, tmp_path: Path) -> None:
    run = build_run(quick_config(mnist_root, epochs=1))
    predictor = run.predictor()
    panel.refresh()
    names = [task.name for task in panel.state.tasks.running()]
    assert "torchdesk-checkpoint-scan" in names and panel.scanning()
    qtbot.waitUntil(lambda: not panel.scanning(), timeout=30_000)
    panel.start_export(predictor, "torchscript", tmp_path / "model.ts")
    assert any(task.name.startswith("torchdesk-export") for task in panel.state.tasks.running())
    assert panel.exporting() and panel.export_box.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.exporting(), timeout=60_000)
    assert panel.last_export is not None and (tmp_path / "model.ts").exists()
    assert not panel.export_box.cancel_button.isEnabled() and panel.export_box.export_button.isEnabled()


def test_exporting_a_live_model_copies_it_and_leaves_the_training_model_alone(
        qtbot: Any, panel: Any, mnist_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = build_run(quick_config(mnist_root, epochs=1))
    run.model.train()  # as the training thread has it between test loops
    before = {k: v.clone() for k, v in run.model.state_dict().items()}
    snapshots: list[Predictor] = []
    real_snapshot = Predictor.snapshot
    monkeypatch.setattr(Predictor, "snapshot", lambda self: snapshots.append(self) or real_snapshot(self))
    panel.state.set_run(run)
    panel.state.set_training_active(True)
    panel.state.set_predictor(run.predictor())
    panel.export_box.format_combo.setCurrentIndex(panel.export_box.format_combo.findData("torchscript"))
    panel.ask_export_path = lambda suggestion: str(tmp_path / "live.ts")
    click(qtbot, panel.export_box.export_button)
    qtbot.waitUntil(lambda: not panel.exporting(), timeout=60_000)
    assert panel.last_export is not None, panel.export_box.label.text()
    assert snapshots and snapshots[0].model is run.model  # the copy was taken through Predictor.snapshot
    assert run.model.training  # the training model's mode was never switched
    assert all(torch.equal(before[k], v) for k, v in run.model.state_dict().items())
    panel.state.set_training_active(False)


def test_closing_the_window_mid_export_and_mid_scan_leaves_no_task_running(
        qtbot: Any, mnist_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot)
    window.show_panel("checkpoints")
    panel = window.panels["checkpoints"]
    qtbot.waitUntil(lambda: not panel.scanning(), timeout=30_000)
    export_started, scan_started = threading.Event(), threading.Event()
    monkeypatch.setattr(controller_module, "export_model", slow_until_cancelled(export_started))
    monkeypatch.setattr(controller_module, "scan_folder", slow_until_cancelled(scan_started))
    predictor = build_run(quick_config(mnist_root, epochs=1)).predictor()
    panel.start_export(predictor, "torchscript", tmp_path / "never.ts")
    panel.refresh()
    qtbot.waitUntil(lambda: export_started.is_set() and scan_started.is_set(), timeout=30_000)
    tasks = window.state.tasks.running()
    assert len(tasks) == 2 and panel.busy_reason()
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 10
    assert window.state.tasks.running() == []
    assert all(task.isFinished() for task in tasks)
    assert not (tmp_path / "never.ts").exists()


def test_cancel_stops_an_export_and_says_so(qtbot: Any, panel: Any, mnist_root: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    started = threading.Event()
    monkeypatch.setattr(controller_module, "export_model", slow_until_cancelled(started))
    panel.start_export(build_run(quick_config(mnist_root, epochs=1)).predictor(), "torchscript", tmp_path / "x.ts")
    qtbot.waitUntil(started.is_set, timeout=30_000)
    click(qtbot, panel.export_box.cancel_button)
    assert not panel.exporting() and panel.export_box.progress.format() == "Cancelled"
    qtbot.waitUntil(lambda: panel.state.tasks.running() == [], timeout=10_000)
    assert panel.export_box.export_button.isEnabled()


def test_a_run_the_panel_hears_of_only_after_it_ended_is_still_autosaved(qtbot: Any, panel: Any,
                                                                          mnist_root: Path) -> None:
    # A tiny run on a busy GUI thread can end before the panel hears of it (the full suite's order did that).
    run = build_run(quick_config(mnist_root, epochs=2))
    run.trainer.run()
    panel.state.set_run(run)
    panel.state.set_predictor(run.predictor())
    assert panel.autosaver is not None and panel.autosaver.run is run
    panel.state.training_event.emit(Finished(cancelled=False, epochs_done=2, history=run.trainer.history))
    stem = panel.autosaver.stem
    assert load_checkpoint(checkpoints_dir() / f"{stem}-latest.pt").epoch == 2
    assert (checkpoints_dir() / f"{stem}-best.pt").exists()
