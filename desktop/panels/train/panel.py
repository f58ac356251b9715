"""The Train panel: set up a run from the plugin registry, train it, watch it live.

The parts, each in its own module: the chooser form on the left (:mod:`.form`),
the run view on the right (:mod:`.views`) and the controller that runs the
training task and keeps the app state in step (:mod:`.controller`). This module
wires them together and holds the panel's actions: start, pause, stop, resume a
checkpoint, run files, exports and the confusion-matrix cell click.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.events import EpochEnd, Failed, Finished, StateChanged
from torchdesk.core.i18n import component_text
from torchdesk.core.thread_tuner import ThreadsChosen
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.panels.train.controller import TrainingController
from torchdesk.desktop.panels.train.form import TrainForm
from torchdesk.desktop.panels.train.views import RunView
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu
from torchdesk.desktop.training_worker import describe_event
from torchdesk.desktop.widgets.component_picker import ComponentPicker
from torchdesk.desktop.widgets.training_plots import TrainingPlots

SETTINGS_KEY = "config"
SETUP_WIDTH = 380


class TrainPanel(Panel):
    """Train a model on a dataset and watch loss, accuracy and the confusion matrix live."""

    panel_id = "train"
    title = "Train"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.controller = TrainingController(state, self.task_runner(Cpu.TRAINING), parent=self)
        self._started_at = 0.0
        self.form = TrainForm(state)
        self.setup_scroll = QScrollArea()
        self.setup_scroll.setWidget(self.form)
        self.setup_scroll.setWidgetResizable(True)
        self.setup_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setup_scroll.setMinimumWidth(300)
        self.setup_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.view = RunView()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.setup_scroll)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([SETUP_WIDTH, 900])
        splitter.setChildrenCollapsible(False)
        self.main_splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._connect()
        self._set_running(False)
        from torchdesk.core.precision import NEW_RUN_PRECISION

        self.form.set_config(RunConfig(precision=NEW_RUN_PRECISION), take_data_dir=False)

    def _connect(self) -> None:
        view, form, controller = self.view, self.form, self.controller
        view.start_button.clicked.connect(lambda: self.start())
        view.pause_button.clicked.connect(self.toggle_pause)
        view.stop_button.clicked.connect(self.stop)
        view.export_png_button.clicked.connect(self.export_png)
        view.export_csv_button.clicked.connect(self.export_csv)
        view.plots.confusion.cell_clicked.connect(self.show_cell_samples)
        form.open_run_button.clicked.connect(lambda: self.open_run_file())
        form.export_run_button.clicked.connect(lambda: self.export_run_file())
        QShortcut(QKeySequence("Ctrl+Return"), self, lambda: self._click_if_enabled(view.start_button))
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self._click_if_enabled(view.pause_button))
        QShortcut(QKeySequence("Ctrl+."), self, lambda: self._click_if_enabled(view.stop_button))
        controller.run_ready.connect(self._on_run_ready)
        controller.batches.connect(lambda chunk: view.show_batches(chunk, controller.paused))
        controller.event.connect(self._on_event)
        controller.dataset_missing.connect(self._on_dataset_missing)
        controller.running_changed.connect(self._set_running)
        self.state.registry_changed.connect(form.reload_registry)
        self.state.data_dir_changed.connect(lambda _folder: view.missing_bar.clear())

    @staticmethod
    def _click_if_enabled(button: QPushButton) -> None:
        if button.isEnabled():
            button.click()

    # -- the widgets other code drives (tests, the benchmark) --------------------------
    @property
    def start_button(self) -> QPushButton:
        """Start a run with the form's settings."""
        return self.view.start_button

    @property
    def pause_button(self) -> QPushButton:
        """Pause or resume the run."""
        return self.view.pause_button

    @property
    def stop_button(self) -> QPushButton:
        """Stop the run after the current batch."""
        return self.view.stop_button

    @property
    def plots(self) -> TrainingPlots:
        """The live curves and the confusion matrix."""
        return self.view.plots

    @property
    def progress(self) -> QProgressBar:
        """The whole run's progress, and what the run is doing in words."""
        return self.view.progress

    @property
    def log_view(self) -> QPlainTextEdit:
        """What happened, line by line."""
        return self.view.log_view

    @property
    def model_picker(self) -> ComponentPicker:
        """The model chooser (plugins add models to it)."""
        return self.form.model_picker

    @property
    def optimizer_picker(self) -> ComponentPicker:
        """The optimizer chooser (plugins add optimizers to it)."""
        return self.form.optimizer_picker

    @property
    def run(self) -> Any:
        """The current or last run (None before the first is built)."""
        return self.controller.run

    @property
    def last_accuracy(self) -> float | None:
        """The test accuracy at the last epoch end of this run (None before one)."""
        return self.view.last_accuracy

    def config(self) -> RunConfig:
        """The run the form describes (raises with a readable message when it cannot)."""
        return self.form.config()

    def set_config(self, config: RunConfig) -> list[str]:
        """Show ``config`` in the form (its data folder becomes the app's); notes on what did not apply."""
        return self.form.set_config(config)

    # -- actions -----------------------------------------------------------------------
    def start(self, resume: Any = None) -> None:
        """Start a run with the form's settings (ignored while one runs).

        ``resume`` is a loaded checkpoint whose weights, optimizer state, epoch count and
        history the run continues (the Checkpoints panel's Resume).
        """
        if self.controller.running:
            return
        if self.form.model_check.problem:
            self.state.report_error(translate("TrainPanel", "The run cannot start: {error}").format(
                error=self.form.model_check.problem), "")
            return
        try:
            config = self.form.config()
        except Exception as exc:
            self.state.report_error(translate("TrainPanel", "The run cannot start: {error}").format(error=exc), "")
            self.view.log(translate("TrainPanel", "Cannot start: {error}").format(error=exc))
            return
        self.view.begin(config.epochs, resume.history if resume is not None else None,
                        resume.class_names if resume is not None else ())
        spec = self.form.dataset_picker.spec()
        dataset = component_text(spec.name) if spec else config.dataset.id
        self.view.log(translate("TrainPanel", "Loading {dataset} from {folder}…").format(dataset=dataset,
                                                                                      folder=config.data_dir))
        self.state.show_status(translate("TrainPanel", "Loading data…"))
        self._started_at = time.monotonic()
        self.controller.start(config, resume=resume)

    def toggle_pause(self) -> None:
        """Pause a running run or resume a paused one."""
        if not self.controller.running or self.controller.run is None:
            return
        if self.controller.paused:
            self.controller.resume()
        else:
            self.view.pause_button.setEnabled(False)  # until the trainer confirms (maybe right away)
            self.controller.pause()

    def stop(self) -> None:
        """Stop the run after the current batch."""
        if self.controller.running:
            self.view.stop_button.setEnabled(False)
            self.view.pause_button.setEnabled(False)
            self.view.progress.setFormat(translate("TrainPanel", "Stopping…"))
            self.controller.stop()

    def resume_from(self, resume: Any) -> bool:
        """Show a checkpoint's settings and continue its run (epoch count, optimizer state, curves)."""
        if self.controller.running:
            self.state.report_error(translate("TrainPanel", "A run is already going: stop it before resuming a "
                                                            "checkpoint."))
            return False
        config = getattr(resume, "config", None)
        if config is None:
            self.state.report_error(translate(
                "TrainPanel", "{file} holds only weights (a plain state dict), so there is no run to continue. Load it "
                              "in the Checkpoints panel and start a new run instead.").format(
                    file=resume.path if hasattr(resume, "path") else translate("TrainPanel", "This file")))
            return False
        done = int(getattr(resume, "epoch", 0))
        if config.epochs <= done:
            config = config.replace(epochs=done + max(1, config.epochs))
        for note in self.form.set_config(config):
            self.view.log(translate("TrainPanel", "Resume: {note}").format(note=note))
        self.view.log(translate("TrainPanel", "Resuming {file} after epoch {done}, training to epoch {epochs}.").format(
            file=resume.path if hasattr(resume, "path") else translate("TrainPanel", "the checkpoint"), done=done,
            epochs=config.epochs))
        self.start(resume=resume)
        return True

    def show_cell_samples(self, true: int, predicted: int) -> None:
        """Ask the Data panel to show the test samples of one confusion-matrix cell."""
        names = self.plots.confusion.class_names
        predictions = self.controller.predictions
        indices: list[int] = []
        if predictions is not None and len(predictions.true):
            mask = (predictions.true == true) & (predictions.predicted == predicted)
            indices = np.nonzero(mask)[0].tolist()
        config = self.run.config if self.run is not None else None
        self.state.request_panel(
            "data", indices=indices, true=names[true] if true < len(names) else str(true),
            predicted=names[predicted] if predicted < len(names) else str(predicted), split="test",
            dataset=config.dataset.id if config else "", data_dir=config.data_dir if config else "",
        )

    def choose_data_folder(self) -> None:
        """Ask for the app's data folder (the form's Choose folder…, the missing-dataset bar's too)."""
        self.form.choose_data_folder()

    # -- run files and exports ---------------------------------------------------------
    def export_run_file(self, path: str = "") -> None:
        """Save the form as a TOML run file that ``torchdesk train --config`` runs unchanged."""
        from torchdesk.core.run_file import write_run_file

        try:
            config = self.form.config()
        except (ValueError, TypeError) as exc:
            self.state.report_error(translate("TrainPanel", "The settings cannot be exported: "
                                                            "{error}").format(error=exc))
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, translate("TrainPanel", "Export run"),
                                                  str(Path.home() / "run.toml"),
                                                  translate("TrainPanel", "Run files (*.toml)"))
        if not path:
            return
        command = f"torchdesk train --config {Path(path).name}"
        try:
            write_run_file(config, path, command=command)
        except OSError as exc:
            self.state.report_error(translate("TrainPanel", "Could not write {path}: {reason}").format(
                path=path, reason=exc.strerror or exc), str(exc))
            return
        self.view.log(translate("TrainPanel", "Exported the run to {path}. Train it headless with: {command}").format(
            path=path, command=command))
        self.state.show_status(translate("TrainPanel", "Run exported: {command}").format(command=command))

    def open_run_file(self, path: str = "") -> None:
        """Fill the form from a run file (its data folder becomes the app's); what does not apply is logged."""
        from torchdesk.core.run_file import RunFileError, read_run_file

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, translate("TrainPanel", "Open run"), str(Path.home()),
                                                  translate("TrainPanel", "Run files (*.toml)"))
        if not path:
            return
        try:
            config = read_run_file(path)
        except RunFileError as exc:
            self.state.report_error(str(exc))
            return
        for note in self.form.set_config(config):
            self.view.log(translate("TrainPanel", "Run file: {note}").format(note=note))
        self.view.log(translate("TrainPanel", "Loaded the run from {path}").format(path=path))

    def export_png(self) -> None:
        """Save the plots as a PNG chosen with the standard dialog."""
        path, _ = QFileDialog.getSaveFileName(self, translate("TrainPanel", "Export plots as PNG"), "training.png",
                                              translate("TrainPanel", "PNG images (*.png)"))
        if path:
            self._export(lambda: self.plots.export_png(path), path)

    def export_csv(self) -> None:
        """Save the plotted numbers as a CSV chosen with the standard dialog."""
        path, _ = QFileDialog.getSaveFileName(self, translate("TrainPanel", "Export plots as CSV"), "training.csv",
                                              translate("TrainPanel", "CSV files (*.csv)"))
        if path:
            self._export(lambda: self.plots.export_csv(path), path)

    def _export(self, write: Any, path: str) -> None:
        try:
            write()
        except OSError as exc:
            self.state.report_error(translate("TrainPanel", "Could not save {path}: {reason}").format(
                path=path, reason=exc.strerror or exc), str(exc))
            return
        self.view.log(translate("TrainPanel", "Saved {path}").format(path=path))
        self.state.show_status(translate("TrainPanel", "Saved {path}").format(path=path))

    # -- the controller's signals --------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        self.view.set_running(running, self.controller.run is not None)
        self.form.setEnabled(not running)

    def _on_run_ready(self, run: Any) -> None:
        self.view.show_run(run)
        self.state.show_status(translate("TrainPanel", "Training {model} on {dataset}…").format(
            model=run.config.model.id, dataset=run.config.dataset.id))

    def _on_event(self, event: Any) -> None:
        if isinstance(event, EpochEnd):
            self.view.show_epoch(event)
        elif isinstance(event, ThreadsChosen):
            self.view.log(describe_event(event))
        elif isinstance(event, StateChanged):
            self.view.show_state(event, self.controller.running)
            self.state.show_status(translate("TrainPanel", "Training paused") if event.paused
                                   else translate("TrainPanel", "Training…"))
        elif isinstance(event, Finished):
            self.view.show_finished(event, time.monotonic() - self._started_at, self.controller.run is not None)
            if event.cancelled:
                self.state.show_status(translate("TrainPanel", "Training stopped"))
            else:
                accuracy = self.view.last_accuracy
                if accuracy is not None:
                    self.state.show_status(translate("TrainPanel", "Training finished, test accuracy {accuracy:.2f}%")
                                           .format(accuracy=100 * accuracy))
                else:
                    self.state.show_status(translate("TrainPanel", "Training finished"))
        elif isinstance(event, Failed):
            self.view.show_failed(event)
            if self.view.missing_bar.isHidden():
                self.state.report_error(event.message, event.detail)
            self.state.show_status(translate("TrainPanel", "Training failed"))

    def _on_dataset_missing(self, message: str) -> None:
        self.view.missing_bar.show_message(message, kind="warning", actions=(
            (translate("TrainPanel", "Choose folder…"),
             translate("TrainPanel", "Pick the folder that already holds these files, then start again"),
             self.choose_data_folder),
            (translate("TrainPanel", "Try again"), translate("TrainPanel", "Start again with the current data folder"),
             self.start),
        ))
        self.state.show_status(translate("TrainPanel", "The dataset is not on disk"))

    # -- Panel API -----------------------------------------------------------------------
    def restore_settings(self, settings: QSettings) -> None:
        raw = settings.value(SETTINGS_KEY)
        if raw:
            try:  # the data folder is the app's, restored by the window: not this panel's to set
                notes = self.form.set_config(RunConfig.from_dict(json.loads(str(raw))), take_data_dir=False)
            except Exception as exc:
                notes = [translate("TrainPanel", "the saved settings could not be read ({error}); using the defaults")
                         .format(error=exc)]
            for note in notes:
                self.view.log(translate("TrainPanel", "Last settings: {note}").format(note=note))
        for key, splitter in (("main_splitter", self.main_splitter), ("view_splitter", self.view.splitter)):
            value = settings.value(key)
            if value is not None:
                splitter.restoreState(value)

    def save_settings(self, settings: QSettings) -> None:
        try:
            settings.setValue(SETTINGS_KEY, json.dumps(self.form.config().to_dict()))
        except Exception:
            pass  # an invalid form is not worth remembering; the last good one stays
        settings.setValue("main_splitter", self.main_splitter.saveState())
        settings.setValue("view_splitter", self.view.splitter.saveState())

    def focus_with(self, resume: Any = None, model_id: str | None = None, dataset_id: str = "mnist",
                   epochs: int = 1) -> None:
        """``resume=checkpoint`` (from the Checkpoints panel) continues that checkpoint's run; ``model_id`` (from
        ``desk.train`` in the playground) starts a run of that model on ``dataset_id`` for ``epochs``."""
        if resume is not None:
            self.resume_from(resume)
        elif model_id is not None:
            if self.controller.running:
                self.view.log(translate("TrainPanel", "{model} was not started: a run is already going; stop it first.")
                              .format(model=model_id))
                return
            self.form.reload_registry()
            config = self.form.config().replace(model=ComponentChoice(model_id), dataset=ComponentChoice(dataset_id),
                                                epochs=epochs)
            for note in self.set_config(config):
                self.view.log(note)
            self.start()

    def busy_reason(self) -> str:
        return self.view.busy_text() if self.controller.running else ""

    def shutdown(self) -> None:
        self.controller.shutdown()
        self.form.model_check.stop()
        self.plots.stop_updates()
        super().shutdown()
