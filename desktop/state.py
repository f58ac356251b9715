"""The shared application state every panel talks to instead of to other panels."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from torchdesk.core.compatibility import DataIdentity, Fit, ModelIdentity, check_fit
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.userdirs import default_data_dir
from torchdesk.desktop.tasks import TaskManager

if TYPE_CHECKING:
    import torch

    from torchdesk.core.checkpoint import Checkpoint
    from torchdesk.core.predictor import Predictor
    from torchdesk.core.session import Run

DATA_DIR_KEY = "data/folder"  # in the window's settings file, outside every panel's group


class AppState(QObject):
    """What the app shares right now, and the signals that announce each change.

    One value each, set only through the methods here:

    * the data folder (:attr:`data_dir`, :meth:`set_data_dir`, ``data_dir_changed(str)``):
      a folder chosen in any panel is the folder everywhere;
    * the current model (:attr:`predictor`, ``predictor_changed(object)``) with its
      identity (:attr:`model_identity`) and :meth:`fit`, the one compatibility check;
    * the training run (:attr:`run`, :attr:`training_active`, ``training_changed(bool)``)
      and ``model_updated()`` when its weights change in place;
    * the last opened checkpoint (:attr:`checkpoint`, ``checkpoint_loaded(object)``);
    * the classify canvas's picture as the model sees it (:attr:`drawing`,
      ``drawing_changed(object)``: a float tensor ``(1, 28, 28)`` in ``[0, 1]``, or None);
    * the background work (:attr:`tasks`, the app's one :class:`TaskManager`).

    And messages: ``status(str)`` for the status bar, ``error(str, str)`` (message,
    detail), ``panel_requested(str, dict)``, ``registry_changed()`` and
    ``training_event(object)`` (every core training event, on the GUI thread).
    """

    predictor_changed = Signal(object)
    model_updated = Signal()
    checkpoint_loaded = Signal(object)
    registry_changed = Signal()
    status = Signal(str)
    error = Signal(str, str)
    panel_requested = Signal(str, dict)
    training_event = Signal(object)
    training_changed = Signal(bool)
    drawing_changed = Signal(object)
    data_dir_changed = Signal(str)

    def __init__(self, registry: PluginRegistry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.tasks = TaskManager(self)
        self._data_dir: Path = default_data_dir()
        self._predictor: Predictor | None = None
        self._checkpoint: Checkpoint | None = None
        self._run: Run | None = None
        self._training_active = False
        self._drawing: torch.Tensor | None = None

    # -- the data folder -----------------------------------------------------------------
    @property
    def data_dir(self) -> Path:
        """The folder every panel reads datasets from (``TORCHDESK_DATA`` or ``~/.torchdesk/data`` at first)."""
        return self._data_dir

    def set_data_dir(self, path: str | Path) -> None:
        """Make ``path`` the data folder everywhere; announced only when it changes."""
        folder = Path(str(path).strip() or default_data_dir()).expanduser()
        if folder == self._data_dir:
            return
        self._data_dir = folder
        self.data_dir_changed.emit(str(folder))

    def restore_settings(self, settings: QSettings) -> None:
        """Take the data folder saved last time (the window calls this before the panels restore)."""
        saved = settings.value(DATA_DIR_KEY, "")
        if saved:
            self.set_data_dir(str(saved))

    def save_settings(self, settings: QSettings) -> None:
        """Persist what the state holds across sessions (the data folder)."""
        settings.setValue(DATA_DIR_KEY, str(self._data_dir))

    # -- the current model ---------------------------------------------------------------
    @property
    def predictor(self) -> Predictor | None:
        """The app's current model, ready to predict (None before any)."""
        return self._predictor

    def set_predictor(self, predictor: Predictor | None) -> None:
        """Make ``predictor`` the app's current model and tell every panel."""
        self._predictor = predictor
        self.predictor_changed.emit(predictor)

    def model_dataset_name(self, model: Predictor | ModelIdentity | None = None) -> str:
        """The display name of the dataset the (current) model was trained for ('' when unknown)."""
        identity = self._identity(model)
        if identity is None or not identity.dataset_id:
            return ""
        try:
            return self.registry.dataset(identity.dataset_id).name
        except Exception:  # a dataset whose plugin is gone: its id still says what it was
            return identity.dataset_id

    def fit(self, data: DataIdentity, model: Predictor | ModelIdentity | None = None) -> Fit:
        """Whether the (current) model's answers mean something on ``data``; fits when there is no model.

        ``model`` is a predictor, or just the identity of a model (the Model panel's inspected one).
        """
        identity = self._identity(model)
        if identity is None:
            return Fit(True)
        return check_fit(identity, data, self.model_dataset_name(identity))

    def _identity(self, model: Predictor | ModelIdentity | None) -> ModelIdentity | None:
        if isinstance(model, ModelIdentity):
            return model
        predictor = model if model is not None else self._predictor
        return predictor.identity if predictor is not None else None

    # -- the training run ----------------------------------------------------------------
    @property
    def run(self) -> Run | None:
        """The training run in progress or last built: saving needs its optimizer and history."""
        return self._run

    @property
    def training_active(self) -> bool:
        """Whether a training run is going (building or training)."""
        return self._training_active

    def set_run(self, run: Run | None) -> None:
        """The run the Train panel built (it stays after training ends, for saving)."""
        self._run = run

    def set_training_active(self, active: bool) -> None:
        """Say whether a run is going; announced by ``training_changed`` when it changes."""
        if active == self._training_active:
            return
        self._training_active = active
        self.training_changed.emit(active)

    # -- the last checkpoint and the drawing ---------------------------------------------
    @property
    def checkpoint(self) -> Checkpoint | None:
        """The checkpoint opened last (None before any)."""
        return self._checkpoint

    def set_checkpoint(self, checkpoint: Checkpoint | None) -> None:
        """Record an opened checkpoint and tell every panel."""
        self._checkpoint = checkpoint
        self.checkpoint_loaded.emit(checkpoint)

    @property
    def drawing(self) -> torch.Tensor | None:
        """The classify canvas's picture as the model sees it, or None when the canvas is empty."""
        return self._drawing

    def set_drawing(self, drawing: torch.Tensor | None) -> None:
        """Share the classify canvas's current picture (what the model sees) with other panels."""
        self._drawing = drawing
        self.drawing_changed.emit(drawing)

    # -- messages ------------------------------------------------------------------------
    def report_error(self, message: str, detail: str = "") -> None:
        """Show ``message`` to the person (with ``detail`` one click away); the app goes on."""
        self.error.emit(message, detail)

    def show_status(self, text: str) -> None:
        """Put ``text`` in the status bar."""
        self.status.emit(text)

    def request_panel(self, panel_id: str, **kwargs: Any) -> None:
        """Bring panel ``panel_id`` to the front, passing it ``kwargs`` (see ``Panel.focus_with``)."""
        self.panel_requested.emit(panel_id, kwargs)
