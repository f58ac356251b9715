"""A one-line text progress bar for training in a terminal (and plain lines in logs)."""

from __future__ import annotations

import math
import sys
import time
from typing import TextIO

from torchdesk.core.events import BatchEnd, EpochEnd, Event, Failed, Finished
from torchdesk.core.formatting import format_duration
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
            self._line(
                f"epoch {event.epoch}/{event.epochs}  train loss {event.train_loss:.4f}  "
                f"test loss {event.test_loss:.4f}  test accuracy {100 * event.test_accuracy:.2f}%  "
                f"({format_duration(event.seconds)})"
            )
        elif isinstance(event, Finished):
            if event.cancelled:
                self._line(f"cancelled after {event.epochs_done} epoch(s)")
        elif isinstance(event, Failed):
            self._line(f"error: {event.message}")
        elif isinstance(event, ThreadsChosen):
            self._line(describe_threads(event))

    def _draw(self, event: BatchEnd) -> None:
        fraction = event.batch / max(event.batches_per_epoch, 1)
        filled = int(self.width * fraction)
        bar = "█" * filled + "·" * (self.width - filled)
        acc = "" if math.isnan(self._accuracy) else f"  acc {100 * self._accuracy:.1f}%"
        text = (f"\repoch {event.epoch} [{bar}] {100 * fraction:3.0f}%  loss {event.loss:.4f}{acc}  "
                f"{event.samples_per_s:,.0f} samples/s  left {format_duration(event.seconds_left)}")
        self.stream.write(text)
        self.stream.flush()

    def _line(self, text: str) -> None:
        if self.interactive:
            self.stream.write("\r\033[K")
        self.stream.write(text + "\n")
        self.stream.flush()
