"""How many CPU threads a training run uses, measured while it runs.

PyTorch's threads wait for each other at every operation. When another process
holds a core, the thread that shares it runs only part of the time and every
operation waits for it: on this project's 2-core machine, with one core busy, the
walkthrough MLP trained 27× slower on 2 threads than on 1. The core count says
nothing about that; only the batch rate does. So a :class:`ThreadTuner` listens to
the run's ``BatchEnd`` events (on the training thread), measures the samples per
second at each candidate count over a few batches, keeps the fastest, watches the
rate and measures again now and then, sooner when the rate changes.

Work elsewhere in the app (a Data-panel task, predictions) is known, not guessed:
while :data:`~torchdesk.core.threads.cpu_budget` reports some, the run leaves that
work a core. A count fixed by the person (``OMP_NUM_THREADS``,
``torchdesk train --threads``) is used as it is.

The decisions take their clock, thread setter and load reading as arguments, so
tests drive them with fake rates instead of timing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

from torchdesk.core.events import BatchEnd, Failed, Finished, StateChanged
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate

# The shortest measurement of one count: long enough that a timer tick or one slow batch does not decide.
MIN_WINDOW_S = 0.15
# A measured rate within this fraction of the best counts as a tie; ties go to fewer threads,
# which leave a core to the rest of the machine and suffer less when load comes back.
TIE = 0.03
# A candidate whose rate is below this fraction of the best known one is abandoned early:
# measuring it longer would only spend time at a bad count.
CLEARLY_WORSE = 0.5
# A count whose very first batch (which pays for waking its threads) ran at under this fraction of the
# best known rate is abandoned at once: the 27x slowdown of a busy core costs one batch, not three.
HOPELESS = 0.25


@dataclass(frozen=True)
class ThreadsChosen:
    """Event: the training run now uses ``threads`` of the ``available`` CPU threads.

    ``reason`` says why in words; ``rates`` are the samples per second measured at
    each count (empty when nothing was measured).
    """

    threads: int
    available: int
    reason: str
    rates: dict[int, float] = field(default_factory=dict)


def describe_threads(event: ThreadsChosen) -> str:
    """One log line: ``CPU threads: 1 of 2 (measured: 1 → 2,480 samples/s, 2 → 310 samples/s)``."""
    reason = translate("thread_tuner", event.reason)  # the reasons below are marked; a plugin's stays as it is
    if event.rates:
        rates = ", ".join(translate("thread_tuner", "{count} → {rate:,.0f} samples/s").format(count=count, rate=rate)
                          for count, rate in sorted(event.rates.items()))
        return translate("thread_tuner", "CPU threads: {threads} of {available} ({reason}: {rates})").format(
            threads=event.threads, available=event.available, reason=reason, rates=rates)
    return translate("thread_tuner", "CPU threads: {threads} of {available} ({reason})").format(
        threads=event.threads, available=event.available, reason=reason)


def candidate_counts(available: int) -> list[int]:
    """The thread counts worth measuring: powers of two below ``available``, and ``available``."""
    counts, count = [], 1
    while count < available:
        counts.append(count)
        count *= 2
    counts.append(max(1, available))
    return counts


def best_count(rates: dict[int, float], tie: float = TIE) -> int:
    """The count with the highest rate; among counts within ``tie`` of it, the fewest threads."""
    top = max(rates.values())
    return min(count for count, rate in rates.items() if rate >= top * (1.0 - tie))


@dataclass
class _Window:
    """Batches timed at one thread count."""

    threads: int
    skip: int  # batches still to let pass (a new team's first batch is slower)
    started: float | None = None
    samples: int = 0
    batches: int = 0


class ThreadTuner:
    """Chooses a training run's thread count from measured batch rates; a listener of the run's events.

    ``set_threads(n)`` applies a count (``torch.set_num_threads`` on the training
    thread), ``announce(event)`` tells the run's listeners (a :class:`ThreadsChosen`),
    ``clock()`` is the time in seconds and ``other_work()`` the number of other pieces of
    work the app runs now. With ``fixed`` the count is that and nothing is measured.
    ``restore_to`` is the count the thread gets back when the run ends.
    """

    def __init__(self, available: int, set_threads: Callable[[int], None],
                 announce: Callable[[ThreadsChosen], None] = lambda event: None,
                 clock: Callable[[], float] = time.perf_counter, other_work: Callable[[], int] = lambda: 0,
                 fixed: int | None = None, restore_to: int | None = None, min_window_s: float | None = None,
                 min_window_batches: int = 3, watch_window_s: float = 1.0, first_recheck_s: float = 10.0,
                 max_recheck_s: float = 60.0, drift: float = 0.35) -> None:
        self.available = max(1, int(available))
        self._set_threads = set_threads
        self._announce = announce
        self._clock = clock
        self._other_work = other_work
        self.fixed = fixed
        self.restore_to = restore_to
        self.min_window_s = MIN_WINDOW_S if min_window_s is None else min_window_s
        self.min_window_batches = min_window_batches
        self.watch_window_s = watch_window_s
        self.first_recheck_s = first_recheck_s
        self.max_recheck_s = max_recheck_s
        self.drift = drift
        self.threads = fixed if fixed is not None else self.available
        self.chosen: int | None = None
        self.rates: dict[int, float] = {}
        self._to_measure: list[int] = []
        self._window: _Window | None = None
        self._reference_rate = 0.0  # the chosen count's rate over a whole watch window
        self._recheck_after = first_recheck_s
        self._next_recheck = float("inf")
        self._load = 0
        self._load_seen = (0, 0)  # (load, consecutive batches it was seen)
        self._restart = False
        self._started = False
        self._last_done = 0

    # -- the listener -----------------------------------------------------------------
    def __call__(self, event: Any) -> None:
        """Hear one engine event; thread changes happen here, between batches."""
        if isinstance(event, BatchEnd):
            samples = event.samples_done - self._last_done if event.batch > 1 else event.samples_done
            self._last_done = event.samples_done
            self.batch_done(batch=event.batch, samples=max(int(samples), 0))
        elif isinstance(event, StateChanged):
            self._restart = True  # a pause is no measurement
        elif isinstance(event, (Finished, Failed)) and self.restore_to is not None and self._started:
            self._set_threads(self.restore_to)

    def batch_done(self, batch: int, samples: int) -> None:
        """One training batch of ``samples`` samples ended now (``batch`` is its 1-based index in the epoch)."""
        now = self._clock()
        if self.fixed is not None:
            if self.chosen is None:  # said once, with the first batch
                self.chosen = self.fixed
                self._apply(self.fixed, QT_TRANSLATE_NOOP("thread_tuner", "fixed by OMP_NUM_THREADS or --threads"),
                            force=not self._started)
                self._started = True
            return
        if not self._started:  # the first batch: its time holds the run's warm-up, so it only starts the count
            self.begin()
        if self._load_changed():
            self._start_measuring(now, reason_if_one=QT_TRANSLATE_NOOP("thread_tuner", "other work in the app"))
            return
        window = self._window
        if window is None:
            return
        if batch == 1 or self._restart:  # the time since the last batch held a test pass or a pause
            self._restart = False
            self._window = _Window(window.threads, skip=max(window.skip - 1, 0), started=now)
            return
        if window.skip > 0:
            best_known = max(self.rates.values(), default=0.0)
            elapsed = now - (window.started if window.started is not None else now)
            if self._to_measure and elapsed > 0 and samples / elapsed < best_known * HOPELESS:
                self._record(window.threads, samples / elapsed, now)  # even a first batch is not that slow
                return
            window.skip -= 1
            window.started = now
            return
        window.samples += samples
        window.batches += 1
        elapsed = now - (window.started if window.started is not None else now)
        rate = window.samples / elapsed if elapsed > 0 else float("inf")
        if self._to_measure:
            self._measuring(window, rate, elapsed, now)
        elif elapsed >= self.watch_window_s:
            self._watching(rate, now)

    def begin(self) -> None:
        """Start the run on the fewest threads and measure upward (:func:`tuner_for_run` calls it before training).

        Fewest first: on a busy machine that is the fast count, and its rate lets a slow
        larger count be abandoned after a batch or two.
        """
        if self._started:
            return
        self._started = True
        if self.fixed is None:
            self._start_measuring(self._clock())
        else:
            self._set_threads(self.fixed)
            self.threads = self.fixed

    # -- decisions --------------------------------------------------------------------
    def cap(self) -> int:
        """The most threads the run may use now: the machine's, less a core for each other piece of work."""
        return max(1, self.available - self._load)

    def _load_changed(self) -> bool:
        """Whether the app's other work changed and stayed so for two batches (a passing prediction does not count)."""
        load = max(0, int(self._other_work()))
        seen, times = self._load_seen
        self._load_seen = (load, times + 1 if load == seen else 1)
        if load != self._load and self._load_seen[1] >= 2:
            self._load = load
            return True
        return False

    def _measuring(self, window: _Window, rate: float, elapsed: float, now: float) -> None:
        best_known = max(self.rates.values(), default=0.0)
        enough = window.batches >= self.min_window_batches and elapsed >= self.min_window_s
        clearly_worse = window.batches >= 2 and self.rates and rate < best_known * CLEARLY_WORSE
        if enough or clearly_worse:
            self._record(window.threads, rate, now)

    def _record(self, threads: int, rate: float, now: float) -> None:
        self.rates[threads] = rate
        self._to_measure.pop(0)
        self._next_candidate(now)

    def _watching(self, rate: float, now: float) -> None:
        if self._reference_rate <= 0:
            self._reference_rate = rate
        elif abs(rate - self._reference_rate) > self.drift * self._reference_rate:
            self._recheck_after = self.first_recheck_s  # the machine changed: look again now
            self._start_measuring(now)
            return
        if now >= self._next_recheck:
            self._start_measuring(now)
        else:
            self._window = _Window(self.threads, skip=0, started=now)

    def _start_measuring(self, now: float, reason_if_one: str = "") -> None:
        counts = [count for count in candidate_counts(self.available) if count <= self.cap()]
        if len(counts) <= 1:
            only = QT_TRANSLATE_NOOP("thread_tuner", "the only choice")
            self._choose(counts[0] if counts else 1, reason_if_one or only, now)
            return
        self._to_measure = counts  # fewest first (see begin)
        self.rates = {}
        self._next_candidate(now)

    def _next_candidate(self, now: float) -> None:
        if not self._to_measure:
            self._choose(best_count(self.rates), QT_TRANSLATE_NOOP("thread_tuner", "measured"), now)
            return
        count = self._to_measure[0]
        self._window = _Window(count, skip=1 if count != self.threads else 0, started=now)
        self._set(count)

    def _choose(self, count: int, reason: str, now: float) -> None:
        self._to_measure = []
        if count == self.chosen and reason == "measured":
            self._recheck_after = min(self._recheck_after * 2, self.max_recheck_s)
        else:
            self._recheck_after = self.first_recheck_s
        self._next_recheck = now + self._recheck_after
        self._reference_rate = 0.0
        self._window = _Window(count, skip=1 if count != self.threads else 0, started=now)
        announce = count != self.chosen or reason != "measured"
        self.chosen = count
        self._apply(count, reason, announce=announce)

    def _apply(self, count: int, reason: str, force: bool = False, announce: bool = True) -> None:
        if force:
            self._set_threads(count)
            self.threads = count
        else:
            self._set(count)
        if announce:
            self._announce(ThreadsChosen(threads=count, available=self.available, reason=reason,
                                         rates=dict(self.rates)))

    def _set(self, count: int) -> None:
        if count != self.threads:
            self._set_threads(count)
            self.threads = count


def tuner_for_run(device: Any, distributed: bool, announce: Callable[[Any], None]) -> ThreadTuner | None:
    """The tuner for a run on ``device``; ``None`` where CPU threads do not train (a GPU, a distributed run)."""
    import torch

    from torchdesk.core.threads import cpu_budget, fixed_training_threads, training_threads

    if getattr(device, "type", "cpu") != "cpu" or distributed:
        return None
    tuner = ThreadTuner(available=training_threads(), set_threads=torch.set_num_threads, announce=announce,
                        other_work=cpu_budget.other_work_running, fixed=fixed_training_threads(),
                        restore_to=torch.get_num_threads())
    tuner.begin()
    return tuner
