"""The Train panel's check that the chosen model takes the chosen dataset's images.

A model typed in the playground was written for one image shape; picking it with a
dataset of another shape would load the data and then fail. :class:`ModelFitCheck`
runs one forward pass (:func:`~torchdesk.core.model_fit.forward_problem`) on a task as
soon as the pair is chosen, shows the error under the model picker, and the panel
refuses to start while it stands. Plugin models size themselves from the dataset and
are not checked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from torchdesk.core.i18n import component_text
from torchdesk.core.model_fit import forward_problem
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.tasks import Cpu, TaskRunner

CHECKED_PLUGINS = ("playground",)


class ModelFitCheck(QObject):
    """Checks the model picker's choice against the dataset picker's; ``checked(problem)`` says the outcome."""

    checked = Signal(str)

    def __init__(self, state: Any, model_picker: Any, dataset_picker: Any, label: QLabel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model_picker = model_picker
        self.dataset_picker = dataset_picker
        self.label = label
        self.label.setWordWrap(True)
        self.label.setObjectName("modelFitProblem")
        self.label.hide()
        self.problem = ""
        self.runner = TaskRunner(state.tasks, self, cpu=Cpu.LIGHT)
        model_picker.changed.connect(self.check)
        dataset_picker.changed.connect(self.check)

    def check(self) -> None:
        """Start checking the current pair (a pair that needs no check clears the message)."""
        model, data = self.model_picker.spec(), self.dataset_picker.spec()
        self.runner.cancel()
        if model is None or data is None or model.plugin not in CHECKED_PLUGINS or not data.input_shape:
            self._show("")
            return
        shape, classes = tuple(data.input_shape), len(data.class_names) or 10
        name, dataset = component_text(model.name), component_text(data.name)
        self.runner.start(lambda _task: forward_problem(model, shape, classes),
                          translate("ModelFitCheck", "Checking {model}").format(model=name),
                          on_success=lambda problem: self._show(problem and translate(
                              "ModelFitCheck", "{model} cannot train on {dataset}: {problem}").format(
                              model=name, dataset=dataset, problem=problem)),
                          on_failure=lambda message, _detail: self._show(message))

    def _show(self, problem: str) -> None:
        self.problem = problem
        self.label.setText(problem)
        self.label.setToolTip(problem)
        self.label.setVisible(bool(problem))
        self.checked.emit(problem)

    def stop(self) -> None:
        """Cancel and join the check's task."""
        self.runner.stop()
