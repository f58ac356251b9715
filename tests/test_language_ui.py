"""The window in Korean: chosen in View > Language and kept, overridden by --lang, and nothing clipped.

The layout checks load NanumGothic from the dev-only ``koreanize-matplotlib`` package (the
test extra), so Hangul has real widths on a machine without a Korean font.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QGroupBox, QLabel, QRadioButton, QScrollArea, QWidget

from torchdesk.core import i18n
from torchdesk.desktop.i18n import LANGUAGE_KEY, choose_language, install_language, korean_font_families

HANGUL = range(0xAC00, 0xD7A4)


def has_hangul(text: str) -> bool:
    return any(ord(ch) in HANGUL for ch in text)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def korean(qapp) -> Iterator[None]:
    """The app in Korean for one test, English again afterwards."""
    if not korean_font_families():
        pytest.skip("no Korean font to measure with (pip install koreanize-matplotlib)")
    install_language("ko")
    try:
        yield
    finally:
        install_language("en")
        i18n.set_language(None)


def test_view_language_saves_the_choice_and_says_it_applies_at_the_next_start(qtbot, settings, monkeypatch) -> None:
    from desktop_helpers import make_window

    for name in ("TORCHDESK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    window = make_window(qtbot, settings=settings)
    told: list[str] = []
    monkeypatch.setattr(window, "language_notice", told.append)
    assert window.language_actions[""].isChecked()  # following the system by default
    window.language_menu.actions()[2].trigger()  # 한국어
    assert settings.value(LANGUAGE_KEY) == "ko" and told == ["한국어"]
    assert "한국어" in window.activity_label.text()
    assert choose_language(settings) == "ko"
    assert choose_language(settings, override="en") == "en"  # torchdesk --lang en, for one run
    again = make_window(qtbot, settings=settings)
    assert again.language_actions["ko"].isChecked()
    window.language_actions[""].trigger()
    assert choose_language(settings) == "en" and told == ["한국어"]  # English is what runs now: nothing to say


def test_korean_relabels_menus_panels_and_qt_buttons(qtbot, korean) -> None:
    from desktop_helpers import make_window

    window = make_window(qtbot)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0] == "파일(&F)" and all(has_hangul(text) for text in menus)
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert all(has_hangul(text) for text in tabs), tabs


def _texts_clipped(window: QWidget) -> list[str]:
    """Visible labels and buttons whose one-line text is wider than the room the widget has."""
    clipped = []
    for area in window.findChildren(QScrollArea):
        inner = area.widget()
        if (area.isVisibleTo(window) and inner is not None
                and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                and inner.minimumSizeHint().width() > area.viewport().width() + 1):
            clipped.append(f"{type(inner).__name__} in a scroll area: needs {inner.minimumSizeHint().width()} px, "
                           f"shown in {area.viewport().width()} px")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel):
            if widget.wordWrap() or not widget.text() or widget.textFormat() == 1 or "<" in widget.text():
                continue
            room = widget.contentsRect().width() - 2 * widget.margin() - widget.indent() if widget.indent() > 0 \
                else widget.contentsRect().width() - 2 * widget.margin()
            text = widget.text()
        elif isinstance(widget, (QAbstractButton,)) and not isinstance(widget, QGroupBox):
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            if not text:
                continue
            icon = widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
            indicator = 22 if isinstance(widget, (QCheckBox, QRadioButton)) else 8
            room = widget.width() - icon - indicator
        else:
            continue
        widest = max(widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        if widest > room + 1:
            clipped.append(f"{type(widget).__name__} {text!r}: {widest} px in {room} px")
    return clipped


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_no_panel_clips_a_korean_label_or_button(qtbot, korean, size: tuple[int, int]) -> None:
    from desktop_helpers import make_window

    window = make_window(qtbot)
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size)
    found = {}
    for panel_id in window.panels:
        window.show_panel(panel_id)
        qtbot.wait(30)
        clipped = _texts_clipped(window)
        if clipped:
            found[panel_id] = clipped
    assert not found, found
