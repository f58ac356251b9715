"""What one layer holds and what it sees: its weights (histogram, filters) and its activations.

The model panel hands it a model, a layer name and a sample batch; the numbers and
pictures come from ``torchdesk.core.inspect`` and this widget only draws them.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pyqtgraph as pg
import torch
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from torch import nn

from torchdesk.core.i18n import class_name_text
from torchdesk.core.inspect.probe import format_shapes
from torchdesk.core.inspect.weights import (
    capture_activations,
    feature_maps,
    filter_images,
    is_image_conv,
    mosaic,
    weight_stats,
)
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.themed_plot import ThemedPlot


def to_qimage(array: np.ndarray) -> QImage:
    """A uint8 ``(H, W)`` or ``(H, W, 3)`` array as a QImage that owns its pixels."""
    array = np.ascontiguousarray(array)
    h, w = array.shape[:2]
    if array.ndim == 2:
        image = QImage(array.data, w, h, w, QImage.Format.Format_Grayscale8)
    else:
        image = QImage(array.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    return image.copy()


class ImageLabel(QLabel):
    """Shows a small picture enlarged by a whole factor with crisp pixels, fitting its space."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(120, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_array(self, array: np.ndarray | None, empty_text: str = "") -> None:
        """Show ``array`` (uint8), or ``empty_text`` when there is nothing to show."""
        self._image = to_qimage(array) if array is not None else None
        if self._image is None:
            self.setPixmap(QPixmap())
            self.setText(empty_text)
        else:
            self.setText("")
            self._rescale()

    def image(self) -> QImage | None:
        """The picture at its own size."""
        return self._image

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Keep the picture as large as the space allows."""
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        if self._image is None:
            return
        space = self.size() - QSize(4, 4)
        factor = max(1, min(space.width() // max(1, self._image.width()), space.height() // max(1, self._image.height())))
        if factor * self._image.width() > space.width() or factor * self._image.height() > space.height():
            pixmap = QPixmap.fromImage(self._image).scaled(space, Qt.AspectRatioMode.KeepAspectRatio,
                                                           Qt.TransformationMode.SmoothTransformation)
        else:
            pixmap = QPixmap.fromImage(self._image.scaled(self._image.width() * factor, self._image.height() * factor))
        self.setPixmap(pixmap)


class LayerInspector(QWidget):
    """A layer's parameters as numbers and a histogram, its filters, and its output for a sample."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: nn.Module | None = None
        self.module_name: str | None = None
        self.batch: torch.Tensor | None = None
        self.sample_text = ""
        self.class_names: list[str] = []
        self.last_activation: torch.Tensor | None = None
        self._rgb_filters = False

        self.title = QLabel(translate("LayerInspector", "Click a layer in the graph or the table."))
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)

        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self.stats.setFont(mono)

        self.histogram = ThemedPlot(left=translate("LayerInspector", "count"),
                                    bottom=translate("LayerInspector", "weight value"))
        self.histogram.setMinimumHeight(160)
        self.histogram.setMaximumHeight(230)
        self.histogram.setToolTip(translate("LayerInspector", "How the layer's weight values are spread (all its "
                                                              "parameter tensors together)."))

        self.filters = ImageLabel()
        self.filters.setMinimumHeight(220)
        self.filters.setToolTip(translate("LayerInspector", "The convolution's filters, each scaled on its own: "
                                                            "bright = large positive weight."))
        self.channel = QSpinBox()
        self.channel.setToolTip(translate("LayerInspector", "Which input channel of the filters to show (filters "
                                                            "over RGB input show in colour)."))
        self.channel.valueChanged.connect(self._show_filters)
        filters_box = QGroupBox(translate("LayerInspector", "Filters"))
        filters_layout = QVBoxLayout(filters_box)
        channel_row = QHBoxLayout()
        self.channel_label = QLabel(translate("LayerInspector", "Input channel"))
        channel_row.addWidget(self.channel_label)
        channel_row.addWidget(self.channel)
        channel_row.addStretch(1)
        filters_layout.addLayout(channel_row)
        filters_layout.addWidget(self.filters, 1)
        self.filters_box = filters_box

        self.activation_caption = QLabel()
        self.activation_caption.setWordWrap(True)
        self.activation_image = ImageLabel()
        self.activation_image.setMinimumHeight(280)
        self.activation_image.setToolTip(translate("LayerInspector", "The layer's output channels for the sample, "
                                                                     "each scaled on its own."))
        self.activation_plot = ThemedPlot()
        self.activation_plot.setMinimumHeight(220)
        self.activation_plot.setToolTip(translate("LayerInspector", "The layer's output values for the sample."))
        activations_box = QGroupBox(translate("LayerInspector", "Activations for the sample"))
        activations_layout = QVBoxLayout(activations_box)
        activations_layout.addWidget(self.activation_caption)
        activations_layout.addWidget(self.activation_image, 1)
        activations_layout.addWidget(self.activation_plot, 1)
        self.activations_box = activations_box

        weights_box = QGroupBox(translate("LayerInspector", "Weights"))
        weights_layout = QVBoxLayout(weights_box)
        weights_layout.addWidget(self.stats)
        weights_layout.addWidget(self.histogram, 1)
        self.weights_box = weights_box

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(weights_box)
        layout.addWidget(filters_box, 1)
        layout.addWidget(activations_box, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._clear()

    # -- inputs -------------------------------------------------------------------------------
    def set_model(self, model: nn.Module | None, class_names: Sequence[str] = ()) -> None:
        """A new model: forget the selected layer."""
        self.model = model
        self.class_names = list(class_names)
        self.module_name = None
        self._clear()

    def set_sample(self, batch: torch.Tensor | None, description: str) -> None:
        """The ``(1, C, H, W)`` batch whose activations are shown, and where it came from.

        ``None`` withholds the activations (a sample the model does not fit): ``description`` says why.
        """
        self.batch = batch
        self.sample_text = description
        if batch is None:
            self._hide_activations(description)
        else:
            self._show_activations()

    def show_layer(self, name: str) -> None:
        """Show the layer ``name`` (a dotted module path; ``""`` is the whole model)."""
        if self.model is None:
            return
        modules = dict(self.model.named_modules())
        if name not in modules:
            return
        self.module_name = name
        module = modules[name]
        params = sum(p.numel() for p in module.parameters())
        self.title.setText(translate("LayerInspector", "{name}  ·  {type}  ·  {params:,} parameters").format(
            name=name or translate("LayerInspector", "whole model"), type=type(module).__name__, params=params))
        self.weights_box.setVisible(True)
        self.activations_box.setVisible(True)
        self.refresh_weights()
        self._show_activations()

    def refresh_weights(self) -> None:
        """Re-read the selected layer's weights (they change while training)."""
        if self.model is None or self.module_name is None:
            return
        stats = weight_stats(self.model, self.module_name)
        self.stats.setText(stats.text())
        self.histogram.clear()
        if stats.counts.size:
            self.histogram.plot(stats.edges, stats.counts, stepMode="center", fillLevel=0,
                                brush=pg.mkBrush(59, 110, 168, 150), pen=pg.mkPen(59, 110, 168))
        module = dict(self.model.named_modules())[self.module_name]
        self.filters_box.setVisible(is_image_conv(module))
        if is_image_conv(module):
            in_channels = module.weight.shape[1] if not module.transposed else module.weight.shape[0]
            rgb = in_channels == 3
            self._rgb_filters = rgb
            self.channel.blockSignals(True)
            self.channel.setRange(0, max(0, in_channels - 1))
            self.channel.blockSignals(False)
            self.channel.setVisible(not rgb and in_channels > 1)
            self.channel_label.setVisible(not rgb and in_channels > 1)
            self._show_filters()

    # -- drawing ---------------------------------------------------------------------------------
    def _clear(self) -> None:
        self.stats.setText("")
        self.histogram.clear()
        self.filters_box.setVisible(False)
        self.activation_caption.setText("")
        self.activation_image.set_array(None)
        self.activation_image.setVisible(False)
        self.activation_plot.clear()
        self.activation_plot.setVisible(False)
        self.last_activation = None
        self.weights_box.setVisible(False)
        self.activations_box.setVisible(False)
        if self.model is None:
            self.title.setText(translate("LayerInspector", "Build a model to inspect its layers."))
        else:
            self.title.setText(translate("LayerInspector", "Click a layer in the graph or the table to see its "
                                                           "weights and activations."))

    def _show_filters(self) -> None:
        if self.model is None or self.module_name is None:
            return
        module = dict(self.model.named_modules())[self.module_name]
        images = filter_images(module, None if self._rgb_filters else self.channel.value())
        if images is None:
            return
        self.filters.set_array(mosaic(images, pad=1), "")
        total = module.out_channels
        if module.kernel_size == (1, 1):
            self.filters_box.setTitle(translate("LayerInspector", "Filters: 1×1, shown as the weight matrix "
                                                                  "({total} rows × inputs)").format(total=total))
            self.channel.setVisible(False)
            self.channel_label.setVisible(False)
            return
        shown = images.shape[0]
        self.filters_box.setTitle(translate("LayerInspector", "Filters ({shown} of {total} shown)")
                                  .format(shown=shown, total=total) if shown < total
                                  else translate("LayerInspector", "Filters ({total})").format(total=total))

    def _hide_activations(self, caption: str) -> None:
        self.last_activation = None
        self.activation_caption.setText(caption)
        self.activation_image.set_array(None)
        self.activation_image.setVisible(False)
        self.activation_plot.clear()
        self.activation_plot.setVisible(False)

    def _show_activations(self) -> None:
        if self.model is None or self.module_name is None:
            return
        if self.batch is None:
            self._hide_activations(self.sample_text)
            return
        try:
            captured, _ = capture_activations(self.model, self.batch, [self.module_name])
        except Exception as exc:  # a model that rejects the sample: say so, keep the panel alive
            self.activation_caption.setText(translate("LayerInspector", "The sample could not pass through the "
                                                                        "model: {error}")
                                            .format(error=f"{type(exc).__name__}: {exc}"))
            self.activation_image.setVisible(False)
            self.activation_plot.setVisible(False)
            return
        activation = captured.get(self.module_name)
        self.last_activation = activation
        if activation is None:
            self.activation_caption.setText(
                translate("LayerInspector", "{layer} was not called for this sample.").format(layer=self.module_name)
                if self.module_name else translate("LayerInspector", "The model was not called for this sample."))
            self.activation_image.setVisible(False)
            self.activation_plot.setVisible(False)
            return
        flat = activation.float()
        caption = translate("LayerInspector", "{sample}: output {shape}, mean {mean:+.3f}, max {max:+.3f}, "
                                              "{zero:.0f}% ≤ 0").format(
            sample=self.sample_text, shape=format_shapes([tuple(activation.shape)]), mean=float(flat.mean()),
            max=float(flat.max()), zero=float((flat <= 0).float().mean()) * 100)
        maps = feature_maps(activation)
        if maps is not None:
            self.activation_image.set_array(mosaic(maps, pad=1))
            self.activation_image.setVisible(True)
            self.activation_plot.setVisible(False)
            channels = activation.shape[1]
            if maps.shape[0] < channels:
                caption += " — " + translate("LayerInspector", "first {shown} of {total} channels").format(
                    shown=maps.shape[0], total=channels)
        else:
            values = flat[0].flatten().numpy() if flat.dim() > 0 and flat.shape[0] == 1 else flat.flatten().numpy()
            self._plot_vector(values)
            self.activation_image.setVisible(False)
            self.activation_plot.setVisible(True)
        self.activation_caption.setText(caption)

    def _plot_vector(self, values: np.ndarray) -> None:
        plot = self.activation_plot
        plot.clear()
        values = values[:2048]
        x = np.arange(len(values))
        plot.addItem(pg.BarGraphItem(x=x, height=values, width=0.8, brush=pg.mkBrush(200, 116, 28, 200),
                                    pen=pg.mkPen(200, 116, 28)))
        axis = plot.getAxis("bottom")
        if self.class_names and len(values) == len(self.class_names):
            axis.setTicks([[(i, class_name_text(name)[:10]) for i, name in enumerate(self.class_names)]])
            plot.setLabel("bottom", translate("LayerInspector", "class"))
        else:
            axis.setTicks(None)
            plot.setLabel("bottom", translate("LayerInspector", "unit"))
        plot.setLabel("left", translate("LayerInspector", "value"))

