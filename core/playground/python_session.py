"""Full Python in a worker process, headless: the playground's Python mode for scripts and tests.

::

    from torchdesk.core.playground import PythonSession

    with PythonSession(data_dir="~/torchdesk-data") as session:
        result = session.run("import torch\\nprint(torch.ones(2))")
        assert result.ok, result.problems
        print(result.output)

Each session has its own worker process (:class:`~.kernel_client.PlaygroundKernel` in
``"python"`` mode) whose current folder is a scratch folder: files the code writes land
there, and ``data`` in it leads to ``data_dir``, so the walkthrough's ``root="data"``
finds the app's data sets. Memory is capped (half the machine's RAM unless
``memory_cap`` says otherwise); a run has no time limit, but ``run(stop=...)`` interrupts it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any, Callable

from torchdesk.core.playground.evaluator import RunResult
from torchdesk.core.playground.kernel_client import PlaygroundKernel
from torchdesk.core.playground.variables import VariableInfo


def python_memory_cap() -> int:
    """Bytes full Python may allocate: ``TORCHDESK_PYTHON_MEMORY_MB``, else half the machine's memory."""
    override = os.environ.get("TORCHDESK_PYTHON_MEMORY_MB", "").strip()
    if override.isdigit() and int(override) > 0:
        return int(override) * 2**20
    try:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2)
    except (ValueError, OSError, AttributeError):
        return 8 * 2**30


def scratch_folder(data_dir: str | Path | None) -> Path:
    """A new folder for the code's files, with ``data`` leading to ``data_dir`` (when there is one)."""
    folder = Path(tempfile.mkdtemp(prefix="torchdesk-python-"))
    if data_dir is not None:
        try:
            (folder / "data").symlink_to(Path(data_dir).expanduser().resolve(), target_is_directory=True)
        except OSError:  # no symlinks (some Windows setups): relative paths then start empty
            pass
    return folder


class PythonSession:
    """One full-Python worker: ``run`` code in it, read its variables, ``restart`` or ``close`` it."""

    def __init__(self, data_dir: str | Path | None = None, memory_cap: int | None = None,
                 workdir: str | Path | None = None, desk: bool = False) -> None:
        self._own_workdir = workdir is None
        self.workdir = Path(workdir) if workdir is not None else scratch_folder(data_dir)
        self.kernel = PlaygroundKernel(memory_cap=memory_cap or python_memory_cap(), time_limit_s=None,
                                       mode="python", workdir=str(self.workdir), desk=desk)
        self.rows: list[VariableInfo] = []
        """The variables table after the last run."""

    def run(self, code: str, first_line: int = 1, on_output: Callable[[str], None] | None = None,
            stop: threading.Event | None = None, on_desk: Callable[..., None] | None = None) -> RunResult:
        """Run ``code``; the result has ``ok``, ``output`` and ``problems`` like the safe evaluator's.

        ``on_desk(action, name, kind, payload, options)`` hears ``desk.show/train/classify`` when the
        session was made with ``desk=True`` (the app does); otherwise those calls say no app is attached.
        """
        outcome = self.kernel.run(code, first_line, on_output=on_output, stop=stop, on_desk=on_desk)
        self.rows = outcome.rows
        return outcome.result

    def view(self, name: str) -> Any:
        """What the viewer shows of variable ``name`` (a :class:`~.views.ValueView`), or None."""
        return self.kernel.view(name)

    def restart(self) -> None:
        """A fresh process: every variable is gone, the scratch folder stays."""
        self.rows = []
        self.kernel.restart()

    def close(self) -> None:
        """Stop the worker and remove the scratch folder this session made."""
        self.kernel.close()
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> "PythonSession":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
