"""The Checkpoints panel's controller: the folder, its scans, exports, saving and autosave, with no widgets.

Scans and exports are tasks (:mod:`torchdesk.desktop.tasks`); the autosaver is a
trainer listener, so its reports cross from the training thread by signal. The
views hear everything through this object's signals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from torchdesk.core.autosave import Autosaver, AutosavePolicy
from torchdesk.core.checkpoint import (
    CheckpointError,
    atomic_save,
    load_checkpoint,
    predictor_payload,
    unsaveable_reason,
)
from torchdesk.core.checkpoint_index import CheckpointInfo, scan_folder
from torchdesk.core.events import Failed, Finished
from torchdesk.core.export import FORMATS, ExportResult, export_metadata, export_model, sample_inputs
from torchdesk.core.predictor import Predictor
from torchdesk.core.safe_write import clean_stale_temps
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import TaskRunner, TaskState


class AutosaveSignals(QObject):
    """Carries the autosaver's reports from the training thread to the GUI thread."""

    saved = Signal(object)
    failed = Signal(str)


class CheckpointsController(QObject):
    """State and background work of the Checkpoints panel.

    Signals (GUI thread): ``scanned(list)``, ``scan_progress(int, int)``, ``scan_failed(str)``;
    ``export_progress(int)``, ``exported(ExportResult)``, ``export_failed(str)``,
    ``export_cancelled()`` (when the person cancels), ``exporting_changed(bool)``; ``autosave_attached(str)`` (what
    the new run's autosave does), ``autosaved(AutosaveRecord)``, ``autosave_failed(str)``;
    ``run_ended()`` when a training run finished or failed.
    """

    scanned = Signal(object)
    scan_progress = Signal(int, int)
    scan_failed = Signal(str)
    export_progress = Signal(int)
    exported = Signal(object)
    export_failed = Signal(str)
    export_cancelled = Signal()
    exporting_changed = Signal(bool)
    autosave_attached = Signal(str)
    autosaved = Signal(object)
    autosave_failed = Signal(str)
    run_ended = Signal()

    def __init__(self, state: AppState, folder: Path, scan_runner: TaskRunner, export_runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.folder = folder
        self.policy = AutosavePolicy(folder=folder)
        self.autosaver: Autosaver | None = None
        self.last_export: ExportResult | None = None
        self._scan = scan_runner
        self._export = export_runner
        self._stopped = False
        self._signals = AutosaveSignals(self)
        self._signals.saved.connect(self.autosaved)
        self._signals.failed.connect(self.autosave_failed)
        state.predictor_changed.connect(self._on_predictor_changed)
        state.training_event.connect(self._on_training_event)

    # -- the folder ------------------------------------------------------------------------
    def set_folder(self, folder: str | Path) -> None:
        """List ``folder`` from now on and autosave into it (a running autosave moves too)."""
        self.folder = Path(folder).expanduser()
        self.set_policy(self.policy.every_epoch, self.policy.keep_best)
        self.scan()

    def scan(self) -> None:
        """Read the folder again off the GUI thread (a newer scan replaces a running one).

        Stale temporary files of interrupted saves are removed first, so they do not
        pile up unseen when the app starts or the folder changes.
        """
        folder = self.folder

        def work(task: TaskState) -> list[CheckpointInfo]:
            clean_stale_temps(folder)  # what interrupted saves left behind (never a save in progress)
            return scan_folder(folder, task.progress, task.cancelled)

        self._scan.start(work, "torchdesk-checkpoint-scan",
                         on_success=self.scanned.emit, on_failure=lambda message, _detail: self.scan_failed.emit(message),
                         on_progress=self.scan_progress.emit)

    def scanning(self) -> bool:
        """Whether the folder is being read."""
        return self._scan.running()

    # -- autosave ---------------------------------------------------------------------------
    def set_policy(self, every_epoch: bool, keep_best: bool) -> None:
        """What autosave writes from now on (the running run's autosaver follows at once)."""
        self.policy = AutosavePolicy(folder=self.folder, every_epoch=every_epoch, keep_best=keep_best)
        if self.autosaver is not None:
            self.autosaver.policy = self.policy

    def _on_predictor_changed(self, predictor: Any) -> None:
        run = self.state.run
        if run is None or predictor is None or predictor.model is not run.model:
            return
        if self.autosaver is not None and self.autosaver.run is run:
            return
        # Joined on the GUI thread, maybe after the run's first epochs: the autosaver saves from the next one.
        self.autosaver = Autosaver(run, self.policy, on_saved=self._signals.saved.emit,
                                   on_error=self._signals.failed.emit)
        run.trainer.add_listener(self.autosaver)
        self.autosave_attached.emit(translate("CheckpointsController", "Run {run}: saving into {folder}")
                                    .format(run=self.autosaver.stem, folder=self.folder)
                                    if self.policy.active
                                    else translate("CheckpointsController", "Autosave is off for this run."))

    def _on_training_event(self, event: Any) -> None:
        if isinstance(event, (Finished, Failed)):
            if self.autosaver is not None and self.autosaver.run is self.state.run:
                self.autosaver.catch_up()  # the run ended: its weights are still, saving here is safe
            self.run_ended.emit()

    # -- saving -----------------------------------------------------------------------------
    def _training_snapshot(self) -> dict[str, Any] | None:
        """The autosaver's payload of the last finished epoch of the run that trains now (None before one)."""
        autosaver, run = self.autosaver, self.state.run
        return autosaver.snapshot if autosaver is not None and run is not None and autosaver.run is run else None

    def save_refusal(self) -> str:
        """Why "Save" cannot write now ('' when it can); cheap: nothing is copied or built."""
        predictor = self.state.predictor
        if predictor is None:
            return translate("CheckpointsController", "There is no model to save yet: train one in the Train panel "
                                                      "or open a checkpoint.")
        if unsaveable_reason(predictor):
            return unsaveable_reason(predictor)
        run = self.state.run
        if (run is not None and predictor.model is run.model and self.state.training_active
                and self._training_snapshot() is None):
            return translate("CheckpointsController", "Training is running and no epoch has finished yet. Save "
                                                      "after the first epoch, or stop training and save.")
        return ""

    def current_payload(self) -> tuple[Any, str]:
        """What "Save" writes now and a note on it; raises CheckpointError when there is nothing to save."""
        refusal = self.save_refusal()
        if refusal:
            raise CheckpointError(refusal)
        predictor = self.state.predictor
        run = self.state.run
        assert predictor is not None
        if run is not None and predictor.model is run.model:
            snapshot = self._training_snapshot() if self.state.training_active else None
            if snapshot is not None:
                return snapshot, " " + translate("CheckpointsController", "(the state at the end of epoch {epoch}; "
                                                                          "training goes on)").format(
                    epoch=snapshot.get("epoch"))
            return run.checkpoint_payload(), ""
        base = self.state.checkpoint
        if base is not None and predictor.extra.get("checkpoint_path") != str(base.path):
            base = None
        still = predictor.snapshot() if predictor.live else predictor
        payload = predictor_payload(still, self.state.registry, base)
        note = "" if isinstance(payload, dict) and payload.get("format") else \
            " " + translate("CheckpointsController", "as a plain state dict (weights only)")
        return payload, note

    def save_to(self, path: str | Path) -> tuple[Path, str]:
        """Write the current model and run to ``path`` atomically; returns the file and a note on what it holds."""
        payload, note = self.current_payload()
        return atomic_save(payload, path), note

    def suggested_name(self) -> str:
        """A file name for the current model."""
        predictor = self.state.predictor
        config = predictor.config if predictor is not None else None
        if config is None:
            return "model_weights.pth"
        run = self.state.run
        epoch = run.trainer.epoch if run is not None and predictor is not None and predictor.model is run.model else 0
        return f"{config.model.id}-{config.dataset.id}" + (f"-epoch{epoch}" if epoch else "") + ".pt"

    # -- export -----------------------------------------------------------------------------
    def export_source(self, selected: CheckpointInfo | None) -> tuple[Predictor, str]:
        """The model Export writes (the selected checkpoint, else the current model) and a file-name stem."""
        if selected is not None and selected.kind == "torchdesk":
            checkpoint = load_checkpoint(selected.path)
            return checkpoint.predictor(self.state.registry), selected.path.stem
        predictor = self.state.predictor
        if predictor is None:
            raise CheckpointError(translate("CheckpointsController", "Nothing to export: select a checkpoint, or "
                                                                     "train or load a model first."))
        config = predictor.config
        return predictor, f"{config.model.id}-{config.dataset.id}" if config else "model"

    def start_export(self, predictor: Predictor, format_id: str, path: str | Path, tolerance: float) -> None:
        """Export a still copy of ``predictor``'s model as ``format_id`` to ``path`` off the GUI thread, verified."""
        inputs = sample_inputs(predictor.input_shape)
        try:
            inputs = predictor.transform(inputs)
        except Exception:
            pass  # the raw [0, 1] batch is still a fair comparison
        metadata = export_metadata(predictor.config, predictor.class_names, predictor.input_shape)
        self.last_export = None

        def work(task: TaskState) -> ExportResult:
            model = predictor.snapshot().model.cpu()  # copied here, off the GUI thread; training goes on
            return export_model(model, format_id, path, inputs, tolerance, metadata, task.progress, task.cancelled)

        task = self._export.start(
            work,
            f"torchdesk-export-{FORMATS[format_id].id}", on_success=self._on_exported,
            on_failure=lambda message, _detail: self.export_failed.emit(message),
            on_progress=lambda done, _total: self.export_progress.emit(done))
        task.finished.connect(lambda: self.exporting_changed.emit(self.exporting()))  # after the runner forgot it
        self.exporting_changed.emit(True)

    def exporting(self) -> bool:
        """Whether an export runs."""
        return self._export.running()

    def cancel_export(self) -> None:
        """Stop the running export (its file is not written)."""
        if self._export.running():
            self._export.cancel()
            self.export_cancelled.emit()
            self.exporting_changed.emit(False)

    def _on_exported(self, result: ExportResult) -> None:
        self.last_export = result
        self.exported.emit(result)

    def stop(self) -> None:
        """Stop listening to the training run, once (the panel's runners are joined by the panel)."""
        if self._stopped:
            return
        self._stopped = True
        self.state.predictor_changed.disconnect(self._on_predictor_changed)
        self.state.training_event.disconnect(self._on_training_event)

