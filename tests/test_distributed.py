"""Two CPU processes under torchrun on loopback follow the single-process run of the same global batch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from torchdesk.core.checkpoint import load_checkpoint
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.session import build_run

TOLERANCE = 1e-4  # float summation order differs between one process and two


@pytest.mark.slow
def test_two_processes_match_one_process_with_the_same_global_batch(mnist_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "ddp.pt"
    env = dict(os.environ, OMP_NUM_THREADS="1")
    result = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
         "-m", "torchdesk.core.cli", "train", "--dataset", "mnist", "--model", "mlp", "--model-param", "hidden=32",
         "--optimizer", "sgd", "--lr", "0.05", "--epochs", "2", "--batch-size", "32", "--seed", "3",
         "--device", "cpu", "--data-dir", str(mnist_root), "--out", str(out),
         "--precision", "fp32"],  # as the single-process RunConfig below (a new CLI run starts at auto)
        capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stderr.count("epoch 2/2") == 1  # only rank 0 reports
    assert "2 processes (gloo)" in result.stderr

    distributed = load_checkpoint(out)  # same format as a single-process checkpoint
    assert distributed.epoch == 2 and distributed.kind == "torchdesk"
    assert not any(k.startswith("module.") for k in distributed.model_state)
    distributed.build_model()

    single = build_run(RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("mlp", {"hidden": 32}),
                                 optimizer=ComponentChoice("sgd"), lr=0.05, epochs=2, batch_size=64, seed=3,
                                 device="cpu", data_dir=str(mnist_root)))
    single.trainer.run()
    expected = single.trainer.history["batch_loss"]
    got = distributed.history["batch_loss"]
    assert len(got) == len(expected)
    assert got == pytest.approx(expected, abs=TOLERANCE, rel=TOLERANCE)
    for mine, theirs in zip(distributed.history["epochs"], single.trainer.history["epochs"]):
        assert mine["test_accuracy"] == pytest.approx(theirs["test_accuracy"], abs=1e-9)
        assert mine["test_loss"] == pytest.approx(theirs["test_loss"], rel=TOLERANCE)
