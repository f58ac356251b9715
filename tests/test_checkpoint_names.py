"""The Checkpoints list shows the part of a file name that tells autosaves apart (their time, latest/best)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_helpers import make_window, quick_config
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView

from torchdesk.core.checkpoint import save_checkpoint
from torchdesk.core.session import build_run
from torchdesk.core.userdirs import checkpoints_dir

NAMES = ("mobilenet_v3_small-fashion-mnist-20261130-091502-latest.pt",
         "mobilenet_v3_small-fashion-mnist-20261130-091502-best.pt",
         "mobilenet_v3_small-fashion-mnist-20261130-104417-latest.pt")


def shown_text(table: QTableView, row: int, column: int = 0) -> str:
    """What the table paints in a cell: its text elided to the cell as the cell's delegate does it."""
    index = table.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = table.visualRect(index)
    option.textElideMode = table.textElideMode()
    table.itemDelegateForIndex(index).initStyleOption(option, index)
    style = table.style()
    text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, table)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, table) + 1
    return option.fontMetrics.elidedText(option.text, option.textElideMode, text_rect.width() - 2 * margin)


def test_autosave_names_show_their_time_and_kind_at_1280_and_1000_px(qtbot: Any, mnist_root: Path) -> None:
    run = build_run(quick_config(mnist_root, epochs=1))
    for name in NAMES:
        save_checkpoint(checkpoints_dir() / name, run)
    window = make_window(qtbot)
    window.show_panel("checkpoints")
    panel = window.panels["checkpoints"]
    qtbot.waitUntil(lambda: not panel.scanning() and {r.name for r in panel.rows()} >= set(NAMES), timeout=30_000)
    table = panel.browser.table
    for width, height in ((1280, 800), (1000, 700)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        qtbot.wait(20)
        shown = {panel.rows()[row].name: shown_text(table, row) for row in range(len(NAMES))}
        assert len(set(shown.values())) == len(NAMES), shown  # no two rows look alike
        for name, text in shown.items():
            tail = name.removeprefix("mobilenet_v3_small-fashion-mnist-20261130-")
            assert tail in text, (width, name, text)
