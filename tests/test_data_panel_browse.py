"""The Data panel browsing datasets in their real on-disk formats, like a person would."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from datagen import write_annotations_csv, write_cifar10, write_image_folder, write_mnist_like
from dataview_helpers import make_panel, wait_opened, wait_quiet
from torchdesk.desktop.dataview.thumbnails import DATASET_INDEX_ROLE


def choose_dataset(qtbot: Any, panel: Any, dataset_id: str, folder: Path) -> None:
    """Pick the dataset in the combo box and type the folder, as a person would."""
    panel.source_bar.dataset_combo.setCurrentIndex(panel.source_bar.dataset_combo.findData(dataset_id))
    panel.source_bar.folder_edit.clear()
    qtbot.keyClicks(panel.source_bar.folder_edit, str(folder))
    qtbot.keyClick(panel.source_bar.folder_edit, Qt.Key.Key_Return)
    wait_opened(qtbot, panel)


def click_thumbnail(qtbot: Any, panel: Any, row: int) -> int:
    index = panel.browser.grid.model().index(row, 0)
    panel.browser.grid.scrollTo(index)
    qtbot.mouseClick(panel.browser.grid.viewport(), Qt.MouseButton.LeftButton, pos=panel.browser.grid.visualRect(index).center())
    return int(index.data(DATASET_INDEX_ROLE))


def test_mnist_idx_is_browsed_with_labels_chart_and_statistics(qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    choose_dataset(qtbot, panel, "mnist", mnist_root)
    assert panel.is_loaded(), panel.banner_text()
    assert panel.opened.source.resident is not None  # the fast uint8 path
    assert panel.browser.grid.model().rowCount() == 600
    assert panel.browser.grid.model().index(0, 0).data() == panel.opened.class_names[int(panel.opened.labels[0])]
    assert panel.stats_page.chart.counts == [60] * 10
    wait_quiet(qtbot, panel)
    pixels = panel.opened.source.resident.double() / 255
    assert panel.stats.mean[0] == pytest.approx(float(pixels.mean()), abs=1e-6)
    assert "mean 0.1" in panel.stats_page.stats_label.text() and "(0." not in panel.stats_page.stats_label.text()

    ds_index = click_thumbnail(qtbot, panel, 7)
    assert panel.current_dataset_index() == ds_index == 7
    assert "Sample #7" in panel.inspector.header.text()
    assert "shape (1, 28, 28)" in panel.inspector.tensor_caption.text()
    assert "float32" in panel.inspector.tensor_caption.text()

    panel.source_bar.split_combo.setCurrentIndex(1)  # the test split
    wait_opened(qtbot, panel)
    assert panel.browser.grid.model().rowCount() == 200


def test_cifar10_batches_are_browsed_in_colour(qtbot: Any, tmp_path: Path) -> None:
    root = write_cifar10(tmp_path / "data", n_train=50, n_test=20)
    panel = make_panel(qtbot)
    choose_dataset(qtbot, panel, "cifar10", root)
    assert panel.is_loaded(), panel.banner_text()
    assert panel.browser.grid.model().rowCount() == 50
    assert panel.opened.source.resident.shape[1:] == (3, 32, 32)
    assert panel.browser.class_filter.itemText(1).endswith("airplane")
    click_thumbnail(qtbot, panel, 0)
    assert "shape (3, 32, 32)" in panel.inspector.tensor_caption.text()
    wait_quiet(qtbot, panel)
    assert len(panel.stats.mean) == 3


def test_choose_folder_opens_an_image_folder(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_image_folder(tmp_path / "pets", per_class=10)
    panel = make_panel(qtbot)
    panel.source_bar.dataset_combo.setCurrentIndex(panel.source_bar.dataset_combo.findData("image-folder"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    qtbot.mouseClick(panel.source_bar.choose_button, Qt.MouseButton.LeftButton)
    wait_opened(qtbot, panel)
    assert panel.is_loaded(), panel.banner_text()
    assert panel.source_bar.folder_edit.text() == str(folder)
    assert panel.opened.class_names == ["cat", "dog", "fox"]
    assert panel.browser.grid.model().rowCount() == 24  # 80% of 30: every 5th image is the test split
    assert panel.opened.source.resident is None  # decoded from the PNGs on demand
    click_thumbnail(qtbot, panel, 3)
    assert "shape (3, 28, 28)" in panel.inspector.tensor_caption.text()
    wait_quiet(qtbot, panel)


def test_annotations_csv_with_an_image_directory(qtbot: Any, tmp_path: Path) -> None:
    write_annotations_csv(tmp_path / "custom", n=30)
    panel = make_panel(qtbot)
    choose_dataset(qtbot, panel, "annotations-csv", tmp_path / "custom")
    assert panel.is_loaded(), panel.banner_text()
    assert panel.source_bar.params_box.isVisible()  # the CSV and image folder can be set explicitly too
    assert panel.browser.grid.model().rowCount() == 24
    assert panel.stats_page.chart.counts == [8, 8, 8]
    wait_quiet(qtbot, panel)


def test_missing_dataset_offline_download_then_choose_folder(qtbot: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    empty = tmp_path / "empty"
    panel = make_panel(qtbot)
    choose_dataset(qtbot, panel, "mnist", empty)
    assert not panel.is_loaded()
    banner = panel.banner_text()
    assert f"MNIST was not found in {empty}" in banner
    assert "train-images-idx3-ubyte" in banner and "Choose folder" in banner and "Download" in banner

    qtbot.mouseClick(panel.source_bar.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.download_task.running() and "download failed" in panel.banner_text(),
                    timeout=30_000)
    assert "no network connection?" in panel.banner_text()
    assert str(empty) in panel.banner_text()
    assert not panel.source_bar.download_progress.isVisible() and panel.source_bar.download_button.isEnabled()

    data = write_mnist_like(tmp_path / "data", "mnist", n_train=100, n_test=20)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(data / "MNIST" / "raw"))
    qtbot.mouseClick(panel.source_bar.choose_button, Qt.MouseButton.LeftButton)
    wait_opened(qtbot, panel)
    assert panel.is_loaded() and panel.banner_text() == ""
    assert panel.data_folder() == str(data)  # .../MNIST/raw was understood as the data folder
    assert panel.browser.grid.model().rowCount() == 100
    wait_quiet(qtbot, panel)


def test_a_truncated_idx_file_gets_a_clear_message(qtbot: Any, tmp_path: Path) -> None:
    root = write_mnist_like(tmp_path / "data", "mnist", n_train=100, n_test=20)
    images = root / "MNIST" / "raw" / "train-images-idx3-ubyte"
    images.write_bytes(images.read_bytes()[:5000])
    panel = make_panel(qtbot)
    choose_dataset(qtbot, panel, "mnist", root)
    assert not panel.is_loaded()
    assert "could not be read" in panel.banner_text()
    assert "truncated or damaged" in panel.banner_text()


def test_a_damaged_image_file_is_marked_and_explained(qtbot: Any, tmp_path: Path) -> None:
    folder = write_image_folder(tmp_path / "pets", per_class=5)
    (folder / "cat" / "cat_0.png").write_bytes(b"this is not a png")
    panel = make_panel(qtbot)
    choose_dataset(qtbot, panel, "image-folder", folder)
    assert panel.is_loaded(), panel.banner_text()
    click_thumbnail(qtbot, panel, 0)  # cat_0 is sample 0
    assert "could not be read" in panel.inspector.header.text()
    assert "damaged" in panel.inspector.header.text()
    assert "could not read this image" in panel.browser.grid.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    wait_quiet(qtbot, panel)
    assert "could not be measured" in panel.stats_page.stats_label.text() and "Sample 0" in panel.stats_page.stats_label.text()
    click_thumbnail(qtbot, panel, 1)  # the rest still works
    assert "shape (3, 28, 28)" in panel.inspector.tensor_caption.text()


def test_class_filter_jump_and_zoom(qtbot: Any, mnist_root: Path) -> None:
    panel = make_panel(qtbot)
    choose_dataset(qtbot, panel, "mnist", mnist_root)
    qtbot.keyClicks(panel.browser.class_filter, "3")
    assert panel.browser.class_filter.currentData() == 3
    shown = panel.shown_indices()
    assert len(shown) == 60 and all(int(panel.opened.labels[i]) == 3 for i in shown)
    assert panel.browser.count_label.text().startswith("60 of 600")

    four = next(i for i in range(600) if int(panel.opened.labels[i]) == 4)
    panel.browser.jump_spin.clear()
    qtbot.keyClicks(panel.browser.jump_spin, str(four))
    qtbot.mouseClick(panel.browser.jump_button, Qt.MouseButton.LeftButton)
    assert panel.current_dataset_index() == four
    assert panel.browser.class_filter.currentData() == -1  # the filter that hid it was cleared
    assert f"Sample #{four}" in panel.inspector.header.text()

    before = panel.browser.grid.gridSize().width()
    panel.browser.zoom_slider.setValue(120)
    assert panel.browser.grid.zoom() == 120 and panel.browser.grid.gridSize().width() > before
    wait_quiet(qtbot, panel)
