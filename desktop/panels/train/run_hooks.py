"""The Train panel's learning-rate scheduler, training callbacks and test metrics, all from plugins.

The scheduler is a :class:`ComponentPicker` (one of, with its parameter form); callbacks
and metrics are check lists (any number), each item's tooltip its description and
parameters. The item selected in a list shows its parameter form below it; the values
start from the run that filled the form (a run file, a checkpoint) or the defaults.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QListWidget, QListWidgetItem, QWidget

from torchdesk.core.i18n import component_text
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.specs import ComponentSpec
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.component_picker import ComponentPicker
from torchdesk.desktop.widgets.param_form import ParamForm


class HookChecklist(QListWidget):
    """Every spec of one kind as a check box; :meth:`choices` gives the checked ones in list order."""

    changed = Signal()

    def __init__(self, kind: str, specs: Sequence[ComponentSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"{kind}Checklist")
        self._params: dict[str, dict[str, Any]] = {}
        self._specs: dict[str, ComponentSpec] = {}
        self.form = ParamForm()
        self.form.setObjectName(f"{kind}Params")
        self.form.changed.connect(self._keep_form_values)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self.currentItemChanged.connect(lambda *_: self._show_form())
        self.set_specs(specs)

    def set_specs(self, specs: Sequence[ComponentSpec]) -> None:
        """Offer ``specs`` (after a plugin rescan), keeping what was checked."""
        checked = {choice.id for choice in self.choices()}
        self.blockSignals(True)
        self.clear()
        self._specs = {spec.id: spec for spec in specs}
        for spec in specs:
            item = QListWidgetItem(component_text(spec.name), self)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            params = ", ".join(f"{p.name}={p.default!r}" for p in spec.params)
            plugin = spec.plugin or translate("HookChecklist", "built-in")
            if params:
                tip = translate("HookChecklist", "{description}\n(id: {id}, plugin: {plugin}; parameters: "
                                                 "{parameters})")
            else:
                tip = translate("HookChecklist", "{description}\n(id: {id}, plugin: {plugin})")
            item.setToolTip(tip.format(description=component_text(spec.description), id=spec.id, plugin=plugin,
                                       parameters=params))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if spec.id in checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        row = max(self.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.setFixedHeight(row * max(min(self.count(), 4), 1) + 2 * self.frameWidth() + 4)
        if self.count():
            self.setCurrentRow(0)
        self._show_form()

    def current_id(self) -> str | None:
        """The id of the selected item (whose parameters the form shows)."""
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_form(self) -> None:
        spec = self._specs.get(self.current_id() or "")
        self.form.blockSignals(True)
        self.form.set_params(spec.params if spec is not None else ())
        if spec is not None and spec.id in self._params:
            self.form.set_values(self._params[spec.id])
        self.form.blockSignals(False)

    def _keep_form_values(self) -> None:
        spec_id = self.current_id()
        if spec_id is not None:
            self._params[spec_id] = self.form.values()
            self.changed.emit()

    def choices(self) -> tuple[ComponentChoice, ...]:
        """The checked components with the parameters the form was given for them."""
        found = []
        for row in range(self.count()):
            item = self.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                spec_id = str(item.data(Qt.ItemDataRole.UserRole))
                found.append(ComponentChoice(spec_id, dict(self._params.get(spec_id, {}))))
        return tuple(found)

    def set_choices(self, choices: Sequence[ComponentChoice]) -> list[str]:
        """Check exactly ``choices``; returns notes on those not installed."""
        wanted = {choice.id: choice for choice in choices}
        self._params = {choice.id: dict(choice.params) for choice in choices}
        seen = set()
        self.blockSignals(True)
        for row in range(self.count()):
            item = self.item(row)
            spec_id = str(item.data(Qt.ItemDataRole.UserRole))
            seen.add(spec_id)
            item.setCheckState(Qt.CheckState.Checked if spec_id in wanted else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self._show_form()
        self.changed.emit()
        return [self._not_installed(spec_id) for spec_id in wanted if spec_id not in seen]

    def _not_installed(self, spec_id: str) -> str:
        if self.kind == "callback":
            text = translate("HookChecklist", "callback {id} is not installed any more; it is left out")
        elif self.kind == "metric":
            text = translate("HookChecklist", "metric {id} is not installed any more; it is left out")
        else:
            text = translate("HookChecklist", "{kind} {id} is not installed any more; it is left out")
        return text.format(kind=self.kind, id=repr(spec_id))


class RunHooksBox(QGroupBox):
    """"Schedule, callbacks and metrics": the scheduler picker and the callback and metric check lists."""

    changed = Signal()

    def __init__(self, registry: Any, parent: QWidget | None = None) -> None:
        super().__init__(translate("RunHooksBox", "Schedule, callbacks and metrics"), parent)
        form = QFormLayout(self)
        self.scheduler_picker = ComponentPicker("scheduler", registry.schedulers())
        self.scheduler_picker.combo.setObjectName("lrScheduleCombo")
        self.scheduler_picker.combo.setToolTip(translate("RunHooksBox", "How the learning rate changes during the run "
                                                                        "(scheduler plugins)"))
        self.callbacks_list = HookChecklist("callback", registry.callbacks())
        self.callbacks_list.setToolTip(translate("RunHooksBox", "Training callbacks: they watch the run and may stop "
                                                                "it (e.g. early stopping)"))
        self.metrics_list = HookChecklist("metric", registry.metrics())
        self.metrics_list.setToolTip(translate("RunHooksBox", "Extra numbers computed on each test pass, plotted and "
                                                              "kept in checkpoints"))
        form.addRow(translate("RunHooksBox", "LR schedule:"), self.scheduler_picker)
        form.addRow(translate("RunHooksBox", "Callbacks:"), self.callbacks_list)
        form.addRow("", self.callbacks_list.form)
        form.addRow(translate("RunHooksBox", "Metrics:"), self.metrics_list)
        form.addRow("", self.metrics_list.form)
        for widget in (self.scheduler_picker, self.callbacks_list, self.metrics_list):
            widget.changed.connect(self.changed)

    def config_parts(self) -> dict[str, Any]:
        """The RunConfig fields this box sets."""
        spec = self.scheduler_picker.spec()
        schedule = self.scheduler_picker.choice() if spec is not None else ComponentChoice("cosine")
        return {"lr_schedule": schedule.id, "lr_schedule_params": dict(schedule.params),
                "callbacks": self.callbacks_list.choices(), "metrics": self.metrics_list.choices()}

    def set_config_parts(self, config: RunConfig) -> list[str]:
        """Show ``config``'s scheduler, callbacks and metrics; returns notes on what could not be applied."""
        notes = self.scheduler_picker.set_choice(ComponentChoice(config.lr_schedule, dict(config.lr_schedule_params)))
        notes = [note.replace("scheduler", "learning-rate schedule", 1) for note in notes]
        notes += self.callbacks_list.set_choices(config.callbacks)
        notes += self.metrics_list.set_choices(config.metrics)
        return notes

    def reload(self, registry: Any) -> None:
        """Offer a rescanned registry's schedulers, callbacks and metrics."""
        self.scheduler_picker.set_specs(registry.schedulers())
        self.callbacks_list.set_specs(registry.callbacks())
        self.metrics_list.set_specs(registry.metrics())
