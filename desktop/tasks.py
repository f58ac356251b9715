"""The app's one way to run work off the GUI thread.

Opening a dataset, statistics, predictions, model builds, exports, playground runs
and training all go through here, in the manner of Orange's ``ConcurrentMixin``:

* a function taking a :class:`TaskState` runs on a :class:`Task` (a ``QThread``);
* it reports progress and partial results, and checks for cancellation, through
  the state; the result or the exception arrives on the GUI thread as a signal;
* a :class:`TaskRunner` holds a panel's task of one kind (a new start cancels the
  old one, and only the newest task's callbacks are heard);
* a :class:`TaskManager` (one per :class:`~torchdesk.desktop.state.AppState`)
  keeps every task referenced until it has ended and joins them all on shutdown,
  so no ``QThread`` is ever destroyed while running;
* each task says how much CPU it needs (:class:`Cpu`), and the process-wide
  :data:`~torchdesk.core.threads.cpu_budget` gives heavy work one thread while a
  training run holds the machine's threads.

This module imports no PyTorch at import time: the start-up importer is a task too.
"""

from __future__ import annotations

import contextlib
import enum
import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal

from torchdesk.core.progress import PartialChunker  # noqa: F401 - re-exported: the panels chunk partial results with it

ProgressHandler = Callable[[int, int], None]


class Cpu(enum.Enum):
    """How many CPU threads a task's PyTorch work may use."""

    LIGHT = "light"  # one thread: small tensors (a drawing, a playground line), imports
    HEAVY = "heavy"  # the machine's threads, or one while a training run holds them
    TRAINING = "training"  # the machine's threads, claimed for the task's whole life


class TaskState:
    """What a task's function is handed: progress, cancellation, partial results, CPU threads.

    Only :meth:`progress`, :meth:`cancelled`, :meth:`partial` and :meth:`on_cancel`
    are for the function; everything else is the task's own bookkeeping.
    """

    def __init__(self, task: "Task") -> None:
        self._task = task
        self._cancel = threading.Event()
        self._cancel_callbacks: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._last_progress = 0.0
        self.threads = 1  # the CPU threads PyTorch was given on this task's thread

    def progress(self, done: int, total: int) -> None:
        """Report ``done`` of ``total``; throttled to about 20 updates a second (the last one always)."""
        now = time.monotonic()
        if now - self._last_progress >= 0.05 or done >= total:
            self._last_progress = now
            self._task.progressed.emit(int(done), int(total))

    def cancelled(self) -> bool:
        """Whether the person asked to stop; long work checks it between steps."""
        return self._cancel.is_set()

    def partial(self, value: Any) -> None:
        """Hand ``value`` to the GUI thread now (in order), before the task's result."""
        self._task.partial_result.emit(value)

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (from the cancelling thread) when the task is cancelled; at once if it already was."""
        with self._lock:
            if not self._cancel.is_set():
                self._cancel_callbacks.append(callback)
                return
        callback()

    def _request_cancel(self) -> None:
        with self._lock:
            if self._cancel.is_set():
                return
            self._cancel.set()
            callbacks, self._cancel_callbacks = self._cancel_callbacks, []
        for callback in callbacks:
            callback()


TaskFunction = Callable[[TaskState], Any]


class Task(QThread):
    """Runs ``function(state)`` once on its own thread.

    Signals, delivered on the GUI thread: ``progressed(done, total)``,
    ``partial_result(object)`` any number of times, then exactly one of
    ``succeeded(result)``, ``failed(message, detail)`` or ``cancelled()``.
    """

    progressed = Signal(int, int)
    partial_result = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()

    def __init__(self, function: TaskFunction, name: str, cpu: Cpu = Cpu.HEAVY,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name
        self.cpu = cpu
        self.state = TaskState(self)
        self._function = function

    @property
    def threads_used(self) -> int:
        """The CPU threads this task's PyTorch work ran on (known once it started)."""
        return self.state.threads

    def cancel(self) -> None:
        """Ask the work to stop at its next check (returns at once)."""
        self.state._request_cancel()

    def is_cancelling(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self.state.cancelled()

    def run(self) -> None:  # noqa: D102 (QThread override)
        from torchdesk.core.progress import Cancelled
        from torchdesk.core.threads import cpu_budget

        claimed = self._claim_threads(cpu_budget)
        try:
            # Heavy work is load a training run leaves a core to (torchdesk.core.thread_tuner).
            with cpu_budget.other_work() if self.cpu is Cpu.HEAVY else contextlib.nullcontext():
                result = self._function(self.state)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # reported to the person, never raised into Qt
            from torchdesk.core.errors import readable_error

            self.failed.emit(readable_error(exc), "".join(traceback.format_exception(exc)))
        else:
            if self.state.cancelled():
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        finally:
            if claimed:
                cpu_budget.training_ended()

    def _claim_threads(self, budget: Any) -> bool:
        """Set this thread's PyTorch thread count by :attr:`cpu`; True when it claimed the budget."""
        import torch

        from torchdesk.core.threads import training_threads

        if self.cpu is Cpu.TRAINING:
            budget.training_started()
            threads = training_threads()
        elif self.cpu is Cpu.HEAVY:
            threads = budget.threads_for_heavy_work()
        else:
            training_threads()  # remember the machine's count before this thread changes the shared one
            threads = 1
        torch.set_num_threads(threads)  # a thread that ends with its task takes its OpenMP team along
        self.state.threads = threads
        return self.cpu is Cpu.TRAINING


class TaskManager(QObject):
    """Every task the app started, kept until it has ended; :meth:`shutdown` joins them all.

    ``running_changed(int)`` announces how many tasks are running (the status bar shows it).
    """

    running_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []
        self._closed = False

    def start(self, function: TaskFunction, name: str, cpu: Cpu = Cpu.HEAVY,
              prepare: Callable[[Task], None] | None = None) -> Task:
        """Create and start a task; refused after :meth:`shutdown`.

        ``prepare(task)`` runs before the thread starts: connect the task's signals there,
        since a signal a fast task emits before anyone is connected is lost.
        """
        if self._closed:
            from torchdesk.desktop.i18n import translate

            raise RuntimeError(translate("TaskManager", "the app is closing; no new work is started"))
        task = Task(function, name, cpu, self)
        task.finished.connect(lambda t=task: self._forget(t))
        if prepare is not None:
            prepare(task)
        self._tasks.append(task)
        task.start()
        self.running_changed.emit(len(self._tasks))
        return task

    def running(self) -> list[Task]:
        """The tasks that have not ended (or whose end has not reached the GUI thread yet)."""
        return list(self._tasks)

    def shutdown(self) -> None:
        """Cancel every task and wait until each has ended (idempotent)."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            task.wait()
            self._forget(task)

    def _forget(self, task: Task) -> None:
        if task in self._tasks:
            task.wait()
            self._tasks.remove(task)
            task.setParent(None)  # Python owns it now: gone once no runner refers to it any more
            self.running_changed.emit(len(self._tasks))


class TaskRunner(QObject):
    """A panel's task of one kind: at most one runs, a new start cancels the old one.

    The callbacks hear only from the newest task, so a slow old result never
    overwrites a newer one. :meth:`stop` cancels and joins.
    """

    def __init__(self, manager: TaskManager, parent: QObject | None = None, cpu: Cpu = Cpu.HEAVY) -> None:
        super().__init__(parent)
        self.manager = manager
        self.cpu = cpu
        self.task: Task | None = None
        self._started: list[Task] = []

    def start(self, function: TaskFunction, name: str, on_success: Callable[[Any], None],
              on_failure: Callable[[str, str], None] | None = None,
              on_progress: ProgressHandler | None = None,
              on_cancel: Callable[[], None] | None = None,
              on_partial: Callable[[Any], None] | None = None,
              cpu: Cpu | None = None,
              on_finished: Callable[[], None] | None = None) -> Task:
        """Cancel what runs now and start ``function``; the callbacks hear only from this newest task.

        ``on_finished`` hears that the thread has ended, after the result (whether cancelled or not).
        """
        self.cancel()

        def connect(task: Task) -> None:  # before the thread starts, so no signal is lost
            current = lambda: self.task is task  # noqa: E731
            task.succeeded.connect(lambda result: current() and on_success(result))
            if on_failure is not None:
                task.failed.connect(lambda message, detail: current() and on_failure(message, detail))
            if on_progress is not None:
                task.progressed.connect(lambda done, total: current() and on_progress(done, total))
            if on_partial is not None:
                task.partial_result.connect(lambda value: current() and on_partial(value))
            if on_cancel is not None:
                task.cancelled.connect(lambda: on_cancel())
            task.finished.connect(lambda t=task: self._ended(t))
            if on_finished is not None:
                task.finished.connect(lambda: on_finished())
            self.task = task
            self._started.append(task)

        return self.manager.start(function, name, cpu or self.cpu, prepare=connect)

    def running(self) -> bool:
        """Whether the current task is still running or its result has not reached the GUI thread yet."""
        return self.task is not None and self.task in self._started

    def cancel(self) -> None:
        """Ask the current task to stop; its results are then ignored."""
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def stop(self) -> None:
        """Cancel and join every task this runner started."""
        self.cancel()
        for task in list(self._started):
            task.cancel()
            task.wait()
        self._started.clear()

    def _ended(self, task: Task) -> None:
        if task in self._started:
            self._started.remove(task)
