"""Opening any file a person points at: a torchdesk checkpoint, a plain state dict, or (trusted) a pickled model.

Every file goes through the safe loader; what cannot be opened comes back as a
sentence, never an exception. A state dict asks which model it belongs to, and a
pickled model opens only after the person trusts it (both through hooks the panel
passes in, so tests answer the dialogs).
"""

from __future__ import annotations

import html
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtWidgets import QWidget

from torchdesk.core.checkpoint import (
    Checkpoint,
    CheckpointError,
    PlaygroundCodeNeeded,
    UntrustedFileError,
    load_checkpoint,
    load_pickled_model,
    pickled_model_predictor,
)
from torchdesk.core.playground.shared_models import PlaygroundModels
from torchdesk.core.predictor import Predictor
from torchdesk.desktop.checkpoint_dialogs import PickledModelDialog, StateDictDialog
from torchdesk.desktop.i18n import translate

ConfirmTrust = Callable[[Path, str], bool]
RunDialog = Callable[[Any], bool]


@dataclass(frozen=True)
class Opened:
    """What opening a file gave: a model to make current (with its checkpoint, if any), or why not."""

    message: str
    predictor: Predictor | None = None
    checkpoint: Checkpoint | None = None
    problem: bool = False  # shown as an error
    detail: str = ""  # a traceback worth reporting to the person
    offered_model: str = ""  # the id of a playground model rebuilt from the file's code, now in the pickers

    @property
    def ok(self) -> bool:
        """Whether a model came out of the file."""
        return self.predictor is not None


def open_file(path: str | Path, registry: Any, confirm_trust: ConfirmTrust, run_dialog: RunDialog,
              parent: QWidget | None = None) -> Opened:
    """Open ``path`` as whatever it is; dialogs (state dict, pickle) run through ``run_dialog``."""
    path = Path(path)
    try:
        checkpoint = load_checkpoint(path)
    except UntrustedFileError as exc:
        return _open_pickled(path, str(exc), registry, confirm_trust, run_dialog, parent)
    except CheckpointError as exc:
        return Opened(str(exc), problem=True)
    except Exception as exc:  # noqa: BLE001 - never a crash for a bad file
        return Opened(translate("CheckpointOpener", "{name} could not be opened: {error}")
                      .format(name=path.name, error=_short(exc)), problem=True)
    if checkpoint.kind == "state_dict":
        return _open_state_dict(checkpoint, registry, run_dialog, parent)
    offered = ""
    try:
        checkpoint.check_plugins(registry)
    except PlaygroundCodeNeeded as exc:
        if not confirm_trust(path, html.escape(str(exc)) + "<pre>" + html.escape(exc.record["source"][:4000])
                             + "</pre>"):
            return Opened(translate("CheckpointOpener", "{name} was not opened: its model's code was not "
                                                        "trusted, and nothing in it ran.").format(name=path.name),
                          problem=True)
        try:
            offered = PlaygroundModels.for_registry(registry).add_class_from_source(exc.record)
        except CheckpointError as error:  # the code failed or defines no such class
            return Opened(str(error), problem=True)
    except CheckpointError:
        pass  # building below names what is missing
    try:
        predictor = checkpoint.predictor(registry)
    except CheckpointError as exc:  # a missing plugin names its package here
        return Opened(str(exc), problem=True, offered_model=offered)
    except Exception as exc:  # noqa: BLE001 - a plugin's factory may raise anything
        return Opened(translate("CheckpointOpener", "The model in {name} could not be rebuilt: {error}")
                      .format(name=path.name, error=_short(exc)), problem=True,
                      detail="".join(traceback.format_exception(exc)), offered_model=offered)
    predictor.source = translate("CheckpointOpener", "checkpoint {name}").format(name=path.name)
    predictor.extra["checkpoint_path"] = str(path)
    acc = checkpoint.metrics.get("test_accuracy")
    accuracy = (translate("CheckpointOpener", ", test accuracy {accuracy:.2f}%").format(accuracy=100 * acc)
                if isinstance(acc, float) and acc == acc else "")
    model = checkpoint.config.model.id if checkpoint.config else translate("CheckpointOpener", "model")
    text = (translate("CheckpointOpener", "Loaded {name}: {model} after {n} epoch{accuracy}. The Train, Classify "
                                          "and Model panels use it now.") if checkpoint.epoch == 1
            else translate("CheckpointOpener", "Loaded {name}: {model} after {n} epochs{accuracy}. The Train, "
                                               "Classify and Model panels use it now."))
    return Opened(text.format(name=path.name, model=model, n=checkpoint.epoch, accuracy=accuracy),
                  predictor, checkpoint, offered_model=offered)


def _short(exc: BaseException) -> str:
    """``Type: message`` cut to a few lines' worth (an error may carry an enormous value)."""
    plain = all(isinstance(arg, (str, int, float)) for arg in exc.args)  # cheap to print, unlike a structure
    text = str(exc)[:300] if plain else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _open_state_dict(checkpoint: Checkpoint, registry: Any, run_dialog: RunDialog, parent: QWidget | None) -> Opened:
    dialog = StateDictDialog(checkpoint.model_state, registry, checkpoint.path.name, parent)
    if not run_dialog(dialog) or dialog.predictor is None:
        return Opened(translate("CheckpointOpener", "{name} was not loaded.").format(name=checkpoint.path.name))
    predictor = dialog.predictor
    model = predictor.config.model.id if predictor.config else translate("CheckpointOpener", "the model")
    return Opened(translate("CheckpointOpener", "Loaded the weights in {name} into {model}.")
                  .format(name=checkpoint.path.name, model=model), predictor)


def _open_pickled(path: Path, detail: str, registry: Any, confirm_trust: ConfirmTrust, run_dialog: RunDialog,
                  parent: QWidget | None) -> Opened:
    if not confirm_trust(path, html.escape(detail)):
        return Opened(translate("CheckpointOpener", "{name} was not opened: it holds pickled Python objects that "
                                                    "could run code, and it was not trusted. Nothing in it ran.")
                      .format(name=path.name), problem=True)
    dialog = PickledModelDialog(registry, path.name, parent)
    if not run_dialog(dialog):
        return Opened(translate("CheckpointOpener", "{name} was not opened.").format(name=path.name))
    try:
        model = load_pickled_model(path, trust=True)
        predictor = pickled_model_predictor(model, registry, dialog.dataset_id(),
                                            source=translate("CheckpointOpener", "whole model {name}")
                                            .format(name=path.name))
    except CheckpointError as exc:
        return Opened(str(exc), problem=True)
    except Exception as exc:  # noqa: BLE001 - trusted code may raise anything
        return Opened(translate("CheckpointOpener", "{name} could not be opened: {error}")
                      .format(name=path.name, error=_short(exc)), problem=True)
    return Opened(translate("CheckpointOpener", "Loaded the whole model in {name} (trusted).").format(name=path.name),
                  predictor)
