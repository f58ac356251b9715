"""Learning-rate schedules from plugins, as the factor function the Trainer applies at each step."""

from __future__ import annotations

import math
from typing import Any, Callable

from torchdesk.core.i18n import translate
from torchdesk.core.plugin_errors import PluginComponentError, attributed, build_callable, describe_origin

Factor = Callable[[float], float]
LEGACY_NAMES = ("constant", "cosine")


def schedule_for(registry: Any, scheduler_id: str, params: dict[str, Any], total_epochs: int) -> str | Factor:
    """What the Trainer's ``lr_schedule`` takes: the scheduler plugin's factor, or a built-in name.

    A registry without scheduler plugins (a hand-made one in a script or test) still runs
    the two schedules torchdesk always had, ``constant`` and ``cosine``, by name.
    """
    if scheduler_id in LEGACY_NAMES and not any(s.id == scheduler_id for s in registry.schedulers()):
        return scheduler_id
    return build_schedule(registry, scheduler_id, params, total_epochs)


def build_schedule(registry: Any, scheduler_id: str, params: dict[str, Any], total_epochs: int) -> Factor:
    """``factor(epoch)`` of the scheduler ``scheduler_id``; a factor that is not a finite number ≥ 0 names the plugin."""
    spec = registry.scheduler(scheduler_id)
    factor = attributed(build_callable(spec, translate("schedulers", "a function factor(epoch) -> float"),
                                       total_epochs=int(total_epochs), **spec.resolve_params(params)),
                        spec, translate("schedulers", "to compute the learning rate"))

    def checked(epoch: float) -> float:
        value = factor(epoch)
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and number >= 0):
            raise PluginComponentError(translate("schedulers", "The scheduler {id} from {origin} gave the factor "
                                                               "{factor} at epoch {epoch:.2f}; it must be a finite "
                                                               "number of at least 0.").format(
                id=repr(spec.id), origin=describe_origin(spec), factor=str(value)[:40], epoch=epoch))
        return number

    return checked
