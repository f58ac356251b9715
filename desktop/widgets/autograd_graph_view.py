"""Draws a core :class:`~torchdesk.core.playground.AutogradGraph`: result on top, leaves at the bottom.

Boxes are the result tensor (blue), backward functions (grey) and leaf tensors (green,
with their ``.grad`` printed below the name after ``backward()``); arrows run from each
node to the inputs it propagates gradients to.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF, QResizeEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from torchdesk.core.playground.autograd_graph import AutogradGraph, GraphNode
from torchdesk.desktop.i18n import translate

_FILL = {"result": "#dbe8f7", "function": "#eeeeee", "leaf": "#dff0d8"}
_BORDER = {"result": "#4271ae", "function": "#8e908c", "leaf": "#3c763d"}
BOX_WIDTH = 230.0
LAYER_GAP = 46.0
COLUMN_GAP = 26.0
GRAD_LINES = 6


def _node_text(node: GraphNode) -> tuple[str, str]:
    title = node.label
    lines = [node.detail] if node.detail else []
    if node.kind == "leaf":
        if node.grad:
            grad_lines = node.grad.splitlines()
            shown = grad_lines[:GRAD_LINES] + (["..."] if len(grad_lines) > GRAD_LINES else [])
            lines.append(".grad =")
            lines.extend(shown)
        else:
            lines.append(translate("AutogradGraphView", ".grad = None (run backward())"))
    return title, "\n".join(lines)


class AutogradGraphView(QGraphicsView):
    """A zoomable drawing of one autograd graph (Ctrl+wheel zooms)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor("#fbfbfb")))  # the box colours are light; keep them readable in a dark theme
        self.setToolTip(translate("AutogradGraphView", "The grad_fn graph of the selected tensor, from the result down to "
                                                       "its leaf tensors"))
        self.graph: AutogradGraph | None = None
        self._auto_fit = True
        self.boxes: dict[int, QRectF] = {}
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self.show_message(translate("AutogradGraphView", "Select a tensor that has a grad_fn (or requires_grad) to see its "
                                                         "autograd graph."))

    def show_message(self, text: str) -> None:
        """Replace the drawing with a line of text."""
        self.graph = None
        self.boxes = {}
        scene = self.scene()
        scene.clear()
        item = scene.addText(text)
        item.setDefaultTextColor(QColor("#333333"))
        item.setTextWidth(420)
        scene.setSceneRect(item.boundingRect())

    def show_graph(self, graph: AutogradGraph) -> None:
        """Draw ``graph`` (an empty graph shows an explanation instead)."""
        if not graph.nodes:
            self.show_message(translate("AutogradGraphView", "This tensor is not part of an autograd graph: it has no grad_fn "
                                                             "and does not require grad."))
            return
        self.graph = graph
        scene = self.scene()
        scene.clear()
        self.boxes = {}
        bold_metrics, mono_metrics = QFontMetricsF(self._bold), QFontMetricsF(self._mono)
        sizes: dict[int, tuple[float, float]] = {}
        texts: dict[int, tuple[str, str]] = {}
        for node in graph.nodes:
            title, body = _node_text(node)
            texts[node.key] = (title, body)
            body_lines = body.count("\n") + 1 if body else 0
            text_width = max([bold_metrics.horizontalAdvance(title)] + [mono_metrics.horizontalAdvance(line) for line in body.splitlines()])
            sizes[node.key] = (max(BOX_WIDTH, text_width + 20.0), 26.0 + mono_metrics.lineSpacing() * body_lines)
        y = 0.0
        for layer in graph.layers():
            row_width = sum(sizes[n.key][0] for n in layer) + COLUMN_GAP * (len(layer) - 1)
            x = -row_width / 2
            height = max((sizes[n.key][1] for n in layer), default=0.0)
            for node in layer:
                w, h = sizes[node.key]
                self.boxes[node.key] = QRectF(x, y, w, h)
                x += w + COLUMN_GAP
            y += height + LAYER_GAP
        for edge in graph.edges:
            self._draw_arrow(self.boxes[edge.source], self.boxes[edge.target])
        for node in graph.nodes:
            self._draw_box(node, self.boxes[node.key], *texts[node.key])
        self._auto_fit = True
        if graph.truncated:
            note = scene.addText(translate("AutogradGraphView", "(graph truncated after {count} nodes)").format(
                count=len(graph.nodes)))
            note.setDefaultTextColor(QColor("#c82829"))
            note.setPos(0, y)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.fit()

    def fit(self) -> None:
        """Shrink the drawing to fit the view (down to half size); never enlarge it."""
        self.resetTransform()
        rect = self.sceneRect()
        view = self.viewport().rect()
        if rect.width() <= 0 or rect.height() <= 0 or view.width() <= 0:
            return
        scale = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        scale = max(scale, 0.5)
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())  # the result, on top, stays in view

    def _draw_box(self, node: GraphNode, rect: QRectF, title: str, body: str) -> None:
        scene = self.scene()
        box = scene.addRect(rect, QPen(QColor(_BORDER[node.kind]), 1.5), QBrush(QColor(_FILL[node.kind])))
        box.setToolTip(f"{title}\n{body}" if body else title)
        box.setData(0, node.key)
        box.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        heading = scene.addSimpleText(title, self._bold)
        heading.setBrush(QColor("#202020"))
        heading.setPos(rect.x() + 8, rect.y() + 5)
        if body:
            text = scene.addSimpleText(body, self._mono)
            text.setBrush(QColor("#333333"))
            text.setPos(rect.x() + 8, rect.y() + 23)

    def _draw_arrow(self, source: QRectF, target: QRectF) -> None:
        start = QPointF(source.center().x(), source.bottom())
        end = QPointF(target.center().x(), target.top())
        path = QPainterPath(start)
        middle = (start.y() + end.y()) / 2
        path.cubicTo(QPointF(start.x(), middle), QPointF(end.x(), middle), end)
        pen = QPen(QColor("#555555"), 1.2)
        self.scene().addPath(path, pen)
        head = QPolygonF([end, QPointF(end.x() - 5, end.y() - 9), QPointF(end.x() + 5, end.y() - 9)])
        self.scene().addPolygon(head, pen, QBrush(QColor("#555555")))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Fit again once the view has its real size (a graph may be drawn while its tab is hidden)."""
        super().showEvent(event)
        if self.graph is not None and self._auto_fit:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the drawing fitted until the person zooms by hand."""
        super().resizeEvent(event)
        if self.graph is not None and self._auto_fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        """Ctrl+wheel zooms; the plain wheel scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._auto_fit = False
            factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.scale(factor, factor)
            return
        super().wheelEvent(event)
