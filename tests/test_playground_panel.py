"""The Playground panel driven like a user: type, Ctrl+Enter, read the console, the table, the viewer, the graph."""

from __future__ import annotations

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from torchdesk.core.playground import EXAMPLES
from torchdesk.core.playground.examples import WALKTHROUGH_CELLS, output_shape, without_device
from torchdesk.core.playground.kernel_client import PlaygroundKernel
from torchdesk.core.registry import PluginRegistry
from torchdesk.desktop.panels.playground import PlaygroundPanel
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu
from torchdesk.desktop.widgets.variables_table import BRIDGE_COLOUR

import test_playground_fuzz as fuzz
import test_playground_security as security

RUN_TIMEOUT_MS = 30_000


@pytest.fixture(scope="module")
def shared_kernel():
    """One worker process for the module's panels (starting one imports torch); each test starts with no variables."""
    kernel = PlaygroundKernel()
    yield kernel
    kernel.close()


@pytest.fixture
def panel(qtbot, shared_kernel):
    widget = PlaygroundPanel(AppState(PluginRegistry()))
    widget.runner.kernel = shared_kernel
    shared_kernel.reset()
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    yield widget
    widget.runner.kernel = PlaygroundKernel()  # shutdown closes this unstarted one; the shared worker lives on
    widget.shutdown()
    assert all(task.isFinished() for task in widget.state.tasks.running())


def type_and_run(qtbot, panel: PlaygroundPanel, code: str) -> str:
    """Replace the editor text with ``code``, press Ctrl+Enter, wait, return what this run printed."""
    panel.editor.setPlainText(code)
    panel.editor.moveCursor(QTextCursor.MoveOperation.Start)
    run_number = panel.run_count + 1
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return console_of_run(panel, run_number)


def console_of_run(panel: PlaygroundPanel, run_number: int) -> str:
    text = panel.output_text()
    after = text.split(f"── run {run_number} (", 1)[1]
    return after.split("\n", 1)[1] if "\n" in after else ""


def select(qtbot, panel: PlaygroundPanel, name: str) -> None:
    """Click ``name`` in the variables table and wait until the worker's view of it is shown."""
    assert panel.variables.select_name(name)
    wait_shown(qtbot, panel, name)


def wait_shown(qtbot, panel: PlaygroundPanel, name: str) -> None:
    qtbot.waitUntil(lambda: panel.viewer.caption.text().startswith(f"{name}:"), timeout=RUN_TIMEOUT_MS)


def rows(panel: PlaygroundPanel) -> dict[str, list[str]]:
    model = panel.variables.variables
    return {row.name: [model.cell_text(row, c) for c in range(7)] for row in model.rows}


def test_walkthrough_cells_through_the_panel_print_the_walkthroughs_output(qtbot, panel) -> None:
    for cell in WALKTHROUGH_CELLS:
        printed = without_device(type_and_run(qtbot, panel, cell.code))
        assert panel.last_result.ok, panel.last_result.problems
        if cell.random:
            assert output_shape(printed) == output_shape(cell.output)
        else:
            assert printed == cell.output
    table = rows(panel)
    assert table["w"][1:5] == ["Tensor", "(5, 3)", "float32", "cpu"] and table["w"][5] == "True"
    assert table["z"][5] == "False"  # reassigned under torch.no_grad()
    assert table["data"][1] == "list" and "torch" not in table


def test_variables_table_after_each_cell(qtbot, panel) -> None:
    type_and_run(qtbot, panel, WALKTHROUGH_CELLS[0].code + WALKTHROUGH_CELLS[1].code)
    assert rows(panel)["x_data"][:4] == ["x_data", "Tensor", "(2, 2)", "int64"]
    type_and_run(qtbot, panel, WALKTHROUGH_CELLS[2].code)
    assert rows(panel)["np_array"][:4] == ["np_array", "ndarray", "(2, 2)", "int64"]
    type_and_run(qtbot, panel, WALKTHROUGH_CELLS[5].code)
    assert rows(panel)["t1"][2] == "(4, 12)"
    assert panel.variables.selected_name() == "t1"  # the newest tensor is shown
    wait_shown(qtbot, panel, "t1")
    assert panel.viewer.grid_model.columnCount() == 12


def test_bridge_indicator_in_the_table(qtbot, panel) -> None:
    printed = type_and_run(qtbot, panel, WALKTHROUGH_CELLS[8].code)
    assert printed == "t: tensor([2., 2., 2., 2., 2.])\nn: [2. 2. 2. 2. 2.]\n"
    table = rows(panel)
    assert table["t"][6] == "⇄ n" and table["n"][6] == "⇄ t"
    model = panel.variables.variables
    index = model.index(model.row_of("t"), 6)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) == BRIDGE_COLOUR
    assert "changing one changes the other" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    type_and_run(qtbot, panel, "n = n.copy()")
    assert rows(panel)["t"][6] == ""


def test_autograd_graph_for_the_walkthrough_example(qtbot, panel) -> None:
    type_and_run(qtbot, panel, WALKTHROUGH_CELLS[10].code)
    select(qtbot, panel, "loss")
    qtbot.waitUntil(lambda: panel.graph_view.graph is not None, timeout=RUN_TIMEOUT_MS)
    graph = panel.graph_view.graph
    assert graph is not None
    assert {n.name for n in graph.by_kind("leaf")} == {"w", "b"}
    assert "BinaryCrossEntropyWithLogitsBackward0" in graph.labels()
    assert len(panel.graph_view.boxes) == len(graph.nodes)
    assert all(not leaf.grad for leaf in graph.by_kind("leaf"))

    type_and_run(qtbot, panel, WALKTHROUGH_CELLS[11].code)
    select(qtbot, panel, "loss")
    qtbot.waitUntil(lambda: any(n.grad for n in panel.graph_view.graph.by_kind("leaf")), timeout=RUN_TIMEOUT_MS)
    leaves = {n.name: n for n in panel.graph_view.graph.by_kind("leaf")}
    assert leaves["w"].grad.startswith("tensor([[")
    texts = [item.text() for item in panel.graph_view.scene().items() if hasattr(item, "text") and callable(item.text)]
    assert any(".grad =" in text for text in texts)


def test_examples_menu_inserts_a_cell_that_runs(qtbot, panel) -> None:
    original = panel.editor.toPlainText()
    example = EXAMPLES[4]  # joining tensors with cat
    action = next(a for a in panel.examples_menu.actions() if a.text() == example.title)
    action.trigger()
    assert panel.editor.toPlainText().startswith(original)  # nothing the user typed is lost
    assert example.code.rstrip() in panel.editor.toPlainText()
    run_number = panel.run_count + 1
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert console_of_run(panel, run_number) == example.output
    assert len(panel.examples_menu.actions()) == len(EXAMPLES)


@pytest.mark.parametrize("name", list(security.ESCAPES))
def test_escapes_through_the_panel_are_refused_and_nothing_runs(qtbot, panel, name) -> None:
    printed = type_and_run(qtbot, panel, security.PRELUDE + security.ESCAPES[name])
    assert "ran" not in panel.runner.variable_names
    assert printed.startswith("line ")
    assert "not available" in printed or "not allowed" in printed or "not on the" in printed
    assert panel.status_label.text().startswith("Refused at line")
    assert panel.editor._error_line == panel.last_result.error.line


def test_syntax_error_points_at_the_editor_line_of_a_cell(qtbot, panel) -> None:
    panel.editor.setPlainText("a = 1\n# %%\nb = 2\nc = (3 +\n")
    cursor = panel.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    panel.editor.setTextCursor(cursor)
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.last_result.error.kind == "syntax"
    assert panel.last_result.error.line in (4, 5)
    assert "a" not in panel.runner.variable_names  # only the cell at the cursor was run


def test_selection_runs_only_the_selected_lines(qtbot, panel) -> None:
    panel.editor.setPlainText("a = 1\nb = 2\nc = 3")
    cursor = panel.editor.textCursor()
    cursor.setPosition(6)
    cursor.setPosition(11, QTextCursor.MoveMode.KeepAnchor)
    panel.editor.setTextCursor(cursor)
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert set(panel.runner.variable_names) == {"b"}


def test_interrupt_button_stops_a_long_computation(qtbot, panel) -> None:
    panel.editor.setPlainText("x = torch.zeros(3)\nprint('looping')\nwhile True:\n    x = x + 1\n")
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.is_running() and panel.interrupt_button.isEnabled() and not panel.run_button.isEnabled()
    qtbot.waitUntil(lambda: "looping" in panel.output_text(), timeout=RUN_TIMEOUT_MS)
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.interrupt_button, Qt.MouseButton.LeftButton)
    assert panel.last_result.error.kind == "interrupted"
    assert panel.status_label.text() in ("Interrupted at line 3", "Interrupted at line 4")  # the loop's header or body
    assert panel.run_button.isEnabled() and not panel.interrupt_button.isEnabled()
    assert "x" in rows(panel)  # what was assigned before the interrupt is kept
    assert type_and_run(qtbot, panel, "print(1 + 1)") == "2\n"


def test_shutdown_while_running_joins_the_thread(qtbot) -> None:
    widget = PlaygroundPanel(AppState(PluginRegistry()))
    qtbot.addWidget(widget)
    widget.run_code("i = 0\nprint('looping')\nwhile True:\n    i += 1")
    qtbot.waitUntil(lambda: "looping" in widget.output_text(), timeout=RUN_TIMEOUT_MS)
    assert widget.busy_reason()
    tasks = widget.state.tasks.running()
    widget.shutdown()
    assert tasks and all(task.isFinished() for task in tasks)
    assert not widget.runner.run("1")  # nothing starts after shutdown


def test_a_run_is_a_task_of_the_app_and_interrupt_ends_it_within_a_second(qtbot, panel) -> None:
    panel.editor.setPlainText("i = 0\nwhile True:\n    i += 1\n    if i % 1000 == 0:\n        print(i)\n")
    qtbot.mouseClick(panel.run_all_button, Qt.MouseButton.LeftButton)
    tasks = panel.state.tasks.running()
    assert [task.name for task in tasks] == ["torchdesk-playground"]
    assert tasks[0].cpu is Cpu.LIGHT
    qtbot.waitUntil(lambda: "1000" in panel.output_text(), timeout=RUN_TIMEOUT_MS)  # printed text arrives while it runs
    assert panel.is_running() and tasks[0].isRunning()
    started = time.monotonic()
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.interrupt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state.tasks.running() == [], timeout=1_000)
    assert time.monotonic() - started < 1.0
    assert panel.last_result.error.kind == "interrupted" and "i" in rows(panel)


def test_a_print_loop_reaches_the_console_in_a_few_chunks(qtbot, panel) -> None:
    chunks: list[str] = []
    panel.runner.output.connect(chunks.append)
    printed = type_and_run(qtbot, panel, "for k in range(3000):\n    print(k)")
    assert printed.splitlines() == [str(k) for k in range(3000)]
    assert len(chunks) < 300  # throttled: never one event per print


def test_viewer_grid_heatmap_slices_and_histogram(qtbot, panel) -> None:
    type_and_run(qtbot, panel, "img = torch.arange(2 * 3 * 4.).reshape(2, 3, 4)\nbig = torch.randn(200, 300)\ns = 'hi'")
    select(qtbot, panel, "img")
    viewer = panel.viewer
    assert len(viewer.slice_spins) == 1 and viewer.slice_bar.isVisibleTo(panel)
    assert viewer.grid_model.rowCount() == 3 and viewer.grid_model.columnCount() == 4
    assert viewer.grid_model.index(0, 0).data() == "0"
    viewer.slice_spins[0].setValue(1)
    assert viewer.grid_model.index(0, 0).data() == "12"
    assert viewer.tabs.isTabEnabled(1)
    assert np.array_equal(viewer.heat_image.image, np.arange(12, 24, dtype=np.float32).reshape(3, 4))
    select(qtbot, panel, "big")
    assert viewer.tabs.currentIndex() == 2 and not viewer.slice_bar.isVisibleTo(panel)
    select(qtbot, panel, "s")
    qtbot.waitUntil(lambda: "not a tensor" in panel.graph_view.scene().items()[0].toPlainText(), timeout=RUN_TIMEOUT_MS)
    assert viewer.stack.currentWidget() is viewer.text and viewer.text.toPlainText() == "'hi'"
    assert "not a tensor" in panel.graph_view.scene().items()[0].toPlainText()


def test_history_reruns_and_copies_a_run(qtbot, panel) -> None:
    type_and_run(qtbot, panel, "k = 41\nprint(k + 1)")
    item = panel.history.item(0)
    assert item.text().startswith("✓ 1: k = 41")
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        panel._rerun_history_item(item)
    assert console_of_run(panel, 2) == "42\n"
    panel.history.setCurrentRow(0)
    qtbot.mouseClick(panel.copy_history_button, Qt.MouseButton.LeftButton)
    assert panel.editor.toPlainText().rstrip().endswith("k = 41\nprint(k + 1)")


def test_editor_text_survives_a_restart(qtbot, panel, tmp_path) -> None:
    settings_file = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    panel.editor.setPlainText("z = torch.ones(3)")
    panel.save_settings(settings_file)
    other = PlaygroundPanel(AppState(PluginRegistry()))
    qtbot.addWidget(other)
    other.restore_settings(settings_file)
    assert other.editor.toPlainText() == "z = torch.ones(3)"
    other.shutdown()


@pytest.fixture
def fuzz_panel(qtbot):
    widget = PlaygroundPanel(AppState(PluginRegistry()))
    widget.runner.kernel = PlaygroundKernel(fuzz.LIMITS)  # before the first show starts the worker
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fuzz.programs)
def test_random_programs_never_crash_the_panel(qtbot, fuzz_panel, source: str) -> None:
    """Whatever is typed, the run ends and the panel is ready for the next (the calls are audited in test_playground_fuzz)."""
    with qtbot.waitSignal(fuzz_panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        assert fuzz_panel.run_code(source)
    assert fuzz_panel.run_button.isEnabled()
    assert not fuzz_panel.runner.kernel.pid or fuzz_panel.runner.kernel.alive


def test_viewer_copes_with_odd_values(qtbot, panel) -> None:
    type_and_run(
        qtbot, panel,
        "e = torch.ones(0, 3)\nz = torch.tensor(3.5)\nm = torch.tensor([[True, False]])\n"
        "c = torch.ones(2, 2, dtype=torch.complex64)\nh = torch.ones(3, 3, dtype=torch.float16)\n"
        "q = torch.tensor([[float('nan'), 1.0], [float('inf'), -1.0]])\nu = np.array(['a', 'b'])\nsz = torch.ones(2, 3).shape",
    )
    assert panel.last_result.ok, panel.last_result.problems
    for name in ("e", "z", "m", "c", "h", "q", "u", "sz"):
        select(qtbot, panel, name)
    select(qtbot, panel, "z")
    assert panel.viewer.grid_model.index(0, 0).data() == "3.5"


def test_clear_variables_then_run_at_once_finds_them_gone(qtbot, panel) -> None:
    type_and_run(qtbot, panel, "a = 1")
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    printed = type_and_run(qtbot, panel, "print(a)")
    assert "name 'a' is not defined" in printed and rows(panel) == {}
