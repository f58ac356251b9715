"""The Model panel's controller: builds (or snapshots) the inspected model as a task and decides what it may see.

It owns the one :class:`~torchdesk.core.inspect.inspection.Inspection` on screen,
starts build tasks through the app's task API (a new build supersedes the old one),
keeps a copy of the app's current model following its weights, and answers whether a
sample fits the inspected model (the app's one compatibility check, ``AppState.fit``),
remembering when the person chose to see activations anyway.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from torchdesk.core.compatibility import DataIdentity, Fit, ModelIdentity
from torchdesk.core.inspect.inspection import Inspection, build_and_inspect, inspect_model
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import TaskRunner, TaskState


class ModelController(QObject):
    """Builds what the chooser asks for off the GUI thread and holds the result.

    Signals: ``building(str)`` (a title), then ``built(Inspection)`` or ``failed(message, detail)``.
    """

    building = Signal(str)
    built = Signal(object)
    failed = Signal(str, str)

    def __init__(self, state: AppState, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner
        self.inspection: Inspection | None = None
        self._shown_anyway: set[tuple[ModelIdentity, DataIdentity]] = set()

    def running(self) -> bool:
        """Whether a build is under way (or its result has not arrived yet)."""
        return self.runner.running()

    # -- building ---------------------------------------------------------------------------------
    def build_plugin_model(self, spec: Any, params: dict[str, Any], identity: ModelIdentity) -> None:
        """Build model plugin ``spec`` with ``params`` for ``identity`` and inspect it."""
        self._start(lambda task: build_and_inspect(spec, params, identity), spec.name)

    def build_current_model(self) -> None:
        """Inspect a snapshot of the app's current model (it may be training: never touch the original)."""
        predictor = self.state.predictor
        if predictor is None:
            raise RuntimeError("The app has no current model yet: train one, load a checkpoint, "
                               "or inspect a model from the plugins instead.")
        title = predictor.source or type(predictor.model).__name__

        def work(task: TaskState) -> Inspection:
            snapshot = predictor.snapshot()
            return inspect_model(snapshot.model, predictor.identity, title, live=True, transform=snapshot.transform)

        self._start(work, title)

    def _start(self, work: Callable[[TaskState], Inspection], title: str) -> None:
        self.building.emit(title)
        self.runner.start(work, f"Model panel: inspect {title}", self._on_built,
                          on_failure=lambda message, detail: self.failed.emit(message, detail))

    def _on_built(self, inspection: Inspection) -> None:
        self.inspection = inspection
        self.built.emit(inspection)

    def follow_current_model(self) -> bool:
        """Copy the current model's new weights into the inspected snapshot; False when that is not possible."""
        predictor = self.state.predictor
        if self.inspection is None or not self.inspection.live or predictor is None:
            return False
        try:
            self.inspection.model.load_state_dict(predictor.model.state_dict())
        except Exception:
            return False  # a different architecture now: the next build shows it
        return True

    # -- fitting ----------------------------------------------------------------------------------
    def fit(self, data: DataIdentity) -> Fit:
        """Whether the inspected model's activations mean something for a sample of ``data``."""
        inspection = self.inspection
        if inspection is None:
            return Fit(True)
        return self.state.fit(data, inspection.identity)  # the app's one check, on the inspected model

    def shown_anyway(self, data: DataIdentity) -> bool:
        """Whether the person asked to see this model's activations on ``data`` although it does not fit."""
        return self.inspection is not None and (self.inspection.identity, data) in self._shown_anyway

    def show_anyway(self, data: DataIdentity) -> None:
        """Remember that the person wants activations on ``data`` for the inspected model."""
        if self.inspection is not None:
            self._shown_anyway.add((self.inspection.identity, data))
