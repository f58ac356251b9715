"""Pick one component of a kind from the registry and set its parameters.

A combo box of every spec of the kind (dataset, model, optimizer, loss), the
chosen one's description, and a :class:`ParamForm` generated from its schema.
Parameter values are remembered per component while the person switches around.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from torchdesk.core.i18n import component_text
from torchdesk.core.run_config import ComponentChoice
from torchdesk.core.specs import ComponentSpec, kind_label
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.param_form import ParamForm


class ComponentPicker(QWidget):
    """Combo + description + generated parameter form; :meth:`choice` gives a ComponentChoice."""

    changed = Signal()

    def __init__(self, kind: str, specs: Sequence[ComponentSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._specs: dict[str, ComponentSpec] = {}
        self._remembered: dict[str, dict[str, Any]] = {}
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"{kind}Combo")
        self.combo.setToolTip(translate("ComponentPicker", "Which {kind} to use (offered by the installed plugins)")
                              .format(kind=kind_label(kind)))
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setEnabled(False)
        self.form = ParamForm((), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.combo)
        layout.addWidget(self.description)
        layout.addWidget(self.form)
        self._current_id = ""
        self.combo.currentIndexChanged.connect(self._on_combo)
        self.form.changed.connect(self.changed)
        self.set_specs(specs)

    def set_specs(self, specs: Sequence[ComponentSpec]) -> None:
        """Offer ``specs`` (after a plugin rescan); keeps the current choice when it still exists."""
        current = self._current_id
        self._specs = {s.id: s for s in specs}
        self.combo.blockSignals(True)
        self.combo.clear()
        for spec in specs:
            self.combo.addItem(component_text(spec.name), spec.id)
            tip = translate("ComponentPicker", "{description}\n(id: {id}, plugin: {plugin})").format(
                description=component_text(spec.description), id=spec.id,
                plugin=spec.plugin or translate("ComponentPicker", "built-in"))
            self.combo.setItemData(self.combo.count() - 1, tip, 3)  # Qt.ToolTipRole
        self.combo.blockSignals(False)
        index = self.combo.findData(current)
        self.combo.setCurrentIndex(index if index >= 0 else 0)
        self._on_combo()

    def _on_combo(self, *_: Any) -> None:
        if self._current_id and self._current_id in self._specs and self.form.params:
            try:
                self._remembered[self._current_id] = self.form.values()
            except Exception:
                pass
        spec = self.spec()
        self._current_id = spec.id if spec else ""
        self.description.setText(component_text(spec.description) if spec else
                                 translate("ComponentPicker", "No {kind} is available.")
                                 .format(kind=kind_label(self.kind)))
        self.description.setToolTip(self.description.text())
        self.form.set_params(spec.params if spec else ())
        if spec and spec.id in self._remembered:
            self.form.set_values(self._remembered[spec.id])
        self.changed.emit()

    def spec(self) -> ComponentSpec | None:
        """The chosen spec (None when the registry offers none)."""
        return self._specs.get(self.combo.currentData())

    def choice(self) -> ComponentChoice:
        """The chosen component with the parameter values that differ from its defaults."""
        spec = self.spec()
        if spec is None:
            raise ValueError(translate("ComponentPicker", "No {kind} is available: install or enable a plugin that "
                                                          "offers one.").format(kind=kind_label(self.kind)))
        values = self.form.values()
        defaults = spec.defaults()
        return ComponentChoice(spec.id, {k: v for k, v in values.items() if defaults.get(k) != v})

    def set_choice(self, choice: ComponentChoice) -> list[str]:
        """Select ``choice`` and show its values; returns readable notes on what could not be applied."""
        index = self.combo.findData(choice.id)
        if index < 0:
            return [translate("ComponentPicker", "{kind} {id!r} is not installed any more; using {current}")
                    .format(kind=kind_label(self.kind), id=choice.id, current=self.combo.currentText())]
        self.combo.setCurrentIndex(index)
        self.form.reset_defaults()
        return self.form.set_values(choice.params)
