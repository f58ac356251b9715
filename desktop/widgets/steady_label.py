"""A label for text that changes many times a second without moving anything else.

A plain QLabel asks its layout to recompute on every ``setText``; in the main window
that request climbs to the top and the whole window repaints, ten times a second
during training. A widget of fixed size asks nothing, so :class:`SteadyLabel` keeps a
fixed width, reserved for the widest text it expects, and widens (once) only for
text that would not fit.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class SteadyLabel(QLabel):
    """A fixed-size QLabel wide enough for ``widest``; ``setText`` repaints only the label."""

    def __init__(self, text: str = "", widest: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._widest = widest
        self._reserved = 0
        self._fit(max(widest, text, key=len))

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        """Show ``text``; the label only grows, and only when ``text`` does not fit."""
        if text != self.text():
            super().setText(text)
            self._fit(text)

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._reserved = 0
            self._fit(max(self._widest, self.text(), key=len))

    def _fit(self, text: str) -> None:
        # Only font metrics here: QLabel.sizeHint lays the text out, which costs more than
        # the paint this class saves.
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        extra = margins.left() + margins.right() + 2 * self.margin()
        width = metrics.horizontalAdvance(text) + extra + 4
        if width > self._reserved:
            self._reserved = width
            self.setFixedWidth(width)
        height = metrics.height() + margins.top() + margins.bottom() + 2 * self.margin()
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)
