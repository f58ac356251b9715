"""The Playground panel: type torch code, run it safely off the GUI thread, see every tensor and its autograd graph.

Left: the editor (Ctrl+Enter runs the selection or the ``# %%`` cell at the cursor,
Ctrl+Shift+Enter runs everything) above the output console and the history of runs.
Right: the variables table above a viewer of the selected variable (grid, heatmap,
histogram, slice picker) and its autograd graph. The engine is
:mod:`torchdesk.core.playground`; nothing here evaluates code itself.
"""

from __future__ import annotations

import html
import time
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence, QShortcut, QShowEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.playground import EXAMPLES, PythonSession, RunResult, VariableInfo, cell_at
from torchdesk.core.playground.kernel_client import PlaygroundKernel
from torchdesk.core.checkpoint import pickled_model_predictor
from torchdesk.core.playground.shared_models import PlaygroundModels
from torchdesk.core.playground.walkthrough import CHAPTERS
from torchdesk.core.playground.cells import CELL_MARKER, selection_span
from torchdesk.core.playground.views import ValueView
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.base import Panel
from torchdesk.desktop.playground_worker import DeskRequest, PlaygroundRunner
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu
from torchdesk.desktop.widgets.autograd_graph_view import AutogradGraphView
from torchdesk.desktop.widgets.code_editor import CodeEditor
from torchdesk.desktop.widgets.tensor_viewer import TensorViewer
from torchdesk.desktop.widgets.variables_table import VariablesTable

WELCOME_NOTE = QT_TRANSLATE_NOOP(
    "PlaygroundPanel",
    "# Tensor playground: torch, np (NumPy) and F (torch.nn.functional) are ready to use.\n"
    "# Ctrl+Enter runs the selection or the cell (cells are separated by '# %%' lines);\n"
    "# Ctrl+Shift+Enter runs everything. Examples has every walkthrough topic.\n"
)
"""The comment lines the editor opens with (translated where shown; the code below them is not)."""
WELCOME_CODE = (
    "# %%\n"
    "data = [[1, 2], [3, 4]]\n"
    "x_data = torch.tensor(data)\n"
    "print(x_data)\n"
)
WELCOME = WELCOME_NOTE + WELCOME_CODE
"""The editor's first text, in English."""
HISTORY_LIMIT = 200


class PlaygroundPanel(Panel):
    """Editor, console, history, variables, values and autograd graph for the safe evaluator."""

    panel_id = "playground"
    title = "Playground"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.runner = PlaygroundRunner(self.task_runner(Cpu.LIGHT), self.task_runner(Cpu.LIGHT), parent=self)
        self.runner.output.connect(self._append_output)
        self.runner.finished.connect(self._on_finished)
        self.runner.view_ready.connect(self._show_view)
        self.runner.restarted.connect(self._on_worker_restarted)
        self.runner.model_exported.connect(self._on_model_exported)
        self.runner.desk_requested.connect(self._on_desk_request)
        self.shared_models = PlaygroundModels.for_registry(state.registry)
        # A plugin rescan replaces the registry: the models sent from here are offered in the new one too.
        state.registry_changed.connect(
            lambda: self.shared_models.follow(self.state.registry) and self.state.registry_changed.emit())
        self.run_count = 0
        self.last_result: RunResult | None = None
        self._run_started = 0.0
        self._pending_history: tuple[str, int] | None = None
        self._mark_editor = True
        self._worker_restarted = False
        self._mode = "safe"
        self._python_acknowledged = False
        self._python_session: PythonSession | None = None
        self._build_ui()
        self._set_running(False)

    # ------------------------------------------------------------ UI
    def _build_ui(self) -> None:
        self.editor = CodeEditor()
        self.editor.setPlainText(translate("PlaygroundPanel", WELCOME_NOTE) + WELCOME_CODE)
        self.editor.setToolTip(translate("PlaygroundPanel", "Python code over torch and NumPy. Ctrl+Enter: run selection or "
                                                            "cell; Ctrl+Shift+Enter: run all"))
        self.editor.run_requested.connect(self.run_selection_or_cell)
        self.editor.run_all_requested.connect(self.run_all)

        self.run_button = QPushButton(translate("PlaygroundPanel", "Run"))
        self.run_button.setToolTip(translate("PlaygroundPanel", "Run the selection, or the cell at the cursor (Ctrl+Enter)"))
        self.run_button.clicked.connect(self.run_selection_or_cell)
        self.run_all_button = QPushButton(translate("PlaygroundPanel", "Run all"))
        self.run_all_button.setToolTip(translate("PlaygroundPanel", "Run the whole editor (Ctrl+Shift+Enter)"))
        self.run_all_button.clicked.connect(self.run_all)
        self.interrupt_button = QPushButton(translate("PlaygroundPanel", "Interrupt"))
        self.interrupt_button.setToolTip(translate("PlaygroundPanel",
                                                   "Stop the running code (Ctrl+.); variables assigned so far are kept"))
        self.interrupt_button.clicked.connect(self.interrupt)
        self.examples_button = QToolButton()
        self.examples_button.setText(translate("PlaygroundPanel", "Examples"))
        self.examples_button.setToolTip(translate("PlaygroundPanel",
                                                  "Insert a walkthrough snippet as a new cell at the end of the editor"))
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_menu = QMenu(self.examples_button)
        self.examples_button.setMenu(self.examples_menu)
        self._fill_examples("safe")
        self.mode_box = QComboBox()
        self.mode_box.addItem(translate("PlaygroundPanel", "Safe"), "safe")
        self.mode_box.addItem(translate("PlaygroundPanel", "Python"), "python")
        self.mode_box.setItemData(0, translate("PlaygroundPanel", "A checked subset of Python over torch and NumPy: safe "
                                                                  "for code from anywhere"), Qt.ItemDataRole.ToolTipRole)
        self.mode_box.setItemData(1, translate("PlaygroundPanel", "Any Python, as in a notebook (classes, Dataset, "
                                                                  "DataLoader, torchvision, save and load), in a separate "
                                                                  "process: only for code you trust"),
                                  Qt.ItemDataRole.ToolTipRole)
        self.mode_box.setToolTip(translate("PlaygroundPanel", "Safe: a checked subset of Python. Python: any code, as in "
                                                              "a notebook, in a separate process (only for code you trust)"))
        self.mode_box.currentIndexChanged.connect(lambda _index: self.set_mode(self.mode_box.currentData()))
        self.send_model_button = QPushButton(translate("PlaygroundPanel", "Use in panels"))
        self.send_model_button.setToolTip(translate("PlaygroundPanel", "Offer the selected model (an nn.Module, or its "
                                                                       "class) in the Model, Train and Classify pickers, "
                                                                       "to inspect, train and draw on"))
        self.send_model_button.clicked.connect(self.send_selected_model)
        self.send_model_button.hide()  # Python mode only
        self.restart_button = QPushButton(translate("PlaygroundPanel", "Restart"))
        self.restart_button.setToolTip(translate("PlaygroundPanel", "Start a fresh worker process: every variable is "
                                                                    "forgotten, the editor stays"))
        self.restart_button.clicked.connect(self.restart_worker)
        self.reset_button = QPushButton(translate("PlaygroundPanel", "Clear variables"))
        self.reset_button.setToolTip(translate("PlaygroundPanel", "Forget every variable (the editor text stays)"))
        self.reset_button.clicked.connect(self.reset_variables)
        self.status_label = QLabel()
        self.status_label.setToolTip(translate("PlaygroundPanel", "What the playground is doing"))
        self.status_label.setContentsMargins(4, 0, 4, 0)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the pane

        toolbar = QHBoxLayout()
        for widget in (self.mode_box, self.run_button, self.run_all_button, self.interrupt_button, self.examples_button,
                       self.reset_button, self.restart_button, self.send_model_button):
            toolbar.addWidget(widget)
        toolbar.addStretch(1)

        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.console = QPlainTextEdit()
        self.console.setReadOnly(True)
        self.console.setFont(mono)
        self.console.setMaximumBlockCount(20_000)
        self.console.setToolTip(translate("PlaygroundPanel", "What the code printed, in torch's own format; errors in "
                                                             "red with their line"))
        self.history = QListWidget()
        self.history.setToolTip(translate("PlaygroundPanel", "Every run; double-click one to run it again, or copy it "
                                                             "into the editor"))
        self.history.itemDoubleClicked.connect(self._rerun_history_item)
        self.copy_history_button = QPushButton(translate("PlaygroundPanel", "Copy to editor"))
        self.copy_history_button.setToolTip(translate("PlaygroundPanel", "Append the selected run to the editor as a new cell"))
        self.copy_history_button.clicked.connect(self.copy_history_to_editor)
        history_page = QWidget()
        history_layout = QVBoxLayout(history_page)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.copy_history_button, 0, Qt.AlignmentFlag.AlignRight)
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.addTab(self.console, translate("PlaygroundPanel", "Output"))
        self.bottom_tabs.addTab(history_page, translate("PlaygroundPanel", "History"))

        self.bottom_tabs.setTabToolTip(0, translate("PlaygroundPanel", "What the code printed"))
        self.bottom_tabs.setTabToolTip(1, translate("PlaygroundPanel", "Every run, newest first"))
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        self.left_split.addWidget(self.editor)
        self.left_split.addWidget(self.bottom_tabs)
        self.left_split.setSizes([360, 240])
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(toolbar)
        left_layout.addWidget(self.left_split, 1)
        left_layout.addWidget(self.status_label)  # under the output it speaks of, never crowding the buttons

        self.variables = VariablesTable()
        self.variables.selectionModel().selectionChanged.connect(self._on_variable_selected)
        self.viewer = TensorViewer()
        self.graph_view = AutogradGraphView()
        self.right_tabs = QTabWidget()
        self.right_tabs.addTab(self.viewer, translate("PlaygroundPanel", "Values"))
        self.right_tabs.addTab(self.graph_view, translate("PlaygroundPanel", "Autograd graph"))
        self.right_tabs.setTabToolTip(0, translate("PlaygroundPanel", "The selected variable's values: grid, heatmap, histogram"))
        self.right_tabs.setTabToolTip(1, translate("PlaygroundPanel", "The selected tensor's grad_fn graph down to its "
                                                                      "leaves, with .grad after backward()"))
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(self.variables)
        self.right_split.addWidget(self.right_tabs)
        self.right_split.setSizes([220, 380])

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(left)
        self.main_split.addWidget(self.right_split)
        self.main_split.setSizes([560, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.main_split)

        interrupt = QShortcut(QKeySequence("Ctrl+."), self)
        interrupt.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        interrupt.activated.connect(self.interrupt)

    # ------------------------------------------------------------ running
    def run_selection_or_cell(self) -> bool:
        """Run the selected text, or the cell around the cursor. False if a run is already going."""
        selected = self.editor.selected_code()
        if selected is not None:
            span = selection_span(*selected)
        else:
            span = cell_at(self.editor.toPlainText(), self.editor.cursor_line())
        return self.run_code(span.code, span.first_line)

    def run_all(self) -> bool:
        """Run the whole editor."""
        return self.run_code(self.editor.toPlainText(), 1)

    def run_code(self, code: str, first_line: int = 1, from_editor: bool = True) -> bool:
        """Run ``code`` (from editor line ``first_line``) off the GUI thread.

        ``from_editor=False`` (a rerun from History) leaves the editor's error marker alone,
        since the editor may no longer hold that code at those lines.
        """
        if self.runner.busy:
            self.state.show_status(translate("PlaygroundPanel", "The playground is still running; interrupt it first (Ctrl+.)"))
            return False
        if not code.strip():
            self.status_label.setText(translate("PlaygroundPanel", "Nothing to run here: the cell is empty."))
            return False
        self.run_count += 1
        self._mark_editor = from_editor
        self.editor.mark_error_line(None)
        last = first_line + code.rstrip("\n").count("\n")
        if last == first_line:
            header = translate("PlaygroundPanel", "── run {number} (line {line}) ──").format(
                number=self.run_count, line=first_line)
        else:
            header = translate("PlaygroundPanel", "── run {number} (lines {first}–{last}) ──").format(
                number=self.run_count, first=first_line, last=last)
        if self.console.toPlainText():
            self._append_output("\n" if self.console.toPlainText().endswith("\n") else "\n\n")
        self._append_html(f'<span style="color:#8e908c">{html.escape(header)}</span>')
        self._pending_history = (code, first_line)
        self._run_started = time.monotonic()
        self._set_running(True)
        self.bottom_tabs.setCurrentWidget(self.console)
        return self.runner.run(code, first_line)

    def interrupt(self) -> None:
        """Stop the running code."""
        if self.runner.busy:
            self.status_label.setText(translate("PlaygroundPanel", "Interrupting…"))
            self.runner.interrupt()

    def is_running(self) -> bool:
        """Whether code is running now."""
        return self.runner.busy

    def reset_variables(self) -> None:
        """Forget every variable (refused while code runs)."""
        if self.runner.busy:
            return
        self.runner.reset()
        cleared = translate("PlaygroundPanel", "Variables cleared.")
        self._show_no_variables(cleared, cleared)

    # ------------------------------------------------------------ modes
    @property
    def mode(self) -> str:
        """``"safe"`` (the checked subset) or ``"python"`` (full Python, chosen by the person)."""
        return self._mode

    def set_mode(self, mode: str) -> bool:
        """Switch to ``mode``; full Python needs the person's go-ahead once. Variables do not carry over."""
        if mode == self._mode:
            return True
        if self.runner.busy or (mode == "python" and not self._python_acknowledged and not self.confirm_full_python()):
            self._show_mode(self._mode)
            return False
        if mode == "python":
            self._python_acknowledged = True
            session = PythonSession(data_dir=self.state.data_dir, desk=True)
            kernel = session.kernel
        else:
            session, kernel = None, PlaygroundKernel()
        if not self.runner.replace_kernel(kernel):
            if session is not None:
                session.close()
            self._show_mode(self._mode)
            return False
        if self._python_session is not None:
            self._python_session.close()
        self._python_session, self._mode = session, mode
        self._show_mode(mode)
        self._fill_examples(mode)
        self.send_model_button.setVisible(mode == "python")
        self._show_no_variables(translate("PlaygroundPanel", "Select a tensor to see its autograd graph."),
                                translate("PlaygroundPanel", "Full Python: any code, in its own process.")
                                if mode == "python" else
                                translate("PlaygroundPanel", "Safe mode: the checked subset of Python."))
        return True

    def send_selected_model(self) -> None:
        """Offer the model selected in the variables table to the other panels (Python mode)."""
        name = self.variables.selected_name()
        if self._mode != "python" or self.runner.busy:
            return
        if name is None:
            self.status_label.setText(translate("PlaygroundPanel", "Select a model in the variables table first."))
            return
        self.status_label.setText(translate("PlaygroundPanel", "Sending {name} to the panels…").format(name=name))
        self.runner.export_model(name)

    def _on_model_exported(self, name: str, result: Any) -> None:
        if isinstance(result, str):
            self.status_label.setText(translate("PlaygroundPanel", "Not sent: {reason}.").format(reason=result))
            return
        spec_id = self.shared_models.add(name, *result)
        self.state.registry_changed.emit()
        where = {"dataset": translate("PlaygroundPanel", "the Data and Train panels' dataset pickers"),
                 "dataset-class": translate("PlaygroundPanel", "the Data and Train panels' dataset pickers"),
                 "transform": translate("PlaygroundPanel", "the Data and Train panels' transform lists")}.get(
            result[0], translate("PlaygroundPanel", "the Model, Train and Classify pickers"))
        self.status_label.setText(translate("PlaygroundPanel", "{name} is in {where} as '{name} (from the "
                                                               "playground)' (id {id}).").format(
            name=name, where=where, id=spec_id))

    def _on_desk_request(self, request: DeskRequest) -> None:
        """``desk.show/train/classify(model)`` from Python mode: offer the model, then open the panel that acts."""
        if isinstance(request.model, str):
            self._append_html(f'<span style="color:#c82829">desk.{request.action}: {html.escape(request.name)}: '
                              f'{html.escape(request.model)}</span>')
            return
        spec_id = self.shared_models.add(request.name, request.kind, request.model,
                                         source=str(request.options.get("source", "")),
                                         notes=request.options.get("notes") or {})
        self.state.registry_changed.emit()
        dataset = str(request.options.get("dataset", "mnist"))
        if request.action == "show":
            self.state.request_panel("model", model_id=spec_id)
        elif request.action == "train":
            self.state.request_panel("train", model_id=spec_id, dataset_id=dataset,
                                     epochs=int(request.options.get("epochs", 1)))
        elif request.action == "classify":
            try:
                spec = self.state.registry.model(spec_id)
                predictor = pickled_model_predictor(spec.factory(), self.state.registry, dataset,
                                                    source=translate("PlaygroundPanel", "the playground ({name})").format(
                                                        name=request.name))
            except Exception as exc:  # noqa: BLE001 - a model that cannot classify these images says why
                self._append_html(f'<span style="color:#c82829">desk.classify: {html.escape(str(exc))}</span>')
                return
            self.state.set_predictor(predictor)
            self.state.request_panel("classify")

    def confirm_full_python(self) -> bool:
        """Ask once before full Python: it runs any code, as a notebook does."""
        answer = QMessageBox.question(
            self, translate("PlaygroundPanel", "Run any Python code?"),
            translate("PlaygroundPanel",
                      "Python mode runs any code you type or paste, as a notebook does: it can read and change your "
                      "files. It runs in a separate process, so it cannot freeze or crash the app.\n\n"
                      "Use it for your own code and code you trust; Safe mode is for code from anywhere."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def restart_worker(self) -> None:
        """A fresh worker process: every variable is forgotten (refused while code runs)."""
        if self.runner.busy:
            return
        self.runner.restart()
        self._show_no_variables(translate("PlaygroundPanel", "Restarted: no variables yet."),
                                translate("PlaygroundPanel", "Restarted: a fresh process, no variables."))

    def _show_no_variables(self, graph_note: str, status: str) -> None:
        """Empty the table, the viewer and the graph (the worker has no variables now) and say why."""
        self.variables.variables.set_rows([])
        self.viewer.clear()
        self.graph_view.show_message(graph_note)
        self.status_label.setText(status)

    def _show_mode(self, mode: str) -> None:
        self.mode_box.blockSignals(True)
        self.mode_box.setCurrentIndex(self.mode_box.findData(mode))
        self.mode_box.blockSignals(False)

    def _fill_examples(self, mode: str) -> None:
        self.examples_menu.clear()
        if mode == "python":
            entries = [(translate("walkthrough", c.title), c.code) for c in CHAPTERS]
        else:
            entries = [(translate("examples", e.title), e.code) for e in EXAMPLES]
        for title, code in entries:
            action = QAction(title, self.examples_menu)
            action.setToolTip(code)
            action.triggered.connect(lambda _checked=False, t=title, c=code: self.insert_example(t, c))
            self.examples_menu.addAction(action)

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.run_all_button.setEnabled(not running)
        self.reset_button.setEnabled(not running)
        self.restart_button.setEnabled(not running)
        self.send_model_button.setEnabled(not running)
        self.mode_box.setEnabled(not running)
        self.interrupt_button.setEnabled(running)
        if running:
            self.status_label.setText(translate("PlaygroundPanel", "Running…"))

    def _on_finished(self, result: RunResult, rows: list[VariableInfo]) -> None:
        self.last_result = result
        self._set_running(False)
        elapsed = result.elapsed_s
        if result.ok:
            if elapsed < 1:
                self.status_label.setText(translate("PlaygroundPanel", "Ran in {ms:.0f} ms").format(ms=elapsed * 1000))
            else:
                self.status_label.setText(translate("PlaygroundPanel", "Ran in {seconds:.1f} s").format(seconds=elapsed))
        else:
            for problem in result.problems[:10]:
                # A killed run's line is unknown.
                shown = problem.message if self._worker_restarted else str(problem)
                self._append_html(f'<span style="color:#c82829">{html.escape(shown)}</span>')
            problem = result.problems[0]
            if self._worker_restarted:
                self.status_label.setText(translate("PlaygroundPanel", "Stopped hard; variables cleared"))
            else:
                if self._mark_editor:
                    self.editor.mark_error_line(problem.line)
                verbs = {"interrupted": translate("PlaygroundPanel", "Interrupted at line {line}"),
                         "syntax": translate("PlaygroundPanel", "Syntax error at line {line}"),
                         "refused": translate("PlaygroundPanel", "Refused at line {line}"),
                         "limit": translate("PlaygroundPanel", "Too big at line {line}")}
                verb = verbs.get(problem.kind) or translate("PlaygroundPanel", "Error at line {line}")
                self.status_label.setText(verb.format(line=problem.line))
        self._worker_restarted = False
        self._add_history(result)
        self._show_variables(rows, result.assigned)

    def _add_history(self, result: RunResult) -> None:
        if self._pending_history is None:
            return
        code, first_line = self._pending_history
        self._pending_history = None
        first = next((line.strip() for line in code.splitlines() if line.strip() and not line.strip().startswith("#")), code.strip())
        mark = "✓" if result.ok else "✗"
        item = QListWidgetItem(f"{mark} {self.run_count}: {first[:70]}")
        item.setData(Qt.ItemDataRole.UserRole, (code, first_line))
        item.setToolTip(code if result.ok else f"{code}\n\n{result.error}")
        self.history.insertItem(0, item)
        while self.history.count() > HISTORY_LIMIT:
            self.history.takeItem(self.history.count() - 1)

    def _rerun_history_item(self, item: QListWidgetItem) -> None:
        code, first_line = item.data(Qt.ItemDataRole.UserRole)
        self.run_code(code, first_line, from_editor=False)

    def copy_history_to_editor(self) -> None:
        """Append the selected history entry to the editor as a new cell."""
        item = self.history.currentItem()
        if item is not None:
            code, _first = item.data(Qt.ItemDataRole.UserRole)
            self.insert_example(translate("PlaygroundPanel", "from history ({run})").format(run=item.text()[2:40]), code)

    def insert_example(self, title: str, code: str) -> None:
        """Append ``code`` as a new ``# %%`` cell at the end of the editor and put the cursor in it."""
        text = self.editor.toPlainText()
        prefix = "" if not text or text.endswith("\n") else "\n"
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(f"{prefix}{CELL_MARKER} {title}\n{code.rstrip()}\n")
        cursor.movePosition(QTextCursor.MoveOperation.Up)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self.editor.setFocus()
        self.status_label.setText(translate("PlaygroundPanel", "Inserted '{title}': press Ctrl+Enter to run it.").format(
            title=title))

    # ------------------------------------------------------------ output
    def _append_output(self, text: str) -> None:
        cursor = self.console.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text, QTextCharFormat())  # plain: no colour carried over from a header or error line
        self.console.setTextCursor(cursor)
        self.console.ensureCursorVisible()

    def _append_html(self, markup: str) -> None:
        """Append one coloured line (a run header or an error) on a line of its own."""
        cursor = self.console.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        text = self.console.toPlainText()
        if text and not text.endswith("\n"):
            cursor.insertText("\n", QTextCharFormat())
        cursor.insertHtml(markup)
        cursor.insertText("\n", QTextCharFormat())
        self.console.setTextCursor(cursor)
        self.console.ensureCursorVisible()

    def output_text(self) -> str:
        """Everything the console shows (tests and copy-all use it)."""
        return self.console.toPlainText()

    # ------------------------------------------------------------ variables
    def _show_variables(self, rows: list[VariableInfo], assigned: list[str]) -> None:
        previous = self.variables.selected_name()
        self.variables.variables.set_rows(rows)
        arrays = [name for name in reversed(assigned) if any(r.name == name and r.is_array for r in rows)]
        choice = arrays[0] if arrays else previous
        if choice is None or not self.variables.select_name(choice):
            self.viewer.clear()
            self.graph_view.show_message(translate("PlaygroundPanel", "Select a tensor to see its autograd graph."))

    def _on_variable_selected(self, *_args: Any) -> None:
        name = self.variables.selected_name()
        if name is None or self.runner.busy:
            return
        self.show_variable(name)

    def show_variable(self, name: str) -> None:
        """Ask the worker for ``name``'s values and, for a tensor, its autograd graph (shown when they arrive)."""
        self.runner.request_view(name)

    def _show_view(self, view: ValueView | None) -> None:
        if view is None or view.name != self.variables.selected_name():
            return  # the variable is gone, or the person has selected another one meanwhile
        self.viewer.show_view(view)
        if view.graph is not None:
            self.graph_view.show_graph(view.graph)
        else:
            self.graph_view.show_message(view.graph_message)

    def _on_worker_restarted(self, reason: str) -> None:
        self._worker_restarted = True
        self.viewer.clear()
        self.graph_view.show_message(translate("PlaygroundPanel", "The playground restarted; run your code again to get "
                                                                  "its variables back."))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Start the worker process the first time the panel is seen, so the first Run answers at once."""
        super().showEvent(event)
        self.runner.warm_up()

    # ------------------------------------------------------------ panel protocol
    def busy_reason(self) -> str:
        """Closing interrupts running playground code."""
        return translate("PlaygroundPanel", "Code is running in the Playground.") if self.runner.busy else ""

    def shutdown(self) -> None:
        """Interrupt any run, stop the worker and join the tasks."""
        self.runner.shutdown()
        super().shutdown()
        if self._python_session is not None:
            self._python_session.close()

    def restore_settings(self, settings: QSettings) -> None:
        """Bring back the editor text and the splitter positions."""
        text = settings.value("editor_text")
        if isinstance(text, str) and text.strip():
            self.editor.setPlainText(text)
        for key, splitter in (("main_split", self.main_split), ("left_split", self.left_split), ("right_split", self.right_split)):
            value = settings.value(key)
            if value is not None:
                splitter.restoreState(value)
        self._python_acknowledged = settings.value("python_acknowledged", False, type=bool)
        if settings.value("mode") == "python" and self._python_acknowledged:
            self.set_mode("python")

    def save_settings(self, settings: QSettings) -> None:
        """Keep the editor text and the splitter positions for next time."""
        settings.setValue("editor_text", self.editor.toPlainText())
        settings.setValue("main_split", self.main_split.saveState())
        settings.setValue("left_split", self.left_split.saveState())
        settings.setValue("right_split", self.right_split.saveState())
        settings.setValue("mode", self._mode)
        settings.setValue("python_acknowledged", self._python_acknowledged)
