"""The Classify panel as a user meets it: draw, undo, clear, open/paste/drop images, switch models."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import get_registry
from torchdesk.desktop.panels.classify import SOURCE_BUNDLED, SOURCE_CHECKPOINT, SOURCE_CURRENT, ClassifyPanel
from torchdesk.desktop.state import AppState

DIGITS = [str(i) for i in range(10)]


def constant_predictor(winner: int, source: str, delay_s: float = 0.0) -> Predictor:
    """A model that always answers ``winner`` (optionally slowly)."""

    class Constant(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bias = torch.nn.Parameter(torch.full((10,), -2.0))
            with torch.no_grad():
                self.bias[winner] = 3.0

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            if delay_s:
                time.sleep(delay_s)
            return self.bias.expand(x.shape[0], 10) + 0 * x.flatten(1)[:, :1]

    return Predictor(Constant(), DIGITS, (1, 28, 28), source=source)


@pytest.fixture
def panel(qtbot):
    state = AppState(get_registry())
    widget = ClassifyPanel(state)
    qtbot.addWidget(widget)
    widget.resize(900, 560)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def drag(qtbot, canvas, points: list[tuple[float, float]], button=Qt.MouseButton.LeftButton) -> None:
    """Draw through ``points`` (canvas pixels) with real mouse events."""
    pos = [canvas.canvas_to_widget(x, y).toPoint() for x, y in points]
    qtbot.mousePress(canvas, button, pos=pos[0])
    for p in pos[1:]:
        qtbot.mouseMove(canvas, p)
    qtbot.mouseRelease(canvas, button, pos=pos[-1])


VERTICAL = [(140, 40 + 10 * i) for i in range(21)]
HORIZONTAL = [(40 + 10 * i, 140) for i in range(21)]


def test_empty_canvas_predicts_nothing_and_says_so(panel: ClassifyPanel) -> None:
    panel.set_checkpoint(constant_predictor(3, "three"))
    assert panel.canvas.is_empty()
    assert panel.prediction() == []
    assert "Nothing drawn yet" in panel.message() and "digit" in panel.message()
    assert panel.result.predicted_label.text() == ""
    assert not panel.result.preview.has_image()
    panel.set_mode("clothes")
    assert "piece of clothing" in panel.message()


def test_drawing_with_the_mouse_predicts_and_shows_the_model_input(qtbot, panel: ClassifyPanel) -> None:
    panel.set_checkpoint(constant_predictor(3, "three"))
    with qtbot.waitSignal(panel.prediction_shown, timeout=2000):
        drag(qtbot, panel.canvas, VERTICAL)
    assert not panel.canvas.is_empty()
    assert panel.prediction()[0][0] == "3"
    assert len(panel.prediction()) == 5
    assert panel.result.predicted_label.text() == "3"
    assert panel.result.preview.has_image()
    x = panel.last_model_input
    assert x.shape == (1, 28, 28)
    rows = np.flatnonzero(x[0].max(axis=1) > 0.05)
    assert rows[-1] - rows[0] + 1 == 20  # a tall stroke fills the 20-pixel box
    shared = panel.state.drawing  # other panels (the model view) see the same picture
    assert tuple(shared.shape) == (1, 28, 28) and np.allclose(shared.numpy(), x)
    with qtbot.waitSignal(panel.state.drawing_changed) as blocker:
        panel.clear()
    assert blocker.args == [None]


def test_right_button_and_eraser_erase(qtbot, panel: ClassifyPanel) -> None:
    drag(qtbot, panel.canvas, HORIZONTAL)
    before = panel.canvas.to_array().sum()
    drag(qtbot, panel.canvas, VERTICAL, button=Qt.MouseButton.RightButton)
    after_right = panel.canvas.to_array().sum()
    assert after_right < before
    qtbot.keyClick(panel, Qt.Key.Key_E)
    assert panel.canvas.eraser
    drag(qtbot, panel.canvas, HORIZONTAL)
    assert panel.canvas.is_empty()
    assert "Nothing drawn" in panel.message()


def test_brush_size_changes_the_stroke_width(qtbot, panel: ClassifyPanel) -> None:
    panel.pad.brush_slider.setValue(6)
    drag(qtbot, panel.canvas, VERTICAL)
    thin = panel.canvas.to_array()[140]
    panel.clear()
    panel.pad.brush_slider.setValue(30)
    drag(qtbot, panel.canvas, VERTICAL)
    thick = panel.canvas.to_array()[140]
    assert (thick > 0.5).sum() > 3 * (thin > 0.5).sum()


def test_undo_and_clear(qtbot, panel: ClassifyPanel) -> None:
    panel.set_checkpoint(constant_predictor(1, "one"))
    drag(qtbot, panel.canvas, VERTICAL)
    one_stroke = panel.canvas.to_array()
    drag(qtbot, panel.canvas, HORIZONTAL)
    two_strokes = panel.canvas.to_array()
    assert two_strokes.sum() > one_stroke.sum()

    qtbot.keyClick(panel.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert np.array_equal(panel.canvas.to_array(), one_stroke)

    qtbot.mouseClick(panel.pad.clear_button, Qt.MouseButton.LeftButton)
    assert panel.canvas.is_empty()
    assert "Nothing drawn" in panel.message() and panel.prediction() == []

    qtbot.mouseClick(panel.pad.undo_button, Qt.MouseButton.LeftButton)  # clearing is undoable too
    assert np.array_equal(panel.canvas.to_array(), one_stroke)
    assert panel.prediction()[0][0] == "1"

    panel.undo()
    assert panel.canvas.is_empty()
    assert not panel.canvas.can_undo()
    panel.undo()  # nothing left: harmless
    assert panel.canvas.is_empty()


def _write_digit(path: Path, size: tuple[int, int], mode: str) -> Path:
    h, w = size
    gray = np.full((h, w), 240, np.uint8)
    gray[h // 6: 5 * h // 6, w // 2 - max(1, w // 16): w // 2 + max(1, w // 16)] = 20
    if mode == "RGBA":
        rgba = np.zeros((h, w, 4), np.uint8)
        rgba[..., 3] = np.where(gray < 128, 255, 0)
        Image.fromarray(rgba, "RGBA").save(path)
    elif mode == "RGB":
        Image.fromarray(np.stack([gray, gray // 2 + 100, gray], -1), "RGB").save(path)
    else:
        Image.fromarray(gray, "L").save(path)
    return path


@pytest.mark.parametrize("mode,size,suffix", [("L", (28, 28), ".png"), ("RGB", (400, 250), ".jpg"),
                                              ("RGBA", (120, 90), ".png")])
def test_opening_image_files_of_other_sizes_colours_and_alpha(tmp_path: Path, panel: ClassifyPanel,
                                                               mode: str, size: tuple[int, int], suffix: str) -> None:
    panel.set_checkpoint(constant_predictor(7, "seven"))
    assert panel.open_image(_write_digit(tmp_path / f"digit{suffix}", size, mode))
    assert not panel.canvas.is_empty()
    assert panel.prediction()[0][0] == "7"
    seen = panel.last_model_input[0]
    assert seen[0, 0] == 0.0 and seen.max() > 0.5  # light page inverted: bright stroke on black
    assert "digit" in panel.message()


def test_corrupt_image_gets_a_clear_message_and_keeps_the_drawing(qtbot, tmp_path: Path,
                                                                   panel: ClassifyPanel) -> None:
    panel.set_checkpoint(constant_predictor(2, "two"))
    drag(qtbot, panel.canvas, VERTICAL)
    drawing = panel.canvas.to_array()
    bad = tmp_path / "photo.png"
    bad.write_bytes(_write_digit(tmp_path / "ok.png", (50, 50), "L").read_bytes()[:60])
    assert not panel.open_image(bad)
    assert "'photo.png'" in panel.message() and "damaged" in panel.message()
    assert np.array_equal(panel.canvas.to_array(), drawing)
    assert panel.prediction()[0][0] == "2"
    text = tmp_path / "readme.png"
    text.write_text("not an image")
    assert not panel.open_image(text)
    assert "not an image torchdesk can read" in panel.message()


def test_blank_image_says_so(tmp_path: Path, panel: ClassifyPanel) -> None:
    path = tmp_path / "white.png"
    Image.fromarray(np.full((40, 40), 255, np.uint8)).save(path)
    panel.open_image(path)
    assert "blank" in panel.message()


def test_drop_and_paste(tmp_path: Path, panel: ClassifyPanel) -> None:
    panel.set_checkpoint(constant_predictor(4, "four"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_write_digit(tmp_path / "d.png", (60, 40), "L")))])
    assert panel.take_mime(mime)
    assert not panel.canvas.is_empty()

    panel.clear()
    image = QImage(50, 50, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    for y in range(10, 40):
        for x in range(22, 28):
            image.setPixel(x, y, 0xFF000000)
    QApplication.clipboard().setImage(image)
    panel.paste()
    assert not panel.canvas.is_empty()
    assert panel.prediction()[0][0] == "4"

    QApplication.clipboard().setText("hello")
    panel.paste()
    assert "clipboard holds no image" in panel.message()


def test_switching_model_source_while_drawing(qtbot, panel: ClassifyPanel) -> None:
    canvas = panel.canvas
    panel.set_checkpoint(constant_predictor(3, "checkpoint three"))
    pos = [canvas.canvas_to_widget(x, y).toPoint() for x, y in VERTICAL]
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=pos[0])
    for p in pos[1:10]:
        qtbot.mouseMove(canvas, p)
    qtbot.wait(150)  # the debounced prediction while drawing
    assert panel.prediction()[0][0] == "3"

    panel.set_source(SOURCE_CURRENT)  # the stroke is still going on
    assert panel.prediction() == []
    assert "No current model" in panel.message()

    panel.state.set_predictor(constant_predictor(8, "training run"))
    assert panel.prediction()[0][0] == "8"
    assert "training run" in panel.form.source_combo.currentText()

    for p in pos[10:]:
        qtbot.mouseMove(canvas, p)
    with qtbot.waitSignal(panel.prediction_shown, timeout=2000):
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=pos[-1])
    assert panel.prediction()[0][0] == "8"

    panel.form.source_combo.setCurrentIndex(panel.form.source_combo.findData(SOURCE_CHECKPOINT))
    panel.form.source_combo.activated.emit(panel.form.source_combo.currentIndex())
    assert panel.source == SOURCE_CHECKPOINT and panel.prediction()[0][0] == "3"
    # The same stroke is still there: switching models never touches the drawing.
    assert canvas.to_array()[:, 140].sum() > 0 and canvas.can_undo()


def test_current_model_follows_training_updates(qtbot, panel: ClassifyPanel) -> None:
    live = constant_predictor(1, "training run")
    panel.state.set_training_active(True)
    panel.state.set_predictor(live)
    panel.set_source(SOURCE_CURRENT)
    panel.canvas.draw_stroke(VERTICAL)
    assert panel.prediction()[0][0] == "1"
    with torch.no_grad():  # the training thread moves the weights...
        live.model.bias.fill_(-2.0)
        live.model.bias[6] = 3.0
    with qtbot.waitSignal(panel.prediction_shown, timeout=2000):
        panel.state.model_updated.emit()  # ...and says so
    assert panel.prediction()[0][0] == "6"
    assert live.model.training  # classifying a copy never flips the live model into eval mode


def test_training_model_is_snapshotted_once_per_update(qtbot, monkeypatch, panel: ClassifyPanel) -> None:
    live = constant_predictor(2, "training run")
    snapshots = []
    original = Predictor.snapshot
    monkeypatch.setattr(Predictor, "snapshot", lambda self: snapshots.append(self) or original(self))
    panel.state.set_training_active(True)
    panel.state.set_predictor(live)
    panel.set_source(SOURCE_CURRENT)
    for stroke in (VERTICAL, HORIZONTAL, VERTICAL):
        panel.canvas.draw_stroke(stroke)
    assert panel.prediction()[0][0] == "2"
    assert snapshots == [live]  # strokes without new weights reuse the snapshot
    with qtbot.waitSignal(panel.prediction_shown, timeout=2000):
        panel.state.model_updated.emit()
    assert snapshots == [live, live]
    panel.state.set_training_active(False)  # training over: the model itself, no more copies
    panel.canvas.draw_stroke(HORIZONTAL)
    assert len(snapshots) == 2 and panel.prediction()[0][0] == "2"


def test_bundled_source_without_the_file_explains(monkeypatch, panel: ClassifyPanel) -> None:
    from torchdesk.core import bundled

    monkeypatch.setitem(bundled.BUNDLED, "mnist", bundled.BundledModel("mnist", "mnist", "no_such_file.pt"))
    monkeypatch.setattr(bundled, "_cache", {})
    panel.set_source(SOURCE_BUNDLED)
    panel.canvas.draw_stroke(VERTICAL)
    assert panel.prediction() == []
    assert "bundled mnist model" in panel.message() and "missing" in panel.message()


def test_slow_model_predicts_as_a_task_newest_drawing_only(qtbot, monkeypatch, panel: ClassifyPanel) -> None:
    panel.set_checkpoint(constant_predictor(5, "slow", delay_s=0.12))
    for _ in range(3):  # a warm-up pass, then two measured as slow on the GUI thread...
        panel.canvas.draw_stroke(VERTICAL)
    assert panel.prediction()[0][0] == "5"
    assert panel.predicts_in_thread() and not panel.state.tasks.running()
    manager, started = panel.state.tasks, []
    start = manager.start
    monkeypatch.setattr(manager, "start", lambda *args, **kwargs: started.append(args[1]) or start(*args, **kwargs))
    with qtbot.waitSignal(panel.prediction_shown, timeout=5000):
        panel.canvas.draw_stroke(HORIZONTAL)  # ...so the next one is a task
        tasks = panel.state.tasks.running()
        assert [t.name for t in tasks] == ["classify-prediction"] and tasks[0].threads_used == 1
        panel.canvas.draw_stroke(VERTICAL)  # two more while it runs: only the newest waits its turn
        panel.canvas.draw_stroke(HORIZONTAL)
        assert len(panel.state.tasks.running()) == 1
    qtbot.waitUntil(lambda: not panel.is_predicting() and not panel.state.tasks.running(), timeout=5000)
    assert started == ["classify-prediction"] * 2  # the first drawing's and the newest one's, not the one between
    assert panel.prediction()[0][0] == "5"
    panel.set_checkpoint(constant_predictor(9, "fast nine"))  # a new model starts on the GUI thread again
    assert not panel.predicts_in_thread()
    assert panel.prediction()[0][0] == "9"


def test_closing_mid_prediction_leaves_no_running_task(qtbot, panel: ClassifyPanel) -> None:
    panel.set_checkpoint(constant_predictor(5, "slow", delay_s=0.12))
    for _ in range(3):
        panel.canvas.draw_stroke(VERTICAL)
    panel.canvas.draw_stroke(HORIZONTAL)
    panel.canvas.draw_stroke(VERTICAL)  # waiting for the running one
    tasks = panel.state.tasks.running()
    assert tasks and tasks[0].isRunning() and panel.is_predicting()
    panel.shutdown()
    assert not any(task.isRunning() for task in tasks)
    qtbot.wait(300)  # whatever was queued for the GUI thread arrives: nothing new starts
    assert not panel.state.tasks.running()


def test_random_test_sample_comes_from_the_apps_data_folder(qtbot, mnist_root: Path, panel: ClassifyPanel) -> None:
    panel.set_checkpoint(constant_predictor(0, "zero"))
    panel.state.set_data_dir(mnist_root)  # chosen anywhere (the Train panel, say): Classify reads it too
    qtbot.mouseClick(panel.pad.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.true_label() is not None, timeout=10000)
    label = panel.true_label()
    assert label in DIGITS
    assert f"True label: {label}" in panel.message() and "MNIST test set" in panel.message()
    # A test sample goes to the model exactly as the data set has it.
    assert panel.last_model_input.shape == (1, 28, 28)
    panel.canvas.draw_stroke(HORIZONTAL)  # drawing on it makes it a drawing
    assert panel.true_label() is None


def test_a_new_data_folder_drops_the_opened_test_set(qtbot, tmp_path: Path, mnist_root: Path,
                                                     panel: ClassifyPanel) -> None:
    panel.state.set_data_dir(mnist_root)
    panel.random_sample()
    qtbot.waitUntil(lambda: panel.true_label() is not None, timeout=10000)
    panel.state.set_data_dir(tmp_path / "elsewhere")
    panel.random_sample()
    qtbot.waitUntil(lambda: "needs the test set" in panel.message(), timeout=10000)
    assert str(tmp_path / "elsewhere") in panel.message()


def test_random_test_sample_without_the_data_set_says_which_files_and_where(qtbot, tmp_path: Path,
                                                                             panel: ClassifyPanel) -> None:
    empty = tmp_path / "empty"
    panel.state.set_data_dir(empty)
    panel.random_sample()
    qtbot.waitUntil(lambda: panel.result.message_bar.kind == "error", timeout=10000)
    message = panel.message()
    assert "MNIST was not found" in message and str(empty) in message
    assert "t10k-images-idx3-ubyte" in message and "t10k-labels-idx1-ubyte" in message
    assert "download=True" not in message
    assert panel.result.message_bar.button("Choose folder…") is not None
    assert panel.canvas.is_empty() and panel.true_label() is None
    qtbot.waitUntil(lambda: not panel.state.tasks.running(), timeout=5000)


def test_loading_a_checkpoint_file_that_is_not_one(tmp_path: Path, panel: ClassifyPanel) -> None:
    errors = []
    panel.state.error.connect(lambda message, detail: errors.append(message))
    bad = tmp_path / "model.pt"
    bad.write_text("nope")
    assert not panel.load_checkpoint(bad)
    assert "Could not load 'model.pt'" in panel.message()
    assert errors and panel.source != SOURCE_CHECKPOINT


def test_settings_round_trip(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = ClassifyPanel(AppState(get_registry()))
    qtbot.addWidget(first)
    first.set_mode("clothes")
    first.pad.brush_slider.setValue(30)
    first.save_settings(settings)
    second = ClassifyPanel(AppState(get_registry()))
    qtbot.addWidget(second)
    second.restore_settings(settings)
    assert second.mode == "clothes" and second.canvas.brush_size == 30


def test_the_data_folder_is_the_apps_not_the_panels(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("data_dir", str(tmp_path / "old panel folder"))  # what the panel kept of old
    state = AppState(get_registry())
    panel = ClassifyPanel(state)
    qtbot.addWidget(panel)
    before = state.data_dir
    panel.restore_settings(settings)
    assert state.data_dir == before
    panel.save_settings(settings)
    assert settings.value("data_dir") is None


def test_random_test_sample_from_an_empty_test_set_says_what_to_do(qtbot, tmp_path: Path, panel: ClassifyPanel) -> None:
    from datagen import write_mnist_like

    root = write_mnist_like(tmp_path / "data", "mnist", n_train=20, n_test=0)
    panel.state.set_data_dir(root)
    qtbot.mouseClick(panel.pad.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.message_bar.kind == "error", timeout=10000)
    assert "damaged" in panel.message() and str(root) in panel.message() and "again" in panel.message()
    assert panel.true_label() is None
    qtbot.waitUntil(lambda: not panel.state.tasks.running(), timeout=5000)
