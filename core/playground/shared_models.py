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
from torchdesk.core.specs import ModelSpec

PLUGIN_NAME = "playground"


def rebuild(payload: bytes) -> Any:
    """The model a worker sent, rebuilt from its pickled-by-value code (off the GUI thread: it may be large).

    This runs the person's own code, and only what the Python mode they chose sends.
    """
    import cloudpickle

    return cloudpickle.loads(payload)


class PlaygroundModels:
    """The models sent from the playground, registered in ``registry`` under the plugin ``playground``."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self.models: dict[str, tuple[str, Any]] = {}

    def add(self, name: str, kind: str, model: Any) -> str:
        """Offer the rebuilt model ``name`` (``kind`` ``"instance"`` or ``"class"``); returns its spec id."""
        self.models[name] = (kind, model)
        self._register()
        return spec_id(name)

    def follow(self, registry: Any) -> bool:
        """Offer the models in ``registry`` too when a plugin rescan replaced the registry; True when it did."""
        if registry is self.registry or not self.models:
            self.registry = registry
            return False
        self.registry = registry
        self._register()
        return True

    def _register(self) -> None:
        specs = [_spec(name, kind, model) for name, (kind, model) in self.models.items()]
        plugin = types.SimpleNamespace(torchdesk_models=hookimpl(lambda: specs))
        self.registry.unregister_plugin(PLUGIN_NAME)
        self.registry.register_plugin(plugin, PLUGIN_NAME, distribution="the playground (Python mode)")


def spec_id(name: str) -> str:
    """The id a playground model ``name`` has in the pickers, run files and checkpoints."""
    return f"{PLUGIN_NAME}.{name}"


def _spec(name: str, kind: str, model: Any) -> ModelSpec:
    type_name = model.__name__ if kind == "class" else type(model).__name__
    if kind == "class":
        def factory(input_shape: Any = None, num_classes: int = 10, **_params: Any) -> Any:
            return model()
        how = f"the class {type_name}, built with no arguments for each run"
    else:
        def factory(input_shape: Any = None, num_classes: int = 10, **_params: Any) -> Any:
            return copy.deepcopy(model)
        how = f"a copy of the {type_name} in the variable {name}, with its weights as they were when sent"
    return ModelSpec(id=spec_id(name), name=f"{name} (from the playground)",
                     description=f"Typed in the playground's Python mode: {how}.", factory=factory)
