"""Full Python for the playground: real code, as in a notebook, run only inside the worker process.

The safe mode (:class:`~torchdesk.core.playground.Evaluator`) walks a small subset of
Python and can run text from anywhere. This mode runs *anything*, so it exists only where
the person chose it, and only in the playground's worker process
(:mod:`.kernel`), whose memory cap, time limit and hard kill protect the app.

:class:`PythonRunner` has the evaluator's shape (``namespace``, ``run``, ``cancel``,
``clear_cancel``, ``reset``) so the worker serves either. A run compiles the code under
a file name of its own, so tracebacks show the person's lines, echoes the value of a last
expression as a notebook does, sends ``print`` and ``sys.stderr`` to the console, and
reports any exception as a :class:`~torchdesk.core.playground.errors.Problem` on the
editor line where it happened. Interrupt raises ``KeyboardInterrupt`` in the running code
(through a SIGINT handler that ignores a Ctrl+C aimed at the app).
"""

from __future__ import annotations

import _thread
import ast
import io
import linecache
import signal
import sys
import threading
import time
import traceback
import types
from typing import Any, Callable

from torchdesk.core.i18n import translate
from torchdesk.core.playground.desk import Desk, DeskSink
from torchdesk.core.playground.errors import Problem
from torchdesk.core.playground.evaluator import RunResult
from torchdesk.core.playground.python_hints import hint_for

TRACEBACK_FRAMES = 30
"""Frames of a traceback the console shows at most (the innermost ones)."""


class _Sink(io.TextIOBase):
    """A text stream that hands what is written to the run's output function."""

    def __init__(self, write: Callable[[str], None]) -> None:
        super().__init__()
        self._write = write

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text:
            self._write(str(text))
        return len(text)


class PythonRunner:
    """Runs real Python against one namespace; the full-Python mode's counterpart of the evaluator."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {}
        self.desk_sink: DeskSink | None = None
        """Where ``desk.show/train/classify`` send their requests (set by the worker; None headless)."""
        self._cancel = threading.Event()
        self._running = False
        self._cell = 0
        self.reset()
        signal.signal(signal.SIGINT, self._on_sigint)

    def reset(self) -> None:
        """Forget every variable; ``torch``, ``np`` and ``F`` are ready, as in the safe mode."""
        import numpy as np
        import torch
        import torch.nn.functional as F  # noqa: N812 - the walkthrough's name

        # The namespace is a real __main__ module, as in a notebook: classes defined here pickle by reference
        # (torch.save(model) of the walkthrough's NeuralNetwork) and DataLoader workers can find them.
        main = types.ModuleType("__main__")
        sys.modules["__main__"] = main
        self.namespace = main.__dict__
        self.namespace.update({"__builtins__": __builtins__, "torch": torch, "np": np, "F": F,
                               "desk": Desk(self.namespace, lambda: self.desk_sink)})

    def cancel(self) -> None:
        """Interrupt the running code (from the worker's listener thread): ``KeyboardInterrupt`` at its next Python step."""
        self._cancel.set()
        if not self._running:
            return
        if hasattr(signal, "pthread_kill"):  # a real signal wakes a blocking call (time.sleep, a queue wait)
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
        else:
            _thread.interrupt_main(signal.SIGINT)

    def clear_cancel(self) -> None:
        """Forget a cancel that arrived after the run it was meant for."""
        self._cancel.clear()

    def _on_sigint(self, _signum: int, _frame: Any) -> None:
        if self._running and self._cancel.is_set():
            raise KeyboardInterrupt
        # Otherwise a Ctrl+C typed in the app's terminal: the app handles it, the worker carries on.

    def run(self, source: str, first_line: int = 1, output: Callable[[str], None] | None = None) -> RunResult:
        """Run ``source`` (editor lines from ``first_line``); errors come back as problems, never raised."""
        started = time.perf_counter()
        result = RunResult()
        write = output or (lambda _text: None)
        captured: list[str] = []

        def record(text: str) -> None:
            if sum(map(len, captured)) < 1_000_000:
                captured.append(text)
            write(text)

        self._cell += 1
        filename = f"<playground cell {self._cell}>"
        padded = "\n" * (first_line - 1) + source
        linecache.cache[filename] = (len(padded), None, padded.splitlines(keepends=True), filename)
        try:
            tree = ast.parse(padded, filename)
        except SyntaxError as exc:
            result.problems = [Problem(exc.lineno or first_line, max((exc.offset or 1) - 1, 0),
                                       f"{exc.msg}", "syntax")]
            result.elapsed_s = time.perf_counter() - started
            return result
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        before = dict(self.namespace)
        sink = _Sink(record)
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = sink
        self._running = True
        try:
            exec(compile(tree, filename, "exec"), self.namespace)  # noqa: S102 - the person chose full Python
            if last is not None:
                value = eval(compile(ast.Expression(last.value), filename, "eval"), self.namespace)  # noqa: S307
                if value is not None:
                    record(f"{value!r}\n")
        except KeyboardInterrupt:
            result.problems = [Problem(_line_of(sys.exc_info()[2], filename, first_line), 0,
                                       translate("python_mode", "interrupted") if self._cancel.is_set()
                                       else "KeyboardInterrupt", "interrupted")]
        except SystemExit as exc:
            result.problems = [Problem(_line_of(exc.__traceback__, filename, first_line), 0,
                                       translate("python_mode", "the code called {call}; the playground carries on").format(
                                           call=f"sys.exit({'' if exc.code is None else exc.code!r})"), "error")]
        except BaseException as exc:  # noqa: BLE001 - anything the person's code raises is theirs to read
            record(_traceback_text(exc, filename))
            hint = hint_for(exc)
            result.problems = [Problem(_line_of(exc.__traceback__, filename, first_line), 0,
                                       f"{type(exc).__name__}: {_first_line(exc)}" + (f". {hint}" if hint else ""),
                                       "error")]
        finally:
            self._running = False
            sys.stdout, sys.stderr = saved
        result.output = "".join(captured)
        result.assigned = [name for name, value in self.namespace.items()
                           if not name.startswith("__") and (name not in before or before[name] is not value)]
        result.elapsed_s = time.perf_counter() - started
        return result


def _line_of(tb: Any, filename: str, default: int) -> int:
    """The editor line of the innermost frame that runs the person's cell."""
    line = default
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _traceback_text(exc: BaseException, filename: str) -> str:
    """The traceback from the person's cell inwards (torchdesk's own frames left out), at most TRACEBACK_FRAMES deep."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    lines = traceback.format_exception(type(exc), exc, tb, limit=-TRACEBACK_FRAMES if tb is not None else 0)
    return "".join(lines)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:500] if text else type(exc).__name__
