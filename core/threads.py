"""Which of the app's threads run PyTorch on all CPU threads, and which on one.

With GNU OpenMP, which PyTorch's Linux wheels use, each thread that runs a parallel
operation keeps its own team of helper threads for as long as it lives. Once there
are more helper threads than cores, OpenMP stops spinning between parallel regions
and every operation of a training run pays to wake its team again: on this
project's 2-core machine, training on a worker thread ran about 10% slower for the
rest of the session once the GUI thread had classified a single drawing. So the
threads that live as long as the app (GUI, playground, prediction) run PyTorch on
one thread each (their tensors are small), and threads that end with their job (a
training run, a dataset task, a model build) take the machine's threads, whose
team ends with them. Each thread says which it is: PyTorch hands a new thread the
count last set by any thread.

How many threads a training run actually uses is measured while it runs
(:mod:`torchdesk.core.thread_tuner`): all of them on a quiet machine, fewer when
another process or other work in the app holds a core. ``OMP_NUM_THREADS`` or
:func:`fix_training_threads` (``torchdesk train --threads N``) fix the count instead.
"""

from __future__ import annotations

import contextlib
import os
import threading
from typing import Iterator

import torch

from torchdesk.core.i18n import translate

_lock = threading.Lock()
_machine_threads: int | None = None
_fixed_threads: int | None = None


def training_threads() -> int:
    """At most how many CPU threads a training run uses: PyTorch's default here (``OMP_NUM_THREADS``
    decides) or the count :func:`fix_training_threads` fixed."""
    global _machine_threads
    with _lock:
        if _machine_threads is None:
            _machine_threads = torch.get_num_threads()
        return _fixed_threads if _fixed_threads is not None else _machine_threads


def fix_training_threads(count: int | None) -> None:
    """Train on exactly ``count`` threads from now on instead of measuring (``None``: measure again).

    Raises ``ValueError`` for a count below 1.
    """
    global _fixed_threads
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise ValueError(translate("threads", "the thread count must be a whole number of at least 1, got {count}")
                         .format(count=str(count)[:20]))
    with _lock:
        _fixed_threads = count


def fixed_training_threads() -> int | None:
    """The thread count a person fixed (``OMP_NUM_THREADS`` or :func:`fix_training_threads`), else ``None``."""
    with _lock:
        if _fixed_threads is not None:
            return _fixed_threads
    value = os.environ.get("OMP_NUM_THREADS", "").strip()
    if value.isdigit() and int(value) >= 1:
        return training_threads()  # what PyTorch made of it
    return None


def use_one_thread_here() -> None:
    """Run the calling thread's PyTorch operations on one CPU thread (GUI and helper threads)."""
    training_threads()  # remember the machine's default before it is changed
    torch.set_num_threads(1)


def use_all_threads_here() -> None:
    """Run the calling thread's PyTorch operations on :func:`training_threads` threads (a training run)."""
    torch.set_num_threads(training_threads())


class CpuBudget:
    """Who may use the machine's CPU threads right now.

    A training run claims them for as long as it runs; other heavy work started
    meanwhile (statistics, predicting a whole split) gets one thread instead of
    fighting the run for cores: two thread teams on two cores made a CNN run crawl
    at about 23 samples/s. Thread-safe; the process has one (:data:`cpu_budget`).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._training = 0
        self._other_work: dict[int, int] = {}  # thread id -> nesting depth

    def training_started(self) -> None:
        """A training run begins: heavy work started from now on runs on one thread."""
        with self._lock:
            self._training += 1

    def training_ended(self) -> None:
        """A training run ended (normally, cancelled or failed)."""
        with self._lock:
            self._training = max(0, self._training - 1)

    @property
    def training_active(self) -> bool:
        """Whether a training run holds the CPU threads."""
        with self._lock:
            return self._training > 0

    def threads_for_heavy_work(self) -> int:
        """Threads for a heavy job starting now: all of them, or one while training runs."""
        return 1 if self.training_active else training_threads()

    @contextlib.contextmanager
    def other_work(self) -> Iterator[None]:
        """Mark work besides training (a Data-panel task, a prediction) as running on this thread for the block.

        A training run counts it as load: it leaves that work a core
        (:mod:`torchdesk.core.thread_tuner`).
        """
        thread = threading.get_ident()
        with self._lock:
            self._other_work[thread] = self._other_work.get(thread, 0) + 1
        try:
            yield
        finally:
            with self._lock:
                depth = self._other_work.pop(thread, 1) - 1
                if depth > 0:
                    self._other_work[thread] = depth

    def other_work_running(self) -> int:
        """On how many threads work besides training runs right now (nested marks on one thread count once)."""
        with self._lock:
            return len(self._other_work)


cpu_budget = CpuBudget()
