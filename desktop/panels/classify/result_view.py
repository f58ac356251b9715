"""The right side of the panel: the verdict, what the model sees, the top classes and the message bar."""

from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from torchdesk.core.i18n import class_name_text
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.message_bar import MessageBar
from torchdesk.desktop.widgets.probability_bars import PixelPreview, ProbabilityBars

TOP_K = 10  # classes the panel ranks; the bars show 5 of them, or all 10 where the window is tall
BAR_ROWS = (5, TOP_K)
PREVIEW_ZOOMS = (4, 10)  # the preview grows with the panel from 4× (114 px) to 10× (282 px), in whole steps
Action = tuple[str, str, Callable[[], None]]


class ResultView(QWidget):
    """Shows one answer (big label, confidence, bars), or no answer with a caption saying why, and messages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.predicted_label = QLabel(self)
        big = QFont(self.font())
        big.setPointSizeF(max(28.0, big.pointSizeF() * 3.2))
        big.setBold(True)
        self.predicted_label.setFont(big)
        self.predicted_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.predicted_label.setToolTip(translate("ResultView", "The most likely class."))
        self.predicted_label.setMinimumHeight(self.predicted_label.fontMetrics().height() + 4)
        self.confidence_label = QLabel(self)
        self.confidence_label.setToolTip(translate("ResultView", "How sure the model is about its top class."))
        self.bars = ProbabilityBars(self, rows=BAR_ROWS[0])
        self.preview = PixelPreview(self, zoom=4)
        preview_caption = QLabel(translate("ResultView", "What the model sees (28×28)"), self)
        preview_caption.setToolTip(self.preview.toolTip())
        self.message_bar = MessageBar(self, object_name="classifyMessage")
        # Wrapped text beside action buttons needs more lines than the bar's size hint guesses: let it grow.
        self.message_bar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.source_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, readable on dark too

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
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(result)
        column.addWidget(line)
        column.addWidget(self.bars)
        column.addWidget(self.message_bar)
        column.addStretch(1)
        column.addWidget(self.source_label)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Give the preview about a third of the column's width (and a third of its height) on a big screen."""
        super().resizeEvent(event)
        low, high = PREVIEW_ZOOMS
        room = min(self.width() // 3, self.height() // 3)
        self.preview.set_zoom(max(low, min(high, room // 28)))
        # Below the verdict and the preview, the bars may take about half of what is left.
        spare = self.height() - self.preview.height() - 120
        rows = BAR_ROWS[1] if spare // 2 >= BAR_ROWS[1] * ProbabilityBars.ROW_HEIGHT else BAR_ROWS[0]
        self.bars.set_rows(rows, min(32, max(ProbabilityBars.ROW_HEIGHT, (spare // 2) // rows)))

    def show_items(self, items: list[tuple[str, float]]) -> None:
        """Show the top ``(class name, probability)`` pairs, most likely first."""
        if not items:
            self.show_no_answer()
            return
        name, prob = items[0]
        self.predicted_label.setText(class_name_text(name))
        self.confidence_label.setText(translate("ResultView", "{probability:.1%} sure").format(probability=prob))
        self.bars.set_items(items)

    def show_no_answer(self, caption: str = "") -> None:
        """Blank the label and the bars; ``caption`` (greyed, on the empty bars) says why when it is not obvious."""
        self.predicted_label.setText("")
        self.confidence_label.setText("")
        self.bars.set_items([], placeholder=caption)

    def show_preview(self, picture: np.ndarray | None) -> None:
        """Show the picture the model gets (``(C, H, W)`` or ``(H, W)``), or an empty frame."""
        if picture is not None and picture.ndim == 3:
            picture = picture[0] if picture.shape[0] == 1 else picture.mean(axis=0)
        self.preview.set_array(picture)

    def show_message(self, text: str, kind: str = "info", actions: tuple[Action, ...] = ()) -> None:
        """Show ``text`` in the message bar (hidden when empty); the same message and buttons again cost nothing."""
        bar = self.message_bar
        if not text:
            if not bar.isHidden():
                bar.clear()
            return
        labels = tuple(label for label, _, _ in actions)
        if text == bar.text() and kind == bar.kind and labels == tuple(b.text() for b in bar.buttons):
            return
        bar.show_message(text, kind, actions)

    def message(self) -> str:
        """The message shown now ('' when none)."""
        return self.message_bar.text()
