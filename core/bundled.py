"""The pretrained models that ship inside torchdesk, and the drawing modes that use them.

``resources/bundled_mnist.pt`` and ``resources/bundled_fashion_mnist.pt`` are
ordinary torchdesk checkpoints (trained by ``torchdesk train``; the recipe is in
``resources/BUNDLED_MODELS.md``), so a fresh install can classify a drawing with
no network, no dataset and no training.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from torchdesk.core.predictor import Predictor


@dataclass(frozen=True)
class DrawMode:
    """What a drawing is meant to be: how it is preprocessed, which data set and bundled model go with it."""

    id: str  # preprocessing recipe, see torchdesk.core.preprocess.PREPROCESSORS
    label: str  # English, marked for translation: show it with translate("bundled", mode.label)
    noun: str  # "a digit", used in messages such as "draw a digit" (English: translate("bundled", mode.noun))
    dataset_id: str
    bundled: str  # name given to ``--bundled``
    name: str = ""  # "Digits": the short name for buttons and sentences (English: translate("bundled", mode.name))


@dataclass(frozen=True)
class BundledModel:
    """One shipped checkpoint."""

    name: str
    dataset_id: str
    filename: str


BUNDLED: dict[str, BundledModel] = {
    "mnist": BundledModel("mnist", "mnist", "bundled_mnist.pt"),
    "fashion-mnist": BundledModel("fashion-mnist", "fashion-mnist", "bundled_fashion_mnist.pt"),
}

MODES: dict[str, DrawMode] = {
    "digits": DrawMode("digits", QT_TRANSLATE_NOOP("bundled", "Digits (MNIST)"),
                       QT_TRANSLATE_NOOP("bundled", "a digit"), "mnist", "mnist",
                       QT_TRANSLATE_NOOP("bundled", "Digits")),
    "clothes": DrawMode("clothes", QT_TRANSLATE_NOOP("bundled", "Clothes (Fashion-MNIST)"),
                        QT_TRANSLATE_NOOP("bundled", "a piece of clothing"), "fashion-mnist", "fashion-mnist",
                        QT_TRANSLATE_NOOP("bundled", "Clothes")),
}


class BundledModelMissing(FileNotFoundError):
    """The bundled checkpoint is not in this installation."""


def bundled_model(name: str) -> BundledModel:
    """The bundled model called ``name`` (``mnist`` or ``fashion-mnist``)."""
    try:
        return BUNDLED[name]
    except KeyError:
        raise ValueError(translate("bundled", "no bundled model {name}; choose one of {names}").format(
            name=repr(name), names=", ".join(BUNDLED))) from None


def bundled_path(name: str) -> Path:
    """Where the bundled checkpoint ``name`` lives in the installed package."""
    entry = resources.files("torchdesk.resources") / bundled_model(name).filename
    return Path(str(entry))


def mode_for_dataset(dataset_id: str) -> str | None:
    """The drawing mode whose pictures look like ``dataset_id``'s (KMNIST is drawn like digits)."""
    if dataset_id in ("mnist", "kmnist", "emnist"):
        return "digits"
    if dataset_id == "fashion-mnist":
        return "clothes"
    return None


_cache: dict[str, "Predictor"] = {}


def load_bundled(name: str) -> "Predictor":
    """A :class:`Predictor` for the bundled model ``name``, loaded once (``weights_only=True``)."""
    if name in _cache:
        return _cache[name]
    path = bundled_path(name)
    if not path.is_file():
        raise BundledModelMissing(translate(
            "bundled", "The bundled {name} model is missing from this installation ({path}). Reinstall torchdesk, "
            "or train a model and load its checkpoint.").format(name=name, path=path)
        )
    from torchdesk.core.checkpoint import load_checkpoint

    predictor = load_checkpoint(path).predictor()
    predictor.source = translate("bundled", "bundled {name} model").format(name=name)
    _cache[name] = predictor
    return predictor
