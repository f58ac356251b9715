"""Typed component specs: what a plugin hands the registry.

Every model, dataset, transform, optimizer, loss, learning-rate scheduler, training
callback and metric is described by a frozen dataclass carrying an ``id``, a display
``name``, a one-line ``description``, a parameter schema (:class:`Param`), a
``factory`` and, optionally, a ``migrate`` function that turns the parameters a
checkpoint of an older release stored into this release's. The GUI builds its forms,
the CLI its ``--*-param`` flags and checkpoints their metadata from the schema,
so a plugin never writes UI code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ClassVar, Mapping, Sequence

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate

PARAM_TYPES = ("int", "float", "bool", "str", "choice", "path")
# The most classes a data set may have. Labels read from files are checked against it before
# anything is sized from them: the test pass keeps a classes × classes confusion matrix.
MAX_CLASSES = 1000
# Ids are typed on the command line and stored in files: letters, digits, '.', '_' and '-', nothing else.
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


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
            raise ParamError(translate("specs", "parameter {name}: unknown type {type} (use one of {types})").format(
                name=repr(self.name), type=repr(self.type), types=", ".join(PARAM_TYPES)))
        if self.type == "choice" and not self.choices:
            raise ParamError(translate("specs", "parameter {name}: a choice needs at least one choice").format(
                name=repr(self.name)))

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
                raise ParamError(translate("specs", "{name}: {value} is not one of {choices}").format(
                    name=self.name, value=repr(value), choices=", ".join(map(str, self.choices))))
        except ParamError:
            raise
        except (TypeError, ValueError):
            raise ParamError(translate("specs", "{name}: {value} is not a valid {type}").format(
                name=self.name, value=repr(value), type=self.type)) from None
        if self.type in ("int", "float"):
            if self.minimum is not None and value < self.minimum:
                raise ParamError(translate("specs", "{name}: {value} is below the minimum {minimum}").format(
                    name=self.name, value=value, minimum=self.minimum))
            if self.maximum is not None and value > self.maximum:
                raise ParamError(translate("specs", "{name}: {value} is above the maximum {maximum}").format(
                    name=self.name, value=value, maximum=self.maximum))
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
    # ``migrate(params, from_version) -> params``: a checkpoint made with another release of the plugin
    # stored ``params`` (every parameter, by name); return what this release expects. None: no migration.
    migrate: Callable[[dict[str, Any], str], dict[str, Any]] | None = field(default=None, compare=False)

    def param(self, name: str) -> Param:
        """The schema entry called ``name``."""
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or translate("specs", "none")
        raise ParamError(translate("specs", "{kind} {id} has no parameter {name} (it has: {known})").format(
            kind=kind_label(self.kind), id=repr(self.id), name=repr(name), known=known))

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
    # What a new run of this model starts with under the default optimizer (AdamW), chosen for the time to a
    # target test accuracy; 0 means the general run defaults (batch 64, lr 1e-3). See core/run_defaults.py.
    batch_size: int = 0
    lr: float = 0.0
    # A model typed in the playground: the record of its class's source, saved into its checkpoints so another
    # session can rebuild it once the person trusts the file (see core/playground/source_models.py).
    source: Mapping[str, str] | None = field(default=None, compare=False)


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


@dataclass(frozen=True)
class SchedulerSpec(ComponentSpec):
    """A learning-rate schedule: ``factory(total_epochs=N, **params)`` returns ``factor(epoch) -> float``.

    ``epoch`` is the fraction of epochs done so far (``2.5`` halfway through the third),
    from 0 up to ``total_epochs``; the learning rate of each step is the run's rate
    times ``factor(epoch)``. A pure function, so a resumed run continues the schedule.
    """

    kind: ClassVar[str] = "scheduler"


@dataclass(frozen=True)
class CallbackSpec(ComponentSpec):
    """A training callback: ``factory(**params)`` returns ``callback(event, control)``.

    It hears every :mod:`~torchdesk.core.events` event of the run on the training
    thread; ``control.stop(reason)`` ends the run after the current epoch
    (see :class:`torchdesk.core.callbacks.RunControl`).
    """

    kind: ClassVar[str] = "callback"


@dataclass(frozen=True)
class MetricSpec(ComponentSpec):
    """A metric of the test pass: ``factory(num_classes=N, **params)`` returns an object with
    ``reset()``, ``update(logits, labels)`` (each test batch) and ``compute() -> float`` (at epoch end).

    ``higher_is_better`` says which way is good (for plots and callbacks that watch it).
    """

    kind: ClassVar[str] = "metric"

    higher_is_better: bool = True


SPEC_KINDS: dict[str, type[ComponentSpec]] = {
    cls.kind: cls for cls in (ModelSpec, DatasetSpec, TransformSpec, OptimizerSpec, LossSpec, SchedulerSpec,
                              CallbackSpec, MetricSpec)
}


_KIND_NAMES = {
    "component": QT_TRANSLATE_NOOP("specs", "component"),
    "model": QT_TRANSLATE_NOOP("specs", "model"),
    "dataset": QT_TRANSLATE_NOOP("specs", "dataset"),
    "transform": QT_TRANSLATE_NOOP("specs", "transform"),
    "optimizer": QT_TRANSLATE_NOOP("specs", "optimizer"),
    "loss": QT_TRANSLATE_NOOP("specs", "loss"),
    "scheduler": QT_TRANSLATE_NOOP("specs", "scheduler"),
    "callback": QT_TRANSLATE_NOOP("specs", "callback"),
    "metric": QT_TRANSLATE_NOOP("specs", "metric"),
}
_KIND_PLURALS = {
    "component": QT_TRANSLATE_NOOP("specs", "components"),
    "model": QT_TRANSLATE_NOOP("specs", "models"),
    "dataset": QT_TRANSLATE_NOOP("specs", "datasets"),
    "transform": QT_TRANSLATE_NOOP("specs", "transforms"),
    "optimizer": QT_TRANSLATE_NOOP("specs", "optimizers"),
    "loss": QT_TRANSLATE_NOOP("specs", "losses"),
    "scheduler": QT_TRANSLATE_NOOP("specs", "schedulers"),
    "callback": QT_TRANSLATE_NOOP("specs", "callbacks"),
    "metric": QT_TRANSLATE_NOOP("specs", "metrics"),
}


def kind_label(kind: str) -> str:
    """A kind's name as people read it in the current language (``model`` in English); ids stay as they are."""
    return translate("specs", _KIND_NAMES[kind]) if kind in _KIND_NAMES else kind


def kind_plural(kind: str, count: int = 2) -> str:
    """``model``/``models``, ``loss``/``losses``: a kind's name for ``count`` of them (lists, messages), translated."""
    if count == 1:
        return kind_label(kind)
    if kind in _KIND_PLURALS:
        return translate("specs", _KIND_PLURALS[kind])
    return "losses" if kind == "loss" else kind + "s"


def spec_problems(spec: ComponentSpec) -> list[str]:
    """What makes ``spec`` unusable, one sentence each ([] when it is fine).

    The registry refuses a spec with problems and the plugin checker reports them: an id
    that cannot be typed on a command line, an empty name, parameters that are not
    unique Python names, and defaults outside their own bounds or choices.
    """
    problems: list[str] = []
    spec_id = spec.id if isinstance(spec.id, str) else ""
    if not ID_PATTERN.fullmatch(spec_id):
        problems.append(translate("specs", "its id {id} is not usable: an id is 1 to 100 letters, digits, "
                                           "'.', '_' or '-' (no spaces), starting with a letter or digit").format(
            id=_bounded_text(spec.id)))
    if not isinstance(spec.name, str) or not spec.name.strip():
        problems.append(translate("specs", "it has no display name"))
    if not isinstance(spec.description, str):
        problems.append(translate("specs", "its description is not text"))
    if not callable(spec.factory):
        problems.append(translate("specs", "its factory is not callable"))
    if spec.migrate is not None and not callable(spec.migrate):
        problems.append(translate("specs", "its migrate is not callable"))
    seen: set[str] = set()
    for param in spec.params if isinstance(spec.params, (tuple, list)) else ():
        if not isinstance(param, Param):
            problems.append(translate("specs", "its parameters hold {type}, not a Param").format(
                type=type(param).__name__))
            continue
        name = param.name if isinstance(param.name, str) else ""
        if not name.isidentifier():
            problems.append(translate("specs", "the parameter name {name} is not a Python name "
                                               "(it is passed to the factory as a keyword)").format(
                name=_bounded_text(param.name)))
        elif name in seen:
            problems.append(translate("specs", "the parameter {name} is declared twice").format(name=repr(name)))
        seen.add(name)
        problems.extend(translate("specs", "the parameter {name}: {problem}").format(name=repr(name), problem=text)
                        for text in _default_problems(param))
    return problems


def _default_problems(param: Param) -> list[str]:
    problems = []
    if param.minimum is not None and param.maximum is not None and param.minimum > param.maximum:
        problems.append(translate("specs", "its minimum {minimum} is above its maximum {maximum}").format(
            minimum=param.minimum, maximum=param.maximum))
    if param.type == "choice":
        if not any(param.default == choice for choice in param.choices):
            problems.append(translate("specs", "its default {default} is not one of its choices ({choices})").format(
                default=_bounded_text(param.default), choices=_bounded_text(", ".join(map(str, param.choices)))))
        return problems
    wanted = {"int": (int,), "float": (int, float), "bool": (bool,), "str": (str,), "path": (str,)}[param.type]
    if not isinstance(param.default, wanted) or (param.type in ("int", "float") and isinstance(param.default, bool)):
        problems.append(translate("specs", "its default {default} is not a {type}").format(
            default=_bounded_text(param.default), type=param.type))
        return problems
    try:
        param.coerce(param.default)
    except ParamError as exc:
        problems.append(translate("specs", "its default does not fit its own bounds ({reason})").format(reason=exc))
    return problems


def _bounded_text(value: Any, limit: int = 60) -> str:
    """``repr`` of short text, a cut at a word boundary for long text, the type name otherwise."""
    if isinstance(value, (int, float, bool)) or value is None:
        text = repr(value)
        return text if len(text) <= limit else translate("specs", "a {type} of {digits} digits").format(
            type=type(value).__name__, digits=len(text))
    if not isinstance(value, str):
        return translate("specs", "a {type}").format(type=type(value).__name__)
    if len(value) <= limit:
        return repr(value)
    cut = value[:limit].rsplit(" ", 1)[0] or value[:limit]
    return repr(cut) + translate("specs", "… ({count:,} characters)").format(count=len(value))


def params_from_sequence(params: Sequence[Param]) -> tuple[Param, ...]:
    """A schema tuple from any sequence of :class:`Param`, rejecting duplicate names."""
    seen: set[str] = set()
    for p in params:
        if p.name in seen:
            raise ParamError(translate("specs", "parameter {name} is declared twice").format(name=repr(p.name)))
        seen.add(p.name)
    return tuple(params)
