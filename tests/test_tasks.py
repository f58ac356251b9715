"""The app's one task API: results, errors, progress, cancellation, joining and the CPU budget."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
import torch

from torchdesk.core.progress import Cancelled
from torchdesk.core.threads import cpu_budget, training_threads
from torchdesk.desktop.tasks import Cpu, TaskManager, TaskRunner, TaskState


@pytest.fixture
def manager(qtbot: Any):  # type: ignore[no-untyped-def]
    manager = TaskManager()
    yield manager
    manager.shutdown()
    assert not manager.running()


def _wait_idle(qtbot: Any, manager: TaskManager) -> None:
    qtbot.waitUntil(lambda: not manager.running(), timeout=20_000)


def test_the_result_progress_and_partial_results_arrive_on_the_gui_thread_in_order(qtbot: Any,
                                                                                   manager: TaskManager) -> None:
    gui = threading.get_ident()
    heard: list[tuple[str, Any, bool]] = []

    def work(state: TaskState) -> str:
        for i in range(3):
            state.partial(i)
            state.progress(i + 1, 3)
        return "done"

    runner = TaskRunner(manager)
    runner.start(work, "three steps",
                 on_success=lambda r: heard.append(("result", r, threading.get_ident() == gui)),
                 on_partial=lambda v: heard.append(("partial", v, threading.get_ident() == gui)),
                 on_progress=lambda d, t: heard.append(("progress", (d, t), threading.get_ident() == gui)))
    _wait_idle(qtbot, manager)
    assert [h for h in heard if h[0] == "partial"] == [("partial", i, True) for i in range(3)]
    assert ("progress", (3, 3), True) in heard  # the last step always arrives, whatever the throttle
    assert heard[-1] == ("result", "done", True)
    assert not runner.running()


def test_an_exception_becomes_a_readable_message_with_the_traceback(qtbot: Any, manager: TaskManager) -> None:
    failures: list[tuple[str, str]] = []

    def broken(state: TaskState) -> None:
        raise ValueError("the file holds no images")

    TaskRunner(manager).start(broken, "broken", on_success=lambda r: None,
                              on_failure=lambda m, d: failures.append((m, d)))
    _wait_idle(qtbot, manager)
    [(message, detail)] = failures
    assert message == "the file holds no images"
    assert "Traceback" in detail and "ValueError" in detail


def test_cancelling_stops_the_work_and_calls_its_cancel_hooks(qtbot: Any, manager: TaskManager) -> None:
    hooked = threading.Event()
    outcome: list[str] = []

    def endless(state: TaskState) -> None:
        state.on_cancel(hooked.set)
        while True:
            if state.cancelled():
                raise Cancelled()
            time.sleep(0.01)

    runner = TaskRunner(manager)
    runner.start(endless, "endless", on_success=lambda r: outcome.append("success"),
                 on_cancel=lambda: outcome.append("cancelled"))
    qtbot.wait(50)
    assert runner.running()
    runner.cancel()
    _wait_idle(qtbot, manager)
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5_000)
    assert hooked.is_set()


def test_a_new_start_cancels_the_old_task_and_only_the_newest_is_heard(qtbot: Any, manager: TaskManager) -> None:
    heard: list[str] = []

    def slow(name: str):  # type: ignore[no-untyped-def]
        def work(state: TaskState) -> str:
            for _ in range(50):
                if state.cancelled():
                    return "stale " + name
                time.sleep(0.01)
            return name
        return work

    runner = TaskRunner(manager)
    runner.start(slow("old"), "old", on_success=heard.append)
    first = runner.task
    runner.start(slow("new"), "new", on_success=heard.append)
    assert first is not None and first.is_cancelling()
    _wait_idle(qtbot, manager)
    qtbot.waitUntil(lambda: heard == ["new"], timeout=5_000)


def test_shutdown_joins_every_task_and_refuses_new_ones(qtbot: Any) -> None:
    manager = TaskManager()
    started = threading.Event()

    def waits_for_cancel(state: TaskState) -> None:
        started.set()
        while not state.cancelled():
            time.sleep(0.01)

    tasks = [manager.start(waits_for_cancel, f"t{i}") for i in range(3)]
    assert started.wait(10)
    manager.shutdown()
    assert not manager.running()
    assert all(task.isFinished() for task in tasks)
    with pytest.raises(RuntimeError, match="closing"):
        manager.start(waits_for_cancel, "late")


def test_heavy_work_gets_one_thread_while_training_holds_the_cpu(qtbot: Any, manager: TaskManager) -> None:
    training_may_end = threading.Event()

    def training(state: TaskState) -> int:
        training_may_end.wait(20)
        return torch.get_num_threads()

    def statistics(state: TaskState) -> int:
        return torch.get_num_threads()

    train = manager.start(training, "training", Cpu.TRAINING)
    qtbot.waitUntil(lambda: cpu_budget.training_active, timeout=10_000)
    during = manager.start(statistics, "statistics", Cpu.HEAVY)
    qtbot.waitUntil(lambda: during.isFinished(), timeout=10_000)
    training_may_end.set()
    _wait_idle(qtbot, manager)
    assert train.threads_used == training_threads()
    assert during.threads_used == 1
    assert not cpu_budget.training_active  # released when the run ended
    after = manager.start(statistics, "statistics again", Cpu.HEAVY)
    _wait_idle(qtbot, manager)
    assert after.threads_used == training_threads()


def test_light_work_always_runs_on_one_thread(qtbot: Any, manager: TaskManager) -> None:
    results: list[int] = []
    task = manager.start(lambda state: torch.get_num_threads(), "predict a drawing", Cpu.LIGHT)
    task.succeeded.connect(results.append)
    _wait_idle(qtbot, manager)
    assert results == [1]
