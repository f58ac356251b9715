"""The Data panel: browse any dataset plugin, download it, see each transform's effect, find the model's mistakes.

The panel arranges the views of :mod:`torchdesk.desktop.dataview` and keeps them in
step; the behaviour lives beside it, one job per module:

* :mod:`.chooser` — dataset, split, the app's data folder, parameters; opening and downloading;
* :mod:`.statistics` — class counts and the mean/std measurement;
* :mod:`.verdicts` — whether the current model fits, and its predictions;
* :mod:`.pipeline` — the transform pipeline shown in the inspector.

Everything slow runs as a task of the app's one task API (:meth:`Panel.task_runner`):
opening and downloading on one thread, statistics and predictions as heavy work.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGroupBox, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from torchdesk.core.dataset_stats import ChannelStats, Predictions
from torchdesk.core.i18n import class_name_text, component_text
from torchdesk.core.sample_source import SampleReadError
from torchdesk.core.specs import DatasetSpec
from torchdesk.desktop.dataview.browser_view import BrowserView
from torchdesk.desktop.dataview.inspector import SampleInspector
from torchdesk.desktop.dataview.pipeline_editor import PipelineEditor
from torchdesk.desktop.dataview.source_bar import SourceBar
from torchdesk.desktop.dataview.stats_page import StatsPage
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.panels.data.chooser import SourceChooser
from torchdesk.desktop.panels.data.opening import OpenedSplit, data_folder_for
from torchdesk.desktop.panels.data.pipeline import PipelinePreview
from torchdesk.desktop.panels.data.statistics import SplitStatistics
from torchdesk.desktop.panels.data.verdicts import ModelVerdicts
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu


class DataPanel(Panel):
    """Dataset and split pickers, a thumbnail grid, class statistics, a sample inspector and model verdicts."""

    panel_id = "data"
    title = "Data"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._focus_rows: list[int] | None = None
        self._pending_focus: dict[str, Any] | None = None
        self._needs_open = True  # opened when shown: first, and after the data folder changed while hidden
        self._choosing_folder = False

        self.open_task = self.task_runner(Cpu.LIGHT)
        self.download_task = self.task_runner(Cpu.LIGHT)
        self.stats_task = self.task_runner(Cpu.HEAVY)
        self.predict_task = self.task_runner(Cpu.HEAVY)

        self.source_bar = SourceBar()
        self.browser = BrowserView()
        self.stats_page = StatsPage()
        self.inspector = SampleInspector()
        self.pipeline_editor = PipelineEditor()
        self.chooser = SourceChooser(state, self.source_bar, self.open_task, self.download_task, self)
        self.statistics = SplitStatistics(state, self.stats_page, self.stats_task, self)
        self.verdicts = ModelVerdicts(state, self.browser, self.predict_task, self)
        self.pipeline = PipelinePreview(self.pipeline_editor, self.inspector,
                                        lambda: self.chooser.spec, lambda: self.statistics.stats)
        self._build_layout()
        self._connect()
        self.reload_registry()

    # == what is shown =========================================================================
    @property
    def spec(self) -> DatasetSpec | None:
        """The chosen dataset plugin."""
        return self.chooser.spec

    @property
    def opened(self) -> OpenedSplit | None:
        """The open split (None while opening or after a failure)."""
        return self.chooser.split

    @property
    def open_error(self) -> str:
        """Why the last open failed ('' when it did not)."""
        return self.chooser.open_error

    @property
    def predictions(self) -> Predictions | None:
        """The current model's answers on the open split, when predicted."""
        return self.verdicts.predictions

    @property
    def stats(self) -> ChannelStats | None:
        """The measured per-channel mean/std of the open split."""
        return self.statistics.stats

    def is_loaded(self) -> bool:
        """Whether a split is open and shown."""
        return self.opened is not None

    def is_train_split(self) -> bool:
        """Whether the training split is shown."""
        return self.chooser.is_train_split()

    def data_folder(self) -> str:
        """The folder datasets are read from: the app's one data folder."""
        return self.chooser.data_folder()

    def banner_text(self) -> str:
        """The message shown above the grid ('' when none): offline, missing files, damaged files."""
        return self.source_bar.messages.text()

    # == wiring ================================================================================
    def _build_layout(self) -> None:
        pipeline_box = QGroupBox(translate("DataPanel", "Transform pipeline (applied to the inspected sample)"))
        QVBoxLayout(pipeline_box).addWidget(self.pipeline_editor)
        sample_split = QSplitter(Qt.Orientation.Vertical)
        sample_split.addWidget(self.inspector)
        sample_split.addWidget(pipeline_box)
        sample_split.setStretchFactor(0, 3)
        sample_split.setStretchFactor(1, 2)
        sample_split.setChildrenCollapsible(False)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("data_side_tabs")
        # Scrolled, so the inspector and the pipeline never set the window's height (a banner above must not
        # push the window taller than the screen).
        self.side_tabs.addTab(_scrolled(sample_split), translate("DataPanel", "Sample"))
        self.side_tabs.addTab(_scrolled(self.stats_page), translate("DataPanel", "Statistics"))
        self.side_tabs.setTabToolTip(0, translate("DataPanel", "The inspected sample and the transform pipeline."))
        self.side_tabs.setTabToolTip(1, translate("DataPanel", "Class distribution and per-channel mean/std."))
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

    def _connect(self) -> None:
        self.chooser.opening.connect(self._on_opening)
        self.chooser.open_progress.connect(
            lambda done, total: self.browser.count_label.setText(
                translate("DataPanel", "reading labels {done:,}/{total:,}").format(done=done, total=total)))
        self.chooser.opened.connect(self._on_opened)
        self.chooser.open_failed.connect(self._on_open_failed)
        self.chooser.spec_changed.connect(self.pipeline.reset_for_dataset)
        self.statistics.changed.connect(self.pipeline.update)
        self.verdicts.predictions_changed.connect(self._on_predictions_changed)
        self.state.registry_changed.connect(self.reload_registry)
        self.state.data_dir_changed.connect(self._on_data_dir_changed)
        QShortcut(QKeySequence("Esc"), self, activated=self.chooser.cancel_download)

        browser = self.browser
        browser.class_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        browser.misclassified_check.toggled.connect(lambda _c: self.apply_filter())
        browser.jump_spin.editingFinished.connect(self._jump_to_typed_index)
        browser.jump_button.clicked.connect(self._jump_to_typed_index)
        QShortcut(QKeySequence("Ctrl+G"), self,
                  activated=lambda: (browser.jump_spin.setFocus(), browser.jump_spin.selectAll()))
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, activated=lambda: self.set_zoom(browser.grid.zoom() + 8))
        QShortcut(QKeySequence("Ctrl+="), self, activated=lambda: self.set_zoom(browser.grid.zoom() + 8))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, activated=lambda: self.set_zoom(browser.grid.zoom() - 8))
        browser.zoom_slider.valueChanged.connect(self.set_zoom)
        browser.grid.selectionModel().currentChanged.connect(self._on_current_changed)

    # == choosing and opening ==================================================================
    def reload_registry(self) -> None:
        """Fill the pickers from the registry (after start-up or a plugin rescan)."""
        self.pipeline_editor.set_transforms(self.state.registry.transforms())
        self.chooser.reload_registry(reopen=not self._needs_open)

    def select_dataset(self, dataset_id: str, train: bool | None = None, folder: str | None = None) -> bool:
        """Pick ``dataset_id`` (and optionally the split, and the app's data folder) and open it.

        False when no plugin offers ``dataset_id`` (the message bar says so) and nothing opens.
        """
        if not self.chooser.set_choice(dataset_id, train):
            return False
        if folder is not None:
            self._choosing_folder = True  # one open below, not one more for the folder's change
            try:
                self.state.set_data_dir(data_folder_for(self.spec, Path(folder).expanduser()))
            finally:
                self._choosing_folder = False
        self.open_current()
        return True

    def open_current(self) -> None:
        """Open the chosen dataset split from the data folder, off the GUI thread."""
        self.chooser.open_current()

    def _on_data_dir_changed(self, _folder: str) -> None:
        self.chooser.show_folder()
        if self._choosing_folder:
            return
        if self.isVisible():
            self.open_current()
        else:
            self._needs_open = True  # hidden panels do no work: re-opened when shown

    def _on_opening(self) -> None:
        self._needs_open = False
        self.statistics.clear()
        self.verdicts.set_split(self.spec, None)
        grid = self.browser.grid
        grid.thumb_model.set_source(None, None, [])
        grid.set_text_lines(1)
        self.inspector.clear(translate("DataPanel", "Opening…"))
        self.browser.count_label.setText(translate("DataPanel", "opening…"))

    def _on_opened(self, split: OpenedSplit) -> None:
        browser = self.browser
        browser.grid.thumb_model.set_source(split.source, split.labels, split.class_names)
        browser.class_filter.blockSignals(True)
        browser.class_filter.clear()
        browser.class_filter.addItem(translate("DataPanel", "All classes"), -1)
        for i, name in enumerate(split.class_names):
            browser.class_filter.addItem(f"{i}: {class_name_text(name)}" if name != str(i) else name, i)
        browser.class_filter.blockSignals(False)
        browser.jump_spin.setRange(0, len(split.source) - 1)
        self._focus_rows = None
        browser.focus_bar.clear()
        self.apply_filter()
        self.statistics.show_split(self.spec, split, self.is_train_split())
        self.pipeline.update()
        self.verdicts.set_split(self.spec, split)
        if self._pending_focus is not None:
            pending, self._pending_focus = self._pending_focus, None
            self._apply_focus(**pending)
        elif browser.grid.model().rowCount():
            self.select_row(0)
        if split.source.resident is not None:
            text = translate("DataPanel", "{dataset}: {count:,} samples (in memory as one uint8 tensor).")
        else:
            text = translate("DataPanel", "{dataset}: {count:,} samples (decoded from files on demand).")
        self.state.show_status(text.format(dataset=component_text(self.spec.name) if self.spec else "",
                                           count=len(split.source)))

    def _on_open_failed(self, _message: str) -> None:
        self.browser.count_label.setText("")
        self.inspector.clear(translate("DataPanel", "No dataset open."))
        self._pending_focus = None

    def _on_predictions_changed(self) -> None:
        grid = self.browser.grid
        grid.thumb_model.set_predictions(self.verdicts.predictions, self.verdicts.predicted_names)
        grid.set_text_lines(2 if self.verdicts.predictions is not None else 1)
        self.apply_filter()  # re-selects (and so re-inspects) the current sample, with the model's answer

    # == filtering, navigation =================================================================
    def apply_filter(self) -> None:
        """Show the samples that pass the class filter, the misclassified filter and the focus selection."""
        browser, split = self.browser, self.opened
        if split is None:
            browser.grid.thumb_model.set_rows([])
            return
        total = len(split.source)
        misclassified = browser.misclassified_check.isChecked() and self.verdicts.judged()
        if self._focus_rows is not None:
            rows = np.asarray(self._focus_rows, dtype=np.int64)
        elif misclassified:
            rows = np.asarray(self.predictions.misclassified(), dtype=np.int64)
        else:
            rows = np.arange(total, dtype=np.int64)
        wanted = browser.class_filter.currentData()
        if wanted is not None and wanted >= 0 and len(rows):
            rows = rows[split.labels.numpy()[rows] == wanted]
        current = self.current_dataset_index()
        browser.grid.thumb_model.set_rows(rows)
        if misclassified and self._focus_rows is None:
            text = translate("DataPanel", "{shown:,} of {total:,} samples (wrong, most confident first)")
        else:
            text = translate("DataPanel", "{shown:,} of {total:,} samples")
        text = text.format(shown=len(rows), total=total)
        browser.count_label.setText(text)
        row = browser.grid.thumb_model.row_of(current) if current is not None else -1
        if row >= 0:
            self.select_row(row)
        elif len(rows):
            self.select_row(0)  # the inspected sample was filtered out: inspect the first one shown
        else:
            self.inspector.clear(translate("DataPanel", "No sample passes the filters."))

    def shown_indices(self) -> list[int]:
        """The dataset indices in the grid, in order."""
        return [int(i) for i in self.browser.grid.thumb_model.rows()]

    def set_class_filter(self, class_index: int | None) -> None:
        """Show only class ``class_index`` (None: every class)."""
        combo = self.browser.class_filter
        combo.setCurrentIndex(max(0, combo.findData(-1 if class_index is None else int(class_index))))

    def select_row(self, row: int) -> None:
        """Select and inspect grid row ``row``."""
        grid = self.browser.grid
        index = grid.model().index(row, 0)
        if not index.isValid():
            return
        grid.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        grid.scrollTo(index)

    def _reset_filters(self) -> None:
        self._focus_rows = None
        self.browser.focus_bar.clear()
        for widget, apply in ((self.browser.class_filter, lambda w: w.setCurrentIndex(0)),
                              (self.browser.misclassified_check, lambda w: w.setChecked(False))):
            widget.blockSignals(True)
            apply(widget)
            widget.blockSignals(False)

    def jump_to(self, dataset_index: int) -> None:
        """Show and inspect sample ``dataset_index``, clearing filters that hide it."""
        if self.opened is None:
            return
        if not 0 <= dataset_index < len(self.opened.source):
            self.state.show_status(translate("DataPanel", "There is no sample {index}: this split has {count:,}.")
                                   .format(index=dataset_index, count=len(self.opened.source)))
            return
        model = self.browser.grid.thumb_model
        if model.row_of(dataset_index) < 0:
            self._reset_filters()
            self.apply_filter()
        self.select_row(model.row_of(dataset_index))

    def _jump_to_typed_index(self) -> None:
        spin = self.browser.jump_spin
        spin.interpretText()  # the typed digits, even before the box lost focus
        if self.current_dataset_index() != spin.value():
            self.jump_to(spin.value())

    def set_zoom(self, side: int) -> None:
        """Thumbnail size in pixels."""
        grid, slider = self.browser.grid, self.browser.zoom_slider
        grid.set_zoom(side)
        if slider.value() != grid.zoom():
            slider.setValue(grid.zoom())

    def current_dataset_index(self) -> int | None:
        """The dataset index of the selected thumbnail, or None."""
        grid = self.browser.grid
        index = grid.currentIndex()
        if not index.isValid() or index.row() >= grid.thumb_model.rowCount():
            return None
        return grid.thumb_model.dataset_index(index.row())

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.opened is None:
            return
        ds_index = self.browser.grid.thumb_model.dataset_index(current.row())
        spin = self.browser.jump_spin
        spin.blockSignals(True)
        spin.setValue(ds_index)
        spin.blockSignals(False)
        self.inspect(ds_index)

    def inspect(self, dataset_index: int) -> None:
        """Show sample ``dataset_index`` in the inspector, with the model's answer when there is one."""
        if self.opened is None:
            return
        label = int(self.opened.labels[dataset_index])
        note = ""
        if self.predictions is not None:
            model = self.browser.grid.thumb_model
            predicted = int(self.predictions.predicted[dataset_index])
            confidence = float(self.predictions.confidence[dataset_index])
            said = f"{model.predicted_name(predicted)} ({confidence:.0%})"
            if not self.verdicts.judged():
                note = translate("DataPanel", " — the model (made for other data) says {answer}")
            elif predicted == label:
                note = translate("DataPanel", " — model says {answer}, right")
            else:
                note = translate("DataPanel", " — model says {answer}, wrong")
            note = note.format(answer=said)
        try:
            raw = self.opened.source.raw(dataset_index)
        except SampleReadError as exc:
            self.inspector.clear(str(exc))
            return
        self.inspector.show_sample(dataset_index, raw, label, self.opened.class_names, note)

    # == confusion-matrix link =================================================================
    def focus_with(self, indices: Sequence[int] | None = None, true: int | str | None = None,
                   predicted: int | str | None = None, dataset: str | None = None, split: str | None = None,
                   data_dir: str | None = None, **_ignored: Any) -> None:
        """Show exactly the samples another panel points at (a confusion-matrix cell: ``true`` taken for ``predicted``).

        ``indices`` are positions in the split (the test split unless ``split="train"``);
        when they are missing or empty, ``true``/``predicted`` (class indices or names) pick
        the cell from this panel's own predictions. ``dataset`` (an id) and ``data_dir``
        (made the app's data folder) switch what is shown first; empty strings keep the current one.
        """
        request = {"indices": [int(i) for i in indices] if indices else None, "true": true, "predicted": predicted}
        wants_cell = bool(indices) or true is not None or predicted is not None
        dataset = dataset or None
        train = str(split).lower().startswith("train") if split else (False if wants_cell else None)
        # (the trainer's confusion matrix is measured on the test split)
        need_open = self.opened is None
        if dataset is not None and dataset != self.source_bar.dataset_combo.currentData():
            need_open = True
        if train is not None and train != self.is_train_split():
            need_open = True
        if data_dir and data_folder_for(self.spec, Path(data_dir).expanduser()) != self.state.data_dir:
            need_open = True
        if need_open:
            self._pending_focus = request
            if not self.select_dataset(dataset or self.source_bar.dataset_combo.currentData(), train, data_dir or None):
                self._pending_focus = None  # nothing opens: the request must not land on a later, unrelated split
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
        name = lambda k: class_name_text(names[k]) if k is not None and 0 <= k < len(names) else str(k)  # noqa: E731
        cell = ""
        if true is not None and predicted is not None:
            cell = translate("DataPanel", "true {true}, predicted {predicted}").format(true=name(true),
                                                                                     predicted=name(predicted))
        elif true is not None:
            cell = translate("DataPanel", "true {true}").format(true=name(true))
        elif predicted is not None:
            cell = translate("DataPanel", "predicted {predicted}").format(predicted=name(predicted))
        total = len(self.opened.source)
        if indices is None and self.predictions is not None:
            indices = self.predictions.indices_for(true, predicted)
        self._reset_filters()
        if indices is None:
            # No list and no predictions of our own: the best we can do is the true class.
            self.set_class_filter(true)
            text = translate("DataPanel", "Showing every sample of class {true}: which ones the model took for "
                                          "{predicted} needs a model (press Predict all).").format(
                true=name(true), predicted=name(predicted))
        else:
            valid = [i for i in indices if 0 <= i < total]
            dropped = len(indices) - len(valid)
            self._focus_rows = valid
            if self.is_train_split():
                text = (translate("DataPanel", "Showing the {count:,} training samples the confusion matrix picked: "
                                               "{cell}.") if cell else
                        translate("DataPanel", "Showing the {count:,} training samples the confusion matrix picked."))
            else:
                text = (translate("DataPanel", "Showing the {count:,} test samples the confusion matrix "
                                               "picked: {cell}.") if cell else
                        translate("DataPanel", "Showing the {count:,} test samples the confusion matrix picked."))
            text = text.format(count=len(valid), cell=cell)
            if dropped:
                text += translate("DataPanel", " ({dropped} indices were beyond this split's {total:,} samples and are "
                                               "left out.)").format(dropped=dropped, total=total)
            self.apply_filter()
        self.browser.focus_bar.show_message(
            text, kind="info", actions=((translate("DataPanel", "Show all"),
                            translate("DataPanel", "Leave the confusion-matrix selection and show every sample."),
                            self.clear_focus),))
        if self.browser.grid.model().rowCount():
            self.select_row(0)

    def clear_focus(self) -> None:
        """Leave the confusion-matrix selection and show every sample again."""
        self._focus_rows = None
        self.browser.focus_bar.clear()
        self.apply_filter()

    # == Panel API =============================================================================
    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._needs_open and self.spec is not None:
            QTimer.singleShot(0, self._open_if_needed)

    def _open_if_needed(self) -> None:
        if self._needs_open and not self.open_task.running():
            self.open_current()

    def restore_settings(self, settings: QSettings) -> None:  # noqa: D102
        try:
            self.chooser.dataset_params = dict(json.loads(str(settings.value("dataset_params", "{}"))))
            steps = json.loads(str(settings.value("pipeline", "null")))
        except (ValueError, TypeError):
            self.chooser.dataset_params, steps = {}, None
        train = str(settings.value("split", "train")) != "test"
        self.set_zoom(int(settings.value("zoom", self.browser.grid.zoom())))
        dataset_id = str(settings.value("dataset", ""))
        self.chooser.set_choice(dataset_id if self.source_bar.dataset_combo.findData(dataset_id) >= 0 else None, train)
        if isinstance(steps, list):
            problems = self.pipeline_editor.set_steps([(str(s[0]), dict(s[1])) for s in steps if len(s) == 2])
            if problems:
                self.state.show_status(translate("DataPanel", "Pipeline restored with changes: {problems}")
                                       .format(problems="; ".join(problems)))

    def save_settings(self, settings: QSettings) -> None:  # noqa: D102
        settings.setValue("dataset", self.source_bar.dataset_combo.currentData() or "")
        settings.setValue("split", "train" if self.is_train_split() else "test")
        settings.setValue("zoom", self.browser.grid.zoom())
        settings.remove("folders")  # the data folder is the app's now (AppState.data_dir)
        settings.setValue("dataset_params", json.dumps(self.chooser.dataset_params, default=str))
        settings.setValue("pipeline", json.dumps([[spec.id, params] for spec, params in self.pipeline_editor.steps()],
                                                 default=str))

    def busy_reason(self) -> str:  # noqa: D102
        if self.download_task.running():
            return translate("DataPanel", "A dataset download is running; closing cancels it (the partial file is "
                                          "removed).")
        return ""

    def shutdown(self) -> None:  # noqa: D102
        self.chooser.stop()
        super().shutdown()


def _scrolled(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area, so its minimum height never sets the window's."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    return scroll
