"""The Data panel as part of one app: the shared data folder, the compatibility check, the CPU budget and
closing mid-task."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
import torch
from PySide6.QtCore import QSettings, Qt

from datagen import write_mnist_like
from dataview_helpers import BandClassifier, band_predictor, make_panel, running_task_names, wait_opened, wait_quiet
from torchdesk.core.compatibility import Fit
from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import PluginRegistry
from torchdesk.desktop.dataview.thumbnails import PREDICTED_ROLE, VERDICT_ROLE
from torchdesk.desktop.panels.data import AUTO_PREDICT_LIMIT, predicts_on_its_own
from torchdesk.desktop.tasks import Cpu
from torchdesk.plugins.datasets import FASHION_CLASSES


def fashion_predictor() -> Predictor:
    """A tiny model that says it was trained on Fashion-MNIST: ten classes, but not MNIST's."""
    return Predictor(model=BandClassifier(swap=None), class_names=list(FASHION_CLASSES), input_shape=(1, 28, 28),
                     source="clothes model (test)", dataset_id="fashion-mnist")


def predict_tasks(panel: Any) -> list[str]:
    return [name for name in running_task_names(panel.state) if "predict" in name]


def test_an_incompatible_model_predicts_nothing_until_asked_and_then_only_by_its_own_names(
        qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    panel.state.set_predictor(fashion_predictor())
    panel.select_dataset("mnist", train=False, folder=str(mnist_root))  # 200 samples: cheap enough
    wait_opened(qtbot, panel)
    assert panel.is_loaded(), panel.banner_text()
    assert predict_tasks(panel) == [] and panel.predict_task.task is None  # no prediction job was started
    bar = panel.browser.fit_bar
    assert bar.isVisible() and bar.kind == "warning"
    assert "trained on Fashion-MNIST" in bar.text() and "not run on this split" in bar.text()
    assert not panel.browser.predict_button.isEnabled()
    wait_quiet(qtbot, panel)
    assert panel.predictions is None and "% right" not in panel.browser.model_label.text()

    qtbot.mouseClick(bar.button("Predict anyway"), Qt.MouseButton.LeftButton)
    assert panel.predict_task.task is not None and panel.predict_task.task.name == "predict split"
    wait_quiet(qtbot, panel)
    assert panel.predictions is not None and not panel.verdicts.judged()
    first = panel.browser.grid.model().index(0, 0)
    assert first.data(PREDICTED_ROLE) in FASHION_CLASSES  # the model's own answer, never an MNIST digit name
    assert first.data(VERDICT_ROLE) is None  # and never called right or wrong
    assert "% right" not in panel.browser.model_label.text() and "predicted anyway" in panel.browser.model_label.text()
    assert "Predicted anyway on request" in bar.text() and bar.button("Predict anyway") is None
    assert not panel.browser.misclassified_check.isEnabled()
    assert "made for other data" in panel.inspector.header.text()


def test_a_fitting_model_predicts_a_small_split_at_once_and_a_large_one_on_request(
        qtbot: Any, mnist_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert predicts_on_its_own(Fit(True), AUTO_PREDICT_LIMIT)
    assert not predicts_on_its_own(Fit(True), AUTO_PREDICT_LIMIT + 1)
    assert not predicts_on_its_own(Fit(False, "other classes"), 10)
    monkeypatch.setattr("torchdesk.desktop.panels.data.verdicts.AUTO_PREDICT_LIMIT", 300)
    panel = make_panel(qtbot)
    panel.state.set_predictor(band_predictor())
    panel.select_dataset("mnist", train=True, folder=str(mnist_root))  # 600 samples: more than the limit
    wait_opened(qtbot, panel)
    assert predict_tasks(panel) == [] and panel.predict_task.task is None
    button = panel.browser.predict_button
    assert button.isEnabled() and button.text() == "Predict all 600" and "600 samples" in button.toolTip()
    assert not panel.browser.fit_bar.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_quiet(qtbot, panel)
    assert panel.verdicts.judged() and "80.0% right" in panel.browser.model_label.text()

    panel.source_bar.split_combo.setCurrentIndex(1)  # the test split: 200 samples, predicted at once
    wait_opened(qtbot, panel)
    wait_quiet(qtbot, panel)
    assert panel.verdicts.judged() and len(panel.predictions.labels) == 200


def test_statistics_run_on_one_thread_while_a_training_run_holds_the_cpu(qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    panel.select_dataset("mnist", train=True, folder=str(mnist_root))
    wait_opened(qtbot, panel)
    wait_quiet(qtbot, panel)

    holding, stop = threading.Event(), threading.Event()

    def train(task: Any) -> float:
        """A real little training loop that runs until told to stop."""
        model = torch.nn.Linear(784, 10)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
        x, y = torch.randn(256, 784), torch.randint(0, 10, (256,))
        holding.set()
        loss = torch.tensor(0.0)
        while not stop.is_set() and not task.cancelled():
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            time.sleep(0.002)  # leave the shared test machine some CPU: the budget is what is tested
        return float(loss.detach())

    results: list[float] = []
    training = panel.state.tasks.start(train, "training", Cpu.TRAINING)
    training.succeeded.connect(results.append)
    try:
        qtbot.waitUntil(holding.is_set, timeout=10_000)
        panel.source_bar.split_combo.setCurrentIndex(1)  # re-opening measures the statistics again
        wait_opened(qtbot, panel)
        label = panel.stats_page.stats_label
        qtbot.waitUntil(lambda: panel.stats is not None or "could not" in label.text(), timeout=60_000)
        assert panel.stats is not None, label.text()
    finally:
        stop.set()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    training.wait()
    assert panel.stats.samples == 200 and "Measured on the test split" in panel.stats_page.stats_label.text()
    assert panel.stats_task.task.threads_used == 1


def test_the_data_folder_set_anywhere_is_what_the_panel_opens(qtbot: Any, mnist_root: Path, tmp_path: Path) -> None:
    panel = make_panel(qtbot)
    panel.select_dataset("mnist", train=True)
    wait_opened(qtbot, panel)
    assert "MNIST was not found" in panel.banner_text()  # nothing in the default folder

    panel.state.set_data_dir(mnist_root)  # what the Train panel's folder choice does
    wait_opened(qtbot, panel)
    assert panel.is_loaded() and panel.banner_text() == ""
    assert panel.source_bar.folder_edit.text() == str(mnist_root)
    wait_quiet(qtbot, panel)

    panel.hide()  # a hidden panel does no work: it re-opens when shown again
    opens: list[bool] = []
    panel.chooser.opening.connect(lambda: opens.append(True))
    other = write_mnist_like(tmp_path / "elsewhere", "mnist", n_train=50, n_test=20)
    panel.state.set_data_dir(other)
    assert running_task_names(panel.state) == [] and not opens
    assert panel.source_bar.folder_edit.text() == str(other)
    panel.show()
    qtbot.waitUntil(lambda: bool(opens), timeout=5_000)
    wait_opened(qtbot, panel)
    assert len(panel.opened.source) == 50
    assert panel.is_loaded() and panel.banner_text() == ""
    wait_quiet(qtbot, panel)


def test_choose_folder_sets_the_apps_data_folder(qtbot: Any, mnist_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    panel = make_panel(qtbot)
    panel.select_dataset("mnist", train=False)
    wait_opened(qtbot, panel)
    heard: list[str] = []
    panel.state.data_dir_changed.connect(heard.append)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(mnist_root / "MNIST" / "raw"))
    qtbot.mouseClick(panel.source_bar.choose_button, Qt.MouseButton.LeftButton)
    assert heard == [str(mnist_root)] and panel.state.data_dir == mnist_root
    wait_opened(qtbot, panel)
    assert panel.is_loaded()
    wait_quiet(qtbot, panel)


def test_closing_the_window_mid_task_leaves_no_task_running(qtbot: Any, mnist_root: Path, tmp_path: Path) -> None:
    from torchdesk.desktop.main_window import MainWindow
    from torchdesk.desktop.state import AppState

    state = AppState(PluginRegistry().load_entry_points())
    settings = QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat)
    window = MainWindow(state=state, settings=settings, persist=False)
    window.confirm_interrupt = lambda reasons: True
    qtbot.addWidget(window)
    window.show()
    window.show_panel("data")
    panel = window.panels["data"]
    state.set_predictor(band_predictor())
    panel.select_dataset("mnist", train=False, folder=str(mnist_root))
    assert "open dataset" in running_task_names(state)
    qtbot.waitUntil(lambda: panel.is_loaded() or bool(panel.open_error), timeout=30_000)
    assert window.close()
    assert state.tasks.running() == []
    assert not any(task.isRunning() for task in (panel.open_task.task, panel.stats_task.task,
                                                 panel.predict_task.task) if task is not None)
