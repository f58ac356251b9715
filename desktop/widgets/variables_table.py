"""The playground's variables table: name, type, shape, dtype, device, requires_grad, NumPy bridge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.playground import VariableInfo
from torchdesk.desktop.i18n import translate

COLUMNS = (
    QT_TRANSLATE_NOOP("VariablesModel", "Name"), QT_TRANSLATE_NOOP("VariablesModel", "Type"),
    QT_TRANSLATE_NOOP("VariablesModel", "Shape"), QT_TRANSLATE_NOOP("VariablesModel", "dtype"),
    QT_TRANSLATE_NOOP("VariablesModel", "Device"), QT_TRANSLATE_NOOP("VariablesModel", "requires_grad"),
    QT_TRANSLATE_NOOP("VariablesModel", "Shares memory with"),
)
"""Column headers, in English (dtype and requires_grad are torch's names and stay so); translated where shown."""
_TIPS = (
    QT_TRANSLATE_NOOP("VariablesModel", "The variable's name in the playground"),
    QT_TRANSLATE_NOOP("VariablesModel", "Its Python type"),
    QT_TRANSLATE_NOOP("VariablesModel", "Its shape (tensors and arrays) or length"),
    QT_TRANSLATE_NOOP("VariablesModel", "Element type"),
    QT_TRANSLATE_NOOP("VariablesModel", "Where the tensor lives"),
    QT_TRANSLATE_NOOP("VariablesModel", "Whether autograd tracks operations on it"),
    QT_TRANSLATE_NOOP("VariablesModel", "NumPy bridge: the tensor and the array named here share memory, so changing one "
                                        "changes the other"),
)
BRIDGE_COLOUR = QColor(255, 236, 179)


class VariablesModel(QAbstractTableModel):
    """Rows of :class:`VariableInfo` from the last run."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[VariableInfo] = []

    def set_rows(self, rows: list[VariableInfo]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, name: str) -> int:
        """Row index of ``name``, -1 if absent."""
        return next((i for i, row in enumerate(self.rows) if row.name == name), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def cell_text(self, row: VariableInfo, column: int) -> str:
        """The text of one cell."""
        if column == 0:
            return row.name
        if column == 1:
            return row.type_name
        if column == 2:
            return row.shape
        if column == 3:
            return row.dtype
        if column == 4:
            return row.device
        if column == 5:
            return "" if row.requires_grad is None else ("True" if row.requires_grad else "False")
        return "⇄ " + ", ".join(row.shares_memory_with) if row.shares_memory_with else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.shares_memory_with:
                return translate("VariablesModel", "{name} shares memory with {others}: changing one changes the other").format(
                    name=row.name, others=", ".join(row.shares_memory_with))
            return row.summary or row.name
        if row.shares_memory_with and index.column() in (0, 6):
            if role == Qt.ItemDataRole.BackgroundRole:
                return BRIDGE_COLOUR
            if role == Qt.ItemDataRole.ForegroundRole:  # readable on the light highlight in any theme
                return QColor("#202020")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("VariablesModel", COLUMNS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("VariablesModel", _TIPS[section])
        return None


class VariablesTable(QTableView):
    """The table view; one row selected at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.variables = VariablesModel()
        self.setModel(self.variables)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(22)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setToolTip(translate("VariablesTable", "Every variable of the playground; select one to see its values and "
                                                    "autograd graph"))

    def selected_name(self) -> str | None:
        """Name of the selected variable, or None."""
        rows = self.selectionModel().selectedRows()
        return self.variables.rows[rows[0].row()].name if rows else None

    def select_name(self, name: str) -> bool:
        """Select ``name``'s row; False if there is none."""
        row = self.variables.row_of(name)
        if row < 0:
            return False
        self.selectRow(row)
        return True
