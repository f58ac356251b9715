"""The Train panel: set up a run from the plugin registry, train it, watch it live.

The left column chooses the dataset, model, optimizer, loss and transforms (each
with a form generated from its parameter schema) and the run's numbers; the right
shows Start / Pause / Stop, progress, live plots, the confusion matrix and a log.
Training runs on a :class:`~torchdesk.desktop.training_worker.TrainingController`
thread; this panel only reacts to its signals.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.events import BatchEnd, EpochEnd, Failed, Finished, StateChanged
from torchdesk.core.formatting import format_duration
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.userdirs import default_data_dir
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.state import AppState
from torchdesk.desktop.training_worker import (
    BatchChunk,
    EpochPredictions,
    TrainingController,
    describe_event,
)
from torchdesk.desktop.widgets.component_picker import ComponentPicker
from torchdesk.desktop.widgets.param_form import ParamForm, ScientificSpinBox
from torchdesk.desktop.widgets.steady_label import SteadyLabel
from torchdesk.desktop.widgets.training_plots import TrainingPlots

SETTINGS_KEY = "config"
SETUP_WIDTH = 380


class TransformsEditor(QWidget):
    """Checkable transforms (preprocessing, augmentations, label transforms) with their parameters."""

    ROLE_ID = Qt.ItemDataRole.UserRole

    def __init__(self, registry: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self._values: dict[str, dict[str, Any]] = {}
        self.use_defaults = QCheckBox("Use the dataset's default preprocessing", self)
        self.use_defaults.setChecked(True)
        self.use_defaults.setToolTip("ToTensor plus the dataset's usual normalisation. Untick to choose "
                                     "the preprocessing transforms yourself.")
        self.list = QListWidget(self)
        self.list.setToolTip("Tick the transforms to apply. Augmentations change training images only; "
                             "label transforms change the targets. Select one to edit its parameters.")
        self.list.setMinimumHeight(110)
        self.params_title = QLabel(self)
        self.form = ParamForm((), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.use_defaults)
        layout.addWidget(self.list)
        layout.addWidget(self.params_title)
        layout.addWidget(self.form)
        self.use_defaults.toggled.connect(self._update_enabled)
        self.list.currentItemChanged.connect(self._on_current)
        self.form.changed.connect(self._store_form)
        self.reload()

    def reload(self) -> None:
        """Rebuild the list from the registry (keeps ticks and values by id)."""
        ticked = self.ticked_ids()
        self.list.clear()
        for spec in self.registry.transforms():
            tag = " (labels)" if spec.target else " (training only)" if spec.random else ""
            item = QListWidgetItem(spec.name + tag)
            item.setData(self.ROLE_ID, spec.id)
            item.setToolTip(spec.description)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if spec.id in ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._update_enabled()
        self._on_current(self.list.currentItem(), None)

    def _spec(self, item: QListWidgetItem | None) -> Any:
        return self.registry.transform(item.data(self.ROLE_ID)) if item is not None else None

    def _update_enabled(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            spec = self._spec(item)
            preprocessing = not spec.target and not spec.random
            flags = item.flags()
            if preprocessing and self.use_defaults.isChecked():
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setForeground(self.palette().color(self.palette().ColorGroup.Disabled,
                                                        self.palette().ColorRole.Text))
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def _on_current(self, item: QListWidgetItem | None, _previous: Any) -> None:
        spec = self._spec(item)
        if spec is None:
            self.params_title.setText("Select a transform to see its parameters.")
            self.form.set_params(())
            return
        self.params_title.setText(f"<b>{spec.name}</b> parameters:")
        self.form.set_params(spec.params)
        self.form.set_values(self._values.get(spec.id, {}))

    def _store_form(self) -> None:
        spec = self._spec(self.list.currentItem())
        if spec is not None:
            try:
                self._values[spec.id] = self.form.values()
            except Exception:
                pass

    def ticked_ids(self) -> list[str]:
        """Ids of the ticked transforms, in list order."""
        return [self.list.item(r).data(self.ROLE_ID) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def _choice(self, spec: Any) -> ComponentChoice:
        values = spec.resolve_params(self._values.get(spec.id, {}))
        defaults = spec.defaults()
        return ComponentChoice(spec.id, {k: v for k, v in values.items() if defaults.get(k) != v})

    def config_parts(self) -> dict[str, Any]:
        """``transforms``, ``augmentations`` and ``target_transforms`` for a RunConfig."""
        pre, aug, target = [], [], []
        for spec_id in self.ticked_ids():
            spec = self.registry.transform(spec_id)
            (target if spec.target else aug if spec.random else pre).append(self._choice(spec))
        transforms = None if self.use_defaults.isChecked() else tuple(pre)
        return {"transforms": transforms, "augmentations": tuple(aug), "target_transforms": tuple(target)}

    def set_config_parts(self, config: RunConfig) -> list[str]:
        """Show the transforms of ``config``; returns notes on what could not be applied."""
        notes: list[str] = []
        wanted = list(config.augmentations) + list(config.target_transforms) + list(config.transforms or ())
        known = {spec.id for spec in self.registry.transforms()}
        for choice in wanted:
            if choice.id not in known:
                notes.append(f"transform {choice.id!r} is not installed any more")
                continue
            self._values[choice.id] = dict(choice.params)
        ids = {c.id for c in wanted}
        self.use_defaults.setChecked(config.transforms is None)
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(self.ROLE_ID) in ids else Qt.CheckState.Unchecked)
        self._on_current(self.list.currentItem(), None)
        return notes


class TrainPanel(Panel):
    """Train a model on a dataset and watch loss, accuracy and the confusion matrix live."""

    panel_id = "train"
    title = "Train"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.controller = TrainingController(self)
        self.run: Any = None
        self.predictions: EpochPredictions | None = None
        self.last_accuracy: float | None = None
        self._started_at = 0.0
        self._epochs = 0
        self._first_epoch = 0
        self._run_planned = False  # the plots know where this run ends
        self._build_setup()
        self._build_run_view()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.setup_scroll)
        splitter.addWidget(self.run_view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([SETUP_WIDTH, 900])
        splitter.setChildrenCollapsible(False)
        self.main_splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._connect()
        self._set_running(False)
        self.set_config(RunConfig())
        state.registry_changed.connect(self.reload_registry)

    # -- building ------------------------------------------------------------------
    def _build_setup(self) -> None:
        registry = self.state.registry
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(8)

        data_box = QGroupBox("Data")
        data_layout = QVBoxLayout(data_box)
        self.dataset_picker = ComponentPicker("dataset", registry.datasets())
        data_layout.addWidget(self.dataset_picker)
        folder_row = QHBoxLayout()
        self.data_dir_edit = QLineEdit()
        self.data_dir_edit.setPlaceholderText(str(default_data_dir()))
        self.data_dir_edit.setToolTip("The folder datasets are read from (and downloaded to). "
                                      f"Empty means the default, {default_data_dir()}.")
        self.choose_folder_button = QPushButton("Choose folder…")
        self.choose_folder_button.setToolTip("Pick the folder that holds (or will hold) the dataset files")
        self.choose_folder_button.clicked.connect(self.choose_data_folder)
        folder_row.addWidget(self.data_dir_edit, 1)
        folder_row.addWidget(self.choose_folder_button)
        data_form = QFormLayout()
        data_form.addRow("Data folder:", folder_row)
        self.download_check = QCheckBox("Download when missing")
        self.download_check.setToolTip("Fetch the dataset from the internet if its files are not in the data folder")
        data_form.addRow("", self.download_check)
        self.train_subset_spin = self._count_spin("Train only on the first N training samples (0 = all of them)")
        self.test_subset_spin = self._count_spin("Test only on the first N test samples (0 = all of them)")
        data_form.addRow("Train samples:", self.train_subset_spin)
        data_form.addRow("Test samples:", self.test_subset_spin)
        data_layout.addLayout(data_form)
        column.addWidget(data_box)

        model_box = QGroupBox("Model")
        model_layout = QVBoxLayout(model_box)
        self.model_picker = ComponentPicker("model", registry.models())
        model_layout.addWidget(self.model_picker)
        column.addWidget(model_box)

        opt_box = QGroupBox("Optimizer and loss")
        opt_layout = QVBoxLayout(opt_box)
        self.optimizer_picker = ComponentPicker("optimizer", registry.optimizers())
        opt_layout.addWidget(self.optimizer_picker)
        lr_form = QFormLayout()
        self.lr_spin = ScientificSpinBox()
        self.lr_spin.setRange(1e-8, 10.0)
        self.lr_spin.setValue(1e-3)
        self.lr_spin.setObjectName("lrSpin")
        self.lr_spin.setToolTip("Learning rate: how big each optimisation step is (arrow keys step by the leading digit)")
        lr_form.addRow("Learning rate:", self.lr_spin)
        opt_layout.addLayout(lr_form)
        self.loss_picker = ComponentPicker("loss", registry.losses())
        opt_layout.addWidget(QLabel("Loss:"))
        opt_layout.addWidget(self.loss_picker)
        column.addWidget(opt_box)

        transforms_box = QGroupBox("Transforms")
        transforms_layout = QVBoxLayout(transforms_box)
        self.transforms_editor = TransformsEditor(registry)
        transforms_layout.addWidget(self.transforms_editor)
        column.addWidget(transforms_box)

        run_box = QGroupBox("Run")
        run_form = QFormLayout(run_box)
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, 10000)
        self.epochs_spin.setValue(5)
        self.epochs_spin.setObjectName("epochsSpin")
        self.epochs_spin.setToolTip("How many passes over the training data")
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 1 << 16)
        self.batch_spin.setValue(64)
        self.batch_spin.setObjectName("batchSpin")
        self.batch_spin.setToolTip("Samples per optimisation step")
        self.device_combo = QComboBox()
        self.device_combo.setObjectName("deviceCombo")
        self.device_combo.setToolTip("Where to train: auto picks the best device found")
        self._fill_devices()
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(-1, 2**31 - 1)
        self.seed_spin.setSpecialValueText("random")
        self.seed_spin.setValue(0)
        self.seed_spin.setToolTip("The same seed gives the same run again; 'random' (the lowest value) differs each time")
        run_form.addRow("Epochs:", self.epochs_spin)
        run_form.addRow("Batch size:", self.batch_spin)
        run_form.addRow("Device:", self.device_combo)
        run_form.addRow("Seed:", self.seed_spin)
        self.lr_schedule_combo = QComboBox()
        self.lr_schedule_combo.setObjectName("lrScheduleCombo")
        self.lr_schedule_combo.addItem("Cosine (anneal to 0)", "cosine")
        self.lr_schedule_combo.addItem("Constant (as in the walkthrough)", "constant")
        self.lr_schedule_combo.setToolTip("How the learning rate changes during the run: cosine lowers it smoothly "
                                          "to zero by the last batch, constant keeps it")
        run_form.addRow("LR schedule:", self.lr_schedule_combo)
        run_files = QHBoxLayout()
        self.open_run_button = QPushButton("Open run…")
        self.open_run_button.setToolTip("Fill the form from a run file (TOML) exported earlier")
        self.open_run_button.clicked.connect(self.open_run_file)
        self.export_run_button = QPushButton("Export run…")
        self.export_run_button.setToolTip("Write these settings as a run file, with the command that trains it "
                                          "headless or on a cluster (torchdesk train --config FILE)")
        self.export_run_button.clicked.connect(self.export_run_file)
        run_files.addWidget(self.open_run_button)
        run_files.addWidget(self.export_run_button)
        run_form.addRow(run_files)
        column.addWidget(run_box)
        column.addStretch(1)

        self.setup_widget = content
        self.setup_scroll = QScrollArea()
        self.setup_scroll.setWidget(content)
        self.setup_scroll.setWidgetResizable(True)
        self.setup_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setup_scroll.setMinimumWidth(300)
        self.setup_scroll.setFrameShape(QFrame.Shape.NoFrame)

    @staticmethod
    def _count_spin(tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 10**9)
        spin.setSingleStep(1000)
        spin.setSpecialValueText("all")
        spin.setToolTip(tip)
        return spin

    def _fill_devices(self) -> None:
        from torchdesk.core.devices import available_devices, describe_device

        self.device_combo.clear()
        try:
            names = available_devices()
            self.device_combo.addItem(f"auto ({describe_device('auto')})", "auto")
            for name in names:
                self.device_combo.addItem(f"{name} — {describe_device(name)}", name)
        except Exception as exc:
            self.device_combo.addItem("auto", "auto")
            self.device_combo.setToolTip(f"Could not list devices: {exc}")

    def _build_run_view(self) -> None:
        view = QWidget()
        layout = QVBoxLayout(view)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        buttons = QHBoxLayout()
        self.start_button = QPushButton("Start")
        self.start_button.setObjectName("startButton")
        self.start_button.setToolTip("Start training with these settings (Ctrl+Return)")
        self.pause_button = QPushButton("Pause")
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.setToolTip("Hold training after the current batch, or continue it (Ctrl+P)")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip("Stop training after the current batch; the model keeps what it learned (Ctrl+.)")
        self.export_png_button = QPushButton("Export PNG…")
        self.export_png_button.setToolTip("Save the plots as an image")
        self.export_csv_button = QPushButton("Export CSV…")
        self.export_csv_button.setToolTip("Save every plotted number as a CSV (series, x, y)")
        for button in (self.start_button, self.pause_button, self.stop_button):
            button.setMinimumWidth(80)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_png_button)
        buttons.addWidget(self.export_csv_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._shortcut_start)
        QShortcut(QKeySequence("Ctrl+P"), self, self._shortcut_pause)
        QShortcut(QKeySequence("Ctrl+."), self, self._shortcut_stop)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat("Ready")
        self.progress.setToolTip("Progress of the whole run")
        self.rate_label = SteadyLabel("", widest="888,888 samples/s · 88:88:88 left")
        self.rate_label.setToolTip("Training speed and the estimated time left")
        self.rate_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.rate_label)
        layout.addLayout(progress_row)

        metrics = QHBoxLayout()
        self.epoch_label = SteadyLabel("Epoch –", widest="Epoch 888/888")
        self.epoch_label.setToolTip("The epoch being trained")
        self.loss_label = SteadyLabel("Loss –", widest="Loss 88.8888")
        self.loss_label.setToolTip("The smoothed training loss")
        self.accuracy_label = SteadyLabel("Test accuracy –", widest="Test accuracy 100.00% (epoch 888)")
        self.accuracy_label.setObjectName("accuracyLabel")
        self.accuracy_label.setToolTip("Share of the test split classified correctly at the last epoch end")
        font = self.accuracy_label.font()
        font.setBold(True)
        for label in (self.epoch_label, self.loss_label, self.accuracy_label):
            label.setFont(font)
            metrics.addWidget(label)
            metrics.addSpacing(18)
        metrics.addStretch(1)
        layout.addLayout(metrics)

        self.missing_frame = QFrame()
        self.missing_frame.setObjectName("missingData")
        self.missing_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.missing_frame.setStyleSheet("#missingData { border: 1px solid rgba(230, 160, 20, 200); "
                                         "background: rgba(230, 160, 20, 35); border-radius: 4px; }")
        missing_layout = QHBoxLayout(self.missing_frame)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.missing_choose = QPushButton("Choose folder…")
        self.missing_choose.setToolTip("Pick the folder that already holds these files, then start again")
        self.missing_choose.clicked.connect(self.choose_data_folder)
        self.missing_retry = QPushButton("Try again")
        self.missing_retry.setToolTip("Start again with the current data folder")
        self.missing_retry.clicked.connect(lambda: self.start())
        missing_buttons = QVBoxLayout()
        missing_buttons.addWidget(self.missing_choose)
        missing_buttons.addWidget(self.missing_retry)
        missing_buttons.addStretch(1)
        missing_layout.addWidget(self.missing_label, 1)
        missing_layout.addLayout(missing_buttons)
        self.missing_frame.hide()
        layout.addWidget(self.missing_frame)

        self.plots = TrainingPlots()
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setPlaceholderText("What happens during training is written here.")
        self.log_view.setToolTip("What happened during training")
        self.log_view.setMinimumHeight(60)
        self.view_splitter = QSplitter(Qt.Orientation.Vertical)
        self.view_splitter.addWidget(self.plots)
        self.view_splitter.addWidget(self.log_view)
        self.view_splitter.setStretchFactor(0, 5)
        self.view_splitter.setStretchFactor(1, 1)
        self.view_splitter.setSizes([520, 110])
        self.view_splitter.setChildrenCollapsible(False)
        layout.addWidget(self.view_splitter, 1)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.run_view = view

    def _connect(self) -> None:
        self.start_button.clicked.connect(lambda: self.start())
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.export_png_button.clicked.connect(self.export_png)
        self.export_csv_button.clicked.connect(self.export_csv)
        c = self.controller
        c.run_ready.connect(self._on_run_ready)
        c.batches.connect(self._on_batches)
        c.event.connect(self._on_event)
        c.predictions.connect(self._on_predictions)
        c.dataset_missing.connect(self._on_dataset_missing)
        c.running_changed.connect(self._set_running)
        self.plots.confusion.cell_clicked.connect(self.show_cell_samples)

    # -- configuration ---------------------------------------------------------------
    def config(self) -> RunConfig:
        """The run the form describes (raises ``ParamError``/``ValueError`` with a readable message)."""
        seed = self.seed_spin.value()
        return RunConfig(
            dataset=self.dataset_picker.choice(),
            model=self.model_picker.choice(),
            optimizer=self.optimizer_picker.choice(),
            loss=self.loss_picker.choice(),
            epochs=self.epochs_spin.value(),
            batch_size=self.batch_spin.value(),
            lr=float(self.lr_spin.value()),
            lr_schedule=str(self.lr_schedule_combo.currentData() or "cosine"),
            device=str(self.device_combo.currentData() or "auto"),
            seed=None if seed < 0 else seed,
            data_dir=self.data_dir_edit.text().strip(),
            download=self.download_check.isChecked(),
            train_subset=self.train_subset_spin.value(),
            test_subset=self.test_subset_spin.value(),
            **self.transforms_editor.config_parts(),
        )

    def set_config(self, config: RunConfig) -> list[str]:
        """Show ``config`` in the form; returns notes on what could not be applied."""
        notes: list[str] = []
        notes += self.dataset_picker.set_choice(config.dataset)
        notes += self.model_picker.set_choice(config.model)
        notes += self.optimizer_picker.set_choice(config.optimizer)
        notes += self.loss_picker.set_choice(config.loss)
        notes += self.transforms_editor.set_config_parts(config)
        self.epochs_spin.setValue(config.epochs)
        self.batch_spin.setValue(config.batch_size)
        self.lr_spin.setValue(config.lr)
        schedule = self.lr_schedule_combo.findData(config.lr_schedule)
        if schedule < 0:
            notes.append(f"learning-rate schedule {config.lr_schedule!r} is unknown; using cosine")
        self.lr_schedule_combo.setCurrentIndex(max(schedule, 0))
        index = self.device_combo.findData(config.device)
        if index < 0:
            notes.append(f"device {config.device!r} is not available here; using auto")
            index = 0
        self.device_combo.setCurrentIndex(index)
        self.seed_spin.setValue(-1 if config.seed is None else int(config.seed))
        self.data_dir_edit.setText(config.data_dir)
        self.data_dir_edit.setCursorPosition(0)
        self.download_check.setChecked(bool(config.download))
        self.train_subset_spin.setValue(int(config.train_subset))
        self.test_subset_spin.setValue(int(config.test_subset))
        return notes

    def export_run_file(self, path: str = "") -> None:
        """Save the form as a TOML run file that ``torchdesk train --config`` runs unchanged."""
        from torchdesk.core.run_file import write_run_file

        try:
            config = self.config()
        except (ValueError, TypeError) as exc:
            self.state.report_error(f"The settings cannot be exported: {exc}")
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, "Export run", str(Path.home() / "run.toml"),
                                                  "Run files (*.toml)")
        if not path:
            return
        command = f"torchdesk train --config {Path(path).name}"
        try:
            write_run_file(config, path, command=command)
        except OSError as exc:
            self.state.report_error(f"Could not write {path}: {exc.strerror or exc}", str(exc))
            return
        self.log(f"Exported the run to {path}. Train it headless with: {command}")
        self.state.show_status(f"Run exported: {command}")

    def open_run_file(self, path: str = "") -> None:
        """Fill the form from a run file; settings that do not apply here are listed in the log."""
        from torchdesk.core.run_file import RunFileError, read_run_file

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Open run", str(Path.home()), "Run files (*.toml)")
        if not path:
            return
        try:
            config = read_run_file(path)
        except RunFileError as exc:
            self.state.report_error(str(exc))
            return
        for note in self.set_config(config):
            self.log(f"Run file: {note}")
        self.log(f"Loaded the run from {path}")

    def reload_registry(self) -> None:
        """Offer the components of a rescanned registry, keeping the choices that still exist."""
        registry = self.state.registry
        self.dataset_picker.set_specs(registry.datasets())
        self.model_picker.set_specs(registry.models())
        self.optimizer_picker.set_specs(registry.optimizers())
        self.loss_picker.set_specs(registry.losses())
        self.transforms_editor.registry = registry
        self.transforms_editor.reload()

    def choose_data_folder(self) -> None:
        """Ask for the data folder with the standard dialog."""
        start = self.data_dir_edit.text() or str(default_data_dir())
        chosen = QFileDialog.getExistingDirectory(self, "Choose the data folder", start)
        if chosen:
            self.data_dir_edit.setText(chosen)
            self.missing_frame.hide()

    # -- actions -----------------------------------------------------------------------
    def start(self, resume: Any = None) -> None:
        """Start a run with the form's settings (ignored while one runs).

        ``resume`` is a loaded checkpoint whose weights, optimizer state, epoch count and
        history the run continues (the Checkpoints panel's Resume).
        """
        if self.controller.running:
            return
        try:
            config = self.config()
        except Exception as exc:
            self.state.report_error(f"The run cannot start: {exc}", "")
            self.log(f"Cannot start: {exc}")
            return
        self.missing_frame.hide()
        self.plots.reset()
        self._run_planned = False
        if resume is not None:
            self._show_history(resume.history)
        self.predictions = None
        self.last_accuracy = None
        self.run = None
        self._epochs = config.epochs
        self.epoch_label.setText("Epoch –")
        self.loss_label.setText("Loss –")
        self.accuracy_label.setText("Test accuracy –")
        self.progress.setValue(0)
        self.progress.setFormat("Loading data…")
        self.rate_label.setText("")
        spec = self.dataset_picker.spec()
        self.log(f"Loading {spec.name if spec else config.dataset.id} from {config.data_dir or default_data_dir()}…")
        self.state.show_status("Loading data…")
        self._started_at = time.monotonic()
        self.controller.start(config, self.state.registry, resume=resume)

    def toggle_pause(self) -> None:
        """Pause a running run or resume a paused one."""
        if not self.controller.running or self.controller.run is None:
            return
        if self.controller.paused:
            self.controller.resume()
        else:
            self.pause_button.setEnabled(False)  # until the trainer confirms (maybe right away)
            self.controller.pause()

    def stop(self) -> None:
        """Stop the run after the current batch."""
        if self.controller.running:
            self.stop_button.setEnabled(False)
            self.pause_button.setEnabled(False)
            self.progress.setFormat("Stopping…")
            self.controller.stop()

    def _shortcut_start(self) -> None:
        if self.start_button.isEnabled():
            self.start()

    def _shortcut_pause(self) -> None:
        if self.pause_button.isEnabled():
            self.toggle_pause()

    def _shortcut_stop(self) -> None:
        if self.stop_button.isEnabled():
            self.stop()

    def export_png(self) -> None:
        """Save the plots as a PNG chosen with the standard dialog."""
        path, _ = QFileDialog.getSaveFileName(self, "Export plots as PNG", "training.png", "PNG images (*.png)")
        if path:
            self._export(lambda: self.plots.export_png(path), path)

    def export_csv(self) -> None:
        """Save the plotted numbers as a CSV chosen with the standard dialog."""
        path, _ = QFileDialog.getSaveFileName(self, "Export plots as CSV", "training.csv", "CSV files (*.csv)")
        if path:
            self._export(lambda: self.plots.export_csv(path), path)

    def _export(self, write: Any, path: str) -> None:
        try:
            write()
        except OSError as exc:
            self.state.report_error(f"Could not save {path}: {exc.strerror or exc}", str(exc))
            return
        self.log(f"Saved {path}")
        self.state.show_status(f"Saved {path}")

    def show_cell_samples(self, true: int, predicted: int) -> None:
        """Ask the dataset viewer to show the test samples of one confusion-matrix cell."""
        names = self.plots.confusion.class_names
        indices: list[int] = []
        if self.predictions is not None and len(self.predictions.true):
            mask = (self.predictions.true == true) & (self.predictions.predicted == predicted)
            indices = np.nonzero(mask)[0].tolist()
        config = self.run.config if self.run is not None else None
        self.state.request_panel(
            "data", indices=indices, true=names[true] if true < len(names) else str(true),
            predicted=names[predicted] if predicted < len(names) else str(predicted), split="test",
            dataset=config.dataset.id if config else "", data_dir=config.data_dir if config else "",
        )

    # -- worker signals ------------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        has_run = self.controller.run is not None
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running and has_run)
        self.stop_button.setEnabled(running)
        self.setup_widget.setEnabled(not running)
        if not running:
            self.pause_button.setText("Pause")
            self.plots.stop_updates()
        self.state.training_active = running

    def _on_run_ready(self, run: Any) -> None:
        self.run = run
        self._first_epoch = int(getattr(run.trainer, "epoch", 0))  # > 0 when resuming
        self._epochs = int(getattr(run.trainer, "epochs", self._epochs))
        self.state.run = run  # the Checkpoints panel saves and autosaves the live run from it
        self.pause_button.setEnabled(True)
        params = sum(p.numel() for p in run.model.parameters())
        fast = " (resident tensors)" if getattr(run.data, "fast_path", False) else ""
        self.log(f"Training {run.config.model.id} ({params:,} parameters) on {run.device}: "
                 f"{len(run.data.train_dataset):,} training and {len(run.data.test_dataset):,} test samples{fast}.")
        self.progress.setFormat(f"Epoch {self._first_epoch + 1} · %p%")
        self.plots.confusion.show_classes(getattr(run.data, "class_names", ()))
        self.state.show_status(f"Training {run.config.model.id} on {run.config.dataset.id}…")
        try:
            self.state.set_predictor(run.predictor())
        except Exception as exc:
            self.log(f"The classify panel cannot follow this run: {exc}")

    def _on_batches(self, chunk: BatchChunk) -> None:
        last = chunk.last
        if last is not None and not self._run_planned:
            self._run_planned = True  # before the first points, so the first view is the planned one
            epochs_after = max(self._epochs - last.epoch, 0)
            self.plots.plan_run(last.step + (last.batches_per_epoch - last.batch)
                                + epochs_after * last.batches_per_epoch, self._epochs)
        self.plots.add_batches(chunk.steps, chunk.losses)
        if last is None:
            return
        epochs_in_run = max(self._epochs - self._first_epoch, 1)
        done = (last.epoch - 1 - self._first_epoch) + last.batch / max(last.batches_per_epoch, 1)
        where = f"Epoch {last.epoch} · batch {last.batch}/{last.batches_per_epoch}"
        # setValue repaints at once and setFormat schedules another paint; with updates off
        # both land in the one paint that re-enabling them schedules.
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(max(0, min(1000, int(1000 * done / epochs_in_run))))
        self.progress.setFormat(f"Paused · {where} · %p%" if self.controller.paused else f"{where} · %p%")
        self.progress.setUpdatesEnabled(True)
        self.rate_label.setText(f"{last.samples_per_s:,.0f} samples/s · {format_duration(last.seconds_left)} left")
        self.epoch_label.setText(f"Epoch {last.epoch}/{self._epochs}")
        smoothed = self.plots.batch_smooth.y
        if len(smoothed):
            self.loss_label.setText(f"Loss {smoothed[-1]:.4f}")
        self.state.training_event.emit(last)

    def _on_predictions(self, predictions: EpochPredictions) -> None:
        self.predictions = predictions

    def _on_event(self, event: Any) -> None:
        if isinstance(event, EpochEnd):
            self.plots.add_epoch(event.epoch, event.train_loss, event.test_loss, event.test_accuracy,
                                 event.confusion, event.class_names)
            self.last_accuracy = event.test_accuracy
            self.accuracy_label.setText(f"Test accuracy {100 * event.test_accuracy:.2f}% (epoch {event.epoch})")
            self.log(describe_event(event))
            self.state.model_updated.emit()
        elif isinstance(event, StateChanged):
            self.pause_button.setEnabled(self.controller.running)
            self.pause_button.setText("Resume" if event.paused else "Pause")
            self.pause_button.setToolTip("Continue training (Ctrl+P)" if event.paused else
                                         "Hold training after the current batch (Ctrl+P)")
            self.progress.setFormat("Paused · %p%" if event.paused else "Training · %p%")
            self.state.show_status("Training paused" if event.paused else "Training…")
            self.log(describe_event(event))
        elif isinstance(event, Finished):
            elapsed = format_duration(time.monotonic() - self._started_at)
            if event.cancelled:
                self.progress.setFormat(f"Stopped after {event.epochs_done} epoch(s)")
                self.state.show_status("Training stopped")
            else:
                self.progress.setValue(self.progress.maximum())
                self.progress.setFormat("Finished")
                accuracy = f", test accuracy {100 * self.last_accuracy:.2f}%" if self.last_accuracy is not None else ""
                self.state.show_status(f"Training finished{accuracy}")
            self.rate_label.setText(f"took {elapsed}")
            if self.run is not None or not event.cancelled:
                self.log(describe_event(event))
        elif isinstance(event, Failed):
            self.progress.setFormat("Failed")
            self.log(describe_event(event))
            if not self.missing_frame.isVisible():
                self.state.report_error(event.message, event.detail)
            self.state.show_status("Training failed")
        self.state.training_event.emit(event)

    def _on_dataset_missing(self, error: Any) -> None:
        self.missing_label.setText(str(error))
        self.missing_frame.show()
        self.state.show_status("The dataset is not on disk")

    def log(self, text: str) -> None:
        """Add a time-stamped line to the log view."""
        self.log_view.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    # -- Panel API -----------------------------------------------------------------------
    def restore_settings(self, settings: QSettings) -> None:
        raw = settings.value(SETTINGS_KEY)
        if raw:
            try:
                notes = self.set_config(RunConfig.from_dict(json.loads(str(raw))))
            except Exception as exc:
                notes = [f"the saved settings could not be read ({exc}); using the defaults"]
            for note in notes:
                self.log(f"Last settings: {note}")
        for key, splitter in (("main_splitter", self.main_splitter), ("view_splitter", self.view_splitter)):
            value = settings.value(key)
            if value is not None:
                splitter.restoreState(value)

    def save_settings(self, settings: QSettings) -> None:
        try:
            settings.setValue(SETTINGS_KEY, json.dumps(self.config().to_dict()))
        except Exception:
            pass  # an invalid form is not worth remembering; the last good one stays
        settings.setValue("main_splitter", self.main_splitter.saveState())
        settings.setValue("view_splitter", self.view_splitter.saveState())

    def focus_with(self, resume: Any = None, **_ignored: Any) -> None:
        """``resume=checkpoint`` (from the Checkpoints panel) continues that checkpoint's run."""
        if resume is not None:
            self.resume_from(resume)

    def resume_from(self, resume: Any) -> bool:
        """Show a checkpoint's settings and continue its run (epoch count, optimizer state, curves)."""
        if self.controller.running:
            self.state.report_error("A run is already going: stop it before resuming a checkpoint.")
            return False
        config = getattr(resume, "config", None)
        if config is None:
            self.state.report_error(
                f"{getattr(resume, 'path', 'This file')} holds only weights (a plain state dict), so there is "
                "no run to continue. Load it in the Checkpoints panel and start a new run instead.")
            return False
        done = int(getattr(resume, "epoch", 0))
        if config.epochs <= done:
            config = config.replace(epochs=done + max(1, config.epochs))
        notes = self.set_config(config)
        for note in notes:
            self.log(f"Resume: {note}")
        self.log(f"Resuming {getattr(resume, 'path', 'the checkpoint')} after epoch {done}, "
                 f"training to epoch {config.epochs}.")
        self.start(resume=resume)
        return True

    def _show_history(self, history: dict) -> None:
        losses = [float(v) for v in history.get("batch_loss", [])]
        if losses:
            self.plots.add_batches(range(1, len(losses) + 1), losses)
        for record in history.get("epochs", []):
            self.plots.add_epoch(int(record["epoch"]), float(record["train_loss"]), float(record["test_loss"]),
                                 float(record["test_accuracy"]))
        self.plots.redraw()

    def busy_reason(self) -> str:
        if not self.controller.running:
            return ""
        epoch = self.epoch_label.text()
        return f"Training is running ({epoch.lower()})." if epoch != "Epoch –" else "Training is starting."

    def shutdown(self) -> None:
        self.controller.shutdown()
        self.plots.stop_updates()
