"""The app's side of the playground's worker process (:mod:`.kernel`): start it, run code, stop it, kill it.

:class:`PlaygroundKernel` is plain Python (no Qt): the desktop runs :meth:`~PlaygroundKernel.run`
on a task thread and relays its output; tests and scripts call it directly. Whatever
the code does, a run ends:

* normally, with the evaluator's result and the variables table's rows;
* after an Interrupt (or the time limit), softly: the worker stops between two steps and
  keeps its variables;
* if the worker does not stop within :data:`INTERRUPT_GRACE_S` (it is inside one long C
  call), or its memory passes the cap, or it dies: the worker is killed, a fresh one is
  started, and the outcome says the variables are gone.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from torchdesk.core.i18n import translate
from torchdesk.core.playground.errors import Problem
from torchdesk.core.playground.evaluator import RunResult
from torchdesk.core.playground.limits import Limits
from torchdesk.core.playground.variables import VariableInfo
from torchdesk.core.playground.views import ValueView

INTERRUPT_GRACE_S = 1.5
"""How long an Interrupt waits for the code to stop by itself before the worker is killed."""
START_TIMEOUT_S = 120.0
"""How long a starting worker may take to import torch and say it is ready."""
POLL_S = 0.02
MEMORY_SLACK = 1.25
"""The worker is killed when its resident memory passes the cap by this factor (its own limit failed)."""


def default_memory_cap() -> int:
    """Bytes the worker may allocate: ``TORCHDESK_PLAYGROUND_MEMORY_MB``, else a quarter of RAM between 1 and 4 GiB."""
    override = os.environ.get("TORCHDESK_PLAYGROUND_MEMORY_MB", "").strip()
    if override.isdigit() and int(override) > 0:
        return int(override) * 2**20
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        total = 16 * 2**30
    return int(min(4 * 2**30, max(2**30, total // 4)))


def default_time_limit() -> float | None:
    """Seconds one run may take: ``TORCHDESK_PLAYGROUND_TIME_LIMIT`` (0 for none), else ten minutes."""
    override = os.environ.get("TORCHDESK_PLAYGROUND_TIME_LIMIT", "").strip()
    try:
        seconds = float(override) if override else 600.0
    except ValueError:
        seconds = 600.0
    return seconds if seconds > 0 else None


def resident_bytes(pid: int) -> int | None:
    """A process's resident memory, or None where this system cannot tell."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil  # type: ignore[import-not-found]

        return int(psutil.Process(pid).memory_info().rss)
    except Exception:
        return None


class KernelError(RuntimeError):
    """The worker process could not be started or answered nonsense; the message says what to do."""


@dataclass(frozen=True)
class KernelOutcome:
    """A finished run: the result, the variables table's rows, and whether the worker had to be replaced."""

    result: RunResult
    rows: list[VariableInfo] = field(default_factory=list)
    restarted: bool = False
    """The worker was killed and started afresh: every variable is gone."""


class PlaygroundKernel:
    """One worker process holding the playground's variables; one conversation with it at a time.

    ``limits`` are the evaluator's size limits; ``memory_cap`` bytes the worker may
    allocate; ``time_limit_s`` how long one run may take (None: no limit); ``grace_s`` how
    long an Interrupt waits before the worker is killed; ``mode`` ``"python"`` runs full Python
    (:mod:`.python_mode`) instead of the safe evaluator, with ``workdir`` as its current folder;
    ``desk`` says that ``run(on_desk=...)`` listens to its ``desk`` calls (the app does).
    """

    def __init__(self, limits: Limits | None = None, memory_cap: int | None = None,
                 time_limit_s: float | None = -1.0, grace_s: float = INTERRUPT_GRACE_S, mode: str = "safe",
                 workdir: str | None = None, desk: bool = False) -> None:
        self.limits = limits
        self.mode = mode
        self.workdir = workdir
        self.desk = desk
        self.memory_cap = default_memory_cap() if memory_cap is None else memory_cap
        self.time_limit_s = default_time_limit() if time_limit_s == -1.0 else time_limit_s
        self.grace_s = grace_s
        self._process: Any = None
        self._conn: Any = None
        self._ready = False
        self.pid: int | None = None
        self._run_id = 0
        self._lock = threading.Lock()  # one conversation at a time
        self._send_lock = threading.Lock()
        self._closed = False

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Start the worker if none is running (returns at once; it imports torch in the background)."""
        with self._send_lock:
            if self._closed or (self._process is not None and self._process.is_alive()):
                return
            from torchdesk.core.playground.kernel import serve

            context = multiprocessing.get_context("spawn")
            parent, child = context.Pipe()
            process = context.Process(target=serve, args=(child, self.limits, self.memory_cap, self.mode, self.workdir, self.desk),
                                      name="torchdesk-playground-worker", daemon=True)
            process.start()
            child.close()
            self._process, self._conn, self._ready, self.pid = process, parent, False, None

    def close(self) -> None:
        """Stop the worker (idempotent, any thread): ask it to stop, kill it if it does not within a second."""
        self._closed = True
        process, conn = self._process, self._conn
        if process is None:
            return
        try:
            with self._send_lock:
                conn.send(("stop",))
        except (OSError, EOFError, ValueError):
            pass
        process.join(1.0)
        if process.is_alive():
            process.kill()
            process.join(5.0)

    def restart(self) -> None:
        """A fresh worker with no variables (waits for the current conversation to end)."""
        with self._lock:
            self._kill()
            if not self._closed:
                self.start()

    @property
    def alive(self) -> bool:
        """Whether a worker process is running now."""
        return self._process is not None and self._process.is_alive()

    # ------------------------------------------------------------------ requests
    def run(self, code: str, first_line: int = 1, on_output: Callable[[str], None] | None = None,
            stop: threading.Event | None = None,
            on_desk: Callable[..., None] | None = None) -> KernelOutcome:
        """Run ``code`` in the worker; ``on_output`` gets printed text as it comes; setting ``stop`` interrupts.

        ``on_desk(action, name, kind, payload, options)`` gets Python mode's ``desk`` requests as they come.
        """
        stop = stop or threading.Event()
        with self._lock:
            try:
                self._ensure_ready(stop)
            except KernelError as exc:
                return KernelOutcome(RunResult(problems=[Problem(first_line, 0, str(exc), "error")]))
            self._run_id += 1
            run_id = self._run_id
            self._send(("run", run_id, code, first_line))
            return self._wait_for_run(run_id, first_line, on_output, stop, on_desk)

    def view(self, name: str, timeout: float = 30.0) -> ValueView | None:
        """What the viewer shows of variable ``name`` (None: no such variable, or no answer in ``timeout``)."""
        event = self._ask(("view", name), "view", timeout)
        return event[1] if event is not None else None

    def export(self, name: str, timeout: float = 60.0) -> Any:
        """Full Python only: the :class:`~torchdesk.core.playground.sendable.Sendable` of variable ``name`` (a model,
        dataset or transform) to rebuild in the app, or the sentence saying why it cannot be."""
        if self.mode != "python":
            return translate("kernel_client", "only Python mode can send a model to the panels")
        event = self._ask(("export", name), "export", timeout)
        return event[1] if event is not None else translate("kernel_client", "the playground's worker did not answer")

    def reset(self, timeout: float = 30.0) -> None:
        """Forget every variable."""
        self._ask(("reset",), "reset", timeout)

    # ------------------------------------------------------------------ internals
    def _send(self, message: tuple[Any, ...]) -> None:
        with self._send_lock:
            self._conn.send(message)

    def _ensure_ready(self, stop: threading.Event) -> None:
        if self._closed:
            raise KernelError(translate("kernel_client", "The playground is shutting down."))
        if not self.alive:
            self.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._ready:
            if stop.is_set():
                raise KernelError(translate("kernel_client", "interrupted while the playground's worker was starting"))
            if self._conn.poll(POLL_S):
                event = self._receive()
                if event is not None and event[0] == "ready":
                    self._ready, self.pid = True, event[1]
                continue
            if not self.alive:
                code = self._process.exitcode if self._process is not None else None
                self._discard()
                raise KernelError(translate("kernel_client", "The playground's worker process could not start (exit code "
                                            "{code}). Check that torch imports in this Python (python -c 'import "
                                            "torch').").format(code=code))
            if time.monotonic() > deadline:
                self._kill()
                raise KernelError(translate("kernel_client", "The playground's worker did not start within {seconds:.0f} s; "
                                            "the machine may be very busy. Run again.").format(seconds=START_TIMEOUT_S))

    def _receive(self) -> tuple[Any, ...] | None:
        try:
            return self._conn.recv()
        except (EOFError, OSError):
            return None

    def _wait_for_run(self, run_id: int, first_line: int, on_output: Callable[[str], None] | None,
                      stop: threading.Event, on_desk: Callable[..., None] | None = None) -> KernelOutcome:
        started = time.monotonic()
        cancelled_at: float | None = None
        why = "interrupted"
        while True:
            if self._conn.poll(POLL_S):
                event = self._receive()
                if event is None:
                    return self._died(first_line)
                if event[0] == "output" and event[1] == run_id and on_output is not None:
                    on_output(event[2])
                elif event[0] == "desk" and event[1] == run_id and on_desk is not None:
                    on_desk(*event[2:])
                elif event[0] == "done" and event[1] == run_id:
                    result = event[2]
                    if why == "time" and cancelled_at is not None:
                        result.problems = [self._over_time(p) if p.kind == "interrupted" else p for p in result.problems]
                    return KernelOutcome(result, event[3])
                continue
            if not self.alive:
                return self._died(first_line)
            now = time.monotonic()
            over_time = self.time_limit_s is not None and now - started > self.time_limit_s
            if cancelled_at is None and (stop.is_set() or over_time or self._closed):
                why = "time" if over_time and not stop.is_set() else "interrupted"
                self._send(("cancel", run_id))
                cancelled_at = now
            if cancelled_at is not None and now - cancelled_at > self.grace_s:
                return self._replace(first_line, "time" if why == "time" else "stuck")
            rss = resident_bytes(self.pid) if self.pid else None
            if rss is not None and self.memory_cap and rss > self.memory_cap * MEMORY_SLACK:
                return self._replace(first_line, "memory")

    def _over_time(self, problem: Problem) -> Problem:
        return Problem(problem.line, problem.column, translate(
            "kernel_client", "the run took longer than the playground's limit of {seconds:g} s and was stopped; the "
            "variables assigned so far are kept. Set TORCHDESK_PLAYGROUND_TIME_LIMIT (seconds, 0 for none) for "
            "longer runs.").format(seconds=self.time_limit_s), "limit")

    def _replace(self, first_line: int, why: str) -> KernelOutcome:
        """Kill the worker, start a fresh one, and say why the variables are gone."""
        self._kill()
        if why == "stuck":
            message, kind = translate(
                "kernel_client", "the code did not stop within {seconds:g} s (it was inside one long operation), so the "
                "playground's worker was stopped and restarted: every variable is gone. Your code is still in "
                "the editor.").format(seconds=self.grace_s), "interrupted"
        elif why == "time":
            message, kind = translate(
                "kernel_client", "the run took longer than the playground's limit of {seconds:g} s and was stopped; the "
                "worker restarted, so every variable is gone. Set TORCHDESK_PLAYGROUND_TIME_LIMIT (seconds, 0 for "
                "none) for longer runs.").format(seconds=self.time_limit_s), "limit"
        else:
            message, kind = translate(
                "kernel_client", "the code used more than {size:.1f} GB of memory, so the playground's worker "
                "was stopped and restarted: every variable is gone. Use smaller tensors.").format(
                size=self.memory_cap / 2**30), "limit"
        if not self._closed:
            self.start()
        return KernelOutcome(RunResult(problems=[Problem(first_line, 0, message, kind)]), restarted=True)

    def _died(self, first_line: int) -> KernelOutcome:
        process = self._process
        if process is not None:
            process.join(1.0)
        if self._closed:
            return KernelOutcome(RunResult(problems=[Problem(
                first_line, 0, translate("kernel_client", "interrupted: the playground closed"), "interrupted")]),
                restarted=True)
        code = process.exitcode if process is not None else None
        if isinstance(code, int) and code < 0:
            how = translate("kernel_client", "signal {number}").format(number=-code)
        else:
            how = translate("kernel_client", "exit code {code}").format(code=code)
        self._discard()
        self.start()
        message = translate("kernel_client", "the playground's worker process ended unexpectedly ({how}); a fresh one "
                            "has started, so every variable is gone. Your code is still in the editor.").format(how=how)
        return KernelOutcome(RunResult(problems=[Problem(first_line, 0, message, "error")]), restarted=True)

    def _ask(self, message: tuple[Any, ...], answer: str, timeout: float) -> tuple[Any, ...] | None:
        with self._lock:
            if not self.alive or not self._ready:
                return None  # no worker: no variables either
            self._send(message)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self._conn.poll(POLL_S):
                    event = self._receive()
                    if event is None:
                        return None
                    if event[0] == answer:
                        return event
                    if event[0] == "error":
                        return None
                elif not self.alive:
                    return None
            self._kill()  # a view that takes this long is stuck in C code; a fresh worker is better than a hung one
            self.start()
            return None

    def _kill(self) -> None:
        process = self._process
        if process is not None and process.is_alive():
            process.kill()
            process.join(5.0)
        self._discard()

    def _discard(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn, self._ready, self.pid = None, None, False, None
