"""The Checkpoints panel: save, browse, load, resume, autosave and export trained models.

Top: the checkpoints folder (changeable) listed in a sortable table, with the chosen
checkpoint's training curves and details beside it (:mod:`.browser`). Below: autosave
and keep-best settings for runs trained in the app, and verified export (:mod:`.boxes`).
The work behind them (scans, exports, saving, autosave) is the :mod:`.controller`'s;
files are opened by :mod:`.opener`. This module puts them together and talks to the person.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from torchdesk.core.autosave import AutosavePolicy, AutosaveRecord
from torchdesk.core.checkpoint import CheckpointError
from torchdesk.core.checkpoint_index import CheckpointInfo
from torchdesk.core.export import FORMATS, ExportResult, unavailable_reason
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.predictor import Predictor
from torchdesk.core.userdirs import checkpoints_dir
from torchdesk.desktop.checkpoint_dialogs import confirm_trust
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.panels.checkpoints.boxes import AutosaveBox, ExportBox
from torchdesk.desktop.panels.checkpoints.browser import CheckpointBrowser
from torchdesk.desktop.panels.checkpoints.controller import CheckpointsController
from torchdesk.desktop.panels.checkpoints.opener import Opened, open_file
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu
from torchdesk.desktop.widgets.message_bar import MessageBar

FILE_FILTER = QT_TRANSLATE_NOOP("CheckpointsPanel", "Checkpoints (*.pt *.pth *.ckpt);;All files (*)")


def file_filter() -> str:
    """The file dialogs' filter (checkpoints first, then anything), in the current language."""
    return translate("CheckpointsPanel", FILE_FILTER)


class CheckpointsPanel(Panel):
    """Save, browse, load, resume, autosave and export checkpoints."""

    panel_id = "checkpoints"
    title = "Checkpoints"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.controller = CheckpointsController(state, checkpoints_dir(), self.task_runner(Cpu.HEAVY),
                                                self.task_runner(Cpu.HEAVY), self)
        self._selected_path: Path | None = None
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

        self.message_bar = MessageBar(self, "checkpointMessage")
        self.browser = CheckpointBrowser(self.folder)
        self.autosave_box = AutosaveBox()
        self.export_box = ExportBox()
        self._lay_out()
        self._connect()
        self._update_buttons()
        self.refresh()

    def _lay_out(self) -> None:
        bottom = QHBoxLayout()
        bottom.addWidget(self.autosave_box)
        bottom.addWidget(self.export_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.browser.table, self.load_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.browser.table, self.load_selected)

    def _connect(self) -> None:
        browser, controller = self.browser, self.controller
        browser.save_button.clicked.connect(self.save_dialog)
        browser.open_button.clicked.connect(self.open_dialog)
        browser.change_folder_button.clicked.connect(self.change_folder_dialog)
        browser.refresh_button.clicked.connect(self.refresh)
        browser.load_button.clicked.connect(self.load_selected)
        browser.resume_button.clicked.connect(self.resume_selected)
        browser.table.selectionModel().selectionChanged.connect(self._on_selection)
        browser.table.doubleClicked.connect(lambda _index: self.load_selected())
        self.export_box.export_button.clicked.connect(self.export_dialog)
        self.export_box.cancel_button.clicked.connect(self.cancel_export)
        self.autosave_box.autosave_check.toggled.connect(self._apply_policy)
        self.autosave_box.keep_best_check.toggled.connect(self._apply_policy)
        controller.scanned.connect(self._on_scanned)
        controller.scan_progress.connect(lambda done, total: browser.scan_label.setText(
            translate("CheckpointsPanel", "Reading {done}/{total}…").format(done=done, total=total)))
        controller.scan_failed.connect(self._on_scan_failed)
        controller.export_progress.connect(self.export_box.progress.setValue)
        controller.exported.connect(self._on_exported)
        controller.export_failed.connect(self._on_export_failed)
        controller.export_cancelled.connect(self.export_box.show_cancelled)
        controller.exporting_changed.connect(lambda _exporting: self._update_buttons())
        controller.autosave_attached.connect(self.autosave_box.label.setText)
        controller.autosaved.connect(self._on_autosaved)
        controller.autosave_failed.connect(self._on_autosave_failed)
        controller.run_ended.connect(self._update_buttons)
        self.state.predictor_changed.connect(lambda _predictor: self._update_buttons())
        self.state.training_changed.connect(lambda _active: self._update_buttons())

    # -- what the controller holds -------------------------------------------------------------
    @property
    def folder(self) -> Path:
        """The folder listed (and autosaved into)."""
        return self.controller.folder

    @property
    def autosaver(self) -> Any:
        """The current run's :class:`~torchdesk.core.autosave.Autosaver` (None before a run)."""
        return self.controller.autosaver

    @property
    def last_export(self) -> ExportResult | None:
        """The last export that finished (None while one runs or before any)."""
        return self.controller.last_export

    # -- messages -------------------------------------------------------------------------------
    def show_message(self, text: str, error: bool = True) -> None:
        """Show ``text`` above the list (red for a problem, green for news) and in the status bar."""
        self.message_bar.show_message(text, "error" if error else "success",
                                      actions=(("✕", translate("CheckpointsPanel", "Hide this message"),
                                                self.message_bar.clear),))
        close = self.message_bar.button("✕")
        if close is not None:
            close.setFlat(True)
        self.state.show_status(text.splitlines()[0][:200])

    def message(self) -> str:
        """The message shown now ('' when hidden)."""
        return self.message_bar.text()

    # -- the folder ---------------------------------------------------------------------------------
    def set_folder(self, folder: str | Path) -> None:
        """List ``folder`` (and autosave into it from now on)."""
        self._refresh_timer.stop()
        self.controller.set_folder(folder)
        self.browser.show_folder(self.folder)
        self.browser.scan_label.setText(translate("CheckpointsPanel", "Reading {folder}…").format(folder=self.folder))

    def refresh(self) -> None:
        """Read the folder again off the GUI thread."""
        self._refresh_timer.stop()
        self.browser.scan_label.setText(translate("CheckpointsPanel", "Reading {folder}…").format(folder=self.folder))
        self.controller.scan()

    def scanning(self) -> bool:
        """Whether the folder is being read."""
        return self.controller.scanning()

    def _on_scanned(self, rows: list[CheckpointInfo]) -> None:
        self.browser.show_rows(rows, self.folder.exists(), self._selected_path)
        self._update_buttons()

    def _on_scan_failed(self, message: str) -> None:
        self.browser.scan_label.setText(translate("CheckpointsPanel", "The folder could not be read."))
        self.show_message(translate("CheckpointsPanel", "Could not read {folder}: {reason}")
                          .format(folder=self.folder, reason=message))

    def rows(self) -> list[CheckpointInfo]:
        """The rows in the order shown."""
        return self.browser.rows()

    def select_path(self, path: str | Path) -> bool:
        """Select the row of ``path``; False when it is not listed."""
        return self.browser.select_path(path)

    def selected(self) -> CheckpointInfo | None:
        """The selected row's info."""
        return self.browser.selected()

    def _on_selection(self, *_: Any) -> None:
        info = self.selected()
        self._selected_path = info.path if info is not None else None
        self.browser.show_selected(info)
        self._update_buttons()

    def _update_buttons(self) -> None:
        info = self.selected()
        self.browser.load_button.setEnabled(info is not None and info.kind in ("torchdesk", "state_dict", "pickle"))
        self.browser.resume_button.setEnabled(info is not None and info.kind == "torchdesk"
                                              and not self.state.training_active)
        self.browser.save_button.setEnabled(self.state.predictor is not None)
        self.export_box.set_exporting(self.exporting())

    # -- saving ---------------------------------------------------------------------------------------
    def save_dialog(self) -> None:
        """File → Save checkpoint…: ask where, then save."""
        refusal = self.controller.save_refusal()  # before the dialog; the payload is built once, on saving
        if refusal:
            self.show_message(refusal)
            return
        path = self.ask_save_path(str(self.folder / self.controller.suggested_name()))
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        """Save the current model and run to ``path`` atomically; False (with a message) when it cannot."""
        try:
            written, note = self.controller.save_to(path)
        except CheckpointError as exc:
            self.show_message(str(exc))
            return False
        except Exception as exc:
            text = translate("CheckpointsPanel", "Could not save {path}: {reason}").format(path=path, reason=exc)
            self.show_message(text)
            self.state.report_error(text, "".join(traceback.format_exception(exc)))
            return False
        self.show_message(translate("CheckpointsPanel", "Saved {path}{note}.").format(path=written, note=note),
                          error=False)
        self._selected_path = written
        if written.parent == self.folder:
            self.refresh()
        return True

    def _ask_save_path(self, suggestion: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, translate("CheckpointsPanel", "Save checkpoint"), suggestion,
                                              file_filter())
        return path

    # -- opening -----------------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        """File → Open checkpoint…: ask for a file and open it."""
        path = self.ask_open_path()
        if path:
            self.open_path(path)

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, translate("CheckpointsPanel", "Open checkpoint"), str(self.folder),
                                              file_filter())
        return path

    def load_selected(self) -> bool:
        """Load the selected row."""
        info = self.selected()
        return self.open_path(info.path) if info is not None else False

    def open_path(self, path: str | Path) -> bool:
        """Open any file a person points at: checkpoint, state dict or (with trust) a pickled model."""
        opened: Opened = open_file(path, self.state.registry, self.confirm_trust, self.run_dialog, self)
        if opened.offered_model:
            self.state.registry_changed.emit()  # a trusted playground model's class joined the pickers
        if opened.detail:
            self.state.report_error(opened.message, opened.detail)
        if opened.ok:
            if opened.checkpoint is not None:
                self.state.set_checkpoint(opened.checkpoint)
            self.state.set_predictor(opened.predictor)
        self.show_message(opened.message, error=opened.problem)
        self._update_buttons()
        return opened.ok

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
        return QFileDialog.getExistingDirectory(self, translate("CheckpointsPanel", "Choose the checkpoints folder"),
                                                str(self.folder))

    # -- autosave ---------------------------------------------------------------------------------------
    def policy(self) -> AutosavePolicy:
        """The autosave settings shown in the panel."""
        return self.controller.policy

    def _apply_policy(self) -> None:
        self.controller.set_policy(self.autosave_box.autosave_check.isChecked(),
                                   self.autosave_box.keep_best_check.isChecked())

    def _on_autosaved(self, record: AutosaveRecord) -> None:
        text = (translate("CheckpointsPanel", "Epoch {epoch} saved (best so far): {name}") if record.kind == "best"
                else translate("CheckpointsPanel", "Epoch {epoch} saved (latest): {name}"))
        self.autosave_box.label.setText(text.format(epoch=record.epoch, name=record.path.name))
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
        self.autosave_box.label.setText(message)
        self.show_message(message + " " + translate("CheckpointsPanel", "Training goes on."))

    # -- export ------------------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        """Ask where to export, then export off the GUI thread."""
        format_id = self.export_box.format_id()
        reason = unavailable_reason(format_id)
        if reason:
            self.export_box.show_refused(reason)
            self.show_message(reason)
            return
        try:
            predictor, stem = self.controller.export_source(self.selected())
        except Exception as exc:  # noqa: BLE001
            self.export_box.show_refused(str(exc))
            self.show_message(str(exc))
            return
        path = self.ask_export_path(str(self.folder / f"{stem}{FORMATS[format_id].suffix}"))
        if path:
            self.start_export(predictor, format_id, path)

    def _ask_export_path(self, suggestion: str) -> str:
        suffix = Path(suggestion).suffix
        path, _ = QFileDialog.getSaveFileName(self, translate("CheckpointsPanel", "Export model"), suggestion,
                                              translate("CheckpointsPanel", "*{suffix};;All files (*)")
                                              .format(suffix=suffix))
        return path

    def start_export(self, predictor: Predictor, format_id: str, path: str | Path) -> None:
        """Export ``predictor``'s model as ``format_id`` to ``path`` on a task, verified."""
        self.export_box.show_started(FORMATS[format_id].shown_name(), str(path))
        self.controller.start_export(predictor, format_id, path, float(self.export_box.tolerance_spin.value()))

    def exporting(self) -> bool:
        """Whether an export runs."""
        return self.controller.exporting()

    def cancel_export(self) -> None:
        """Stop the running export (its file is not written)."""
        self.controller.cancel_export()

    def _on_exported(self, result: ExportResult) -> None:
        self.export_box.show_done(result)
        self.state.show_status(result.summary())
        if result.path.parent == self.folder:
            self.refresh()

    def _on_export_failed(self, message: str) -> None:
        self.export_box.show_failed(message)
        self.show_message(message)

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
        for key, box in (("autosave", self.autosave_box.autosave_check),
                         ("keep_best", self.autosave_box.keep_best_check)):
            value = settings.value(key)
            if value is not None:
                box.setChecked(str(value).lower() in ("true", "1"))
        combo = self.export_box.format_combo
        fmt = settings.value("export_format")
        if fmt is not None and combo.findData(str(fmt)) >= 0:
            combo.setCurrentIndex(combo.findData(str(fmt)))
        splitter = settings.value("splitter")
        if splitter is not None:
            self.browser.splitter.restoreState(splitter)
        if folder and Path(str(folder)) != self.folder:
            self.set_folder(str(folder))

    def save_settings(self, settings: QSettings) -> None:
        settings.setValue("folder", str(self.folder))
        settings.setValue("autosave", self.autosave_box.autosave_check.isChecked())
        settings.setValue("keep_best", self.autosave_box.keep_best_check.isChecked())
        settings.setValue("export_format", self.export_box.format_id())
        settings.setValue("splitter", self.browser.splitter.saveState())

    def busy_reason(self) -> str:
        return translate("CheckpointsPanel", "A model is being exported.") if self.exporting() else ""

    def shutdown(self) -> None:
        self._refresh_timer.stop()
        self.controller.stop()
        super().shutdown()
