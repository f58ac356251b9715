"""The Data panel: browse any dataset plugin, download it, see each transform's effect, find the model's mistakes.

Everything slow (opening a split, downloading, the mean/std pass, predicting every
sample) runs on a :class:`~torchdesk.desktop.dataview.tasks.TaskThread`; the panel
only arranges the pieces in :mod:`torchdesk.desktop.dataview` and keeps them in step.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import torch
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QGroupBox, QSplitter, QTabWidget, QVBoxLayout, QWidget

from torchdesk.core.data import Pipeline, open_dataset
from torchdesk.core.dataset_stats import (
    ChannelStats,
    Predictions,
    channel_mean_std,
    class_distribution,
    predict_dataset,
)
from torchdesk.core.download import download_dataset
from torchdesk.core.sample_source import SampleReadError, SampleSource
from torchdesk.core.specs import DatasetSpec, ParamError
from torchdesk.core.userdirs import default_data_dir
from torchdesk.desktop.dataview.browser_view import BrowserView
from torchdesk.desktop.dataview.inspector import SampleInspector
from torchdesk.desktop.dataview.normalize_defaults import (
    load_normalize_defaults,
    normalize_params,
    save_normalize_defaults,
)
from torchdesk.desktop.dataview.pipeline_editor import PipelineEditor
from torchdesk.desktop.dataview.source_bar import SourceBar
from torchdesk.desktop.dataview.stats_page import StatsPage
from torchdesk.desktop.dataview.tasks import TaskSlot
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.state import AppState

SHARED_ROOT_KEY = "*torchvision*"  # in the per-dataset folder map: the last data folder of a downloadable dataset


class OpenedSplit:
    """What opening a split produced: the dataset, uint8 access, labels and class names."""

    def __init__(self, dataset: Any, source: SampleSource, labels: torch.Tensor, class_names: list[str]) -> None:
        self.dataset = dataset
        self.source = source
        self.labels = labels
        self.class_names = class_names


class DataPanel(Panel):
    """Dataset and split pickers, a thumbnail grid, class statistics, a sample inspector and model verdicts."""

    panel_id = "data"
    title = "Data"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.spec: DatasetSpec | None = None
        self.opened: OpenedSplit | None = None
        self.predictions: Predictions | None = None
        self.stats: ChannelStats | None = None
        self.open_error = ""
        self._folders: dict[str, str] = {}
        self._dataset_params: dict[str, dict[str, Any]] = {}
        self._focus_rows: list[int] | None = None
        self._pending_focus: dict[str, Any] | None = None
        self._download_file = ""
        self._opened_once = False

        self.open_task = TaskSlot(self)
        self.stats_task = TaskSlot(self)
        self.predict_task = TaskSlot(self)
        self.download_task = TaskSlot(self)
        self._reopen_timer = QTimer(self)
        self._reopen_timer.setSingleShot(True)
        self._reopen_timer.setInterval(250)
        self._reopen_timer.timeout.connect(self.open_current)

        self.source_bar = SourceBar()
        self.browser = BrowserView()
        self.stats_page = StatsPage()
        self.inspector = SampleInspector()
        self.pipeline_editor = PipelineEditor()
        self._alias_widgets()
        self._connect_widgets()

        pipeline_box = QGroupBox("Transform pipeline (applied to the inspected sample)")
        pipeline_layout = QVBoxLayout(pipeline_box)
        pipeline_layout.addWidget(self.pipeline_editor)
        sample_split = QSplitter(Qt.Orientation.Vertical)
        sample_split.addWidget(self.inspector)
        sample_split.addWidget(pipeline_box)
        sample_split.setStretchFactor(0, 3)
        sample_split.setStretchFactor(1, 2)
        sample_split.setChildrenCollapsible(False)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("data_side_tabs")
        self.side_tabs.addTab(sample_split, "Sample")
        self.side_tabs.addTab(self.stats_page, "Statistics")
        self.side_tabs.setTabToolTip(0, "The inspected sample and the transform pipeline.")
        self.side_tabs.setTabToolTip(1, "Class distribution and per-channel mean/std.")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([600, 420])  # scaled to the real width: the grid gets the larger share
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_bar)
        layout.addWidget(self.splitter, 1)

        self.state.registry_changed.connect(self.reload_registry)
        self.state.predictor_changed.connect(self._on_predictor_changed)
        self.state.model_updated.connect(self._on_model_updated)
        self.reload_registry()
        self._update_model_row()

    # == wiring ===============================================================================
    def _alias_widgets(self) -> None:
        """Short names for the controls the panel drives (the widgets live in the layout classes)."""
        bar, browser, stats = self.source_bar, self.browser, self.stats_page
        for name in ("dataset_combo", "split_combo", "folder_edit", "choose_button", "download_button",
                     "download_progress", "cancel_download_button", "params_box", "params_form", "banner"):
            setattr(self, name, getattr(bar, name))
        for name in ("class_filter", "misclassified_check", "jump_spin", "jump_button", "zoom_slider", "grid",
                     "count_label", "focus_banner", "show_all_button", "focus_frame", "model_label",
                     "predict_button", "predict_progress"):
            setattr(self, name, getattr(browser, name))
        for name in ("chart", "stats_label", "stats_progress", "use_stats_button", "known_stats_label"):
            setattr(self, name, getattr(stats, name))

    def _connect_widgets(self) -> None:
        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_chosen)
        self.split_combo.currentIndexChanged.connect(lambda _i: self.open_current())
        self.folder_edit.editingFinished.connect(lambda: self.set_data_folder(self.folder_edit.text()))
        self.choose_button.clicked.connect(self.choose_folder)
        self.download_button.clicked.connect(self.start_download)
        self.cancel_download_button.clicked.connect(self.cancel_download)
        QShortcut(QKeySequence("Esc"), self, activated=self.cancel_download)
        self.params_form.changed.connect(self._on_dataset_params_changed)

        self.class_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.misclassified_check.toggled.connect(lambda _c: self.apply_filter())
        self.jump_spin.editingFinished.connect(self._jump_to_typed_index)
        self.jump_button.clicked.connect(self._jump_to_typed_index)
        QShortcut(QKeySequence("Ctrl+G"), self, activated=lambda: (self.jump_spin.setFocus(), self.jump_spin.selectAll()))
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, activated=lambda: self.set_zoom(self.grid.zoom() + 8))
        QShortcut(QKeySequence("Ctrl+="), self, activated=lambda: self.set_zoom(self.grid.zoom() + 8))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, activated=lambda: self.set_zoom(self.grid.zoom() - 8))
        self.zoom_slider.valueChanged.connect(self.set_zoom)
        self.grid.selectionModel().currentChanged.connect(self._on_current_changed)
        self.show_all_button.clicked.connect(self.clear_focus)
        self.predict_button.clicked.connect(self.start_predictions)

        self.use_stats_button.clicked.connect(self.use_stats_as_defaults)
        self.pipeline_editor.changed.connect(self._update_pipeline)

    # == dataset choice ==========================================================================
    def reload_registry(self) -> None:
        """Fill the pickers from the registry (after start-up or a plugin rescan)."""
        current = self.dataset_combo.currentData()
        self.dataset_combo.blockSignals(True)
        self.dataset_combo.clear()
        for spec in self.state.registry.datasets():
            self.dataset_combo.addItem(spec.name, spec.id)
            self.dataset_combo.setItemData(self.dataset_combo.count() - 1, spec.description,
                                           Qt.ItemDataRole.ToolTipRole)
        index = self.dataset_combo.findData(current)
        self.dataset_combo.setCurrentIndex(max(0, index))
        self.dataset_combo.blockSignals(False)
        self.pipeline_editor.set_transforms(self.state.registry.transforms())
        self._on_dataset_chosen(reopen=self._opened_once)

    def select_dataset(self, dataset_id: str, train: bool | None = None, folder: str | None = None) -> None:
        """Pick ``dataset_id`` (and optionally the split and folder) and open it."""
        index = self.dataset_combo.findData(dataset_id)
        if index < 0:
            self._show_banner(f"No dataset plugin offers {dataset_id!r}. Available: "
                              + ", ".join(str(self.dataset_combo.itemData(i)) for i in range(self.dataset_combo.count())),
                              "error")
            return
        for widget in (self.dataset_combo, self.split_combo):
            widget.blockSignals(True)
        self.dataset_combo.setCurrentIndex(index)
        if train is not None:
            self.split_combo.setCurrentIndex(0 if train else 1)
        for widget in (self.dataset_combo, self.split_combo):
            widget.blockSignals(False)
        self._on_dataset_chosen(reopen=False)
        if folder is not None:
            self._folders[dataset_id] = str(Path(folder).expanduser())
            self.folder_edit.setText(self._folders[dataset_id])
        self.open_current()

    def _on_dataset_chosen(self, _index: int = 0, reopen: bool = True) -> None:
        spec_id = self.dataset_combo.currentData()
        self.spec = self.state.registry.dataset(spec_id) if spec_id else None
        self.folder_edit.setText(self.data_folder())
        self.download_button.setEnabled(bool(self.spec and self.spec.downloadable))
        self.params_form.blockSignals(True)
        self.params_form.set_params(self.spec.params if self.spec else ())
        if self.spec is not None:
            self.params_form.set_values(self._dataset_params.get(self.spec.id, {}))
        self.params_form.blockSignals(False)
        self.params_box.setVisible(bool(self.spec and self.spec.params))
        self._reset_pipeline_for_dataset()
        if reopen:
            self.open_current()

    def data_folder(self) -> str:
        """The folder the current dataset is read from (remembered per dataset)."""
        if self.spec is None:
            return ""
        fallback = self._folders.get(SHARED_ROOT_KEY, str(default_data_dir())) if self.spec.downloadable \
            else str(default_data_dir())
        return self._folders.get(self.spec.id, fallback)

    def choose_folder(self) -> None:
        """Ask for the folder holding the dataset's files (torchvision layout, image folder, CSV + images)."""
        folder = QFileDialog.getExistingDirectory(self, "Choose the folder that holds the dataset",
                                                  self.data_folder())
        if folder:
            self.set_data_folder(folder)

    def set_data_folder(self, folder: str | Path) -> None:
        """Read the current dataset from ``folder`` (a torchvision data folder or the dataset's own folder)."""
        if self.spec is None:
            return
        path = self._normalise_folder(Path(str(folder)).expanduser())
        if str(path) == self.data_folder() and (self.is_loaded() or self.open_task.running()):
            self.folder_edit.setText(str(path))
            return  # the same folder again (the line edit lost focus): nothing to reload
        self._folders[self.spec.id] = str(path)
        if self.spec.downloadable:
            self._folders[SHARED_ROOT_KEY] = str(path)  # torchvision datasets share one data folder
        self.folder_edit.setText(str(path))
        self.open_current()

    def _normalise_folder(self, path: Path) -> Path:
        """Accept ``.../MNIST`` or ``.../MNIST/raw`` for torchvision datasets: step up to the data folder."""
        if self.spec is None or not self.spec.files:
            return path
        first = Path(self.spec.files[0]).parts[0]
        if path.name == "raw" and path.parent.name == first:
            return path.parent.parent
        if path.name == first and not (path / first).exists():
            return path.parent
        return path

    def _on_dataset_params_changed(self) -> None:
        if self.spec is None:
            return
        try:
            self._dataset_params[self.spec.id] = self.params_form.values()
        except ParamError as exc:
            self._show_banner(str(exc), "error")
            return
        self._reopen_timer.start()

    def is_train_split(self) -> bool:
        """Whether the training split is shown."""
        return bool(self.split_combo.currentData())

    # == opening ===================================================================================
    def open_current(self) -> None:
        """Open the chosen dataset split from the chosen folder, off the GUI thread."""
        if self.spec is None:
            return
        self._opened_once = True
        self._reopen_timer.stop()
        self.stats_task.cancel()
        self.predict_task.cancel()
        spec, folder, train = self.spec, self.data_folder(), self.is_train_split()
        params = dict(self._dataset_params.get(spec.id, {}))
        self.opened = None
        self.predictions = None
        self.stats = None
        self.open_error = ""
        self.grid.thumb_model.set_source(None, None, [])
        self.grid.set_text_lines(1)
        self.inspector.clear("Opening…")
        self.count_label.setText("opening…")
        self._hide_banner()

        def work(progress: Any, cancel: Any) -> OpenedSplit:
            dataset = open_dataset(spec, folder, train=train, params=params)
            source = SampleSource(dataset)
            if len(source) == 0:
                raise ValueError(f"{spec.name} in {folder} holds no samples for this split. Check the folder "
                                 "(an image folder needs one subfolder per class with images inside).")
            labels = source.labels(progress, cancel)
            names = list(spec.class_names) or [str(c) for c in getattr(dataset, "classes", [])]
            if not names:
                names = [str(i) for i in range(int(labels.max()) + 1)]
            return OpenedSplit(dataset, source, labels, names)

        self.open_task.start(work, "open dataset", self._on_opened, self._on_open_failed,
                             lambda done, total: self.count_label.setText(f"reading labels {done:,}/{total:,}"))

    def is_loaded(self) -> bool:
        """Whether a split is open and shown."""
        return self.opened is not None

    def _on_opened(self, opened: OpenedSplit) -> None:
        self.opened = opened
        self.grid.thumb_model.set_source(opened.source, opened.labels, opened.class_names)
        self.class_filter.blockSignals(True)
        self.class_filter.clear()
        self.class_filter.addItem("All classes", -1)
        for i, name in enumerate(opened.class_names):
            self.class_filter.addItem(f"{i}: {name}" if name != str(i) else name, i)
        self.class_filter.blockSignals(False)
        self.jump_spin.setRange(0, len(opened.source) - 1)
        counts = class_distribution(opened.labels, len(opened.class_names))
        self.chart.set_counts(counts, opened.class_names)
        self._focus_rows = None
        self.focus_frame.hide()
        self.apply_filter()
        self._show_known_stats()
        self._update_pipeline()
        self.start_stats()
        if self.state.predictor is not None:
            self.start_predictions()
        else:
            self._update_model_row()
        if self._pending_focus is not None:
            pending, self._pending_focus = self._pending_focus, None
            self._apply_focus(**pending)
        elif self.grid.model().rowCount():
            self.select_row(0)
        kind = "in memory as one uint8 tensor" if opened.source.resident is not None else "decoded from files on demand"
        self.state.show_status(f"{self.spec.name if self.spec else ''}: {len(opened.source):,} samples ({kind}).")

    def _on_open_failed(self, message: str, detail: str) -> None:
        self.open_error = message
        if message.startswith("unexpected error"):
            self.state.report_error(f"The dataset could not be opened: {message}", detail)
        self.count_label.setText("")
        self.inspector.clear("No dataset open.")
        self.chart.set_counts([], [])
        hint = ""
        if self.spec is not None and self.spec.downloadable:
            hint = "\nClick Download to fetch it, or Choose folder… to point at files already on disk."
        elif self.spec is not None:
            hint = "\nClick Choose folder… to point at the files."
        self._show_banner(message + hint, "error")
        self._pending_focus = None

    # == download ===================================================================================
    def start_download(self) -> None:
        """Download the current dataset into the data folder, with progress and Cancel."""
        if self.spec is None or self.download_task.running():
            return
        spec, folder = self.spec, self.data_folder()
        params = dict(self._dataset_params.get(spec.id, {}))
        self._download_file = ""

        def remember_file(name: str) -> None:
            self._download_file = name  # read by the progress slot on the GUI thread

        def work(progress: Any, cancel: Any) -> None:
            download_dataset(spec, folder, params=params, progress=progress, cancel=cancel, on_file=remember_file)

        self.download_progress.setRange(0, 0)
        self.download_progress.setFormat("connecting…")
        self.download_progress.show()
        self.cancel_download_button.show()
        self.download_button.setEnabled(False)
        self._show_banner(f"Downloading {spec.name} into {folder}…", "info")
        self.download_task.start(work, "download", self._on_downloaded, self._on_download_failed,
                                 self._on_download_progress, self._on_download_cancelled)

    def cancel_download(self) -> None:
        """Stop a running download (the partial file is removed)."""
        if self.download_task.running():
            self.download_task.cancel()
            self._end_download()
            self._show_banner("Download cancelled; the partial file was removed.", "info")

    def _on_download_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.download_progress.setRange(0, 1000)
            self.download_progress.setValue(int(1000 * done / total))
        name = self._download_file or "file"
        self.download_progress.setFormat(f"{name}: {done / 1e6:.1f}/{total / 1e6:.1f} MB")

    def _on_downloaded(self, _result: Any) -> None:
        self._end_download()
        self._hide_banner()
        self.open_current()

    def _on_download_failed(self, message: str, detail: str) -> None:
        self._end_download()
        self._show_banner(message, "error")

    def _on_download_cancelled(self) -> None:
        self._end_download()

    def _end_download(self) -> None:
        self.download_progress.hide()
        self.cancel_download_button.hide()
        self.download_button.setEnabled(bool(self.spec and self.spec.downloadable))

    # == filtering, navigation ==========================================================================
    def apply_filter(self) -> None:
        """Show the samples that pass the class filter, the misclassified filter and the focus selection."""
        if self.opened is None:
            self.grid.thumb_model.set_rows([])
            return
        total = len(self.opened.source)
        if self._focus_rows is not None:
            rows = np.asarray(self._focus_rows, dtype=np.int64)
        elif self.misclassified_check.isChecked() and self.predictions is not None:
            rows = np.asarray(self.predictions.misclassified(), dtype=np.int64)
        else:
            rows = np.arange(total, dtype=np.int64)
        wanted = self.class_filter.currentData()
        if wanted is not None and wanted >= 0 and len(rows):
            rows = rows[self.opened.labels.numpy()[rows] == wanted]
        current = self.current_dataset_index()
        self.grid.thumb_model.set_rows(rows)
        text = f"{len(rows):,} of {total:,} samples"
        if self.misclassified_check.isChecked() and self.predictions is not None and self._focus_rows is None:
            text += " (wrong, most confident first)"
        self.count_label.setText(text)
        row = self.grid.thumb_model.row_of(current) if current is not None else -1
        if row >= 0:
            self.select_row(row)
        elif len(rows):
            self.select_row(0)  # the inspected sample was filtered out: inspect the first one shown
        else:
            self.inspector.clear("No sample passes the filters.")

    def shown_indices(self) -> list[int]:
        """The dataset indices in the grid, in order."""
        return [int(i) for i in self.grid.thumb_model.rows()]

    def set_class_filter(self, class_index: int | None) -> None:
        """Show only class ``class_index`` (None: every class)."""
        index = self.class_filter.findData(-1 if class_index is None else int(class_index))
        self.class_filter.setCurrentIndex(max(0, index))

    def select_row(self, row: int) -> None:
        """Select and inspect grid row ``row``."""
        index = self.grid.model().index(row, 0)
        if not index.isValid():
            return
        self.grid.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.grid.scrollTo(index)

    def jump_to(self, dataset_index: int) -> None:
        """Show and inspect sample ``dataset_index``, clearing filters that hide it."""
        if self.opened is None:
            return
        if not 0 <= dataset_index < len(self.opened.source):
            self.state.show_status(f"There is no sample {dataset_index}: this split has {len(self.opened.source):,}.")
            return
        row = self.grid.thumb_model.row_of(dataset_index)
        if row < 0:
            self._focus_rows = None
            self.focus_frame.hide()
            for widget, value in ((self.class_filter, 0),):
                widget.blockSignals(True)
                widget.setCurrentIndex(value)
                widget.blockSignals(False)
            self.misclassified_check.blockSignals(True)
            self.misclassified_check.setChecked(False)
            self.misclassified_check.blockSignals(False)
            self.apply_filter()
            row = self.grid.thumb_model.row_of(dataset_index)
        self.select_row(row)

    def _jump_to_typed_index(self) -> None:
        self.jump_spin.interpretText()  # the typed digits, even before the box lost focus
        if self.current_dataset_index() != self.jump_spin.value():
            self.jump_to(self.jump_spin.value())

    def set_zoom(self, side: int) -> None:
        """Thumbnail size in pixels."""
        self.grid.set_zoom(side)
        if self.zoom_slider.value() != self.grid.zoom():
            self.zoom_slider.setValue(self.grid.zoom())

    def current_dataset_index(self) -> int | None:
        """The dataset index of the selected thumbnail, or None."""
        index = self.grid.currentIndex()
        if not index.isValid() or index.row() >= self.grid.thumb_model.rowCount():
            return None
        return self.grid.thumb_model.dataset_index(index.row())

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.opened is None:
            return
        ds_index = self.grid.thumb_model.dataset_index(current.row())
        self.jump_spin.blockSignals(True)
        self.jump_spin.setValue(ds_index)
        self.jump_spin.blockSignals(False)
        self.inspect(ds_index)

    def inspect(self, dataset_index: int) -> None:
        """Show sample ``dataset_index`` in the inspector."""
        if self.opened is None:
            return
        label = int(self.opened.labels[dataset_index])
        note = ""
        if self.predictions is not None:
            predicted = int(self.predictions.predicted[dataset_index])
            confidence = float(self.predictions.confidence[dataset_index])
            verdict = "right" if predicted == label else "wrong"
            note = f" — model says {self.grid.thumb_model.class_name(predicted)} ({confidence:.0%}), {verdict}"
        try:
            raw = self.opened.source.raw(dataset_index)
        except SampleReadError as exc:
            self.inspector.clear(str(exc))
            return
        self.inspector.show_sample(dataset_index, raw, label, self.opened.class_names, note)

    # == pipeline ========================================================================================
    def _reset_pipeline_for_dataset(self) -> None:
        steps = [("normalize", {})] if self.spec is not None and (self.spec.mean or self._stored_defaults()) else []
        self.pipeline_editor.blockSignals(True)
        self.pipeline_editor.set_steps(steps)
        self.pipeline_editor.blockSignals(False)

    def _stored_defaults(self) -> tuple[tuple[float, ...], tuple[float, ...]] | None:
        return load_normalize_defaults(self.spec.id) if self.spec is not None else None

    def normalize_defaults(self) -> tuple[tuple[float, ...], tuple[float, ...]] | None:
        """What Normalize 'auto' means here: stored defaults, else the dataset's published values, else measured."""
        stored = self._stored_defaults()
        if stored is not None:
            return stored
        if self.spec is not None and self.spec.mean and self.spec.std:
            return tuple(self.spec.mean), tuple(self.spec.std)
        if self.stats is not None:
            return self.stats.mean, self.stats.std
        return None

    def build_pipeline(self) -> tuple[Pipeline, str]:
        """The editor's steps as an engine :class:`Pipeline` (Normalize 'auto' filled in) and any problem."""
        pipeline = Pipeline()
        problem = ""
        for spec, params in self.pipeline_editor.steps():
            if spec.id == "normalize" and "auto" in (str(params.get("mean")), str(params.get("std"))):
                defaults = self.normalize_defaults()
                if defaults is None:
                    problem = ("Normalize is 'auto' but this dataset's mean/std are not known yet; they are being "
                               "measured (Statistics tab), or enter numbers.")
                    continue
                filled = normalize_params(*defaults)
                params = {k: (filled[k] if str(v) == "auto" else v) for k, v in params.items()}
            (pipeline.target if spec.target else pipeline.image).append((spec, params))
        return pipeline, problem

    def _update_pipeline(self) -> None:
        pipeline, problem = self.build_pipeline()
        try:
            image_fn = pipeline.sample_image_fn()
            target_fn = pipeline.sample_target_fn()
        except Exception as exc:  # a transform refused its parameters
            self.inspector.set_pipeline(None, None, False, f"The pipeline cannot be built: {exc}")
            return
        self.inspector.set_pipeline(image_fn, target_fn, self.pipeline_editor.has_random(), problem)

    # == statistics ==========================================================================================
    def start_stats(self) -> None:
        """Measure the per-channel mean/std of the open split in the background."""
        if self.opened is None:
            return
        source = self.opened.source
        self.stats_progress.setRange(0, 1000)
        self.stats_progress.setValue(0)
        self.stats_progress.show()
        self.stats_label.setText("Measuring mean and std…")
        self.use_stats_button.setEnabled(False)
        self.stats_task.start(
            lambda progress, cancel: channel_mean_std(source, progress=progress, cancel=cancel),
            "dataset statistics", self._on_stats, self._on_stats_failed,
            lambda done, total: self.stats_progress.setValue(int(1000 * done / max(1, total))))

    def _on_stats(self, stats: ChannelStats) -> None:
        self.stats = stats
        self.stats_progress.hide()
        split = "training" if self.is_train_split() else "test"
        self.stats_label.setText(f"Measured on the {split} split ({stats.samples:,} images): {stats.describe()}")
        self.use_stats_button.setEnabled(self.spec is not None)
        self._update_pipeline()

    def _on_stats_failed(self, message: str, detail: str) -> None:
        self.stats_progress.hide()
        self.stats_label.setText(f"Mean and std could not be measured: {message}")

    def _show_known_stats(self) -> None:
        parts = []
        if self.spec is not None and self.spec.mean:
            published = ChannelStats(tuple(self.spec.mean), tuple(self.spec.std), 0).describe()
            parts.append(f"Published for {self.spec.name}: {published}.")
        stored = self._stored_defaults()
        if stored is not None:
            parts.append(f"Stored Normalize defaults: {ChannelStats(stored[0], stored[1], 0).describe()}.")
        self.known_stats_label.setText(" ".join(parts))

    def use_stats_as_defaults(self) -> None:
        """Store the measured mean/std as this dataset's Normalize defaults (read by the Train panel too)."""
        if self.stats is None or self.spec is None:
            return
        save_normalize_defaults(self.spec.id, self.stats.mean, self.stats.std)
        self._show_known_stats()
        self._update_pipeline()
        self.state.show_status(f"Normalize defaults for {self.spec.name}: {self.stats.describe()}")

    # == model verdicts ========================================================================================
    def _on_predictor_changed(self, predictor: Any) -> None:
        if predictor is not None and self.state.training_active and self.predictions is not None:
            # A running training hands over a new model every epoch: do not compete with it for the CPU.
            self._update_model_row(stale=True)
            return
        self.predict_task.cancel()
        self.predictions = None
        self.grid.thumb_model.set_predictions(None)
        self.grid.set_text_lines(1)
        if predictor is not None and self.opened is not None:
            self.start_predictions()
        else:
            self.apply_filter()
            self._update_model_row()

    def _on_model_updated(self) -> None:
        if self.predictions is not None:
            self._update_model_row(stale=True)

    def start_predictions(self) -> None:
        """Predict every sample of the open split with the current model, in the background."""
        predictor = self.state.predictor
        if predictor is None or self.opened is None:
            self._update_model_row()
            return
        source = self.opened.source
        self.predict_progress.setRange(0, 1000)
        self.predict_progress.setValue(0)
        self.predict_progress.show()
        self.predict_button.setEnabled(False)
        self.model_label.setText(f"Predicting with {predictor.source or 'the current model'}…")
        self.predict_task.start(
            lambda progress, cancel: predict_dataset(predictor, source, progress=progress, cancel=cancel),
            "predictions", self._on_predictions, self._on_predictions_failed,
            lambda done, total: self.predict_progress.setValue(int(1000 * done / max(1, total))))

    def _on_predictions(self, predictions: Predictions) -> None:
        self.predictions = predictions
        self.predict_progress.hide()
        self.grid.thumb_model.set_predictions(predictions)
        self.grid.set_text_lines(2)
        self.apply_filter()
        self._update_model_row()
        current = self.current_dataset_index()
        if current is not None:
            self.inspect(current)

    def _on_predictions_failed(self, message: str, detail: str) -> None:
        self.predict_progress.hide()
        self.predict_button.setEnabled(True)
        self.model_label.setText(f"The model could not be run on this split: {message}")

    def _update_model_row(self, stale: bool = False) -> None:
        predictor = self.state.predictor
        self.predict_button.setEnabled(predictor is not None and self.opened is not None)
        self.misclassified_check.setEnabled(self.predictions is not None)
        if predictor is None:
            self.model_label.setText("No model loaded: train one or open a checkpoint to see which samples it gets "
                                     "wrong.")
        elif self.predictions is None:
            self.model_label.setText(f"Model: {predictor.source or 'current model'} (click Predict to mark the "
                                     "thumbnails).")
        else:
            wrong = int((~self.predictions.correct).sum())
            text = (f"Model: {predictor.source or 'current model'} — {self.predictions.accuracy:.1%} right on this "
                    f"split, {wrong:,} wrong (red frames).")
            if stale:
                text += " The model has changed since: press Predict to refresh."
            self.model_label.setText(text)

    # == confusion-matrix link ===================================================================================
    def focus_with(self, indices: Sequence[int] | None = None, true: int | str | None = None,
                   predicted: int | str | None = None, dataset: str | None = None, split: str | None = None,
                   data_dir: str | None = None, **_ignored: Any) -> None:
        """Show exactly the samples another panel points at (a confusion-matrix cell: ``true`` taken for ``predicted``).

        ``indices`` are positions in the split (the test split unless ``split="train"``);
        when they are missing or empty, ``true``/``predicted`` (class indices or names) pick
        the cell from this panel's own predictions. ``dataset`` (an id) and ``data_dir``
        switch what is shown first; empty strings mean "keep the current one".
        """
        request = {"indices": [int(i) for i in indices] if indices else None, "true": true, "predicted": predicted}
        wants_cell = bool(indices) or true is not None or predicted is not None
        dataset = dataset or None
        data_dir = data_dir or None
        train = None
        if split:
            train = str(split).lower().startswith("train")
        elif wants_cell:
            train = False  # the trainer's confusion matrix is measured on the test split
        need_open = self.opened is None
        if dataset is not None and dataset != self.dataset_combo.currentData():
            need_open = True
        if train is not None and train != self.is_train_split():
            need_open = True
        if data_dir is not None and self.spec is not None and str(Path(data_dir).expanduser()) != self.data_folder():
            need_open = True
        if need_open:
            self._pending_focus = request
            self.select_dataset(dataset or self.dataset_combo.currentData(), train, data_dir)
            return
        self._apply_focus(**request)

    def _class_index(self, value: int | str | None) -> int | None:
        """A class given as an index, a digit string or a class name, as an index (None when unknown)."""
        if value is None or self.opened is None:
            return None
        if isinstance(value, (int, np.integer)):
            return int(value)
        names = self.opened.class_names
        if value in names:
            return names.index(value)
        text = str(value).strip()
        return int(text) if text.lstrip("-").isdigit() else None

    def _apply_focus(self, indices: list[int] | None, true: int | str | None, predicted: int | str | None) -> None:
        if self.opened is None:
            return
        true, predicted = self._class_index(true), self._class_index(predicted)
        names = self.opened.class_names
        name = lambda k: names[k] if k is not None and 0 <= k < len(names) else str(k)  # noqa: E731
        cell = ""
        if true is not None and predicted is not None:
            cell = f"true {name(true)}, predicted {name(predicted)}"
        elif true is not None:
            cell = f"true {name(true)}"
        elif predicted is not None:
            cell = f"predicted {name(predicted)}"
        total = len(self.opened.source)
        if indices is None and self.predictions is not None:
            indices = self.predictions.indices_for(true, predicted)
        self.class_filter.blockSignals(True)
        self.class_filter.setCurrentIndex(0)
        self.class_filter.blockSignals(False)
        self.misclassified_check.blockSignals(True)
        self.misclassified_check.setChecked(False)
        self.misclassified_check.blockSignals(False)
        if indices is None:
            # No list and no predictions of our own: the best we can do is the true class.
            self._focus_rows = None
            self.set_class_filter(true)
            self.focus_banner.setText(f"Showing every sample of class {name(true)}: which ones the model took for "
                                      f"{name(predicted)} needs a model (press Predict).")
        else:
            valid = [i for i in indices if 0 <= i < total]
            dropped = len(indices) - len(valid)
            self._focus_rows = valid
            split = "training" if self.is_train_split() else "test"
            text = f"Showing the {len(valid):,} {split} samples the confusion matrix picked"
            text += f": {cell}." if cell else "."
            if dropped:
                text += f" ({dropped} indices were beyond this split's {total:,} samples and are left out.)"
            self.focus_banner.setText(text)
            self.apply_filter()
        self.focus_frame.show()
        if self.grid.model().rowCount():
            self.select_row(0)

    def clear_focus(self) -> None:
        """Leave the confusion-matrix selection and show every sample again."""
        self._focus_rows = None
        self.focus_frame.hide()
        self.apply_filter()

    # == banner =====================================================================================================
    def _show_banner(self, text: str, kind: str) -> None:
        self.source_bar.show_banner(text, kind)

    def _hide_banner(self) -> None:
        self.source_bar.hide_banner()

    def banner_text(self) -> str:
        """The message shown above the grid ('' when none): offline, missing files, damaged files."""
        return self.banner.text() if self.banner.isVisibleTo(self) else ""

    # == Panel API ===================================================================================================
    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._opened_once and self.spec is not None:
            QTimer.singleShot(0, self._open_if_never_opened)

    def _open_if_never_opened(self) -> None:
        if not self._opened_once:
            self.open_current()

    def restore_settings(self, settings: QSettings) -> None:  # noqa: D102
        try:
            self._folders = dict(json.loads(str(settings.value("folders", "{}"))))
            self._dataset_params = dict(json.loads(str(settings.value("dataset_params", "{}"))))
            steps = json.loads(str(settings.value("pipeline", "null")))
        except (ValueError, TypeError):
            self._folders, self._dataset_params, steps = {}, {}, None
        dataset_id = str(settings.value("dataset", ""))
        train = str(settings.value("split", "train")) != "test"
        self.set_zoom(int(settings.value("zoom", self.grid.zoom())))
        for widget in (self.dataset_combo, self.split_combo):
            widget.blockSignals(True)
        index = self.dataset_combo.findData(dataset_id)
        if index >= 0:
            self.dataset_combo.setCurrentIndex(index)
        self.split_combo.setCurrentIndex(0 if train else 1)
        for widget in (self.dataset_combo, self.split_combo):
            widget.blockSignals(False)
        self._on_dataset_chosen(reopen=False)
        if isinstance(steps, list):
            problems = self.pipeline_editor.set_steps([(str(s[0]), dict(s[1])) for s in steps if len(s) == 2])
            if problems:
                self.state.show_status("Pipeline restored with changes: " + "; ".join(problems))

    def save_settings(self, settings: QSettings) -> None:  # noqa: D102
        settings.setValue("dataset", self.dataset_combo.currentData() or "")
        settings.setValue("split", "train" if self.is_train_split() else "test")
        settings.setValue("zoom", self.grid.zoom())
        settings.setValue("folders", json.dumps(self._folders))
        settings.setValue("dataset_params", json.dumps(self._dataset_params, default=str))
        settings.setValue("pipeline", json.dumps([[spec.id, params] for spec, params in self.pipeline_editor.steps()],
                                                 default=str))

    def busy_reason(self) -> str:  # noqa: D102
        if self.download_task.running():
            return "A dataset download is running; closing cancels it (the partial file is removed)."
        return ""

    def shutdown(self) -> None:  # noqa: D102
        self._reopen_timer.stop()
        for slot in (self.download_task, self.predict_task, self.stats_task, self.open_task):
            slot.stop()
