"""A one-line text progress bar for training in a terminal (and plain lines in logs)."""

from __future__ import annotations

import math
import sys
import time
from typing import TextIO

from torchdesk.core.events import BatchEnd, EpochEnd, Event, Failed, Finished
from torchdesk.core.formatting import format_duration
from torchdesk.core.i18n import translate
from torchdesk.core.thread_tuner import ThreadsChosen, describe_threads


class TrainingProgress:
    """A listener that draws epoch, loss, accuracy, samples/s and time left.

    On a terminal it redraws one line at most ``rate`` times a second; elsewhere
    (CI logs, pipes) it prints a line per epoch so logs stay short.
    """

    def __init__(self, stream: TextIO | None = None, rate: float = 8.0, width: int = 24) -> None:
        self.stream = stream or sys.stderr
        self.interactive = bool(getattr(self.stream, "isatty", lambda: False)())
        self.min_interval = 1.0 / rate
        self.width = width
        self._last = 0.0
        self._accuracy = float("nan")

    def __call__(self, event: Event) -> None:
        if isinstance(event, BatchEnd):
            now = time.monotonic()
            if self.interactive and (now - self._last >= self.min_interval or event.batch == event.batches_per_epoch):
                self._last = now
                self._draw(event)
        elif isinstance(event, EpochEnd):
            self._accuracy = event.test_accuracy
            self._line(translate("progress", "epoch {epoch}/{epochs}  train loss {train_loss:.4f}  test loss "
                                             "{test_loss:.4f}  test accuracy {accuracy:.2f}%  ({took})").format(
                epoch=event.epoch, epochs=event.epochs, train_loss=event.train_loss, test_loss=event.test_loss,
                accuracy=100 * event.test_accuracy, took=format_duration(event.seconds)))
        elif isinstance(event, Finished):
            if event.cancelled:
                self._line(translate("progress", "cancelled after {epochs} epoch(s)").format(epochs=event.epochs_done))
        elif isinstance(event, Failed):
            self._line(translate("progress", "error: {message}").format(message=event.message))
        elif isinstance(event, ThreadsChosen):
            self._line(describe_threads(event))

    def _draw(self, event: BatchEnd) -> None:
        fraction = event.batch / max(event.batches_per_epoch, 1)
        filled = int(self.width * fraction)
        bar = "█" * filled + "·" * (self.width - filled)
        acc = "" if math.isnan(self._accuracy) else "  " + translate("progress", "acc {accuracy:.1f}%").format(
            accuracy=100 * self._accuracy)
        text = translate("progress", "epoch {epoch} [{bar}] {percent:3.0f}%  loss {loss:.4f}{acc}  {rate:,.0f} "
                                     "samples/s  left {left}").format(
            epoch=event.epoch, bar=bar, percent=100 * fraction, loss=event.loss, acc=acc, rate=event.samples_per_s,
            left=format_duration(event.seconds_left))
        self.stream.write("\r" + text)
        self.stream.flush()

    def _line(self, text: str) -> None:
        if self.interactive:
            self.stream.write("\r\033[K")
        self.stream.write(text + "\n")
        self.stream.flush()
