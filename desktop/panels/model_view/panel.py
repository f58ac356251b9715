"""The Model panel: look inside a network before and while it trains.

Pick a model from the plugins (with its parameter form) and the dataset it is for,
so every shape is the real one; or look at the app's current model (from training
or a checkpoint). The panel shows the walkthrough's ``print(model)`` text, a layer
table with output shapes, parameters and cost, the dataflow graph, and for a
clicked layer its weights, filters and activations for a sample. While a model
trains, each layer's parameter and gradient norms update live.

This module wires the pieces: the chooser (:mod:`.chooser`), the controller that
builds as a task and checks fit (:mod:`.controller`), the views (:mod:`.graph_tab`,
:mod:`.structure_views`, :mod:`.sample_view`) and the live norms (:mod:`.live_norms`).
"""

from __future__ import annotations

from typing import Any

import torch
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from torchdesk.core.inspect.inspection import Inspection
from torchdesk.core.inspect.probe import fit_to_shape, sample_batch
from torchdesk.core.inspect.summary import human_count
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.panels.model_view.chooser import ModelChooser
from torchdesk.desktop.panels.model_view.controller import ModelController
from torchdesk.desktop.panels.model_view.file_actions import ModelFileActions
from torchdesk.desktop.panels.model_view.graph_tab import DETAIL_LEVELS, GraphTab
from torchdesk.desktop.panels.model_view.live_norms import LiveNorms
from torchdesk.desktop.panels.model_view.sample_view import SampleView
from torchdesk.desktop.panels.model_view.samples import (
    SAMPLE_DATASET,
    SAMPLE_DRAWING,
    DatasetSamples,
    Sample,
    drawing_sample,
)
from torchdesk.desktop.panels.model_view.structure_views import LayerTable, SummaryView
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu
from torchdesk.desktop.widgets.norms_view import NormsView

REBUILD_DELAY_MS = 400  # a changed model, parameter, dataset or shape rebuilds this long after the last change


class ModelPanel(Panel):
    """Choose a model and input; see its summary, layers, graph, weights, activations and norms."""

    panel_id = "model"
    title = "Model"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.controller = ModelController(state, self.task_runner(Cpu.HEAVY), self)
        self.dataset_samples = DatasetSamples()
        self._noise_seed = 0
        self._shown_once = False
        self._follow_pending = False  # the current model changed while the panel was hidden
        self._build_ui()
        self.norms = LiveNorms(state, self.norms_view, self.isVisible, self)
        self.files = ModelFileActions(self)  # Open model file… and Use in Classify

        self.controller.building.connect(self._on_building)
        self.controller.built.connect(self._on_built)
        self.controller.failed.connect(lambda message, detail: self._show_problem(
            translate("ModelPanel", "Could not build the model: {reason}").format(reason=message), detail))
        self.chooser.build_button.clicked.connect(self.build)
        self.chooser.source_changed.connect(self._on_source_changed)
        self.chooser.choice_changed.connect(self._choice_changed)
        self.chooser.dataset_changed.connect(self._on_dataset_changed)
        self.samples.sample_changed.connect(self.refresh_sample)
        self.samples.next_requested.connect(self.next_sample_clicked)
        self.samples.folder_requested.connect(self.choose_data_dir)
        self.graph_tab.view.node_clicked.connect(lambda module, _node: self._select_layer(module, from_graph=True))
        self.graph_tab.status.connect(self.state.show_status)
        self.graph_tab.problem.connect(self._show_problem)
        self.layer_table.layer_chosen.connect(lambda module: self._select_layer(module, from_tree=True))
        state.registry_changed.connect(self.chooser.fill)
        state.predictor_changed.connect(self._on_predictor_changed)
        state.model_updated.connect(self._on_model_updated)
        state.drawing_changed.connect(self._on_drawing_changed)
        state.data_dir_changed.connect(self._on_data_dir_changed)
        self.rebuild_timer = QTimer(self)
        self.rebuild_timer.setSingleShot(True)
        self.rebuild_timer.setInterval(REBUILD_DELAY_MS)
        self.rebuild_timer.timeout.connect(self._rebuild_after_change)
        self._on_predictor_changed(state.predictor)
        self._update_sample_controls()

    @property
    def inspection(self) -> Inspection | None:
        """What is on screen now (None before the first build)."""
        return self.controller.inspection

    @property
    def inspector(self) -> Any:
        """The clicked layer's weights and activations."""
        return self.samples.inspector

    # -- layout -----------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.chooser = ModelChooser(self.state.registry)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(self.chooser)
        side_scroll.setMinimumWidth(220)
        # Narrower than the chooser needs (a small window, longer labels in some languages), it scrolls, never clips.
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.side_scroll = side_scroll
        self.graph_tab = GraphTab()
        self.layer_table = LayerTable()
        self.summary_view = SummaryView()
        self.norms_view = NormsView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.graph_tab, translate("ModelPanel", "Graph"))
        self.tabs.addTab(self.layer_table, translate("ModelPanel", "Layers"))
        self.tabs.addTab(self.summary_view, translate("ModelPanel", "Summary"))
        self.tabs.addTab(self.norms_view, translate("ModelPanel", "Training norms"))
        self.tabs.setTabToolTip(3, translate("ModelPanel", "Each layer's parameter and gradient norms, live while the "
                                                           "current model trains."))
        self.samples = SampleView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side_scroll)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.samples)
        splitter.setStretchFactor(0, 1)  # a wide window shows long model names in full
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([290, 610, 380])
        self.splitter = splitter
        self._side_fitted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        # Window-wide while this tab shows (a hidden tab's shortcuts are inactive).
        for keys, slot in (("Ctrl+Return", self.build), ("Ctrl+Shift+E", self.graph_tab.export_png),
                           ("Ctrl+Alt+E", self.graph_tab.export_svg), ("Ctrl+N", self.next_sample_clicked)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # -- building ---------------------------------------------------------------------------------
    def build(self) -> None:
        """Build the chosen model (or snapshot the current one) as a task and show it when ready."""
        self.rebuild_timer.stop()
        try:
            if self.chooser.current_source():
                self.controller.build_current_model()
                return
            spec = self.chooser.model_spec()
            if spec is None:
                raise RuntimeError(translate("ModelPanel", "No model plugin is loaded: run `torchdesk plugins` to "
                                                           "see what failed."))
            params = spec.resolve_params(self.chooser.param_form.values())
            self.controller.build_plugin_model(spec, params, self.chooser.identity())
        except Exception as exc:
            self._show_problem(str(exc))

    def _choice_changed(self) -> None:
        if self.inspection is not None and not self.chooser.current_source():
            self.rebuild_timer.start()

    def _rebuild_after_change(self) -> None:
        if not self.chooser.current_source():
            self.build()

    def _on_source_changed(self, current: bool) -> None:
        if current:
            self._select_model_dataset()
            self.build()

    def _select_model_dataset(self) -> None:
        """Take samples from the dataset the current model was trained for, when the plugins offer it."""
        predictor = self.state.predictor
        dataset_id = predictor.identity.dataset_id if predictor is not None else ""
        if dataset_id and self.chooser.dataset_combo.findData(dataset_id) >= 0:
            self.chooser.select(dataset_id=dataset_id)

    def _on_dataset_changed(self) -> None:
        if self.chooser.current_source():
            self.refresh_sample()  # the same model, samples from another dataset
        else:
            self._update_sample_controls()  # a model for the new dataset is on its way; it brings its samples

    def _on_building(self, title: str) -> None:
        text = translate("ModelPanel", "Building {title}…").format(title=title)
        self.chooser.show_progress(text)
        self.state.show_status(text)

    def _show_problem(self, message: str, detail: str = "") -> None:
        self.chooser.show_problem(message)
        self.state.report_error(message, detail)

    def _on_built(self, inspection: Inspection) -> None:
        summary = inspection.summary
        note = translate("ModelPanel", "{title}: {params:,} parameters, {macs} MACs").format(
            title=inspection.title, params=summary.total_params, macs=human_count(summary.macs))
        problem = (translate("ModelPanel", "The sample input did not pass through: {error}").format(error=summary.error)
                   if summary.error else "")
        self.chooser.show_result(note, problem)
        self.state.show_status(note)
        self.summary_view.show_summary(summary)
        self.layer_table.show_summary(summary)
        self.graph_tab.show_inspection(inspection)
        previous = self.inspector.module_name
        self.inspector.set_model(inspection.model, inspection.class_names)
        self.refresh_sample()
        names = {row.name for row in summary.rows}
        first = next((row.name for row in summary.rows if row.leaf and row.params), None)
        chosen = previous if previous in names and previous else first
        if chosen is not None:
            self._select_layer(chosen)
        self.norms.show_static(inspection.model)

    # -- layers -----------------------------------------------------------------------------------
    def select_layer(self, module: str) -> None:
        """Inspect layer ``module`` as if it had been clicked."""
        self._select_layer(module)

    def _select_layer(self, module: str, from_graph: bool = False, from_tree: bool = False) -> None:
        """Show layer ``module`` in the inspector and highlight it in the graph and the table."""
        self.inspector.show_layer(module)
        if not from_graph:
            self.graph_tab.view.select_module(module)
        if not from_tree:
            self.layer_table.select_module(module)

    # -- samples ----------------------------------------------------------------------------------
    def _drawing(self) -> torch.Tensor | None:
        drawing = self.state.drawing
        return drawing if isinstance(drawing, torch.Tensor) else None

    def _update_sample_controls(self) -> None:
        self.samples.update_controls(self.chooser.dataset_spec() is not None, self._drawing() is not None,
                                     str(self.state.data_dir))

    def next_sample_clicked(self) -> None:
        """Step to another sample of the current kind."""
        if self.samples.kind() == SAMPLE_DATASET:
            self.samples.sample_index.setValue(self.samples.sample_index.value() + 1)
        else:
            self._noise_seed += 1
            self.refresh_sample()

    def choose_data_dir(self) -> None:
        """Pick the folder datasets are read from, for every panel."""
        chosen = QFileDialog.getExistingDirectory(self, translate("ModelPanel", "Folder with the datasets"),
                                                  str(self.state.data_dir))
        if chosen:
            self.state.set_data_dir(chosen)

    def _on_data_dir_changed(self, _folder: str) -> None:
        self.dataset_samples.forget()
        self.refresh_sample()

    def _on_drawing_changed(self, *_: Any) -> None:
        self._update_sample_controls()
        if self.samples.kind() == SAMPLE_DRAWING:
            self.refresh_sample()

    def _sample(self) -> Sample:
        kind = self.samples.kind()
        if kind == SAMPLE_DRAWING:
            drawing = self._drawing()
            if drawing is None:
                raise RuntimeError(translate("ModelPanel", "Nothing is drawn on the classify canvas yet."))
            return drawing_sample(drawing)
        if kind == SAMPLE_DATASET:
            spec = self.chooser.dataset_spec()
            if spec is None:
                raise RuntimeError(translate("ModelPanel", "Choose a dataset to take a sample from."))
            return self.dataset_samples.sample(spec, self.state.data_dir, self.samples.sample_index.value())
        return Sample(None, self._noise_text())

    def _noise_text(self) -> str:
        return translate("ModelPanel", "random noise (seed {seed})").format(seed=self._noise_seed)

    def refresh_sample(self, *_: Any) -> None:
        """Work out the sample and show the selected layer's activations for it, if the model fits it."""
        self._update_sample_controls()
        inspection = self.inspection
        if inspection is None:
            return
        try:
            sample = self._sample()
            self.samples.sample_note.setText("")
        except Exception as exc:  # a missing dataset must not break the panel: fall back to noise
            sample = Sample(None, self._noise_text())
            self.samples.sample_note.setText(f"{exc}\n" + translate("ModelPanel", "Showing random noise instead."))
        if sample.data is not None and not self._may_show(sample):
            self.inspector.set_sample(None, translate("ModelPanel", "No activations: the sample does not fit the "
                                                                    "model (see above)."))
            return
        image = fit_to_shape(sample.image, inspection.input_shape) if sample.image is not None else None
        batch = sample_batch(inspection.model, inspection.input_shape, image, seed=self._noise_seed)
        if image is not None and inspection.transform is not None:
            batch = inspection.transform(batch)
        self.inspector.set_sample(batch, sample.description)

    def _may_show(self, sample: Sample) -> bool:
        """Whether activations for ``sample`` may be shown; says why not (with the ways out) when they may not."""
        data = sample.data
        assert data is not None
        fit = self.controller.fit(data)
        if fit:
            self.samples.fit_bar.clear()
            return True
        if self.controller.shown_anyway(data):
            self.samples.fit_bar.show_message(
                translate("ModelPanel", "{reason} Shown anyway, as asked: the activations are those of inputs the "
                                        "model was not made for.").format(reason=fit.reason), kind="warning")
            return True
        actions = []
        dataset_id = self.inspection.identity.dataset_id if self.inspection is not None else ""
        if (data.dataset_id != "drawing" and dataset_id and dataset_id != data.dataset_id
                and self.chooser.dataset_combo.findData(dataset_id) >= 0):
            name = self.chooser.dataset_combo.itemText(self.chooser.dataset_combo.findData(dataset_id))
            actions.append((translate("ModelPanel", "Use {name}").format(name=name),
                            translate("ModelPanel", "Take the samples from {name}, the data the model is for.")
                            .format(name=name),
                            lambda: self.chooser.select(dataset_id=dataset_id)))
        actions.append((translate("ModelPanel", "Show anyway"),
                        translate("ModelPanel", "Show the activations for this sample although the model was not "
                                                "made for it."), lambda: self._show_anyway(data)))
        self.samples.fit_bar.show_message(fit.reason, kind="warning", actions=tuple(actions))
        return False

    def _show_anyway(self, data: Any) -> None:
        self.controller.show_anyway(data)
        self.refresh_sample()

    # -- the current model ------------------------------------------------------------------------
    def _on_predictor_changed(self, predictor: Any) -> None:
        self.norms.predictor_changed(predictor)
        self.chooser.set_current_available(predictor is not None)
        if predictor is not None and self.chooser.current_source():
            self._select_model_dataset()
            self.build()

    def _on_model_updated(self) -> None:
        if self.isVisible():
            self._follow_current_model()
        else:
            self._follow_pending = True  # copying the weights and re-running the sample waits until shown

    def _follow_current_model(self) -> None:
        """Copy the current model's new weights into the inspected snapshot, keeping the view as it is."""
        if self.controller.follow_current_model():
            self.inspector.refresh_weights()
            self.refresh_sample()

    def fit_side_column(self) -> None:
        """Give the model chooser the width it needs, taken from the graph, where the window has room for both."""
        sizes = self.splitter.sizes()
        scrollbar = self.side_scroll.style().pixelMetric(self.side_scroll.style().PixelMetric.PM_ScrollBarExtent)
        wanted = self.chooser.minimumSizeHint().width() + scrollbar + 4
        spare = sizes[1] - self.tabs.minimumSizeHint().width()
        if sizes[0] < wanted and spare > 0:
            grow = min(wanted - sizes[0], spare)
            self.splitter.setSizes([sizes[0] + grow, sizes[1] - grow, sizes[2]])

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        """The first time the panel shows, build the chosen model so there is something to look at."""
        super().showEvent(event)
        if self._follow_pending:
            self._follow_pending = False
            self._follow_current_model()
        if self.state.training_active:
            self.norms.watch()
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self.fit_side_column)
            if self.inspection is None and not self.controller.running() and self.chooser.model_spec() is not None:
                QTimer.singleShot(0, self._first_build)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        """Stop watching the gradients while hidden; the last norms stay in the view."""
        super().hideEvent(event)
        self.norms.stop(keep_view=True)

    def _first_build(self) -> None:
        if self.inspection is None and not self.controller.running():
            self.build()

    # -- panel API --------------------------------------------------------------------------------
    def focus_with(self, action: str = "", path: str | None = None, model_id: str | None = None, **_: Any) -> None:
        """``action="open_file"`` (File > Open model…): open ``path``, or ask for one; ``model_id``: build and show it."""
        if action == "open_file":
            self.files.open_file(path)
        elif model_id is not None:
            self.chooser.fill()
            self.chooser.select(model_id)
            self.build()

    def restore_settings(self, settings: QSettings) -> None:
        """Bring back the last model, dataset, parameters and detail level."""
        model_id = settings.value("model")
        dataset_id = settings.value("dataset")
        try:
            self.chooser.select(str(model_id) if model_id else None, str(dataset_id) if dataset_id else None)
        except KeyError:
            pass  # a plugin that is gone: keep the defaults
        params = settings.value("params")
        if isinstance(params, dict):
            self.chooser.param_form.set_values(params)
        detail = settings.value("detail")  # the level's English name, whatever the language
        depth = next((d for text, d in DETAIL_LEVELS if text == str(detail)), None) if detail else None
        index = self.graph_tab.detail_combo.findData(depth) if depth is not None else -1
        if index >= 0:
            self.graph_tab.detail_combo.setCurrentIndex(index)
        settings.remove("data_dir")  # the data folder is the app's now (AppState.data_dir)

    def save_settings(self, settings: QSettings) -> None:
        """Remember the current choices."""
        settings.setValue("model", self.chooser.model_combo.currentData() or "")
        settings.setValue("dataset", self.chooser.dataset_combo.currentData() or "")
        try:
            settings.setValue("params", self.chooser.param_form.values())
        except Exception:
            pass
        depth = self.graph_tab.detail_combo.currentData()
        settings.setValue("detail", next((text for text, d in DETAIL_LEVELS if d == depth),
                                         self.graph_tab.detail_combo.currentText()))

    def shutdown(self) -> None:
        """Stop the timers and the gradient hooks, then cancel and join the build task."""
        self.rebuild_timer.stop()
        self.norms.close()
        super().shutdown()
