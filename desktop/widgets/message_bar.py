"""The one inline message bar: a coloured strip inside a panel saying what happened and what to do.

Panels show a missing dataset, a model that does not fit the data, a failed load
or a focus on some samples here, with up to a few action buttons ("Choose
folder…", "Switch to Clothes", "Predict anyway"). One look everywhere: the colour
says the kind (information, warning, error), the text is selectable, and the
buttons are the way out.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

# (border, background) as "r, g, b" with the alpha chosen below: readable on light and dark themes.
KIND_COLOURS = {
    "info": "40, 110, 210",
    "success": "40, 160, 70",
    "warning": "230, 160, 20",
    "error": "220, 60, 40",
}


class MessageBar(QFrame):
    """A hidden-until-needed strip: :meth:`show_message` with a kind and optional actions, :meth:`clear` hides it."""

    def __init__(self, parent: QWidget | None = None, object_name: str = "messageBar") -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)  # tall enough for wrapped text
        self.kind = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_message(self, text: str, kind: str = "info",
                     actions: tuple[tuple[str, str, Callable[[], None]], ...] = ()) -> None:
        """Show ``text`` coloured by ``kind`` with ``actions`` as (label, tooltip, callback) buttons."""
        colour = KIND_COLOURS.get(kind, KIND_COLOURS["info"])
        self.kind = kind
        self.setStyleSheet(f"#{self.objectName()} {{ border: 1px solid rgba({colour}, 200); "
                           f"background: rgba({colour}, 32); border-radius: 4px; }}")
        self.label.setText(text)
        self._drop_buttons()
        for label, tip, callback in actions:
            button = QPushButton(label, self)
            button.setToolTip(tip)
            button.clicked.connect(lambda _=False, cb=callback: cb())
            self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            button.show()  # a child added to a bar already on screen is hidden until shown
            self.buttons.append(button)
        self.show()

    def clear(self) -> None:
        """Hide the bar and forget its text and actions."""
        self.hide()
        self.kind = ""
        self.label.clear()
        self._drop_buttons()

    def _drop_buttons(self) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.hide()  # gone from the screen now, not when the event loop gets to deleting it
            button.deleteLater()
        self.buttons = []

    def text(self) -> str:
        """The message shown now ('' when hidden)."""
        return self.label.text() if not self.isHidden() else ""

    def button(self, label: str) -> QPushButton | None:
        """The action button labelled ``label`` (tests click it), or None."""
        return next((b for b in self.buttons if b.text() == label), None)
