"""The Checkpoints panel's folder form: the folder row, the sortable list, and the chosen file's curves and details."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.checkpoint_index import CheckpointInfo
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.checkpoint_table import (
    INFO_ROLE,
    PROBLEM_KINDS,
    SORT_ROLE,
    CheckpointTableModel,
    CurvesPreview,
    FileNameDelegate,
    column_title,
)

NO_SELECTION = QT_TRANSLATE_NOOP("CheckpointBrowser", "Select a checkpoint to see its curves and details.")
MIN_NAME_WIDTH, MAX_NAME_WIDTH = 160, 420  # the File column's width in pixels; longer names are cut at the start


def button(text: str, tip: str, object_name: str = "") -> QPushButton:
    """A push button with its tooltip (every button of the panel says what it does)."""
    widget = QPushButton(text)
    widget.setToolTip(tip)
    if object_name:
        widget.setObjectName(object_name)
    return widget


class CheckpointBrowser(QWidget):
    """What the folder holds: pick a row to preview it, then Load or Resume.

    A view only: it shows what the controller scanned and says which row is chosen;
    the panel connects its buttons.
    """

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.save_button = button(translate("CheckpointBrowser", "Save…"),
                                  translate("CheckpointBrowser", "Save the current model and run to a file you choose "
                                                                 "(Ctrl+S)"))
        self.open_button = button(translate("CheckpointBrowser", "Open file…"),
                                  translate("CheckpointBrowser", "Open a checkpoint, a state dict or a pickled model "
                                                                 "from anywhere (Ctrl+O)"))
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setToolTip(translate("CheckpointBrowser", "The folder listed below; autosaves go here too"))
        self.change_folder_button = button(translate("CheckpointBrowser", "Change…"),
                                           translate("CheckpointBrowser", "List and autosave into another folder"))
        self.refresh_button = button(translate("CheckpointBrowser", "Refresh"),
                                     translate("CheckpointBrowser", "Read the folder again (F5)"))
        self.table_model = CheckpointTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._build_table()
        self.scan_label = QLabel("")
        self.scan_label.setToolTip(translate("CheckpointBrowser", "What the folder holds"))
        self.preview = CurvesPreview()
        self.details = QLabel(translate("CheckpointBrowser", NO_SELECTION))
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setToolTip(translate("CheckpointBrowser", "What the selected file records"))
        self.load_button = button(translate("CheckpointBrowser", "Load"),
                                  translate("CheckpointBrowser", "Make the selected checkpoint the app's current "
                                                                 "model: the Train, Classify and Model panels use it "
                                                                 "at once (Enter)"), "loadCheckpointButton")
        self.resume_button = button(translate("CheckpointBrowser", "Resume training"),
                                    translate("CheckpointBrowser", "Load it and continue training in the Train panel: "
                                                                   "the epoch count, optimizer state and curves go on"),
                                    "resumeButton")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._lay_out()

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("checkpointTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setItemDelegateForColumn(0, FileNameDelegate(table))  # keeps a name's time and latest/best
        table.setToolTip(translate("CheckpointBrowser", "Checkpoints in the folder: click a column to sort, "
                                                        "double-click (or Enter) to load"))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # The file name gets what the short columns leave: their width is what their text needs.
        metrics = table.fontMetrics()
        for column, sample in ((1, "resnet18"), (2, "fashion-mnist"), (3, column_title(3)), (4, column_title(4)),
                               (5, "2026-12-31 23:59"), (6, "999.9 MB")):
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(column_title(column)))
            table.setColumnWidth(column, width + 24)
        return table

    def _lay_out(self) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.save_button)
        folder_row.addWidget(self.open_button)
        folder_row.addSpacing(12)
        folder_row.addWidget(QLabel(translate("CheckpointBrowser", "Folder:")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.change_folder_button)
        folder_row.addWidget(self.refresh_button)

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.scan_label)

        actions = QHBoxLayout()
        actions.addWidget(self.load_button)
        actions.addWidget(self.resume_button)
        actions.addStretch(1)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview, 3)
        preview_layout.addWidget(self.details, 1)
        preview_layout.addLayout(actions)

        self.splitter.addWidget(list_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([780, 460])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(folder_row)
        layout.addWidget(self.splitter, 1)

    # -- what is listed ------------------------------------------------------------------
    def show_folder(self, folder: Path) -> None:
        """Name the folder being listed."""
        self.folder_edit.setText(str(folder))

    def show_rows(self, rows: list[CheckpointInfo], folder_exists: bool, keep: Path | None) -> None:
        """List ``rows`` and select ``keep`` again (else the first row)."""
        self.table_model.set_rows(rows)
        self._fit_name_column(rows)
        good = sum(1 for r in rows if r.kind in ("torchdesk", "state_dict"))
        if not folder_exists:
            self.scan_label.setText(translate("CheckpointBrowser", "The folder does not exist yet; it is created on "
                                                                   "the first save."))
        else:
            other = len(rows) - good
            text = (translate("CheckpointBrowser", "{n} checkpoint") if good == 1
                    else translate("CheckpointBrowser", "{n} checkpoints")).format(n=good)
            if other:
                more = (translate("CheckpointBrowser", ", {n} file that cannot be opened safely") if other == 1
                        else translate("CheckpointBrowser", ", {n} files that cannot be opened safely"))
                text += more.format(n=other)
            self.scan_label.setText(text)
        if keep is not None:
            self.select_path(keep)
        elif rows:
            self.table.selectRow(0)

    def _fit_name_column(self, rows: list[CheckpointInfo]) -> None:
        """Make the File column as wide as the longest name (within reason); the table scrolls sideways if needed."""
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(r.name) for r in rows), default=0)
        icon = self.table.iconSize().width() if any(r.kind in PROBLEM_KINDS for r in rows) else 0
        self.table.setColumnWidth(0, max(MIN_NAME_WIDTH, min(MAX_NAME_WIDTH, widest + icon + 24)))

    def rows(self) -> list[CheckpointInfo]:
        """The rows in the order shown."""
        return [self.proxy.index(r, 0).data(INFO_ROLE) for r in range(self.proxy.rowCount())]

    def select_path(self, path: str | Path) -> bool:
        """Select the row of ``path``; False when it is not listed."""
        target = Path(path)
        for row in range(self.proxy.rowCount()):
            info = self.proxy.index(row, 0).data(INFO_ROLE)
            if info is not None and info.path == target:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> CheckpointInfo | None:
        """The selected row's info."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(INFO_ROLE) if rows else None

    def show_selected(self, info: CheckpointInfo | None) -> None:
        """Preview ``info``'s curves and details (None clears them)."""
        self.preview.show_epochs(info.epochs if info is not None else ())
        self.details.setText(details_text(info))


def details_text(info: CheckpointInfo | None) -> str:
    """What a row records, as rich text for the details label."""
    if info is None:
        return translate("CheckpointBrowser", NO_SELECTION)
    lines = [f"<b>{html.escape(info.name)}</b>"]
    if info.kind == "torchdesk":
        best = (translate("CheckpointBrowser", ", best {accuracy:.2f}%").format(accuracy=100 * info.best_accuracy)
                if info.best_accuracy == info.best_accuracy else "")
        line = (translate("CheckpointBrowser", "{model} on {dataset} · {n} epoch{best}") if info.epoch == 1
                else translate("CheckpointBrowser", "{model} on {dataset} · {n} epochs{best}"))
        lines.append(line.format(model=html.escape(info.model), dataset=html.escape(info.dataset), n=info.epoch,
                                 best=best))
    elif info.kind in PROBLEM_KINDS:
        lines.append(f"⚠ {html.escape(info.message)}")
    elif info.message:
        lines.append(html.escape(info.message))
    lines.append(f"<small>{html.escape(str(info.path))}</small>")
    return "<br>".join(lines)
