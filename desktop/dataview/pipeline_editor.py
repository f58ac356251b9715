"""Edit a transform pipeline: add, remove and reorder transform plugins and set their parameters.

The list holds image and target transforms in one column (target ones marked);
ToTensor always comes first, as in the engine (:class:`torchdesk.core.data.Pipeline`),
so it is not a list entry. ``changed`` fires on every edit so the sample inspector
can redraw at once.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.i18n import component_text
from torchdesk.core.specs import ParamError, TransformSpec
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.param_form import ParamForm

STEP_ROLE = Qt.ItemDataRole.UserRole + 1


class PipelineEditor(QWidget):
    """A list of transform steps with Add/Remove/Up/Down and a parameter form for the selected step."""

    changed = Signal()

    def __init__(self, transforms: Sequence[TransformSpec] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._specs: dict[str, TransformSpec] = {}
        self._values: list[dict[str, Any]] = []  # parameter values per row, same order as the list

        self.list = QListWidget()
        self.list.setObjectName("pipeline_steps")
        self.list.setToolTip(translate("PipelineEditor", "The transforms applied after ToTensor, top to bottom. Select "
                                                         "one to edit it."))
        self.list.setMinimumHeight(44)
        self.list.currentRowChanged.connect(self._show_form)

        self.add_combo = QComboBox()
        self.add_combo.setObjectName("pipeline_add_choice")
        self.add_combo.setToolTip(translate("PipelineEditor", "A transform plugin to add to the pipeline."))
        self.add_button = QPushButton(translate("PipelineEditor", "Add"))
        self.add_button.setToolTip(translate("PipelineEditor", "Append the chosen transform (Ctrl+T)."))
        self.add_button.setShortcut(QKeySequence("Ctrl+T"))
        self.add_button.clicked.connect(lambda: self.add_step(self.add_combo.currentData()))
        self.remove_button = QPushButton(translate("PipelineEditor", "Remove"))
        self.remove_button.setToolTip(translate("PipelineEditor", "Remove the selected transform (Delete)."))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip(translate("PipelineEditor", "Move the selected transform earlier (Alt+Up)."))
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip(translate("PipelineEditor", "Move the selected transform later (Alt+Down)."))
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(32)

        self.form_box = QGroupBox(translate("PipelineEditor", "Parameters"))
        self.form = ParamForm()
        self.form.changed.connect(self._form_edited)
        self.form_error = QLabel()
        self.form_error.setStyleSheet("color: #c0392b")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        form_layout = QVBoxLayout(self.form_box)
        form_layout.addWidget(self.form)
        form_layout.addWidget(self.form_error)

        base = QLabel(translate("PipelineEditor", "ToTensor (always first: pixels → floats in [0, 1])"))
        base.setEnabled(False)
        base.setToolTip(translate("PipelineEditor", "The engine always starts with ToTensor, as the walkthrough does."))

        add_row = QHBoxLayout()
        add_row.addWidget(self.add_combo, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(base)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(add_row)
        layout.addWidget(self.form_box)
        self.set_transforms(transforms)
        self._update_buttons()

    # -- choices ---------------------------------------------------------------------
    def set_transforms(self, transforms: Sequence[TransformSpec]) -> None:
        """The transform plugins one can add (ToTensor is left out: it is always first)."""
        self._specs = {spec.id: spec for spec in transforms if spec.id != "to-tensor"}
        self.add_combo.clear()
        for spec in self._specs.values():
            label = (component_text(spec.name) + (translate("PipelineEditor", " (target)") if spec.target else "")
                     + (translate("PipelineEditor", " (random)") if spec.random else ""))
            self.add_combo.addItem(label, spec.id)
            self.add_combo.setItemData(self.add_combo.count() - 1, component_text(spec.description),
                                       Qt.ItemDataRole.ToolTipRole)

    # -- steps -----------------------------------------------------------------------
    def steps(self) -> list[tuple[TransformSpec, dict[str, Any]]]:
        """The pipeline as ``(spec, parameters)`` pairs in order."""
        result = []
        for row in range(self.list.count()):
            spec = self._specs.get(self.list.item(row).data(STEP_ROLE))
            if spec is not None:
                result.append((spec, dict(self._values[row])))
        return result

    def step_ids(self) -> list[str]:
        """The ids of the steps in order (tests and settings)."""
        return [self.list.item(row).data(STEP_ROLE) for row in range(self.list.count())]

    def set_steps(self, steps: Sequence[tuple[str, dict[str, Any]]]) -> list[str]:
        """Replace the pipeline; unknown transforms and bad values are skipped and reported."""
        problems: list[str] = []
        self.list.blockSignals(True)
        self.list.clear()
        self._values.clear()
        for spec_id, params in steps:
            spec = self._specs.get(spec_id)
            if spec is None:
                if spec_id != "to-tensor":
                    problems.append(translate("PipelineEditor", "no transform plugin offers {id} any more")
                                    .format(id=repr(spec_id)))
                continue
            try:
                values = spec.resolve_params(params)
            except ParamError as exc:
                problems.append(str(exc))
                values = spec.defaults()
            self._append(spec, values)
        self.list.blockSignals(False)
        self.list.setCurrentRow(self.list.count() - 1)
        self._show_form(self.list.currentRow())
        self.changed.emit()
        return problems

    def add_step(self, spec_id: str | None, params: dict[str, Any] | None = None) -> None:
        """Append transform ``spec_id`` with its defaults (or ``params``) and select it."""
        spec = self._specs.get(spec_id or "")
        if spec is None:
            return
        self._append(spec, spec.resolve_params(params))
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit()

    def remove_current(self) -> None:
        """Remove the selected step."""
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        del self._values[row]
        self._show_form(self.list.currentRow())
        self.changed.emit()

    def move_current(self, offset: int) -> None:
        """Move the selected step ``offset`` places (negative: earlier)."""
        row = self.list.currentRow()
        target = row + offset
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self._values.insert(target, self._values.pop(row))
        self.list.setCurrentRow(target)
        self.list.blockSignals(False)
        self._show_form(target)
        self.changed.emit()

    def has_random(self) -> bool:
        """Whether any image step is a random augmentation."""
        return any(spec.random and not spec.target for spec, _ in self.steps())

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and self.list.hasFocus():
            self.remove_current()
            return
        super().keyPressEvent(event)

    # -- internals ---------------------------------------------------------------------
    def _append(self, spec: TransformSpec, values: dict[str, Any]) -> None:
        item = QListWidgetItem()
        item.setData(STEP_ROLE, spec.id)
        item.setToolTip(component_text(spec.description))
        self.list.addItem(item)
        self._values.append(dict(values))
        self._refresh_label(self.list.count() - 1)
        self._update_buttons()

    def _refresh_label(self, row: int) -> None:
        item = self.list.item(row)
        spec = self._specs[item.data(STEP_ROLE)]
        shown = ", ".join(f"{k}={v}" for k, v in self._values[row].items())
        tags = ((translate("PipelineEditor", " [target]") if spec.target else "")
                + (translate("PipelineEditor", " [random]") if spec.random else ""))
        item.setText(f"{component_text(spec.name)}{tags}" + (f"  ({shown})" if shown else ""))

    def _show_form(self, row: int) -> None:
        self.form.blockSignals(True)
        if 0 <= row < self.list.count():
            spec = self._specs[self.list.item(row).data(STEP_ROLE)]
            self.form.set_params(spec.params)
            self.form.set_values(self._values[row])
            self.form_box.setTitle(translate("PipelineEditor", "{name} parameters").format(
                name=component_text(spec.name)))
        else:
            self.form.set_params(())
            self.form_box.setTitle(translate("PipelineEditor", "Parameters"))
        self.form.blockSignals(False)
        self.form_error.hide()
        self._update_buttons()

    def _form_edited(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        try:
            values = self.form.values()
        except ParamError as exc:
            self.form_error.setText(str(exc))
            self.form_error.show()
            return
        self.form_error.hide()
        self._values[row] = values
        self._refresh_label(row)
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = row >= 0
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < self.list.count() - 1)
