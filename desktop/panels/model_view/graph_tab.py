"""The Model panel's Graph tab: the dataflow graph with its detail level, zoom, export and notes."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.inspect.graph import collapse_graph
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.inspect.inspection import Inspection
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.widgets.message_bar import MessageBar
from torchdesk.desktop.widgets.model_graph_view import ModelGraphView

AUTO_NODE_LIMIT = 80  # above this many boxes the graph starts folded into blocks
AUTO_FOLD_TARGET = 40  # when folding automatically, aim for at most this many boxes
DETAIL_LEVELS = ((QT_TRANSLATE_NOOP("GraphTab", "Auto"), -1), (QT_TRANSLATE_NOOP("GraphTab", "Every layer"), 0),
                 (QT_TRANSLATE_NOOP("GraphTab", "Top-level modules"), 1),
                 (QT_TRANSLATE_NOOP("GraphTab", "Modules to depth 2"), 2),
                 (QT_TRANSLATE_NOOP("GraphTab", "Modules to depth 3"), 3),
                 (QT_TRANSLATE_NOOP("GraphTab", "Modules to depth 4"), 4))


class GraphTab(QWidget):
    """The graph of one inspection, folded to a chosen depth; a note says when it was not traced by torch.fx.

    ``status(str)`` and ``problem(str, str)`` report exports; ``node_clicked`` is the view's.
    """

    status = Signal(str)
    problem = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inspection: Inspection | None = None
        self.view = ModelGraphView()
        self.view.setToolTip(translate("GraphTab", "The model's dataflow graph. Wheel: zoom; drag: pan; F: fit; "
                                                   "0: actual size; click a layer to inspect it."))
        self.detail_combo = QComboBox()
        for text, depth in DETAIL_LEVELS:
            self.detail_combo.addItem(translate("GraphTab", text), depth)
        self.detail_combo.setToolTip(translate("GraphTab", "Draw every layer, or fold everything inside modules nested "
                                                           "deeper than a depth into one box each (a residual block, a "
                                                           "stage). Auto folds large models."))
        self.detail_combo.currentIndexChanged.connect(self.redraw)
        # The longest level's name must not widen the column: the window has to fit a 1024-px screen.
        self.detail_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.detail_combo.setMinimumContentsLength(8)
        buttons = []
        for text, tip, slot in ((translate("GraphTab", "Fit"), translate("GraphTab", "Show the whole graph (F)"),
                                 self.view.fit),
                                ("100%", translate("GraphTab", "Actual size, from the top (0)"), self.view.reset_zoom),
                                ("PNG…", translate("GraphTab", "Export the graph as a PNG image (Ctrl+Shift+E)"),
                                 self.export_png),
                                ("SVG…", translate("GraphTab", "Export the graph as an SVG drawing (Ctrl+Alt+E)"),
                                 self.export_svg)):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.append(button)
        self.fit_button, self.zoom_button, self.png_button, self.svg_button = buttons
        self.banner = MessageBar(object_name="graphBanner")
        self.info = QLabel()
        self.info.setWordWrap(True)  # a long note wraps instead of widening the window
        self.info.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("GraphTab", "Detail:")))
        bar.addWidget(self.detail_combo)
        bar.addStretch(1)
        for button in buttons:
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)

    def show_inspection(self, inspection: Inspection) -> None:
        """Draw ``inspection``'s graph at the chosen detail."""
        self.inspection = inspection
        self.redraw()

    def depth(self) -> int:
        """How deep the drawn graph folds modules (0 = every layer)."""
        depth = self.detail_combo.currentData()
        if self.inspection is None or depth != -1:
            return int(depth or 0)
        graph = self.inspection.graph
        if len(graph.nodes) <= AUTO_NODE_LIMIT:
            return 0
        for candidate in range(graph.max_depth(), 0, -1):
            if len(collapse_graph(graph, candidate, self.inspection.model).nodes) <= AUTO_FOLD_TARGET:
                return candidate
        return 1

    def redraw(self, *_: Any) -> None:
        """Draw the graph again (the detail level changed)."""
        if self.inspection is None:
            return
        graph = self.inspection.graph
        depth = self.depth()
        shown = collapse_graph(graph, depth, self.inspection.model) if depth else graph
        notes = []
        hooks = graph.method == "hooks"  # a model file's graph is read from the file: no fallback about it
        if hooks:
            notes.append(translate("GraphTab", "torch.fx could not trace this model, so the graph was recorded from "
                                               "one forward pass with module hooks: it shows the path this input "
                                               "took. ({reason})").format(reason=graph.fallback_reason))
        notes.extend(graph.notes)
        if notes:
            self.banner.show_message("\n".join(notes), "warning" if hooks else "info")
        else:
            self.banner.clear()
        self.view.set_graph(shown)
        self.layout().activate()  # the banner in place first, so the fit measures the real viewport
        self.view.show_fitted()
        if graph.method == "fx":
            how = translate("GraphTab", "traced with torch.fx")
        elif graph.method == "hooks":
            how = translate("GraphTab", "traced with module hooks (fallback)")
        else:
            how = translate("GraphTab", "read from the {format} file").format(format=graph.method)
        folded = translate("GraphTab", ", folded to depth {depth}").format(depth=depth) if depth else ""
        self.info.setText(translate("GraphTab", "{boxes} boxes, {arrows} arrows — {how}{folded}. Wheel zooms, drag "
                                                "pans, F fits.").format(boxes=len(shown.nodes),
                                                                        arrows=len(shown.edges), how=how,
                                                                        folded=folded))

    def export_png(self) -> None:
        """Ask for a file name and save the graph as a PNG."""
        self._export(translate("GraphTab", "PNG image (*.png)"), ".png", self.view.export_png)

    def export_svg(self) -> None:
        """Ask for a file name and save the graph as an SVG drawing."""
        self._export(translate("GraphTab", "SVG drawing (*.svg)"), ".svg", self.view.export_svg)

    def _export(self, file_filter: str, suffix: str, write: Callable[[str], Any]) -> None:
        if self.inspection is None:
            self.status.emit(translate("GraphTab", "Build a model first: there is no graph to export yet."))
            return
        name = self.inspection.title.split(" (")[0].lower().replace(" ", "-") + "-graph" + suffix
        path, _ = QFileDialog.getSaveFileName(self, translate("GraphTab", "Export the graph"), str(Path.home() / name),
                                              file_filter)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            write(path)
        except Exception as exc:
            self.problem.emit(translate("GraphTab", "The graph could not be saved: {error}").format(error=exc),
                              traceback.format_exc())
            return
        self.status.emit(translate("GraphTab", "Saved the graph to {path}").format(path=path))
