"""``torchdesk`` on the command line, end to end in a subprocess, as a person runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from torchdesk.core.checkpoint import load_checkpoint
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.run_file import write_run_file


def torchdesk(*args: str, env: dict[str, str] | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "torchdesk.core.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env)


def test_version() -> None:
    result = torchdesk("--version")
    assert result.returncode == 0 and result.stdout.startswith("torchdesk ")


def test_train_then_evaluate(mnist_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "run.pt"
    result = torchdesk("train", "--dataset", "mnist", "--model", "mlp", "--model-param", "hidden=32",
                       "--epochs", "2", "--batch-size", "50", "--lr", "0.01", "--optimizer", "sgd",
                       "--optimizer-param", "momentum=0.9", "--device", "cpu", "--data-dir", str(mnist_root),
                       "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "epoch 2/2" in result.stderr and "test accuracy" in result.stdout
    checkpoint = load_checkpoint(out)
    assert checkpoint.epoch == 2
    assert checkpoint.config.model == ComponentChoice("mlp", {"hidden": "32"})
    assert checkpoint.config.optimizer.params == {"momentum": "0.9"}

    evaluated = torchdesk("evaluate", str(out), "--data-dir", str(mnist_root))
    assert evaluated.returncode == 0, evaluated.stderr
    assert "test accuracy" in evaluated.stdout
    assert len([line for line in evaluated.stdout.splitlines() if line.strip().endswith("%")]) == 11


def test_resume_continues_from_the_checkpoint(mnist_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "run.pt"
    common = ["--dataset", "mnist", "--model", "logreg", "--device", "cpu", "--data-dir", str(mnist_root)]
    assert torchdesk("train", *common, "--epochs", "1", "--out", str(out)).returncode == 0
    result = torchdesk("train", "--resume", str(out), "--epochs", "2", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "epoch 2/2" in result.stderr
    assert [e["epoch"] for e in load_checkpoint(out).history["epochs"]] == [1, 2]


def test_run_file_with_flag_overrides(mnist_root: Path, tmp_path: Path) -> None:
    config = RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("logreg"), epochs=3,
                       data_dir=str(mnist_root), device="cpu", transforms=(ComponentChoice("normalize"),))
    run_file = write_run_file(config, tmp_path / "run.toml", command="torchdesk train --config run.toml")
    result = torchdesk("train", "--config", str(run_file), "--epochs", "1", "--out", str(tmp_path / "r.pt"))
    assert result.returncode == 0, result.stderr
    assert "epoch 1/1" in result.stderr
    saved = load_checkpoint(tmp_path / "r.pt").config
    assert saved.model.id == "logreg" and saved.transforms == (ComponentChoice("normalize"),)


def test_missing_dataset_offline_says_where_and_exits_non_zero(tmp_path: Path) -> None:
    result = torchdesk("train", "--dataset", "fashion-mnist", "--data-dir", str(tmp_path / "nothing"))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert str(tmp_path / "nothing") in result.stderr
    assert "FashionMNIST/raw/t10k-labels-idx1-ubyte" in result.stderr


@pytest.mark.parametrize("args,expected", [
    (["--model", "nope"], "No model called 'nope'"),
    (["--model-param", "hidden"], "NAME=VALUE"),
    (["--model", "mlp", "--model-param", "hidden=-3"], "below the minimum"),
    (["--device", "cuda:9"], "not available"),
    (["--epochs", "0"], "at least 1"),
])
def test_bad_flags_get_a_readable_message(mnist_root: Path, args: list[str], expected: str) -> None:
    result = torchdesk("train", "--dataset", "mnist", "--data-dir", str(mnist_root), *args)
    assert result.returncode != 0
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_unreadable_checkpoint_gets_a_readable_message(tmp_path: Path) -> None:
    (tmp_path / "notes.pt").write_text("not a checkpoint")
    result = torchdesk("evaluate", str(tmp_path / "notes.pt"))
    assert result.returncode != 0 and "not a PyTorch file" in result.stderr and "Traceback" not in result.stderr


def test_plugins_lists_builtins_as_json() -> None:
    result = torchdesk("plugins", "--json")
    assert result.returncode == 0
    plugins = {p["name"]: p for p in json.loads(result.stdout)}
    assert plugins["builtin-models"]["provides"]["model"][:3] == ["mlp", "cnn", "logreg"]
    assert plugins["builtin-models"]["distribution"] == "torchdesk"
    text = torchdesk("plugins").stdout
    assert "builtin-losses" in text and "losses: cross-entropy, nll, mse" in text
