"""The Model panel's Layers and Summary tabs: the layer table and ``print(model)`` with the totals."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from torchdesk.core.inspect.summary import ModelSummary, human_count
from torchdesk.desktop.i18n import translate

NAME_ROLE = Qt.ItemDataRole.UserRole
PRINT_MODEL = "print(model):"  # code: the same in every language


class LayerTable(QTreeWidget):
    """Every module as a tree row: output shape, parameters, trainable and MACs; ``layer_chosen(name)`` on a click."""

    layer_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([translate("LayerTable", "Layer"), translate("LayerTable", "Type"),
                              translate("LayerTable", "Output shape"), translate("LayerTable", "Parameters"),
                              translate("LayerTable", "Trainable"), "MACs"])
        self.setToolTip(translate("LayerTable", "Every module with its output shape for the current input, its "
                                                "parameters (including those of its children) and "
                                                "multiply-accumulates per sample."))
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.itemSelectionChanged.connect(self._on_selection)

    def show_summary(self, summary: ModelSummary) -> None:
        """One row per module of ``summary``, nested as the modules are."""
        self.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        for row in summary.rows:
            shape = row.shape_text + ("  " + translate("LayerTable", "(×{n} calls)").format(n=row.calls)
                                      if row.calls > 1 else "")
            short = row.name.rsplit(".", 1)[-1] if row.name else translate("LayerTable", "(model)")
            values = [short, row.type, shape, f"{row.params:,}", row.trainable_text,
                      human_count(row.macs) if row.macs else "—"]
            parent_name = row.name.rsplit(".", 1)[0] if "." in row.name else ("" if row.name else None)
            parent = parents.get(parent_name) if parent_name is not None else None
            item = QTreeWidgetItem(parent if parent is not None else self, values)
            item.setData(0, NAME_ROLE, row.name)
            item.setToolTip(0, translate("LayerTable", "{layer}: {detail}").format(
                layer=row.name or translate("LayerTable", "the whole model"), detail=row.detail or row.type))
            for col in (3, 5):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parents[row.name] = item
        self.expandToDepth(1)
        for col in range(1, self.columnCount()):
            self.resizeColumnToContents(col)

    def select_module(self, module: str) -> None:
        """Select and reveal ``module``'s row without announcing it."""
        self.blockSignals(True)
        self.clearSelection()
        for item in self.items():
            if item.data(0, NAME_ROLE) == module:
                item.setSelected(True)
                self.scrollToItem(item)
                break
        self.blockSignals(False)

    def items(self) -> list[QTreeWidgetItem]:
        """Every row, in display order."""
        found: list[QTreeWidgetItem] = []
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            found.append(item)
            stack[0:0] = [item.child(i) for i in range(item.childCount())]
        return found

    def _on_selection(self) -> None:
        chosen = self.selectedItems()
        if chosen:
            self.layer_chosen.emit(str(chosen[0].data(0, NAME_ROLE)))


class SummaryView(QWidget):
    """The totals (parameters, memory, MACs) and PyTorch's own ``print(model)`` text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model_text = QPlainTextEdit()
        self.model_text.setReadOnly(True)
        self.model_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.model_text.setToolTip(translate("SummaryView", "print(model): how PyTorch itself describes the model."))
        font = self.model_text.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.model_text.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals_label)
        layout.addWidget(QLabel(PRINT_MODEL))
        layout.addWidget(self.model_text, 1)

    def show_summary(self, summary: ModelSummary) -> None:
        """Show ``summary``'s totals and text."""
        self.totals_label.setText(summary.totals_text())
        self.model_text.setPlainText(summary.text)
