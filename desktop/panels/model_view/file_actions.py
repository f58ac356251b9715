"""The Model panel's model files: open one (asking before anything in it may run) and offer it to Classify."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog

from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.model_files import FILE_FILTER, OpenedModel, classify_predictor, load_program
from torchdesk.core.inspect.probe import format_shapes
from torchdesk.desktop.checkpoint_dialogs import PickledModelDialog, ask_to_trust, confirm_trust
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.tasks import Cpu, TaskState

if TYPE_CHECKING:
    from torchdesk.desktop.panels.model_view.panel import ModelPanel

USABLE_KINDS = ("pt2", "torchscript", "checkpoint", "state_dict", "pickled")

# The model-file filter of torchdesk.core.model_files, marked here so the dialog shows it translated.
QT_TRANSLATE_NOOP("ModelFileActions", "Model files (*.pt *.pth *.pt2 *.onnx *.ts *.bin *.ckpt);;All files (*)")

PROGRAM_TRUST = QT_TRANSLATE_NOOP(
    "ModelFileActions",
    "<p><b>{name}</b> is a torch.export program. Looking at it ran nothing, but <b>using it loads it with "
    "torch.export.load, which can run Python code stored in the file</b> (PyTorch's own documentation: never load "
    "one from an untrusted source).</p><p>Go on only if you made it yourself or trust where it came from.</p>"
)


def confirm_program_trust(parent: Any, path: Path) -> bool:
    """Ask whether the person trusts a ``.pt2`` enough to load it; No is the default."""
    return ask_to_trust(parent, translate("ModelFileActions", PROGRAM_TRUST).format(name=path.name), "load")


class ModelFileActions(QObject):
    """``Open model file…`` and ``Use in Classify`` for the panel; the file is read and loaded as tasks."""

    def __init__(self, panel: "ModelPanel") -> None:
        super().__init__(panel)
        self.panel = panel
        self.state = panel.state
        self.runner = panel.task_runner(Cpu.HEAVY)
        chooser = panel.chooser
        chooser.open_file_button.clicked.connect(lambda: self.open_file())
        chooser.use_file_button.clicked.connect(self.use_in_classify)
        panel.controller.trust_needed.connect(self._ask_trust)
        panel.controller.built.connect(self._show_file)

    def open_file(self, path: str | Path | None = None) -> None:
        """Open ``path`` (or ask for one) in the panel."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.panel, translate("ModelFileActions", "Open a model file"),
                                                    str(Path.home()), translate("model_files", FILE_FILTER))
            if not chosen:
                return
            path = chosen
        self.panel.rebuild_timer.stop()
        self.panel.chooser.use_current_model(False)
        self.panel.controller.open_file(path)

    def _ask_trust(self, path: str, message: str) -> None:
        """A pickled whole model: the same questions as the Checkpoints panel (trust, then its data)."""
        if not confirm_trust(self.panel, Path(path), message):
            self.panel.chooser.show_problem(translate("ModelFileActions", "{name} was not opened: it runs code, and "
                                                                          "you did not trust it.")
                                            .format(name=Path(path).name))
            return
        dialog = PickledModelDialog(self.state.registry, Path(path).name, self.panel)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.panel.controller.open_file(path, trust=True, dataset_id=dialog.dataset_id())

    def _show_file(self, _inspection: Any) -> None:
        opened = self.panel.controller.opened_file
        if opened is None:
            self.panel.chooser.show_file("", False)
            return
        shape = (translate("ModelFileActions", "input {shape}").format(shape=format_shapes([(1, *opened.input_shape)]))
                 if opened.input_shape else translate("ModelFileActions", "input shape unknown"))
        lines = [translate("ModelFileActions", "{title}: {params:,} parameters, {shape}.")
                 .format(title=opened.title, params=opened.summary.total_params, shape=shape), *opened.notes]
        self.panel.chooser.show_file("\n".join(lines), opened.kind in USABLE_KINDS and (
            opened.module is not None or opened.runs_after_trust))

    def use_in_classify(self) -> None:
        """Make the opened file's model the app's current model, after trust where loading runs code."""
        opened = self.panel.controller.opened_file
        if opened is None:
            return
        if opened.runs_after_trust and not confirm_program_trust(self.panel, opened.path):
            return
        dataset_id = self.panel.chooser.dataset_combo.currentData() or ""

        def work(task: TaskState) -> Any:
            return classify_predictor(load_program(opened), self.state.registry, dataset_id=dataset_id)

        self.panel.chooser.show_progress(translate("ModelFileActions", "Loading {name} for Classify…")
                                         .format(name=opened.path.name))
        self.runner.start(work, translate("ModelFileActions", "Model panel: use {name} in Classify")
                          .format(name=opened.path.name), self._use,
                          on_failure=lambda message, detail: self.panel._show_problem(message, detail))

    def _use(self, predictor: Any) -> None:
        self.state.set_predictor(predictor)
        self.panel.chooser.show_progress(translate("ModelFileActions", "{name} is the app's current model: draw on "
                                                                       "the Classify panel.")
                                         .format(name=Path(predictor.source).name))
        self.state.request_panel("classify")

    def opened(self) -> OpenedModel | None:
        """The model file on screen."""
        return self.panel.controller.opened_file
