"""Metrics from plugins, computed on each test pass and stored in the epoch's record.

Each metric object has ``reset()``, ``update(logits, labels)`` and ``compute()``. The
Trainer hands every test batch's logits and labels to :meth:`MetricSet.update` and
records :meth:`MetricSet.compute`'s values in the epoch record as ``metric:<id>``,
which the Train panel plots and checkpoints keep in their history.
"""

from __future__ import annotations

import math
from typing import Any, Iterable

from torchdesk.core.i18n import translate
from torchdesk.core.plugin_errors import attributed, build_component
from torchdesk.core.specs import ComponentSpec

RECORD_PREFIX = "metric:"


def record_key(metric_id: str) -> str:
    """The key of a metric in an epoch record (``metric:top5-accuracy``)."""
    return RECORD_PREFIX + metric_id


def metric_values(record: dict[str, Any]) -> dict[str, float]:
    """The metric values of an epoch record, by metric id."""
    return {key[len(RECORD_PREFIX):]: value for key, value in record.items()
            if isinstance(key, str) and key.startswith(RECORD_PREFIX) and isinstance(value, (int, float))}


class MetricSet:
    """The run's metrics: reset before each test pass, fed each batch, computed at its end."""

    def __init__(self, metrics: Iterable[tuple[ComponentSpec, Any]] = ()) -> None:
        self._metrics = [(spec, attributed(m.reset, spec, translate("metrics", "to reset")),
                          attributed(m.update, spec, translate("metrics", "on a test batch")),
                          attributed(m.compute, spec, translate("metrics", "to compute its value")))
                         for spec, m in metrics]

    def __bool__(self) -> bool:
        return bool(self._metrics)

    @property
    def specs(self) -> list[ComponentSpec]:
        """The metrics' specs, in the order chosen."""
        return [entry[0] for entry in self._metrics]

    def reset(self) -> None:
        """Forget the previous test pass."""
        for _spec, reset, _update, _compute in self._metrics:
            reset()

    def update(self, logits: Any, labels: Any) -> None:
        """Count one test batch (logits ``(B, N)``, class indices ``(B,)``)."""
        for _spec, _reset, update, _compute in self._metrics:
            update(logits, labels)

    def compute(self) -> dict[str, float]:
        """Each metric's value by its record key; a value that is not a number is NaN."""
        values = {}
        for spec, _reset, _update, compute in self._metrics:
            try:
                value = float(compute())
            except (TypeError, ValueError):
                value = math.nan
            values[record_key(spec.id)] = value
        return values


def build_metrics(registry: Any, choices: Iterable[Any], num_classes: int) -> MetricSet:
    """The chosen metrics (``ComponentChoice``) built for ``num_classes`` classes."""
    built = []
    for choice in choices:
        spec = registry.metric(choice.id)
        metric = build_component(spec, num_classes=int(num_classes), **spec.resolve_params(choice.params))
        for method in ("reset", "update", "compute"):
            if not callable(getattr(metric, method, None)):
                from torchdesk.core.plugin_errors import PluginComponentError, describe_origin

                raise PluginComponentError(translate("metrics", "The metric {id} from {origin} built a {type} without "
                                                                "a {method}() method; a metric needs reset(), "
                                                                "update(logits, labels) and compute().").format(
                    id=repr(spec.id), origin=describe_origin(spec), type=type(metric).__name__, method=method))
        built.append((spec, metric))
    return MetricSet(built)
