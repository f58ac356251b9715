"""The training run's thread count follows the machine as it is: decisions driven by simulated rates, no timing."""

from __future__ import annotations

from typing import Callable

import pytest

from torchdesk.core.events import BatchEnd, Finished, StateChanged
from torchdesk.core.thread_tuner import (ThreadsChosen, ThreadTuner, best_count, candidate_counts,
                                         describe_threads)

BATCH = 64


class Machine:
    """A simulated machine: each batch takes ``BATCH / rate(threads, now)`` seconds on a fake clock."""

    def __init__(self, rate: Callable[[int, float], float], available: int = 2, other_work: Callable[[], int] = lambda: 0,
                 fixed: int | None = None) -> None:
        self.now = 0.0
        self.rate = rate
        self.set_calls: list[int] = []
        self.events: list[ThreadsChosen] = []
        self.tuner = ThreadTuner(available=available, set_threads=self.set_calls.append, announce=self.events.append,
                                 clock=lambda: self.now, other_work=other_work, fixed=fixed, restore_to=available)
        self.tuner.begin()  # as tuner_for_run does before training starts

    def train(self, batches: int, batches_per_epoch: int = 10_000, test_pass_s: float = 0.0) -> float:
        """Run ``batches`` batches through the tuner; the simulated seconds they took."""
        start = self.now
        for index in range(batches):
            batch = index % batches_per_epoch + 1
            if batch == 1 and index > 0:
                self.now += test_pass_s  # the previous epoch's test pass
            self.now += BATCH / self.rate(self.tuner.threads, self.now)
            self.tuner.batch_done(batch=batch, samples=BATCH)
        return self.now - start


def fixed_rates(rates: dict[int, float]) -> Callable[[int, float], float]:
    return lambda threads, now: rates[threads]


def time_at(rates: dict[int, float], threads: int, batches: int) -> float:
    return batches * BATCH / rates[threads]


def test_one_busy_core_makes_it_train_on_the_free_one_within_15_percent_of_the_best_fixed_count() -> None:
    busy = {1: 12_000.0, 2: 450.0}  # the measurement: 2 threads 27x slower with one core taken
    machine = Machine(fixed_rates(busy))
    seconds = machine.train(940)  # two epochs of 30,000 samples at batch 64
    assert machine.tuner.threads == 1
    assert machine.events[0] == ThreadsChosen(1, 2, "measured", machine.events[0].rates)
    assert machine.events[0].rates[1] > machine.events[0].rates[2]
    assert seconds <= 1.15 * time_at(busy, 1, 940)


def test_a_quiet_machine_trains_on_all_threads_within_5_percent_of_the_best_fixed_count() -> None:
    quiet = {1: 2_000.0, 2: 3_400.0}
    machine = Machine(fixed_rates(quiet))
    seconds = machine.train(5_000)
    assert machine.tuner.threads == 2
    assert [event.threads for event in machine.events] == [2]  # re-checks that confirm say nothing new
    assert seconds <= 1.05 * time_at(quiet, 2, 5_000)


def test_load_that_arrives_during_the_run_is_noticed_and_the_count_drops() -> None:
    def rate(threads: int, now: float) -> float:
        return (2_000.0 if threads == 1 else 3_400.0) if now < 20.0 else (1_800.0 if threads == 1 else 150.0)

    machine = Machine(rate)
    machine.train(3_000)
    assert [event.threads for event in machine.events] == [2, 1]
    switched_at = machine.now  # (not needed for the assert below, which is on the simulated batch count)
    assert switched_at > 20.0
    # After the load came, the run spent little time at the bad count: a few batches, not most of them.
    assert machine.set_calls[-1] == 1


def test_load_that_goes_away_gives_the_threads_back_at_a_re_check() -> None:
    def rate(threads: int, now: float) -> float:
        return (1_800.0 if threads == 1 else 150.0) if now < 5.0 else (2_000.0 if threads == 1 else 3_400.0)

    machine = Machine(rate)
    machine.train(6_000)
    assert [event.threads for event in machine.events] == [1, 2]


def test_counts_that_measure_the_same_go_to_fewer_threads() -> None:
    assert best_count({1: 1000.0, 2: 1010.0}) == 1
    assert best_count({1: 1000.0, 2: 1200.0}) == 2
    assert best_count({1: 500.0, 2: 900.0, 4: 910.0}) == 2
    machine = Machine(fixed_rates({1: 3_000.0, 2: 3_030.0}))
    machine.train(200)
    assert machine.tuner.threads == 1


def test_other_work_in_the_app_gets_a_core_without_measuring() -> None:
    load = [0]
    machine = Machine(fixed_rates({1: 2_000.0, 2: 3_400.0}), other_work=lambda: load[0])
    machine.train(100)
    assert machine.tuner.threads == 2
    load[0] = 1  # a Data-panel task starts
    machine.train(3)
    assert machine.tuner.threads == 1
    assert machine.events[-1].reason == "other work in the app"
    assert machine.events[-1].threads == 1
    load[0] = 0  # it ended: measured again, and the threads come back
    machine.train(100)
    assert machine.tuner.threads == 2


def test_a_passing_prediction_does_not_move_the_threads() -> None:
    calls = [0]

    def other_work() -> int:  # busy on one batch end only
        calls[0] += 1
        return 1 if calls[0] == 50 else 0

    machine = Machine(fixed_rates({1: 2_000.0, 2: 3_400.0}), other_work=other_work)
    machine.train(200)
    assert [event.threads for event in machine.events] == [2]


def test_a_fixed_count_is_used_as_it_is_and_announced_once() -> None:
    machine = Machine(fixed_rates({1: 12_000.0, 2: 450.0}), fixed=2)
    machine.train(300)
    assert machine.set_calls == [2]
    assert [(e.threads, e.reason) for e in machine.events] == [(2, "fixed by OMP_NUM_THREADS or --threads")]


def test_the_test_pass_between_epochs_is_not_counted_as_a_slow_batch() -> None:
    quiet = {1: 2_000.0, 2: 3_400.0}
    machine = Machine(fixed_rates(quiet))
    machine.train(2_000, batches_per_epoch=40, test_pass_s=5.0)  # a long test pass after every 40 batches
    assert [event.threads for event in machine.events] == [2]


def test_one_thread_machines_have_nothing_to_choose() -> None:
    machine = Machine(fixed_rates({1: 1_000.0}), available=1)
    machine.train(20)
    assert machine.tuner.threads == 1
    assert [event.reason for event in machine.events] == ["the only choice"]


def test_candidates_are_powers_of_two_and_the_machine_count() -> None:
    assert candidate_counts(1) == [1]
    assert candidate_counts(2) == [1, 2]
    assert candidate_counts(6) == [1, 2, 4, 6]
    assert candidate_counts(16) == [1, 2, 4, 8, 16]


def test_the_tuner_listens_to_engine_events_and_gives_the_thread_back_at_the_end() -> None:
    now = [0.0]
    set_calls: list[int] = []
    tuner = ThreadTuner(available=2, set_threads=set_calls.append, clock=lambda: now[0], restore_to=2)
    for batch in range(1, 40):
        now[0] += 0.01 if tuner.threads == 1 else 0.5
        tuner(BatchEnd(epoch=1, step=batch, batch=batch, batches_per_epoch=100, loss=1.0, samples_per_s=0.0,
                       samples_done=64 * batch, samples_total=6400, seconds_left=0.0))
        if batch == 20:
            tuner(StateChanged(paused=True))
            now[0] += 100.0  # a long pause is not a slow batch
            tuner(StateChanged(paused=False))
    assert tuner.threads == 1
    tuner(Finished(cancelled=False, epochs_done=1))
    assert set_calls[-1] == 2


def test_the_log_line_names_the_count_and_the_rates() -> None:
    text = describe_threads(ThreadsChosen(1, 2, "measured", {1: 2480.4, 2: 310.0}))
    assert text == "CPU threads: 1 of 2 (measured: 1 → 2,480 samples/s, 2 → 310 samples/s)"


@pytest.mark.parametrize("rates", [{1: 12_000.0, 2: 450.0}, {1: 2_000.0, 2: 3_400.0}, {1: 2_000.0, 2: 2_100.0}])
def test_never_much_worse_than_the_best_fixed_count_over_a_short_run(rates: dict[int, float]) -> None:
    machine = Machine(fixed_rates(rates))
    seconds = machine.train(300)
    best = min(time_at(rates, threads, 300) for threads in rates)
    assert seconds <= 1.15 * best


# -- in the engine ------------------------------------------------------------------------------------
def test_a_cpu_run_reports_the_thread_count_it_uses(mnist_root, monkeypatch: pytest.MonkeyPatch) -> None:
    from torchdesk.core import thread_tuner

    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)  # the test suite fixes it (conftest); a person does not
    monkeypatch.setattr(thread_tuner, "MIN_WINDOW_S", 0.0)  # decide within this short run's few batches
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run
    from torchdesk.core.threads import training_threads

    events: list = []
    run = build_run(RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("mlp", {"hidden": 32}),
                              epochs=1, batch_size=32, device="cpu", data_dir=str(mnist_root)),
                    listeners=[events.append])
    assert run.threads is not None and run.threads.fixed is None
    run.trainer.run()
    chosen = [event for event in events if isinstance(event, ThreadsChosen)]
    assert chosen and 1 <= chosen[-1].threads <= training_threads() == chosen[-1].available
    assert events.index(chosen[0]) < next(i for i, e in enumerate(events) if isinstance(e, Finished))


def test_omp_num_threads_or_an_explicit_count_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    import torch

    from torchdesk.core.thread_tuner import tuner_for_run
    from torchdesk.core.threads import fix_training_threads, fixed_training_threads, training_threads

    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    assert fixed_training_threads() is None
    monkeypatch.setenv("OMP_NUM_THREADS", str(training_threads()))
    assert tuner_for_run(torch.device("cpu"), False, print).fixed == training_threads()
    monkeypatch.delenv("OMP_NUM_THREADS")
    fix_training_threads(1)
    try:
        assert tuner_for_run(torch.device("cpu"), False, print).fixed == 1
        assert training_threads() == 1
    finally:
        fix_training_threads(None)
    with pytest.raises(ValueError, match="at least 1"):
        fix_training_threads(0)


def test_gpu_and_distributed_runs_have_no_cpu_thread_tuner() -> None:
    import torch

    from torchdesk.core.thread_tuner import tuner_for_run

    assert tuner_for_run(torch.device("cuda", 0), False, print) is None
    assert tuner_for_run(torch.device("cpu"), True, print) is None


def test_other_work_counts_each_thread_once_however_nested() -> None:
    import threading

    from torchdesk.core.threads import CpuBudget

    budget = CpuBudget()
    with budget.other_work():
        with budget.other_work():  # a prediction inside a heavy task
            assert budget.other_work_running() == 1
            seen: list[int] = []

            def elsewhere() -> None:
                with budget.other_work():
                    seen.append(budget.other_work_running())

            thread = threading.Thread(target=elsewhere)
            thread.start()
            thread.join()
            assert seen == [2]
        assert budget.other_work_running() == 1
    assert budget.other_work_running() == 0


def test_openmp_spins_briefly_unless_the_person_chose_a_policy_or_torch_already_loaded() -> None:
    from torchdesk.core.omp_env import SPIN_COUNT, prefer_short_spinning

    environ: dict[str, str] = {}
    assert prefer_short_spinning(environ, modules={}) and environ == {"GOMP_SPINCOUNT": SPIN_COUNT}
    for chosen in ({"OMP_WAIT_POLICY": "ACTIVE"}, {"GOMP_SPINCOUNT": "0"}):
        environ = dict(chosen)
        assert not prefer_short_spinning(environ, modules={}) and environ == chosen
    environ = {}
    assert not prefer_short_spinning(environ, modules={"torch": object()}) and environ == {}
