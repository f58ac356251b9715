"""``desk``: the app, from code typed in the playground's Python mode.

``desk.show(model)`` opens a model in the Model panel, ``desk.train(model, dataset="mnist",
epochs=1)`` trains it in the Train panel with live curves, and ``desk.classify(model)``
makes it the model the Classify panel draws on. Each call sends the model from the worker
to the app pickled by value (as "Use in panels" does) with what to do with it; the app
registers it as ``playground.<name>`` and acts. Without an app (a headless
:class:`~torchdesk.core.playground.PythonSession`), the calls say so and do nothing.
"""

from __future__ import annotations

from typing import Any, Callable

DeskSink = Callable[[str, str, str, bytes, dict[str, Any]], None]
"""``sink(action, name, kind, payload, options)``: where the worker sends a desk request."""


class Desk:
    """Show, train or classify a model in the app's panels, from code."""

    def __init__(self, namespace: dict[str, Any], sink: Callable[[], DeskSink | None] = lambda: None) -> None:
        self._namespace = namespace
        self._sink = sink

    def show(self, model: Any) -> None:
        """Open ``model`` (an ``nn.Module`` or its class) in the Model panel: layers, shapes, graph."""
        self._send("show", model, {})

    def train(self, model: Any, dataset: str = "mnist", epochs: int = 1) -> None:
        """Train ``model`` on ``dataset`` (a dataset id: mnist, fashion-mnist…) for ``epochs`` in the Train panel."""
        if not isinstance(dataset, str) or not isinstance(epochs, int) or isinstance(epochs, bool) or epochs < 1:
            raise ValueError("desk.train(model, dataset='mnist', epochs=1): dataset is an id, epochs a whole number >= 1")
        self._send("train", model, {"dataset": dataset, "epochs": epochs})

    def classify(self, model: Any, dataset: str = "mnist") -> None:
        """Make ``model`` the app's current model, to draw on in the Classify panel (``dataset`` names its classes)."""
        self._send("classify", model, {"dataset": dataset})

    def __repr__(self) -> str:
        return "<desk: desk.show(model), desk.train(model, dataset='mnist', epochs=1), desk.classify(model)>"

    def _send(self, action: str, model: Any, options: dict[str, Any]) -> None:
        import cloudpickle
        import torch

        if isinstance(model, torch.nn.Module):
            kind = "instance"
        elif isinstance(model, type) and issubclass(model, torch.nn.Module):
            kind = "class"
        else:
            raise TypeError(f"desk.{action} takes a model (an nn.Module or a subclass of it), not {type(model).__name__}")
        sink = self._sink()
        if sink is None:
            print(f"desk.{action}: no app is attached to this session (a headless PythonSession); nothing was sent.")
            return
        name = next((key for key, value in self._namespace.items()
                     if value is model and key.isidentifier() and not key.startswith("_")),
                    getattr(model, "__name__", type(model).__name__))
        sink(action, name, kind, cloudpickle.dumps(model), options)
        print(f"desk.{action}: {name} sent to the app.")
