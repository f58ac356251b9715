"""The Train panel's run view: Start / Pause / Stop, progress, live plots, the confusion matrix, a log.

It only shows: the panel hands it the controller's chunks and events. Live
plotting is kept cheap (see ``docs/architecture.md``): each chunk's curves,
progress bar and labels land in one paint, and the labels are
:class:`~torchdesk.desktop.widgets.steady_label.SteadyLabel` s that never re-lay out
the window.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.events import EpochEnd, Failed, Finished, StateChanged
from torchdesk.core.metrics import metric_values
from torchdesk.core.formatting import format_duration
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.training_worker import BatchChunk, describe_event
from torchdesk.desktop.widgets.message_bar import MessageBar
from torchdesk.desktop.widgets.steady_label import SteadyLabel
from torchdesk.desktop.widgets.training_plots import TrainingPlots

RECENT_BATCHES = 50
"""Batches the headline loss averages over."""


class RunView(QWidget):
    """The right side of the Train panel: controls, progress, plots and log of one run at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.epochs = 0  # the epoch the run ends at
        self.first_epoch = 0  # epochs done before this run started (> 0 when resuming)
        self.last_accuracy: float | None = None
        self._run_planned = False  # the plots know where this run ends
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(self._buttons())
        layout.addLayout(self._progress_row())
        layout.addLayout(self._metrics())
        self.missing_bar = MessageBar(self, "missingData")
        layout.addWidget(self.missing_bar)
        self.plots = TrainingPlots()
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setPlaceholderText(translate("RunView", "What happens during training is written here."))
        self.log_view.setToolTip(translate("RunView", "What happened during training"))
        self.log_view.setMinimumHeight(60)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.plots)
        self.splitter.addWidget(self.log_view)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 110])
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start_button = QPushButton(translate("RunView", "Start"))
        self.start_button.setObjectName("startButton")
        self.start_button.setToolTip(translate("RunView", "Start training with these settings (Ctrl+Return)"))
        self.pause_button = QPushButton(translate("RunView", "Pause"))
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.setToolTip(translate("RunView", "Hold training after the current batch, or continue it "
                                                          "(Ctrl+P)"))
        self.stop_button = QPushButton(translate("RunView", "Stop"))
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip(translate("RunView", "Stop training after the current batch; the model keeps what "
                                                         "it learned (Ctrl+.)"))
        self.export_png_button = QPushButton(translate("RunView", "Export PNG…"))
        self.export_png_button.setToolTip(translate("RunView", "Save the plots as an image"))
        self.export_csv_button = QPushButton(translate("RunView", "Export CSV…"))
        self.export_csv_button.setToolTip(translate("RunView", "Save every plotted number as a CSV (series, x, y)"))
        for button in (self.start_button, self.pause_button, self.stop_button):
            button.setMinimumWidth(80)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.export_png_button)
        row.addWidget(self.export_csv_button)
        return row

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(translate("RunView", "Ready"))
        self.progress.setToolTip(translate("RunView", "Progress of the whole run"))
        self.rate_label = SteadyLabel("", widest=translate("RunView", "{rate} samples/s · {left} left").format(
            rate="888,888", left="88:88:88"))
        self.rate_label.setToolTip(translate("RunView", "Training speed and the estimated time left"))
        self.rate_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.progress, 1)
        row.addWidget(self.rate_label)
        return row

    def _metrics(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.epoch_label = SteadyLabel(self._no_epoch(), widest=translate("RunView", "Epoch {epoch}/{epochs}").format(
            epoch=888, epochs=888))
        self.epoch_label.setToolTip(translate("RunView", "The epoch being trained"))
        self.loss_label = SteadyLabel(translate("RunView", "Recent loss –"),
                                      widest=translate("RunView", "Recent loss {loss:.4f}").format(loss=88.8888))
        self.loss_label.setToolTip(translate("RunView", "Mean training loss of the last {batches} batches (the plot's "
                                                        "smooth line lags behind it; each epoch's mean is in the epoch "
                                                        "plot and the log)").format(batches=RECENT_BATCHES))
        self.accuracy_label = SteadyLabel(translate("RunView", "Test accuracy –"), widest=translate(
            "RunView", "Test accuracy {accuracy:.2f}% (epoch {epoch})").format(accuracy=100.0, epoch=888))
        self.accuracy_label.setObjectName("accuracyLabel")
        self.accuracy_label.setToolTip(translate("RunView", "Share of the test split classified correctly at the last "
                                                            "epoch end"))
        font = self.accuracy_label.font()
        font.setBold(True)
        for label in (self.epoch_label, self.loss_label, self.accuracy_label):
            label.setFont(font)
            row.addWidget(label)
            row.addSpacing(18)
        row.addStretch(1)
        return row

    @staticmethod
    def _no_epoch() -> str:
        return translate("RunView", "Epoch –")

    # -- a run's life ----------------------------------------------------------------
    def begin(self, epochs: int, history: dict | None = None, class_names: Sequence[str] = ()) -> None:
        """Empty everything for a new run to epoch ``epochs``; ``history`` is a resumed run's past."""
        self.missing_bar.clear()
        self.plots.reset()
        self._run_planned = False
        self.last_accuracy = None
        self.epoch_label.setText(self._no_epoch())
        self.loss_label.setText(translate("RunView", "Recent loss –"))
        self.accuracy_label.setText(translate("RunView", "Test accuracy –"))
        if history:
            self._show_history(history, list(class_names))
        self.epochs, self.first_epoch = epochs, 0
        self.progress.setValue(0)
        self.progress.setFormat(translate("RunView", "Loading data…"))
        self.rate_label.setText("")

    def _show_history(self, history: dict, class_names: list[str]) -> None:
        """Draw a resumed run's past, with its last confusion matrix and accuracy; unreadable records are left out."""
        try:
            losses = [float(v) for v in history.get("batch_loss", [])]
        except (TypeError, ValueError):
            losses = []
            self.log(translate("RunView", "The checkpoint's batch losses cannot be read; they are not drawn."))
        if losses:
            self.plots.add_batches(range(1, len(losses) + 1), losses)
        unreadable = 0
        readable = []
        for record in history.get("epochs", []):
            try:
                readable.append((int(record["epoch"]), float(record["train_loss"]), float(record["test_loss"]),
                                 float(record["test_accuracy"])))
            except (KeyError, TypeError, ValueError):
                unreadable += 1
        for index, values in enumerate(readable):
            last = index == len(readable) - 1
            confusion = history.get("confusion") if last else None
            self.plots.add_epoch(*values, confusion=confusion, class_names=class_names if confusion else ())
        if readable:
            epoch, _train, _test, accuracy = readable[-1]
            self.last_accuracy = accuracy
            self.accuracy_label.setText(translate("RunView", "Test accuracy {accuracy:.2f}% (epoch {epoch})").format(
                accuracy=100 * accuracy, epoch=epoch))
        if unreadable:
            self.log(translate("RunView", "{count} epoch record(s) of the checkpoint's history cannot be read; they "
                                          "are not drawn.").format(count=unreadable))
        self.plots.redraw()

    def set_running(self, running: bool, has_run: bool) -> None:
        """Enable the buttons for a run that goes (``has_run``: built, so it can pause) or not."""
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running and has_run)
        self.stop_button.setEnabled(running)
        if not running:
            self.pause_button.setText(translate("RunView", "Pause"))
            self.plots.stop_updates()

    def show_run(self, run: Any) -> None:
        """The run was built: say what trains on what, label the confusion matrix."""
        self.first_epoch = int(getattr(run.trainer, "epoch", 0))
        self.epochs = int(getattr(run.trainer, "epochs", self.epochs))
        self.pause_button.setEnabled(True)
        params = sum(p.numel() for p in run.model.parameters())
        precision = getattr(run, "precision", "fp32")
        if precision == "fp32":
            text = translate("RunView", "Training {model} ({params} parameters) on {device}: {train} training and "
                                        "{test} test samples")
        else:
            text = translate("RunView", "Training {model} ({params} parameters) on {device} in {precision} mixed "
                                        "precision: {train} training and {test} test samples")
        fast = translate("RunView", " (resident tensors)") if getattr(run.data, "fast_path", False) else ""
        self.log(text.format(model=run.config.model.id, params=f"{params:,}", device=run.device, precision=precision,
                             train=f"{len(run.data.train_dataset):,}", test=f"{len(run.data.test_dataset):,}")
                 + fast + ".")
        self.progress.setFormat(translate("RunView", "Epoch {epoch} · %p%").format(epoch=self.first_epoch + 1))
        self.plots.confusion.show_classes(getattr(run.data, "class_names", ()))

    def show_batches(self, chunk: BatchChunk, paused: bool) -> None:
        """Draw a chunk of batch losses and the newest progress, in one paint."""
        last = chunk.last
        if last is not None and not self._run_planned:
            self._run_planned = True  # before the first points, so the first view is the planned one
            epochs_after = max(self.epochs - last.epoch, 0)
            self.plots.plan_run(last.step + (last.batches_per_epoch - last.batch)
                                + epochs_after * last.batches_per_epoch, self.epochs)
        self.plots.add_batches(chunk.steps, chunk.losses)
        if last is None:
            return
        epochs_in_run = max(self.epochs - self.first_epoch, 1)
        done = (last.epoch - 1 - self.first_epoch) + last.batch / max(last.batches_per_epoch, 1)
        where = translate("RunView", "Epoch {epoch} · batch {batch}/{batches}").format(
            epoch=last.epoch, batch=last.batch, batches=last.batches_per_epoch)
        # setValue repaints at once and setFormat schedules another paint; with updates off
        # both land in the one paint that re-enabling them schedules.
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(max(0, min(1000, int(1000 * done / epochs_in_run))))
        self.progress.setFormat(translate("RunView", "Paused · {where} · %p%").format(where=where) if paused
                                else f"{where} · %p%")
        self.progress.setUpdatesEnabled(True)
        self.rate_label.setText(translate("RunView", "Paused") if paused else
                                translate("RunView", "{rate} samples/s · {left} left").format(
                                    rate=f"{last.samples_per_s:,.0f}", left=format_duration(last.seconds_left)))
        self.epoch_label.setText(translate("RunView", "Epoch {epoch}/{epochs}").format(epoch=last.epoch,
                                                                                      epochs=self.epochs))
        recent = self.plots.batch_loss.y[-RECENT_BATCHES:]
        if len(recent):
            self.loss_label.setText(translate("RunView", "Recent loss {loss:.4f}").format(loss=float(np.mean(recent))))

    def show_epoch(self, event: EpochEnd) -> None:
        """An epoch ended: its losses, accuracy and confusion matrix."""
        self.plots.add_epoch(event.epoch, event.train_loss, event.test_loss, event.test_accuracy,
                             event.confusion, event.class_names)
        self.last_accuracy = event.test_accuracy
        metrics = "".join(f" · {name} {value:.4g}" for name, value in metric_values(event.metrics).items())
        self.accuracy_label.setText(translate("RunView", "Test accuracy {accuracy:.2f}% (epoch {epoch})").format(
            accuracy=100 * event.test_accuracy, epoch=event.epoch) + metrics)
        self.accuracy_label.setToolTip(translate("RunView", "Metrics of the last test pass (metric plugins' values are "
                                                            "also kept in the checkpoint's history)")
                                       if metrics else "")
        self.log(describe_event(event) + metrics)

    def show_state(self, event: StateChanged, running: bool) -> None:
        """Paused or resumed: the pause button says what a click does next."""
        self.pause_button.setEnabled(running)
        self.pause_button.setText(translate("RunView", "Resume") if event.paused else translate("RunView", "Pause"))
        self.pause_button.setToolTip(translate("RunView", "Continue training (Ctrl+P)") if event.paused else
                                     translate("RunView", "Hold training after the current batch (Ctrl+P)"))
        self.progress.setFormat(translate("RunView", "Paused · %p%") if event.paused
                                else translate("RunView", "Training · %p%"))
        if event.paused:
            self.rate_label.setText(translate("RunView", "Paused"))  # a time left would stand still and mislead
        self.log(describe_event(event))

    def show_finished(self, event: Finished, seconds: float, built: bool) -> None:
        """The run ended or was stopped after ``seconds`` (``built``: it got as far as training)."""
        if event.cancelled:
            self.progress.setFormat(translate("RunView", "Stopped after {epochs} epoch(s)").format(
                epochs=event.epochs_done))
        else:
            self.progress.setValue(self.progress.maximum())
            self.progress.setFormat(translate("RunView", "Finished"))
        self.rate_label.setText(translate("RunView", "took {duration}").format(duration=format_duration(seconds)))
        if built or not event.cancelled:
            self.log(describe_event(event))

    def show_failed(self, event: Failed) -> None:
        """The run could not go on."""
        self.progress.setFormat(translate("RunView", "Failed"))
        self.log(describe_event(event))

    def log(self, text: str) -> None:
        """Add a time-stamped line to the log view."""
        self.log_view.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")

    def busy_text(self) -> str:
        """What a closing window says is running."""
        epoch = self.epoch_label.text()
        if epoch == self._no_epoch():
            return translate("RunView", "Training is starting.")
        return translate("RunView", "Training is running ({epoch}).").format(epoch=epoch.lower())
