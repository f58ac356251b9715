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

from torchdesk.core.i18n import translate

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

    def train(self, model: Any, dataset: Any = "mnist", epochs: int = 1) -> None:
        """Train ``model`` for ``epochs`` in the Train panel on ``dataset``: an id (mnist, fashion-mnist…) or a
        Dataset typed here (sent to the panels too)."""
        if not isinstance(epochs, int) or isinstance(epochs, bool) or epochs < 1:
            raise ValueError(translate(
                "playground.desk",
                "desk.train(model, dataset='mnist', epochs=1): dataset is an id, epochs a whole number >= 1"))
        if not isinstance(dataset, str):
            dataset = self._send_dataset(dataset)  # None without an app: _send below says so
        self._send("train", model, {"dataset": dataset, "epochs": epochs})

    def classify(self, model: Any, dataset: str = "mnist") -> None:
        """Make ``model`` the app's current model, to draw on in the Classify panel (``dataset`` names its classes)."""
        self._send("classify", model, {"dataset": dataset})

    def __repr__(self) -> str:
        return "<desk: desk.show(model), desk.train(model, dataset='mnist', epochs=1), desk.classify(model)>"

    def _name_of(self, value: Any) -> str:
        return next((key for key, item in self._namespace.items()
                     if item is value and key.isidentifier() and not key.startswith("_")),
                    getattr(value, "__name__", type(value).__name__))

    def _send_dataset(self, dataset: Any) -> str | None:
        """Send a Dataset to the panels first; returns its id there (None without an app)."""
        from torchdesk.core.playground.sendable import DATASET, DATASET_CLASS, pack
        from torchdesk.core.playground.shared_models import spec_id

        name = self._name_of(dataset)
        packed = pack(name, dataset)
        if isinstance(packed, str) or packed.kind not in (DATASET, DATASET_CLASS):
            raise TypeError(packed if isinstance(packed, str) else translate(
                "playground.desk", "desk.train(model, dataset=...): dataset is an id or a Dataset, not {type}"
            ).format(type=type(dataset).__name__))
        sink = self._sink()
        if sink is None:
            return None
        sink("add", name, packed.kind, packed.payload, {"notes": packed.notes})
        return spec_id(name)

    def _send(self, action: str, model: Any, options: dict[str, Any]) -> None:
        from torchdesk.core.playground.sendable import MODEL, MODEL_CLASS, kind_of, pack

        if kind_of(model) not in (MODEL, MODEL_CLASS):
            raise TypeError(translate(
                "playground.desk", "desk.{action} takes a model (an nn.Module or a subclass of it), not {type}"
            ).format(action=action, type=type(model).__name__))
        sink = self._sink()
        if sink is None:
            print(translate("playground.desk", "desk.{action}: no app is attached to this session (a headless "
                            "PythonSession); nothing was sent.").format(action=action))
            return
        name = self._name_of(model)
        packed = pack(name, model)
        if isinstance(packed, str):
            raise TypeError(packed)
        sink(action, name, packed.kind, packed.payload, {**options, "source": packed.source})
        print(translate("playground.desk", "desk.{action}: {name} sent to the app.").format(action=action, name=name))
