"""The Model panel's controller: builds (or snapshots) the inspected model as a task and decides what it may see.

It owns the one :class:`~torchdesk.core.inspect.inspection.Inspection` on screen,
starts build tasks through the app's task API (a new build supersedes the old one),
keeps a copy of the app's current model following its weights, and answers whether a
sample fits the inspected model (the app's one compatibility check, ``AppState.fit``),
remembering when the person chose to see activations anyway.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from torch import nn

from torchdesk.core.checkpoint import UntrustedFileError
from torchdesk.core.compatibility import DataIdentity, Fit, ModelIdentity
from torchdesk.core.i18n import component_text
from torchdesk.core.inspect.inspection import Inspection, build_and_inspect, inspect_model
from torchdesk.core.model_files import FileModel, OpenedModel, open_model_file
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import TaskRunner, TaskState


class ModelController(QObject):
    """Builds what the chooser asks for off the GUI thread and holds the result.

    Signals: ``building(str)`` (a title), then ``built(Inspection)`` or ``failed(message, detail)``;
    opening a file that runs code asks first: ``trust_needed(path, message)``.
    """

    building = Signal(str)
    built = Signal(object)
    failed = Signal(str, str)
    trust_needed = Signal(str, str)

    def __init__(self, state: AppState, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = runner
        self.inspection: Inspection | None = None
        self.opened_file: OpenedModel | None = None  # the model file on screen (None for a plugin or the app's model)
        self._shown_anyway: set[tuple[ModelIdentity, DataIdentity]] = set()

    def running(self) -> bool:
        """Whether a build is under way (or its result has not arrived yet)."""
        return self.runner.running()

    # -- building ---------------------------------------------------------------------------------
    def build_plugin_model(self, spec: Any, params: dict[str, Any], identity: ModelIdentity) -> None:
        """Build model plugin ``spec`` with ``params`` for ``identity`` and inspect it."""
        self._start(lambda task: build_and_inspect(spec, params, identity), component_text(spec.name))

    def build_current_model(self) -> None:
        """Inspect a snapshot of the app's current model (it may be training: never touch the original)."""
        predictor = self.state.predictor
        if predictor is None:
            raise RuntimeError(translate("ModelController", "The app has no current model yet: train one, load a "
                                                            "checkpoint, or inspect a model from the plugins instead."))
        title = predictor.source or type(predictor.model).__name__

        def work(task: TaskState) -> Inspection:
            snapshot = predictor.snapshot()
            return inspect_model(snapshot.model, predictor.identity, title, live=True, transform=snapshot.transform)

        self._start(work, title)

    def _start(self, work: Callable[[TaskState], Inspection], title: str) -> None:
        self.building.emit(title)
        self.runner.start(work, translate("ModelController", "Model panel: inspect {title}").format(title=title),
                          self._on_built,
                          on_failure=lambda message, detail: self.failed.emit(message, detail))

    def _on_built(self, inspection: Inspection) -> None:
        self.opened_file = None
        self.inspection = inspection
        self.built.emit(inspection)

    # -- model files ------------------------------------------------------------------------------
    def open_file(self, path: str | Path, trust: bool = False, dataset_id: str = "") -> None:
        """Open a model file as a task and show it; a file that would run code first emits ``trust_needed``."""
        path = Path(path)

        def work(task: TaskState) -> Any:
            try:
                opened = open_model_file(path, trust=trust, dataset_id=dataset_id)
            except UntrustedFileError as exc:
                return _NeedsTrust(str(path), str(exc))
            return opened, file_inspection(opened)

        self.building.emit(path.name)
        self.runner.start(work, translate("ModelController", "Model panel: open {name}").format(name=path.name),
                          self._on_file_opened,
                          on_failure=lambda message, detail: self.failed.emit(message, detail))

    def _on_file_opened(self, result: Any) -> None:
        if isinstance(result, _NeedsTrust):
            self.trust_needed.emit(result.path, result.message)
            return
        opened, inspection = result
        self.opened_file = opened
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


class _NeedsTrust:
    """A task's answer for a file that runs code when opened: the panel asks the person, then opens it trusted."""

    def __init__(self, path: str, message: str) -> None:
        self.path, self.message = path, message


def file_inspection(opened: OpenedModel) -> Inspection:
    """What the Model panel's views show for an opened file.

    A module described by core.inspect (a checkpoint, a state dict with its model, a
    trusted pickled model) is inspected like any other; a TorchScript module, a
    program or an ONNX graph stands behind an empty ``nn.Sequential`` (no layers to
    hook), so the weights and activations column stays empty.
    """
    module = opened.module if isinstance(opened.module, nn.Module) and not isinstance(opened.module, FileModel) \
        else nn.Sequential()
    shape = opened.input_shape if opened.input_shape and len(opened.input_shape) == 3 else (1, 28, 28)
    identity = ModelIdentity(dataset_id=opened.dataset_id, class_names=tuple(opened.class_names),
                             input_shape=tuple(int(s) for s in shape))  # type: ignore[arg-type]
    return Inspection(module, opened.summary, opened.graph, identity, opened.title)
