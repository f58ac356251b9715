"""The model's verdicts on the open split: does the current model fit this data, and which samples it gets wrong.

Predicting a whole split is heavy work (a CNN on 60,000 images is minutes of CPU),
so it starts on its own only when it makes sense and is cheap:

* the model fits the data (:meth:`AppState.fit`, the app's one compatibility
  check): otherwise no prediction starts, the fit bar says why and offers
  "Predict anyway", whose answers are then shown by the model's own class names,
  never by this dataset's, and never called right or wrong;
* the split has at most :data:`AUTO_PREDICT_LIMIT` samples: otherwise the
  "Predict all N" button waits for the person.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from torchdesk.core.compatibility import Fit, data_identity
from torchdesk.core.dataset_stats import Predictions, predict_dataset
from torchdesk.core.i18n import class_name_text
from torchdesk.core.specs import DatasetSpec
from torchdesk.desktop.dataview.browser_view import BrowserView
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.data.opening import OpenedSplit
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import TaskRunner

# Predicting a split starts by itself up to this many samples: a few seconds for the app's models on
# one CPU thread, and MNIST's or CIFAR-10's test split. A training split of 60,000 waits for "Predict all".
AUTO_PREDICT_LIMIT = 10_000


def predicts_on_its_own(fit: Fit, samples: int) -> bool:
    """Whether predicting ``samples`` samples starts without being asked: the model fits and the split is small."""
    return bool(fit) and samples <= AUTO_PREDICT_LIMIT


class ModelVerdicts(QObject):
    """Runs the current model over the open split (heavy work: one thread while training runs) and keeps the
    browser's model row, Predict button and fit bar saying what the predictions are.

    ``predictions_changed()`` tells the panel to redraw the grid's marks.
    """

    predictions_changed = Signal()

    def __init__(self, state: AppState, view: BrowserView, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.view = view
        self.runner = runner
        self.predictions: Predictions | None = None
        # The model's own class names when it predicted anyway on data it does not fit; None when judged.
        self.predicted_names: list[str] | None = None
        self.fit = Fit(True)
        self._spec: DatasetSpec | None = None
        self._split: OpenedSplit | None = None
        self._stale = False
        self._predicting = False  # the runner's own flag lasts until the task's thread has finished
        view.predict_button.clicked.connect(lambda: self.predict())
        state.predictor_changed.connect(self._on_predictor_changed)
        state.model_updated.connect(self._on_model_updated)
        self.refresh()

    def judged(self) -> bool:
        """Whether there are predictions that can be called right or wrong (the model fits the data)."""
        return self.predictions is not None and self.predicted_names is None

    def set_split(self, spec: DatasetSpec | None, split: OpenedSplit | None) -> None:
        """A new split is shown (None: none yet): forget the old verdicts, check the fit, predict if fit and cheap."""
        self.runner.cancel()
        self._spec, self._split = spec, split
        self._forget()
        self._consider()

    def predict(self, anyway: bool = False) -> None:
        """Predict every sample of the split; a model that does not fit only with ``anyway`` (the person asked)."""
        predictor, split = self.state.predictor, self._split
        if predictor is None or split is None or not (self.fit or anyway):
            self.refresh()
            return
        own_names = None if self.fit else list(predictor.class_names)
        source = split.source

        def work(task: Any) -> Predictions:
            still = predictor.snapshot() if predictor.live else predictor  # one copy, not one per chunk
            return predict_dataset(still, source, progress=task.progress, cancel=task.cancelled)

        self._stale = False
        self._predicting = True
        progress = self.view.predict_progress
        progress.setRange(0, 1000)
        progress.setValue(0)
        progress.show()
        self.runner.start(work, "predict split", lambda result: self._on_predictions(result, own_names),
                          self._on_failed, lambda done, total: progress.setValue(int(1000 * done / max(1, total))),
                          )
        self.refresh()

    # -- reactions ------------------------------------------------------------------------
    def _on_predictor_changed(self, predictor: Any) -> None:
        if predictor is not None and self.state.training_active and self.judged() and self._check(predictor):
            # A running training hands over a new model every epoch: do not compete with it for the CPU.
            self._stale = True
            self.refresh()
            return
        self.runner.cancel()
        self._forget()
        self._consider()

    def _on_model_updated(self) -> None:
        if self.predictions is not None:
            self._stale = True
            self.refresh()

    def _on_predictions(self, predictions: Predictions, own_names: list[str] | None) -> None:
        self.predictions, self.predicted_names = predictions, own_names
        self._predicting = False
        self.view.predict_progress.hide()
        self.refresh()
        self.predictions_changed.emit()

    def _on_failed(self, message: str, _detail: str) -> None:
        self._predicting = False
        self.view.predict_progress.hide()
        self.refresh()
        self.view.model_label.setText(translate("ModelVerdicts", "The model could not be run on this split: {reason}")
                                      .format(reason=message))

    def _forget(self) -> None:
        had = self.predictions is not None
        self.predictions, self.predicted_names, self._stale, self._predicting = None, None, False, False
        self.view.predict_progress.hide()
        if had:
            self.predictions_changed.emit()

    def _consider(self) -> None:
        self.fit = self._check(self.state.predictor)
        split = self._split
        if self.state.predictor is not None and split is not None and predicts_on_its_own(self.fit, len(split.source)):
            self.predict()
        else:
            self.refresh()

    def _check(self, predictor: Any) -> Fit:
        if predictor is None or self._split is None or self._spec is None:
            return Fit(True)
        split = self._split
        return self.state.fit(data_identity(self._spec, split.class_names, split.sample_shape), predictor)

    # -- what the row says ----------------------------------------------------------------
    def refresh(self) -> None:
        """Bring the model row, the Predict button and the fit bar up to date."""
        view, predictor, split = self.view, self.state.predictor, self._split
        running = self._predicting
        samples = len(split.source) if split is not None else 0
        view.predict_button.setText(translate("ModelVerdicts", "Predict all {count:,}").format(count=samples) if samples
                                    else translate("ModelVerdicts", "Predict all"))
        view.predict_button.setToolTip(translate(
            "ModelVerdicts",
            "Run the current model over all {count:,} samples of this split and mark each thumbnail right or wrong "
            "(F5). Splits of up to {limit:,} samples are predicted as soon as they open; while a training run goes "
            "this runs on one CPU thread.").format(count=samples, limit=AUTO_PREDICT_LIMIT))
        view.predict_button.setEnabled(predictor is not None and split is not None and bool(self.fit) and not running)
        view.misclassified_check.setEnabled(self.judged())
        self._show_fit(samples)
        name = (predictor.source or translate("ModelVerdicts", "the current model")) if predictor is not None else ""
        if predictor is None:
            text = translate("ModelVerdicts", "No model loaded: train one or open a checkpoint to see which samples it "
                                              "gets wrong.")
        elif running:
            text = translate("ModelVerdicts", "Predicting with {model}…").format(model=name)
        elif split is None:
            text = translate("ModelVerdicts", "Model: {model}.").format(model=name)
        elif self.predictions is None:
            text = (translate("ModelVerdicts", "Model: {model} — not run on this split, which it was not made for.")
                    if not self.fit else
                    translate("ModelVerdicts", "Model: {model} — Predict all runs it over the {count:,} samples and "
                                               "marks the mistakes.")).format(model=name, count=samples)
        elif self.predicted_names is not None:
            text = translate("ModelVerdicts", "Model: {model} — predicted anyway: each thumbnail shows the model's own "
                                              "answer (→ its class); right or wrong is not measured.")
            text = text.format(model=name)
        else:
            wrong = int((~self.predictions.correct).sum())
            text = translate("ModelVerdicts", "Model: {model} — {accuracy:.1%} right on this split, {wrong:,} wrong "
                                              "(red frames).").format(model=name, accuracy=self.predictions.accuracy,
                                                                      wrong=wrong)
        if self._stale and self.predictions is not None and not running:
            text += translate("ModelVerdicts", " The model has changed since: press Predict all to refresh.")
        view.model_label.setText(text)

    def _show_fit(self, samples: int) -> None:
        bar = self.view.fit_bar
        if self.state.predictor is None or self._split is None or self.fit:
            bar.clear()
        elif self.predictions is not None or self._predicting:
            text = translate("ModelVerdicts", "{reason} Predicted anyway on request: the thumbnails show the model's "
                                              "own class names, and nothing is called right or wrong.")
            bar.show_message(text.format(reason=self.fit.reason), kind="warning")
        else:
            names = ", ".join(class_name_text(str(name)) for name in list(self.state.predictor.class_names)[:3])
            bar.show_message(
                translate("ModelVerdicts", "{reason} So it is not run on this split.").format(reason=self.fit.reason),
                kind="warning",
                actions=((translate("ModelVerdicts", "Predict anyway"),
                  translate("ModelVerdicts", "Run the model over all {count:,} samples anyway; each thumbnail then "
                                             "shows the model's own answer ({names}, …), never this dataset's class "
                                             "names, and no right/wrong.").format(count=samples, names=names),
                  lambda: self.predict(anyway=True)),))
