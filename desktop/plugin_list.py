"""A read-only list of the installed plugins (the Plugins dialog falls back to it).

Also the words both plugin windows use for a plugin's state, the kinds of component
and import times, translated where they are shown (the registry keeps the English ids).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.desktop.i18n import translate

STATE_TEXTS = {
    "active": QT_TRANSLATE_NOOP("PluginList", "active"),
    "partly-failed": QT_TRANSLATE_NOOP("PluginList", "partly failed"),
    "failed": QT_TRANSLATE_NOOP("PluginList", "failed"),
    "disabled": QT_TRANSLATE_NOOP("PluginList", "disabled"),
}
"""A plugin's state (``PluginInfo.state``) as people read it, marked for translation."""

KIND_HEADINGS = {
    "model": QT_TRANSLATE_NOOP("PluginList", "Models"),
    "dataset": QT_TRANSLATE_NOOP("PluginList", "Datasets"),
    "transform": QT_TRANSLATE_NOOP("PluginList", "Transforms"),
    "optimizer": QT_TRANSLATE_NOOP("PluginList", "Optimizers"),
    "loss": QT_TRANSLATE_NOOP("PluginList", "Losses"),
    "scheduler": QT_TRANSLATE_NOOP("PluginList", "Schedulers"),
    "callback": QT_TRANSLATE_NOOP("PluginList", "Callbacks"),
    "metric": QT_TRANSLATE_NOOP("PluginList", "Metrics"),
}
"""A kind of component as a heading over a list of them."""

KIND_COUNTS = {
    "model": (QT_TRANSLATE_NOOP("PluginList", "{count} model"), QT_TRANSLATE_NOOP("PluginList", "{count} models")),
    "dataset": (QT_TRANSLATE_NOOP("PluginList", "{count} dataset"),
                QT_TRANSLATE_NOOP("PluginList", "{count} datasets")),
    "transform": (QT_TRANSLATE_NOOP("PluginList", "{count} transform"),
                  QT_TRANSLATE_NOOP("PluginList", "{count} transforms")),
    "optimizer": (QT_TRANSLATE_NOOP("PluginList", "{count} optimizer"),
                  QT_TRANSLATE_NOOP("PluginList", "{count} optimizers")),
    "loss": (QT_TRANSLATE_NOOP("PluginList", "{count} loss"), QT_TRANSLATE_NOOP("PluginList", "{count} losses")),
    "scheduler": (QT_TRANSLATE_NOOP("PluginList", "{count} scheduler"),
                  QT_TRANSLATE_NOOP("PluginList", "{count} schedulers")),
    "callback": (QT_TRANSLATE_NOOP("PluginList", "{count} callback"),
                 QT_TRANSLATE_NOOP("PluginList", "{count} callbacks")),
    "metric": (QT_TRANSLATE_NOOP("PluginList", "{count} metric"), QT_TRANSLATE_NOOP("PluginList", "{count} metrics")),
}
"""``1 model``, ``2 models``: whole phrases per kind and number, so each language can say them its own way."""

COLUMNS = (
    QT_TRANSLATE_NOOP("PluginList", "Plugin"), QT_TRANSLATE_NOOP("PluginList", "Distribution"),
    QT_TRANSLATE_NOOP("PluginList", "State"), QT_TRANSLATE_NOOP("PluginList", "Provides"),
    QT_TRANSLATE_NOOP("PluginList", "Problem"), QT_TRANSLATE_NOOP("PluginList", "Import time"),
)


def state_text(state: str) -> str:
    """``state`` (``partly-failed``) as shown: ``partly failed``, in the person's language."""
    text = STATE_TEXTS.get(state)
    return translate("PluginList", text) if text else state.replace("-", " ")


def kind_text(kind: str) -> str:
    """The name of one component of ``kind`` as shown (``model``)."""
    from torchdesk.core.specs import kind_label

    return kind_label(kind)


def kind_heading(kind: str) -> str:
    """``Models``: the heading over a list of components of ``kind``."""
    text = KIND_HEADINGS.get(kind)
    if text:
        return translate("PluginList", text)
    from torchdesk.core.specs import kind_plural

    return kind_plural(kind, 2).capitalize()


def kind_count_text(kind: str, count: int) -> str:
    """``1 model``, ``3 models``: how many components of ``kind``."""
    forms = KIND_COUNTS.get(kind)
    if forms is None:
        from torchdesk.core.specs import kind_plural

        return f"{count} {kind_plural(kind, count)}"
    return translate("PluginList", forms[0] if count == 1 else forms[1]).format(count=count)


def import_time_text(info: Any) -> str:
    """``0.02 s``: how long importing and registering the plugin took ('not loaded' when switched off)."""
    if info.state == "disabled":
        return translate("PluginList", "not loaded")
    return translate("PluginList", "{seconds} s").format(seconds=f"{info.import_seconds:.2f}")


def plugin_rows(registry: Any) -> list[tuple[str, str, str, str, str]]:
    """(name, distribution version, state, what it provides, error) for every plugin."""
    return [row[:5] for row in plugin_table(registry)]  # type: ignore[misc]


def plugin_table(registry: Any) -> list[tuple[str, str, str, str, str, str]]:
    """:func:`plugin_rows` plus each plugin's import time; a slow import is named in the problem column."""
    from torchdesk.core.registry import slow_import_warning

    rows = []
    for info in registry.plugins():
        provides = "; ".join(f"{kind_text(kind)}: {', '.join(ids)}" for kind, ids in info.provides.items())
        problem = "; ".join(filter(None, [info.error, slow_import_warning(info)]))
        rows.append((info.name, f"{info.distribution} {info.version}".strip(), state_text(info.state), provides,
                     problem, import_time_text(info)))
    return rows


def show_plugin_list(registry: Any, parent: QWidget | None = None) -> QDialog:
    """Open a non-modal window listing ``registry``'s plugins; returns it."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("PluginList", "Plugins"))
    dialog.resize(900, 380)
    tree = QTreeWidget(dialog)
    tree.setHeaderLabels([translate("PluginList", column) for column in COLUMNS])
    tree.setToolTip(translate("PluginList", "Every plugin found through the 'torchdesk' entry points"))
    tree.setRootIsDecorated(False)
    tree.setWordWrap(True)
    for row in plugin_table(registry):
        item = QTreeWidgetItem(list(row))
        for column, text in enumerate(row):
            item.setToolTip(column, text)
        tree.addTopLevelItem(item)
    for column in range(3):
        tree.resizeColumnToContents(column)
    tree.setColumnWidth(3, 380)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(tree)
    layout.addWidget(buttons)
    dialog.show()
    return dialog
