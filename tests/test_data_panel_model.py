"""With a model: right/wrong marks, the misclassified filter, and the confusion-matrix link."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from PySide6.QtCore import QSettings, Qt

from dataview_helpers import band_predictor, make_panel, wait_opened, wait_quiet
from torchdesk.core.registry import PluginRegistry
from torchdesk.desktop.dataview.thumbnails import PREDICTED_ROLE, VERDICT_ROLE


def open_mnist(qtbot: Any, panel: Any, root: Path, train: bool = True) -> None:
    panel.select_dataset("mnist", train=train, folder=str(root))
    wait_opened(qtbot, panel)
    assert panel.is_loaded(), panel.banner_text()
    wait_quiet(qtbot, panel)


def test_thumbnails_are_marked_and_the_misclassified_filter_sorts_by_confidence(qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    open_mnist(qtbot, panel, mnist_root)
    assert not panel.browser.misclassified_check.isEnabled()
    assert "No model loaded" in panel.browser.model_label.text()

    panel.state.set_predictor(band_predictor(swap=(3, 5)))  # takes every 3 for a 5 and back
    wait_quiet(qtbot, panel)
    assert panel.predictions is not None
    assert "80.0% right" in panel.browser.model_label.text() and "120 wrong" in panel.browser.model_label.text()
    labels = panel.opened.labels
    model = panel.browser.grid.model()
    for row in range(20):
        index = model.index(row, 0)
        true = int(labels[panel.browser.grid.thumb_model.dataset_index(row)])
        assert index.data(VERDICT_ROLE) is (true not in (3, 5))
        assert index.data(PREDICTED_ROLE) == {3: "5", 5: "3"}.get(true, str(true))
        if true == 3:
            assert index.data(Qt.ItemDataRole.ToolTipRole).startswith(f"#{panel.browser.grid.thumb_model.dataset_index(row)}  label: 3\npredicted: 5")

    assert panel.browser.misclassified_check.isEnabled()
    qtbot.mouseClick(panel.browser.misclassified_check, Qt.MouseButton.LeftButton)
    shown = panel.shown_indices()
    assert len(shown) == 120 and set(labels[shown].tolist()) == {3, 5}
    confidence = panel.predictions.confidence[shown]
    assert torch.all(confidence[:-1] >= confidence[1:])
    assert "most confident first" in panel.browser.count_label.text()
    assert "model says 3" in panel.inspector.header.text() or "model says 5" in panel.inspector.header.text()

    qtbot.keyClicks(panel.browser.class_filter, "5")  # combine with the class filter
    assert set(labels[panel.shown_indices()].tolist()) == {5} and len(panel.shown_indices()) == 60

    panel.state.set_predictor(None)
    assert panel.predictions is None and not panel.browser.misclassified_check.isEnabled()
    assert model.index(0, 0).data(VERDICT_ROLE) is None


def test_training_updates_mark_predictions_stale_until_predict(qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    open_mnist(qtbot, panel, mnist_root)
    panel.state.set_predictor(band_predictor(swap=None))
    wait_quiet(qtbot, panel)
    assert "100.0% right" in panel.browser.model_label.text()
    panel.state.model_updated.emit()
    assert "press Predict" in panel.browser.model_label.text()
    qtbot.mouseClick(panel.browser.predict_button, Qt.MouseButton.LeftButton)
    wait_quiet(qtbot, panel)
    assert "press Predict" not in panel.browser.model_label.text()


def test_focus_with_shows_exactly_the_confusion_cell_on_the_test_split(qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    open_mnist(qtbot, panel, mnist_root, train=True)
    picked = [4, 17, 33, 150]
    panel.focus_with(indices=picked, true=3, predicted=5)
    wait_opened(qtbot, panel)
    qtbot.waitUntil(lambda: panel.browser.focus_bar.isVisible())
    assert not panel.is_train_split()  # the confusion matrix is measured on the test split
    assert panel.shown_indices() == picked
    assert "4 test samples" in panel.browser.focus_bar.text() and "true 3, predicted 5" in panel.browser.focus_bar.text()
    assert panel.current_dataset_index() == 4

    qtbot.mouseClick(panel.browser.focus_bar.button("Show all"), Qt.MouseButton.LeftButton)
    assert len(panel.shown_indices()) == 200 and not panel.browser.focus_bar.isVisible()
    wait_quiet(qtbot, panel)


def test_focus_on_a_dataset_no_plugin_offers_is_dropped(qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    open_mnist(qtbot, panel, mnist_root, train=True)
    panel.focus_with(indices=[1, 2], true=3, predicted=5, dataset="no-such-dataset")
    assert "No dataset plugin offers 'no-such-dataset'" in panel.banner_text()
    panel.source_bar.split_combo.setCurrentIndex(1)  # a later open shows the whole split, not that old request
    wait_opened(qtbot, panel)
    assert len(panel.shown_indices()) == 200 and not panel.browser.focus_bar.isVisible()
    wait_quiet(qtbot, panel)


def test_focus_with_only_the_cell_uses_the_panels_own_predictions(qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    open_mnist(qtbot, panel, mnist_root, train=False)
    panel.state.set_predictor(band_predictor(swap=(3, 5)))
    wait_quiet(qtbot, panel)
    panel.focus_with(indices=[], true="3", predicted="5")  # the Train panel sends names, [] without its own list
    labels = panel.opened.labels
    assert panel.shown_indices() == torch.nonzero(labels == 3).reshape(-1).tolist()


def test_request_panel_from_the_train_panel_opens_the_viewer(qtbot: Any, mnist_root: Path, tmp_path: Path) -> None:
    from torchdesk.desktop.main_window import MainWindow
    from torchdesk.desktop.state import AppState

    state = AppState(PluginRegistry().load_entry_points())
    settings = QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat)
    window = MainWindow(state=state, settings=settings, persist=False)
    window.confirm_interrupt = lambda reasons: True
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.show()
    window.show_panel("train")
    panel = window.panels["data"]

    state.request_panel("data", indices=[1, 2, 3], true="7", predicted="1", split="test",
                        dataset="mnist", data_dir=str(mnist_root))
    assert window.current_panel_id() == "data"
    wait_opened(qtbot, panel)
    qtbot.waitUntil(lambda: panel.browser.focus_bar.isVisible())
    assert panel.data_folder() == str(mnist_root) and state.data_dir == mnist_root  # the app's one data folder
    assert panel.shown_indices() == [1, 2, 3]
    assert "true 7, predicted 1" in panel.browser.focus_bar.text()
    wait_quiet(qtbot, panel)
