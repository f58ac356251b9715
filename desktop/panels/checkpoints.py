"""The Checkpoints panel: save, browse, load, resume, autosave and export trained models.

Top: the checkpoints folder (changeable) listed in a sortable table, with the chosen
checkpoint's training curves and details beside it. Below: Load (the model becomes the
app's current model everywhere), Resume training (the Train panel continues the run),
autosave and keep-best settings for runs trained in the app, and verified export.
Every file goes through the safe loader; a file that cannot be opened gets a message in
the panel, never a crash, and a pickled model opens only after the person trusts it.
"""

from __future__ import annotations

import html
import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QSettings, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.autosave import Autosaver, AutosavePolicy, AutosaveRecord
from torchdesk.core.checkpoint import (
    Checkpoint,
    CheckpointError,
    UntrustedFileError,
    atomic_save,
    load_checkpoint,
    load_pickled_model,
    pickled_model_predictor,
    predictor_payload,
)
from torchdesk.core.checkpoint_index import CheckpointInfo, scan_folder
from torchdesk.core.events import Failed, Finished
from torchdesk.core.export import (
    DEFAULT_TOLERANCE,
    FORMATS,
    ExportResult,
    export_metadata,
    export_model,
    sample_inputs,
    unavailable_reason,
)
from torchdesk.core.predictor import Predictor
from torchdesk.core.userdirs import checkpoints_dir
from torchdesk.desktop.checkpoint_dialogs import PickledModelDialog, StateDictDialog, confirm_trust
from torchdesk.desktop.dataview.tasks import TaskSlot
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.state import AppState
from torchdesk.desktop.widgets.checkpoint_table import INFO_ROLE, SORT_ROLE, CheckpointTableModel, CurvesPreview
from torchdesk.desktop.widgets.param_form import ScientificSpinBox

FILE_FILTER = "Checkpoints (*.pt *.pth *.ckpt);;All files (*)"


class AutosaveSignals(QObject):
    """Carries the autosaver's reports from the training thread to the GUI thread."""

    saved = Signal(object)
    failed = Signal(str)


class CheckpointsPanel(Panel):
    """Save, browse, load, resume, autosave and export checkpoints."""

    panel_id = "checkpoints"
    title = "Checkpoints"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.folder = checkpoints_dir()
        self.autosaver: Autosaver | None = None
        self.last_export: ExportResult | None = None
        self._selected_path: Path | None = None
        self._scan = TaskSlot(self)
        self._export = TaskSlot(self)
        self._signals = AutosaveSignals(self)
        self._signals.saved.connect(self._on_autosaved)
        self._signals.failed.connect(self._on_autosave_failed)
        # Autosaves can come every fraction of a second: re-read the folder at most twice a second,
        # and only while the panel is on screen (it re-reads when shown).
        self._stale = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(500)
        self._refresh_timer.timeout.connect(self.refresh)
        # Hooks a test (or a future non-modal UI) can replace; the defaults show the standard dialogs.
        self.ask_save_path: Callable[[str], str] = self._ask_save_path
        self.ask_open_path: Callable[[], str] = self._ask_open_path
        self.ask_folder: Callable[[], str] = self._ask_folder
        self.ask_export_path: Callable[[str], str] = self._ask_export_path
        self.confirm_trust: Callable[[Path, str], bool] = lambda path, detail: confirm_trust(self, path, detail)
        self.run_dialog: Callable[[Any], bool] = lambda dialog: bool(dialog.exec())
        self._build()
        self._connect()
        self._update_buttons()
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        folder_row = QHBoxLayout()
        self.save_button = self._button("Save…", "Save the current model and run to a file you choose (Ctrl+S)")
        self.open_button = self._button("Open file…", "Open a checkpoint, a state dict or a pickled model from "
                                                      "anywhere (Ctrl+O)")
        self.folder_edit = QLineEdit(str(self.folder))
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setToolTip("The folder listed below; autosaves go here too")
        self.change_folder_button = self._button("Change…", "List and autosave into another folder")
        self.refresh_button = self._button("Refresh", "Read the folder again (F5)")
        folder_row.addWidget(self.save_button)
        folder_row.addWidget(self.open_button)
        folder_row.addSpacing(12)
        folder_row.addWidget(QLabel("Folder:"))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.change_folder_button)
        folder_row.addWidget(self.refresh_button)

        self.message_frame = QFrame()
        self.message_frame.setObjectName("checkpointMessage")
        self.message_frame.setFrameShape(QFrame.Shape.StyledPanel)
        message_layout = QHBoxLayout(self.message_frame)
        message_layout.setContentsMargins(8, 4, 4, 4)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_close = self._button("✕", "Hide this message")
        self.message_close.setFlat(True)
        self.message_close.clicked.connect(self.message_frame.hide)
        message_layout.addWidget(self.message_label, 1)
        message_layout.addWidget(self.message_close, 0, Qt.AlignmentFlag.AlignTop)
        self.message_frame.hide()

        self.model = CheckpointTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("checkpointTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setToolTip("Checkpoints in the folder: click a column to sort, double-click (or Enter) to load")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 90), (2, 110), (3, 55), (4, 105), (5, 130), (6, 75)):
            self.table.setColumnWidth(column, width)
        self.scan_label = QLabel("")
        self.scan_label.setToolTip("What the folder holds")

        list_box = QWidget()
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.scan_label)

        self.preview = CurvesPreview()
        self.details = QLabel("Select a checkpoint to see its curves and details.")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setToolTip("What the selected file records")
        actions = QHBoxLayout()
        self.load_button = self._button("Load", "Make the selected checkpoint the app's current model: the Train, "
                                                "Classify and Model panels use it at once (Enter)")
        self.load_button.setObjectName("loadCheckpointButton")
        self.resume_button = self._button("Resume training", "Load it and continue training in the Train panel: "
                                                             "the epoch count, optimizer state and curves go on")
        self.resume_button.setObjectName("resumeButton")
        actions.addWidget(self.load_button)
        actions.addWidget(self.resume_button)
        actions.addStretch(1)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.preview, 3)
        preview_layout.addWidget(self.details, 1)
        preview_layout.addLayout(actions)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(list_box)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([720, 520])

        bottom = QHBoxLayout()
        bottom.addWidget(self._build_autosave_box())
        bottom.addWidget(self._build_export_box(), 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(folder_row)
        layout.addWidget(self.message_frame)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.load_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self.load_selected)

    def _build_autosave_box(self) -> QGroupBox:
        box = QGroupBox("Autosave while training")
        box_layout = QVBoxLayout(box)
        self.autosave_check = QCheckBox("Save after every epoch")
        self.autosave_check.setChecked(True)
        self.autosave_check.setToolTip("Write <model>-<dataset>-<time>-latest.pt into the folder at each epoch end "
                                       "(atomically: a crash keeps the previous one)")
        self.keep_best_check = QCheckBox("Keep the best by test accuracy")
        self.keep_best_check.setChecked(True)
        self.keep_best_check.setToolTip("Also write …-best.pt whenever an epoch beats every earlier one of the run")
        self.autosave_label = QLabel("No run yet.")
        self.autosave_label.setWordWrap(True)
        self.autosave_label.setToolTip("The last autosave")
        box_layout.addWidget(self.autosave_check)
        box_layout.addWidget(self.keep_best_check)
        box_layout.addWidget(self.autosave_label)
        box.setMinimumWidth(280)
        return box

    def _build_export_box(self) -> QGroupBox:
        box = QGroupBox("Export")
        box_layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for fmt in FORMATS.values():
            reason = unavailable_reason(fmt.id)
            self.format_combo.addItem(f"{fmt.name} ({fmt.suffix})", fmt.id)
            index = self.format_combo.count() - 1
            self.format_combo.setItemData(index, reason or fmt.description, Qt.ItemDataRole.ToolTipRole)
            if reason:
                self.format_combo.model().item(index).setEnabled(False)
        self.format_combo.setToolTip("The file format to export to (greyed out: a package it needs is missing)")
        self.tolerance_spin = ScientificSpinBox()
        self.tolerance_spin.setRange(1e-9, 1.0)
        self.tolerance_spin.setValue(DEFAULT_TOLERANCE)
        self.tolerance_spin.setToolTip("The export fails when its outputs differ from the model's by more than this")
        self.export_button = self._button("Export…", "Export the selected checkpoint (or, with none selected, the "
                                                     "current model), then reload it and compare its outputs")
        self.export_button.setObjectName("exportButton")
        self.export_cancel = self._button("Cancel", "Stop the export; nothing is written")
        self.export_cancel.setEnabled(False)
        row.addWidget(QLabel("Format:"))
        row.addWidget(self.format_combo, 1)
        row.addWidget(QLabel("Tolerance:"))
        row.addWidget(self.tolerance_spin)
        row.addWidget(self.export_button)
        row.addWidget(self.export_cancel)
        self.export_progress = QProgressBar()
        self.export_progress.setRange(0, 5)
        self.export_progress.setValue(0)
        self.export_progress.setFormat("Ready")
        self.export_progress.setToolTip("Export steps: prepare, export, write, reload, compare")
        self.export_label = QLabel("Exports are verified: reloaded and run next to the model on sample inputs.")
        self.export_label.setWordWrap(True)
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box_layout.addLayout(row)
        box_layout.addWidget(self.export_progress)
        box_layout.addWidget(self.export_label)
        return box

    @staticmethod
    def _button(text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        return button

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save_dialog)
        self.open_button.clicked.connect(self.open_dialog)
        self.change_folder_button.clicked.connect(self.change_folder_dialog)
        self.refresh_button.clicked.connect(self.refresh)
        self.load_button.clicked.connect(self.load_selected)
        self.resume_button.clicked.connect(self.resume_selected)
        self.export_button.clicked.connect(self.export_dialog)
        self.export_cancel.clicked.connect(self.cancel_export)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.load_selected())
        self.autosave_check.toggled.connect(self._apply_policy)
        self.keep_best_check.toggled.connect(self._apply_policy)
        self.state.predictor_changed.connect(self._on_predictor_changed)
        self.state.training_event.connect(self._on_training_event)

    # -- messages -------------------------------------------------------------------------------
    def show_message(self, text: str, error: bool = True) -> None:
        """Show ``text`` above the list (red for a problem, green for news) and in the status bar."""
        colour = "220, 60, 40" if error else "40, 160, 70"
        self.message_frame.setStyleSheet(f"#checkpointMessage {{ border: 1px solid rgba({colour}, 200); "
                                         f"background: rgba({colour}, 30); border-radius: 4px; }}")
        self.message_label.setText(text)
        self.message_frame.show()
        self.state.show_status(text.splitlines()[0][:200])

    def message(self) -> str:
        """The message shown now ('' when hidden)."""
        return self.message_label.text() if not self.message_frame.isHidden() else ""

    # -- the folder ---------------------------------------------------------------------------------
    def set_folder(self, folder: str | Path) -> None:
        """List ``folder`` (and autosave into it from now on)."""
        self.folder = Path(folder).expanduser()
        self.folder_edit.setText(str(self.folder))
        self._apply_policy()
        self.refresh()

    def refresh(self) -> None:
        """Read the folder again off the GUI thread."""
        self._refresh_timer.stop()
        folder = self.folder
        self.scan_label.setText(f"Reading {folder}…")
        self._scan.start(lambda progress, cancel: scan_folder(folder, progress, cancel), "torchdesk-checkpoint-scan",
                         on_success=self._on_scanned, on_failure=self._on_scan_failed,
                         on_progress=lambda done, total: self.scan_label.setText(f"Reading {done}/{total}…"))

    def scanning(self) -> bool:
        """Whether the folder is being read."""
        return self._scan.running()

    def _on_scanned(self, rows: list[CheckpointInfo]) -> None:
        keep = self._selected_path
        self.model.set_rows(rows)
        good = sum(1 for r in rows if r.kind in ("torchdesk", "state_dict"))
        if not self.folder.exists():
            self.scan_label.setText("The folder does not exist yet; it is created on the first save.")
        else:
            other = len(rows) - good
            self.scan_label.setText(f"{good} checkpoint{'s' if good != 1 else ''}" +
                                    (f", {other} file{'s' if other != 1 else ''} that cannot be opened safely"
                                     if other else ""))
        if keep is not None:
            self.select_path(keep)
        elif rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _on_scan_failed(self, message: str, detail: str) -> None:
        self.scan_label.setText("The folder could not be read.")
        self.show_message(f"Could not read {self.folder}: {message}")

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

    def _on_selection(self, *_: Any) -> None:
        info = self.selected()
        self._selected_path = info.path if info is not None else None
        self.preview.show_epochs(info.epochs if info is not None else ())
        self.details.setText(self._details_text(info))
        self._update_buttons()

    @staticmethod
    def _details_text(info: CheckpointInfo | None) -> str:
        if info is None:
            return "Select a checkpoint to see its curves and details."
        lines = [f"<b>{html.escape(info.name)}</b>"]
        if info.kind == "torchdesk":
            best = f", best {100 * info.best_accuracy:.2f}%" if info.best_accuracy == info.best_accuracy else ""
            lines.append(f"{html.escape(info.model)} on {html.escape(info.dataset)} · {info.epoch} epoch(s){best}")
        elif info.message:
            lines.append(html.escape(info.message))
        lines.append(f"<small>{html.escape(str(info.path))}</small>")
        return "<br>".join(lines)

    def _update_buttons(self) -> None:
        info = self.selected()
        openable = info is not None and info.kind in ("torchdesk", "state_dict", "pickle")
        self.load_button.setEnabled(openable)
        self.resume_button.setEnabled(info is not None and info.kind == "torchdesk" and not self.state.training_active)
        exporting = self._export.running()
        self.export_button.setEnabled(not exporting)
        self.export_cancel.setEnabled(exporting)
        self.save_button.setEnabled(self.state.predictor is not None)

    # -- saving ---------------------------------------------------------------------------------------
    def current_payload(self) -> tuple[Any, str]:
        """What "Save" writes now and a note on it; raises CheckpointError when there is nothing to save."""
        predictor = self.state.predictor
        run = self.state.run
        if predictor is None:
            raise CheckpointError("There is no model to save yet: train one in the Train panel or open a checkpoint.")
        if run is not None and predictor.model is run.model:
            if self.state.training_active:
                snapshot = self.autosaver.snapshot if self.autosaver is not None and self.autosaver.run is run else None
                if snapshot is None:
                    raise CheckpointError("Training is running and no epoch has finished yet. Save after the "
                                          "first epoch, or stop training and save.")
                return snapshot, f" (the state at the end of epoch {snapshot.get('epoch')}; training goes on)"
            return run.checkpoint_payload(), ""
        base = self.state.checkpoint if isinstance(self.state.checkpoint, Checkpoint) else None
        if base is not None and predictor.extra.get("checkpoint_path") != str(base.path):
            base = None
        payload = predictor_payload(predictor, self.state.registry, base)
        note = "" if isinstance(payload, dict) and payload.get("format") else " as a plain state dict (weights only)"
        return payload, note

    def suggested_name(self) -> str:
        """A file name for the current model."""
        predictor = self.state.predictor
        config = predictor.config if predictor is not None else None
        if config is None:
            return "model_weights.pth"
        run = self.state.run
        epoch = run.trainer.epoch if run is not None and predictor is not None and predictor.model is run.model else 0
        return f"{config.model.id}-{config.dataset.id}" + (f"-epoch{epoch}" if epoch else "") + ".pt"

    def save_dialog(self) -> None:
        """File → Save checkpoint…: ask where, then save."""
        try:
            self.current_payload()
        except CheckpointError as exc:
            self.show_message(str(exc))
            return
        path = self.ask_save_path(str(self.folder / self.suggested_name()))
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Save the current model and run to ``path`` atomically; False (with a message) when it cannot."""
        try:
            payload, note = self.current_payload()
            written = atomic_save(payload, path)
        except CheckpointError as exc:
            self.show_message(str(exc))
            return False
        except Exception as exc:
            self.show_message(f"Could not save {path}: {exc}")
            self.state.report_error(f"Could not save {path}: {exc}", "".join(traceback.format_exception(exc)))
            return False
        self.show_message(f"Saved {written}{note}.", error=False)
        self._selected_path = written
        if written.parent == self.folder:
            self.refresh()
        return True

    def _ask_save_path(self, suggestion: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, "Save checkpoint", suggestion, FILE_FILTER)
        return path

    # -- opening -----------------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        """File → Open checkpoint…: ask for a file and open it."""
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, "Open checkpoint", str(self.folder), FILE_FILTER)
        return path

    def load_selected(self) -> bool:
        """Load the selected row."""
        info = self.selected()
        return self.open_path(info.path) if info is not None else False

    def open_path(self, path: str | Path) -> bool:
        """Open any file a person points at: checkpoint, state dict or (with trust) a pickled model."""
        path = Path(path)
        try:
            checkpoint = load_checkpoint(path)
        except UntrustedFileError as exc:
            return self._open_pickled(path, str(exc))
        except CheckpointError as exc:
            self.show_message(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - never a crash for a bad file
            self.show_message(f"{path.name} could not be opened: {type(exc).__name__}: {exc}")
            return False
        if checkpoint.kind == "state_dict":
            return self._open_state_dict(checkpoint)
        try:
            predictor = checkpoint.predictor(self.state.registry)
        except CheckpointError as exc:  # a missing plugin names its package here
            self.show_message(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a plugin's factory may raise anything
            self.show_message(f"The model in {path.name} could not be rebuilt: {type(exc).__name__}: {exc}")
            self.state.report_error(str(exc), "".join(traceback.format_exception(exc)))
            return False
        predictor.source = f"checkpoint {path.name}"
        predictor.extra["checkpoint_path"] = str(path)
        self._publish(predictor, checkpoint)
        acc = checkpoint.metrics.get("test_accuracy")
        accuracy = f", test accuracy {100 * acc:.2f}%" if isinstance(acc, float) and acc == acc else ""
        self.show_message(f"Loaded {path.name}: {checkpoint.config.model.id if checkpoint.config else 'model'} "
                          f"after {checkpoint.epoch} epoch(s){accuracy}. The Train, Classify and Model panels "
                          "use it now.", error=False)
        return True

    def _publish(self, predictor: Predictor, checkpoint: Checkpoint | None) -> None:
        if checkpoint is not None:
            self.state.checkpoint = checkpoint
        self.state.set_predictor(predictor)
        if checkpoint is not None:
            self.state.checkpoint_loaded.emit(checkpoint)
        self._update_buttons()

    def _open_state_dict(self, checkpoint: Checkpoint) -> bool:
        dialog = StateDictDialog(checkpoint.model_state, self.state.registry, checkpoint.path.name, self)
        if not self.run_dialog(dialog) or dialog.predictor is None:
            self.show_message(f"{checkpoint.path.name} was not loaded.", error=False)
            return False
        predictor = dialog.predictor
        self._publish(predictor, None)
        self.show_message(f"Loaded the weights in {checkpoint.path.name} into "
                          f"{predictor.config.model.id if predictor.config else 'the model'}.", error=False)
        return True

    def _open_pickled(self, path: Path, detail: str) -> bool:
        if not self.confirm_trust(path, html.escape(detail)):
            self.show_message(f"{path.name} was not opened: it holds pickled Python objects that could run code, "
                              "and it was not trusted. Nothing in it ran.")
            return False
        dialog = PickledModelDialog(self.state.registry, path.name, self)
        if not self.run_dialog(dialog):
            self.show_message(f"{path.name} was not opened.", error=False)
            return False
        try:
            model = load_pickled_model(path, trust=True)
            predictor = pickled_model_predictor(model, self.state.registry, dialog.dataset_id(),
                                                source=f"whole model {path.name}")
        except CheckpointError as exc:
            self.show_message(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - trusted code may raise anything
            self.show_message(f"{path.name} could not be opened: {type(exc).__name__}: {exc}")
            return False
        self._publish(predictor, None)
        self.show_message(f"Loaded the whole model in {path.name} (trusted).", error=False)
        return True

    def resume_selected(self) -> bool:
        """Load the selected checkpoint and ask the Train panel to continue its run."""
        info = self.selected()
        if info is None or not self.open_path(info.path):
            return False
        self.state.request_panel("train", resume=self.state.checkpoint)
        return True

    # -- folder choice --------------------------------------------------------------------------------
    def change_folder_dialog(self) -> None:
        """Ask for another folder to list and autosave into."""
        folder = self.ask_folder()
        if folder:
            self.set_folder(folder)

    def _ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, "Choose the checkpoints folder", str(self.folder))

    # -- autosave ---------------------------------------------------------------------------------------
    def policy(self) -> AutosavePolicy:
        """The autosave settings shown in the panel."""
        return AutosavePolicy(folder=self.folder, every_epoch=self.autosave_check.isChecked(),
                              keep_best=self.keep_best_check.isChecked())

    def _apply_policy(self) -> None:
        if self.autosaver is not None:
            self.autosaver.policy = self.policy()

    def _on_predictor_changed(self, predictor: Any) -> None:
        run = self.state.run
        if run is not None and predictor is not None and predictor.model is run.model and (
                self.autosaver is None or self.autosaver.run is not run):
            self.autosaver = Autosaver(run, self.policy(), on_saved=self._signals.saved.emit,
                                       on_error=self._signals.failed.emit)
            run.trainer.add_listener(self.autosaver)
            self.autosave_label.setText(f"Run {self.autosaver.stem}: saving into {self.folder}"
                                        if self.autosaver.policy.active else "Autosave is off for this run.")
        self._update_buttons()

    def _on_training_event(self, event: Any) -> None:
        if isinstance(event, (Finished, Failed)):
            if self.autosaver is not None and self.autosaver.run is self.state.run:
                self.autosaver.catch_up()  # the run ended: its weights are still, saving here is safe
            self._update_buttons()

    def _on_autosaved(self, record: AutosaveRecord) -> None:
        what = "best so far" if record.kind == "best" else "latest"
        self.autosave_label.setText(f"Epoch {record.epoch} saved ({what}): {record.path.name}")
        if record.path.parent == self.folder:
            self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Re-read the folder soon (now-ish when shown, else when the panel is next shown)."""
        if self.isVisible():
            if not self._refresh_timer.isActive():
                self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _on_autosave_failed(self, message: str) -> None:
        self.autosave_label.setText(message)
        self.show_message(message + " Training goes on.")

    # -- export ------------------------------------------------------------------------------------------
    def export_source(self) -> tuple[Predictor, str]:
        """The model Export writes: the selected checkpoint, else the current model."""
        info = self.selected()
        if info is not None and info.kind == "torchdesk":
            checkpoint = load_checkpoint(info.path)
            return checkpoint.predictor(self.state.registry), info.path.stem
        if self.state.predictor is None:
            raise CheckpointError("Nothing to export: select a checkpoint, or train or load a model first.")
        predictor = self.state.predictor
        config = predictor.config
        return predictor, f"{config.model.id}-{config.dataset.id}" if config else "model"

    def export_dialog(self) -> None:
        """Ask where to export, then export off the GUI thread."""
        format_id = str(self.format_combo.currentData())
        reason = unavailable_reason(format_id)
        if reason:
            self.show_message(reason)
            return
        try:
            predictor, stem = self.export_source()
        except Exception as exc:  # noqa: BLE001
            self.show_message(str(exc))
            return
        path = self.ask_export_path(str(self.folder / f"{stem}{FORMATS[format_id].suffix}"))
        if path:
            self.start_export(predictor, format_id, path)

    def _ask_export_path(self, suggestion: str) -> str:
        suffix = Path(suggestion).suffix
        path, _ = QFileDialog.getSaveFileName(self, "Export model", suggestion, f"*{suffix};;All files (*)")
        return path

    def start_export(self, predictor: Predictor, format_id: str, path: str | Path) -> None:
        """Export ``predictor``'s model as ``format_id`` to ``path`` on a worker thread, verified."""
        import copy

        model = copy.deepcopy(predictor.model).cpu().eval()  # a still copy, even while training goes on
        inputs = sample_inputs(predictor.input_shape)
        try:
            inputs = predictor.transform(inputs)
        except Exception:
            pass  # the raw [0, 1] batch is still a fair comparison
        metadata = export_metadata(predictor.config, predictor.class_names, predictor.input_shape)
        tolerance = float(self.tolerance_spin.value())
        self.last_export = None
        self.export_progress.setValue(0)
        self.export_progress.setFormat(f"Exporting {FORMATS[format_id].name}…")
        self.export_label.setText(f"Exporting to {path}…")
        thread = self._export.start(
            lambda progress, cancel: export_model(model, format_id, path, inputs, tolerance, metadata, progress, cancel),
            "torchdesk-export", on_success=self._on_exported, on_failure=self._on_export_failed,
            on_progress=lambda done, total: self.export_progress.setValue(done),
            on_cancel=self._on_export_cancelled)
        thread.finished.connect(self._update_buttons)  # after the slot has forgotten it
        self._update_buttons()

    def exporting(self) -> bool:
        """Whether an export runs."""
        return self._export.running()

    def cancel_export(self) -> None:
        """Stop the running export (its file is not written)."""
        self._export.cancel()
        self._on_export_cancelled()

    def _on_exported(self, result: ExportResult) -> None:
        self.last_export = result
        self.export_progress.setValue(self.export_progress.maximum())
        self.export_progress.setFormat(f"Verified · max |difference| {result.max_abs_diff:.2e}")
        self.export_label.setText(result.summary())
        self.state.show_status(result.summary())
        self._update_buttons()
        if result.path.parent == self.folder:
            self.refresh()

    def _on_export_failed(self, message: str, detail: str) -> None:
        self.export_progress.setFormat("Failed")
        self.export_label.setText(message)
        self.show_message(message)
        self._update_buttons()

    def _on_export_cancelled(self) -> None:
        self.export_progress.setFormat("Cancelled")
        self.export_label.setText("The export was cancelled; nothing was written.")
        self._update_buttons()

    # -- Panel API ---------------------------------------------------------------------------------------
    def focus_with(self, action: str = "", path: str | None = None, **_: Any) -> None:
        """``action="save"`` asks where to save, ``"open"`` asks for a file; ``path`` opens that file."""
        if path:
            self.open_path(path)
        elif action == "save":
            self.save_dialog()
        elif action == "open":
            self.open_dialog()

    def restore_settings(self, settings: QSettings) -> None:
        folder = settings.value("folder")
        for key, box in (("autosave", self.autosave_check), ("keep_best", self.keep_best_check)):
            value = settings.value(key)
            if value is not None:
                box.setChecked(str(value).lower() in ("true", "1"))
        fmt = settings.value("export_format")
        if fmt is not None and self.format_combo.findData(str(fmt)) >= 0:
            self.format_combo.setCurrentIndex(self.format_combo.findData(str(fmt)))
        splitter = settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        if folder and Path(str(folder)) != self.folder:
            self.set_folder(str(folder))

    def save_settings(self, settings: QSettings) -> None:
        settings.setValue("folder", str(self.folder))
        settings.setValue("autosave", self.autosave_check.isChecked())
        settings.setValue("keep_best", self.keep_best_check.isChecked())
        settings.setValue("export_format", self.format_combo.currentData())
        settings.setValue("splitter", self.splitter.saveState())

    def busy_reason(self) -> str:
        return "A model is being exported." if self.exporting() else ""

    def shutdown(self) -> None:
        self._refresh_timer.stop()
        self._scan.stop()
        self._export.stop()
