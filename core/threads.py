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
"""

from __future__ import annotations

import threading

import torch

_lock = threading.Lock()
_machine_threads: int | None = None


def training_threads() -> int:
    """How many CPU threads a training run uses: PyTorch's default here (``OMP_NUM_THREADS`` decides)."""
    global _machine_threads
    with _lock:
        if _machine_threads is None:
            _machine_threads = torch.get_num_threads()
        return _machine_threads


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


cpu_budget = CpuBudget()
