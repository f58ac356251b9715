"""A read-only list of the installed plugins (the Plugins dialog falls back to it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget


def plugin_rows(registry: Any) -> list[tuple[str, str, str, str, str]]:
    """(name, distribution version, state, what it provides, error) for every plugin."""
    return [row[:5] for row in plugin_table(registry)]  # type: ignore[misc]


def plugin_table(registry: Any) -> list[tuple[str, str, str, str, str, str]]:
    """:func:`plugin_rows` plus each plugin's import time; a slow import is named in the problem column."""
    from torchdesk.core.registry import slow_import_warning

    rows = []
    for info in registry.plugins():
        provides = "; ".join(f"{kind}: {', '.join(ids)}" for kind, ids in info.provides.items())
        problem = "; ".join(filter(None, [info.error, slow_import_warning(info)]))
        took = "not loaded" if info.state == "disabled" else f"{info.import_seconds:.2f} s"
        rows.append((info.name, f"{info.distribution} {info.version}".strip(), info.state_label, provides, problem,
                     took))
    return rows


def show_plugin_list(registry: Any, parent: QWidget | None = None) -> QDialog:
    """Open a non-modal window listing ``registry``'s plugins; returns it."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Plugins")
    dialog.resize(900, 380)
    tree = QTreeWidget(dialog)
    tree.setHeaderLabels(["Plugin", "Distribution", "State", "Provides", "Problem", "Import time"])
    tree.setToolTip("Every plugin found through the 'torchdesk' entry points")
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
