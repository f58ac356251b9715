"""Built-in learning-rate schedulers: constant, cosine, step decay and one-cycle.

Each factory returns ``factor(epoch) -> float``, the multiple of the run's learning
rate after ``epoch`` epochs (fractions included), so the schedule is a pure function
of progress and a resumed run continues it exactly.
"""

from __future__ import annotations

import math
from typing import Callable

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.specs import Param, SchedulerSpec

Factor = Callable[[float], float]


def build_constant(total_epochs: int) -> Factor:
    """The walkthrough's fixed learning rate."""
    return lambda epoch: 1.0


def build_cosine(total_epochs: int) -> Factor:
    """Half a cosine from the full rate down to 0 at the end of the run."""
    total = max(int(total_epochs), 1)
    return lambda epoch: 0.5 * (1.0 + math.cos(math.pi * min(max(epoch / total, 0.0), 1.0)))


def build_step(total_epochs: int, step_epochs: int = 10, gamma: float = 0.1) -> Factor:
    """Multiply the rate by ``gamma`` every ``step_epochs`` epochs (``torch.optim.lr_scheduler.StepLR``)."""
    return lambda epoch: gamma ** math.floor(max(epoch, 0.0) / step_epochs)


def build_one_cycle(total_epochs: int, warmup_fraction: float = 0.3, start_divisor: float = 25.0,
                    end_divisor: float = 1e4) -> Factor:
    """Leslie Smith's one-cycle policy: up from ``1/start_divisor`` to the full rate, then cosine down.

    The run's learning rate is the peak; the end is ``1/(start_divisor × end_divisor)`` of it.
    """
    total = max(int(total_epochs), 1)
    low, end = 1.0 / start_divisor, 1.0 / (start_divisor * end_divisor)

    def factor(epoch: float) -> float:
        progress = min(max(epoch / total, 0.0), 1.0)
        if progress < warmup_fraction:
            t = progress / warmup_fraction
            return low + (1.0 - low) * 0.5 * (1.0 - math.cos(math.pi * t))
        t = (progress - warmup_fraction) / max(1.0 - warmup_fraction, 1e-12)
        return end + (1.0 - end) * 0.5 * (1.0 + math.cos(math.pi * t))

    return factor


@hookimpl
def torchdesk_schedulers() -> list[SchedulerSpec]:
    """The built-in learning-rate schedules."""
    return [
        SchedulerSpec(id="cosine", name=QT_TRANSLATE_NOOP("components", "Cosine (anneal to 0)"), factory=build_cosine,
                      description=QT_TRANSLATE_NOOP("components",
                                                    "Lowers the learning rate smoothly to zero by the last batch.")),
        SchedulerSpec(id="constant", name=QT_TRANSLATE_NOOP("components", "Constant (as in the walkthrough)"),
                      factory=build_constant,
                      description=QT_TRANSLATE_NOOP("components", "Keeps the learning rate fixed for the whole run.")),
        SchedulerSpec(
            id="step", name=QT_TRANSLATE_NOOP("components", "Step decay"), factory=build_step,
            description=QT_TRANSLATE_NOOP("components", "Multiplies the learning rate by gamma every few epochs."),
            params=(Param("step_epochs", "int", 10, QT_TRANSLATE_NOOP("components", "Epochs between two decays."),
                          minimum=1, maximum=100_000, label=QT_TRANSLATE_NOOP("components", "Step epochs")),
                    Param("gamma", "float", 0.1, QT_TRANSLATE_NOOP("components", "Factor applied at each decay."),
                          minimum=0.0, maximum=1.0, label=QT_TRANSLATE_NOOP("components", "Gamma"))),
        ),
        SchedulerSpec(
            id="one-cycle", name=QT_TRANSLATE_NOOP("components", "One-cycle"), factory=build_one_cycle,
            description=QT_TRANSLATE_NOOP(
                "components", "Warms up to the learning rate, then anneals far below it (fast convergence)."),
            params=(Param("warmup_fraction", "float", 0.3,
                          QT_TRANSLATE_NOOP("components", "Part of the run spent warming up."),
                          minimum=0.0, maximum=0.99, label=QT_TRANSLATE_NOOP("components", "Warmup fraction")),
                    Param("start_divisor", "float", 25.0,
                          QT_TRANSLATE_NOOP("components", "The rate starts at lr / this."),
                          minimum=1.0, maximum=1e6, label=QT_TRANSLATE_NOOP("components", "Start divisor")),
                    Param("end_divisor", "float", 1e4,
                          QT_TRANSLATE_NOOP("components", "The rate ends at the start rate / this."),
                          minimum=1.0, maximum=1e9, label=QT_TRANSLATE_NOOP("components", "End divisor"))),
        ),
    ]
