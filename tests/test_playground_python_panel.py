"""The Playground's full-Python mode driven like a user: choose it (once, on purpose), define a model, interrupt, restart."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from torchdesk.core.playground.walkthrough import CHAPTERS
from torchdesk.core.registry import PluginRegistry
from torchdesk.desktop.panels.playground import PlaygroundPanel
from torchdesk.desktop.state import AppState

pytestmark = pytest.mark.timeout(300)
RUN_TIMEOUT_MS = 60_000


@pytest.fixture
def panel(qtbot, tmp_path):
    state = AppState(PluginRegistry())
    state.set_data_dir(str(tmp_path / "data"))
    widget = PlaygroundPanel(state)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    yield widget
    widget.shutdown()
    assert all(task.isFinished() for task in widget.state.tasks.running())
    assert not widget.runner.kernel.alive


def choose_mode(qtbot, panel, label: str) -> None:
    """Pick ``label`` in the mode box as a person would (keyboard on the focused combo)."""
    panel.mode_box.setFocus()
    index = panel.mode_box.findText(label)
    while panel.mode_box.currentIndex() != index:
        key = Qt.Key.Key_Down if panel.mode_box.currentIndex() < index else Qt.Key.Key_Up
        before = panel.mode_box.currentIndex()
        qtbot.keyClick(panel.mode_box, key)
        if panel.mode_box.currentIndex() == before:  # refused: the box went back
            return


def type_and_run(qtbot, panel, code: str) -> None:
    panel.editor.setPlainText(code)
    panel.editor.moveCursor(QTextCursor.MoveOperation.Start)
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def names(panel) -> set[str]:
    return {row.name for row in panel.variables.variables.rows}


def test_full_python_is_chosen_on_purpose_and_runs_a_hand_typed_model(qtbot, panel, monkeypatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(panel, "confirm_full_python", lambda: asked.append(True) or False)
    choose_mode(qtbot, panel, "Python")
    assert asked and panel.mode == "safe" and panel.mode_box.currentText() == "Safe"  # declined: nothing changed

    monkeypatch.setattr(panel, "confirm_full_python", lambda: asked.append(True) or True)
    choose_mode(qtbot, panel, "Python")
    assert panel.mode == "python" and len(asked) == 2
    assert [a.text() for a in panel.examples_menu.actions()] == [c.title for c in CHAPTERS]

    type_and_run(qtbot, panel, "from torch import nn\n\nclass Doubler(nn.Module):\n    def forward(self, x):\n"
                               "        return x * 2\n\nnet = Doubler()\nout = net(torch.ones(2, 3))\nout")
    assert panel.last_result.ok, panel.last_result.problems
    assert "tensor([[2., 2., 2.],\n        [2., 2., 2.]])" in panel.output_text()
    assert {"Doubler", "net", "out"} <= names(panel) and "nn" not in names(panel)
    qtbot.waitUntil(lambda: panel.viewer.caption.text().startswith("out: Tensor of shape (2, 3)"), timeout=RUN_TIMEOUT_MS)

    type_and_run(qtbot, panel, "def f():\n    return 1 / 0\n\nf()")
    assert panel.status_label.text() == "Error at line 2" and "ZeroDivisionError" in panel.output_text()


def test_interrupt_and_restart_in_full_python(qtbot, panel, monkeypatch) -> None:
    monkeypatch.setattr(panel, "confirm_full_python", lambda: True)
    assert panel.set_mode("python")
    type_and_run(qtbot, panel, "kept = 41")
    panel.editor.setPlainText("import time\nprint('waiting')\nwhile True:\n    time.sleep(0.05)\n")
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "waiting" in panel.output_text(), timeout=RUN_TIMEOUT_MS)
    started = time.monotonic()
    with qtbot.waitSignal(panel.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(panel.interrupt_button, Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 1.0
    assert panel.last_result.error.kind == "interrupted" and "kept" in names(panel)

    qtbot.mouseClick(panel.restart_button, Qt.MouseButton.LeftButton)
    assert names(panel) == set()
    type_and_run(qtbot, panel, "print('kept' in globals())")
    assert panel.output_text().rstrip().endswith("False")


def test_the_mode_is_remembered_and_safe_mode_still_refuses_classes(qtbot, panel, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(panel, "confirm_full_python", lambda: True)
    assert panel.set_mode("python")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    panel.save_settings(settings)

    other = PlaygroundPanel(AppState(PluginRegistry()))
    qtbot.addWidget(other)
    monkeypatch.setattr(other, "confirm_full_python", lambda: pytest.fail("asked again"))
    other.restore_settings(settings)
    assert other.mode == "python" and other.mode_box.currentText() == "Python"
    choose_mode(qtbot, other, "Safe")
    assert other.mode == "safe"
    type_and_run(qtbot, other, "class X:\n    pass\n")
    assert not other.last_result.ok and other.last_result.error.kind == "refused"
    other.shutdown()


def test_a_model_typed_in_python_mode_trains_from_the_train_panel(qtbot, mnist_root, monkeypatch) -> None:
    """The walkthrough's hand-typed NeuralNetwork, sent with "Use in panels", trains for an epoch with live curves."""
    from desktop_helpers import click, make_window, quick_config, wait_idle

    from torchdesk.core.events import Finished
    from torchdesk.core.playground.walkthrough import BLOCKS

    window = make_window(qtbot)
    playground = window.panels["playground"]
    monkeypatch.setattr(playground, "confirm_full_python", lambda: True)
    window.show_panel("playground")
    assert playground.set_mode("python") and playground.send_model_button.isVisible()
    type_and_run(qtbot, playground, BLOCKS[13] + BLOCKS[14] + BLOCKS[15])  # imports, device, the NeuralNetwork class
    assert playground.last_result.ok, playground.last_result.problems
    assert playground.variables.select_name("model")
    with qtbot.waitSignal(playground.runner.model_exported, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(playground.send_model_button, Qt.MouseButton.LeftButton)
    assert "is in the Model, Train and Classify pickers" in playground.status_label.text()

    train = window.panels["train"]
    combo = train.form.model_picker.combo
    index = combo.findData("playground.model")
    assert index >= 0 and combo.itemText(index) == "model (from the playground)"
    # Plugins > Rescan builds a new registry: the model sent from the playground is still offered.
    import torchdesk.core.registry as registry_module

    monkeypatch.setattr(registry_module, "_default", None)
    window.state.registry = registry_module.get_registry(reload=True)
    window.state.registry_changed.emit()
    assert train.form.model_picker.combo.findData("playground.model") >= 0
    train.set_config(quick_config(mnist_root, epochs=1, model="playground.model"))
    finished = []
    window.state.training_event.connect(lambda e: finished.append(e) if isinstance(e, Finished) else None)
    click(qtbot, train.start_button)
    wait_idle(qtbot, train)
    assert finished and not finished[-1].cancelled and finished[-1].epochs_done == 1
    assert train.plots.point_count > 0 and "Test accuracy" in train.view.accuracy_label.text()

    assert playground.variables.select_name("device")  # a string: the worker says why it cannot be sent
    with qtbot.waitSignal(playground.runner.model_exported, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(playground.send_model_button, Qt.MouseButton.LeftButton)
    assert playground.status_label.text().startswith("Not sent: device is not a model")


def test_desk_shows_trains_and_classifies_a_model_from_code(qtbot, mnist_root, monkeypatch) -> None:
    """desk.show / desk.train / desk.classify, typed in Python mode, act in the Model, Train and Classify panels."""
    from desktop_helpers import make_window, quick_config, wait_idle

    from torchdesk.core.events import Finished

    window = make_window(qtbot)
    window.panels["train"].set_config(quick_config(mnist_root))  # the data folder the run reads
    playground = window.panels["playground"]
    monkeypatch.setattr(playground, "confirm_full_python", lambda: True)
    window.show_panel("playground")
    assert playground.set_mode("python")
    model_code = ("from torch import nn\n\nclass Tiny(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                  "        self.net = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 10))\n\n"
                  "    def forward(self, x):\n        return self.net(x)\n\ntiny = Tiny()\n")

    type_and_run(qtbot, playground, model_code + "desk.show(tiny)")
    assert "desk.show: tiny sent to the app." in playground.output_text()
    qtbot.waitUntil(lambda: window.current_panel_id() == "model", timeout=RUN_TIMEOUT_MS)
    model_panel = window.panels["model"]
    assert model_panel.chooser.model_combo.currentData() == "playground.tiny"

    finished = []
    window.state.training_event.connect(lambda e: finished.append(e) if isinstance(e, Finished) else None)
    type_and_run(qtbot, playground, "desk.train(tiny, dataset='mnist', epochs=1)")
    qtbot.waitUntil(lambda: window.current_panel_id() == "train", timeout=RUN_TIMEOUT_MS)
    wait_idle(qtbot, window.panels["train"])
    assert finished and finished[-1].epochs_done == 1 and window.state.run.config.model.id == "playground.tiny"

    type_and_run(qtbot, playground, "desk.classify(tiny)")
    qtbot.waitUntil(lambda: window.current_panel_id() == "classify", timeout=RUN_TIMEOUT_MS)
    assert window.state.predictor.class_names == [str(i) for i in range(10)]

    type_and_run(qtbot, playground, "desk.show(3)")
    assert "desk.show takes a model" in playground.output_text()
