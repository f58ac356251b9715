"""The Model panel: look inside a network before and while it trains.

Pick a model from the plugins (with its parameter form) and the dataset it is for,
so every shape is the real one; or look at the app's current model (from training
or a checkpoint). The panel shows the walkthrough's ``print(model)`` text, a layer
table with output shapes, parameters and cost, the dataflow graph, and for a
clicked layer its weights, filters and activations for a sample. While a model
trains, each layer's parameter and gradient norms update live.

Building a model (and tracing it) runs on a worker thread; everything else is
quick enough for the GUI thread. All the looking is done by ``torchdesk.core.inspect``.
"""

from __future__ import annotations

import copy
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import torch
from PySide6.QtCore import QSettings, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from torch import nn

from torchdesk.core import events
from torchdesk.core.inspect.graph import ModelGraph, build_graph, collapse_graph
from torchdesk.core.inspect.norms import GradNormMonitor, layer_norms
from torchdesk.core.inspect.probe import sample_batch
from torchdesk.core.inspect.summary import ModelSummary, human_bytes, human_count, summarize
from torchdesk.core.threads import use_all_threads_here
from torchdesk.core.userdirs import default_data_dir
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.state import AppState
from torchdesk.desktop.widgets.layer_inspector import LayerInspector
from torchdesk.desktop.widgets.model_graph_view import ModelGraphView
from torchdesk.desktop.widgets.norms_view import NormsView
from torchdesk.desktop.widgets.param_form import ParamForm

SOURCE_REGISTRY = "registry"
SOURCE_CURRENT = "current"
CUSTOM_INPUT = ""  # the dataset combo's "custom shape" entry
AUTO_NODE_LIMIT = 80  # above this many boxes the graph starts folded into blocks
AUTO_FOLD_TARGET = 40  # when folding automatically, aim for at most this many boxes
NORMS_INTERVAL_S = 0.3  # how often the live norms view refreshes, and so how often training records them
DETAIL_LEVELS = (("Auto", -1), ("Every layer", 0), ("Top-level modules", 1), ("Modules to depth 2", 2),
                 ("Modules to depth 3", 3), ("Modules to depth 4", 4))
SAMPLE_NOISE, SAMPLE_DATASET, SAMPLE_DRAWING = "noise", "dataset", "drawing"


@dataclass
class Inspection:
    """A built model and everything computed from it once."""

    model: nn.Module
    summary: ModelSummary
    graph: ModelGraph
    input_shape: tuple[int, int, int]
    class_names: list[str]
    title: str
    live: bool = False  # a copy of the app's current model


# Every build thread stays referenced here until it has finished, so a panel deleted
# mid-build (a test that drops the window) never destroys a running QThread.
_LIVE_JOBS: list["_Job"] = []


class _Job(QThread):
    """Runs one function off the GUI thread and hands back its result or its error."""

    done = Signal(object, int)
    failed = Signal(str, str, int)

    def __init__(self, function: Callable[[], Any], generation: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.function = function
        self.generation = generation

    def run(self) -> None:  # noqa: D102 (QThread API)
        use_all_threads_here()  # a build thread ends with its job, taking its CPU threads along
        try:
            result = self.function()
        except Exception as exc:
            self.failed.emit(f"{type(exc).__name__}: {exc}" if not str(exc).startswith(type(exc).__name__) else str(exc),
                             traceback.format_exc(), self.generation)
            return
        self.done.emit(result, self.generation)


def inspect_model(model: nn.Module, input_shape: tuple[int, int, int], class_names: list[str], title: str,
                  live: bool = False) -> Inspection:
    """Summary and graph of ``model`` for ``input_shape`` (the worker's job)."""
    summary = summarize(model, input_shape)
    graph = build_graph(model, input_shape)
    return Inspection(model, summary, graph, input_shape, class_names, title, live)


class ModelPanel(Panel):
    """Choose a model and input; see its summary, layers, graph, weights, activations and norms."""

    panel_id = "model"
    title = "Model"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.inspection: Inspection | None = None
        self.jobs: list[_Job] = []
        self.generation = 0
        self.monitor: GradNormMonitor | None = None
        self.norms_dirty = False
        self.batches_seen = 0
        self.data_dir = str(default_data_dir())
        self._dataset_cache: tuple[tuple[str, str], Any] | None = None
        self._noise_seed = 0
        self._shown_once = False
        self._follow_pending = False  # the current model changed while the panel was hidden
        self._build_ui()
        self._fill_models()
        self._fill_datasets()
        self.state.registry_changed.connect(self._on_registry_changed)
        self.state.predictor_changed.connect(self._on_predictor_changed)
        self.state.training_event.connect(self._on_training_event)
        self.state.model_updated.connect(self._on_model_updated)
        drawing_changed = getattr(self.state, "drawing_changed", None)
        if drawing_changed is not None:
            drawing_changed.connect(self._on_drawing_changed)
        # The view follows the choices: a changed model, parameter, dataset or shape rebuilds shortly after.
        self.rebuild_timer = QTimer(self)
        self.rebuild_timer.setSingleShot(True)
        self.rebuild_timer.setInterval(400)
        self.rebuild_timer.timeout.connect(self._rebuild_after_change)
        for signal in (self.model_combo.currentIndexChanged, self.param_form.changed,
                       self.dataset_combo.currentIndexChanged, self.channels_box.valueChanged,
                       self.height_box.valueChanged, self.width_box.valueChanged, self.classes_box.valueChanged):
            signal.connect(self._choice_changed)
        self.norms_timer = QTimer(self)
        self.norms_timer.setInterval(int(1000 * NORMS_INTERVAL_S))
        self.norms_timer.timeout.connect(self._refresh_norms)
        self.norms_timer.start()
        self._on_predictor_changed(self.state.predictor)

    # -- layout -----------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.source_combo = QComboBox()
        self.source_combo.addItem("A model from the plugins", SOURCE_REGISTRY)
        self.source_combo.addItem("The app's current model", SOURCE_CURRENT)
        self.source_combo.setToolTip("Inspect a freshly built model from the plugins, or the model the app is "
                                     "using now (the one training or loaded from a checkpoint).")
        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.model_combo = QComboBox()
        self.model_combo.setToolTip("Which model to build (every model any plugin offers).")
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self.model_description = QLabel()
        self.model_description.setWordWrap(True)
        self.model_description.setEnabled(False)
        self.param_form = ParamForm()
        self.dataset_combo = QComboBox()
        self.dataset_combo.setToolTip("The dataset the model is for: it sets the input shape and class count, "
                                      "so the shapes shown are the real ones.")
        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_changed)
        self.channels_box, self.height_box, self.width_box = QSpinBox(), QSpinBox(), QSpinBox()
        for box, name, high in ((self.channels_box, "channels", 64), (self.height_box, "height", 1024),
                                (self.width_box, "width", 1024)):
            box.setRange(1, high)
            box.setToolTip(f"Input {name} (set by the dataset; editable for a custom shape).")
        self.classes_box = QSpinBox()
        self.classes_box.setRange(1, 100000)
        self.classes_box.setToolTip("Number of classes the model predicts (set by the dataset).")
        shape_row = QHBoxLayout()
        for box in (self.channels_box, self.height_box, self.width_box):
            shape_row.addWidget(box)

        self.build_button = QPushButton("Build and inspect")
        self.build_button.setToolTip("Build the model for this input and show it (Ctrl+Return).")
        self.build_button.clicked.connect(self.build)
        self.status_label = QLabel("Choose a model and press Build.")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        model_box = QGroupBox("Model")
        model_form = QFormLayout(model_box)
        model_form.addRow("Source:", self.source_combo)
        model_form.addRow("Model:", self.model_combo)
        model_form.addRow(self.model_description)
        model_form.addRow(self.param_form)
        self.model_box = model_box
        input_box = QGroupBox("Input")
        input_form = QFormLayout(input_box)
        input_form.addRow("Dataset:", self.dataset_combo)
        input_form.addRow("C × H × W:", shape_row)
        input_form.addRow("Classes:", self.classes_box)
        self.input_box = input_box

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(model_box)
        side_layout.addWidget(input_box)
        side_layout.addWidget(self.build_button)
        side_layout.addWidget(self.status_label)
        side_layout.addStretch(1)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(side)
        side_scroll.setMinimumWidth(250)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # Graph tab
        self.graph_view = ModelGraphView()
        self.graph_view.setToolTip("The model's dataflow graph. Wheel: zoom; drag: pan; F: fit; 0: actual size; "
                                   "click a layer to inspect it.")
        self.graph_view.node_clicked.connect(self._on_node_clicked)
        self.detail_combo = QComboBox()
        for text, depth in DETAIL_LEVELS:
            self.detail_combo.addItem(text, depth)
        self.detail_combo.setToolTip("Draw every layer, or fold everything inside modules nested deeper than a "
                                     "depth into one box each (a residual block, a stage). Auto folds large models.")
        self.detail_combo.currentIndexChanged.connect(self._show_graph)
        buttons = []
        for text, tip, slot in (("Fit", "Show the whole graph (F)", self.graph_view.fit),
                                ("100%", "Actual size, from the top (0)", self.graph_view.reset_zoom),
                                ("PNG…", "Export the graph as a PNG image (Ctrl+Shift+E)", self.export_png),
                                ("SVG…", "Export the graph as an SVG drawing (Ctrl+Alt+E)", self.export_svg)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.append(button)
        self.fit_button, self.zoom_button, self.png_button, self.svg_button = buttons
        self.graph_banner = QLabel()
        self.graph_banner.setWordWrap(True)
        self.graph_banner.setVisible(False)
        self.graph_banner.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; padding: 4px; border-radius: 3px; }")
        graph_bar = QHBoxLayout()
        graph_bar.addWidget(QLabel("Detail:"))
        graph_bar.addWidget(self.detail_combo)
        graph_bar.addStretch(1)
        for button in buttons:
            graph_bar.addWidget(button)
        self.graph_info = QLabel()
        self.graph_info.setEnabled(False)
        graph_tab = QWidget()
        graph_layout = QVBoxLayout(graph_tab)
        graph_layout.setContentsMargins(2, 2, 2, 2)
        graph_layout.addLayout(graph_bar)
        graph_layout.addWidget(self.graph_banner)
        graph_layout.addWidget(self.graph_view, 1)
        graph_layout.addWidget(self.graph_info)

        # Layers tab
        self.layer_tree = QTreeWidget()
        self.layer_tree.setHeaderLabels(["Layer", "Type", "Output shape", "Parameters", "Trainable", "MACs"])
        self.layer_tree.setToolTip("Every module with its output shape for the current input, its parameters "
                                   "(including those of its children) and multiply-accumulates per sample.")
        self.layer_tree.setAlternatingRowColors(True)
        self.layer_tree.setUniformRowHeights(True)
        self.layer_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.layer_tree.itemSelectionChanged.connect(self._on_tree_selection)

        # Summary tab
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model_text = QPlainTextEdit()
        self.model_text.setReadOnly(True)
        self.model_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.model_text.setToolTip("print(model): how PyTorch itself describes the model.")
        font = self.model_text.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.model_text.setFont(font)
        summary_tab = QWidget()
        summary_layout = QVBoxLayout(summary_tab)
        summary_layout.addWidget(self.totals_label)
        summary_layout.addWidget(QLabel("print(model):"))
        summary_layout.addWidget(self.model_text, 1)

        self.norms_view = NormsView()

        self.tabs = QTabWidget()
        self.tabs.addTab(graph_tab, "Graph")
        self.tabs.addTab(self.layer_tree, "Layers")
        self.tabs.addTab(summary_tab, "Summary")
        self.tabs.addTab(self.norms_view, "Training norms")
        self.tabs.setTabToolTip(3, "Each layer's parameter and gradient norms, live while the current model trains.")

        # Sample + inspector
        self.sample_combo = QComboBox()
        self.sample_combo.addItem("Random noise", SAMPLE_NOISE)
        self.sample_combo.addItem("Dataset test sample", SAMPLE_DATASET)
        self.sample_combo.addItem("The drawing (classify panel)", SAMPLE_DRAWING)
        self.sample_combo.setToolTip("What to feed the model to see each layer's activations.")
        self.sample_combo.currentIndexChanged.connect(self.refresh_sample)
        self.sample_index = QSpinBox()
        self.sample_index.setRange(0, 10_000_000)
        self.sample_index.setToolTip("Which test sample of the dataset (0-based).")
        self.sample_index.valueChanged.connect(self.refresh_sample)
        self.next_sample = QToolButton()
        self.next_sample.setText("Next")
        self.next_sample.setToolTip("Another sample: the next dataset image, or new noise (Ctrl+N).")
        self.next_sample.clicked.connect(self.next_sample_clicked)
        self.data_button = QToolButton()
        self.data_button.setText("Data…")
        self.data_button.setToolTip(f"The folder datasets are read from (now {self.data_dir}).")
        self.data_button.clicked.connect(self.choose_data_dir)
        sample_row = QHBoxLayout()
        sample_row.addWidget(self.sample_combo, 1)
        sample_row.addWidget(self.sample_index)
        sample_row.addWidget(self.next_sample)
        sample_row.addWidget(self.data_button)
        self.sample_note = QLabel()
        self.sample_note.setWordWrap(True)
        self.inspector = LayerInspector()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(2, 2, 2, 2)
        right_layout.addLayout(sample_row)
        right_layout.addWidget(self.sample_note)
        right_layout.addWidget(self.inspector, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side_scroll)
        splitter.addWidget(self.tabs)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([290, 610, 380])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        # Window-wide while this tab shows (a hidden tab's shortcuts are inactive).
        for keys, slot in (("Ctrl+Return", self.build), ("Ctrl+Shift+E", self.export_png),
                           ("Ctrl+Alt+E", self.export_svg), ("Ctrl+N", self.next_sample_clicked)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self._update_sample_controls()

    # -- choices ----------------------------------------------------------------------------------
    def _fill_models(self) -> None:
        current = self.model_combo.currentData()
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for spec in self.state.registry.models():
            self.model_combo.addItem(spec.name, spec.id)
            self.model_combo.setItemData(self.model_combo.count() - 1, spec.description, Qt.ItemDataRole.ToolTipRole)
        self.model_combo.blockSignals(False)
        index = self.model_combo.findData(current)
        self.model_combo.setCurrentIndex(max(index, 0))
        self._on_model_changed()

    def _fill_datasets(self) -> None:
        current = self.dataset_combo.currentData()
        self.dataset_combo.blockSignals(True)
        self.dataset_combo.clear()
        for spec in self.state.registry.datasets():
            self.dataset_combo.addItem(spec.name, spec.id)
        self.dataset_combo.addItem("Custom shape", CUSTOM_INPUT)
        self.dataset_combo.blockSignals(False)
        index = self.dataset_combo.findData(current)
        if index < 0:
            index = max(self.dataset_combo.findData("fashion-mnist"), 0)
        self.dataset_combo.setCurrentIndex(index)
        self._on_dataset_changed()

    def select(self, model_id: str | None = None, dataset_id: str | None = None) -> None:
        """Choose a model and/or a dataset by id (tests and ``focus_with`` use it)."""
        if model_id is not None:
            index = self.model_combo.findData(model_id)
            if index < 0:
                raise KeyError(f"no model {model_id!r} in the registry")
            self.model_combo.setCurrentIndex(index)
        if dataset_id is not None:
            index = self.dataset_combo.findData(dataset_id)
            if index < 0:
                raise KeyError(f"no dataset {dataset_id!r} in the registry")
            self.dataset_combo.setCurrentIndex(index)

    def _model_spec(self) -> Any:
        model_id = self.model_combo.currentData()
        return self.state.registry.model(model_id) if model_id else None

    def _dataset_spec(self) -> Any:
        dataset_id = self.dataset_combo.currentData()
        return self.state.registry.dataset(dataset_id) if dataset_id else None

    def _on_model_changed(self, *_: Any) -> None:
        spec = self._model_spec()
        self.param_form.set_params(spec.params if spec is not None else ())
        self.model_description.setText(spec.description if spec is not None else "No model plugin is loaded.")

    def _on_dataset_changed(self, *_: Any) -> None:
        spec = self._dataset_spec()
        known_shape = spec is not None and spec.input_shape is not None
        if known_shape:
            c, h, w = spec.input_shape
            self.channels_box.setValue(c)
            self.height_box.setValue(h)
            self.width_box.setValue(w)
        elif spec is not None or self.channels_box.value() == 1 and self.height_box.value() == 1:
            self.channels_box.setValue(max(self.channels_box.value(), 3) if spec is not None else 1)
            self.height_box.setValue(max(self.height_box.value(), 28))
            self.width_box.setValue(max(self.width_box.value(), 28))
        if spec is not None and spec.class_names:
            self.classes_box.setValue(len(spec.class_names))
        for box in (self.channels_box, self.height_box, self.width_box):
            box.setEnabled(not known_shape)
        self.classes_box.setEnabled(not (spec is not None and spec.class_names))
        self._dataset_cache = None
        self._update_sample_controls()

    def _on_source_changed(self, *_: Any) -> None:
        current = self.source_combo.currentData() == SOURCE_CURRENT
        self.model_combo.setEnabled(not current)
        self.param_form.setEnabled(not current)
        self.input_box.setEnabled(not current)
        self.build_button.setText("Inspect the current model" if current else "Build and inspect")
        if current:
            self.build()

    def _on_registry_changed(self) -> None:
        self._fill_models()
        self._fill_datasets()

    def input_shape(self) -> tuple[int, int, int]:
        """The ``(C, H, W)`` the model is built for."""
        return (self.channels_box.value(), self.height_box.value(), self.width_box.value())

    def class_names(self) -> list[str]:
        """The dataset's class names, or numbers when it names none."""
        spec = self._dataset_spec()
        if spec is not None and spec.class_names:
            return list(spec.class_names)
        return [str(i) for i in range(self.classes_box.value())]

    # -- building -----------------------------------------------------------------------------------
    def _choice_changed(self, *_: Any) -> None:
        if self.inspection is not None and self.source_combo.currentData() == SOURCE_REGISTRY:
            self.rebuild_timer.start()

    def _rebuild_after_change(self) -> None:
        if self.source_combo.currentData() == SOURCE_REGISTRY:
            self.build()

    def build(self) -> None:
        """Build (or copy) the model on a worker thread and show it when ready."""
        self.rebuild_timer.stop()
        try:
            job_function, title = self._job_for_choice()
        except Exception as exc:
            self._show_problem(str(exc), traceback.format_exc())
            return
        self.generation += 1
        for old in [j for j in _LIVE_JOBS if j.isFinished()]:
            old.wait()
            _LIVE_JOBS.remove(old)
        job = _Job(job_function, self.generation)
        _LIVE_JOBS.append(job)
        job.done.connect(self._on_built)
        job.failed.connect(self._on_build_failed)
        job.finished.connect(self._reap_jobs)
        self.jobs.append(job)
        self.status_label.setText(f"Building {title}…")
        self.state.show_status(f"Building {title}…")
        job.start()

    def _job_for_choice(self) -> tuple[Callable[[], Inspection], str]:
        if self.source_combo.currentData() == SOURCE_CURRENT:
            predictor = self.state.predictor
            if predictor is None:
                raise RuntimeError("The app has no current model yet: train one, load a checkpoint, "
                                   "or inspect a model from the plugins instead.")
            live_model = predictor.model
            shape = tuple(predictor.input_shape)
            names = list(predictor.class_names)
            title = predictor.source or type(live_model).__name__
            # A copy, so switching to eval mode here never disturbs a run in progress.
            return (lambda: inspect_model(copy.deepcopy(live_model), shape, names, title, live=True)), title
        spec = self._model_spec()
        if spec is None:
            raise RuntimeError("No model plugin is loaded: run `torchdesk plugins` to see what failed.")
        params = spec.resolve_params(self.param_form.values())
        shape = self.input_shape()
        classes = self.classes_box.value()
        names = self.class_names()

        def job() -> Inspection:
            model = spec.factory(input_shape=shape, num_classes=classes, **params)
            if not isinstance(model, nn.Module):
                raise TypeError(f"model {spec.id!r} returned {type(model).__name__}, not an nn.Module")
            return inspect_model(model, shape, names, spec.name)

        return job, spec.name

    def _reap_jobs(self) -> None:
        for job in [j for j in self.jobs if j.isFinished()]:
            job.wait()
            self.jobs.remove(job)

    def _on_build_failed(self, message: str, detail: str, generation: int) -> None:
        if generation != self.generation:
            return
        self._show_problem(f"Could not build the model: {message}", detail)

    def _show_problem(self, message: str, detail: str = "") -> None:
        self.status_label.setText(message)
        self.status_label.setStyleSheet("QLabel { color: #b3261e; }")
        self.state.report_error(message, detail)

    def _on_built(self, inspection: Inspection, generation: int) -> None:
        if generation != self.generation:
            return  # a newer build superseded this one
        self.inspection = inspection
        summary = inspection.summary
        self.status_label.setStyleSheet("")
        note = f"{inspection.title}: {summary.total_params:,} parameters, {human_count(summary.macs)} MACs"
        if summary.error:
            note += f"\nThe sample input did not pass through: {summary.error}"
            self.status_label.setStyleSheet("QLabel { color: #b3261e; }")
        self.status_label.setText(note)
        self.state.show_status(note.splitlines()[0])
        self.totals_label.setText(summary.totals_text())
        self.model_text.setPlainText(summary.text)
        self._fill_layer_tree(summary)
        self._show_graph()
        previous = self.inspector.module_name
        self.inspector.set_model(inspection.model, inspection.class_names)
        self.refresh_sample()
        names = {row.name for row in summary.rows}
        first = next((row.name for row in summary.rows if row.leaf and row.params), None)
        chosen = previous if previous in names and previous else first
        if chosen is not None:
            self._select_layer(chosen)
        if self.monitor is None:
            self._show_static_norms()

    def _fill_layer_tree(self, summary: ModelSummary) -> None:
        tree = self.layer_tree
        tree.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        for row in summary.rows:
            shape = row.shape_text + (f"  (×{row.calls} calls)" if row.calls > 1 else "")
            short = row.name.rsplit(".", 1)[-1] if row.name else "(model)"
            values = [short, row.type, shape, f"{row.params:,}", row.trainable_text,
                      human_count(row.macs) if row.macs else "—"]
            parent_name = row.name.rsplit(".", 1)[0] if "." in row.name else ("" if row.name else None)
            parent = parents.get(parent_name) if parent_name is not None else None
            item = QTreeWidgetItem(parent if parent is not None else tree, values)
            item.setData(0, Qt.ItemDataRole.UserRole, row.name)
            item.setToolTip(0, f"{row.name or 'the whole model'}: {row.detail or row.type}")
            for col in (3, 5):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parents[row.name] = item
        tree.expandToDepth(1)
        for col in range(1, tree.columnCount()):
            tree.resizeColumnToContents(col)

    # -- graph --------------------------------------------------------------------------------------
    def graph_depth(self) -> int:
        """How deep the drawn graph folds modules (0 = every layer)."""
        depth = self.detail_combo.currentData()
        if self.inspection is None or depth != -1:
            return int(depth or 0)
        graph = self.inspection.graph
        if len(graph.nodes) <= AUTO_NODE_LIMIT:
            return 0
        for candidate in range(graph.max_depth(), 0, -1):
            if len(collapse_graph(graph, candidate, self.inspection.model).nodes) <= AUTO_FOLD_TARGET:
                return candidate
        return 1

    def _show_graph(self, *_: Any) -> None:
        if self.inspection is None:
            return
        graph = self.inspection.graph
        depth = self.graph_depth()
        shown = collapse_graph(graph, depth, self.inspection.model) if depth else graph
        banner = []
        if graph.fallback:
            banner.append("torch.fx could not trace this model, so the graph was recorded from one forward pass "
                          f"with module hooks: it shows the path this input took. ({graph.fallback_reason})")
        banner.extend(graph.notes)
        self.graph_banner.setText("\n".join(banner))
        self.graph_banner.setVisible(bool(banner))
        self.graph_view.set_graph(shown)
        # Lay the page out with the banner in place first, so "readable" measures the real viewport.
        self.graph_banner.parentWidget().layout().activate()
        self.graph_view.show_readable()
        how = "module hooks (fallback)" if graph.fallback else "torch.fx"
        folded = f", folded to depth {depth}" if depth else ""
        self.graph_info.setText(f"{len(shown.nodes)} boxes, {len(shown.edges)} arrows — traced with {how}{folded}. "
                                "Wheel zooms, drag pans, F fits.")

    def _on_node_clicked(self, module: str, _node_id: str) -> None:
        self._select_layer(module, from_graph=True)

    def _on_tree_selection(self) -> None:
        items = self.layer_tree.selectedItems()
        if items:
            self._select_layer(str(items[0].data(0, Qt.ItemDataRole.UserRole)), from_tree=True)

    def _select_layer(self, module: str, from_graph: bool = False, from_tree: bool = False) -> None:
        """Show layer ``module`` in the inspector and highlight it in the graph and the table."""
        self.inspector.show_layer(module)
        if not from_graph:
            self.graph_view.select_module(module)
        if not from_tree:
            self.layer_tree.blockSignals(True)
            self.layer_tree.clearSelection()
            for item in self._tree_items():
                if item.data(0, Qt.ItemDataRole.UserRole) == module:
                    item.setSelected(True)
                    self.layer_tree.scrollToItem(item)
                    break
            self.layer_tree.blockSignals(False)

    def _tree_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        stack = [self.layer_tree.topLevelItem(i) for i in range(self.layer_tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            items.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return items

    def select_layer(self, module: str) -> None:
        """Inspect layer ``module`` as if it had been clicked (tests use it)."""
        self._select_layer(module)

    def export_png(self) -> None:
        """Ask for a file name and save the graph as a PNG."""
        self._export("PNG image (*.png)", ".png", self.graph_view.export_png)

    def export_svg(self) -> None:
        """Ask for a file name and save the graph as an SVG drawing."""
        self._export("SVG drawing (*.svg)", ".svg", self.graph_view.export_svg)

    def _export(self, file_filter: str, suffix: str, write: Callable[[str], Any]) -> None:
        if self.inspection is None:
            self.state.show_status("Build a model first: there is no graph to export yet.")
            return
        name = self.inspection.title.split(" (")[0].lower().replace(" ", "-") + "-graph" + suffix
        path, _ = QFileDialog.getSaveFileName(self, "Export the graph", str(Path.home() / name), file_filter)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            write(path)
        except Exception as exc:
            self._show_problem(str(exc), traceback.format_exc())
            return
        self.state.show_status(f"Saved the graph to {path}")

    # -- samples ----------------------------------------------------------------------------------
    def _drawing(self) -> torch.Tensor | None:
        drawing = getattr(self.state, "drawing", None)
        return drawing if isinstance(drawing, torch.Tensor) else None

    def _update_sample_controls(self) -> None:
        kind = self.sample_combo.currentData()
        self.sample_index.setVisible(kind == SAMPLE_DATASET)
        self.data_button.setVisible(kind == SAMPLE_DATASET)
        model = self.sample_combo.model()
        drawing_item = model.item(self.sample_combo.findData(SAMPLE_DRAWING))
        has_drawing = self._drawing() is not None
        drawing_item.setEnabled(has_drawing)
        drawing_item.setToolTip("" if has_drawing else "Nothing drawn on the classify canvas yet.")
        dataset_item = model.item(self.sample_combo.findData(SAMPLE_DATASET))
        dataset_item.setEnabled(self._dataset_spec() is not None)

    def next_sample_clicked(self) -> None:
        """Step to another sample of the current kind."""
        if self.sample_combo.currentData() == SAMPLE_DATASET:
            self.sample_index.setValue(self.sample_index.value() + 1)
        else:
            self._noise_seed += 1
            self.refresh_sample()

    def choose_data_dir(self) -> None:
        """Pick the folder datasets are read from."""
        chosen = QFileDialog.getExistingDirectory(self, "Folder with the datasets", self.data_dir)
        if chosen:
            self.set_data_dir(chosen)

    def set_data_dir(self, folder: str) -> None:
        """Read dataset samples from ``folder``."""
        self.data_dir = folder
        self.data_button.setToolTip(f"The folder datasets are read from (now {folder}).")
        self._dataset_cache = None
        self.refresh_sample()

    def refresh_sample(self, *_: Any) -> None:
        """Work out the sample batch and show the selected layer's activations for it."""
        self._update_sample_controls()
        if self.inspection is None:
            return
        try:
            raw, description = self._raw_sample()
            self.sample_note.setText("")
        except Exception as exc:  # a missing dataset must not break the panel: fall back to noise
            raw, description = None, f"random noise (seed {self._noise_seed})"
            self.sample_note.setText(f"{exc}\nShowing random noise instead.")
        model = self.inspection.model
        batch = sample_batch(model, self.inspection.input_shape, raw, seed=self._noise_seed)
        predictor = self.state.predictor
        if self.inspection.live and predictor is not None and raw is not None:
            batch = predictor.transform(batch)
        self.inspector.set_sample(batch, description)

    def _raw_sample(self) -> tuple[torch.Tensor | None, str]:
        kind = self.sample_combo.currentData()
        shape = self.inspection.input_shape if self.inspection is not None else self.input_shape()
        if kind == SAMPLE_DRAWING:
            drawing = self._drawing()
            if drawing is None:
                raise RuntimeError("Nothing is drawn on the classify canvas yet.")
            return fit_to_shape(drawing, shape), "the drawing"
        if kind == SAMPLE_DATASET:
            image, label = self._dataset_sample(self.sample_index.value())
            names = self.class_names()
            label_text = names[label] if isinstance(label, int) and 0 <= label < len(names) else str(label)
            return fit_to_shape(image, shape), f"test sample #{self.sample_index.value()} ({label_text})"
        return None, f"random noise (seed {self._noise_seed})"

    def _dataset_sample(self, index: int) -> tuple[torch.Tensor, Any]:
        from torchdesk.core.data import open_dataset
        from torchvision.transforms.functional import pil_to_tensor

        spec = self._dataset_spec()
        if spec is None:
            raise RuntimeError("Choose a dataset to take a sample from.")
        key = (spec.id, self.data_dir)
        if self._dataset_cache is None or self._dataset_cache[0] != key:
            self._dataset_cache = (key, open_dataset(spec, self.data_dir, train=False))
        dataset = self._dataset_cache[1]
        if len(dataset) == 0:
            raise RuntimeError(f"{spec.name} in {self.data_dir} has no test samples.")
        if index >= len(dataset):
            raise RuntimeError(f"{spec.name} has {len(dataset)} test samples; #{index} does not exist.")
        image, label = dataset[index]
        if not isinstance(image, torch.Tensor):
            image = pil_to_tensor(image).float() / 255.0
        label = int(label) if isinstance(label, (int, torch.Tensor)) and torch.as_tensor(label).numel() == 1 else label
        return image, label

    def _on_drawing_changed(self, *_: Any) -> None:
        self._update_sample_controls()
        if self.sample_combo.currentData() == SAMPLE_DRAWING:
            self.refresh_sample()

    # -- live norms -------------------------------------------------------------------------------
    def _on_predictor_changed(self, predictor: Any) -> None:
        if self.monitor is not None and (predictor is None or predictor.model is not self.monitor.model):
            self._stop_monitor()
        if predictor is not None and self.state.training_active:
            self._watch_norms()  # from the first step of the new run
        self.source_combo.model().item(1).setEnabled(predictor is not None)
        if predictor is not None and self.source_combo.currentData() == SOURCE_CURRENT:
            self.build()

    def _on_training_event(self, event: Any) -> None:
        predictor = self.state.predictor
        if isinstance(event, events.BatchEnd):
            self.batches_seen += 1
            if predictor is not None:
                self._watch_norms()
            self.norms_dirty = True
            self.last_step = (event.epoch, event.step, event.loss)
        elif isinstance(event, events.EpochEnd):
            self.norms_dirty = True
        elif isinstance(event, (events.Finished, events.Failed)):
            self._refresh_norms(force=True)
            self._stop_monitor(keep_view=True)

    def _watch_norms(self) -> None:
        """Hook the current model's gradients, only while the panel is on screen.

        The hooks run on the training thread: a hidden view must not slow training.
        """
        predictor = self.state.predictor
        if self.monitor is None and predictor is not None and self.isVisible():
            self.monitor = GradNormMonitor(predictor.model, min_interval_s=NORMS_INTERVAL_S)

    def _on_model_updated(self) -> None:
        self.norms_dirty = True
        if self.isVisible():
            self._follow_current_model()
        else:
            self._follow_pending = True  # copying the weights and re-running the sample waits until shown

    def _follow_current_model(self) -> None:
        """Copy the current model's new weights into the inspected copy, keeping the view as it is."""
        predictor = self.state.predictor
        if self.inspection is None or not self.inspection.live or predictor is None:
            return
        try:
            self.inspection.model.load_state_dict(predictor.model.state_dict())
        except Exception:
            return  # a different architecture now: the next build shows it
        self.inspector.refresh_weights()
        self.refresh_sample()

    def _stop_monitor(self, keep_view: bool = False) -> None:
        if self.monitor is not None:
            self.monitor.close()
            self.monitor = None
        if not keep_view:
            self.norms_view.clear("Norms appear here while a model trains (start a run in the training panel).")

    def _refresh_norms(self, force: bool = False) -> None:
        if self.monitor is None or not (self.norms_dirty or force) or not (force or self.isVisible()):
            return
        self.norms_dirty = False
        try:
            records = self.monitor.snapshot()
        except Exception as exc:  # the model changed under us: stop watching it
            self.norms_view.clear(f"Stopped watching the norms: {exc}")
            self._stop_monitor(keep_view=True)
            return
        step = getattr(self, "last_step", None)
        caption = ("Live: " if self.state.training_active else "After training: ")
        if step is not None:
            caption += f"epoch {step[0]}, step {step[1]}, loss {step[2]:.4f}. "
        caption += f"{len(records)} layers with parameters, {self.monitor.backwards} backward passes seen."
        self.norms_view.show_records(records, caption)

    def _show_static_norms(self) -> None:
        if self.inspection is None:
            return
        records = layer_norms(self.inspection.model)
        self.norms_view.show_records(records, "Parameter norms of the inspected model (no training running; "
                                     "gradient norms appear live while the current model trains).")

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        """The first time the panel shows, build the chosen model so there is something to look at."""
        super().showEvent(event)
        if self._follow_pending:
            self._follow_pending = False
            self._follow_current_model()
        if self.state.training_active:
            self._watch_norms()
        if not self._shown_once:
            self._shown_once = True
            if self.inspection is None and not self.jobs and self._model_spec() is not None:
                QTimer.singleShot(0, self._first_build)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        """Stop watching the gradients while hidden; the last norms stay in the view."""
        super().hideEvent(event)
        if self.monitor is not None:
            self._stop_monitor(keep_view=True)

    def _first_build(self) -> None:
        if self.inspection is None and not self.jobs:
            self.build()

    # -- panel API ----------------------------------------------------------------------------------
    def restore_settings(self, settings: QSettings) -> None:
        """Bring back the last model, dataset, detail level and data folder."""
        model_id = settings.value("model")
        dataset_id = settings.value("dataset")
        try:
            self.select(str(model_id) if model_id else None, str(dataset_id) if dataset_id else None)
        except KeyError:
            pass  # a plugin that is gone: keep the defaults
        params = settings.value("params")
        if isinstance(params, dict):
            self.param_form.set_values(params)
        detail = settings.value("detail")
        index = self.detail_combo.findText(str(detail)) if detail else -1
        if index >= 0:
            self.detail_combo.setCurrentIndex(index)
        data_dir = settings.value("data_dir")
        if data_dir:
            self.data_dir = str(data_dir)

    def save_settings(self, settings: QSettings) -> None:
        """Remember the current choices."""
        settings.setValue("model", self.model_combo.currentData() or "")
        settings.setValue("dataset", self.dataset_combo.currentData() or "")
        try:
            settings.setValue("params", self.param_form.values())
        except Exception:
            pass
        settings.setValue("detail", self.detail_combo.currentText())
        settings.setValue("data_dir", self.data_dir)

    def busy_reason(self) -> str:
        """Building a model is short; nothing worth asking about."""
        return ""

    def focus_with(self, **kwargs: Any) -> None:
        """``model=ID``, ``dataset=ID`` and ``layer=NAME`` choose what to show; a model id builds it."""
        try:
            self.select(kwargs.get("model"), kwargs.get("dataset"))
        except KeyError as exc:
            self.state.show_status(str(exc))
            return
        if kwargs.get("model"):
            self.build()

    def shutdown(self) -> None:
        """Wait for a build in progress and stop watching the training model."""
        self.norms_timer.stop()
        self.rebuild_timer.stop()
        for job in list(self.jobs):
            job.wait()
        self.jobs.clear()
        self._stop_monitor(keep_view=True)

    def wait_for_build(self, timeout_ms: int = 60000) -> bool:
        """Block until the running build finished (tests use it); True when none is left."""
        for job in list(self.jobs):
            if not job.wait(timeout_ms):
                return False
        return True


def fit_to_shape(image: torch.Tensor, shape: tuple[int, int, int]) -> torch.Tensor:
    """An image ``(H, W)`` or ``(C, H, W)`` in 0..1 converted to ``shape``'s channels and size."""
    tensor = image.detach().float().cpu()
    if tensor.dim() == 2:
        tensor = tensor.unsqueeze(0)
    c, h, w = shape
    if tensor.shape[0] != c:
        grey = tensor.mean(dim=0, keepdim=True)
        tensor = grey if c == 1 else grey.expand(c, -1, -1)
    if tuple(tensor.shape[1:]) != (h, w):
        tensor = torch.nn.functional.interpolate(tensor.unsqueeze(0), size=(h, w), mode="bilinear",
                                                 align_corners=False)[0]
    return tensor.contiguous()
