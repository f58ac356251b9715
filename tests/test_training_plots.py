"""The live training plots: a human redraw rate, views that follow the run without jitter,
confusion counts, and labels whose text changes without relaying out the window."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from torchdesk.desktop.widgets.steady_label import SteadyLabel
from torchdesk.desktop.widgets.training_plots import TrainingPlots


@pytest.fixture
def plots(qtbot: Any) -> TrainingPlots:
    widget = TrainingPlots(max_redraw_hz=10)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop_updates()


def _loss_view(plots: TrainingPlots) -> tuple[tuple[float, float], tuple[float, float]]:
    (x0, x1), (y0, y1) = plots.loss_plot.getPlotItem().vb.viewRange()
    return (x0, x1), (y0, y1)


def test_batches_arriving_fast_are_drawn_at_a_human_rate(qtbot: Any, plots: TrainingPlots) -> None:
    drawn = []
    original = plots.raw_curve.setData
    plots.raw_curve.setData = lambda *a, **k: (drawn.append(1), original(*a, **k))  # type: ignore[method-assign]
    step = 0
    for _ in range(300):  # about 1.5 s of chunks, far faster than 10 per second
        plots.add_batches(range(step, step + 5), [1.0] * 5)
        step += 5
        qtbot.wait(5)
    qtbot.wait(150)
    assert plots.point_count == 1500
    assert 3 <= len(drawn) <= 40, len(drawn)
    assert plots.raw_curve.getData()[0][-1] == 1499  # the last chunk is on screen


def test_a_run_that_fits_the_plot_is_shown_whole_from_its_first_batch(qtbot: Any, plots: TrainingPlots) -> None:
    plots.plan_run(last_step=1000, last_epoch=4)  # about one batch a pixel in a 900 px wide plot
    x_ranges = set()
    for start in range(0, 1000, 10):
        plots.add_batches(range(start, start + 10), np.linspace(2.3, 0.3, 1000)[start:start + 10])
        plots.redraw()
        (x0, x1), _ = _loss_view(plots)
        x_ranges.add((round(x0, 3), round(x1, 3)))
    assert x_ranges == {(-1.0, 1000.0)}  # one view for the whole run: its axes are drawn once


def test_a_long_run_view_widens_rarely_and_never_past_the_planned_end(qtbot: Any, plots: TrainingPlots) -> None:
    end = 200_000
    plots.plan_run(last_step=end, last_epoch=10)
    x_ranges = set()
    for start in range(0, end, 2000):
        plots.add_batches(range(start, start + 2000), np.linspace(2.3, 0.3, end)[start:start + 2000])
        plots.redraw()
        (x0, x1), _ = _loss_view(plots)
        assert x0 <= start and start + 1999 <= x1  # the newest batch is always in view
        assert x1 <= end
        x_ranges.add((round(x0, 3), round(x1, 3)))
    assert 2 <= len(x_ranges) <= 3, sorted(x_ranges)  # a quarter, then doubling: early batches stay readable


def test_a_loss_view_refit_too_small_to_see_is_skipped(qtbot: Any, plots: TrainingPlots) -> None:
    plots.plan_run(last_step=400, last_epoch=2)
    changes = []
    plots.loss_plot.getPlotItem().vb.sigRangeChanged.connect(lambda *_: changes.append(1))
    plots.add_batches(range(0, 100), np.linspace(2.0, 1.0, 100))
    plots.redraw()
    before = len(changes)
    plots.add_epoch(1, 1.5, 1.4, 0.5)  # asks for a refit at the next drawing
    plots.add_batches(range(100, 200), [1.995] + [0.9] * 99)  # the fitted top moves by a fraction of a percent
    plots.redraw()
    assert len(changes) == before


def test_new_batches_are_drawn_as_they_arrive(qtbot: Any, plots: TrainingPlots) -> None:
    """A chunk is drawn in the same event that brings it, so it shares one paint with the labels."""
    qtbot.wait(120)  # longer than the redraw interval since the last drawing
    plots.add_batches(range(0, 30), [1.0] * 30)
    assert plots.raw_curve.getData()[0][-1] == 29


def test_the_epoch_loss_view_only_widens(qtbot: Any, plots: TrainingPlots) -> None:
    ranges = []
    for epoch, loss in enumerate((2.0, 1.2, 0.7, 0.5), start=1):
        plots.add_epoch(epoch, loss, loss * 1.1, 0.5)
        ranges.append(tuple(round(v, 6) for v in plots.epoch_plot.getPlotItem().vb.viewRange()[1]))
    assert len(set(ranges)) == 1  # falling losses never change it, so its axis is not redrawn
    bottom, top = ranges[0]
    assert bottom == 0 and top >= 2.2
    plots.add_epoch(5, 3.0, 3.5, 0.4)
    _, new_top = plots.epoch_plot.getPlotItem().vb.viewRange()[1]
    assert new_top >= 3.5  # every point stays in view
    plots.reset()
    plots.add_epoch(1, 0.2, 0.25, 0.9)
    _, top = plots.epoch_plot.getPlotItem().vb.viewRange()[1]
    assert 0.25 <= top < 0.5  # a new run starts from its own losses


def test_a_loss_rising_above_the_view_refits_it(qtbot: Any, plots: TrainingPlots) -> None:
    plots.plan_run(last_step=400, last_epoch=2)
    plots.add_batches(range(0, 50), [1.0] * 50)
    plots.redraw()
    _, (_, top) = _loss_view(plots)
    assert top == pytest.approx(1.05)
    plots.add_batches(range(50, 100), [3.0] * 50)  # still inside the x range: only y must follow
    plots.redraw()
    _, (_, top) = _loss_view(plots)
    assert top >= 3.0


def test_the_view_stays_where_the_user_panned_it(qtbot: Any, plots: TrainingPlots) -> None:
    plots.plan_run(last_step=400, last_epoch=2)
    plots.add_batches(range(0, 50), [1.0] * 50)
    plots.redraw()
    plots.loss_plot.getPlotItem().vb.setRange(xRange=(10, 20), padding=0)
    plots.loss_plot.getPlotItem().vb.sigRangeChangedManually.emit([True, True])
    plots.add_batches(range(50, 300), [4.0] * 250)
    plots.redraw()
    (x0, x1), _ = _loss_view(plots)
    assert (x0, x1) == pytest.approx((10, 20))


def test_epoch_plots_show_the_planned_epochs_from_the_start(qtbot: Any, plots: TrainingPlots) -> None:
    plots.plan_run(last_step=500, last_epoch=5)
    plots.add_epoch(1, 0.9, 0.8, 0.7)
    for plot in (plots.epoch_plot, plots.accuracy_plot):
        (x0, x1), _ = plot.getPlotItem().vb.viewRange()
        assert (x0, x1) == pytest.approx((0.75, 5.25))
    plots.reset()
    plots.add_epoch(1, 0.9, 0.8, 0.7)
    plots.add_epoch(2, 0.8, 0.7, 0.8)
    plots.redraw()
    qtbot.wait(50)
    (x0, x1), _ = plots.epoch_plot.getPlotItem().vb.viewRange()
    assert x0 <= 1 and x1 >= 2 and x1 < 5  # a new run without a plan fits its own epochs


def test_the_plots_follow_a_theme_switch(qtbot: Any, plots: TrainingPlots) -> None:
    from PySide6.QtWidgets import QApplication

    from torchdesk.desktop.theme import apply_theme

    app = QApplication.instance()
    style = app.style().name()
    widgets = (plots.loss_plot, plots.epoch_plot, plots.accuracy_plot, plots.confusion)

    def looks() -> list[tuple[str, str]]:
        return [(w.backgroundBrush().color().name(), w.getPlotItem().getAxis("left").textPen().color().name())
                for w in widgets] + [(plots.smooth_curve.opts["pen"].color().name(), "")]

    try:
        apply_theme(app, "light")
        light = looks()
        apply_theme(app, "dark")
        dark = looks()
    finally:
        apply_theme(app, "system")
        app.setStyle(style)
    for (light_background, light_text), (dark_background, dark_text) in zip(light[:-1], dark[:-1]):
        assert QColor(light_background).lightness() > 128 > QColor(dark_background).lightness()
        assert light_text != dark_text
    assert light[-1] != dark[-1]  # the curves take colours that read on the new background


def _grab_matrix(plots: TrainingPlots, qtbot: Any) -> np.ndarray:
    qtbot.wait(20)
    image = plots.confusion.grab().toImage()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8)
    return buffer.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].copy()


def test_confusion_counts_are_written_in_their_cells_and_cleared(qtbot: Any, plots: TrainingPlots) -> None:
    plots.resize(1400, 800)
    matrix = [[50, 2, 0], [3, 40, 7], [0, 1, 60]]
    plots.add_epoch(1, 0.9, 0.8, 0.7, confusion=matrix, class_names=["cat", "dog", "cow"])
    assert plots.confusion.counts.matrix.tolist() == matrix
    with_counts = _grab_matrix(plots, qtbot)
    plots.confusion.counts.hide()
    without_counts = _grab_matrix(plots, qtbot)
    plots.confusion.counts.show()
    assert (with_counts != without_counts).any()  # the numbers are visibly drawn
    left_ticks = plots.confusion.getPlotItem().getAxis("left")._tickLevels
    assert [label for _, label in left_ticks[0]] == ["cat", "dog", "cow"]

    plots.reset()
    assert plots.confusion.counts.matrix.size == 0
    assert plots.confusion.empty_text.isVisible()


def test_class_names_label_the_matrix_before_the_first_epoch(qtbot: Any, plots: TrainingPlots) -> None:
    names = ["cat", "dog", "cow"]
    plots.confusion.show_classes(names)
    qtbot.wait(20)
    assert [label for _, label in plots.confusion.getPlotItem().getAxis("left")._tickLevels[0]] == names
    view = plots.confusion.getPlotItem().vb
    geometry = view.geometry()
    plots.add_epoch(1, 0.9, 0.8, 0.7, confusion=np.eye(3, dtype=int).tolist(), class_names=names)
    qtbot.wait(20)
    assert view.geometry() == geometry  # the first matrix does not re-lay out the plot mid-run
    plots.reset()
    qtbot.wait(20)
    assert plots.confusion.empty_text.isVisible()
    assert [label for _, label in plots.confusion.getPlotItem().getAxis("left")._tickLevels[0]] == names
    assert view.geometry() == geometry  # a new run keeps the names until its own classes arrive


def test_a_larger_class_count_replaces_the_axis_labels(qtbot: Any, plots: TrainingPlots) -> None:
    plots.add_epoch(1, 0.9, 0.8, 0.7, confusion=np.eye(3, dtype=int).tolist(), class_names=["a", "b", "c"])
    plots.add_epoch(2, 0.9, 0.8, 0.7, confusion=np.eye(4, dtype=int).tolist(), class_names=["a", "b", "c", "d"])
    labels = [label for _, label in plots.confusion.getPlotItem().getAxis("left")._tickLevels[0]]
    assert labels == ["a", "b", "c", "d"]
    (x0, x1), _ = plots.confusion.getPlotItem().vb.viewRange()
    assert (x0, x1) == pytest.approx((0, 4))


class _LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_a_steady_label_changes_text_without_relaying_out_its_window(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    label = SteadyLabel("", widest="888,888 samples/s · 88:88:88 left")
    layout.addWidget(label)
    layout.addWidget(QLabel("neighbour"))
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)
    requests = _LayoutRequests()
    window.installEventFilter(requests)
    geometry = label.geometry()
    for i in range(20):
        label.setText(f"{1000 + 37 * i:,} samples/s · 0:0{i % 10}:1{i % 10} left")
        qtbot.wait(2)
    assert requests.count == 0
    assert label.geometry() == geometry


def test_a_steady_label_grows_for_text_that_does_not_fit(qtbot: Any) -> None:
    label = SteadyLabel("short", widest="short")
    qtbot.addWidget(label)
    long_text = "a much longer message than was reserved for"
    label.setText(long_text)
    assert label.width() >= label.fontMetrics().horizontalAdvance(long_text)
    width = label.width()
    label.setText("short")
    assert label.width() == width  # it does not shrink back and forth


def test_small_losses_are_labelled_as_they_are(qtbot: Any, plots: TrainingPlots) -> None:
    plots.add_epoch(1, 0.4, 0.35, 0.9)
    plots.add_batches(range(0, 50), [0.004] * 50)
    plots.redraw()
    qtbot.wait(20)
    for plot in (plots.loss_plot, plots.epoch_plot):
        axis = plot.getPlotItem().getAxis("left")
        assert axis.autoSIPrefixScale == 1.0 and "x0.001" not in axis.labelString()  # "0.4", never "400 (x0.001)"


FASHION = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def test_confusion_columns_are_labelled_with_class_names_that_fit(qtbot: Any, plots: TrainingPlots) -> None:
    """Both axes name the classes; the predicted-class axis shortens names to its column width, and a wider view shows more."""
    plots.resize(900, 600)
    plots.show()
    qtbot.wait(20)
    matrix = np.eye(10, dtype=int) * 10
    plots.add_epoch(1, 0.9, 0.8, 0.7, confusion=matrix.tolist(), class_names=FASHION)

    def bottom_labels() -> list[str]:
        return [label for _, label in plots.confusion.getPlotItem().getAxis("bottom")._tickLevels[0]]

    narrow = bottom_labels()
    assert narrow[3] == "Dress"[: len(narrow[3]) - 1] + "…" or narrow[3] == "Dress"
    assert all(label[0] == name[0] for label, name in zip(narrow, FASHION))  # names, not the digits 0-9
    assert not any(label.isdigit() for label in narrow)
    plots.resize(2400, 1000)
    qtbot.wait(20)
    wide = bottom_labels()
    assert sum(map(len, wide)) >= sum(map(len, narrow)) and "Trouser" in wide
