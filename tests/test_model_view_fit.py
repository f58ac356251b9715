"""The Model panel's graph opens with every box in view, and stays so until the person zooms or pans."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from test_model_view_panel import build, panel  # noqa: F401 - the panel fixture

from torchdesk.desktop.panels.model_view import ModelPanel


def visible_scene_rect(view: Any) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def boxes_in_view(view: Any) -> tuple[int, int]:
    shown = visible_scene_rect(view).adjusted(-1, -1, 1, 1)
    items = list(view.items_by_id.values())
    return sum(shown.contains(item.sceneBoundingRect()) for item in items), len(items)


def test_resnet18_opens_with_all_its_boxes_in_view(qtbot: Any, panel: ModelPanel) -> None:  # noqa: F811
    build(qtbot, panel, "resnet18")
    view = panel.graph_tab.view
    inside, total = boxes_in_view(view)
    assert total >= 60 and inside == total, (inside, total)
    # A bigger window keeps it fitted (and no more than actual size for a small graph).
    panel.resize(1600, 1000)
    qtbot.wait(20)
    assert boxes_in_view(view)[0] == total
    build(qtbot, panel, "logreg")
    assert boxes_in_view(view)[0] == len(view.items_by_id) and view.zoom_factor() <= 1.0


def test_zooming_ends_the_automatic_fit(qtbot: Any, panel: ModelPanel) -> None:  # noqa: F811
    build(qtbot, panel, "resnet18")
    view = panel.graph_tab.view
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    zoom = view.zoom_factor()
    panel.resize(1500, 900)
    qtbot.wait(20)
    assert view.zoom_factor() == zoom and not view.is_fitted()
