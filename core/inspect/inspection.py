"""One look at a model, computed once off the GUI thread: its summary, its graph and what it is for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

import torch
from torch import nn

from torchdesk.core.compatibility import ModelIdentity
from torchdesk.core.i18n import component_text, translate
from torchdesk.core.inspect.graph import ModelGraph, build_graph
from torchdesk.core.inspect.summary import ModelSummary, summarize


@dataclass
class Inspection:
    """A built (or copied) model and everything computed from it once.

    ``identity`` says what data the model is for, so activations are only computed on
    samples that fit it; ``transform`` is the input pipeline of a copied app model
    (None for a freshly built one, which sees raw ``[0, 1]`` pixels).
    """

    model: nn.Module
    summary: ModelSummary
    graph: ModelGraph
    identity: ModelIdentity
    title: str
    live: bool = False  # a copy of the app's current model
    transform: Callable[[torch.Tensor], torch.Tensor] | None = None

    @property
    def input_shape(self) -> tuple[int, int, int]:
        """The ``(C, H, W)`` the model is inspected with."""
        return self.identity.input_shape

    @property
    def class_names(self) -> list[str]:
        """The names of the classes the model predicts."""
        return list(self.identity.class_names)


def inspect_model(model: nn.Module, identity: ModelIdentity, title: str, live: bool = False,
                  transform: Callable[[torch.Tensor], torch.Tensor] | None = None) -> Inspection:
    """Summary and graph of ``model`` for its identity's input shape (a build task's work)."""
    summary = summarize(model, identity.input_shape)
    graph = build_graph(model, identity.input_shape)
    return Inspection(model, summary, graph, identity, title, live, transform)


def build_and_inspect(spec: Any, params: dict[str, Any], identity: ModelIdentity) -> Inspection:
    """Build model plugin ``spec`` for ``identity``'s input shape and classes, then inspect it."""
    model = spec.factory(input_shape=identity.input_shape, num_classes=len(identity.class_names), **params)
    if not isinstance(model, nn.Module):
        raise TypeError(translate("inspect", "model {id} returned {type}, not an nn.Module").format(
            id=repr(spec.id), type=type(model).__name__))
    return inspect_model(model, identity, component_text(spec.name))


def registry_identity(dataset_id: str, class_names: Sequence[str], input_shape: Sequence[int]) -> ModelIdentity:
    """What a model built from a plugin is for: the chosen dataset (or none), classes and input shape."""
    return ModelIdentity(dataset_id=dataset_id, class_names=tuple(class_names),
                         input_shape=tuple(int(s) for s in input_shape))  # type: ignore[arg-type]
