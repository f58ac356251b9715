"""The Model panel's live norms: hook the training model's gradients while shown, redraw at a steady rate.

The hooks run on the training thread, so they exist only while the panel is on
screen and a run is going; the view refreshes every ``NORMS_INTERVAL_S``.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer
from torch import nn

from torchdesk.core import events
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.inspect.norms import GradNormMonitor, layer_norms
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.state import AppState
from torchdesk.desktop.widgets.norms_view import NormsView

NORMS_INTERVAL_S = 0.3  # how often the live norms view refreshes, and so how often training records them
IDLE_CAPTION = QT_TRANSLATE_NOOP("NormsView", "Norms appear here while a model trains (start a run in the training "
                                              "panel).")


class LiveNorms(QObject):
    """Keeps ``view`` showing the current model's parameter and gradient norms during training."""

    def __init__(self, state: AppState, view: NormsView, on_screen: Callable[[], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.view = view
        self.on_screen = on_screen
        self.monitor: GradNormMonitor | None = None
        self.dirty = False
        self.last_step: tuple[int, int, float] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 * NORMS_INTERVAL_S))
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        state.training_event.connect(self._on_training_event)
        state.model_updated.connect(self.mark_dirty)

    def mark_dirty(self) -> None:
        """The weights changed: redraw at the next tick."""
        self.dirty = True

    def predictor_changed(self, predictor: Any) -> None:
        """A new current model: stop watching the old one, and watch the new one if it is training."""
        if self.monitor is not None and (predictor is None or predictor.model is not self.monitor.model):
            self.stop()
        if predictor is not None and self.state.training_active:
            self.watch()  # from the first step of the new run

    def watch(self) -> None:
        """Hook the current model's gradients, only while the panel is on screen."""
        predictor = self.state.predictor
        if self.monitor is None and predictor is not None and self.on_screen():
            self.monitor = GradNormMonitor(predictor.model, min_interval_s=NORMS_INTERVAL_S)

    def stop(self, keep_view: bool = False) -> None:
        """Remove the hooks; the last values stay on screen when ``keep_view``."""
        if self.monitor is not None:
            self.monitor.close()
            self.monitor = None
        if not keep_view:
            self.view.clear(translate("NormsView", IDLE_CAPTION))

    def close(self) -> None:
        """The panel is going: no more ticks, no more hooks."""
        self.timer.stop()
        self.stop(keep_view=True)

    def refresh(self, force: bool = False) -> None:
        """Redraw the norms when they changed and the panel is shown (or always when ``force``)."""
        if self.monitor is None or not (self.dirty or force) or not (force or self.on_screen()):
            return
        self.dirty = False
        try:
            records = self.monitor.snapshot()
        except Exception as exc:  # the model changed under us: stop watching it
            self.view.clear(translate("LiveNorms", "Stopped watching the norms: {error}").format(error=exc))
            self.stop(keep_view=True)
            return
        caption = (translate("LiveNorms", "Live:") if self.state.training_active
                   else translate("LiveNorms", "After training:")) + " "
        if self.last_step is not None:
            epoch, step, loss = self.last_step
            caption += translate("LiveNorms", "epoch {epoch}, step {step}, loss {loss:.4f}.").format(
                epoch=epoch, step=step, loss=loss) + " "
        caption += translate("LiveNorms", "{layers} layers with parameters, {passes} backward passes seen.").format(
            layers=len(records), passes=self.monitor.backwards)
        self.view.show_records(records, caption)

    def show_static(self, model: nn.Module) -> None:
        """No run to watch: the inspected model's parameter norms."""
        if self.monitor is None:
            self.view.show_records(layer_norms(model), translate("LiveNorms", "Parameter norms of the inspected model "
                                                                              "(no training running; gradient norms "
                                                                              "appear live while the current model "
                                                                              "trains)."))

    def _on_training_event(self, event: Any) -> None:
        if isinstance(event, events.BatchEnd):
            if self.state.predictor is not None:
                self.watch()
            self.dirty = True
            self.last_step = (event.epoch, event.step, event.loss)
        elif isinstance(event, events.EpochEnd):
            self.dirty = True
        elif isinstance(event, (events.Finished, events.Failed)):
            self.refresh(force=True)
            self.stop(keep_view=True)
