"""A form generated from a component's parameter schema.

Plugins never write UI code: every model, dataset, optimizer, loss and transform
describes its parameters as :class:`~torchdesk.core.specs.Param` entries and this
form turns them into widgets (spin boxes with bounds, combo boxes for choices, a
check box for flags, a line edit or a file chooser for text and paths), with the
help text as tooltip. The training panel and the model view both use it.
"""

from __future__ import annotations

import math
from typing import Any, Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from torchdesk.core.i18n import component_text
from torchdesk.core.specs import ComponentSpec, Param, ParamError
from torchdesk.desktop.i18n import translate

INT_LIMIT = 2**31 - 1
FLOAT_LIMIT = 1e12


class ScientificSpinBox(QDoubleSpinBox):
    """A float spin box that shows ``1e-3`` as ``0.001`` and ``1e-6`` as ``1e-06``.

    Plain ``QDoubleSpinBox`` rounds to a fixed number of decimals, which turns a
    learning rate of ``3e-5`` into ``0.00``. This one keeps full precision and steps
    by the leading digit (0.001 -> 0.002 up, 0.001 -> 0.0009 down), which is how
    people nudge learning rates and weight decays.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(15)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt override)
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt override)
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 (Qt override)
        stripped = text.strip()
        if not stripped:
            return (QValidator.State.Intermediate, text, pos)
        try:
            value = float(stripped)
        except ValueError:
            typing_a_number = all(c in "0123456789.e+-" for c in stripped.lower())
            state = QValidator.State.Intermediate if typing_a_number else QValidator.State.Invalid
            return (state, text, pos)
        if self.minimum() <= value <= self.maximum():
            return (QValidator.State.Acceptable, text, pos)
        return (QValidator.State.Intermediate, text, pos)

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt override)
        value = self.value()
        for _ in range(abs(steps)):
            value = _step_leading_digit(value, up=steps > 0, fallback=self.singleStep())
        self.setValue(min(self.maximum(), max(self.minimum(), value)))


def _step_leading_digit(value: float, up: bool, fallback: float) -> float:
    """``value`` moved by one unit of its leading digit (0.003 -> 0.004 / 0.002)."""
    magnitude = abs(value)
    if magnitude == 0 or not math.isfinite(magnitude):
        return fallback if up else -fallback
    towards_zero = (value > 0) != up
    probe = magnitude * (1 - 1e-9) if towards_zero else magnitude
    step = 10 ** math.floor(math.log10(probe))
    result = value + step if up else value - step
    return float(f"{result:.12g}")


class PathEdit(QWidget):
    """A line edit with a Browse… button for ``path`` parameters."""

    changed = Signal()

    def __init__(self, param: Param, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.param = param
        self.edit = QLineEdit(self)
        self.button = QToolButton(self)
        self.button.setText("…")
        label = component_text(param.display_label)
        self.button.setToolTip(translate("ParamForm", "Choose a folder for {label}").format(label=label)
                               if self.wants_folder else
                               translate("ParamForm", "Choose a file for {label}").format(label=label))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.browse)
        self.edit.editingFinished.connect(self.changed)

    @property
    def wants_folder(self) -> bool:
        """Whether the parameter names a folder rather than a file (judged from its name and help)."""
        words = f"{self.param.name} {self.param.help}".lower()
        return any(w in words for w in ("dir", "folder", "root", "directory"))

    def browse(self) -> None:
        """Open the standard file or folder dialog and take the choice."""
        start = self.edit.text()
        if self.wants_folder:
            chosen = QFileDialog.getExistingDirectory(self, component_text(self.param.display_label), start)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, component_text(self.param.display_label), start)
        if chosen:
            self.edit.setText(chosen)
            self.changed.emit()

    def text(self) -> str:
        """The path as typed or chosen."""
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (mirrors QLineEdit)
        """Show ``text`` as the path."""
        self.edit.setText(text)


def tooltip_for(param: Param) -> str:
    """The help text plus the bounds or choices, so every control explains itself."""
    parts = [component_text(param.help)] if param.help else []
    if param.type in ("int", "float") and (param.minimum is not None or param.maximum is not None):
        low = "−∞" if param.minimum is None else f"{param.minimum:g}"
        high = "∞" if param.maximum is None else f"{param.maximum:g}"
        parts.append(translate("ParamForm", "Range: {low} … {high}").format(low=low, high=high))
    default = component_text(param.default) if param.type == "choice" and isinstance(param.default, str) \
        else param.default
    parts.append(translate("ParamForm", "Default: {value}").format(value=default))
    return "\n".join(parts)


class ParamForm(QWidget):
    """Widgets for a parameter schema, with :meth:`values` and :meth:`set_values`.

    ``changed`` fires whenever the person edits a value. An empty schema shows a
    short "no parameters" note so the layout does not jump when components change.
    """

    changed = Signal()

    def __init__(self, params: Sequence[Param] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._params: tuple[Param, ...] = ()
        self._widgets: dict[str, QWidget] = {}
        self.set_params(params)

    @classmethod
    def for_spec(cls, spec: ComponentSpec | None, parent: QWidget | None = None) -> "ParamForm":
        """A form for ``spec``'s schema (empty for None)."""
        return cls(spec.params if spec is not None else (), parent)

    # -- schema ------------------------------------------------------------------
    @property
    def params(self) -> tuple[Param, ...]:
        """The schema the form shows."""
        return self._params

    def set_params(self, params: Sequence[Param]) -> None:
        """Rebuild the widgets for a new schema (values go back to the defaults)."""
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self._widgets.clear()
        self._params = tuple(params)
        if not self._params:
            note = QLabel(translate("ParamForm", "No parameters"))
            note.setEnabled(False)
            note.setToolTip(translate("ParamForm", "This component has nothing to set."))
            self._layout.addRow(note)
            return
        for param in self._params:
            widget = self._make_widget(param)
            widget.setToolTip(tooltip_for(param))
            widget.setObjectName(f"param_{param.name}")
            label = QLabel(translate("ParamForm", "{label}:").format(label=component_text(param.display_label)))
            label.setToolTip(widget.toolTip())
            label.setBuddy(widget)
            self._layout.addRow(label, widget)
            self._widgets[param.name] = widget
            self._set_widget(param, widget, param.default)

    def widget(self, name: str) -> QWidget:
        """The widget editing parameter ``name`` (tests and custom layouts use it)."""
        return self._widgets[name]

    def _make_widget(self, param: Param) -> QWidget:
        if param.type == "int":
            box = QSpinBox()
            box.setRange(_int_bound(param.minimum, -INT_LIMIT), _int_bound(param.maximum, INT_LIMIT))
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self.changed)
            return box
        if param.type == "float":
            box = ScientificSpinBox()
            low = -FLOAT_LIMIT if param.minimum is None else float(param.minimum)
            high = FLOAT_LIMIT if param.maximum is None else float(param.maximum)
            box.setRange(low, high)
            box.setSingleStep(_natural_step(param))
            box.valueChanged.connect(self.changed)
            return box
        if param.type == "bool":
            check = QCheckBox()
            check.toggled.connect(self.changed)
            return check
        if param.type == "choice":
            combo = QComboBox()
            for choice in param.choices:
                combo.addItem(component_text(str(choice)), choice)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if param.type == "path":
            path = PathEdit(param)
            path.changed.connect(self.changed)
            return path
        edit = QLineEdit()
        edit.editingFinished.connect(self.changed)
        return edit

    # -- values ------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The current values by name, each coerced and checked against its schema."""
        result: dict[str, Any] = {}
        for param in self._params:
            widget = self._widgets[param.name]
            raw: Any
            if isinstance(widget, QSpinBox):
                raw = widget.value()
            elif isinstance(widget, QDoubleSpinBox):
                raw = widget.value()
            elif isinstance(widget, QCheckBox):
                raw = widget.isChecked()
            elif isinstance(widget, QComboBox):
                raw = widget.currentData()
            else:
                raw = widget.text()  # type: ignore[attr-defined]
            result[param.name] = param.coerce(raw)
        return result

    def set_values(self, values: Mapping[str, Any]) -> list[str]:
        """Show ``values``; names the schema lacks and values that do not fit are skipped.

        Returns one readable line per value that was skipped, so a caller restoring
        old settings can tell the person what changed instead of failing.
        """
        skipped: list[str] = []
        by_name = {p.name: p for p in self._params}
        for name, value in values.items():
            param = by_name.get(name)
            if param is None:
                skipped.append(translate("ParamForm", "{name}: no such parameter any more").format(name=name))
                continue
            try:
                coerced = param.coerce(value)
            except ParamError as exc:
                skipped.append(str(exc))
                continue
            self._set_widget(param, self._widgets[name], coerced)
        return skipped

    def reset_defaults(self) -> None:
        """Put every widget back to its schema default."""
        for param in self._params:
            self._set_widget(param, self._widgets[param.name], param.default)

    def _set_widget(self, param: Param, widget: QWidget, value: Any) -> None:
        if isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QDoubleSpinBox):
            widget.setValue(float(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                if widget.itemData(index) == value or widget.itemText(index) == str(value):
                    widget.setCurrentIndex(index)
                    break
        else:
            widget.setText("" if value is None else str(value))  # type: ignore[attr-defined]


def _int_bound(bound: float | None, fallback: int) -> int:
    if bound is None:
        return fallback
    return int(max(-INT_LIMIT, min(INT_LIMIT, bound)))


def _natural_step(param: Param) -> float:
    """A step that suits the parameter's scale (0.1 for a dropout, 1e-4 for a weight decay)."""
    scale = abs(float(param.default or 0)) or abs(float(param.maximum or 0)) or 1.0
    return 10 ** math.floor(math.log10(scale)) if scale > 0 else 0.1
