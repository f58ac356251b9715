"""Draw to classify: draw a digit or a piece of clothing and see what a model thinks it is.

The panel turns the drawing (or an opened, pasted or dropped image, or a test-set
sample) into the 28x28 picture the model expects, shows that picture, and shows
the model's top classes. The model is the bundled one for the mode, the app's
current model (a training run or a loaded checkpoint) or a checkpoint opened here.
"""

from __future__ import annotations

import copy
import random
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from PySide6.QtCore import QMimeData, QObject, QSettings, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QFont, QImage, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
        QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core import bundled, preprocess
from torchdesk.core.predictor import Predictor
from torchdesk.core.threads import use_one_thread_here
from torchdesk.core.userdirs import default_data_dir
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.state import AppState
from torchdesk.desktop.widgets.draw_canvas import DrawCanvas
from torchdesk.desktop.widgets.probability_bars import PixelPreview, ProbabilityBars

SOURCE_BUNDLED = "bundled"
SOURCE_CURRENT = "current"
SOURCE_CHECKPOINT = "checkpoint"
TOP_K = 5
DRAW_DEBOUNCE_MS = 60
# Predictions move to a worker thread, so drawing stays smooth, when the model's forward pass
# took longer than this in two of the last three tries (after a warm-up pass).
SLOW_PREDICTION_S = 0.05
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp *.pgm *.ppm);;All files (*)"
CHECKPOINT_FILTER = "Checkpoints (*.pt *.pth *.ckpt);;All files (*)"


def fit_to_input(image: np.ndarray, input_shape: tuple[int, int, int]) -> np.ndarray:
    """A 28x28 picture adapted to a model's ``(C, H, W)`` input: resized and repeated over channels."""
    channels, height, width = (int(v) for v in input_shape)
    picture = image if image.shape == (height, width) else preprocess.resize(image, height, width)
    return np.repeat(picture[None], channels, axis=0)


@dataclass
class PredictionJob:
    """One request: a model and the exact input it gets."""

    number: int
    predictor: Predictor
    model_input: np.ndarray  # (C, H, W) floats 0..1


class PredictionWorker(QObject):
    """Runs predictions on its own thread when a model is too slow for the GUI thread."""

    done = Signal(int, object, float)  # job number, probabilities (1D tensor), seconds
    failed = Signal(int, str, str)  # job number, message, detail

    @Slot(object)
    def run(self, job: PredictionJob) -> None:
        """Predict ``job`` and report back through ``done`` or ``failed``."""
        use_one_thread_here()
        started = time.perf_counter()
        try:
            probs = job.predictor.probabilities(torch.from_numpy(job.model_input))[0]
        except Exception as exc:  # a broken model must not take the app down
            self.failed.emit(job.number, f"The model could not classify this picture: {exc}", traceback.format_exc())
            return
        self.done.emit(job.number, probs, time.perf_counter() - started)


class ClassifyPanel(Panel):
    """Draw (or open, paste, drop an image, or pick a test sample) and see the model's top classes."""

    panel_id = "classify"
    title = "Classify"

    prediction_shown = Signal()  # the bars, the big label and the preview were updated
    _submit = Signal(object)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._mode = "digits"
        self._source = SOURCE_BUNDLED
        self._checkpoint_predictor: Predictor | None = None
        self._live_snapshot: Predictor | None = None
        self._live_dirty = True
        # A test-set image shown as it is in the data set: (image, true label, description).
        self._sample: tuple[np.ndarray, str, str] | None = None
        self._data_dir = str(default_data_dir())
        self._test_sets: dict[str, Any] = {}
        self._job_number = 0
        self._in_flight = False
        self._pending: PredictionJob | None = None
        self._thread: QThread | None = None
        self._worker: PredictionWorker | None = None
        self._forward_times: list[float] = []
        self._warm_up = True
        self.last_latency_s = 0.0
        self.last_model_input: np.ndarray | None = None
        self._build()
        self._connect()
        self.setAcceptDrops(True)
        self._update_source_items()
        self.predict_now()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.canvas = DrawCanvas(self)

        self.mode_combo = QComboBox(self)
        for mode in bundled.MODES.values():
            self.mode_combo.addItem(mode.label, mode.id)
        self.mode_combo.setToolTip("What you draw: digits are prepared like MNIST, clothes like Fashion-MNIST.")
        self.source_combo = QComboBox(self)
        self.source_combo.setToolTip("Which model classifies the drawing.")
        self.source_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.load_checkpoint_button = QToolButton(self)
        self.load_checkpoint_button.setText("Load checkpoint…")
        self.load_checkpoint_button.setToolTip("Classify with a model from a torchdesk checkpoint file.")

        top = QHBoxLayout()
        top.addWidget(QLabel("Mode:", self))
        top.addWidget(self.mode_combo)
        top.addSpacing(16)
        top.addWidget(QLabel("Model:", self))
        top.addWidget(self.source_combo)
        top.addWidget(self.load_checkpoint_button)
        top.addStretch(1)

        self.pen_button = self._tool("Pen", "Draw with the left button or pen tip (P).", checkable=True)
        self.eraser_button = self._tool("Eraser", "Erase with the left button (E). The right button always erases.",
                                        checkable=True)
        self.pen_button.setChecked(True)
        tools = QButtonGroup(self)
        tools.setExclusive(True)
        tools.addButton(self.pen_button)
        tools.addButton(self.eraser_button)
        self.brush_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.brush_slider.setRange(4, 40)
        self.brush_slider.setValue(self.canvas.brush_size)
        self.brush_slider.setFixedWidth(110)
        self.brush_slider.setToolTip("Brush size in canvas pixels ([ and ] change it).")
        self.brush_label = QLabel(self)
        self.brush_label.setMinimumWidth(24)
        self.undo_button = self._tool("Undo", "Take back the last stroke, clear or load (Ctrl+Z).")
        self.clear_button = self._tool("Clear", "Wipe the canvas (Delete). Undo brings it back.")

        tool_row = QHBoxLayout()
        tool_row.addWidget(self.pen_button)
        tool_row.addWidget(self.eraser_button)
        tool_row.addSpacing(8)
        tool_row.addWidget(QLabel("Brush", self))
        tool_row.addWidget(self.brush_slider)
        tool_row.addWidget(self.brush_label)
        tool_row.addStretch(1)
        tool_row.addWidget(self.undo_button)
        tool_row.addWidget(self.clear_button)

        self.open_button = self._tool("Open image…", "Classify an image file (Ctrl+O). You can also drop one here.")
        self.paste_button = self._tool("Paste", "Classify the image on the clipboard (Ctrl+V).")
        self.sample_button = self._tool("Random test sample", "Show a random image from the test set with its true "
                                        "label (Ctrl+R). Needs the data set on disk.")
        input_row = QHBoxLayout()
        input_row.addWidget(self.open_button)
        input_row.addWidget(self.paste_button)
        input_row.addWidget(self.sample_button)
        input_row.addStretch(1)

        left = QVBoxLayout()
        left.addLayout(tool_row)
        left.addWidget(self.canvas, 1)
        left.addLayout(input_row)

        self.predicted_label = QLabel(self)
        big = QFont(self.font())
        big.setPointSizeF(max(28.0, big.pointSizeF() * 3.2))
        big.setBold(True)
        self.predicted_label.setFont(big)
        self.predicted_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.predicted_label.setToolTip("The most likely class.")
        self.predicted_label.setMinimumHeight(self.predicted_label.fontMetrics().height() + 4)
        self.confidence_label = QLabel(self)
        self.confidence_label.setToolTip("How sure the model is about its top class.")
        self.bars = ProbabilityBars(self, rows=TOP_K)
        self.preview = PixelPreview(self, zoom=4)
        preview_caption = QLabel("What the model sees (28×28)", self)
        preview_caption.setToolTip(self.preview.toolTip())
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("color: palette(mid);")

        verdict = QVBoxLayout()
        verdict.addWidget(self.predicted_label)
        verdict.addWidget(self.confidence_label)
        verdict.addStretch(1)
        preview_box = QVBoxLayout()
        preview_box.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignRight)
        preview_box.addWidget(preview_caption, 0, Qt.AlignmentFlag.AlignRight)
        result = QHBoxLayout()
        result.addLayout(verdict, 1)
        result.addLayout(preview_box)

        right = QVBoxLayout()
        right.addLayout(result)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        right.addWidget(line)
        right.addWidget(self.bars)
        right.addWidget(self.message_label)
        right.addStretch(1)
        right.addWidget(self.source_label)

        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addSpacing(12)
        body.addLayout(right, 2)

        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(body, 1)

        self._shortcut(QKeySequence.StandardKey.Undo, self.undo)
        self._shortcut(QKeySequence(Qt.Key.Key_Delete), self.clear)
        self._shortcut(QKeySequence.StandardKey.Open, self.open_image_dialog)
        self._shortcut(QKeySequence.StandardKey.Paste, self.paste)
        self._shortcut(QKeySequence("Ctrl+R"), self.random_sample)
        self._shortcut(QKeySequence("E"), lambda: self.eraser_button.setChecked(True))
        self._shortcut(QKeySequence("P"), lambda: self.pen_button.setChecked(True))
        self._shortcut(QKeySequence("["), lambda: self.brush_slider.setValue(self.brush_slider.value() - 2))
        self._shortcut(QKeySequence("]"), lambda: self.brush_slider.setValue(self.brush_slider.value() + 2))

    def _tool(self, text: str, tip: str, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey, slot: Any) -> None:
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
        self.mode_combo.currentIndexChanged.connect(self._on_mode_chosen)
        self.source_combo.activated.connect(self._on_source_chosen)
        self.load_checkpoint_button.clicked.connect(self.load_checkpoint_dialog)
        self.pen_button.toggled.connect(lambda on: on and self.canvas.set_eraser(False))
        self.eraser_button.toggled.connect(lambda on: on and self.canvas.set_eraser(True))
        self.brush_slider.valueChanged.connect(self._on_brush)
        self._on_brush(self.brush_slider.value())
        self.undo_button.clicked.connect(self.undo)
        self.clear_button.clicked.connect(self.clear)
        self.open_button.clicked.connect(self.open_image_dialog)
        self.paste_button.clicked.connect(self.paste)
        self.sample_button.clicked.connect(self.random_sample)
        self.state.predictor_changed.connect(self._on_predictor_changed)
        self.state.model_updated.connect(self._on_model_updated)

    # ------------------------------------------------------------ public API
    @property
    def mode(self) -> str:
        """``digits`` or ``clothes``."""
        return self._mode

    def set_mode(self, mode: str) -> None:
        """Switch what the drawing is prepared as (and which bundled model and test set go with it)."""
        if mode not in bundled.MODES:
            raise ValueError(f"unknown mode {mode!r}")
        index = self.mode_combo.findData(mode)
        if index != self.mode_combo.currentIndex():
            self.mode_combo.setCurrentIndex(index)  # calls _on_mode_chosen
        elif mode != self._mode:
            self._on_mode_chosen(index)

    @property
    def source(self) -> str:
        """Where the model comes from: ``bundled``, ``current`` or ``checkpoint``."""
        return self._source

    def set_source(self, source: str) -> None:
        """Classify with the bundled model, the app's current model or the checkpoint loaded here."""
        if source not in (SOURCE_BUNDLED, SOURCE_CURRENT, SOURCE_CHECKPOINT):
            raise ValueError(f"unknown model source {source!r}")
        self._source = source
        self._forward_times = []  # another model: its speed is unknown again
        self._warm_up = True
        self._update_source_items()
        self.predict_now()

    def set_checkpoint(self, predictor: Predictor) -> None:
        """Use ``predictor`` (from a checkpoint) as the ``checkpoint`` source and switch to it."""
        self._checkpoint_predictor = predictor
        self._follow_dataset(predictor)
        self.set_source(SOURCE_CHECKPOINT)

    def set_data_dir(self, path: str) -> None:
        """Where to look for the test sets used by "Random test sample"."""
        self._data_dir = str(path)
        self._test_sets.clear()

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
            self._show_message(f"{label}: {exc}", error=True)
            return
        self._sample = None
        self.canvas.set_array(ink)
        self.predict_now()
        self._show_message(f"Showing {label}. Draw on it to change it; Ctrl+Z goes back.")

    def open_image(self, path: str | Path) -> bool:
        """Classify the image file at ``path``; a file that is not a readable image gets a clear message."""
        try:
            gray = preprocess.load_image(path)
        except preprocess.InputError as exc:
            self._show_message(str(exc), error=True)
            self.state.show_status(str(exc))
            return False
        self.show_image(gray, f"'{Path(path).name}'")
        return True

    def open_image_dialog(self) -> None:
        """Ask for an image file and classify it."""
        path, _ = QFileDialog.getOpenFileName(self, "Open an image to classify", "", IMAGE_FILTER)
        if path:
            self.open_image(path)

    def paste(self) -> None:
        """Classify the image (or image file) on the clipboard."""
        mime = QApplication.clipboard().mimeData()
        if mime is None or not self.take_mime(mime):
            self._show_message("The clipboard holds no image. Copy an image or an image file first.", error=True)

    def take_mime(self, mime: QMimeData) -> bool:
        """Classify an image or image file from a paste or a drop; False when there is none."""
        if mime.hasUrls():
            for url in mime.urls():
                if url.isLocalFile():
                    return self.open_image(url.toLocalFile())
        if mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.show_image(qimage_to_gray_alpha(image), "the pasted image")
                return True
        for fmt in ("image/png", "image/jpeg", "image/bmp"):
            if mime.hasFormat(fmt):
                try:
                    gray = preprocess.load_image_bytes(bytes(mime.data(fmt).data()))
                except preprocess.InputError as exc:
                    self._show_message(str(exc), error=True)
                    return True
                self.show_image(gray, "the pasted image")
                return True
        return False

    def random_sample(self) -> None:
        """Show a random test-set image of the current mode's data set, with its true label."""
        mode = bundled.MODES[self._mode]
        try:
            dataset = self._test_set(mode.dataset_id)
        except Exception as exc:  # missing files, a broken plugin: say so and go on
            self._show_message(
                f"No {mode.dataset_id} test set found in {self._data_dir} ({_first_line(exc)}). "
                "Put the data set there (or download it from the Data panel) to pick test samples.",
                error=True,
            )
            return
        index = random.randrange(len(dataset))
        image, label = dataset[index]
        gray = np.asarray(image.convert("L") if hasattr(image, "convert") else image, dtype=np.float32) / 255.0
        names = list(self.state.registry.dataset(mode.dataset_id).class_names or getattr(dataset, "classes", []))
        name = names[int(label)] if 0 <= int(label) < len(names) else str(int(label))
        self.canvas.set_array(gray)
        self._sample = (gray, name, f"Test sample #{index} of the {mode.dataset_id} test set.")
        self.predict_now()

    def true_label(self) -> str | None:
        """The true label of the test sample shown, when one is."""
        return self._sample[1] if self._sample else None

    def shutdown(self) -> None:
        """Stop and join the prediction thread."""
        self._debounce.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None

    # -------------------------------------------------------------- settings
    def restore_settings(self, settings: QSettings) -> None:
        """Restore mode, model source, brush size and data folder."""
        mode = str(settings.value("mode", self._mode))
        if mode in bundled.MODES:
            self.set_mode(mode)
        size = settings.value("brush", self.canvas.brush_size)
        try:
            self.brush_slider.setValue(int(size))
        except (TypeError, ValueError):
            pass
        data_dir = settings.value("data_dir", "")
        if data_dir:
            self.set_data_dir(str(data_dir))
        source = str(settings.value("source", SOURCE_BUNDLED))
        if source == SOURCE_CURRENT:
            self.set_source(source)

    def save_settings(self, settings: QSettings) -> None:
        """Remember mode, model source, brush size and data folder."""
        settings.setValue("mode", self._mode)
        settings.setValue("brush", self.canvas.brush_size)
        settings.setValue("data_dir", self._data_dir)
        settings.setValue("source", self._source if self._source != SOURCE_CHECKPOINT else SOURCE_BUNDLED)

    def focus_with(self, **kwargs: Any) -> None:
        """Other panels can ask for a mode, a model source or an image: ``mode=``, ``source=``, ``image=``."""
        if "mode" in kwargs:
            self.set_mode(str(kwargs["mode"]))
        if "source" in kwargs:
            self.set_source(str(kwargs["source"]))
        if "image" in kwargs:
            self.open_image(kwargs["image"])

    # ---------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        mime = event.mimeData()
        if mime.hasImage() or any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt API)
        if self.take_mime(event.mimeData()):
            event.acceptProposedAction()

    # --------------------------------------------------------------- sources
    def _on_mode_chosen(self, index: int) -> None:
        mode = self.mode_combo.itemData(index)
        if mode is None or mode == self._mode:
            return
        self._mode = mode
        self._sample = None
        self._update_source_items()
        self.predict_now()

    def _on_source_chosen(self, index: int) -> None:
        source = self.source_combo.itemData(index)
        if source == SOURCE_CHECKPOINT and self._checkpoint_predictor is None:
            self._update_source_items()
            self.load_checkpoint_dialog()
            return
        self.set_source(source)

    def load_checkpoint_dialog(self) -> None:
        """Ask for a checkpoint file and classify with its model."""
        path, _ = QFileDialog.getOpenFileName(self, "Load a checkpoint to classify with", "", CHECKPOINT_FILTER)
        if path:
            self.load_checkpoint(path)

    def load_checkpoint(self, path: str | Path) -> bool:
        """Load a torchdesk checkpoint (weights only, nothing in it runs) and classify with it."""
        from torchdesk.core.checkpoint import load_checkpoint

        try:
            predictor = load_checkpoint(path).predictor(self.state.registry)
        except Exception as exc:
            message = f"Could not load '{Path(path).name}' as a model: {_first_line(exc)}"
            self._show_message(message, error=True)
            self.state.report_error(message, traceback.format_exc())
            return False
        predictor.source = Path(path).name
        self.set_checkpoint(predictor)
        return True

    def _on_predictor_changed(self, predictor: Predictor | None) -> None:
        if self._source == SOURCE_CURRENT:
            self._forward_times = []
            self._warm_up = True
        self._live_snapshot = None
        self._live_dirty = True
        if self._source == SOURCE_CURRENT:
            if predictor is not None:
                self._follow_dataset(predictor)
            self._update_source_items()
            self.predict_now()
        else:
            self._update_source_items()

    def _on_model_updated(self) -> None:
        self._live_dirty = True
        if self._source == SOURCE_CURRENT and not self._debounce.isActive():
            self._debounce.start()

    def _follow_dataset(self, predictor: Predictor) -> None:
        config = predictor.config
        dataset_id = config.dataset.id if config is not None else ""
        mode = bundled.mode_for_dataset(dataset_id)
        if mode and mode != self._mode:
            self.set_mode(mode)

    def _update_source_items(self) -> None:
        mode = bundled.MODES[self._mode]
        current = self.state.predictor
        checkpoint = self._checkpoint_predictor
        entries = [
            (SOURCE_BUNDLED, f"Bundled {mode.label.split('(')[-1].rstrip(')')} model",
             "The pretrained model shipped with torchdesk for this mode; works offline."),
            (SOURCE_CURRENT, "Current model" + (f" ({current.source})" if current and current.source else ""),
             "The app's current model: the one being trained, or the last checkpoint loaded. "
             "Predictions follow training as it goes."),
            (SOURCE_CHECKPOINT,
             f"Checkpoint: {checkpoint.source}" if checkpoint else "Checkpoint file…",
             "A checkpoint file loaded here."),
        ]
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        for i, (key, text, tip) in enumerate(entries):
            self.source_combo.addItem(text, key)
            self.source_combo.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
        self.source_combo.setCurrentIndex(self.source_combo.findData(self._source))
        self.source_combo.blockSignals(False)

    def active_predictor(self) -> Predictor | None:
        """The model that classifies right now, or None (the message says why)."""
        if self._source == SOURCE_BUNDLED:
            name = bundled.MODES[self._mode].bundled
            try:
                return bundled.load_bundled(name)
            except Exception as exc:
                self._source_problem = f"The bundled {name} model could not be loaded: {_first_line(exc)}"
                return None
        if self._source == SOURCE_CHECKPOINT:
            if self._checkpoint_predictor is None:
                self._source_problem = "No checkpoint loaded yet: use “Load checkpoint…”."
            return self._checkpoint_predictor
        current = self.state.predictor
        if current is None:
            self._source_problem = ("No current model yet: train one in the Train panel or load a checkpoint, "
                                    "or choose the bundled model.")
            return None
        if not self.state.training_active:
            return current
        # A training run owns the live model; classify with a copy so eval mode never leaks into training.
        if self._live_dirty or self._live_snapshot is None:
            try:
                model = copy.deepcopy(current.model)
            except Exception:
                model = current.model
            self._live_snapshot = Predictor(model, current.class_names, current.input_shape, current.transform,
                                            current.source, current.config, current.extra)
            self._live_dirty = False
        return self._live_snapshot

    # ------------------------------------------------------------ predicting
    def _on_canvas_changed(self) -> None:
        self._sample = None  # an edited test sample is a drawing now and gets prepared like one
        if not self._debounce.isActive():
            self._debounce.start()

    def _on_brush(self, value: int) -> None:
        self.canvas.set_brush_size(value)
        self.brush_label.setText(str(value))

    def model_input(self) -> np.ndarray:
        """The 28x28 picture for the canvas in the current mode (a test sample as it is in the data set).

        Raises :class:`~torchdesk.core.preprocess.NothingDrawnError` when the canvas is empty.
        """
        if self._sample is not None:
            return self._sample[0]
        return preprocess.preprocess(self.canvas.to_array(), self._mode)

    def predict_now(self) -> None:
        """Classify what is on the canvas now and update the bars, the big label and the preview."""
        self._debounce.stop()
        started = time.perf_counter()
        self._job_number += 1  # any answer still on its way is for an older picture now
        self._source_problem = ""
        predictor = self.active_predictor()
        self.source_label.setText(f"Model: {predictor.source or 'unnamed model'}" if predictor else "")
        try:
            picture = self.model_input()
        except preprocess.NothingDrawnError:
            self._show_nothing()
            return
        except preprocess.InputError as exc:
            self._show_result(None)
            self._show_message(str(exc), error=True)
            return
        self._share_drawing(picture)
        if predictor is None:
            self.preview.set_array(picture)
            self._show_result(None)
            self._show_message(self._source_problem, error=True)
            return
        try:
            model_input = fit_to_input(picture, predictor.input_shape)
        except Exception as exc:
            self._show_result(None)
            self._show_message(f"This model's input shape {predictor.input_shape} is not an image: {exc}", error=True)
            return
        self.last_model_input = model_input
        self.preview.set_array(model_input[0] if model_input.shape[0] == 1 else model_input.mean(axis=0))
        job = PredictionJob(self._job_number, predictor, model_input)
        if self.predicts_in_thread():
            self._run_in_thread(job)
            return
        forward_started = time.perf_counter()
        try:
            probs = predictor.probabilities(torch.from_numpy(model_input))[0]
        except Exception as exc:
            self._on_failed(job.number, f"The model could not classify this picture: {_first_line(exc)}",
                            traceback.format_exc())
            return
        self._record_forward(time.perf_counter() - forward_started)
        self._display(job, probs)
        self.last_latency_s = time.perf_counter() - started

    def predicts_in_thread(self) -> bool:
        """Whether the model has proved too slow for the GUI thread (see ``SLOW_PREDICTION_S``)."""
        recent = self._forward_times[-3:]
        return sum(t > SLOW_PREDICTION_S for t in recent) >= 2

    def is_predicting(self) -> bool:
        """True while a prediction is scheduled or running on the worker thread."""
        return self._debounce.isActive() or self._in_flight or self._pending is not None

    def _record_forward(self, seconds: float) -> None:
        if self._warm_up:  # a model's first pass pays for one-off set-up: not a fair measure
            self._warm_up = False
            return
        self._forward_times = self._forward_times[-2:] + [seconds]

    def _run_in_thread(self, job: PredictionJob) -> None:
        if self._thread is None:
            self._thread = QThread(self)
            self._thread.setObjectName("torchdesk-classify")
            self._worker = PredictionWorker()
            self._worker.moveToThread(self._thread)
            self._thread.finished.connect(self._worker.deleteLater)
            self._submit.connect(self._worker.run)
            self._worker.done.connect(self._on_done)
            self._worker.failed.connect(self._on_failed)
            self._thread.start()
        if self._in_flight:
            self._pending = job
            return
        self._in_flight = True
        self._current_job = job
        self._submit.emit(job)

    def _on_done(self, number: int, probs: torch.Tensor, seconds: float) -> None:
        self._in_flight = False
        self._record_forward(seconds)
        if number == self._job_number:
            self._display(self._current_job, probs)
        if self._pending is not None:
            job, self._pending = self._pending, None
            self._run_in_thread(job)

    def _on_failed(self, number: int, message: str, detail: str) -> None:
        self._in_flight = False
        if number == self._job_number:
            self._show_result(None)
            self._show_message(message, error=True)
        if self._pending is not None:
            job, self._pending = self._pending, None
            self._run_in_thread(job)

    def _display(self, job: PredictionJob, probs: torch.Tensor) -> None:
        k = min(TOP_K, probs.numel())
        values, indices = probs.topk(k)
        items = [(job.predictor.class_name(int(i)), float(v)) for v, i in zip(values, indices)]
        self._show_result(items)
        if self._sample is not None:
            verdict = "right" if items[0][0] == self._sample[1] else "wrong"
            self._show_message(f"{self._sample[2]} True label: {self._sample[1]} (the model is {verdict}).")
        else:
            self._show_message("")
        self.prediction_shown.emit()

    def _show_result(self, items: list[tuple[str, float]] | None) -> None:
        if not items:
            self.predicted_label.setText("")
            self.confidence_label.setText("")
            self.bars.set_items([])
            return
        name, prob = items[0]
        self.predicted_label.setText(name)
        self.confidence_label.setText(f"{prob:.1%} sure")
        self.bars.set_items(items)

    def _share_drawing(self, picture: np.ndarray | None) -> None:
        """Tell other panels (the model view's activations) what the model sees now."""
        if picture is None:
            if self.state.drawing is not None:
                self.state.set_drawing(None)
            return
        self.state.set_drawing(torch.from_numpy(np.ascontiguousarray(picture, dtype=np.float32)).unsqueeze(0))

    def _show_nothing(self) -> None:
        self._share_drawing(None)
        self.preview.set_array(None)
        self.last_model_input = None
        self._show_result(None)
        noun = bundled.MODES[self._mode].noun
        self._show_message(f"Nothing drawn yet: draw {noun} on the canvas, or open, paste or drop an image.")
        self.prediction_shown.emit()

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #c0392b;" if error else "")

    def message(self) -> str:
        """The message under the bars (why nothing is predicted, the true label, an error)."""
        return self.message_label.text()

    def prediction(self) -> list[tuple[str, float]]:
        """The top classes shown now, most likely first (empty when nothing is predicted)."""
        return self.bars.items()

    def _test_set(self, dataset_id: str) -> Any:
        if dataset_id not in self._test_sets:
            spec = self.state.registry.dataset(dataset_id)
            self._test_sets[dataset_id] = spec.factory(root=self._data_dir, train=False, download=False,
                                                       transform=None, target_transform=None)
        return self._test_sets[dataset_id]


def qimage_to_gray_alpha(image: QImage) -> np.ndarray:
    """Grayscale floats from a QImage, transparency resolved the way image files are."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    w, h, stride = rgba.width(), rgba.height(), rgba.bytesPerLine()
    buffer = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    array = buffer[:, : w * 4].reshape(h, w, 4).astype(np.float32) / 255.0
    return preprocess.rgba_to_gray(array)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
