"""Autosave at each epoch end, keep-best by test accuracy, and a process killed in the middle of a save."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import torch

from torchdesk.core.autosave import Autosaver, AutosavePolicy, clone_payload
from torchdesk.core.checkpoint import load_checkpoint, save_checkpoint
from torchdesk.core.checkpoint_index import scan_folder
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.session import build_run


def small_config(root: Path, **changes) -> RunConfig:
    return RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("mlp", {"hidden": 16}),
                     optimizer=ComponentChoice("sgd", {"momentum": 0.9}), epochs=3, batch_size=50, lr=0.05,
                     data_dir=str(root), device="cpu", train_subset=200, test_subset=100).replace(**changes)


def test_autosave_writes_latest_each_epoch_and_best_when_accuracy_improves(mnist_root: Path, tmp_path: Path) -> None:
    run = build_run(small_config(mnist_root))
    saved = []
    saver = Autosaver(run, AutosavePolicy(folder=tmp_path / "auto"), stem="run", on_saved=saved.append)
    run.trainer.add_listener(saver)
    run.trainer.run()
    latest = load_checkpoint(tmp_path / "auto" / "run-latest.pt")
    assert latest.epoch == 3 and [e["epoch"] for e in latest.history["epochs"]] == [1, 2, 3]
    best = load_checkpoint(tmp_path / "auto" / "run-best.pt")
    accuracies = [e["test_accuracy"] for e in run.trainer.history["epochs"]]
    first_best = accuracies.index(max(accuracies)) + 1
    assert best.epoch == first_best and best.metrics["test_accuracy"] == max(accuracies)
    assert [r.epoch for r in saved if r.kind == "latest"] == [1, 2, 3]
    # The snapshot is a copy: training on does not change it.
    snapshot = saver.snapshot
    assert snapshot is not None
    weight = snapshot["model_state"]["linear_relu_stack.0.weight"]
    assert weight.data_ptr() != run.model.state_dict()["linear_relu_stack.0.weight"].data_ptr()


class FakeTrainer:
    def __init__(self, epochs: list[float]) -> None:
        self.epoch = len(epochs)
        self.start_epoch = len(epochs)  # the given epochs are a resumed checkpoint's
        self.history = {"epochs": [{"epoch": i + 1, "test_accuracy": a} for i, a in enumerate(epochs)],
                        "batch_loss": []}


class FakeRun:
    """Just enough of a Run for the autosaver: a payload that says which epoch it is."""

    def __init__(self, epochs: list[float]) -> None:
        self.config = small_config(Path("."))
        self.trainer = FakeTrainer(epochs)
        self.weights = torch.zeros(3)

    def checkpoint_payload(self, include_optimizer: bool = True) -> dict:
        epochs = self.trainer.history["epochs"]
        return {"format": "torchdesk-checkpoint", "format_version": 1, "model_state": {"w": self.weights},
                "optimizer_state": {"lr": 1} if include_optimizer else None, "epoch": self.trainer.epoch,
                "history": self.trainer.history, "metrics": {"test_accuracy": epochs[-1]["test_accuracy"]}}

    def finish_epoch(self, accuracy: float) -> tuple[int, float]:
        self.trainer.epoch += 1
        self.trainer.history["epochs"].append({"epoch": self.trainer.epoch, "test_accuracy": accuracy})
        self.weights = torch.full((3,), float(self.trainer.epoch))
        return self.trainer.epoch, accuracy


@pytest.mark.parametrize("every_epoch,keep_best", [(True, True), (False, True), (True, False), (False, False)])
def test_keep_best_only_replaces_on_a_strictly_better_epoch(tmp_path: Path, every_epoch: bool, keep_best: bool) -> None:
    run = FakeRun([0.5])  # a resumed run: its best so far (50%) is the bar
    saver = Autosaver(run, AutosavePolicy(tmp_path, every_epoch=every_epoch, keep_best=keep_best), stem="r")
    best_epochs = []
    for accuracy in (0.4, 0.7, 0.7, 0.6, 0.9, float("nan")):
        epoch, acc = run.finish_epoch(accuracy)
        for record in saver.save_epoch(epoch, acc):
            if record.kind == "best":
                best_epochs.append(epoch)
    assert best_epochs == ([3, 6] if keep_best else [])
    best, latest = tmp_path / "r-best.pt", tmp_path / "r-latest.pt"
    assert best.exists() == keep_best and latest.exists() == every_epoch
    if keep_best:
        assert torch.equal(torch.load(best, weights_only=True)["model_state"]["w"], torch.full((3,), 6.0))
    if every_epoch:
        assert torch.load(latest, weights_only=True)["epoch"] == 7
    assert saver.snapshot is not None and saver.snapshot["epoch"] == 7  # "Save now" works even with both off


def test_an_autosaver_that_joins_late_still_writes_best_and_latest(tmp_path: Path) -> None:
    # The app attaches the autosaver on the GUI thread when it hears of the run; a fast run has
    # finished epochs by then. Those epochs (whose weights are gone) must not raise the bar.
    run = FakeRun([])
    run.finish_epoch(1.0)  # before the autosaver joined
    saver = Autosaver(run, AutosavePolicy(tmp_path / "a", every_epoch=False), stem="r")
    assert [r.kind for r in saver.save_epoch(*run.finish_epoch(1.0))] == ["best"]  # a tie with the missed epoch

    finished = FakeRun([0.5])  # a resumed run: 50% is still the bar
    finished.finish_epoch(0.4)
    finished.finish_epoch(0.6)  # both ended before the autosaver joined
    late = Autosaver(finished, AutosavePolicy(tmp_path / "b"), stem="r")
    assert sorted(r.kind for r in late.catch_up()) == ["best", "latest"]
    assert torch.load(tmp_path / "b" / "r-best.pt", weights_only=True)["epoch"] == 3


def test_a_real_run_autosaved_only_after_it_ended_catches_up(mnist_root: Path, tmp_path: Path) -> None:
    run = build_run(small_config(mnist_root, epochs=2))
    run.trainer.run()
    saver = Autosaver(run, AutosavePolicy(tmp_path), stem="r")
    assert sorted(r.kind for r in saver.catch_up()) == ["best", "latest"]
    assert load_checkpoint(tmp_path / "r-latest.pt").epoch == 2


def test_a_failed_autosave_is_reported_and_training_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the folder should be")
    errors = []
    run = FakeRun([])
    saver = Autosaver(run, AutosavePolicy(blocker / "sub"), stem="r", on_error=errors.append)
    assert saver.save_epoch(*run.finish_epoch(0.5)) == []
    assert errors and "Autosave after epoch 1 failed" in errors[0]


def test_clone_payload_copies_tensors_and_keeps_plain_data() -> None:
    t = torch.ones(2)
    copy = clone_payload({"a": [t, (t, 3)], "b": "x"})
    assert copy["b"] == "x" and copy["a"][1][1] == 3
    t.add_(1)
    assert torch.equal(copy["a"][0], torch.ones(2))


# The child writes a good checkpoint, then starts overwriting it and stops (sleeps) half-way:
# either in the middle of torch.save's bytes, or with the whole temporary file written but
# not yet renamed into place. The parent kills it with SIGKILL right there.
KILLED_SAVE = textwrap.dedent("""
    import os, sys, time, torch
    from torchdesk.core.checkpoint import save_checkpoint
    path, stage = sys.argv[1], sys.argv[2]
    good = {"format": "torchdesk-checkpoint", "format_version": 1, "epoch": 1,
            "model_state": {"w": torch.ones(1000)}, "history": {"epochs": [], "batch_loss": []}}
    save_checkpoint(path, payload=good)
    newer = dict(good, epoch=2, model_state={"w": torch.zeros(4_000_000)})
    if stage == "writing":
        real_save = torch.save
        def slow_save(obj, fh, *args, **kwargs):
            fh.write(b"PK\\x03\\x04" + b"\\0" * 1_000_000)
            fh.flush()
            print("IN_SAVE", flush=True)
            time.sleep(120)
        torch.save = slow_save
    else:
        real_fsync = os.fsync
        def slow_fsync(fd):
            real_fsync(fd)
            print("IN_SAVE", flush=True)
            time.sleep(120)
        os.fsync = slow_fsync
    save_checkpoint(path, payload=newer)
    print("SAVED", flush=True)
""")


@pytest.mark.parametrize("stage", ["writing", "before-rename"])
def test_a_process_killed_during_a_save_leaves_the_earlier_checkpoint_loadable(tmp_path: Path, stage: str) -> None:
    path = tmp_path / "checkpoints" / "run-latest.pt"
    child = subprocess.Popen([sys.executable, "-c", KILLED_SAVE, str(path), stage], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline() if child.stdout else ""
        assert line.strip() == "IN_SAVE", (line, child.stderr.read() if child.stderr else "")
        temporary = [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
        assert temporary and temporary[0].stat().st_size >= 1_000_000  # the new file was being written
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    checkpoint = load_checkpoint(path)
    assert checkpoint.epoch == 1 and torch.equal(checkpoint.model_state["w"], torch.ones(1000))
    rows = scan_folder(path.parent)
    assert [r.name for r in rows] == ["run-latest.pt"]  # the torn temporary file is not listed


def test_resuming_an_autosave_continues_where_it_stopped(mnist_root: Path, tmp_path: Path) -> None:
    run = build_run(small_config(mnist_root, epochs=2))
    run.trainer.add_listener(Autosaver(run, AutosavePolicy(tmp_path), stem="r"))
    run.trainer.run()
    resumed = build_run(small_config(mnist_root, epochs=2), resume=load_checkpoint(tmp_path / "r-latest.pt"))
    resumed.trainer.run()
    assert [e["epoch"] for e in resumed.trainer.history["epochs"]] == [1, 2, 3, 4]
    save_checkpoint(tmp_path / "after.pt", resumed)
    assert load_checkpoint(tmp_path / "after.pt").epoch == 4


def test_a_checkpoint_saved_from_an_epoch_end_listener_counts_that_epoch(mnist_root: Path, tmp_path: Path) -> None:
    from torchdesk.core.events import EpochEnd

    run = build_run(small_config(mnist_root, epochs=2))
    run.trainer.add_listener(lambda e: isinstance(e, EpochEnd) and save_checkpoint(tmp_path / f"e{e.epoch}.pt", run))
    run.trainer.run()
    assert load_checkpoint(tmp_path / "e1.pt").epoch == 1 and load_checkpoint(tmp_path / "e2.pt").epoch == 2
    resumed = build_run(small_config(mnist_root, epochs=1), resume=load_checkpoint(tmp_path / "e1.pt"))
    resumed.trainer.run()
    assert [e["epoch"] for e in resumed.trainer.history["epochs"]] == [1, 2]  # no epoch counted twice
