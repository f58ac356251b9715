"""The playground's worker process: code typed in the playground runs here, never in the app.

Whatever is typed can end in one long C call (a sort of 20 million values, ``hash`` of a
deep tuple), a flood of output or a memory spike. In the app's process those would
freeze the window or exhaust its memory. Here they cannot reach the app:

* the app talks to this process only through a pipe (:mod:`.kernel_client` is the app's
  side), so its GUI thread never waits on the code;
* the process caps its own data segment (``RLIMIT_DATA``), so an oversized allocation
  fails as an ordinary "out of memory" error inside the run and the variables survive;
* printed text is clipped per line and per run (:class:`OutputLimiter`) before it is sent;
* the app may kill the process outright when an Interrupt is not heeded in time, and
  starts a fresh one.

In ``"python"`` mode the worker runs real Python (:mod:`.python_mode`) instead of the evaluator.

Requests (tuples sent by the app): ``("run", run_id, code, first_line)``,
``("cancel", run_id)``, ``("reset",)``, ``("view", name)``, ``("export", name)``, ``("stop",)``.
Events (tuples sent back): ``("ready", pid)``, ``("output", run_id, text)``,
``("done", run_id, RunResult, rows)``, ``("view", ValueView | None)``, ``("export", (kind, bytes) | reason)``,
``("desk", run_id, action, name, kind, bytes, options)`` (Python mode's ``desk`` calls), ``("reset",)``,
``("error", message)``.
"""

from __future__ import annotations

import dataclasses
import os
import queue
import signal
import threading
import types
from multiprocessing.connection import Connection
from typing import Any, Callable

from torchdesk.core.i18n import translate
from torchdesk.core.progress import PartialChunker

MAX_LINE_CHARS = 2_000
"""Characters of one printed line the console gets; the rest is counted, not sent."""
MAX_RUN_OUTPUT = 1_000_000
"""Characters of printed text one run sends at most."""
OUTPUT_RATE = 20.0
"""Output chunks per second at most (a print in a tight loop must not flood the app)."""


class OutputLimiter:
    """Clips printed text to :data:`MAX_LINE_CHARS` a line and :data:`MAX_RUN_OUTPUT` a run, saying what it left out."""

    def __init__(self, max_total: int = MAX_RUN_OUTPUT, max_line: int = MAX_LINE_CHARS) -> None:
        self.max_total = max_total
        self.max_line = max_line
        self.sent = 0
        self._line = 0
        self._dropped_line = 0
        self.dropped_total = 0
        self.closed = False

    def feed(self, text: str) -> str:
        """What of ``text`` to show."""
        if self.closed:
            self.dropped_total += len(text)
            return ""
        pieces: list[str] = []
        for index, part in enumerate(text.split("\n")):
            if index:
                pieces.append(self._end_of_line())
                pieces.append("\n")
                self._line = 0
            keep = part[: max(self.max_line - self._line, 0)]
            pieces.append(keep)
            self._line += len(keep)
            self._dropped_line += len(part) - len(keep)
        shown = "".join(pieces)
        room = self.max_total - self.sent
        if len(shown) > room:
            self.dropped_total += len(shown) - room
            self.closed = True
            shown = shown[:room] + "\n" + translate(
                "kernel", "… the rest of this run's output is not shown: the console keeps the first "
                "{count:,} characters of each run.").format(count=self.max_total) + "\n"
        self.sent += len(shown)
        return shown

    def finish(self) -> str:
        """What still has to be said at the end of the run (a clipped last line's count)."""
        return "" if self.closed else self._end_of_line()

    def _end_of_line(self) -> str:
        if not self._dropped_line:
            return ""
        note = " " + translate("kernel", "… ({count:,} more characters on this line)").format(count=self._dropped_line)
        self._dropped_line = 0
        return note


def cap_memory(limit_bytes: int | None) -> None:
    """Limit this process's data segment, so allocations past ``limit_bytes`` fail instead of exhausting the machine."""
    if not limit_bytes:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_DATA, (limit_bytes, limit_bytes))
    except (ImportError, ValueError, OSError):  # Windows, or a hard limit already lower
        pass


def is_out_of_memory(message: str) -> bool:
    """Whether an error message is an allocation that failed (torch's and NumPy's wordings)."""
    from torchdesk.core.playground.evaluator import out_of_memory_message

    if message == out_of_memory_message():  # the evaluator's own wording, in the current language
        return True
    lowered = message.lower()
    return "can't allocate memory" in lowered or "unable to allocate" in lowered or "out of memory" in lowered \
        or lowered.startswith("memoryerror")


class _Kernel:
    """The request loop of one worker process (one evaluator, its variables, one run at a time)."""

    def __init__(self, conn: Connection, limits: Any, memory_cap: int | None, mode: str = "safe",
                 desk: bool = False) -> None:
        self.conn = conn
        self.memory_cap = memory_cap
        self.mode = mode
        if mode == "python":
            from torchdesk.core.playground.python_mode import PythonRunner

            self.evaluator: Any = PythonRunner()
            if desk:
                self.evaluator.desk_sink = lambda *request: self.send(("desk", self._current_run, *request))
        else:
            from torchdesk.core.playground.evaluator import Evaluator

            self.evaluator = Evaluator(limits)
        self.inbox: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._send_lock = threading.Lock()
        self._run_lock = threading.Lock()
        self._current_run: int | None = None

    def send(self, event: tuple[Any, ...]) -> None:
        with self._send_lock:
            self.conn.send(event)

    def listen(self) -> None:
        """Reader thread: cancels act at once (the main thread is busy running); the rest queue up."""
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):  # the app went away
                message = ("stop",)
            if message[0] == "cancel":
                with self._run_lock:
                    if self._current_run == message[1]:
                        self.evaluator.cancel()
                continue
            if message[0] == "stop":
                self.evaluator.cancel()
            self.inbox.put(message)
            if message[0] == "stop":
                return

    def serve(self) -> None:
        self.send(("ready", os.getpid()))
        while True:
            message = self.inbox.get()
            kind = message[0]
            if kind == "stop":
                return
            try:
                if kind == "run":
                    self.run(*message[1:])
                elif kind == "reset":
                    self.evaluator.reset()
                    self.send(("reset",))
                elif kind == "export":
                    self.send(("export", export_value(message[1], self.variables())))
                elif kind == "view":
                    from torchdesk.core.playground.views import view_of

                    self.send(("view", view_of(message[1], self.variables())))
            except Exception as exc:  # a bug in torchdesk: say so, keep serving
                self.send(("error", f"{type(exc).__name__}: {exc}"))

    def run(self, run_id: int, code: str, first_line: int) -> None:
        from torchdesk.core.playground.variables import describe_variables

        limiter = OutputLimiter()
        chunker = PartialChunker(lambda texts: self.send(("output", run_id, "".join(texts))), OUTPUT_RATE)
        finished = threading.Event()
        flusher = threading.Thread(target=_flush_until, args=(finished, chunker.flush), daemon=True)
        flusher.start()

        def write(text: str) -> None:
            shown = limiter.feed(text)
            if shown:
                chunker.add(shown)

        with self._run_lock:
            self._current_run = run_id
            self.evaluator.clear_cancel()
        try:
            result = self.evaluator.run(code, first_line, output=write)
        finally:
            with self._run_lock:
                self._current_run = None
                self.evaluator.clear_cancel()
            finished.set()
            flusher.join()
        tail = limiter.finish()
        if tail:
            chunker.add(tail)
        chunker.flush()
        self._explain_memory(result)
        result.value = None  # the app shows variables through views; a last value need not cross the pipe
        try:
            rows = describe_variables(self.variables())
        except Exception:  # a variable that cannot be described must not lose the run's result
            rows = []
        self.send(("done", run_id, result, rows))

    def variables(self) -> dict[str, Any]:
        """The person's variables: in full Python, without dunders and imported modules."""
        namespace = self.evaluator.namespace
        if self.mode != "python":
            return namespace
        from torchdesk.core.playground.desk import Desk

        return {name: value for name, value in namespace.items()
                if not name.startswith("__") and not isinstance(value, (types.ModuleType, Desk))}

    def _explain_memory(self, result: Any) -> None:
        """Reword a failed allocation (torch's "[enforce fail at alloc_cpu.cpp…]") as the cap it ran into."""
        if self.memory_cap:
            cap = translate("kernel", "{size:.1f} GB").format(size=self.memory_cap / 2**30)
        else:
            cap = translate("kernel", "the memory it may use")
        message = translate(
            "kernel", "out of memory: the playground may use at most {cap}. Use smaller tensors, or delete "
            "big variables (Clear variables); your variables are kept.").format(cap=cap)
        result.problems = [
            dataclasses.replace(problem, kind="limit", message=message)
            if problem.kind in ("error", "limit") and is_out_of_memory(problem.message) else problem
            for problem in result.problems
        ]


def export_value(name: str, namespace: dict[str, Any]) -> Any:
    """The :class:`~torchdesk.core.playground.sendable.Sendable` of variable ``name`` for the app, or why not.

    Classes defined in the person's cells are pickled by value (their code travels), so the
    app can rebuild them; only Python mode's worker answers, where the person chose to run code.
    """
    from torchdesk.core.i18n import translate
    from torchdesk.core.playground.sendable import pack

    if name not in namespace:
        return translate("kernel", "there is no variable {name!r}").format(name=name)
    return pack(name, namespace[name])


def _flush_until(finished: threading.Event, flush: Callable[[], None]) -> None:
    """Hand on pending output every 1/OUTPUT_RATE s until the run ends (a print before a long call still shows)."""
    while not finished.wait(1.0 / OUTPUT_RATE):
        try:
            flush()
        except (OSError, EOFError):
            return


def serve(conn: Connection, limits: Any = None, memory_cap: int | None = None, mode: str = "safe",
          workdir: str | None = None, desk: bool = False) -> None:
    """The worker process's entry point: cap memory, use one CPU thread, answer requests until told to stop.

    ``mode`` is ``"safe"`` (the evaluator) or ``"python"`` (full Python, chosen by the person);
    ``workdir`` is the folder relative paths in the code start from; ``desk`` whether an app
    listens to Python mode's ``desk`` calls.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in the app's terminal is the app's to handle
    cap_memory(memory_cap)
    if workdir:
        os.chdir(workdir)
    import torch

    torch.set_num_threads(1)
    kernel = _Kernel(conn, limits, memory_cap, mode, desk)
    threading.Thread(target=kernel.listen, name="torchdesk-kernel-listen", daemon=True).start()
    try:
        kernel.serve()
    except (OSError, EOFError, BrokenPipeError):  # the app closed the pipe
        pass
