"""Full Python in the worker process: the walkthrough's blocks in order, its chapters, interrupt, restart and the memory cap."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from datagen import write_mnist_like
from torchdesk.core.playground import PythonSession
from torchdesk.core.playground.walkthrough import BLOCKS, CHAPTERS

pytestmark = pytest.mark.timeout(600)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A tiny Fashion-MNIST in torchvision's raw layout, where root="data" will find it."""
    return write_mnist_like(tmp_path / "data", "fashion-mnist", n_train=256, n_test=64)


@pytest.fixture
def offline(monkeypatch) -> None:
    """Downloads fail at once, as on a machine without the network (the worker inherits the environment)."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)


def test_the_walkthrough_blocks_typed_verbatim_in_order(data_dir, offline) -> None:
    """Every block runs, except the five that lean on the text or the network, and each of those says why."""
    expected_failures = {
        10: "makes training_data in its text",
        11: "train_dataloader comes from the DataLoader block",
        19: "sets learning_rate in its text",
        21: "pretrained=True is deprecated",
        22: "weights_only=False",
    }
    with PythonSession(data_dir=data_dir) as session:
        outputs = []
        for index, block in enumerate(BLOCKS):
            result = session.run(block)
            outputs.append(result.output)
            if index in expected_failures:
                assert not result.ok, f"block {index} should fail"
                assert expected_failures[index] in result.error.message, (index, result.error.message)
            else:
                assert result.ok, (index, result.problems, result.output)
        assert (session.workdir / "model.pth").exists()  # block 22 saved before its load was refused
        assert (session.workdir / "data" / "FashionMNIST" / "raw").is_dir()  # root="data" is the app's data folder
    assert not session.workdir.exists()  # the scratch folder goes with the session
    assert outputs[1] == "tensor([[1, 2],\n        [3, 4]])\n"
    assert outputs[8] == "t: tensor([2., 2., 2., 2., 2.])\nn: [2. 2. 2. 2. 2.]\n"
    assert outputs[14] == "Using cpu device\n"
    assert outputs[15].startswith("NeuralNetwork(\n  (flatten): Flatten(start_dim=1, end_dim=-1)")
    assert "Predicted class: tensor([" in outputs[15]
    assert outputs[17].count("tensor([") == 2 and outputs[18] == "True\nFalse\n"


def test_the_chapters_run_in_order_and_train_the_hand_typed_model(data_dir, offline) -> None:
    with PythonSession(data_dir=data_dir) as session:
        printed = {}
        for chapter in CHAPTERS:
            result = session.run(chapter.code.replace("epochs = 5", "epochs = 1"))
            assert result.ok, (chapter.title, result.problems, result.output[-2000:])
            printed[chapter.title] = result.output
        names = {row.name: row.type_name for row in session.rows}
    assert "Feature batch shape: torch.Size([64, 1, 28, 28])" in printed["Datasets and DataLoader"]
    assert "Accuracy:" in printed["The optimisation loop"] and printed["The optimisation loop"].endswith("Done!\n")
    assert printed["Save and load"].startswith("VGG 138357544")
    assert names["NeuralNetwork"] == "type" and names["model"] == "VGG" and names["training_data"] == "FashionMNIST"
    assert "torch" not in names and "__builtins__" not in names


def test_interrupt_stops_a_python_loop_within_a_second_and_keeps_the_variables() -> None:
    with PythonSession() as session:
        assert session.run("x = 1").ok
        for code in ("i = 0\nwhile True:\n    i += 1", "import time\ntime.sleep(60)"):
            stop = threading.Event()
            threading.Timer(0.5, stop.set).start()
            started = time.monotonic()
            result = session.run(code, stop=stop)
            assert time.monotonic() - started < 1.5
            assert result.error.kind == "interrupted" and result.error.message == "interrupted"
            assert "x" in {row.name for row in session.rows}


def test_errors_point_at_the_editor_line_with_the_traceback(tmp_path) -> None:
    with PythonSession() as session:
        result = session.run("a = 1\n\ndef f():\n    return 1 / 0\n\nf()", first_line=20)
        assert result.error.kind == "error" and result.error.line == 23
        assert result.error.message == "ZeroDivisionError: division by zero"
        assert 'File "<playground cell 1>", line 23, in f' in result.output
        syntax = session.run("x = (1 +", first_line=5)
        assert syntax.error.kind == "syntax" and syntax.error.line == 5
        exited = session.run("import sys\nsys.exit(2)")
        assert "called sys.exit(2)" in exited.error.message
        assert session.run("print(a)").output == "1\n"  # the worker carried on, with its variables


def test_restart_gives_a_fresh_process_and_the_memory_cap_ends_a_runaway_allocation() -> None:
    with PythonSession(memory_cap=1536 * 2**20) as session:
        assert session.run("keep = 1").ok
        first = session.kernel.pid
        runaway = session.run("blocks = []\nwhile True:\n    blocks.append(bytearray(100_000_000))")
        assert runaway.error.kind == "limit" and "out of memory" in runaway.error.message
        assert session.kernel.pid == first and "keep" in {row.name for row in session.rows}
        session.restart()
        result = session.run("print('keep' in globals())")
        assert result.output == "False\n" and session.kernel.pid != first


def test_desk_without_an_app_says_so() -> None:
    with PythonSession() as session:
        result = session.run("from torch import nn\nnet = nn.Linear(2, 2)\ndesk.show(net)\ndesk")
        assert result.ok and "no app is attached" in result.output and "desk.show(model)" in result.output
        assert "desk" not in {row.name for row in session.rows}
        refused = session.run("desk.train(net, epochs=0)")
        assert "epochs a whole number >= 1" in refused.error.message
        with_data = session.run("class Two(torch.utils.data.Dataset):\n    def __len__(self):\n        return 2\n"
                                "    def __getitem__(self, i):\n        return torch.zeros(1, 2, 2), i\n\n"
                                "desk.train(net, dataset=Two())")
        assert with_data.ok and "desk.train: no app is attached" in with_data.output, with_data.output
