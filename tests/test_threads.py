"""The app's helper threads run PyTorch on one CPU thread; a training run on all of them."""

from __future__ import annotations

import threading

import torch

from torchdesk.core.threads import training_threads, use_all_threads_here, use_one_thread_here


def _in_thread(work) -> int:  # type: ignore[no-untyped-def]
    result = []
    thread = threading.Thread(target=lambda: (work(), result.append(torch.get_num_threads())))
    thread.start()
    thread.join()
    return result[0]


def test_a_helper_thread_uses_one_cpu_thread_and_a_training_thread_all_of_them() -> None:
    machine = training_threads()
    assert _in_thread(use_one_thread_here) == 1
    assert _in_thread(use_all_threads_here) == machine
    assert _in_thread(use_one_thread_here) == 1
    assert training_threads() == machine  # the machine's count is not lost along the way


def test_a_heavy_task_uses_all_cpu_threads_after_the_gui_chose_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Predicting over a split is not slowed by the GUI thread's own choice of one thread."""
    from torchdesk.desktop.tasks import Cpu, TaskManager

    _in_thread(use_one_thread_here)  # what the GUI thread does after loading; the count is shared
    manager = TaskManager()
    results: list[int] = []
    task = manager.start(lambda state: torch.get_num_threads(), "count", Cpu.HEAVY)
    task.succeeded.connect(results.append)
    qtbot.waitUntil(lambda: not manager.running(), timeout=10_000)
    assert results == [training_threads()] and task.threads_used == training_threads()
