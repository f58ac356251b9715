"""The left side of the Data panel: filters, jump and zoom above the thumbnail grid, the model's verdict below.

Layout only: the Data panel connects the signals and owns the behaviour. Two message
bars: one above the grid for a confusion-matrix focus ("Show all" leaves it), one
above the model row saying when the current model does not fit this data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from torchdesk.desktop.dataview.thumbnails import ThumbnailGrid
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.message_bar import MessageBar


class BrowserView(QWidget):
    """Class filter, misclassified-only, jump to index, zoom; the grid; the focus and model-fit message bars;
    counts and the model row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.class_filter = QComboBox()
        self.class_filter.setObjectName("class_filter")
        self.class_filter.setToolTip(translate("BrowserView", "Show only samples whose true class is this one."))
        self.class_filter.setMinimumContentsLength(8)
        self.class_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.misclassified_check = QCheckBox(translate("BrowserView", "Misclassified only"))
        self.misclassified_check.setObjectName("misclassified_only")
        self.misclassified_check.setToolTip(translate("BrowserView", "Show only samples the current model gets wrong, "
                                                                     "most confident mistakes first (needs a model: "
                                                                     "train one or open a checkpoint)."))
        self.jump_spin = QSpinBox()
        self.jump_spin.setObjectName("jump_index")
        self.jump_spin.setToolTip(translate("BrowserView", "A sample index to jump to (Ctrl+G focuses this box; Enter "
                                                           "jumps)."))
        self.jump_spin.setKeyboardTracking(False)
        self.jump_spin.setPrefix("#")
        self.jump_button = QPushButton(translate("BrowserView", "Go"))
        self.jump_button.setToolTip(translate("BrowserView", "Show and inspect the sample with this index."))
        self.jump_button.setMaximumWidth(48)
        self.zoom_slider = QSlider(Qt.Orientation.Horizontal)
        self.zoom_slider.setObjectName("zoom")
        self.zoom_slider.setRange(ThumbnailGrid.MIN_ZOOM, ThumbnailGrid.MAX_ZOOM)
        self.zoom_slider.setToolTip(translate("BrowserView", "Thumbnail size (Ctrl+= / Ctrl+-, or Ctrl+wheel over the "
                                                             "grid)."))
        self.zoom_slider.setMinimumWidth(60)
        self.zoom_slider.setMaximumWidth(120)

        self.grid = ThumbnailGrid()
        self.grid.setObjectName("thumbnail_grid")
        self.zoom_slider.setValue(self.grid.zoom())

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.focus_bar = MessageBar(self, "focus_bar")
        self.fit_bar = MessageBar(self, "model_fit_bar")

        self.model_label = QLabel()
        self.model_label.setObjectName("model_label")
        self.model_label.setWordWrap(True)
        self.predict_button = QPushButton(translate("BrowserView", "Predict all"))
        self.predict_button.setObjectName("predict")
        self.predict_button.setToolTip(translate("BrowserView", "Run the current model over every sample of this split "
                                                                "and mark each thumbnail right or wrong (F5)."))
        self.predict_button.setShortcut(QKeySequence("F5"))
        self.predict_progress = QProgressBar()
        self.predict_progress.setMaximumWidth(160)
        self.predict_progress.setToolTip(translate("BrowserView", "Predicting every sample of this split."))
        self.predict_progress.hide()

        tools = QHBoxLayout()
        tools.addWidget(QLabel(translate("BrowserView", "Class:")))
        tools.addWidget(self.class_filter)
        tools.addWidget(self.misclassified_check)
        tools.addSpacing(6)
        tools.addWidget(self.jump_spin)
        tools.addWidget(self.jump_button)
        tools.addStretch(1)
        count_row = QHBoxLayout()
        count_row.addWidget(QLabel(translate("BrowserView", "Zoom:")))
        count_row.addWidget(self.zoom_slider)
        count_row.addSpacing(8)
        count_row.addWidget(self.count_label, 1)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_label, 1)
        model_row.addWidget(self.predict_progress)
        model_row.addWidget(self.predict_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.focus_bar)
        layout.addWidget(self.grid, 1)
        layout.addLayout(count_row)
        layout.addWidget(self.fit_bar)
        layout.addLayout(model_row)
