"""Playground runs as tasks of the app (:mod:`torchdesk.desktop.tasks`), so a long computation never freezes the window.

Each run is one :class:`~torchdesk.desktop.tasks.Task` on one CPU thread
(:attr:`~torchdesk.desktop.tasks.Cpu.LIGHT`) running the panel's
:class:`~torchdesk.core.playground.Evaluator`. Printed text reaches the GUI as the task's
partial results in chunks (a :class:`~torchdesk.desktop.tasks.PartialChunker`: at most
``max_rate`` a second, so a print in a tight loop cannot flood the event queue). Interrupt cancels the task, whose
cancel callback is :meth:`Evaluator.cancel`; the run then ends with an "interrupted"
result and keeps the variables assigned so far.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from torchdesk.core.playground import Evaluator, Limits, RunResult, describe_variables
from torchdesk.core.playground.errors import Problem
from torchdesk.desktop.tasks import Cpu, PartialChunker, Task, TaskRunner, TaskState

TASK_NAME = "torchdesk-playground"


@dataclass(frozen=True)
class RunOutcome:
    """A finished run: the evaluator's result and the variables table's rows after it."""

    result: RunResult
    rows: list[Any]


def run_in_task(evaluator: Evaluator, code: str, first_line: int, task: TaskState, max_rate: float) -> None:
    """The task's function: run ``code`` and deliver its output chunks, then its :class:`RunOutcome`, as partials.

    The outcome is a partial result too, so an interrupted run (whose task ends cancelled)
    still reports what it did.
    """
    running = threading.Event()
    running.set()
    # A cancel that comes after this run's end (the next run's start cancels this task) must not stop the next run.
    task.on_cancel(lambda: running.is_set() and evaluator.cancel())
    chunker = PartialChunker(lambda texts: task.partial("".join(texts)), max_rate)
    try:
        result = evaluator.run(code, first_line, output=chunker.add)
    finally:
        running.clear()
    chunker.flush()
    try:
        rows = describe_variables(evaluator.namespace)
    except Exception:  # a variable that cannot be described must not lose the run's result
        rows = []
    task.partial(RunOutcome(result, rows))


class PlaygroundRunner(QObject):
    """One playground run at a time, on a :class:`TaskRunner`; relays its output and its end.

    * ``output(str)``: printed text, in chunks.
    * ``finished(object, object)``: the ``RunResult`` and the variables table rows.
    """

    output = Signal(str)
    finished = Signal(object, object)

    def __init__(self, tasks: TaskRunner, limits: Limits | None = None, max_rate: float = 20.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.evaluator = Evaluator(limits)
        self.max_rate = max_rate
        self.busy = False
        self.task: Task | None = None
        self._stopped = False

    def run(self, code: str, first_line: int = 1) -> bool:
        """Start running ``code``; False (and nothing started) while a run is in progress or after shutdown."""
        if self.busy or self._stopped:
            return False
        self.busy = True
        self.evaluator.clear_cancel()
        evaluator, max_rate = self.evaluator, self.max_rate
        self.task = self.tasks.start(lambda task: run_in_task(evaluator, code, first_line, task, max_rate),
                                     TASK_NAME, on_success=lambda _none: None, on_failure=self._on_failed,
                                     on_partial=self._on_partial, cpu=Cpu.LIGHT)
        return True

    def interrupt(self) -> None:
        """Stop the current run as soon as possible (its result still arrives, marked interrupted)."""
        if self.busy and self.task is not None:
            self.task.cancel()  # the task's own cancel keeps its partials heard, unlike the runner's

    def _on_partial(self, value: Any) -> None:
        if isinstance(value, RunOutcome):
            self._finish(value.result, value.rows)
        else:
            self.output.emit(str(value))

    def _on_failed(self, message: str, detail: str) -> None:
        # The evaluator reports every error in its result; this is a bug in torchdesk itself.
        self.output.emit(detail)
        self._finish(RunResult(problems=[Problem(0, 0, message, "error")]), [])

    def _finish(self, result: RunResult, rows: list[Any]) -> None:
        self.busy = False
        self.task = None
        self.finished.emit(result, rows)

    def shutdown(self) -> None:
        """Interrupt any run and wait for it (idempotent); no run starts afterwards."""
        self._stopped = True
        self.evaluator.cancel()
        self.tasks.stop()
