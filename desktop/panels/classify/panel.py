"""The Classify panel: the drawing (or an opened, pasted or dropped image, or a test sample) and the model's answer.

The panel turns what is on the canvas into the 28x28 picture the model expects,
shows that picture and the model's top classes. It asks the app's one
compatibility check whether the model fits the mode (Digits = MNIST, Clothes =
Fashion-MNIST) and, when it does not, shows no answer but a notice saying why,
with the way out.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import numpy as np
import torch
from PySide6.QtCore import QMimeData, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from torchdesk.core import bundled, preprocess
from torchdesk.core.compatibility import Fit
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, class_name_text
from torchdesk.core.predictor import Predictor
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.panels.classify.drawing_pad import DrawingPad
from torchdesk.desktop.panels.classify.form import ClassifyForm
from torchdesk.desktop.panels.classify.images import first_line, fit_to_input, image_from_mime
from torchdesk.desktop.panels.classify.predictions import PredictionJob, Predictions
from torchdesk.desktop.panels.classify.result_view import TOP_K, ResultView
from torchdesk.desktop.panels.classify.samples import RandomSamples, Sample
from torchdesk.desktop.panels.classify.sources import (
    SOURCE_BUNDLED,
    SOURCE_CHECKPOINT,
    SOURCE_CURRENT,
    SOURCES,
    ModelSources,
    mode_fit,
    mode_noun,
    model_mode,
    shown_mode_name,
)
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu

DRAW_DEBOUNCE_MS = 60
IMAGE_FILTER = QT_TRANSLATE_NOOP("ClassifyPanel", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm "
                                                  "*.ppm);;All files (*)")
CHECKPOINT_FILTER = QT_TRANSLATE_NOOP("ClassifyPanel", "Checkpoints (*.pt *.pth *.ckpt);;All files (*)")


class ClassifyPanel(Panel):
    """Draw (or open, paste, drop an image, or pick a test sample) and see the model's top classes."""

    panel_id = "classify"
    title = "Classify"

    prediction_shown = Signal()  # the bars, the big label and the preview were updated

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._mode = "digits"
        self.sources = ModelSources(state)
        self.predictions = Predictions(self.task_runner(Cpu.LIGHT), self)
        self.samples = RandomSamples(state, self.task_runner(Cpu.LIGHT), self)
        self._sample: Sample | None = None  # a test-set image shown as the data set has it
        self._fit = Fit(True)
        self._fit_key: tuple[Any, str] | None = None
        self.last_model_input: np.ndarray | None = None

        self.form = ClassifyForm(self)
        self.pad = DrawingPad(self)
        self.canvas = self.pad.canvas
        self.result = ResultView(self)
        body = QHBoxLayout()
        body.addWidget(self.pad, 3)
        body.addSpacing(12)
        body.addWidget(self.result, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.form)
        outer.addLayout(body, 1)
        self._add_shortcuts()
        self._connect()
        self.setAcceptDrops(True)
        self._show_sources()
        self.predict_now()

    def _add_shortcuts(self) -> None:
        pad = self.pad
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.undo),
            (QKeySequence(Qt.Key.Key_Delete), self.clear),
            (QKeySequence.StandardKey.Open, self.open_image_dialog),
            (QKeySequence.StandardKey.Paste, self.paste),
            (QKeySequence("Ctrl+R"), self.random_sample),
            (QKeySequence("E"), lambda: pad.eraser_button.setChecked(True)),
            (QKeySequence("P"), lambda: pad.pen_button.setChecked(True)),
            (QKeySequence("["), lambda: pad.change_brush(-2)),
            (QKeySequence("]"), lambda: pad.change_brush(2)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def _connect(self) -> None:
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DRAW_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.predict_now)
        self.canvas.changed.connect(self._on_canvas_changed)
        self.canvas.stroke_finished.connect(self.predict_now)
        self.form.mode_chosen.connect(self.set_mode)
        self.form.source_chosen.connect(self._on_source_chosen)
        self.form.load_requested.connect(self.load_checkpoint_dialog)
        self.pad.undo_button.clicked.connect(self.undo)
        self.pad.clear_button.clicked.connect(self.clear)
        self.pad.open_button.clicked.connect(self.open_image_dialog)
        self.pad.paste_button.clicked.connect(self.paste)
        self.pad.sample_button.clicked.connect(self.random_sample)
        self.predictions.done.connect(self._display)
        self.predictions.failed.connect(self._on_failed)
        self.state.predictor_changed.connect(self._on_predictor_changed)
        self.state.model_updated.connect(self._on_model_updated)
        self.state.training_changed.connect(self._on_training_changed)

    # ------------------------------------------------------------ public API
    @property
    def mode(self) -> str:
        """``digits`` or ``clothes``."""
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Switch what the drawing is prepared as (and which bundled model and test set go with it)."""
        if mode not in bundled.MODES:
            raise ValueError(translate("ClassifyPanel", "unknown mode {mode}").format(mode=repr(mode)))
        self.form.show_mode(mode)
        if mode == self._mode:
            return
        self._mode = mode
        self._sample = None
        self._show_sources()
        self.predict_now()

    @property
    def source(self) -> str:
        """Where the model comes from: ``bundled``, ``current`` or ``checkpoint``."""
        return self.sources.source

    def set_source(self, source: str) -> None:
        """Classify with the bundled model, the app's current model or the checkpoint loaded here."""
        if source not in SOURCES:
            raise ValueError(translate("ClassifyPanel", "unknown model source {source}").format(source=repr(source)))
        self.sources.source = source
        self.predictions.new_model()
        self._show_sources()
        self.predict_now()

    def set_checkpoint(self, predictor: Predictor) -> None:
        """Use ``predictor`` (from a checkpoint) as the ``checkpoint`` source and switch to it and its mode."""
        self.sources.checkpoint = predictor
        self._follow_mode(predictor)
        self.set_source(SOURCE_CHECKPOINT)

    def fit(self) -> Fit:
        """Whether the model's answers mean something in the current mode (the last check's answer)."""
        return self._fit

    def undo(self) -> None:
        """Take back the last change to the canvas."""
        if self.canvas.undo():
            self.predict_now()

    def clear(self) -> None:
        """Wipe the canvas."""
        self.canvas.clear()
        self.predict_now()

    def show_image(self, gray: np.ndarray, label: str) -> None:
        """Put a grayscale picture (any size, any background) on the canvas and classify it."""
        try:
            ink = preprocess.ink_from_image(gray)
        except preprocess.InputError as exc:
            self._message(f"{label}: {exc}", "error")
            return
        self._sample = None
        self.canvas.set_array(ink)
        self.predict_now()
        self._message(translate("ClassifyPanel", "Showing {image}. Draw on it to change it; Ctrl+Z goes back.")
                      .format(image=label))

    def open_image(self, path: str | Path) -> bool:
        """Classify the image file at ``path``; a file that is not a readable image gets a clear message."""
        try:
            gray = preprocess.load_image(path)
        except preprocess.InputError as exc:
            self._message(str(exc), "error")
            self.state.show_status(str(exc))
            return False
        self.show_image(gray, f"'{Path(path).name}'")
        return True

    def open_image_dialog(self) -> None:
        """Ask for an image file and classify it."""
        path, _ = QFileDialog.getOpenFileName(self, translate("ClassifyPanel", "Open an image to classify"), "",
                                              translate("ClassifyPanel", IMAGE_FILTER))
        if path:
            self.open_image(path)

    def paste(self) -> None:
        """Classify the image (or image file) on the clipboard."""
        mime = QApplication.clipboard().mimeData()
        if mime is None or not self.take_mime(mime):
            self._message(translate("ClassifyPanel", "The clipboard holds no image. Copy an image or an image file "
                                                     "first."), "error")

    def take_mime(self, mime: QMimeData) -> bool:
        """Classify an image or image file from a paste or a drop; False when there is none."""
        try:
            found = image_from_mime(mime)
        except preprocess.InputError as exc:
            self._message(str(exc), "error")
            return True
        if found is None:
            return False
        if isinstance(found, str):
            return self.open_image(found)
        self.show_image(*found)
        return True

    def random_sample(self) -> None:
        """Show a random image of the current mode's test set (from the app's data folder) with its true label."""
        mode = self._mode
        self.samples.pick(bundled.MODES[mode].dataset_id,
                          lambda sample: self._show_sample(sample) if mode == self._mode else None,
                          self._on_sample_problem)

    def true_label(self) -> str | None:
        """The true label of the test sample shown, when one is."""
        return self._sample.label if self._sample else None

    def message(self) -> str:
        """The message shown (why nothing is predicted, the true label, an error, a notice)."""
        return self.result.message()

    def prediction(self) -> list[tuple[str, float]]:
        """The top classes shown now, most likely first (empty when nothing is predicted)."""
        return self.result.bars.items()

    def is_predicting(self) -> bool:
        """True while a prediction is scheduled, running as a task or waiting for one."""
        return self._debounce.isActive() or self.predictions.busy()

    def predicts_in_thread(self) -> bool:
        """Whether the model has proved too slow for the GUI thread and predicts as a task."""
        return self.predictions.in_thread()

    def shutdown(self) -> None:
        """Stop scheduling predictions, then stop and join the panel's tasks."""
        self._debounce.stop()
        self.predictions.close()
        super().shutdown()

    # -------------------------------------------------------------- settings
    def restore_settings(self, settings: QSettings) -> None:
        """Restore mode, model source and brush size (the data folder is the app's, in ``AppState``)."""
        mode = str(settings.value("mode", self._mode))
        if mode in bundled.MODES:
            self.set_mode(mode)
        size = settings.value("brush", self.canvas.brush_size)
        try:
            self.pad.brush_slider.setValue(int(size))
        except (TypeError, ValueError):
            pass
        if str(settings.value("source", SOURCE_BUNDLED)) == SOURCE_CURRENT:
            self.set_source(SOURCE_CURRENT)

    def save_settings(self, settings: QSettings) -> None:
        """Remember mode, model source and brush size."""
        settings.setValue("mode", self._mode)
        settings.setValue("brush", self.canvas.brush_size)
        settings.setValue("source", self.source if self.source != SOURCE_CHECKPOINT else SOURCE_BUNDLED)
        settings.remove("data_dir")  # the panel's own folder of old; the app's one folder replaced it

    # ---------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        mime = event.mimeData()
        if mime.hasImage() or any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        if self.take_mime(event.mimeData()):
            event.acceptProposedAction()

    # --------------------------------------------------------------- sources
    def _on_source_chosen(self, source: str) -> None:
        if source == SOURCE_CHECKPOINT and self.sources.checkpoint is None:
            self._show_sources()
            self.load_checkpoint_dialog()
            return
        self.set_source(source)

    def load_checkpoint_dialog(self) -> None:
        """Ask for a checkpoint file and classify with its model."""
        path, _ = QFileDialog.getOpenFileName(self, translate("ClassifyPanel", "Load a checkpoint to classify "
                                                                               "with"), "",
                                              translate("ClassifyPanel", CHECKPOINT_FILTER))
        if path:
            self.load_checkpoint(path)

    def load_checkpoint(self, path: str | Path) -> bool:
        """Load a torchdesk checkpoint (weights only, nothing in it runs) and classify with it."""
        from torchdesk.core.checkpoint import load_checkpoint

        try:
            predictor = load_checkpoint(path).predictor(self.state.registry)
        except Exception as exc:
            message = translate("ClassifyPanel", "Could not load '{file}' as a model: {reason}").format(
                file=Path(path).name, reason=first_line(exc))
            self._message(message, "error")
            self.state.report_error(message, traceback.format_exc())
            return False
        predictor.source = Path(path).name
        self.set_checkpoint(predictor)
        return True

    def _on_predictor_changed(self, predictor: Predictor | None) -> None:
        self.sources.model_changed()
        self._show_sources()
        if self.source != SOURCE_CURRENT:
            return
        self.predictions.new_model()
        if predictor is not None:
            self._follow_mode(predictor)
        self.predict_now()

    def _on_model_updated(self) -> None:
        self.sources.model_changed()
        if self.source == SOURCE_CURRENT and not self._debounce.isActive():
            self._debounce.start()

    def _on_training_changed(self, active: bool) -> None:
        self._on_model_updated()  # started: predict on snapshots from now on; ended: on the model itself

    def _follow_mode(self, predictor: Predictor) -> None:
        """A newly chosen model brings its mode along (a Fashion-MNIST model: Clothes)."""
        mode = model_mode(predictor)
        if mode and mode != self._mode:
            self.set_mode(mode)

    def _show_sources(self) -> None:
        self.form.show_sources(self.sources.entries(self._mode), self.source)

    def _check_fit(self, predictor: Predictor | None) -> None:
        """Ask the app's compatibility check again when the model or the mode changed."""
        key = (predictor.identity if predictor is not None else None, self._mode)
        if key != self._fit_key:
            self._fit_key = key
            self._fit = mode_fit(self.state, predictor, self._mode)

    # ------------------------------------------------------------ predicting
    def _on_canvas_changed(self) -> None:
        self._sample = None  # an edited test sample is a drawing now and gets prepared like one
        if not self._debounce.isActive():
            self._debounce.start()

    def model_input(self) -> np.ndarray:
        """The 28x28 picture for the canvas in the current mode (a test sample as it is in the data set).

        Raises :class:`~torchdesk.core.preprocess.NothingDrawnError` when the canvas is empty.
        """
        if self._sample is not None:
            return self._sample.image
        return preprocess.preprocess(self.canvas.to_array(), self._mode)

    def predict_now(self) -> None:
        """Classify what is on the canvas now and update the bars, the big label and the preview."""
        self._debounce.stop()
        self.predictions.invalidate()
        choice = self.sources.resolve(self._mode)
        predictor = choice.predictor
        self._check_fit(predictor)
        self.result.source_label.setText(translate("ClassifyPanel", "Model: {model}").format(
            model=predictor.source or translate("ClassifyPanel", "unnamed model")) if predictor else "")
        try:
            picture = self.model_input()
        except preprocess.NothingDrawnError:
            self._show_nothing(predictor)
            return
        except preprocess.InputError as exc:
            self.result.show_no_answer()
            self._message(str(exc), "error")
            return
        self._share_drawing(picture)
        if predictor is None:
            self.result.show_preview(picture)
            self.result.show_no_answer()
            self._message(choice.problem, "error")
            return
        try:
            model_input = fit_to_input(picture, predictor.input_shape)
        except Exception as exc:
            self.result.show_no_answer()
            self._message(translate("ClassifyPanel", "This model's input shape {shape} is not an image: {error}")
                          .format(shape=predictor.input_shape, error=exc), "error")
            return
        self.last_model_input = model_input
        self.result.show_preview(model_input)
        if not self._fit:
            self._show_misfit(predictor)
            self.prediction_shown.emit()
            return
        self.predictions.submit(predictor, model_input)

    def _display(self, job: PredictionJob, probs: torch.Tensor) -> None:
        values, indices = probs.topk(min(TOP_K, probs.numel()))
        items = [(job.predictor.class_name(int(i)), float(v)) for v, i in zip(values, indices)]
        self.result.show_items(items)
        if self._sample is not None:
            if items[0][0] == self._sample.label:  # the stored (English) names
                text = translate("ClassifyPanel", "{sample} True label: {label} (the model is right).")
            else:
                text = translate("ClassifyPanel", "{sample} True label: {label} (the model is wrong).")
            self._message(text.format(sample=self._sample.description, label=class_name_text(self._sample.label)))
        else:
            self._message("")
        self.prediction_shown.emit()

    def _on_failed(self, job: PredictionJob, message: str, detail: str) -> None:
        self.result.show_no_answer()
        self._message(message, "error")

    def _show_nothing(self, predictor: Predictor | None) -> None:
        self._share_drawing(None)
        self.result.show_preview(None)
        self.last_model_input = None
        if predictor is not None and not self._fit:
            self._show_misfit(predictor)
        else:
            self.result.show_no_answer()
            self._message(translate("ClassifyPanel", "Nothing drawn yet: draw {noun} on the canvas, or open, paste or "
                                                     "drop an image.").format(noun=mode_noun(self._mode)))
        self.prediction_shown.emit()

    def _show_misfit(self, predictor: Predictor) -> None:
        """No answer, and the notice saying why with the way out (the model's mode, else the bundled model)."""
        here = shown_mode_name(self._mode)
        self.result.show_no_answer(translate("ClassifyPanel", "No answer: this model was not made for {mode}.")
                                   .format(mode=here.lower()))
        actions = []
        theirs = model_mode(predictor)
        if theirs and theirs != self._mode:
            actions.append((translate("ClassifyPanel", "Switch to {mode}").format(mode=shown_mode_name(theirs)),
                            translate("ClassifyPanel", "Draw {noun}, the kind of picture this model knows.")
                            .format(noun=mode_noun(theirs)),
                            lambda: self.set_mode(theirs)))
        elif self.source != SOURCE_BUNDLED:  # one way out at a time keeps the notice readable
            actions.append((translate("ClassifyPanel", "Use the bundled {mode} model").format(mode=here.lower()),
                            translate("ClassifyPanel", "Classify with the model shipped for this mode."),
                            lambda: self.set_source(SOURCE_BUNDLED)))
        self.result.show_message(translate("ClassifyPanel", "This model does not fit {mode} mode. {reason}").format(
            mode=here, reason=self._fit.reason), kind="warning", actions=tuple(actions))

    def _message(self, text: str, kind: str = "info") -> None:
        """Show a message; information never hides a notice that the model does not fit."""
        if kind == "info" and not self._fit and self.result.message_bar.kind == "warning":
            return
        self.result.show_message(text, kind)

    def _share_drawing(self, picture: np.ndarray | None) -> None:
        """Tell other panels (the model view's activations) what the model sees now."""
        if picture is None:
            if self.state.drawing is not None:
                self.state.set_drawing(None)
            return
        self.state.set_drawing(torch.from_numpy(np.ascontiguousarray(picture, dtype=np.float32)).unsqueeze(0))

    # ----------------------------------------------------------- test samples
    def _show_sample(self, sample: Sample) -> None:
        self.canvas.set_array(sample.image)
        self._sample = sample
        self.predict_now()

    def _on_sample_problem(self, message: str, missing: bool) -> None:
        actions = ()
        if missing:
            actions = ((translate("ClassifyPanel", "Choose folder…"),
                        translate("ClassifyPanel", "Choose the data folder that holds the test set (for every panel)."),
                        self._choose_data_dir),)
        self.result.show_message(translate("ClassifyPanel", "Random test sample needs the test set on disk. {reason}")
                                 .format(reason=message), kind="error", actions=actions)

    def _choose_data_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, translate("ClassifyPanel", "Choose the data folder"),
                                                  str(self.state.data_dir))
        if folder:
            self.state.set_data_dir(folder)
            self.random_sample()
