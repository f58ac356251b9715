"""The Data panel's chooser: which dataset plugin, split, data folder and parameters; opening and downloading.

The folder is the app's one data folder (:attr:`AppState.data_dir`): Choose folder…
and the folder field set it for every panel, and a folder chosen elsewhere (the
Train panel) is what this panel opens. A plugin's own path parameters (an image
folder's ``path``) stay in its parameter form.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from torchdesk.core.download import download_dataset
from torchdesk.core.i18n import component_text
from torchdesk.core.specs import DatasetSpec, ParamError
from torchdesk.desktop.dataview.source_bar import SourceBar
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.data.opening import OpenedSplit, data_folder_for, open_split
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import TaskRunner


class SourceChooser(QObject):
    """Drives the :class:`SourceBar`: picks the split, opens it off the GUI thread, downloads missing files.

    Signals: ``opening()`` (a new split is on its way: drop what is shown),
    ``open_progress(done, total)`` (labels read), ``opened(OpenedSplit)``,
    ``open_failed(str)`` and ``spec_changed()`` (another plugin was picked: its
    pipeline defaults apply).
    """

    opening = Signal()
    open_progress = Signal(int, int)
    opened = Signal(object)
    open_failed = Signal(str)
    spec_changed = Signal()

    def __init__(self, state: AppState, bar: SourceBar, open_task: TaskRunner, download_task: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.bar = bar
        self.open_task = open_task
        self.download_task = download_task
        self.spec: DatasetSpec | None = None
        self.split: OpenedSplit | None = None
        self.open_error = ""
        self.dataset_params: dict[str, dict[str, Any]] = {}
        self._download_file = ""
        self._reopen_timer = QTimer(self)
        self._reopen_timer.setSingleShot(True)
        self._reopen_timer.setInterval(250)
        self._reopen_timer.timeout.connect(self.open_current)

        bar.dataset_combo.currentIndexChanged.connect(lambda _i: self._on_dataset_chosen())
        bar.split_combo.currentIndexChanged.connect(lambda _i: self.open_current())
        bar.folder_edit.editingFinished.connect(lambda: self.set_folder(bar.folder_edit.text()))
        bar.choose_button.clicked.connect(self.choose_folder)
        bar.download_button.clicked.connect(self.start_download)
        bar.cancel_download_button.clicked.connect(self.cancel_download)
        bar.params_form.changed.connect(self._on_params_changed)

    # -- the choice --------------------------------------------------------------------------
    def reload_registry(self, reopen: bool) -> None:
        """Fill the dataset picker from the registry (after start-up or a plugin rescan)."""
        combo = self.bar.dataset_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for spec in self.state.registry.datasets():
            combo.addItem(component_text(spec.name), spec.id)
            combo.setItemData(combo.count() - 1, component_text(spec.description), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        self._on_dataset_chosen(reopen=reopen)

    def set_choice(self, dataset_id: str | None, train: bool | None) -> bool:
        """Pick ``dataset_id`` and the split without opening; False (and says why) when no plugin offers it."""
        combo = self.bar.dataset_combo
        index = combo.findData(dataset_id) if dataset_id is not None else combo.currentIndex()
        if index < 0:
            offered = ", ".join(str(combo.itemData(i)) for i in range(combo.count()))
            text = translate("SourceChooser", "No dataset plugin offers {dataset}. Available: {offered}")
            self.bar.messages.show_message(text.format(dataset=repr(dataset_id), offered=offered), kind="error")
            return False
        for widget in (combo, self.bar.split_combo):
            widget.blockSignals(True)
        combo.setCurrentIndex(index)
        if train is not None:
            self.bar.split_combo.setCurrentIndex(0 if train else 1)
        for widget in (combo, self.bar.split_combo):
            widget.blockSignals(False)
        self._on_dataset_chosen(reopen=False)
        return True

    def is_train_split(self) -> bool:
        """Whether the training split is chosen."""
        return bool(self.bar.split_combo.currentData())

    def data_folder(self) -> str:
        """The folder datasets are read from: the app's one data folder."""
        return str(self.state.data_dir)

    def show_folder(self) -> None:
        """Show the app's data folder in the folder field (after it changed anywhere)."""
        self.bar.folder_edit.setText(self.data_folder())

    def choose_folder(self) -> None:
        """Ask for the folder holding the datasets (torchvision layout, image folder, CSV + images)."""
        folder = QFileDialog.getExistingDirectory(self.bar, translate("SourceChooser", "Choose the folder that holds "
                                                                                       "the dataset"),
                                                  self.data_folder())
        if folder:
            self.set_folder(folder)

    def set_folder(self, folder: str | Path) -> None:
        """Make ``folder`` the app's data folder (the panel re-opens on ``data_dir_changed``)."""
        path = data_folder_for(self.spec, Path(str(folder).strip() or self.data_folder()).expanduser())
        if path != self.state.data_dir:
            self.state.set_data_dir(path)
            return
        self.show_folder()
        if self.split is None and not self.open_task.running():
            self.open_current()  # the same folder again after a failure: try once more

    def _on_dataset_chosen(self, reopen: bool = True) -> None:
        spec_id = self.bar.dataset_combo.currentData()
        self.spec = self.state.registry.dataset(spec_id) if spec_id else None
        self.show_folder()
        self.bar.download_button.setEnabled(bool(self.spec and self.spec.downloadable))
        form = self.bar.params_form
        form.blockSignals(True)
        form.set_params(self.spec.params if self.spec else ())
        if self.spec is not None:
            form.set_values(self.dataset_params.get(self.spec.id, {}))
        form.blockSignals(False)
        self.bar.params_box.setVisible(bool(self.spec and self.spec.params))
        self.spec_changed.emit()
        if reopen:
            self.open_current()

    def _on_params_changed(self) -> None:
        if self.spec is None:
            return
        try:
            self.dataset_params[self.spec.id] = self.bar.params_form.values()
        except ParamError as exc:
            self.bar.messages.show_message(str(exc), kind="error")
            return
        self._reopen_timer.start()

    # -- opening -----------------------------------------------------------------------------
    def open_current(self) -> None:
        """Open the chosen split from the data folder, off the GUI thread."""
        if self.spec is None:
            return
        self._reopen_timer.stop()
        spec, folder, train = self.spec, self.data_folder(), self.is_train_split()
        params = dict(self.dataset_params.get(spec.id, {}))
        self.split = None
        self.open_error = ""
        self.bar.messages.clear()
        self.opening.emit()
        self.open_task.start(lambda s: open_split(spec, folder, train, params, s.progress, s.cancelled),
                             "open dataset", self._on_opened, self._on_open_failed, self.open_progress.emit)

    def _on_opened(self, split: OpenedSplit) -> None:
        self.split = split
        self.opened.emit(split)

    def _on_open_failed(self, message: str, detail: str) -> None:
        self.open_error = message
        # (the engine's "unexpected error: … (set TORCHDESK_DEBUG=1 …)", in any language)
        if message.startswith("unexpected error") or "TORCHDESK_DEBUG=1" in message:
            self.state.report_error(translate("SourceChooser", "The dataset could not be opened: {message}")
                                    .format(message=message), detail)
        hint = ""
        if self.spec is not None and self.spec.downloadable:
            hint = translate("SourceChooser", "\nClick Download to fetch it, or Choose folder… to point at files "
                                              "already on disk.")
        elif self.spec is not None:
            hint = translate("SourceChooser", "\nClick Choose folder… to point at the files.")
        self.bar.messages.show_message(message + hint, kind="error")
        self.open_failed.emit(message)

    def stop(self) -> None:
        """No re-open from a pending parameter edit (the window is closing)."""
        self._reopen_timer.stop()

    # -- download ----------------------------------------------------------------------------
    def start_download(self) -> None:
        """Download the current dataset into the data folder, with progress and Cancel."""
        if self.spec is None or self.download_task.running():
            return
        spec, folder = self.spec, self.data_folder()
        params = dict(self.dataset_params.get(spec.id, {}))
        self._download_file = ""

        def remember_file(name: str) -> None:
            self._download_file = name  # read by the progress slot on the GUI thread

        bar = self.bar
        bar.download_progress.setRange(0, 0)
        bar.download_progress.setFormat(translate("SourceChooser", "connecting…"))
        bar.download_progress.show()
        bar.cancel_download_button.show()
        bar.download_button.setEnabled(False)
        bar.messages.show_message(translate("SourceChooser", "Downloading {dataset} into {folder}…").format(
            dataset=component_text(spec.name), folder=folder), kind="info")
        self.download_task.start(
            lambda s: download_dataset(spec, folder, params=params, progress=s.progress, cancel=s.cancelled,
                                       on_file=remember_file),
            "download", self._on_downloaded, self._on_download_failed, self._on_download_progress,
            self._end_download)

    def cancel_download(self) -> None:
        """Stop a running download (the partial file is removed)."""
        if self.download_task.running():
            self.download_task.cancel()
            self._end_download()
            self.bar.messages.show_message(translate("SourceChooser", "Download cancelled; the partial file was "
                                                                      "removed."), kind="info")

    def _on_download_progress(self, done: int, total: int) -> None:
        progress = self.bar.download_progress
        if total > 0:
            progress.setRange(0, 1000)
            progress.setValue(int(1000 * done / total))
        progress.setFormat(translate("SourceChooser", "{file}: {done:.1f}/{total:.1f} MB").format(
            file=self._download_file or translate("SourceChooser", "file"), done=done / 1e6, total=total / 1e6))

    def _on_downloaded(self, _result: Any) -> None:
        self._end_download()
        self.bar.messages.clear()
        self.open_current()

    def _on_download_failed(self, message: str, detail: str) -> None:
        self._end_download()
        self.bar.messages.show_message(message, kind="error")

    def _end_download(self) -> None:
        self.bar.download_progress.hide()
        self.bar.cancel_download_button.hide()
        self.bar.download_button.setEnabled(bool(self.spec and self.spec.downloadable))
