"""Checkpoints in core: round trip, resume, walkthrough files, untrusted pickles, interrupted writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import torch

from torchdesk.core.checkpoint import (
    CheckpointError,
    StateDictMismatchError,
    UntrustedFileError,
    load_checkpoint,
    load_pickled_model,
    load_state_dict_into,
    save_checkpoint,
)
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.session import build_run
from torchdesk.plugins.models import build_mlp


def small_config(root: Path, **changes) -> RunConfig:
    return RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("mlp", {"hidden": 32}),
                     optimizer=ComponentChoice("sgd", {"momentum": 0.9}), epochs=1, batch_size=50, lr=0.01,
                     data_dir=str(root), device="cpu").replace(**changes)


class RunsCode:
    """A pickle payload that would create a file when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_round_trip_keeps_weights_config_and_history(mnist_root: Path, tmp_path: Path) -> None:
    run = build_run(small_config(mnist_root))
    run.trainer.run()
    path = save_checkpoint(tmp_path / "run.pt", run)
    checkpoint = load_checkpoint(path)
    assert checkpoint.kind == "torchdesk" and checkpoint.epoch == 1
    assert checkpoint.config == run.config
    assert checkpoint.class_names == run.class_names
    assert checkpoint.history["batch_loss"] == run.trainer.history["batch_loss"]
    assert checkpoint.payload["plugins"]["model"]["distribution"] == "torchdesk"
    model = checkpoint.build_model()
    for name, tensor in run.model.state_dict().items():
        assert torch.equal(model.state_dict()[name], tensor)
    predictor = checkpoint.predictor()
    x, _ = next(iter(run.data.test_batches))
    with torch.no_grad():
        expected = torch.softmax(run.model.eval()(x), 1)
    raw = x * 0.3081 + 0.1307  # undo Normalize: the predictor takes [0, 1] images
    assert torch.allclose(predictor.probabilities(raw), expected, atol=1e-5)


def test_resume_continues_epochs_history_and_optimizer(mnist_root: Path, tmp_path: Path) -> None:
    run = build_run(small_config(mnist_root))
    run.trainer.run()
    save_checkpoint(tmp_path / "run.pt", run)
    checkpoint = load_checkpoint(tmp_path / "run.pt")
    resumed = build_run(small_config(mnist_root, epochs=3), resume=checkpoint)
    assert resumed.trainer.epoch == 1
    momentum = resumed.optimizer.state_dict()["state"]
    assert momentum and all("momentum_buffer" in s for s in momentum.values())
    resumed.trainer.run()
    assert [e["epoch"] for e in resumed.trainer.history["epochs"]] == [1, 2, 3]


def test_walkthrough_state_dict_loads_into_the_chosen_model(tmp_path: Path) -> None:
    model = build_mlp((1, 28, 28), 10)
    torch.save(model.state_dict(), tmp_path / "model_weights.pth")
    checkpoint = load_checkpoint(tmp_path / "model_weights.pth")
    assert checkpoint.kind == "state_dict"
    fresh = build_mlp((1, 28, 28), 10)
    load_state_dict_into(fresh, checkpoint.model_state)
    assert torch.equal(fresh.state_dict()["linear_relu_stack.0.weight"], model.state_dict()["linear_relu_stack.0.weight"])


def test_mismatched_state_dict_lists_keys_and_shapes(tmp_path: Path) -> None:
    torch.save(build_mlp((1, 28, 28), 10, hidden=64).state_dict(), tmp_path / "w.pth")
    state = load_checkpoint(tmp_path / "w.pth").model_state
    with pytest.raises(StateDictMismatchError) as info:
        load_state_dict_into(build_mlp((1, 28, 28), 10), state)
    assert "linear_relu_stack.0.weight (file (64, 784), model (512, 784))" in str(info.value)
    with pytest.raises(StateDictMismatchError, match="Missing in the file: 0.weight"):
        load_state_dict_into(torch.nn.Sequential(torch.nn.Linear(2, 2)), state)


def test_a_pickle_that_would_run_code_runs_nothing_without_trust(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    torch.save({"model": RunsCode(marker)}, tmp_path / "evil.pt")
    with pytest.raises(UntrustedFileError, match="could run code"):
        load_checkpoint(tmp_path / "evil.pt")
    with pytest.raises(UntrustedFileError):
        load_pickled_model(tmp_path / "evil.pt")
    assert not marker.exists()


def test_a_trusted_whole_model_loads(tmp_path: Path) -> None:
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(4, 2))
    torch.save(model, tmp_path / "model.pth")
    with pytest.raises(UntrustedFileError):
        load_checkpoint(tmp_path / "model.pth")
    loaded = load_pickled_model(tmp_path / "model.pth", trust=True)
    assert torch.equal(loaded[1].weight, model[1].weight)


def test_an_interrupted_write_leaves_the_earlier_checkpoint_intact(mnist_root: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    run = build_run(small_config(mnist_root))
    folder = tmp_path / "checkpoints"
    path = save_checkpoint(folder / "run.pt", run)
    before = path.read_bytes()
    real_save = torch.save

    def crash_half_way(obj, fh, *args, **kwargs):
        fh.write(b"PK\x03\x04 partial")
        raise KeyboardInterrupt  # the process dies in the middle of writing

    monkeypatch.setattr(torch, "save", crash_half_way)
    with pytest.raises(KeyboardInterrupt):
        save_checkpoint(path, run)
    monkeypatch.setattr(torch, "save", real_save)
    assert path.read_bytes() == before
    assert load_checkpoint(path).epoch == 0
    assert [p.name for p in folder.iterdir()] == ["run.pt"]  # no temporary file left behind


@pytest.mark.parametrize("content,expected", [
    (b"", "could not be read"),
    (b"hello, this is a text file", "not a PyTorch file"),
])
def test_files_that_are_not_checkpoints_get_a_clear_message(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "x.pt").write_bytes(content)
    with pytest.raises(CheckpointError, match=expected):
        load_checkpoint(tmp_path / "x.pt")


def test_truncated_and_newer_checkpoints_get_a_clear_message(mnist_root: Path, tmp_path: Path) -> None:
    run = build_run(small_config(mnist_root))
    data = save_checkpoint(tmp_path / "run.pt", run).read_bytes()
    (tmp_path / "cut.pt").write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match="truncated"):
        load_checkpoint(tmp_path / "cut.pt")
    payload = run.checkpoint_payload()
    payload["format_version"] = 99
    save_checkpoint(tmp_path / "new.pt", payload=payload)
    with pytest.raises(CheckpointError, match="newer torchdesk"):
        load_checkpoint(tmp_path / "new.pt")


def test_missing_plugin_names_the_package_to_install(mnist_root: Path, tmp_path: Path) -> None:
    run = build_run(small_config(mnist_root))
    payload = run.checkpoint_payload()
    payload["config"]["model"]["id"] = "acme.supernet"
    payload["plugins"]["model"] = {"id": "acme.supernet", "plugin": "acme", "distribution": "acme-models",
                                   "version": "1.2"}
    save_checkpoint(tmp_path / "acme.pt", payload=payload)
    with pytest.raises(CheckpointError, match="pip install acme-models"):
        load_checkpoint(tmp_path / "acme.pt").build_model()
