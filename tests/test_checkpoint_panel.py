"""The Checkpoints panel driven like a person: save, list, load, resume, autosave, export, odd and hostile files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import torch
from PySide6.QtCore import Qt

import hostile_files
from desktop_helpers import click, make_window, quick_config, wait_idle
from torchdesk.core.checkpoint import Checkpoint, load_checkpoint, save_checkpoint
from torchdesk.core.session import build_run
from torchdesk.core.userdirs import checkpoints_dir
from torchdesk.plugins.models import build_mlp


class Evil(torch.nn.Module):
    """A whole model whose unpickling would create a marker file."""

    marker = ""

    def __reduce__(self):  # noqa: D105
        return (open, (self.marker, "w"))


@pytest.fixture
def window(qtbot: Any) -> Any:
    return make_window(qtbot)


def panel_of(window: Any) -> Any:
    window.show_panel("checkpoints")
    panel = window.panels["checkpoints"]
    return panel


def wait_listed(qtbot: Any, panel: Any, *names: str) -> None:
    qtbot.waitUntil(lambda: not panel.scanning() and {r.name for r in panel.rows()} >= set(names), timeout=30_000)


def train_in_window(qtbot: Any, window: Any, root: Path, epochs: int = 2, **changes: Any) -> Any:
    train = window.panels["train"]
    train.set_config(quick_config(root, epochs=epochs, **changes))
    click(qtbot, train.start_button)
    wait_idle(qtbot, train)
    return train


def test_training_autosaves_then_save_list_load_and_resume(qtbot: Any, window: Any, mnist_root: Path,
                                                           tmp_path: Path) -> None:
    panel = panel_of(window)
    assert not panel.browser.save_button.isEnabled()  # nothing to save yet
    train = train_in_window(qtbot, window, mnist_root, epochs=2)
    history = window.state.run.trainer.history["epochs"]
    assert len(history) == 2
    folder = checkpoints_dir()
    stem = panel.autosaver.stem
    window.show_panel("checkpoints")  # a hidden panel re-reads its folder when shown
    wait_listed(qtbot, panel, f"{stem}-latest.pt", f"{stem}-best.pt")
    assert load_checkpoint(folder / f"{stem}-latest.pt").epoch == 2
    best_epoch = max(history, key=lambda e: e["test_accuracy"])["epoch"]
    assert load_checkpoint(folder / f"{stem}-best.pt").epoch == best_epoch

    # File → Save checkpoint… (Ctrl+S) asks where, then writes the run.
    target = folder / "my-run.pt"
    asked = []
    panel.ask_save_path = lambda suggestion: asked.append(suggestion) or str(target)
    window.save_checkpoint_action.trigger()
    assert asked and asked[0].endswith("mlp-mnist-epoch2.pt")
    assert "Saved" in panel.message() and target.exists()
    wait_listed(qtbot, panel, "my-run.pt")
    row = next(r for r in panel.rows() if r.name == "my-run.pt")
    assert (row.model, row.dataset, row.epoch) == ("mlp", "mnist", 2)
    assert abs(row.test_accuracy - history[-1]["test_accuracy"]) < 1e-9
    assert len(panel.browser.preview.accuracy_curve.getData()[0]) in (0, 2)

    # Sorting by test accuracy and by size works on the real values.
    panel.browser.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    sizes = [r.size for r in panel.rows()]
    assert sizes == sorted(sizes)

    # Load: the model is the app's current model at once, and the panels hear about it.
    loaded: list[Any] = []
    window.state.checkpoint_loaded.connect(loaded.append)
    assert panel.select_path(target)
    assert len(panel.browser.preview.accuracy_curve.getData()[0]) == 2
    click(qtbot, panel.browser.load_button)
    assert loaded and isinstance(loaded[0], Checkpoint) and loaded[0].path == target
    predictor = window.state.predictor
    assert predictor.source == "checkpoint my-run.pt"
    assert torch.equal(predictor.model.state_dict()["linear_relu_stack.0.weight"],
                       window.state.run.model.state_dict()["linear_relu_stack.0.weight"].cpu())

    # Resume training: the Train panel continues the run; epochs, optimizer and curves go on.
    assert panel.select_path(target)
    click(qtbot, panel.browser.resume_button)
    assert window.current_panel_id() == "train"
    wait_idle(qtbot, train)
    resumed = window.state.run.trainer.history["epochs"]
    assert [e["epoch"] for e in resumed] == [1, 2, 3, 4]
    def measured(records: list[dict]) -> list[tuple]:
        return [(r["epoch"], r["train_loss"], r["test_loss"], r["test_accuracy"]) for r in records]

    assert measured(resumed[:2]) == measured(history)
    assert len(train.plots.test_accuracy) == 4
    # The resumed run autosaves under a new name with all four epochs.
    new_stem = panel.autosaver.stem
    qtbot.waitUntil(lambda: (folder / f"{new_stem}-latest.pt").exists(), timeout=30_000)
    assert load_checkpoint(folder / f"{new_stem}-latest.pt").epoch == 4


def test_autosave_settings_and_folder_persist(qtbot: Any, window: Any, mnist_root: Path, tmp_path: Path) -> None:
    panel = panel_of(window)
    other = tmp_path / "elsewhere"
    other.mkdir()
    panel.ask_folder = lambda: str(other)
    click(qtbot, panel.browser.change_folder_button)
    assert panel.folder == other and panel.browser.folder_edit.text() == str(other)
    panel.autosave_box.autosave_check.setChecked(False)
    train_in_window(qtbot, window, mnist_root, epochs=2)
    qtbot.waitUntil(lambda: any(p.name.endswith("-best.pt") for p in other.iterdir()), timeout=30_000)
    assert not any(p.name.endswith("-latest.pt") for p in other.iterdir())
    window.save_settings()
    from torchdesk.desktop.main_window import MainWindow

    again = MainWindow(settings=window.settings)
    qtbot.addWidget(again, before_close_func=lambda w: w.shutdown())
    restored = again.panels["checkpoints"]
    assert restored.folder == other and not restored.autosave_box.autosave_check.isChecked()
    assert restored.autosave_box.keep_best_check.isChecked()


def test_a_walkthrough_state_dict_loads_into_the_chosen_model(qtbot: Any, window: Any, tmp_path: Path) -> None:
    panel = panel_of(window)
    torch.manual_seed(0)
    model = build_mlp((1, 28, 28), 10)  # the walkthrough's NeuralNetwork: 784-512-512-10
    torch.save(model.state_dict(), tmp_path / "model_weights.pth")
    seen: dict[str, Any] = {}

    def choose_wrong_then_right(dialog: Any) -> bool:
        seen["guessed"] = dialog.model_picker.combo.currentData()
        dialog.choose("mlp", "fashion-mnist", {"hidden": 64})
        click(qtbot, dialog.load_button)
        seen["problems"] = dialog.problems.toPlainText()
        assert dialog.isVisible() or dialog.result() == 0  # still open for another choice
        dialog.choose("mlp", "fashion-mnist", {"hidden": 512})
        click(qtbot, dialog.load_button)
        return dialog.result() == dialog.DialogCode.Accepted

    panel.run_dialog = choose_wrong_then_right
    panel.open_path(tmp_path / "model_weights.pth")
    assert seen["guessed"] == "mlp"
    assert "Different shapes (5)" in seen["problems"]
    assert "linear_relu_stack.0.weight (file (512, 784), model (64, 784))" in seen["problems"]
    predictor = window.state.predictor
    assert predictor is not None and predictor.class_names[0] == "T-shirt/top"
    x = torch.rand(2, 1, 28, 28)
    assert torch.allclose(predictor.probabilities(x), torch.softmax(model.eval()(x), 1), atol=1e-6)

    # The loaded weights can be saved as a full torchdesk checkpoint (ToTensor only, like the walkthrough).
    assert panel.save_to(tmp_path / "converted.pt")
    converted = load_checkpoint(tmp_path / "converted.pt")
    assert converted.config.model.id == "mlp" and converted.config.transforms == ()

    panel.run_dialog = lambda dialog: False  # Cancel
    assert not panel.open_path(tmp_path / "model_weights.pth")
    assert "was not loaded" in panel.message()


def test_a_whole_pickled_model_needs_explicit_trust(qtbot: Any, window: Any, tmp_path: Path) -> None:
    panel = panel_of(window)
    Evil.marker = str(tmp_path / "ran")
    torch.save(Evil(), tmp_path / "evil_model.pth")
    torch.manual_seed(0)
    good = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 10))
    torch.save(good, tmp_path / "model.pth")
    asked: list[str] = []
    panel.confirm_trust = lambda path, detail: asked.append(path.name) or False
    for name in ("evil_model.pth", "model.pth"):
        assert not panel.open_path(tmp_path / name)
        assert "could run code" in panel.message() and "Nothing in it ran" in panel.message()
    assert asked == ["evil_model.pth", "model.pth"]
    assert not (tmp_path / "ran").exists() and window.state.predictor is None

    panel.confirm_trust = lambda path, detail: True
    panel.run_dialog = lambda dialog: dialog.dataset_combo.setCurrentIndex(
        dialog.dataset_combo.findData("mnist")) or True
    assert panel.open_path(tmp_path / "model.pth")
    predictor = window.state.predictor
    assert predictor.source == "whole model model.pth" and len(predictor.class_names) == 10
    assert torch.equal(predictor.model[1].weight, good[1].weight)


def test_hostile_files_in_the_panel_run_nothing_and_say_why(qtbot: Any, window: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    panel = panel_of(window)
    files = hostile_files.make_all(tmp_path / "files", tmp_path / "markers")
    monkeypatch.syspath_prepend(str(tmp_path / "files"))
    panel.confirm_trust = lambda path, detail: False
    panel.set_folder(tmp_path / "files")
    wait_listed(qtbot, panel, *(p.name for p in files.values()))
    for name, path in files.items():
        assert panel.select_path(path)
        if panel.browser.load_button.isEnabled():
            click(qtbot, panel.browser.load_button)
        else:
            panel.open_path(path)
        assert panel.message(), name
        assert window.state.predictor is None
    assert list((tmp_path / "markers").iterdir()) == []
    assert not (tmp_path / "escaped.txt").exists()
    assert "cannot be opened safely" in panel.browser.scan_label.text()


def test_odd_files_get_clear_messages(qtbot: Any, window: Any, mnist_root: Path, tmp_path: Path) -> None:
    panel = panel_of(window)
    run = build_run(quick_config(mnist_root, epochs=1))
    data = save_checkpoint(tmp_path / "good.pt", run).read_bytes()
    (tmp_path / "cut.pt").write_bytes(data[: len(data) // 3])
    (tmp_path / "text.pt").write_text("not a checkpoint")
    (tmp_path / "empty.pt").write_bytes(b"")
    torch.save([1, 2, 3], tmp_path / "list.pt")
    newer = run.checkpoint_payload()
    newer["format_version"] = 99
    save_checkpoint(tmp_path / "newer.pt", payload=newer)
    plugin = run.checkpoint_payload()
    plugin["config"]["model"]["id"] = "acme.supernet"
    plugin["plugins"]["model"] = {"id": "acme.supernet", "plugin": "acme", "distribution": "acme-models",
                                  "version": "1.2"}
    save_checkpoint(tmp_path / "plugin.pt", payload=plugin)
    expected = {"cut.pt": "truncated", "text.pt": "not a PyTorch file", "empty.pt": "empty",
                "list.pt": "not a checkpoint", "newer.pt": "newer torchdesk", "plugin.pt": "pip install acme-models",
                "missing.pt": "does not exist"}
    for name, text in expected.items():
        assert not panel.open_path(tmp_path / name)
        assert text in panel.message(), (name, panel.message())
    assert window.state.predictor is None


def test_export_from_the_panel_runs_off_the_gui_thread_and_is_verified(qtbot: Any, window: Any, mnist_root: Path,
                                                                         tmp_path: Path) -> None:
    panel = panel_of(window)
    run = build_run(quick_config(mnist_root, epochs=1))
    run.trainer.run()
    save_checkpoint(checkpoints_dir() / "run.pt", run)
    panel.refresh()
    wait_listed(qtbot, panel, "run.pt")
    assert panel.select_path(checkpoints_dir() / "run.pt")
    for format_id in ("safetensors", "pt2"):
        panel.export_box.format_combo.setCurrentIndex(panel.export_box.format_combo.findData(format_id))
        target = tmp_path / f"exported{'.safetensors' if format_id == 'safetensors' else '.pt2'}"
        panel.ask_export_path = lambda suggestion, t=target: str(t)
        click(qtbot, panel.export_box.export_button)
        qtbot.waitUntil(lambda: not panel.exporting(), timeout=60_000)
        result = panel.last_export
        assert result is not None and result.path == target and target.exists(), panel.export_box.label.text()
        assert result.max_abs_diff <= 1e-4
        assert "verified on 8 samples" in panel.export_box.label.text()
        assert panel.export_box.progress.value() == panel.export_box.progress.maximum()


def test_main_window_open_action_and_focus_with(qtbot: Any, window: Any, mnist_root: Path, tmp_path: Path) -> None:
    panel = panel_of(window)
    run = build_run(quick_config(mnist_root, epochs=1))
    path = save_checkpoint(tmp_path / "run.pt", run)
    panel.ask_open_path = lambda: str(path)
    window.show_panel("train")
    window.open_checkpoint_action.trigger()
    assert window.current_panel_id() == "checkpoints"
    assert window.state.checkpoint is not None and window.state.checkpoint.path == path
    window.state.set_predictor(None)
    window.state.request_panel("checkpoints", path=str(path))
    assert window.state.predictor is not None
    panel.ask_save_path = lambda suggestion: ""
    window.state.request_panel("checkpoints", action="save")  # cancelled: nothing written
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pt") == ["run.pt"]
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_saving_while_training_writes_the_last_epoch_end(qtbot: Any, window: Any, mnist_root: Path,
                                                         tmp_path: Path) -> None:
    panel = panel_of(window)
    panel.autosave_box.autosave_check.setChecked(False)
    panel.autosave_box.keep_best_check.setChecked(False)
    train = window.panels["train"]
    train.set_config(quick_config(mnist_root, epochs=200))
    click(qtbot, train.start_button)
    qtbot.waitUntil(lambda: window.state.run is not None and window.state.training_active, timeout=60_000)
    qtbot.waitUntil(lambda: panel.autosaver is not None and panel.autosaver.snapshot is not None, timeout=60_000)
    assert panel.save_to(tmp_path / "during.pt")
    assert "training goes on" in panel.message()
    saved = load_checkpoint(tmp_path / "during.pt")
    assert saved.epoch >= 1 and len(saved.history["epochs"]) == saved.epoch  # a consistent epoch end
    click(qtbot, train.stop_button)
    wait_idle(qtbot, train)
    assert not any(checkpoints_dir().glob("*.pt"))  # autosave was off


WALKTHROUGH_SAVE = """
import sys, torch
from torch import nn
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(nn.Linear(28 * 28, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(),
                                               nn.Linear(512, 10))
    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))
class Custom(nn.Module):
    def forward(self, x):
        return x
torch.manual_seed(0)
model = NeuralNetwork()
torch.save(model, sys.argv[1] + "/model.pth")
torch.save(Custom(), sys.argv[1] + "/custom.pth")
x = torch.rand(3, 1, 28, 28)
torch.save({"x": x, "y": model(x).detach()}, sys.argv[1] + "/expected.pt")
"""


def test_the_walkthroughs_model_pth_opens_after_trust(qtbot: Any, window: Any, tmp_path: Path) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", WALKTHROUGH_SAVE, str(tmp_path)], check=True, timeout=120)
    panel = panel_of(window)
    panel.confirm_trust = lambda path, detail: True
    panel.run_dialog = lambda dialog: True  # Fashion-MNIST, the walkthrough's data, is preselected
    assert panel.open_path(tmp_path / "model.pth")
    expected = torch.load(tmp_path / "expected.pt", weights_only=True)
    predictor = window.state.predictor
    assert predictor.class_names[9] == "Ankle boot"
    with torch.no_grad():
        assert torch.allclose(predictor.model(expected["x"]), expected["y"], atol=1e-6)
    # A whole model of a class only its own script knows cannot open anywhere else: say so and what to do.
    assert not panel.open_path(tmp_path / "custom.pth")
    assert "torch.save(model.state_dict()" in panel.message()


def test_save_dialog_refuses_before_asking_and_builds_the_payload_once(
        qtbot: Any, window: Any, mnist_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = panel_of(window)
    asked: list[str] = []
    panel.ask_save_path = lambda suggestion: asked.append(suggestion) or str(tmp_path / "saved.pt")
    panel.save_dialog()
    assert not asked and "no model to save" in panel.message()  # refused before the dialog
    run = build_run(quick_config(mnist_root, epochs=1))
    built: list[int] = []
    real_payload = type(run).checkpoint_payload
    monkeypatch.setattr(type(run), "checkpoint_payload", lambda self, *a, **k: built.append(1) or real_payload(self))
    window.state.set_run(run)
    window.state.set_predictor(run.predictor())
    panel.save_dialog()
    assert len(asked) == 1 and len(built) == 1  # the check copied nothing; the save built it once
    assert load_checkpoint(tmp_path / "saved.pt").config.model.id == run.config.model.id
