"""Models typed in the playground's Python mode, offered to every panel as the plugin ``playground``.

A learner who types the walkthrough's ``class NeuralNetwork(nn.Module)`` should be able to
inspect it, train it with live curves and draw on it, like any plugin model. The worker
sends the model (an instance or its class) pickled by value with cloudpickle, the way
Dask and Ray move user-defined classes; :class:`PlaygroundModels` rebuilds it in the app
and registers it as a :class:`~torchdesk.core.specs.ModelSpec` ``playground.<name>``, so the
Model, Train and Classify pickers offer it with no code of their own.

Rebuilding runs the person's code in the app's process. That is only ever done with what
Python mode (which the person switched on for code they trust) sends.
"""

from __future__ import annotations

import copy
import types
from typing import Any

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import translate
from torchdesk.core.specs import DatasetSpec, ModelSpec, TransformSpec

PLUGIN_NAME = "playground"
ATTRIBUTE = "_torchdesk_playground_components"


def rebuild(payload: bytes) -> Any:
    """The model a worker sent, rebuilt from its pickled-by-value code (off the GUI thread: it may be large).

    This runs the person's own code, and only what the Python mode they chose sends.
    """
    import cloudpickle

    return cloudpickle.loads(payload)


class PlaygroundModels:
    """What the playground sent (models, datasets, transforms), registered in ``registry`` as the plugin ``playground``."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self.models: dict[str, tuple[str, Any]] = {}
        self.extras: dict[str, dict[str, Any]] = {}
        self._attach(registry)

    @classmethod
    def for_registry(cls, registry: Any) -> "PlaygroundModels":
        """The one set of playground components of ``registry`` (the playground panel's and the file openers')."""
        existing = getattr(registry, ATTRIBUTE, None)
        return existing if isinstance(existing, cls) else cls(registry)

    def _attach(self, registry: Any) -> None:
        try:
            setattr(registry, ATTRIBUTE, self)
        except AttributeError:  # a registry stand-in that takes no attributes
            pass

    def add(self, name: str, kind: str, model: Any, source: str = "", notes: dict[str, Any] | None = None) -> str:
        """Offer the rebuilt object ``name`` of ``kind`` (see :mod:`.sendable`); returns its spec id.

        ``source`` is the code of a model class typed in the playground, kept in its checkpoints.
        """
        self.models[name] = (kind, model)
        self.extras[name] = {"source": source, "notes": dict(notes or {})}
        self._register()
        return spec_id(name)

    def add_class_from_source(self, record: dict[str, str]) -> str:
        """Offer a model class rebuilt from a checkpoint's saved source (the person trusted the file)."""
        from torchdesk.core.playground.source_models import class_from_source

        cls = class_from_source(record)
        name = record["id"].removeprefix(f"{PLUGIN_NAME}.")
        return self.add(name, "class", cls, source=record["source"])

    def follow(self, registry: Any) -> bool:
        """Offer the models in ``registry`` too when a plugin rescan replaced the registry; True when it did."""
        self._attach(registry)
        if registry is self.registry or not self.models:
            self.registry = registry
            return False
        self.registry = registry
        self._register()
        return True

    def _register(self) -> None:
        hooks: dict[str, list[Any]] = {"torchdesk_models": [], "torchdesk_datasets": [], "torchdesk_transforms": []}
        for name, (kind, value) in self.models.items():
            extra = self.extras.get(name, {})
            hook, spec = _spec(name, kind, value, extra.get("source", ""), extra.get("notes", {}))
            hooks[hook].append(spec)
        plugin = types.SimpleNamespace(**{hook: hookimpl(lambda specs=specs: specs)
                                          for hook, specs in hooks.items() if specs})
        self.registry.unregister_plugin(PLUGIN_NAME)
        self.registry.register_plugin(plugin, PLUGIN_NAME, distribution="the playground (Python mode)")


def spec_id(name: str) -> str:
    """The id a playground model ``name`` has in the pickers, run files and checkpoints."""
    return f"{PLUGIN_NAME}.{name}"


def _spec(name: str, kind: str, value: Any, source: str, notes: dict[str, Any]) -> tuple[str, Any]:
    """(hook name, spec) offering ``value``."""
    from torchdesk.core.playground import sendable

    label = translate("shared_models", "{name} (from the playground)").format(name=name)
    if kind in (sendable.DATASET, sendable.DATASET_CLASS):
        return "torchdesk_datasets", _dataset_spec(name, kind, value, notes, label)
    if kind == sendable.TRANSFORM:
        def make_transform(**_params: Any) -> Any:
            return copy.deepcopy(value)
        return "torchdesk_transforms", TransformSpec(
            id=spec_id(name), name=label, factory=make_transform,
            description=translate("shared_models", "Typed in the playground's Python mode: {name}, applied to each "
                                                   "image after ToTensor.").format(name=name))
    type_name = value.__name__ if kind == "class" else type(value).__name__
    if kind == "class":
        def factory(input_shape: Any = None, num_classes: int = 10, **_params: Any) -> Any:
            return value()
        how = translate("shared_models", "the class {type}, built with no arguments for each run").format(type=type_name)
    else:
        def factory(input_shape: Any = None, num_classes: int = 10, **_params: Any) -> Any:
            return copy.deepcopy(value)
        how = translate("shared_models", "a copy of the {type} in the variable {name}, with its weights as they were "
                                         "when sent").format(type=type_name, name=name)
    from torchdesk.core.playground.source_models import source_payload

    record = source_payload(spec_id(name), type_name, source, kind) if source else None
    return "torchdesk_models", ModelSpec(
        id=spec_id(name), name=label, factory=factory, source=record,
        description=translate("shared_models", "Typed in the playground's Python mode: {how}.").format(how=how))


def _dataset_spec(name: str, kind: str, value: Any, notes: dict[str, Any], label: str) -> DatasetSpec:
    from torchdesk.core.playground.sent_datasets import dataset_factory

    classes = tuple(notes.get("classes") or getattr(value, "classes", None) or ())
    if kind == "dataset":
        how = translate("shared_models", "the dataset in the variable {name} ({size} samples)").format(
            name=name, size=f"{int(notes.get('size', 0)):,}")
    else:
        how = translate("shared_models", "the Dataset class {name}, given the data folder and the split").format(
            name=name)
    return DatasetSpec(id=spec_id(name), name=label, factory=dataset_factory(kind, value),
                       class_names=tuple(str(c) for c in classes if isinstance(c, str)),
                       description=translate("shared_models", "Typed in the playground's Python mode: {how}.").format(
                           how=how))
