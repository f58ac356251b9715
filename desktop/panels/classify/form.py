"""The panel's choosers: what is drawn (the mode) and which model classifies it (the source)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from torchdesk.core import bundled
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.classify.sources import mode_label


class ClassifyForm(QWidget):
    """Mode and model pickers and "Load checkpoint…".

    Emits what the person chose (``mode_chosen(str)``, ``source_chosen(str)``,
    ``load_requested()``); the panel decides and tells the form what to show
    (:meth:`show_mode`, :meth:`show_sources`), which emits nothing.
    """

    mode_chosen = Signal(str)
    source_chosen = Signal(str)
    load_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_combo = QComboBox(self)
        for mode in bundled.MODES.values():
            self.mode_combo.addItem(mode_label(mode.id), mode.id)
        self.mode_combo.setToolTip(translate("ClassifyForm", "What you draw: digits are prepared like MNIST, clothes "
                                                             "like Fashion-MNIST."))
        self.source_combo = QComboBox(self)
        self.source_combo.setToolTip(translate("ClassifyForm", "Which model classifies the drawing."))
        self.source_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.load_checkpoint_button = QToolButton(self)
        self.load_checkpoint_button.setText(translate("ClassifyForm", "Load checkpoint…"))
        self.load_checkpoint_button.setToolTip(translate("ClassifyForm", "Classify with a model from a torchdesk "
                                                                         "checkpoint file."))

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(translate("ClassifyForm", "Mode:"), self))
        row.addWidget(self.mode_combo)
        row.addSpacing(16)
        row.addWidget(QLabel(translate("ClassifyForm", "Model:"), self))
        row.addWidget(self.source_combo)
        row.addWidget(self.load_checkpoint_button)
        row.addStretch(1)

        self.mode_combo.currentIndexChanged.connect(
            lambda index: self.mode_chosen.emit(str(self.mode_combo.itemData(index))))
        self.source_combo.activated.connect(
            lambda index: self.source_chosen.emit(str(self.source_combo.itemData(index))))
        self.load_checkpoint_button.clicked.connect(self.load_requested)

    def show_mode(self, mode: str) -> None:
        """Show ``mode`` as chosen."""
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
        self.mode_combo.blockSignals(False)

    def show_sources(self, entries: list[tuple[str, str, str]], chosen: str) -> None:
        """List the ``(source, text, tooltip)`` entries with ``chosen`` selected."""
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        for i, (key, text, tip) in enumerate(entries):
            self.source_combo.addItem(text, key)
            self.source_combo.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
        self.source_combo.setCurrentIndex(self.source_combo.findData(chosen))
        self.source_combo.blockSignals(False)
