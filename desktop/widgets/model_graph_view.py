"""A model's dataflow graph drawn as boxes and arrows: zoom, pan, fit, export PNG and SVG.

The graph (``torchdesk.core.inspect.ModelGraph``) and its layered layout come from
core; this widget only measures the text of each box, asks core for the layout and
paints it. Clicking a box emits :attr:`ModelGraphView.node_clicked` with the
module path, which the model panel uses to show that layer's weights and activations.
"""

from __future__ import annotations

from pathlib import Path
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from torchdesk.core.inspect.graph import GraphNode, ModelGraph
from torchdesk.core.inspect.layout import GraphLayout, layout_graph
from torchdesk.desktop.i18n import translate

PADDING_X = 12.0
PADDING_Y = 6.0
MIN_WIDTH = 96.0
SVG_TITLE = "torchdesk model graph"  # the SVG file's metadata: the same in every language

# (border, fill) per kind of layer; fills are light so dark text reads in either theme.
CATEGORY_COLORS: dict[str, tuple[str, str]] = {
    "conv": ("#3b6ea8", "#dbe7f5"),
    "linear": ("#7b4fb8", "#eadff7"),
    "norm": ("#3f8f43", "#dcf0dc"),
    "activation": ("#c8741c", "#fbe6cf"),
    "pool": ("#2f8f8a", "#d6efed"),
    "regularize": ("#8a8580", "#ecebe9"),
    "function": ("#9b8a1e", "#f6f0c9"),
    "group": ("#b5475a", "#f7dde2"),
    "io": ("#3d4148", "#d9dce1"),
    "other": ("#6b7280", "#e5e7eb"),
}

_ACTIVATIONS = ("relu", "gelu", "silu", "sigmoid", "tanh", "hardswish", "hardsigmoid", "softmax", "elu",
                "leakyrelu", "mish", "prelu", "selu", "softplus", "logsoftmax")


def category_of(node: GraphNode) -> str:
    """The colour family of a box: convolution, linear, normalisation, activation, pooling, ..."""
    if node.op in ("input", "output"):
        return "io"
    if node.op == "group":
        return "group"
    name = node.type.lower()
    if node.op in ("function", "method", "attr"):
        return "activation" if name in _ACTIVATIONS else "function"
    if "conv" in name:
        return "conv"
    if "linear" in name or "bilinear" in name:
        return "linear"
    if "norm" in name:
        return "norm"
    if "pool" in name:
        return "pool"
    if "dropout" in name or name in ("identity", "flatten", "unflatten", "stochasticdepth"):
        return "regularize"
    if name in _ACTIVATIONS:
        return "activation"
    return "other"


class NodeItem(QGraphicsItem):
    """One box: the layer's name, its type and settings, and its output shape."""

    def __init__(self, node: GraphNode, lines: list[str], size: tuple[float, float], fonts: tuple[QFont, QFont],
                 line_height: float) -> None:
        super().__init__()
        self.node = node
        self.lines = lines
        self.size = size
        self.fonts = fonts
        self.line_height = line_height
        border, fill = CATEGORY_COLORS[category_of(node)]
        self.border, self.fill = QColor(border), QColor(fill)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, node.op in ("module", "group"))
        self.setCursor(Qt.CursorShape.PointingHandCursor if node.op in ("module", "group") else Qt.CursorShape.ArrowCursor)
        tip = [f"<b>{node.label}</b> ({node.type})"]
        if node.detail:
            tip.append(node.detail)
        tip.append(translate("ModelGraphView", "output {shape}").format(shape=node.shape_text))
        if node.op in ("module", "group"):
            tip.append("<i>" + translate("ModelGraphView", "Click to see its weights and activations.") + "</i>")
        self.setToolTip("<br>".join(tip))

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        w, h = self.size
        return QRectF(-w / 2 - 2, -h / 2 - 2, w + 4, h + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        w, h = self.size
        rect = QRectF(-w / 2, -h / 2, w, h)
        selected = self.isSelected()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.border.darker(140) if selected else self.border, 3.0 if selected else 1.4))
        painter.setBrush(QBrush(self.fill.darker(112) if selected else self.fill))
        painter.drawRoundedRect(rect, 6, 6)
        top = -h / 2 + PADDING_Y
        for i, text in enumerate(self.lines):
            painter.setFont(self.fonts[0] if i == 0 else self.fonts[1])
            painter.setPen(QColor("#1d2024") if i < 2 else QColor("#4b5159"))
            line_rect = QRectF(-w / 2 + PADDING_X / 2, top + i * self.line_height, w - PADDING_X, self.line_height)
            painter.drawText(line_rect, Qt.AlignmentFlag.AlignCenter, text)


def _edge_path(points: list[tuple[float, float]]) -> QPainterPath:
    """A smooth path through ``points`` leaving and entering vertically."""
    path = QPainterPath(QPointF(*points[0]))
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        dy = (y1 - y0) * 0.5
        path.cubicTo(QPointF(x0, y0 + dy), QPointF(x1, y1 - dy), QPointF(x1, y1))
    return path


class EdgeItem(QGraphicsPathItem):
    """An arrow from one box to another along the layout's route."""

    def __init__(self, points: list[tuple[float, float]], color: QColor, shortcut: bool) -> None:
        super().__init__(_edge_path(points))
        pen = QPen(color, 1.4)
        if shortcut:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setZValue(-1)
        tip_x, tip_y = points[-1]
        head = QPolygonF([QPointF(tip_x, tip_y), QPointF(tip_x - 4.5, tip_y - 8), QPointF(tip_x + 4.5, tip_y - 8)])
        arrow = QPainterPath()
        arrow.addPolygon(head)
        arrow.closeSubpath()
        self.arrow = QGraphicsPathItem(arrow, self)
        self.arrow.setBrush(QBrush(color))
        self.arrow.setPen(QPen(color, 1))


class ModelGraphView(QGraphicsView):
    """Shows a :class:`ModelGraph`; wheel zooms, dragging pans, F fits, 0 resets the zoom.

    ``node_clicked(module_path, node_id)`` fires when a layer's box is clicked.
    """

    node_clicked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setToolTip("")
        self.graph: ModelGraph | None = None
        self.layout_result: GraphLayout | None = None
        self.items_by_id: dict[str, NodeItem] = {}
        self.title_font = QFont(self.font())
        self.title_font.setBold(True)
        self.body_font = QFont(self.font())
        self.body_font.setPointSizeF(max(6.0, self.font().pointSizeF() - 1))
        self._press_pos: QPointF | None = None
        self._keep_fitted = False  # refit on resize until the person zooms or pans
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- content ------------------------------------------------------------------------------
    def node_lines(self, node: GraphNode) -> list[str]:
        """The text of a box: name, type with settings, output shape."""
        if node.op == "input":
            return [translate("ModelGraphView", "input"), node.shape_text]
        if node.op == "output":
            return [translate("ModelGraphView", "output"), node.shape_text]
        second = node.type if not node.detail else f"{node.type}  {node.detail}"
        if node.op == "function":
            second = translate("ModelGraphView", "function")
        elif node.op == "method":
            second = translate("ModelGraphView", "tensor method")
        elif node.op == "attr":
            second = translate("ModelGraphView", "parameter")
        return [node.label, second, node.shape_text]

    def set_graph(self, graph: ModelGraph, layout: GraphLayout | None = None) -> None:
        """Draw ``graph``, laying it out unless a layout (from a worker) is given."""
        scene = self.scene()
        scene.clear()
        self.items_by_id.clear()
        self.graph = graph
        metrics = (QFontMetricsF(self.title_font), QFontMetricsF(self.body_font))
        line_height = max(m.height() for m in metrics) + 1
        lines = {n.id: self.node_lines(n) for n in graph.nodes}
        sizes = {
            n.id: (
                max(MIN_WIDTH, max(metrics[0 if i == 0 else 1].horizontalAdvance(t) for i, t in enumerate(lines[n.id]))
                    + 2 * PADDING_X),
                len(lines[n.id]) * line_height + 2 * PADDING_Y,
            )
            for n in graph.nodes
        }
        if layout is None:
            layout = layout_graph([n.id for n in graph.nodes], [(e.src, e.dst) for e in graph.edges], sizes)
        self.layout_result = layout
        edge_color = self.palette().text().color()
        edge_color.setAlpha(150)
        for (src, dst), points in layout.routes.items():
            shortcut = len(points) > 2  # an edge skipping layers: the shortcut of a residual block
            scene.addItem(EdgeItem(points, edge_color, shortcut))
        for node in graph.nodes:
            item = NodeItem(node, lines[node.id], sizes[node.id], (self.title_font, self.body_font), line_height)
            item.setPos(*layout.positions[node.id])
            scene.addItem(item)
            self.items_by_id[node.id] = item
        margin = 24
        scene.setSceneRect(QRectF(-margin, -margin, layout.width + 2 * margin, layout.height + 2 * margin))
        scene.setBackgroundBrush(self.palette().base())

    def clear(self) -> None:
        """Show nothing (no model built yet)."""
        self.scene().clear()
        self.items_by_id.clear()
        self.graph = None
        self.layout_result = None

    def select_module(self, module: str) -> None:
        """Highlight the box of ``module`` (or the block containing it) and bring it into view."""
        self.scene().clearSelection()
        best: NodeItem | None = None
        for item in self.items_by_id.values():
            path = item.node.module
            if path and (path == module or module.startswith(path + ".")):
                if best is None or len(path) > len(best.node.module):
                    best = item
        if best is not None:
            best.setSelected(True)
            self.ensureVisible(best, 40, 40)

    # -- zoom and pan ----------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        """The current scale (1.0 = one scene unit per pixel)."""
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Zoom by ``factor`` around the mouse, keeping the scale within 5%..400%."""
        current = self.zoom_factor()
        target = min(4.0, max(0.05, current * factor))
        self._keep_fitted = False
        if target != current:
            self.scale(target / current, target / current)

    def zoom_in(self) -> None:
        """One step closer."""
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        """One step further."""
        self.zoom_by(0.8)

    def reset_zoom(self) -> None:
        """Actual size, the top of the graph in view."""
        self._keep_fitted = False
        self.resetTransform()
        self.centerOn(self.sceneRect().center().x(), self.sceneRect().top() + self.viewport().height() / 2)

    def fit(self) -> None:
        """The whole graph in view."""
        self._keep_fitted = False
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def show_fitted(self) -> None:
        """How a new graph opens: all of it in view, never above actual size, and kept so as the view resizes.

        Opening at actual size showed about 8 of ResNet-18's 71 boxes; the whole graph
        says what the model is at a glance, and the wheel zooms into any part.
        """
        self.resetTransform()
        rect = self.sceneRect()
        viewport = self.viewport().rect()
        if rect.width() > 0 and rect.height() > 0 and viewport.width() > 8 and viewport.height() > 8:
            scale = min(1.0, (viewport.width() - 8) / rect.width(), (viewport.height() - 8) / rect.height())
            self.scale(scale, scale)
        self.centerOn(rect.center())
        self._keep_fitted = True

    def is_fitted(self) -> bool:
        """Whether the view still shows the whole graph as it opened (no zoom or pan since)."""
        return self._keep_fitted

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A graph opened fitted stays fitted while the panel is laid out or resized."""
        super().resizeEvent(event)
        if self._keep_fitted and self.graph is not None:
            self.show_fitted()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """F fits, 0 resets the zoom, + and - zoom; arrows scroll as usual."""
        actions = {Qt.Key.Key_F: self.fit, Qt.Key.Key_0: self.reset_zoom, Qt.Key.Key_Plus: self.zoom_in,
                   Qt.Key.Key_Equal: self.zoom_in, Qt.Key.Key_Minus: self.zoom_out}
        action = actions.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The wheel zooms; with Shift it scrolls instead."""
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)
            return
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(1.0015 ** delta)
        event.accept()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Remember where a click started, to tell a click from a drag."""
        self._press_pos = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """A click (not a drag) on a layer's box selects it and announces it."""
        super().mouseReleaseEvent(event)
        start, self._press_pos = self._press_pos, None
        if start is None or (event.position() - start).manhattanLength() > 4:
            if start is not None:
                self._keep_fitted = False  # dragged: the person pans, the view stays where they put it
            return
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem) and item.node.op in ("module", "group"):
            self.scene().clearSelection()
            item.setSelected(True)
            self.node_clicked.emit(item.node.module, item.node.id)

    # -- export ---------------------------------------------------------------------------------
    def export_png(self, path: str | Path, scale: float = 2.0) -> QSize:
        """Render the whole graph into a PNG at ``scale`` times actual size; returns the image size."""
        rect = self.scene().sceneRect()
        size = QSize(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(self.palette().base().color())
        self._render(image, QRectF(0, 0, size.width(), size.height()), rect)
        if not image.save(str(path), "PNG"):
            raise OSError(translate("ModelGraphView", "Could not write the PNG to {path}: check that the folder "
                                                      "exists and is writable.").format(path=path))
        return size

    def export_svg(self, path: str | Path) -> None:
        """Write the whole graph as an SVG drawing (vector, editable, text stays text)."""
        from PySide6.QtSvg import QSvgGenerator

        rect = self.scene().sceneRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(int(rect.width()), int(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(SVG_TITLE)
        self._render(generator, QRectF(0, 0, rect.width(), rect.height()), rect)
        if not Path(path).exists():
            raise OSError(translate("ModelGraphView", "Could not write the SVG to {path}: check that the folder "
                                                      "exists and is writable.").format(path=path))

    def _render(self, device: object, target: QRectF, source: QRectF) -> None:
        selected = [item for item in self.scene().selectedItems()]
        for item in selected:
            item.setSelected(False)
        painter = QPainter(device)
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            self.scene().render(painter, target, source)
        finally:
            painter.end()
            for item in selected:
                item.setSelected(True)
