"""The playground's worker process: whatever the code does, the run ends, the app's side stays small, and variables survive when they can."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from torchdesk.core.playground.kernel import MAX_LINE_CHARS, OutputLimiter
from torchdesk.core.playground.kernel_client import PlaygroundKernel

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def kernel():
    worker = PlaygroundKernel(memory_cap=1536 * 2**20, grace_s=1.0)
    yield worker
    worker.close()
    assert not worker.alive


def names(outcome) -> set[str]:
    return {row.name for row in outcome.rows}


def stop_after(seconds: float) -> threading.Event:
    stop = threading.Event()
    timer = threading.Timer(seconds, stop.set)
    timer.daemon = True
    timer.start()
    return stop


def test_runs_stream_output_and_keep_variables_between_runs(kernel) -> None:
    kernel.reset()
    chunks: list[str] = []
    outcome = kernel.run("x = torch.arange(6).reshape(2, 3)\nprint(x.sum())", on_output=chunks.append)
    assert outcome.result.ok and "".join(chunks) == "tensor(15)\n"
    assert names(outcome) == {"x"} and not outcome.restarted
    pid = kernel.pid
    outcome = kernel.run("y = x * 2\nprint(y[1, 2].item())", on_output=chunks.append)
    assert outcome.result.ok and chunks[-1] == "10\n" and names(outcome) == {"x", "y"}
    assert kernel.pid == pid and kernel.pid != os.getpid()


def test_a_million_character_print_reaches_the_app_clipped(kernel) -> None:
    chunks: list[str] = []
    outcome = kernel.run("print('a' * 1000000)\nprint('done')", on_output=chunks.append)
    printed = "".join(chunks)
    assert outcome.result.ok
    assert len(printed) < MAX_LINE_CHARS + 200
    assert printed.startswith("a" * MAX_LINE_CHARS) and "998,000 more characters on this line" in printed
    assert printed.endswith("done\n")


def test_output_limiter_clips_lines_and_runs() -> None:
    limiter = OutputLimiter(max_total=120, max_line=10)
    shown = limiter.feed("0123456789ABC\nshort\n") + limiter.feed("x" * 100 + "\n") + limiter.feed("line\n" * 100)
    assert shown.startswith("0123456789 … (3 more characters on this line)\nshort\nxxxxxxxxxx … (90 more characters")
    assert "the rest of this run's output is not shown" in shown
    assert limiter.closed and limiter.feed("ignored") == ""


def test_memory_past_the_cap_fails_inside_the_run_and_keeps_the_variables(kernel) -> None:
    kernel.reset()
    kernel.run("keep = torch.ones(3)")
    pid = kernel.pid
    outcome = kernel.run("xs = []\nwhile True:\n    xs.append(torch.ones(10_000_000))")
    problem = outcome.result.error
    assert problem.kind == "limit" and "out of memory" in problem.message and "1.5 GB" in problem.message
    assert "enforce fail" not in problem.message
    assert {"keep", "xs"} <= names(outcome) and kernel.pid == pid and not outcome.restarted
    kernel.reset()


def test_interrupting_python_level_code_stops_it_softly(kernel) -> None:
    kernel.reset()
    pid = kernel.pid
    outcome = kernel.run("i = 0\nwhile True:\n    i += 1", stop=stop_after(0.5))
    assert outcome.result.error.kind == "interrupted" and not outcome.restarted
    assert "i" in names(outcome) and kernel.pid == pid


def test_one_long_c_call_that_ignores_interrupt_is_killed_and_the_worker_restarts(kernel) -> None:
    kernel.run("y = torch.randn(20_000_000)")
    started = time.monotonic()
    outcome = kernel.run("while True:\n    z = y.sort()", stop=stop_after(0.5))
    assert time.monotonic() - started < 0.5 + kernel.grace_s + 3.0
    assert outcome.restarted and outcome.rows == []
    assert "did not stop within" in outcome.result.error.message and "every variable is gone" in outcome.result.error.message
    after = kernel.run("print(1 + 1)")
    assert after.result.ok and after.rows == []  # a fresh worker: y is gone, and it says so above


def test_a_worker_that_dies_is_reported_and_replaced(kernel) -> None:
    kernel.run("a = 1")
    victim = kernel.pid

    def kill_soon() -> None:
        time.sleep(0.5)
        os.kill(victim, signal.SIGKILL)

    threading.Thread(target=kill_soon, daemon=True).start()
    outcome = kernel.run("i = 0\nwhile True:\n    i += 1")
    assert outcome.restarted and "ended unexpectedly (signal 9)" in outcome.result.error.message
    assert kernel.run("b = 2").result.ok and kernel.pid != victim


def test_the_time_limit_stops_a_run_and_says_how_to_raise_it() -> None:
    worker = PlaygroundKernel(time_limit_s=1.0, grace_s=1.0)
    try:
        outcome = worker.run("i = 0\nwhile True:\n    i += 1")
        problem = outcome.result.error
        assert problem.kind == "limit" and "limit of 1 s" in problem.message
        assert "TORCHDESK_PLAYGROUND_TIME_LIMIT" in problem.message and "i" in names(outcome)
    finally:
        worker.close()


def test_views_come_from_the_worker_bounded(kernel) -> None:
    kernel.reset()
    outcome = kernel.run(
        "w = torch.randn(3, requires_grad=True)\nloss = (w * 2).sum()\nbig = torch.randn(300, 400)\n"
        "d = {'a': [1, 2]}\nnest = [1]\nfor k in range(20):\n    nest = [nest, nest]")
    assert outcome.result.ok, outcome.result.problems
    loss = kernel.view("loss")
    assert loss.caption == "loss: Tensor of shape (), float32" and loss.graph is not None
    assert {node.name for node in loss.graph.by_kind("leaf")} == {"w"}
    big = kernel.view("big")
    assert big.array.shape == (300, 400) and big.histogram is not None and sum(big.histogram[0]) == 120_000
    assert kernel.view("d").text == "{'a': [1, 2]}"
    assert len(kernel.view("nest").text) < 10_000  # 2**20 leaves, shown a few levels deep
    assert kernel.view("missing") is None
