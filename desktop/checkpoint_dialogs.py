"""Dialogs for opening the walkthrough's files: choose the model for a state dict, trust a pickled model."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.checkpoint import CheckpointError, StateDictMismatchError, state_dict_predictor
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, component_text
from torchdesk.core.predictor import Predictor
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.component_picker import ComponentPicker

GUESS_BUDGET_S = 1.5
DEFAULT_DATASET = "fashion-mnist"


def dataset_combo(registry: Any, parent: QWidget | None = None) -> QComboBox:
    """The datasets whose image size is known up front, labelled with shape and class count."""
    combo = QComboBox(parent)
    combo.setObjectName("trainedOnCombo")
    combo.setToolTip(translate("StateDictDialog", "The data the model was trained on: it sets the image size "
                                                  "and the class names"))
    for spec in registry.datasets():
        if spec.input_shape is None:
            continue
        shape = "×".join(str(s) for s in spec.input_shape)
        count = len(spec.class_names)
        label = (translate("StateDictDialog", "{name} ({shape}, {n} class)") if count == 1
                 else translate("StateDictDialog", "{name} ({shape}, {n} classes)"))
        combo.addItem(label.format(name=component_text(spec.name), shape=shape, n=count or "?"), spec.id)
    index = combo.findData(DEFAULT_DATASET)
    combo.setCurrentIndex(max(index, 0))
    return combo


def guess_model(state: dict[str, Any], registry: Any) -> tuple[str, str] | None:
    """A (model id, dataset id) whose default build fits ``state`` exactly, tried within a short time budget."""
    started = time.monotonic()
    datasets = [s for s in registry.datasets() if s.input_shape is not None]
    datasets.sort(key=lambda s: s.id != DEFAULT_DATASET)
    for model in registry.models():
        for dataset in datasets:
            if time.monotonic() - started > GUESS_BUDGET_S:
                return None
            try:
                state_dict_predictor(state, registry, model.id, dataset.id)
            except Exception:
                continue
            return model.id, dataset.id
    return None


class StateDictDialog(QDialog):
    """Choose the model (and the data it was trained on) to load a plain state dict into.

    Pressing Load tries it; when the weights do not fit, the missing, unexpected and
    mis-shaped keys are listed in the dialog and it stays open for another choice.
    :attr:`predictor` holds the loaded model once accepted.
    """

    def __init__(self, state_dict: dict[str, Any], registry: Any, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("StateDictDialog", "Load weights from {name}").format(name=file_name))
        self.state_dict = state_dict
        self.registry = registry
        self.file_name = file_name
        self.predictor: Predictor | None = None
        intro = QLabel(translate("StateDictDialog", "<b>{name}</b> holds weights only (a state dict, like the "
                                                    "walkthrough's <code>model_weights.pth</code>). Choose the model "
                                                    "they were saved from.").format(name=file_name), self)
        intro.setWordWrap(True)
        self.model_picker = ComponentPicker("model", registry.models(), self)
        self.dataset_combo = dataset_combo(registry, self)
        form = QFormLayout()
        form.addRow(translate("StateDictDialog", "Trained on:"), self.dataset_combo)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("mismatchList")
        self.problems.setReadOnly(True)
        self.problems.setToolTip(translate("StateDictDialog", "Why the weights do not fit the chosen model"))
        self.problems.setPlaceholderText(translate("StateDictDialog",
                                                   "Keys or shapes that do not fit will be listed here."))
        self.problems.setMinimumHeight(120)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.load_button = self.buttons.addButton(translate("StateDictDialog", "Load"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.load_button.setObjectName("loadWeightsButton")
        self.load_button.setToolTip(translate("StateDictDialog", "Build the chosen model and load these weights "
                                                                 "into it"))
        self.load_button.setDefault(True)
        self.buttons.accepted.connect(self.try_load)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(translate("StateDictDialog", "Model:"), self))
        layout.addWidget(self.model_picker)
        layout.addLayout(form)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        guess = guess_model(state_dict, registry)
        if guess is not None:
            self.model_picker.combo.setCurrentIndex(self.model_picker.combo.findData(guess[0]))
            self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(guess[1]))
            self.problems.setPlainText(translate("StateDictDialog", "These weights fit {model} with its default "
                                                                    "settings; it is selected.")
                                       .format(model=self.model_picker.combo.currentText()))

    def choose(self, model_id: str, dataset_id: str, params: dict[str, Any] | None = None) -> None:
        """Select a model (with parameter values) and a dataset, as a person would in the form."""
        self.model_picker.combo.setCurrentIndex(self.model_picker.combo.findData(model_id))
        if params:
            self.model_picker.form.set_values(params)
        self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(dataset_id))

    def try_load(self) -> bool:
        """Build the chosen model and load the weights; list the problems and stay open when they do not fit."""
        try:
            choice = self.model_picker.choice()
            self.predictor = state_dict_predictor(self.state_dict, self.registry, choice,
                                                  str(self.dataset_combo.currentData()),
                                                  source=translate("StateDictDialog", "weights {name}")
                                                  .format(name=self.file_name))
        except StateDictMismatchError as exc:
            self.problems.setPlainText(mismatch_text(exc))
            return False
        except (CheckpointError, ValueError) as exc:
            self.problems.setPlainText(str(exc))
            return False
        except Exception as exc:  # a plugin's factory may raise anything
            self.problems.setPlainText(translate("StateDictDialog", "The model could not be built: {error}")
                                       .format(error=f"{type(exc).__name__}: {exc}"))
            return False
        self.accept()
        return True


def mismatch_text(exc: StateDictMismatchError) -> str:
    """The mismatch as a readable list, one key per line."""
    lines = [translate("StateDictDialog", "These weights do not fit the chosen model.")]
    for title, items in ((translate("StateDictDialog", "Missing in the file ({n}):"), exc.missing),
                         (translate("StateDictDialog", "In the file but not in the model ({n}):"), exc.unexpected),
                         (translate("StateDictDialog", "Different shapes ({n}):"), exc.mismatched)):
        if items:
            lines.append("\n" + title.format(n=len(items)))
            lines.extend(f"  • {item}" for item in items)
    lines.append("\n" + translate("StateDictDialog", "Choose the model (and its settings, such as the hidden width) "
                                                      "these weights were saved from."))
    return "\n".join(lines)


class PickledModelDialog(QDialog):
    """Choose the data a trusted whole model was trained on (its image size and class names)."""

    def __init__(self, registry: Any, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("PickledModelDialog", "Open the model in {name}").format(name=file_name))
        label = QLabel(translate("PickledModelDialog", "Which data was this model trained on? It sets the image "
                                                       "size the model receives and the class names shown."), self)
        label.setWordWrap(True)
        self.dataset_combo = dataset_combo(registry, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.dataset_combo)
        layout.addWidget(buttons)

    def dataset_id(self) -> str:
        """The chosen dataset id."""
        return str(self.dataset_combo.currentData())


TRUST_WARNING = QT_TRANSLATE_NOOP(
    "TrustDialog",
    "<p><b>{name}</b> is a whole pickled model (saved with <code>torch.save(model, …)</code>), not just weights.</p>"
    "<p><b>Opening it runs Python code stored in the file.</b> A file made to harm you could delete or steal "
    "your files or install software, with your account's rights.</p>"
    "<p>Open it only if you made it yourself or fully trust where it came from. Otherwise ask for a "
    "state dict (<code>torch.save(model.state_dict(), …)</code>) or a torchdesk checkpoint, which open "
    "safely.</p><p><small>{detail}</small></p>"
)


TRUST_BUTTONS = {
    "open": (QT_TRANSLATE_NOOP("TrustDialog", "I trust this file — open it"),
             QT_TRANSLATE_NOOP("TrustDialog", "Don't open")),
    "load": (QT_TRANSLATE_NOOP("TrustDialog", "I trust this file — load it"),
             QT_TRANSLATE_NOOP("TrustDialog", "Don't load")),
}
"""The trust question's two buttons, by verb (another verb is shown in English)."""


def confirm_trust(parent: QWidget, path: Path, detail: str) -> bool:
    """Ask whether the person trusts a pickled file enough to run its code; No is the default."""
    return ask_to_trust(parent, translate("TrustDialog", TRUST_WARNING).format(name=path.name, detail=detail),
                        "open")


def ask_to_trust(parent: QWidget | None, text: str, verb: str) -> bool:
    """The one "This file can run code" question: "I trust this file — <verb> it" or "Don't <verb>" (the default)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("TrustDialog", "This file can run code"))
    box.setText(text)
    trust_text, cancel_text = TRUST_BUTTONS.get(verb, (None, None))
    trust = box.addButton(translate("TrustDialog", trust_text) if trust_text else f"I trust this file — {verb} it",
                          QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(translate("TrustDialog", cancel_text) if cancel_text else f"Don't {verb}",
                           QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is trust
