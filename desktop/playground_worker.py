"""Playground runs happen in a worker process; this relays them to the panel as tasks of the app.

The code itself runs in :class:`~torchdesk.core.playground.kernel_client.PlaygroundKernel`'s
process, so nothing typed can freeze the window or exhaust the app's memory. Each run
is one :class:`~torchdesk.desktop.tasks.Task` that only waits on the worker's pipe
(:attr:`~torchdesk.desktop.tasks.Cpu.LIGHT`): printed text reaches the GUI as the
task's partial results (the worker already sends at most 20 chunks a second), then the
:class:`~torchdesk.core.playground.kernel_client.KernelOutcome`. Interrupt cancels the
task, which asks the worker to stop and kills it if it does not within the grace
period. Fetching what the viewer shows of a variable is a task too.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from torchdesk.core.playground import Limits, RunResult
from torchdesk.core.playground.errors import Problem
from torchdesk.core.playground.kernel_client import KernelOutcome, PlaygroundKernel
from torchdesk.core.playground.shared_models import rebuild
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.tasks import Task, TaskRunner, TaskState

TASK_NAME = "torchdesk-playground"
VIEW_TASK_NAME = "torchdesk-playground-view"


def run_in_task(kernel: PlaygroundKernel, code: str, first_line: int, task: TaskState) -> None:
    """The task's function: run ``code`` in the worker, delivering its output, then its outcome, as partials.

    The outcome is a partial result too, so an interrupted run (whose task ends cancelled)
    still reports what it did.
    """
    stop = threading.Event()
    task.on_cancel(stop.set)
    outcome = kernel.run(code, first_line, on_output=task.partial, stop=stop,
                         on_desk=lambda action, name, kind, payload, options: task.partial(
                             DeskRequest(action, name, kind, rebuilt(payload), options)))
    task.partial(outcome)


def rebuilt(payload: bytes) -> Any:
    """The model a worker sent, rebuilt here on the task's thread, or the sentence saying why it cannot be."""
    try:
        return rebuild(payload)
    except Exception as exc:  # noqa: BLE001 - a class that cannot be rebuilt in the app says why
        return translate("PlaygroundRunner", "it could not be rebuilt in the app ({reason})").format(
            reason=f"{type(exc).__name__}: {str(exc)[:300]}")


def export_and_rebuild(kernel: PlaygroundKernel, name: str) -> tuple[str, Any, str, dict[str, Any]] | str:
    """``(kind, value, source, notes)`` for variable ``name`` of Python mode, or why it cannot be sent."""
    exported = kernel.export(name)
    if isinstance(exported, str):
        return exported
    value = rebuilt(exported.payload)
    return value if isinstance(value, str) else (exported.kind, value, exported.source, exported.notes)


@dataclass(frozen=True)
class DeskRequest:
    """``desk.show/train/classify(model)`` from Python mode: what to do, and the model (or why it could not come)."""

    action: str
    name: str
    kind: str
    model: Any
    options: dict[str, Any]


class PlaygroundRunner(QObject):
    """One playground run at a time in the worker process; relays its output, its end and variable views.

    * ``output(str)``: printed text, in chunks.
    * ``finished(object, object)``: the ``RunResult`` and the variables table rows.
    * ``view_ready(object)``: a :class:`~torchdesk.core.playground.views.ValueView` (None: no such variable).
    * ``restarted(str)``: the worker was replaced and every variable is gone (the reason).
    * ``model_exported(str, object)``: a model sent from Python mode, ``(kind, model)``, or why it was not.
    * ``desk_requested(object)``: a :class:`DeskRequest` from code in Python mode.
    """

    output = Signal(str)
    finished = Signal(object, object)
    view_ready = Signal(object)
    restarted = Signal(str)
    model_exported = Signal(str, object)
    desk_requested = Signal(object)

    def __init__(self, tasks: TaskRunner, view_tasks: TaskRunner, limits: Limits | None = None,
                 kernel: PlaygroundKernel | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.view_tasks = view_tasks
        self.kernel = kernel or PlaygroundKernel(limits)
        self.busy = False
        self.task: Task | None = None
        self.variable_names: list[str] = []
        self._stopped = False

    def warm_up(self) -> None:
        """Start the worker now (it imports torch for a second or two), so the first Run answers at once."""
        if not self._stopped:
            self.kernel.start()

    def run(self, code: str, first_line: int = 1) -> bool:
        """Start running ``code``; False (and nothing started) while a run is in progress or after shutdown."""
        if self.busy or self._stopped:
            return False
        self.busy = True
        self.view_tasks.cancel()
        kernel = self.kernel
        self.task = self.tasks.start(lambda task: run_in_task(kernel, code, first_line, task),
                                     TASK_NAME, on_success=lambda _none: None, on_failure=self._on_failed,
                                     on_partial=self._on_partial)
        return True

    def interrupt(self) -> None:
        """Stop the current run as soon as possible (its result still arrives, marked interrupted)."""
        if self.busy and self.task is not None:
            self.task.cancel()  # the task's own cancel keeps its partials heard, unlike the runner's

    def request_view(self, name: str) -> None:
        """Ask the worker what the viewer shows of ``name``; ``view_ready`` brings it."""
        if self.busy or self._stopped:
            return
        kernel = self.kernel
        self.view_tasks.start(lambda _task: kernel.view(name), VIEW_TASK_NAME,
                              on_success=self.view_ready.emit, on_failure=lambda _m, _d: self.view_ready.emit(None))

    def export_model(self, name: str) -> None:
        """Ask the worker for model ``name`` and rebuild it; ``model_exported(name, (kind, model) | reason)`` brings it."""
        if self.busy or self._stopped:
            return
        kernel = self.kernel
        self.view_tasks.start(lambda _task: export_and_rebuild(kernel, name), VIEW_TASK_NAME,
                              on_success=lambda result: self.model_exported.emit(name, result),
                              on_failure=lambda message, _detail: self.model_exported.emit(name, message))

    def reset(self) -> None:
        """Forget every variable (refused while a run is going).

        Asked here and now, not as a task, so that a run started right after finds the
        variables gone; an idle worker answers in milliseconds.
        """
        if self.busy or self._stopped:
            return
        self.variable_names = []
        self.view_tasks.cancel()
        self.kernel.reset(timeout=5.0)

    def replace_kernel(self, kernel: PlaygroundKernel) -> bool:
        """Run from now on in ``kernel`` (another mode); the old worker stops. False while a run is going."""
        if self.busy or self._stopped:
            return False
        old, self.kernel = self.kernel, kernel
        self.variable_names = []
        self.view_tasks.cancel()
        old.close()  # an idle worker stops at once when asked
        kernel.start()
        return True

    def restart(self) -> None:
        """A fresh worker process with no variables (refused while a run is going).

        Done here and now, not as a task: the next run must find the fresh worker, and
        killing an idle process takes milliseconds.
        """
        if self.busy or self._stopped:
            return
        self.variable_names = []
        self.view_tasks.cancel()
        self.kernel.restart()

    def _on_partial(self, value: Any) -> None:
        if isinstance(value, DeskRequest):
            self.desk_requested.emit(value)
        elif isinstance(value, KernelOutcome):
            if value.restarted:
                self.restarted.emit(value.result.problems[0].message if value.result.problems else "")
            self._finish(value.result, value.rows)
        else:
            self.output.emit(str(value))

    def _on_failed(self, message: str, detail: str) -> None:
        # The kernel client reports every outcome; this is a bug in torchdesk itself.
        self.output.emit(detail)
        self._finish(RunResult(problems=[Problem(0, 0, message, "error")]), [])

    def _finish(self, result: RunResult, rows: list[Any]) -> None:
        self.busy = False
        self.task = None
        self.variable_names = [row.name for row in rows]
        self.finished.emit(result, rows)

    def shutdown(self) -> None:
        """Interrupt any run, stop the worker and join the tasks (idempotent); no run starts afterwards."""
        self._stopped = True
        self.kernel.close()
        self.tasks.stop()
        self.view_tasks.stop()
