"""A task that ends at once still reports back: its runner connects before the thread starts."""

from __future__ import annotations

import time
from typing import Any

import pytest

from torchdesk.desktop.tasks import Task, TaskManager, TaskRunner


def test_a_task_that_fails_at_once_is_heard_even_when_the_gui_thread_is_slow(
        qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    start = Task.start

    def start_then_be_preempted(task: Task, *args: Any) -> None:
        start(task, *args)
        time.sleep(0.2)  # the GUI thread loses the CPU: the task has long failed when it goes on

    monkeypatch.setattr(Task, "start", start_then_be_preempted)
    manager = TaskManager()
    runner = TaskRunner(manager)
    failures: list[str] = []
    results: list[Any] = []
    runner.start(lambda s: 1 / 0, "fails at once", results.append, lambda message, _detail: failures.append(message))
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    runner.start(lambda s: 42, "succeeds at once", results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5_000)
    manager.shutdown()
    assert manager.running() == []
