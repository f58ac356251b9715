"""The thumbnail grid on its own: 60,000 items, lazy bounded caching, verdict lines, long scrolling."""

from __future__ import annotations

import sys
from typing import Any

import torch
from PySide6.QtCore import Qt

from torchdesk.core.dataset_stats import Predictions
from torchdesk.core.sample_source import SampleSource
from torchdesk.desktop.dataview.thumbnails import PREDICTED_ROLE, VERDICT_ROLE, ThumbnailGrid, qimage_from_uint8


class ResidentDigits:
    """A 60,000-image dataset held as one uint8 tensor, like torchvision's MNIST."""

    def __init__(self, n: int = 60_000) -> None:
        generator = torch.Generator().manual_seed(0)
        self.data = torch.randint(0, 256, (n, 28, 28), dtype=torch.uint8, generator=generator)
        self.targets = torch.arange(n) % 10
        self.transform = None

    def __len__(self) -> int:
        return len(self.targets)

    def __getitem__(self, index: int) -> Any:
        raise AssertionError("the grid must read the uint8 tensor, not decode samples")


def make_grid(qtbot: Any, cache: int = 500) -> tuple[ThumbnailGrid, SampleSource]:
    source = SampleSource(ResidentDigits())
    grid = ThumbnailGrid()
    grid.thumb_model._cache_size = cache
    qtbot.addWidget(grid)
    grid.resize(800, 600)
    grid.thumb_model.set_source(source, source.labels(), [str(i) for i in range(10)])
    grid.show()
    qtbot.waitExposed(grid)
    grid.doItemsLayout()  # what the event loop would do next
    return grid, source


def test_qimage_matches_the_tensor() -> None:
    gray = torch.arange(12, dtype=torch.uint8).reshape(1, 3, 4)
    image = qimage_from_uint8(gray)
    assert (image.width(), image.height()) == (4, 3) and image.pixelColor(3, 2).red() == 11
    rgb = torch.zeros(3, 2, 2, dtype=torch.uint8)
    rgb[0, 1, 0] = 200
    assert qimage_from_uint8(rgb).pixelColor(0, 1).red() == 200


def test_scrolling_all_60000_renders_lazily_and_keeps_the_cache_bounded(qtbot: Any) -> None:
    grid, source = make_grid(qtbot, cache=500)
    assert grid.model().rowCount() == 60_000
    bar = grid.verticalScrollBar()
    for step in range(0, 151):
        bar.setValue(bar.maximum() * step // 150)
        grid.viewport().grab()  # paints the visible cells: ~100,000 QPainter calls over the run, which
        # also guards against PySide6 6.12's None refcount bug (see torchdesk.desktop.pyside_none_guard)
    assert 0 < grid.thumb_model.cached_count() <= 500
    assert grid.thumb_model.dataset_index(grid.model().rowCount() - 1) == 59_999
    if sys.version_info < (3, 12):
        assert sys.getrefcount(None) > 1 << 40  # the guard in torchdesk.desktop is active


def test_rows_filter_and_verdicts(qtbot: Any) -> None:
    grid, source = make_grid(qtbot)
    model = grid.thumb_model
    model.set_rows([5, 15, 25])
    assert model.rowCount() == 3 and model.row_of(15) == 1 and model.row_of(6) == -1
    assert model.index(0, 0).data() == "5" and model.index(0, 0).data(VERDICT_ROLE) is None

    labels = source.labels()
    predicted = labels.clone()
    predicted[15] = 3
    confidence = torch.full((len(labels),), 0.9)
    model.set_predictions(Predictions(predicted, confidence, labels))
    grid.set_text_lines(2)
    assert model.index(0, 0).data(VERDICT_ROLE) is True
    assert model.index(1, 0).data(VERDICT_ROLE) is False and model.index(1, 0).data(PREDICTED_ROLE) == "3"
    assert "predicted: 3 (90%)" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.cell(1)[1:] == ("5", 0, "3")
    assert grid.gridSize().height() == grid.thumb_delegate.cell_size().height()
    assert not grid.viewport().grab().isNull()


def test_zoom_changes_the_cells(qtbot: Any) -> None:
    grid, _ = make_grid(qtbot)
    small = grid.gridSize()
    grid.set_zoom(100)
    assert grid.zoom() == 100 and grid.gridSize().height() > small.height()
    grid.set_zoom(10_000)
    assert grid.zoom() == ThumbnailGrid.MAX_ZOOM
