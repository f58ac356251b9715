"""A non-modal strip that shows the latest error with its detail one click away.

Errors arrive through ``AppState.error``; a burst of them (a plugin failing every
batch, say) must not open a storm of dialogs. The bar shows the newest message and
how many came before, and "Details…" opens one window listing them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from torchdesk.desktop.i18n import translate

MAX_KEPT = 50


@dataclass(frozen=True)
class ErrorRecord:
    """One error as the person saw it."""

    when: datetime
    message: str
    detail: str

    def as_text(self) -> str:
        """Message and detail as plain text (for the details view and the clipboard)."""
        text = f"[{self.when:%H:%M:%S}] {self.message}"
        return f"{text}\n\n{self.detail.rstrip()}" if self.detail.strip() else text


class ErrorDetailsDialog(QDialog):
    """Every error of this session, newest first, copyable."""

    def __init__(self, records: list[ErrorRecord], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ErrorDetailsDialog", "Error details"))
        self.resize(760, 460)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setToolTip(translate("ErrorDetailsDialog",
                                       "What went wrong, newest first, with the technical detail."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(translate("ErrorDetailsDialog", "Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setToolTip(translate("ErrorDetailsDialog",
                                  "Copy everything shown here to the clipboard (for a bug report)."))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.show_records(records)

    def show_records(self, records: list[ErrorRecord]) -> None:
        """Replace the text with ``records``."""
        separator = "\n\n" + "─" * 60 + "\n\n"
        self.text.setPlainText(separator.join(r.as_text() for r in reversed(records)))


class ErrorBar(QFrame):
    """The strip under the tabs: icon, newest message, Details…, Dismiss."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#errorBar { background: rgba(220, 53, 69, 40); border: 1px solid rgba(220, 53, 69, 160);"
            " border-radius: 4px; }"
        )
        self.records: list[ErrorRecord] = []
        self._dialog: ErrorDetailsDialog | None = None
        self._since_dismiss = 0
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QPushButton(translate("ErrorBar", "Details…"), self)
        self.details_button.setToolTip(translate("ErrorBar",
                                                 "Show the full error with its technical detail (traceback)."))
        self.details_button.clicked.connect(self.show_details)
        self.dismiss_button = QPushButton(translate("ErrorBar", "Dismiss"), self)
        self.dismiss_button.setToolTip(translate("ErrorBar", "Hide this message (Details… keeps every error of this "
                                                             "session)."))
        self.dismiss_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.details_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def add_error(self, message: str, detail: str = "") -> None:
        """Show ``message`` (keeping earlier ones for the details view)."""
        self.records.append(ErrorRecord(datetime.now(), message, detail))
        del self.records[:-MAX_KEPT]
        self._since_dismiss += 1
        earlier = self._since_dismiss - 1
        suffix = "  " + translate("ErrorBar", "(+{n} earlier)").format(n=earlier) if earlier else ""
        self.message.setText(message + suffix)
        self.message.setToolTip(message)
        self.show()
        if self._dialog is not None and self._dialog.isVisible():
            self._dialog.show_records(self.records)

    def dismiss(self) -> None:
        """Hide the bar until the next error."""
        self._since_dismiss = 0
        self.hide()

    def show_details(self) -> None:
        """Open (or raise) the one details window."""
        if self._dialog is None:
            self._dialog = ErrorDetailsDialog(self.records, self.window())
        self._dialog.show_records(self.records)
        self._dialog.show()
        self._dialog.raise_()
