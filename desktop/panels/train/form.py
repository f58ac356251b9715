"""The Train panel's chooser form: a run's dataset, model, optimizer, loss, transforms and numbers.

Each component's form is generated from its parameter schema; :meth:`TrainForm.config`
reads the whole form as a :class:`~torchdesk.core.run_config.RunConfig` and
:meth:`TrainForm.set_config` shows one. The data folder is the app's one
(``AppState.data_dir``): the field shows it, follows ``data_dir_changed`` and sets it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.run_config import RunConfig
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.train.transforms_editor import TransformsEditor
from torchdesk.desktop.state import AppState
from torchdesk.desktop.panels.train.run_hooks import RunHooksBox
from torchdesk.desktop.panels.train.model_check import ModelFitCheck
from torchdesk.desktop.widgets.component_picker import ComponentPicker
from torchdesk.desktop.widgets.param_form import ScientificSpinBox


def _count_spin(tip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 10**9)
    spin.setSingleStep(1000)
    spin.setSpecialValueText(translate("TrainForm", "all"))
    spin.setToolTip(tip)
    return spin


class TrainForm(QWidget):
    """The left column of the Train panel; disabled while a run goes."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(8)
        column.addWidget(self._data_box())
        column.addWidget(self._model_box())
        column.addWidget(self._optimizer_box())
        transforms_box = QGroupBox(translate("TrainForm", "Transforms"))
        transforms_layout = QVBoxLayout(transforms_box)
        self.transforms_editor = TransformsEditor(state.registry)
        transforms_layout.addWidget(self.transforms_editor)
        column.addWidget(transforms_box)
        column.addWidget(self._run_box())
        self.hooks_box = RunHooksBox(state.registry)
        self.lr_schedule_combo = self.hooks_box.scheduler_picker.combo
        column.addWidget(self.hooks_box)
        column.addStretch(1)
        self._suggested = self._suggested_batch_and_lr()  # what the batch and lr fields follow while untouched
        self.model_picker.changed.connect(self._follow_model_suggestion)
        self.model_check = ModelFitCheck(state, self.model_picker, self.dataset_picker, self.model_fit_label, self)
        self.optimizer_picker.changed.connect(self._follow_model_suggestion)
        self._show_data_dir(str(state.data_dir))
        state.data_dir_changed.connect(self._show_data_dir)

    # -- building ------------------------------------------------------------------
    def _data_box(self) -> QGroupBox:
        box = QGroupBox(translate("TrainForm", "Data"))
        layout = QVBoxLayout(box)
        self.dataset_picker = ComponentPicker("dataset", self.state.registry.datasets())
        layout.addWidget(self.dataset_picker)
        folder_row = QHBoxLayout()
        self.data_dir_edit = QLineEdit()
        self.data_dir_edit.setObjectName("dataDirEdit")
        self.data_dir_edit.setToolTip(translate("TrainForm", "The folder every panel reads datasets from (and "
                                                             "downloads them to)"))
        self.data_dir_edit.editingFinished.connect(lambda: self.state.set_data_dir(self.data_dir_edit.text()))
        self.choose_folder_button = QPushButton(translate("TrainForm", "Choose folder…"))
        self.choose_folder_button.setToolTip(translate("TrainForm", "Pick the folder that holds (or will hold) the "
                                                                    "dataset files"))
        self.choose_folder_button.clicked.connect(self.choose_data_folder)
        folder_row.addWidget(self.data_dir_edit, 1)
        folder_row.addWidget(self.choose_folder_button)
        form = QFormLayout()
        form.addRow(translate("TrainForm", "Data folder:"), folder_row)
        self.download_check = QCheckBox(translate("TrainForm", "Download when missing"))
        self.download_check.setToolTip(translate("TrainForm", "Fetch the dataset from the internet if its files are "
                                                              "not in the data folder"))
        form.addRow("", self.download_check)
        self.train_subset_spin = _count_spin(translate("TrainForm", "Train only on the first N training samples (0 = "
                                                                    "all of them)"))
        self.test_subset_spin = _count_spin(translate("TrainForm", "Test only on the first N test samples (0 = all of "
                                                                   "them)"))
        form.addRow(translate("TrainForm", "Train samples:"), self.train_subset_spin)
        form.addRow(translate("TrainForm", "Test samples:"), self.test_subset_spin)
        layout.addLayout(form)
        return box

    def _model_box(self) -> QGroupBox:
        box = QGroupBox(translate("TrainForm", "Model"))
        layout = QVBoxLayout(box)
        self.model_picker = ComponentPicker("model", self.state.registry.models())
        layout.addWidget(self.model_picker)
        self.model_fit_label = QLabel()
        layout.addWidget(self.model_fit_label)
        return box

    def _optimizer_box(self) -> QGroupBox:
        box = QGroupBox(translate("TrainForm", "Optimizer and loss"))
        layout = QVBoxLayout(box)
        self.optimizer_picker = ComponentPicker("optimizer", self.state.registry.optimizers())
        layout.addWidget(self.optimizer_picker)
        lr_form = QFormLayout()
        self.lr_spin = ScientificSpinBox()
        self.lr_spin.setRange(1e-8, 10.0)
        self.lr_spin.setValue(1e-3)
        self.lr_spin.setObjectName("lrSpin")
        self.lr_spin.setToolTip(translate("TrainForm", "Learning rate: how big each optimisation step is (arrow keys "
                                                       "step by the leading digit)"))
        lr_form.addRow(translate("TrainForm", "Learning rate:"), self.lr_spin)
        layout.addLayout(lr_form)
        self.loss_picker = ComponentPicker("loss", self.state.registry.losses())
        layout.addWidget(QLabel(translate("TrainForm", "Loss:")))
        layout.addWidget(self.loss_picker)
        return box

    def _run_box(self) -> QGroupBox:
        box = QGroupBox(translate("TrainForm", "Run"))
        form = QFormLayout(box)
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setRange(1, 10000)
        self.epochs_spin.setValue(5)
        self.epochs_spin.setObjectName("epochsSpin")
        self.epochs_spin.setToolTip(translate("TrainForm", "How many passes over the training data"))
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 1 << 16)
        self.batch_spin.setValue(64)
        self.batch_spin.setObjectName("batchSpin")
        self.batch_spin.setToolTip(translate("TrainForm", "Samples per optimisation step"))
        self.device_combo = QComboBox()
        self.device_combo.setObjectName("deviceCombo")
        self.device_combo.setToolTip(translate("TrainForm", "Where to train: auto picks the best device found"))
        self._fill_devices()
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(-1, 2**31 - 1)
        self.seed_spin.setSpecialValueText(translate("TrainForm", "random"))
        self.seed_spin.setValue(0)
        self.seed_spin.setToolTip(translate("TrainForm", "The same seed gives the same run again; 'random' (the lowest "
                                                         "value) differs each time"))
        form.addRow(translate("TrainForm", "Epochs:"), self.epochs_spin)
        form.addRow(translate("TrainForm", "Batch size:"), self.batch_spin)
        form.addRow(translate("TrainForm", "Device:"), self.device_combo)
        self.precision_combo = QComboBox()
        self.precision_combo.setObjectName("precisionCombo")
        self._fill_precisions()
        form.addRow(translate("TrainForm", "Precision:"), self.precision_combo)
        form.addRow(translate("TrainForm", "Seed:"), self.seed_spin)
        run_files = QHBoxLayout()
        self.open_run_button = QPushButton(translate("TrainForm", "Open run…"))
        self.open_run_button.setToolTip(translate("TrainForm", "Fill the form from a run file (TOML) exported earlier"))
        self.export_run_button = QPushButton(translate("TrainForm", "Export run…"))
        self.export_run_button.setToolTip(translate("TrainForm", "Write these settings as a run file, with the command "
                                                                 "that trains it headless or on a cluster (torchdesk "
                                                                 "train --config FILE)"))
        run_files.addWidget(self.open_run_button)
        run_files.addWidget(self.export_run_button)
        form.addRow(run_files)
        return box

    def _fill_devices(self) -> None:
        from torchdesk.core.devices import available_devices, describe_device

        self.device_combo.clear()
        try:
            names = available_devices()
            auto = translate("TrainForm", "auto ({device})").format(device=describe_device("auto"))
            self.device_combo.addItem(auto, "auto")
            for name in names:
                self.device_combo.addItem(f"{name} — {describe_device(name)}", name)
        except Exception as exc:
            self.device_combo.addItem(translate("TrainForm", "auto"), "auto")
            self.device_combo.setToolTip(translate("TrainForm", "Could not list devices: {error}").format(error=exc))

    def _fill_precisions(self) -> None:
        from torchdesk.core.devices import resolve_device
        from torchdesk.core.precision import PRECISION_LABELS, precision_label, resolve_or_fp32

        try:
            here = resolve_or_fp32("auto", resolve_device("auto"))
        except Exception:
            here = "fp32"
        for name in PRECISION_LABELS:
            label = precision_label(name)
            if name == "auto":
                label = translate("TrainForm", "{label} ({precision} here)").format(label=label, precision=here)
            self.precision_combo.addItem(label, name)
        self.precision_combo.setToolTip(translate(
            "TrainForm",
            "The number format training computes in. Mixed precision (bf16, fp16) keeps the weights and checkpoints in "
            "fp32 and is faster where the hardware has it; auto uses it there and fp32 elsewhere. fp32 repeats a run "
            "exactly."))

    def _suggested_batch_and_lr(self) -> tuple[int, float]:
        from torchdesk.core.run_defaults import suggested_batch_and_lr

        optimizer = self.optimizer_picker.spec()
        return suggested_batch_and_lr(self.model_picker.spec(), optimizer.id if optimizer else "")

    def _follow_model_suggestion(self) -> None:
        """A new model or optimizer brings its measured batch size and learning rate, unless the person set others."""
        suggested = self._suggested_batch_and_lr()
        if suggested == self._suggested:
            return
        if (self.batch_spin.value(), float(self.lr_spin.value())) == self._suggested:
            self.batch_spin.setValue(suggested[0])
            self.lr_spin.setValue(suggested[1])
        self._suggested = suggested

    # -- the data folder -----------------------------------------------------------
    def choose_data_folder(self) -> None:
        """Ask for the data folder with the standard dialog; the choice is the app's data folder."""
        chosen = QFileDialog.getExistingDirectory(self, translate("TrainForm", "Choose the data folder"),
                                                   str(self.state.data_dir))
        if chosen:
            self.state.set_data_dir(chosen)

    def _show_data_dir(self, folder: str) -> None:
        self.data_dir_edit.setText(folder)
        self.data_dir_edit.setCursorPosition(0)

    # -- the run it describes ------------------------------------------------------
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
            device=str(self.device_combo.currentData() or "auto"),
            precision=str(self.precision_combo.currentData() or "auto"),
            seed=None if seed < 0 else seed,
            data_dir=str(self.state.data_dir),
            download=self.download_check.isChecked(),
            train_subset=self.train_subset_spin.value(),
            test_subset=self.test_subset_spin.value(),
            **self.transforms_editor.config_parts(),
            **self.hooks_box.config_parts(),
        )

    def set_config(self, config: RunConfig, take_data_dir: bool = True) -> list[str]:
        """Show ``config`` in the form; returns notes on what could not be applied.

        With ``take_data_dir`` a config naming a data folder (a run file, a checkpoint)
        makes it the app's data folder.
        """
        notes: list[str] = []
        notes += self.dataset_picker.set_choice(config.dataset)
        notes += self.model_picker.set_choice(config.model)
        notes += self.optimizer_picker.set_choice(config.optimizer)
        notes += self.loss_picker.set_choice(config.loss)
        notes += self.transforms_editor.set_config_parts(config)
        self.epochs_spin.setValue(config.epochs)
        self.batch_spin.setValue(config.batch_size)
        self.lr_spin.setValue(config.lr)
        notes += self.hooks_box.set_config_parts(config)
        index = self.device_combo.findData(config.device)
        if index < 0:
            notes.append(translate("TrainForm", "device {device} is not available here; using auto")
                         .format(device=repr(config.device)))
            index = 0
        self.device_combo.setCurrentIndex(index)
        precision = self.precision_combo.findData(config.precision)
        if precision < 0:
            notes.append(translate("TrainForm", "precision {precision} is unknown; using auto")
                         .format(precision=repr(config.precision)))
        self.precision_combo.setCurrentIndex(max(precision, 0))
        self.seed_spin.setValue(-1 if config.seed is None else int(config.seed))
        if take_data_dir and config.data_dir:
            self.state.set_data_dir(config.data_dir)
        self.download_check.setChecked(bool(config.download))
        self.train_subset_spin.setValue(int(config.train_subset))
        self.test_subset_spin.setValue(int(config.test_subset))
        return notes

    def reload_registry(self) -> None:
        """Offer the components of a rescanned registry, keeping the choices that still exist."""
        registry = self.state.registry
        self.dataset_picker.set_specs(registry.datasets())
        self.model_picker.set_specs(registry.models())
        self.optimizer_picker.set_specs(registry.optimizers())
        self.loss_picker.set_specs(registry.losses())
        self.transforms_editor.registry = registry
        self.transforms_editor.reload()
        self.hooks_box.reload(registry)
