"""Datasets, transforms and model classes typed in Python mode reach the panels, and their checkpoints carry the code.

Headless through the real worker (PythonSession) and the engine, then driven like a
user in the window: "Use in panels" on a dataset, ``desk.train(model, dataset=...)``,
and opening the saved checkpoint in a session that never saw the class, which asks
for trust before running the code the file holds.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from datagen import write_mnist_like
from torchdesk.core.checkpoint import MissingPluginError, PlaygroundCodeNeeded, load_checkpoint, save_checkpoint
from torchdesk.core.playground import PythonSession
from torchdesk.core.playground.sendable import DATASET, MODEL_CLASS, TRANSFORM
from torchdesk.core.playground.shared_models import PlaygroundModels, rebuild
from torchdesk.core.playground.source_models import SourceModelError, class_from_source, source_record
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.session import build_run

pytestmark = pytest.mark.timeout(600)
RUN_TIMEOUT_MS = 60_000

CODE = textwrap.dedent('''
    import torch
    from torch import nn
    from torchvision import datasets
    from torchvision.transforms import ToTensor

    HIDDEN = 32

    class NeuralNetwork(nn.Module):
        def __init__(self):
            super().__init__()
            self.flatten = nn.Flatten()
            self.stack = nn.Sequential(nn.Linear(28 * 28, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, 10))

        def forward(self, x):
            return self.stack(self.flatten(x))

    training_data = datasets.FashionMNIST(root="data", train=True, download=False, transform=ToTensor())
    one_hot = datasets.FashionMNIST(root="data", train=True, download=False, transform=ToTensor(),
                                    target_transform=lambda y: torch.zeros(10).scatter_(0, torch.tensor(y), value=1))
    brighter = lambda x: (x * 1.5).clamp(0, 1)
''')


def fresh_registry() -> PluginRegistry:
    registry = PluginRegistry()
    registry.load_entry_points()
    return registry


@pytest.fixture
def fashion_root(tmp_path: Path) -> Path:
    return write_mnist_like(tmp_path / "data", "fashion-mnist", n_train=192, n_test=64)


def test_sent_model_class_dataset_and_transform_train_and_the_checkpoint_rebuilds_after_trust(fashion_root,
                                                                                               tmp_path) -> None:
    with PythonSession(data_dir=fashion_root) as session:
        result = session.run(CODE)
        assert result.ok, result.problems
        sent = {name: session.kernel.export(name)
                for name in ("NeuralNetwork", "training_data", "one_hot", "brighter", "HIDDEN")}
    assert sent["NeuralNetwork"].kind == MODEL_CLASS
    assert "class NeuralNetwork(nn.Module):" in sent["NeuralNetwork"].source
    assert "HIDDEN = 32" in sent["NeuralNetwork"].source  # what the class uses travels with it
    assert sent["training_data"].kind == DATASET and sent["training_data"].notes["classes"][0] == "T-shirt/top"
    assert sent["brighter"].kind == TRANSFORM
    assert sent["one_hot"] == ("the labels of one_hot are not class numbers (one_hot[0][1] is a tensor of shape "
                               "(10,)); send it without a target_transform")
    assert sent["HIDDEN"] == "HIDDEN is not a model, a dataset or a transform; it holds int"

    registry = fresh_registry()
    shared = PlaygroundModels.for_registry(registry)
    for name in ("NeuralNetwork", "training_data", "brighter"):
        item = sent[name]
        shared.add(name, item.kind, rebuild(item.payload), item.source, item.notes)
    assert registry.dataset("playground.training_data").class_names[:2] == ("T-shirt/top", "Trouser")
    assert registry.transform("playground.brighter").name == "brighter (from the playground)"

    config = RunConfig(dataset=ComponentChoice("playground.training_data"),
                       model=ComponentChoice("playground.NeuralNetwork"), optimizer=ComponentChoice("adam"),
                       transforms=(ComponentChoice("playground.brighter"),), epochs=1, batch_size=32, lr=3e-3,
                       seed=0, data_dir=str(fashion_root), device="cpu")
    run = build_run(config, registry=registry)
    assert len(run.data.train_dataset) == 192 and len(run.data.test_dataset) == 64  # its own test split
    run.trainer.run()
    assert run.trainer.history["epochs"][-1]["test_accuracy"] > 0.5
    path = save_checkpoint(tmp_path / "typed.pt", run)

    checkpoint = load_checkpoint(path)
    record = source_record(checkpoint.payload)
    assert record is not None and record["class_name"] == "NeuralNetwork"
    other_session = fresh_registry()
    with pytest.raises(PlaygroundCodeNeeded, match="typed in the playground's Python mode"):
        checkpoint.build_model(other_session)  # nothing ran: the code waits for trust
    shared_there = PlaygroundModels.for_registry(other_session)
    shared_there.add_class_from_source(record)
    with pytest.raises(MissingPluginError, match=r"dataset 'playground.training_data' was sent from the playground"):
        checkpoint.build_model(other_session)  # only a model's code is in the file: the data is sent again
    for name in ("training_data", "brighter"):
        shared_there.add(name, sent[name].kind, rebuild(sent[name].payload), "", sent[name].notes)
    model = checkpoint.build_model(other_session)
    assert type(model).__name__ == "NeuralNetwork"


def test_a_malformed_or_failing_saved_source_is_refused_with_a_reason() -> None:
    assert source_record({"model_source": {"id": "playground.x", "class_name": "not a name", "source": "",
                                           "kind": "class"}}) is None
    assert source_record({"model_source": ["not", "a", "record"]}) is None
    with pytest.raises(SourceModelError, match="failed to run: ZeroDivisionError"):
        class_from_source({"id": "playground.Bad", "class_name": "Bad", "source": "1 / 0", "kind": "class"})
    with pytest.raises(SourceModelError, match="does not define the model class Missing"):
        class_from_source({"id": "playground.Missing", "class_name": "Missing", "source": "x = 1", "kind": "class"})


def test_a_dataset_sent_from_python_mode_is_offered_and_desk_trains_on_it(qtbot, fashion_root, monkeypatch,
                                                                           tmp_path) -> None:
    from desktop_helpers import make_window, wait_idle
    from test_playground_python_panel import type_and_run

    from torchdesk.core.events import Finished

    window = make_window(qtbot)
    window.state.set_data_dir(str(fashion_root))
    playground = window.panels["playground"]
    monkeypatch.setattr(playground, "confirm_full_python", lambda: True)
    window.show_panel("playground")
    assert playground.set_mode("python")
    type_and_run(qtbot, playground, CODE)
    assert playground.last_result.ok, playground.last_result.problems

    assert playground.variables.select_name("training_data")
    with qtbot.waitSignal(playground.runner.model_exported, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(playground.send_model_button, Qt.MouseButton.LeftButton)
    assert "dataset pickers" in playground.status_label.text()
    assert window.panels["train"].form.dataset_picker.combo.findData("playground.training_data") >= 0
    assert window.panels["data"].source_bar.dataset_combo.findData("playground.training_data") >= 0

    assert playground.variables.select_name("one_hot")
    with qtbot.waitSignal(playground.runner.model_exported, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(playground.send_model_button, Qt.MouseButton.LeftButton)
    assert playground.status_label.text().startswith("Not sent: the labels of one_hot are not class numbers")

    finished = []
    window.state.training_event.connect(lambda e: finished.append(e) if isinstance(e, Finished) else None)
    type_and_run(qtbot, playground, "desk.train(NeuralNetwork, dataset=training_data, epochs=1)")
    qtbot.waitUntil(lambda: window.current_panel_id() == "train", timeout=RUN_TIMEOUT_MS)
    wait_idle(qtbot, window.panels["train"])
    assert finished and finished[-1].epochs_done == 1
    assert window.state.run.config.dataset.id == "playground.training_data"
    # A run of the typed class on a built-in dataset, saved: the file carries the class's code.
    run = build_run(window.state.run.config.replace(dataset=ComponentChoice("fashion-mnist"), transforms=None),
                    registry=window.state.registry)
    run.trainer.run()
    path = save_checkpoint(tmp_path / "typed.pt", run)

    # Another session: no such class. Declining runs nothing; trusting rebuilds it and offers it in the pickers.
    import torchdesk.core.registry as registry_module

    monkeypatch.setattr(registry_module, "_default", None)
    other = make_window(qtbot)
    other.state.registry = fresh_registry()
    other.state.registry_changed.emit()
    checkpoints = other.panels["checkpoints"]
    asked: list[str] = []
    checkpoints.confirm_trust = lambda _path, detail: asked.append(detail) or False
    assert not checkpoints.open_path(path)
    assert asked and "class NeuralNetwork(nn.Module):" in asked[0] and other.state.predictor is None
    assert other.state.registry.specs("model") and all(
        spec.id != "playground.NeuralNetwork" for spec in other.state.registry.specs("model"))
    checkpoints.confirm_trust = lambda _path, _detail: True
    assert checkpoints.open_path(path)
    assert type(other.state.predictor.model).__name__ == "NeuralNetwork"
    assert other.panels["train"].form.model_picker.combo.findData("playground.NeuralNetwork") >= 0

    # A file whose saved code fails: trusted, it says so, and nothing else changes.
    from torchdesk.core.checkpoint import atomic_save

    payload = dict(load_checkpoint(path).payload)
    payload["model_source"] = {**payload["model_source"], "id": "playground.Broken", "class_name": "Broken",
                               "source": "raise RuntimeError('not today')"}
    broken = atomic_save(payload, tmp_path / "broken.pt")
    before = other.state.predictor
    assert not checkpoints.open_path(broken)
    assert other.state.predictor is before
    assert "The code saved for Broken failed to run: RuntimeError: not today" in checkpoints.message()


def test_a_checkpoint_of_a_playground_dataset_says_how_to_bring_it_back(fashion_root, tmp_path) -> None:
    with PythonSession(data_dir=fashion_root) as session:
        assert session.run(CODE).ok
        sent = session.kernel.export("training_data")
    registry = fresh_registry()
    PlaygroundModels.for_registry(registry).add("training_data", sent.kind, rebuild(sent.payload), "", sent.notes)
    config = RunConfig(dataset=ComponentChoice("playground.training_data"), model=ComponentChoice("mlp"),
                       epochs=1, batch_size=64, seed=0, data_dir=str(fashion_root), device="cpu")
    run = build_run(config, registry=registry)
    run.trainer.run()
    checkpoint = load_checkpoint(save_checkpoint(tmp_path / "data.pt", run))
    with pytest.raises(MissingPluginError, match=r"sent from the playground.*\(Use in panels\)"):
        checkpoint.predictor(fresh_registry())


def test_the_train_panel_refuses_a_playground_model_whose_forward_fails_on_the_dataset(qtbot, mnist_root) -> None:
    import torch
    from torch import nn

    from desktop_helpers import click, make_window, quick_config

    class ColourNet(nn.Module):  # as typed in Python mode for 3×32×32 images
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 10))

        def forward(self, x):
            return self.net(x)

    class GreyNet(ColourNet):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 10))

    window = make_window(qtbot)
    shared = PlaygroundModels.for_registry(window.state.registry)
    shared.add("ColourNet", "class", ColourNet)
    shared.add("GreyNet", "class", GreyNet)
    window.state.registry_changed.emit()
    train = window.panels["train"]
    train.set_config(quick_config(mnist_root, epochs=1))
    combo = train.form.model_picker.combo
    combo.setCurrentIndex(combo.findData("playground.ColourNet"))
    label = train.form.model_fit_label
    qtbot.waitUntil(lambda: label.isVisible(), timeout=RUN_TIMEOUT_MS)
    assert label.text().startswith("ColourNet (from the playground) cannot train on MNIST: its forward fails on "
                                   "1×28×28 images: RuntimeError: mat1 and mat2 shapes cannot be multiplied")
    click(qtbot, train.start_button)  # refused, with the same sentence in the error bar
    assert not train.controller.running and window.state.run is None
    combo.setCurrentIndex(combo.findData("playground.GreyNet"))
    qtbot.waitUntil(lambda: not label.isVisible() and not train.form.model_check.problem, timeout=RUN_TIMEOUT_MS)
    assert torch.is_tensor(GreyNet()(torch.zeros(1, 1, 28, 28)))
