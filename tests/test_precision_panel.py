"""The Train panel's precision control and the status bar's thread count, driven like a person."""

from __future__ import annotations

import pytest
from desktop_helpers import click, make_window, quick_config, wait_idle
from PySide6.QtCore import Qt

from torchdesk.core import precision as precision_module
from torchdesk.core.events import Failed, Finished
from torchdesk.core.thread_tuner import ThreadsChosen


def choose(qtbot, combo, value: str) -> None:
    """Pick ``value`` in a combo box with the keyboard, as a person tabbing through the form would."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentData() == value:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{value!r} is not offered")


@pytest.fixture
def bf16_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precision_module, "cpu_flags", lambda: frozenset({"avx512f", "avx512_bf16"}))


@pytest.fixture
def no_bf16_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precision_module, "cpu_flags", lambda: frozenset({"avx2"}))


def test_a_new_run_starts_at_auto_and_says_what_auto_means_here(qtbot, bf16_cpu) -> None:
    window = make_window(qtbot)
    combo = window.panels["train"].form.precision_combo
    assert combo.currentData() == "auto"
    assert combo.currentText() == "Auto (bf16 here)"
    assert [combo.itemData(i) for i in range(combo.count())] == ["auto", "fp32", "bf16", "fp16"]
    assert "checkpoints" in combo.toolTip()


def test_a_bf16_run_from_the_panel_logs_its_precision_and_the_status_bar_shows_its_threads(
        qtbot, bf16_cpu, mnist_root) -> None:
    window = make_window(qtbot)
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=1))
    choose(qtbot, panel.form.precision_combo, "bf16")
    assert panel.config().precision == "bf16"
    status_while_training: list[str] = []
    ends: list[object] = []

    def hear(event: object) -> None:  # connected after the window's own slot: sees the label it set
        if isinstance(event, ThreadsChosen):
            status_while_training.append(window.device_label.text())
        elif isinstance(event, (Finished, Failed)):
            ends.append(event)

    window.state.training_event.connect(hear)
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    assert ends and isinstance(ends[-1], Finished), getattr(ends[-1], "message", "")
    assert window.state.run.precision == "bf16"
    log = panel.view.log_view.toPlainText()
    assert "in bf16 mixed precision" in log
    assert "CPU threads:" in log and " of " in log
    assert status_while_training and status_while_training[0].startswith("CPU · training on ")
    assert window.device_label.text().startswith("CPU · ") and "training" not in window.device_label.text()


def test_bf16_on_a_cpu_without_it_fails_with_the_reason_and_keeps_the_form(qtbot, no_bf16_cpu, mnist_root) -> None:
    window = make_window(qtbot)
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=1))
    choose(qtbot, panel.form.precision_combo, "bf16")
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    assert "no native bf16" in panel.view.log_view.toPlainText()
    assert panel.form.isEnabled() and panel.form.precision_combo.currentData() == "bf16"


def test_the_precision_goes_into_an_exported_run_file_and_back(qtbot, mnist_root, tmp_path, monkeypatch) -> None:
    window = make_window(qtbot)
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root))
    choose(qtbot, panel.form.precision_combo, "fp32")
    target = tmp_path / "run.toml"
    monkeypatch.setattr("torchdesk.desktop.panels.train.panel.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    click(qtbot, panel.form.export_run_button)
    assert 'precision = "fp32"' in target.read_text()
    choose(qtbot, panel.form.precision_combo, "auto")
    panel.open_run_file(str(target))
    assert panel.form.precision_combo.currentData() == "fp32"


def test_a_heavy_task_counts_as_other_work_while_it_runs(qtbot) -> None:
    from torchdesk.core.threads import cpu_budget
    from torchdesk.desktop.tasks import Cpu, TaskManager

    manager = TaskManager()
    seen: list[int] = []
    for cpu in (Cpu.HEAVY, Cpu.LIGHT):
        task = manager.start(lambda state: seen.append(cpu_budget.other_work_running()), f"probe {cpu.value}", cpu)
        task.wait(30_000)
    manager.shutdown()
    assert seen == [1, 0]
    assert cpu_budget.other_work_running() == 0


def test_picking_the_mlp_brings_its_batch_and_rate_unless_the_person_set_others(qtbot) -> None:
    window = make_window(qtbot)
    form = window.panels["train"].form
    assert (form.batch_spin.value(), form.lr_spin.value()) == (64, pytest.approx(1e-3))
    choose(qtbot, form.model_picker.combo, "mlp")
    assert (form.batch_spin.value(), form.lr_spin.value()) == (256, pytest.approx(3e-3))
    choose(qtbot, form.model_picker.combo, "cnn")
    assert (form.batch_spin.value(), form.lr_spin.value()) == (64, pytest.approx(1e-3))
    form.batch_spin.setFocus()
    form.batch_spin.selectAll()
    qtbot.keyClicks(form.batch_spin, "100")
    qtbot.keyClick(form.batch_spin, Qt.Key.Key_Tab)
    assert form.batch_spin.value() == 100
    choose(qtbot, form.model_picker.combo, "mlp")
    assert (form.batch_spin.value(), form.lr_spin.value()) == (100, pytest.approx(1e-3))
