"""The Model panel's right column: which sample to feed the model, whether it fits, and the layer inspector."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QToolButton, QVBoxLayout, QWidget

from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.model_view.samples import SAMPLE_DATASET, SAMPLE_DRAWING, SAMPLE_NOISE
from torchdesk.desktop.widgets.layer_inspector import LayerInspector
from torchdesk.desktop.widgets.message_bar import MessageBar


class SampleView(QWidget):
    """The sample row (kind, test index, Next, data folder), a note, the fit notice and the inspector.

    ``sample_changed`` fires when the kind or index changes, ``next_requested`` on Next,
    ``folder_requested`` on "Data…".
    """

    sample_changed = Signal()
    next_requested = Signal()
    folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sample_combo = QComboBox()
        self.sample_combo.addItem(translate("SampleView", "Random noise"), SAMPLE_NOISE)
        self.sample_combo.addItem(translate("SampleView", "Dataset test sample"), SAMPLE_DATASET)
        self.sample_combo.addItem(translate("SampleView", "The drawing (classify panel)"), SAMPLE_DRAWING)
        self.sample_combo.setToolTip(translate("SampleView", "What to feed the model to see each layer's activations."))
        # Elided rather than widening the column past what a 1024-px screen leaves it.
        self.sample_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sample_combo.setMinimumContentsLength(10)
        self.sample_index = QSpinBox()
        self.sample_index.setRange(0, 10_000_000)
        self.sample_index.setToolTip(translate("SampleView", "Which test sample of the dataset (0-based)."))
        self.next_sample = QToolButton()
        self.next_sample.setText(translate("SampleView", "Next"))
        self.next_sample.setToolTip(translate("SampleView", "Another sample: the next dataset image, or new noise "
                                                            "(Ctrl+N)."))
        self.data_button = QToolButton()
        self.data_button.setText(translate("SampleView", "Data…"))
        self.sample_note = QLabel()
        self.sample_note.setWordWrap(True)
        self.fit_bar = MessageBar(object_name="sampleFitBar")
        self.inspector = LayerInspector()
        row = QHBoxLayout()
        row.addWidget(self.sample_combo, 1)
        row.addWidget(self.sample_index)
        row.addWidget(self.next_sample)
        row.addWidget(self.data_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row)
        layout.addWidget(self.sample_note)
        layout.addWidget(self.fit_bar)
        layout.addWidget(self.inspector, 1)
        self.sample_combo.currentIndexChanged.connect(lambda *_: self.sample_changed.emit())
        self.sample_index.valueChanged.connect(lambda *_: self.sample_changed.emit())
        self.next_sample.clicked.connect(lambda *_: self.next_requested.emit())
        self.data_button.clicked.connect(lambda *_: self.folder_requested.emit())

    def kind(self) -> str:
        """``SAMPLE_NOISE``, ``SAMPLE_DATASET`` or ``SAMPLE_DRAWING``."""
        return str(self.sample_combo.currentData())

    def choose(self, kind: str) -> None:
        """Pick the kind of sample as a person would in the list."""
        self.sample_combo.setCurrentIndex(self.sample_combo.findData(kind))

    def update_controls(self, has_dataset: bool, has_drawing: bool, folder: str) -> None:
        """Offer the dataset and the drawing only when there is one; show the data folder."""
        dataset = self.kind() == SAMPLE_DATASET
        self.sample_index.setVisible(dataset)
        self.data_button.setVisible(dataset)
        self.data_button.setToolTip(translate("SampleView", "The folder datasets are read from, in every panel (now "
                                                            "{folder}).").format(folder=folder))
        model = self.sample_combo.model()
        drawing_item = model.item(self.sample_combo.findData(SAMPLE_DRAWING))
        drawing_item.setEnabled(has_drawing)
        drawing_item.setToolTip("" if has_drawing else translate("SampleView", "Nothing drawn on the classify canvas "
                                                                               "yet."))
        model.item(self.sample_combo.findData(SAMPLE_DATASET)).setEnabled(has_dataset)
