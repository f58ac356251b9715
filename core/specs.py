"""Typed component specs: what a plugin hands the registry.

Every model, dataset, transform, optimizer and loss is described by a frozen
dataclass carrying an ``id``, a display ``name``, a one-line ``description``, a
parameter schema (:class:`Param`) and a ``factory``. The GUI builds its forms,
the CLI its ``--*-param`` flags and checkpoints their metadata from the schema,
so a plugin never writes UI code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ClassVar, Mapping, Sequence

PARAM_TYPES = ("int", "float", "bool", "str", "choice", "path")
# The most classes a data set may have. Labels read from files are checked against it before
# anything is sized from them: the test pass keeps a classes × classes confusion matrix.
MAX_CLASSES = 1000


class ParamError(ValueError):
    """A parameter value does not fit its schema; the message says which and why."""


class DatasetFilesMissing(FileNotFoundError):
    """A dataset factory's files are not in the folder the person chose (a ``path`` parameter, say).

    ``folder`` is that folder, so the 'not found' message names it rather than the data folder.
    """

    def __init__(self, message: str, folder: str | Path) -> None:
        super().__init__(message)
        self.folder = Path(folder)


@dataclass(frozen=True)
class Param:
    """One typed, bounded parameter of a component.

    ``type`` is one of ``int``, ``float``, ``bool``, ``str``, ``choice`` or ``path``.
    ``minimum``/``maximum`` bound numbers, ``choices`` lists the allowed values
    of a ``choice``; ``help`` becomes the tooltip in the GUI and the CLI help.
    """

    name: str
    type: str
    default: Any
    help: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] = ()
    label: str = ""

    def __post_init__(self) -> None:
        if self.type not in PARAM_TYPES:
            raise ParamError(f"parameter {self.name!r}: unknown type {self.type!r} (use one of {', '.join(PARAM_TYPES)})")
        if self.type == "choice" and not self.choices:
            raise ParamError(f"parameter {self.name!r}: a choice needs at least one choice")

    @property
    def display_label(self) -> str:
        """The label shown next to the widget: ``label`` or the name made readable."""
        return self.label or self.name.replace("_", " ").capitalize()

    def coerce(self, value: Any) -> Any:
        """Convert ``value`` (possibly a string from the CLI or QSettings) and check it."""
        try:
            if self.type == "int":
                if isinstance(value, str):
                    value = float(value) if any(c in value for c in ".eE") else int(value)
                if isinstance(value, float) and not value.is_integer():
                    raise ValueError
                value = int(value)
            elif self.type == "float":
                value = float(value)
                if math.isnan(value):
                    raise ValueError
            elif self.type == "bool":
                if isinstance(value, str):
                    lowered = value.strip().lower()
                    if lowered in ("1", "true", "yes", "on"):
                        value = True
                    elif lowered in ("0", "false", "no", "off"):
                        value = False
                    else:
                        raise ValueError
                value = bool(value)
            elif self.type in ("str", "path"):
                value = str(value)
            elif self.type == "choice":
                for choice in self.choices:
                    if value == choice or str(value) == str(choice):
                        return choice
                raise ParamError(
                    f"{self.name}: {value!r} is not one of {', '.join(map(str, self.choices))}"
                )
        except ParamError:
            raise
        except (TypeError, ValueError):
            raise ParamError(f"{self.name}: {value!r} is not a valid {self.type}") from None
        if self.type in ("int", "float"):
            if self.minimum is not None and value < self.minimum:
                raise ParamError(f"{self.name}: {value} is below the minimum {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise ParamError(f"{self.name}: {value} is above the maximum {self.maximum}")
        return value


@dataclass(frozen=True)
class ComponentSpec:
    """Fields shared by every kind of component a plugin can offer."""

    kind: ClassVar[str] = "component"

    id: str
    name: str
    description: str
    factory: Callable[..., Any]
    params: tuple[Param, ...] = ()
    # Filled in by the registry: which plugin and distribution offered the spec.
    plugin: str = field(default="", compare=False)
    distribution: str = field(default="", compare=False)
    version: str = field(default="", compare=False)

    def param(self, name: str) -> Param:
        """The schema entry called ``name``."""
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise ParamError(f"{self.kind} {self.id!r} has no parameter {name!r} (it has: {known})")

    def defaults(self) -> dict[str, Any]:
        """The schema's default values, by name."""
        return {p.name: p.default for p in self.params}

    def resolve_params(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Defaults overlaid with ``values``, each coerced and checked against the schema."""
        resolved = self.defaults()
        for name, value in (values or {}).items():
            resolved[name] = self.param(name).coerce(value)
        return resolved


@dataclass(frozen=True)
class ModelSpec(ComponentSpec):
    """A model: ``factory(input_shape=(C, H, W), num_classes=N, **params) -> nn.Module``."""

    kind: ClassVar[str] = "model"


@dataclass(frozen=True)
class DatasetSpec(ComponentSpec):
    """A dataset: ``factory(root, train, download, transform, target_transform, **params)``.

    The factory returns a ``torch.utils.data.Dataset`` of ``(image, label)`` pairs
    (a PIL image before transforms). ``class_names``, ``input_shape``, ``mean`` and
    ``std`` describe it where they are known up front; ``files`` lists the files a
    person must place under ``root`` when it cannot be downloaded.
    """

    kind: ClassVar[str] = "dataset"

    class_names: tuple[str, ...] = ()
    input_shape: tuple[int, int, int] | None = None
    mean: tuple[float, ...] = ()
    std: tuple[float, ...] = ()
    files: tuple[str, ...] = ()
    downloadable: bool = False


@dataclass(frozen=True)
class TransformSpec(ComponentSpec):
    """A transform: ``factory(**params)`` returns a callable on one sample.

    ``target`` marks a transform of the label rather than the image. Where
    ``batch_factory`` is given it returns a callable applied to a whole float batch
    ``(N, C, H, W)`` on the training device, which lets the engine keep the data
    set resident as one tensor; ``random`` marks augmentations (train split only).
    """

    kind: ClassVar[str] = "transform"

    target: bool = False
    batch_factory: Callable[..., Any] | None = None
    random: bool = False


@dataclass(frozen=True)
class OptimizerSpec(ComponentSpec):
    """An optimizer: ``factory(parameters, lr=..., **params) -> torch.optim.Optimizer``."""

    kind: ClassVar[str] = "optimizer"


@dataclass(frozen=True)
class LossSpec(ComponentSpec):
    """A loss: ``factory(num_classes=N, **params)`` returns ``loss(logits, class_indices)``.

    Losses take the model's raw logits and integer labels; one that needs log
    probabilities or one-hot targets (NLLLoss, MSELoss) converts inside.
    """

    kind: ClassVar[str] = "loss"


SPEC_KINDS: dict[str, type[ComponentSpec]] = {
    cls.kind: cls for cls in (ModelSpec, DatasetSpec, TransformSpec, OptimizerSpec, LossSpec)
}


def params_from_sequence(params: Sequence[Param]) -> tuple[Param, ...]:
    """A schema tuple from any sequence of :class:`Param`, rejecting duplicate names."""
    seen: set[str] = set()
    for p in params:
        if p.name in seen:
            raise ParamError(f"parameter {p.name!r} is declared twice")
        seen.add(p.name)
    return tuple(params)
