"""A small Python code editor: syntax highlighting, line numbers, an error-line marker and Ctrl+Enter to run."""

from __future__ import annotations

import keyword
import re

from PySide6.QtCore import QRect, QRegularExpression, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class PythonHighlighter(QSyntaxHighlighter):
    """Colours keywords, builtins, numbers, strings, comments and the torch/np/F names."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        words = "|".join(keyword.kwlist)
        self._rules: list[tuple[QRegularExpression, QTextCharFormat]] = [
            (QRegularExpression(rf"\b({words})\b"), _format("#8959a8", bold=True)),
            (QRegularExpression(r"\b(print|len|range|list|tuple|dict|int|float|str|sum|max|min|abs|type)\b"), _format("#3e999f")),
            (QRegularExpression(r"\b(torch|np|F|nn)\b"), _format("#c82829", bold=True)),
            (QRegularExpression(r"\b[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?\b"), _format("#f5871f")),
            (QRegularExpression(r"\.[A-Za-z_][A-Za-z0-9_]*(?=\()"), _format("#4271ae")),
            (QRegularExpression(r"[fbr]?\"[^\"\\\\]*(\\\\.[^\"\\\\]*)*\"|[fbr]?'[^'\\\\]*(\\\\.[^'\\\\]*)*'"), _format("#718c00")),
            (QRegularExpression(r"#[^\n]*"), _format("#8e908c", italic=True)),
        ]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt naming
        """Apply every rule to one line (later rules win: a '#' inside a string stays a string)."""
        string_spans: list[tuple[int, int]] = []
        for pattern, fmt in self._rules:
            matches = pattern.globalMatch(text)
            while matches.hasNext():
                match = matches.next()
                start, length = match.capturedStart(), match.capturedLength()
                if fmt.foreground().color() == QColor("#8e908c") and any(s <= start < e for s, e in string_spans):
                    continue
                if fmt.foreground().color() == QColor("#718c00"):
                    string_spans.append((start, start + length))
                self.setFormat(start, length, fmt)


class _LineNumbers(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.editor.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    """The playground's editor. ``run_requested`` fires on Ctrl+Enter, ``run_all_requested`` on Ctrl+Shift+Enter."""

    run_requested = Signal()
    run_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 10))
        self.setFont(font)
        self.setTabStopDistance(self.fontMetrics().horizontalAdvance(" ") * 4)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = PythonHighlighter(self.document())
        self._numbers = _LineNumbers(self)
        self._error_line: int | None = None
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._scroll_numbers)
        self._update_margin()

    # -- line numbers ------------------------------------------------------------
    def line_number_width(self) -> int:
        """Pixels the line-number margin needs."""
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(digits, 2)

    def _update_margin(self) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _scroll_numbers(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._numbers.setGeometry(QRect(rect.left(), rect.top(), self.line_number_width(), rect.height()))

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        """Draw the line numbers (the error line in red)."""
        painter = QPainter(self._numbers)
        painter.fillRect(event.rect(), self.palette().alternateBase())
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                is_error = self._error_line == number + 1
                painter.setPen(QColor("#c82829") if is_error else self.palette().placeholderText().color())
                painter.drawText(0, top, self._numbers.width() - 6, height, Qt.AlignmentFlag.AlignRight, str(number + 1))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1

    # -- error marker ------------------------------------------------------------
    def mark_error_line(self, line: int | None) -> None:
        """Underlay 1-based ``line`` in red (None clears it) and scroll to it."""
        self._error_line = line
        selections = []
        if line is not None and 1 <= line <= self.blockCount():
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(QColor(255, 0, 0, 40))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(self.document().findBlockByNumber(line - 1))
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)
        self._numbers.update()

    # -- keys ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Ctrl+Enter runs, Tab indents with spaces, Enter keeps the indentation."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        mods = event.modifiers()
        if enter and mods & Qt.KeyboardModifier.ControlModifier:
            if mods & Qt.KeyboardModifier.ShiftModifier:
                self.run_all_requested.emit()
            else:
                self.run_requested.emit()
            return
        if event.key() == Qt.Key.Key_Tab and not mods:
            self.insertPlainText("    ")
            return
        if enter and not mods:
            line = self.textCursor().block().text()
            indent = re.match(r"[ \t]*", line).group(0)
            if line.rstrip().endswith(":"):
                indent += "    "
            super().keyPressEvent(event)
            self.insertPlainText(indent)
            return
        super().keyPressEvent(event)

    def selected_code(self) -> tuple[str, int] | None:
        """The selected text and its 1-based first line, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = cursor.selectionStart()
        first_line = self.document().findBlock(start).blockNumber() + 1
        return cursor.selectedText().replace("\u2029", "\n"), first_line

    def cursor_line(self) -> int:
        """0-based line of the cursor."""
        return self.textCursor().blockNumber()
