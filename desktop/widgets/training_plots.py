"""The training panel's live plots: batch loss, epoch losses, test accuracy, confusion matrix.

Points are appended as they arrive and the curves redrawn when something changed,
at most ``max_redraw_hz`` times a second: at once when a redraw is allowed, so the new
points and whatever else the same chunk changed in the window land in one paint, else
by a timer when the next one is. The training worker hands over batches about ten
times a second, which sets the usual rate. Curves clip to the visible
range and downsample to the pixels available, so a run of hundreds of thousands
of batches costs the same to draw as a short one. Everything shown can be saved
as a PNG and as a CSV in long format (``series,x,y``).
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGridLayout, QWidget

from torchdesk.desktop.i18n import translate
from torchdesk.desktop.theme import is_dark
from torchdesk.desktop.widgets.confusion_matrix import ConfusionMatrixView
from torchdesk.desktop.widgets.series import EmaSmoother, GrowingSeries
from torchdesk.desktop.widgets.themed_plot import ThemedPlot

# A planned run at most this many batches per pixel wide is shown whole from its start.
BATCHES_PER_PIXEL = 4

TRAIN_COLOR = QColor(31, 119, 180)
TEST_COLOR = QColor(255, 127, 14)
ACCURACY_COLOR = QColor(44, 160, 44)


class EpochAxis(pg.AxisItem):
    """A bottom axis that only labels whole epochs (no "1.5")."""

    def tickValues(self, minVal, maxVal, size):  # type: ignore[no-untyped-def]  # noqa: N802,N803
        levels = [(spacing, [v for v in values if float(v).is_integer()])
                  for spacing, values in super().tickValues(minVal, maxVal, size) if spacing >= 1]
        if not levels:
            first, last = int(np.ceil(minVal)), int(np.floor(maxVal))
            levels = [(1.0, [float(v) for v in range(first, last + 1)])]
        return levels


def _close(new: tuple[float, float], old: tuple[float, float], tolerance: float = 0.1) -> bool:
    """Whether each end of range ``new`` is within ``tolerance`` times ``old``'s span of the same end of ``old``."""
    span = old[1] - old[0]
    return span > 0 and abs(new[0] - old[0]) <= tolerance * span and abs(new[1] - old[1]) <= tolerance * span


def _plot(title: str, left: str, bottom: str, epochs: bool = False) -> ThemedPlot:
    axis = {"bottom": EpochAxis("bottom")} if epochs else None
    widget = ThemedPlot(title=title, left=left, bottom=bottom, axisItems=axis)
    item = widget.getPlotItem()
    item.showGrid(x=True, y=True, alpha=0.15)
    for side in ("left", "bottom"):
        item.getAxis(side).enableAutoSIPrefix(False)  # a loss of 0.4 reads "0.4", not "400 (x0.001)"
    for side in ("left", "bottom"):
        # An axis with a grid spans the whole plot, so every curve update repainted its
        # ticks, labels and grid lines: the largest cost of a redraw. Cached, it is one blit
        # until the range (and so the axis) changes.
        item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    widget.setMinimumSize(140, 120)
    return widget


class TrainingPlots(QWidget):
    """All plots of one run; :meth:`reset` before a run, then feed batches and epochs."""

    def __init__(self, parent: QWidget | None = None, max_redraw_hz: float = 30.0) -> None:
        super().__init__(parent)
        self.batch_loss = GrowingSeries(4096)
        self.batch_smooth = GrowingSeries(4096)
        self.smoother = EmaSmoother(0.98)
        self.train_loss = GrowingSeries(64)
        self.test_loss = GrowingSeries(64)
        self.test_accuracy = GrowingSeries(64)
        self._dirty = False  # batch curves changed since the last redraw
        self._epochs_dirty = False

        self.loss_plot = _plot(translate("TrainingPlots", "Training loss per "
                                                          "batch"), translate("TrainingPlots", "loss"),
                               translate("TrainingPlots", "step"))
        self.loss_plot.setToolTip(translate("TrainingPlots", "Every batch's loss (faint) with a smoothed line over it. "
                                                             "Drag to pan, wheel to zoom."))
        self.loss_plot.addLegend(offset=(-10, 10))
        self.raw_curve = self.loss_plot.plot(name=translate("TrainingPlots", "batch"))
        self.smooth_curve = self.loss_plot.plot(name=translate("TrainingPlots", "smoothed"))
        for curve in (self.raw_curve, self.smooth_curve):
            curve.setClipToView(True)
            curve.setSkipFiniteCheck(True)
        # The raw losses keep their spikes (min and max of each pixel's batches). The smoothed
        # line has none to keep, and its wide pen is the dearest thing to stroke: a point every
        # two pixels looks the same and costs a fraction.
        self.raw_curve.setDownsampling(auto=True, method="peak")
        self.smooth_curve.opts["autoDownsampleFactor"] = 0.5
        self.smooth_curve.setDownsampling(auto=True, method="subsample")
        # The batch-loss view follows the run itself, in steps: a range that changed every
        # tick would repaint both axes every tick, the largest cost of a redraw.
        self.loss_plot.getPlotItem().disableAutoRange()
        self.loss_plot.getPlotItem().vb.sigRangeChangedManually.connect(self._stop_following)
        self.loss_plot.getPlotItem().autoBtn.clicked.connect(self._follow_again)
        self._following = True
        self._x_limit = 0.0
        self._y_top = 0.0  # the largest loss so far; a larger one refits the y range
        self._refit_y = False
        self._planned_end_step = 0  # the run's last step once known (see plan_run)
        self._y_range = (0.0, 0.0)  # the batch-loss view's y range as last set
        self._epoch_y_range = (0.0, 0.0)  # the epoch-loss view's, which only ever widens in a run

        self.epoch_plot = _plot(translate("TrainingPlots", "Loss per epoch"), translate("TrainingPlots", "loss"),
                                translate("TrainingPlots", "epoch"), epochs=True)
        self.epoch_plot.setToolTip(translate("TrainingPlots", "Mean training loss and test loss after each epoch."))
        self.epoch_plot.addLegend(offset=(-10, 10))
        self.train_curve = self.epoch_plot.plot(name=translate("TrainingPlots", "train"), symbol="o", symbolSize=6)
        self.test_curve = self.epoch_plot.plot(name=translate("TrainingPlots", "test"), symbol="s", symbolSize=6)

        self.accuracy_plot = _plot(translate("TrainingPlots", "Test "
                                                              "accuracy"), "%", translate("TrainingPlots", "epoch"),
                                   epochs=True)
        self.accuracy_plot.setToolTip(translate("TrainingPlots", "Share of the test split classified correctly after "
                                                                 "each epoch."))
        self.accuracy_plot.setYRange(0, 100, padding=0.02)
        self.accuracy_curve = self.accuracy_plot.plot(name=translate("TrainingPlots", "test accuracy"), symbol="o",
                                                      symbolSize=6)

        self.confusion = ConfusionMatrixView()
        self.confusion.setMinimumSize(160, 140)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.loss_plot, 0, 0, 1, 2)
        layout.addWidget(self.confusion, 0, 2, 2, 1)
        layout.addWidget(self.epoch_plot, 1, 0)
        layout.addWidget(self.accuracy_plot, 1, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 3)
        layout.setColumnStretch(2, 4)
        layout.setRowStretch(0, 1)
        layout.setRowStretch(1, 1)

        self._interval = 1.0 / max_redraw_hz
        self._last_redraw = float("-inf")  # time.monotonic() of the last batch-curve redraw
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.redraw)
        for plot in (self.loss_plot, self.epoch_plot):
            plot.apply_palette()  # their legends came after the plots took their colours
        self.apply_palette()

    # -- feeding -------------------------------------------------------------------
    def reset(self) -> None:
        """Empty every plot for a new run."""
        for series in (self.batch_loss, self.batch_smooth, self.train_loss, self.test_loss, self.test_accuracy):
            series.clear()
        self.smoother.reset()
        self.confusion.clear_matrix()
        self._following, self._x_limit, self._y_top = True, 0.0, 0.0
        self._refit_y, self._planned_end_step = False, 0
        self._y_range = (0.0, 0.0)
        self._epoch_y_range = (0.0, 0.0)
        for plot in (self.epoch_plot, self.accuracy_plot):
            plot.getPlotItem().enableAutoRange(x=True)
        self._dirty = self._epochs_dirty = True
        self.redraw()

    def plan_run(self, last_step: int, last_epoch: int) -> None:
        """Tell the plots where the run will end, so their ranges need not change as it goes.

        The batch-loss view then never widens past ``last_step``, and the epoch plots show
        epochs 1 to ``last_epoch`` from the start: an axis whose range changes is drawn
        anew, the most expensive part of a redraw.
        """
        self._planned_end_step = max(int(last_step), 0)
        right = max(int(last_epoch), 1) + 0.25
        for plot in (self.epoch_plot, self.accuracy_plot):
            plot.getPlotItem().setXRange(0.75, right, padding=0)

    def add_batches(self, steps: Sequence[int], losses: Sequence[float]) -> None:
        """Append batch losses; drawn at the next redraw tick."""
        self.batch_loss.extend(steps, losses)
        arrived = np.asarray(losses, dtype=float)
        arrived = arrived[np.isfinite(arrived)]
        if arrived.size and float(arrived.max()) > self._y_top:
            self._refit_y = True
        self.batch_smooth.extend(steps, self.smoother.feed(losses))
        self._dirty = True
        self._schedule_redraw()

    def _schedule_redraw(self) -> None:
        wait = self._last_redraw + self._interval - time.monotonic()
        if wait <= 0:
            self.redraw()
        elif not self._timer.isActive():
            self._timer.start(max(1, int(1000 * wait)))

    def add_epoch(self, epoch: int, train_loss: float, test_loss: float, test_accuracy: float,
                  confusion: Sequence[Sequence[int]] | None = None, class_names: Sequence[str] = ()) -> None:
        """Append one epoch's metrics and show its confusion matrix; drawn at once."""
        self.train_loss.append(epoch, train_loss)
        self.test_loss.append(epoch, test_loss)
        self.test_accuracy.append(epoch, 100.0 * test_accuracy)
        if confusion:
            self.confusion.set_matrix(confusion, class_names)
        self._epochs_dirty = True
        self._refit_y = True  # once an epoch, the loss view follows the falling loss down
        self.redraw()

    def stop_updates(self) -> None:
        """Draw what is pending and stop the redraw timer (the run ended)."""
        self.redraw()
        self._timer.stop()

    def redraw(self) -> None:
        """Hand the curves their data if anything changed."""
        if self._dirty:
            self._dirty = False
            self._timer.stop()
            self._last_redraw = time.monotonic()
            self.raw_curve.setData(self.batch_loss.x, self.batch_loss.y)
            self.smooth_curve.setData(self.batch_smooth.x, self.batch_smooth.y)
            self._follow_run()
        if self._epochs_dirty:
            self._epochs_dirty = False
            self.train_curve.setData(self.train_loss.x, self.train_loss.y)
            self.test_curve.setData(self.test_loss.x, self.test_loss.y)
            self.accuracy_curve.setData(self.test_accuracy.x, self.test_accuracy.y)
            self._fit_epoch_losses()

    def _fit_epoch_losses(self) -> None:
        """Widen the epoch-loss view to hold every point; never narrow it during a run.

        Losses fall, so after the first epoch the range (and the axis drawn for it)
        usually stays as it is instead of being refitted, and redrawn, every epoch.
        """
        values = np.concatenate([self.train_loss.y, self.test_loss.y])
        values = values[np.isfinite(values)]
        if not values.size:
            return
        low, high = min(float(values.min()), 0.0), float(values.max())
        bottom, top = self._epoch_y_range
        if bottom < top and bottom <= low and high <= top:
            return
        top = high * 1.1 if high > 0 else 1.0
        bottom = low * 1.1
        self._epoch_y_range = (bottom, top)
        self.epoch_plot.getPlotItem().setYRange(bottom, top, padding=0)

    def _follow_run(self, force: bool = False) -> None:
        """Keep the batch-loss view on the run while changing its range as rarely as possible.

        The x range doubles when the run outgrows it (never past the planned end); the y
        range is refitted once an epoch and when a loss rises above the view.
        """
        n = len(self.batch_loss)
        if not self._following or n == 0:
            return
        first, last = float(self.batch_loss.x[0]), float(self.batch_loss.x[-1])
        refit_x = force or last > self._x_limit
        refit_y = force or refit_x or self._refit_y
        if not refit_y:
            return
        self._refit_y = False
        if refit_x:
            planned = float(self._planned_end_step)
            pixels = max(self.loss_plot.getPlotItem().vb.width(), 100.0)
            if last <= planned and planned - first <= BATCHES_PER_PIXEL * pixels:
                # The whole run fits at a few batches a pixel: show all of it from the start,
                # and the view need never change as the curve grows across it.
                self._x_limit = planned
            else:
                # At least a quarter of the planned run in view, so a short run is not redrawn
                # at four scales in its first second.
                wanted = max(first + 2 * (last - first), first + 50, first + (planned - first) / 4)
                self._x_limit = min(wanted, planned) if planned >= last else wanted
        losses = self.batch_loss.y
        finite = losses[np.isfinite(losses)]
        if not finite.size:
            return
        # np.partition, not np.percentile: percentile's first call imports numpy.ma, a
        # noticeable stall in the middle of a run.
        k = int(0.995 * (finite.size - 1))
        low, high = float(finite.min()), float(np.partition(finite, k)[k])
        low = 0.0 if low >= 0 else low
        top = high * 1.05 or 1.0
        self._y_top = float(finite.max())  # the view may clip rare spikes; only a new maximum refits it
        view = self.loss_plot.getPlotItem().vb
        if not refit_x and _close((low, top), self._y_range):
            return  # a change too small to see would still redraw both axes
        self._y_range = (low, top)
        view.setRange(xRange=(first - 1, self._x_limit), yRange=(low, top), padding=0)

    def _stop_following(self, *_: object) -> None:
        self._following = False

    def _follow_again(self) -> None:
        self.loss_plot.getPlotItem().disableAutoRange()
        self._following = True
        self._follow_run(force=True)

    @property
    def point_count(self) -> int:
        """How many batch-loss points the plots hold."""
        return len(self.batch_loss)

    # -- looks ----------------------------------------------------------------------
    def apply_palette(self) -> None:
        """Colour the curves from the widget's palette (light or dark); each plot colours its own frame."""
        dark = is_dark(self.palette())
        raw = QColor(140, 170, 220, 90) if dark else QColor(31, 119, 180, 70)
        smooth = QColor(120, 180, 255) if dark else QColor(20, 80, 160)
        train = QColor(100, 170, 240) if dark else TRAIN_COLOR
        self.raw_curve.setPen(pg.mkPen(raw, width=1))
        self.smooth_curve.setPen(pg.mkPen(smooth, width=2))
        self.train_curve.setPen(pg.mkPen(train, width=2))
        self.train_curve.setSymbolBrush(train)
        self.test_curve.setPen(pg.mkPen(TEST_COLOR, width=2))
        self.test_curve.setSymbolBrush(TEST_COLOR)
        self.accuracy_curve.setPen(pg.mkPen(ACCURACY_COLOR, width=2))
        self.accuracy_curve.setSymbolBrush(ACCURACY_COLOR)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)

    # -- export ---------------------------------------------------------------------
    def export_png(self, path: str | Path) -> Path:
        """Save all plots as they look now to a PNG."""
        self.redraw()
        target = Path(path)
        if not self.grab().save(str(target), "PNG"):
            raise OSError(translate("TrainingPlots", "could not write {path}").format(path=target))
        return target

    def export_csv(self, path: str | Path) -> Path:
        """Save every plotted number as ``series,x,y`` rows (confusion cells as ``confusion[true][pred]``)."""
        self.redraw()
        target = Path(path)
        with target.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["series", "x", "y"])
            for name, series in (("batch_loss", self.batch_loss), ("batch_loss_smoothed", self.batch_smooth),
                                 ("train_loss", self.train_loss), ("test_loss", self.test_loss),
                                 ("test_accuracy_percent", self.test_accuracy)):
                for x, y in zip(series.x.tolist(), series.y.tolist()):
                    writer.writerow([name, int(x) if float(x).is_integer() else x, repr(y)])
            matrix = self.confusion.matrix
            names = self.confusion.class_names
            for i in range(matrix.shape[0]):
                for j in range(matrix.shape[1]):
                    writer.writerow([f"confusion[{names[i]}][{names[j]}]", f"{i},{j}", int(matrix[i, j])])
        return target

    def points(self) -> dict[str, np.ndarray]:
        """Copies of the plotted y values by series (tests and scripts use it)."""
        return {"batch_loss": self.batch_loss.y.copy(), "train_loss": self.train_loss.y.copy(),
                "test_loss": self.test_loss.y.copy(), "test_accuracy": self.test_accuracy.y.copy()}
