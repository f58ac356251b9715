"""The Model panel's left column: which model to look at, for which input, and how the build went."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.compatibility import ModelIdentity
from torchdesk.core.i18n import component_text
from torchdesk.core.inspect.inspection import registry_identity
from torchdesk.core.registry import PluginRegistry
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.message_bar import MessageBar
from torchdesk.desktop.widgets.param_form import ParamForm

SOURCE_REGISTRY = "registry"
SOURCE_CURRENT = "current"
CUSTOM_INPUT = ""  # the dataset combo's "custom shape" entry


class ModelChooser(QWidget):
    """The model source, plugin and parameters, the input (dataset or custom shape), Build, and the outcome.

    ``choice_changed`` fires when anything that shapes a plugin-built model changes,
    ``source_changed(bool)`` when it switches to (True) or from the app's current model,
    ``dataset_changed`` when the dataset (and so where samples come from) changes.
    """

    choice_changed = Signal()
    source_changed = Signal(bool)
    dataset_changed = Signal()

    def __init__(self, registry: PluginRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.source_combo = QComboBox()
        self.source_combo.addItem(translate("ModelChooser", "A model from the plugins"), SOURCE_REGISTRY)
        self.source_combo.addItem(translate("ModelChooser", "The app's current model"), SOURCE_CURRENT)
        self.source_combo.setToolTip(translate("ModelChooser", "Inspect a freshly built model from the plugins, or "
                                                               "the model the app is using now (the one training or "
                                                               "loaded from a checkpoint)."))
        self.model_combo = QComboBox()
        self.model_combo.setToolTip(translate("ModelChooser", "Which model to build (every model any plugin "
                                                              "offers)."))
        self.model_description = QLabel()
        self.model_description.setWordWrap(True)
        self.model_description.setEnabled(False)
        self.param_form = ParamForm()
        self.dataset_combo = QComboBox()
        self.dataset_combo.setToolTip(translate("ModelChooser", "The dataset the model is for: it sets the input "
                                                                "shape and class count, so the shapes shown are the "
                                                                "real ones. Samples come from it too."))
        self.channels_box, self.height_box, self.width_box = QSpinBox(), QSpinBox(), QSpinBox()
        for box, tip, high in (
                (self.channels_box, translate("ModelChooser", "Input channels (set by the dataset; editable for a "
                                                              "custom shape)."), 64),
                (self.height_box, translate("ModelChooser", "Input height (set by the dataset; editable for a custom "
                                                            "shape)."), 1024),
                (self.width_box, translate("ModelChooser", "Input width (set by the dataset; editable for a custom "
                                                           "shape)."), 1024)):
            box.setRange(1, high)
            box.setToolTip(tip)
        self.classes_box = QSpinBox()
        self.classes_box.setRange(1, 100000)
        self.classes_box.setToolTip(translate("ModelChooser", "Number of classes the model predicts (set by the "
                                                              "dataset)."))
        self.build_button = QPushButton(translate("ModelChooser", "Build and inspect"))
        self.build_button.setToolTip(translate("ModelChooser", "Build the model for this input and show it "
                                                               "(Ctrl+Return)."))
        self.status_label = QLabel(translate("ModelChooser", "Choose a model and press Build."))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_bar = MessageBar(object_name="modelProblemBar")
        self.open_file_button = QPushButton(translate("ModelChooser", "Open model file…"))
        self.open_file_button.setToolTip(translate("ModelChooser", "Look inside a TorchScript (.pt), torch.export "
                                                                   "(.pt2), ONNX (.onnx), checkpoint or state-dict "
                                                                   "file. Nothing in it runs unless you trust it."))
        self.use_file_button = QPushButton(translate("ModelChooser", "Use in Classify"))
        self.use_file_button.setToolTip(translate("ModelChooser", "Make the opened file's model the app's current "
                                                                  "model, to draw on and predict with (its input must "
                                                                  "fit the images)."))
        self.use_file_button.setEnabled(False)
        self.file_label = QLabel("")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for combo in (self.source_combo, self.model_combo, self.dataset_combo):
            # Long names must not widen the column past the splitter: the combo elides instead.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self._layout()

        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self.dataset_combo.currentIndexChanged.connect(self._on_dataset_changed)
        for signal in (self.model_combo.currentIndexChanged, self.param_form.changed,
                       self.dataset_combo.currentIndexChanged, self.channels_box.valueChanged,
                       self.height_box.valueChanged, self.width_box.valueChanged, self.classes_box.valueChanged):
            signal.connect(lambda *_: self.choice_changed.emit())
        self.fill()

    def _layout(self) -> None:
        shape_row = QHBoxLayout()
        for box in (self.channels_box, self.height_box, self.width_box):
            shape_row.addWidget(box)
        self.model_box = QGroupBox(translate("ModelChooser", "Model"))
        model_form = QFormLayout(self.model_box)
        model_form.addRow(translate("ModelChooser", "Source:"), self.source_combo)
        model_form.addRow(translate("ModelChooser", "Model:"), self.model_combo)
        model_form.addRow(self.model_description)
        model_form.addRow(self.param_form)
        self.input_box = QGroupBox(translate("ModelChooser", "Input"))
        input_form = QFormLayout(self.input_box)
        input_form.addRow(translate("ModelChooser", "Dataset:"), self.dataset_combo)
        input_form.addRow("C × H × W:", shape_row)
        input_form.addRow(translate("ModelChooser", "Classes:"), self.classes_box)
        self.file_box = QGroupBox(translate("ModelChooser", "Model file"))
        file_layout = QVBoxLayout(self.file_box)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.open_file_button)
        file_buttons.addWidget(self.use_file_button)
        file_layout.addLayout(file_buttons)
        file_layout.addWidget(self.file_label)
        self.file_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_box)
        layout.addWidget(self.model_box)
        layout.addWidget(self.input_box)
        layout.addWidget(self.build_button)
        layout.addWidget(self.status_label)
        layout.addWidget(self.problem_bar)
        layout.addStretch(1)

    # -- the lists ----------------------------------------------------------------------------------
    def fill(self) -> None:
        """(Re)list the models and datasets the plugins offer, keeping the current choices."""
        current = self.model_combo.currentData()
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for spec in self.registry.models():
            self.model_combo.addItem(component_text(spec.name), spec.id)
            self.model_combo.setItemData(self.model_combo.count() - 1, component_text(spec.description),
                                         Qt.ItemDataRole.ToolTipRole)
        self.model_combo.blockSignals(False)
        self.model_combo.setCurrentIndex(max(self.model_combo.findData(current), 0))
        self._on_model_changed()

        current = self.dataset_combo.currentData()
        self.dataset_combo.blockSignals(True)
        self.dataset_combo.clear()
        for spec in self.registry.datasets():
            self.dataset_combo.addItem(component_text(spec.name), spec.id)
        self.dataset_combo.addItem(translate("ModelChooser", "Custom shape"), CUSTOM_INPUT)
        self.dataset_combo.blockSignals(False)
        index = self.dataset_combo.findData(current)
        if index < 0:
            index = max(self.dataset_combo.findData("fashion-mnist"), 0)
        self.dataset_combo.setCurrentIndex(index)
        self._on_dataset_changed()

    def select(self, model_id: str | None = None, dataset_id: str | None = None) -> None:
        """Choose a model and/or a dataset by id; KeyError when the registry has none such."""
        if model_id is not None:
            index = self.model_combo.findData(model_id)
            if index < 0:
                raise KeyError(translate("ModelChooser", "no model {id!r} in the registry").format(id=model_id))
            self.model_combo.setCurrentIndex(index)
        if dataset_id is not None:
            index = self.dataset_combo.findData(dataset_id)
            if index < 0:
                raise KeyError(translate("ModelChooser", "no dataset {id!r} in the registry").format(id=dataset_id))
            self.dataset_combo.setCurrentIndex(index)

    def use_current_model(self, current: bool = True) -> None:
        """Switch the source to the app's current model (or back to the plugins)."""
        self.source_combo.setCurrentIndex(self.source_combo.findData(SOURCE_CURRENT if current else SOURCE_REGISTRY))

    def set_current_available(self, available: bool) -> None:
        """Offer "The app's current model" only while there is one."""
        self.source_combo.model().item(self.source_combo.findData(SOURCE_CURRENT)).setEnabled(available)

    # -- what is chosen ---------------------------------------------------------------------------
    def current_source(self) -> bool:
        """Whether the app's current model is inspected (rather than a plugin-built one)."""
        return self.source_combo.currentData() == SOURCE_CURRENT

    def model_spec(self) -> Any:
        """The chosen model plugin's spec (None when no model plugin is loaded)."""
        model_id = self.model_combo.currentData()
        return self.registry.model(model_id) if model_id else None

    def dataset_spec(self) -> Any:
        """The chosen dataset plugin's spec (None for a custom shape)."""
        dataset_id = self.dataset_combo.currentData()
        return self.registry.dataset(dataset_id) if dataset_id else None

    def input_shape(self) -> tuple[int, int, int]:
        """The ``(C, H, W)`` a plugin model is built for."""
        return (self.channels_box.value(), self.height_box.value(), self.width_box.value())

    def class_names(self) -> list[str]:
        """The dataset's class names, or numbers when it names none."""
        spec = self.dataset_spec()
        if spec is not None and spec.class_names:
            return list(spec.class_names)
        return [str(i) for i in range(self.classes_box.value())]

    def identity(self) -> ModelIdentity:
        """What a model built from these choices is for (its dataset, classes and input shape)."""
        return registry_identity(self.dataset_combo.currentData() or "", self.class_names(), self.input_shape())

    # -- the outcome ------------------------------------------------------------------------------
    def show_progress(self, text: str) -> None:
        """Say what is being done; an earlier problem is no longer news."""
        self.problem_bar.clear()
        self.status_label.setText(text)

    def show_result(self, text: str, problem: str = "") -> None:
        """Say what was built, and what went wrong with it (an error in the message bar)."""
        self.status_label.setText(text)
        if problem:
            self.problem_bar.show_message(problem, kind="error")
        else:
            self.problem_bar.clear()

    def show_file(self, text: str, usable: bool) -> None:
        """Say which model file is on screen ('' for none) and whether it may be offered to Classify."""
        self.file_label.setText(text)
        self.file_label.setVisible(bool(text))
        self.use_file_button.setEnabled(usable)

    def show_problem(self, text: str) -> None:
        """A build that failed: the reason, as an error in the message bar."""
        self.status_label.setText("")
        self.problem_bar.show_message(text, kind="error")

    # -- reactions --------------------------------------------------------------------------------
    def _on_model_changed(self, *_: Any) -> None:
        spec = self.model_spec()
        self.param_form.set_params(spec.params if spec is not None else ())
        self.model_description.setText(component_text(spec.description) if spec is not None
                                       else translate("ModelChooser", "No model plugin is loaded."))

    def _on_dataset_changed(self, *_: Any) -> None:
        spec = self.dataset_spec()
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
        self._enable_inputs()
        self.dataset_changed.emit()

    def _on_source_changed(self, *_: Any) -> None:
        current = self.current_source()
        self.model_combo.setEnabled(not current)
        self.param_form.setEnabled(not current)
        self._enable_inputs()
        self.build_button.setText(translate("ModelChooser", "Inspect the current model") if current
                                  else translate("ModelChooser", "Build and inspect"))
        self.source_changed.emit(current)

    def _enable_inputs(self) -> None:
        """The shape and classes are the dataset's, or the current model's; the dataset stays choosable for samples."""
        spec = self.dataset_spec()
        free = not self.current_source()
        for box in (self.channels_box, self.height_box, self.width_box):
            box.setEnabled(free and not (spec is not None and spec.input_shape is not None))
        self.classes_box.setEnabled(free and not (spec is not None and spec.class_names))
