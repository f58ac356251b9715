"""One sample up close: the raw image, the tensor after the pipeline, the target after the target transform.

Random augmentations are shown as several draws side by side, since one draw
says little about what the model will see across epochs.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.i18n import class_name_text
from torchdesk.core.sample_source import to_uint8_chw
from torchdesk.desktop.dataview.tensor_view import TensorImageView, target_html, target_plain, tensor_summary
from torchdesk.desktop.i18n import translate

RANDOM_DRAWS = 6


class SampleInspector(QWidget):
    """Shows the sample the person clicked, run through the current image and target pipelines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._raw: Any = None
        self._label: int | None = None
        self._class_names: list[str] = []
        self._image_fn: Callable[[Any], torch.Tensor] | None = None
        self._target_fn: Callable[[Any], Any] | None = None
        self._random = False
        self._pipeline_problem = ""  # why the pipeline could not be built as asked ('' when it could)
        self.last_tensor: torch.Tensor | None = None
        self.last_target: Any = None
        self._raw_description = ""

        self.header = QLabel(self._click_text())
        self.header.setObjectName("inspector_header")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.raw_view = TensorImageView(side=140)
        self.raw_view.setObjectName("raw_image")
        self.raw_view.setToolTip(translate("SampleInspector",
                                           "The image exactly as the dataset stores it (uint8 0..255), enlarged "
                                           "without smoothing; move the mouse over it to read the pixel values."))
        self.raw_caption = QLabel()
        self.raw_caption.setStyleSheet("color: gray")

        self.tensor_view = TensorImageView(side=140)
        self.tensor_view.setObjectName("tensor_view")
        self.tensor_caption = QLabel()
        self.tensor_caption.setObjectName("tensor_summary")
        self.hover_label = QLabel(translate("SampleInspector", "Hover to read values."))
        self.hover_label.setObjectName("tensor_hover")
        self.hover_label.setStyleSheet("color: gray")
        self.tensor_view.hovered.connect(
            lambda text: self.hover_label.setText(text or translate("SampleInspector", "Hover to read values.")))
        self.raw_view.hovered.connect(
            lambda text: self.raw_caption.setText(translate("SampleInspector", "pixel {value}\n").format(value=text)
                                                  if text else self._raw_description))

        self.target_view = QLabel()
        self.target_view.setObjectName("target_view")
        self.target_view.setTextFormat(Qt.TextFormat.RichText)
        self.target_view.setWordWrap(True)
        self.target_view.setToolTip(translate("SampleInspector", "The label after the target transform (the "
                                                                 "walkthrough's one-hot, for example)."))

        self.error_label = QLabel()
        self.error_label.setObjectName("pipeline_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c0392b")
        self.error_label.hide()

        self.draws_box = QGroupBox(translate("SampleInspector", "Random augmentations: several draws of the same "
                                                                "sample"))
        self.draws_box.setObjectName("random_draws")
        self.draw_views = [TensorImageView(side=76) for _ in range(RANDOM_DRAWS)]
        self.redraw_button = QPushButton(translate("SampleInspector", "Redraw"))
        self.redraw_button.setToolTip(translate("SampleInspector", "Draw the random augmentations again (Ctrl+R)."))
        self.redraw_button.setShortcut("Ctrl+R")
        self.redraw_button.clicked.connect(self.refresh)
        draws_layout = QHBoxLayout(self.draws_box)
        for view in self.draw_views:
            view.setMinimumSize(36, 36)
            draws_layout.addWidget(view)
        draws_layout.addWidget(self.redraw_button)
        self.draws_box.hide()

        raw_box = QGroupBox(translate("SampleInspector", "Raw image"))
        raw_layout = QVBoxLayout(raw_box)
        raw_layout.addWidget(self.raw_view, 1)
        raw_layout.addWidget(self.raw_caption)
        tensor_box = QGroupBox(translate("SampleInspector", "Tensor after the pipeline"))
        tensor_layout = QVBoxLayout(tensor_box)
        tensor_layout.addWidget(self.tensor_view, 1)
        tensor_layout.addWidget(self.tensor_caption)
        tensor_layout.addWidget(self.hover_label)
        for box in (raw_box, tensor_box):
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        target_box = QGroupBox(translate("SampleInspector", "Target after the target transform"))
        target_scroll = QScrollArea()  # a long vector (many classes) scrolls instead of widening the panel
        target_scroll.setWidget(self.target_view)
        target_scroll.setWidgetResizable(True)
        target_scroll.setFrameShape(QFrame.Shape.NoFrame)
        target_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        target_scroll.setMinimumHeight(62)
        target_scroll.setMaximumHeight(90)
        target_layout = QVBoxLayout(target_box)
        target_layout.addWidget(target_scroll)

        grid = QGridLayout()
        grid.addWidget(raw_box, 0, 0)
        grid.addWidget(tensor_box, 0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addLayout(grid, 1)
        layout.addWidget(target_box)
        layout.addWidget(self.draws_box)
        layout.addWidget(self.error_label)

    @staticmethod
    def _click_text() -> str:
        return translate("SampleInspector", "Click a thumbnail to inspect it.")

    def clear(self, message: str | None = None) -> None:
        """Show nothing (no dataset, or the sample went away)."""
        self._raw = None
        self._label = None
        self.header.setText(self._click_text() if message is None else message)
        self.raw_view.set_tensor(None)
        self.raw_caption.clear()
        self.tensor_view.set_tensor(None)
        self.tensor_caption.clear()
        self.target_view.clear()
        self.draws_box.hide()
        self.error_label.hide()

    def set_pipeline(self, image_fn: Callable[[Any], torch.Tensor] | None, target_fn: Callable[[Any], Any] | None,
                     random: bool, problem: str = "") -> None:
        """Use these per-sample functions (ToTensor + transforms; target transforms) from now on."""
        self._image_fn, self._target_fn, self._random = image_fn, target_fn, random
        self._pipeline_problem = problem
        self.refresh()

    def show_sample(self, dataset_index: int, raw: Any, label: int, class_names: Sequence[str],
                    note: str = "") -> None:
        """Inspect one sample: ``raw`` as the dataset returns it (a PIL image) and its class index."""
        # the names as shown (translated); the dataset keeps its English ones
        self._raw, self._label = raw, int(label)
        self._class_names = [class_name_text(str(name)) for name in class_names]
        name = class_names[label] if 0 <= label < len(class_names) else str(label)
        shown = f"{label} ({class_name_text(name)})" if name != str(label) else str(label)
        self.header.setText(translate("SampleInspector", "<b>Sample #{index}</b> — label {label}").format(
            index=dataset_index, label=shown) + note)
        try:
            pixels = to_uint8_chw(raw)
        except Exception as exc:  # an image PIL cannot convert: say so, keep going
            self.raw_view.set_tensor(None)
            self.raw_caption.setText(translate("SampleInspector", "cannot show: {error}").format(error=exc))
            pixels = None
        if pixels is not None:
            self.raw_view.set_tensor(pixels)
            mode = getattr(raw, "mode", "")
            size = getattr(raw, "size", None)
            kind = (translate("SampleInspector", "PIL image {mode} {width}×{height}").format(
                mode=mode, width=size[0], height=size[1]) if mode and size else type(raw).__name__)
            self._raw_description = f"{kind}\nuint8, 0..255"
            self.raw_caption.setText(self._raw_description)
        self.refresh()

    def refresh(self) -> None:
        """Run the current sample through the pipelines again (new random draws too)."""
        if self._raw is None:
            return
        problems = [self._pipeline_problem] if self._pipeline_problem else []
        self.last_tensor = None
        if self._image_fn is not None:
            try:
                tensor = self._image_fn(self._raw)
                if not isinstance(tensor, torch.Tensor):
                    raise TypeError(translate("SampleInspector", "the pipeline produced {type}, not a tensor")
                                    .format(type=type(tensor).__name__))
                self.last_tensor = tensor
                self.tensor_view.set_tensor(tensor if tensor.dim() in (2, 3) else None)
                self.tensor_caption.setText(tensor_summary(tensor))
            except Exception as exc:
                self.tensor_view.set_tensor(None)
                self.tensor_caption.setText("")
                problems.append(translate("SampleInspector", "The image pipeline failed on this sample: {error}")
                                .format(error=f"{type(exc).__name__}: {exc}"))
        self.last_target = self._label
        try:
            target = self._target_fn(self._label) if self._target_fn is not None else self._label
            self.last_target = target
            self.target_view.setText(target_html(target, self._class_names))
            self.target_view.setToolTip(translate("SampleInspector", "The label after the target transform: {target}")
                                        .format(target=target_plain(target)))
        except Exception as exc:
            self.target_view.setText("")
            problems.append(translate("SampleInspector", "The target pipeline failed: {error}")
                            .format(error=f"{type(exc).__name__}: {exc}"))
        if self._random and self._image_fn is not None and self.last_tensor is not None:
            for view in self.draw_views:
                try:
                    view.set_tensor(self._image_fn(self._raw))
                except Exception:
                    view.set_tensor(None)
            self.draws_box.show()
        else:
            self.draws_box.hide()
        self.error_label.setText("\n".join(problems))
        self.error_label.setVisible(bool(problems))
