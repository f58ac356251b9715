"""Which model classifies the drawing, and whether its answers mean anything in the chosen mode.

The model is the bundled one for the mode, the app's current model (a training run
or a loaded checkpoint) or a checkpoint opened in the panel. A model that is still
training is predicted on a :meth:`~torchdesk.core.predictor.Predictor.snapshot`,
taken again after the weights change, so evaluating never touches the live model.
"""

from __future__ import annotations

from dataclasses import dataclass

from torchdesk.core import bundled
from torchdesk.core.compatibility import DataIdentity, Fit, data_identity
from torchdesk.core.predictor import Predictor
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.classify.images import first_line
from torchdesk.desktop.state import AppState

SOURCE_BUNDLED = "bundled"
SOURCE_CURRENT = "current"
SOURCE_CHECKPOINT = "checkpoint"
SOURCES = (SOURCE_BUNDLED, SOURCE_CURRENT, SOURCE_CHECKPOINT)


@dataclass(frozen=True)
class Choice:
    """The model to classify with, or None and the sentence saying why there is none."""

    predictor: Predictor | None
    problem: str = ""


def mode_name(mode_id: str) -> str:
    """A mode's short English name, as its data identity names it: ``Digits``, ``Clothes``."""
    mode = bundled.MODES[mode_id]
    return mode.name or mode.label.split(" (")[0]


def mode_label(mode_id: str) -> str:
    """A mode's label as the mode chooser shows it: ``Digits (MNIST)``, translated."""
    return translate("bundled", bundled.MODES[mode_id].label)


def shown_mode_name(mode_id: str) -> str:
    """A mode's short name for buttons and sentences, translated: ``Digits``, ``Clothes``."""
    name = mode_name(mode_id)
    return translate("bundled", name)


def mode_noun(mode_id: str) -> str:
    """What one draws in a mode, translated: ``a digit``, ``a piece of clothing``."""
    return translate("bundled", bundled.MODES[mode_id].noun)


class ModelSources:
    """The three model sources and the one that is chosen; :meth:`resolve` gives the model to use."""

    def __init__(self, state: AppState) -> None:
        self.state = state
        self.source = SOURCE_BUNDLED
        self.checkpoint: Predictor | None = None  # the checkpoint opened in the panel
        self._snapshot: Predictor | None = None

    def model_changed(self) -> None:
        """The current model's weights (or the model itself) changed: the next prediction snapshots again."""
        self._snapshot = None

    def resolve(self, mode_id: str) -> Choice:
        """The chosen source's model for ``mode_id``; a training model comes as a fresh-enough snapshot."""
        if self.source == SOURCE_BUNDLED:
            name = bundled.MODES[mode_id].bundled
            try:
                return Choice(bundled.load_bundled(name))
            except Exception as exc:
                return Choice(None, translate("ModelSources", "The bundled {name} model could not be loaded: {reason}")
                              .format(name=name, reason=first_line(exc)))
        if self.source == SOURCE_CHECKPOINT:
            if self.checkpoint is None:
                return Choice(None, translate("ModelSources", "No checkpoint loaded yet: use “Load checkpoint…”."))
            return Choice(self.checkpoint)
        current = self.state.predictor
        if current is None:
            return Choice(None, translate("ModelSources", "No current model yet: train one in the Train panel or load "
                                                          "a checkpoint, or choose the bundled model."))
        if not (self.state.training_active or current.live):
            return Choice(current)
        if self._snapshot is None:
            self._snapshot = current.snapshot()
        return Choice(self._snapshot)

    def entries(self, mode_id: str) -> list[tuple[str, str, str]]:
        """The source picker's items for ``mode_id``: (source, text, tooltip)."""
        current = self.state.predictor
        checkpoint = self.checkpoint
        return [
            (SOURCE_BUNDLED, translate("ModelSources", "Bundled {mode} model").format(
                mode=shown_mode_name(mode_id).lower()),
             translate("ModelSources", "The pretrained model shipped with torchdesk for this mode; works offline.")),
            (SOURCE_CURRENT, translate("ModelSources", "Current model ({model})").format(model=current.source)
             if current and current.source else translate("ModelSources", "Current model"),
             translate("ModelSources", "The app's current model: the one being trained, or the last checkpoint loaded. "
                                       "Predictions follow training as it goes.")),
            (SOURCE_CHECKPOINT, translate("ModelSources", "Checkpoint: {file}").format(file=checkpoint.source)
             if checkpoint else translate("ModelSources", "Checkpoint file…"),
             translate("ModelSources", "A checkpoint file loaded here.")),
        ]


def mode_data(state: AppState, mode_id: str) -> DataIdentity:
    """What the drawings of ``mode_id`` are, as data: the mode's dataset (Digits = MNIST, Clothes = Fashion-MNIST)."""
    mode = bundled.MODES[mode_id]
    try:
        return data_identity(state.registry.dataset(mode.dataset_id))
    except Exception:  # the dataset's plugin is switched off: the mode still says what it is
        return DataIdentity(mode.dataset_id, mode_name(mode_id), ())


def mode_fit(state: AppState, predictor: Predictor | None, mode_id: str) -> Fit:
    """Whether ``predictor``'s answers mean something for drawings of ``mode_id`` (the app's one check)."""
    if predictor is None:
        return Fit(True)
    return state.fit(mode_data(state, mode_id), predictor)


def model_mode(predictor: Predictor) -> str | None:
    """The drawing mode the model was made for (None when its dataset has no mode)."""
    return bundled.mode_for_dataset(predictor.identity.dataset_id)
