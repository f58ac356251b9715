"""The Train form's transforms list: preprocessing, augmentations and label transforms, each with its parameters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from torchdesk.core.i18n import component_text
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.param_form import ParamForm


class TransformsEditor(QWidget):
    """Checkable transforms (preprocessing, augmentations, label transforms) with their parameters."""

    ROLE_ID = Qt.ItemDataRole.UserRole

    def __init__(self, registry: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self._values: dict[str, dict[str, Any]] = {}
        self.use_defaults = QCheckBox(translate("TransformsEditor", "Use the dataset's default preprocessing"), self)
        self.use_defaults.setChecked(True)
        self.use_defaults.setToolTip(translate("TransformsEditor", "ToTensor plus the dataset's usual normalisation. "
                                                                   "Untick to choose the preprocessing transforms "
                                                                   "yourself."))
        self.list = QListWidget(self)
        self.list.setToolTip(translate("TransformsEditor", "Tick the transforms to apply. Augmentations change "
                                                           "training images only; label transforms change the targets. "
                                                           "Select one to edit its parameters."))
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
            name = component_text(spec.name)
            if spec.target:
                name = translate("TransformsEditor", "{name} (labels)").format(name=name)
            elif spec.random:
                name = translate("TransformsEditor", "{name} (training only)").format(name=name)
            item = QListWidgetItem(name)
            item.setData(self.ROLE_ID, spec.id)
            item.setToolTip(component_text(spec.description))
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
            self.params_title.setText(translate("TransformsEditor", "Select a transform to see its parameters."))
            self.form.set_params(())
            return
        self.params_title.setText(translate("TransformsEditor", "<b>{name}</b> parameters:").format(
            name=component_text(spec.name)))
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
                notes.append(translate("TransformsEditor", "transform {id} is not installed any more")
                             .format(id=repr(choice.id)))
                continue
            self._values[choice.id] = dict(choice.params)
        ids = {c.id for c in wanted}
        self.use_defaults.setChecked(config.transforms is None)
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(self.ROLE_ID) in ids else Qt.CheckState.Unchecked)
        self._on_current(self.list.currentItem(), None)
        return notes
