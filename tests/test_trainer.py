"""The engine's training loop on generated MNIST files read through torchvision's own classes."""

from __future__ import annotations

import math
import threading
import time
from pathlib import Path

import pytest
import torch

from torchdesk.core.data import DatasetMissingError, resident_arrays
from torchdesk.core.devices import DeviceError, resolve_device
from torchdesk.core.events import BatchEnd, EpochEnd, Failed, Finished, StateChanged
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.session import build_run
from torchdesk.core.trainer import Trainer


def config_for(root: Path, **changes) -> RunConfig:
    base = RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("mlp", {"hidden": 64}),
                     optimizer=ComponentChoice("adam"), epochs=2, batch_size=32, lr=2e-3, seed=0,
                     data_dir=str(root), device="cpu")
    return base.replace(**changes)


def test_training_learns_a_learnable_pattern(mnist_root: Path) -> None:
    events: list = []
    run = build_run(config_for(mnist_root), listeners=[events.append])
    assert run.data.fast_path
    result = run.trainer.run()
    assert isinstance(result, Finished) and not result.cancelled
    epochs = [e for e in events if isinstance(e, EpochEnd)]
    batches = [e for e in events if isinstance(e, BatchEnd)]
    assert [e.epoch for e in epochs] == [1, 2]
    assert epochs[-1].test_accuracy > 0.8  # chance is 0.1
    assert sum(b.loss for b in batches[-5:]) / 5 < sum(b.loss for b in batches[:5]) / 5
    assert len(epochs[-1].confusion) == 10 and sum(map(sum, epochs[-1].confusion)) == 200
    assert len(epochs[-1].per_class_accuracy) == 10
    assert batches[-1].samples_per_s > 0


def test_fast_path_and_dataloader_give_the_same_numbers(mnist_root: Path) -> None:
    histories = []
    for fast in (True, False):
        run = build_run(config_for(mnist_root, epochs=1), prefer_fast_path=fast)
        assert run.data.fast_path is fast
        run.trainer.run()
        histories.append(run.trainer.history["batch_loss"])
    assert len(histories[0]) == len(histories[1])
    assert histories[0] == pytest.approx(histories[1], rel=1e-5, abs=1e-6)


def test_engine_reproduces_the_walkthrough_dataloader_loop_number_for_number(mnist_root: Path) -> None:
    """Same batches, to the byte; the same losses up to float rounding.

    The batches (images and labels, in order) must be identical: that is what "the
    same run" means. Losses are compared within a tight tolerance, because the float
    kernels PyTorch picks differ between CPUs and thread counts (a reduction split
    over two threads rounds differently), which an exact comparison would call a bug.
    """
    from torch import nn
    from torch.utils.data import DataLoader
    from torchvision import datasets
    from torchvision.transforms import ToTensor

    from torchdesk.plugins.models import build_mlp

    def walkthrough(seed: int) -> tuple[list[float], list[tuple[torch.Tensor, torch.Tensor]]]:
        torch.manual_seed(seed)
        training_data = datasets.MNIST(root=str(mnist_root), train=True, download=False, transform=ToTensor())
        test_data = datasets.MNIST(root=str(mnist_root), train=False, download=False, transform=ToTensor())
        train_dataloader = DataLoader(training_data, batch_size=64, shuffle=True)
        test_dataloader = DataLoader(test_data, batch_size=64)
        model = build_mlp((1, 28, 28), 10)
        loss_fn = nn.CrossEntropyLoss()
        optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
        losses, batches = [], []
        for _ in range(2):
            model.train()
            for X, y in train_dataloader:
                batches.append((X.clone(), y.clone()))
                loss = loss_fn(model(X), y)
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
                losses.append(loss.item())
            with torch.no_grad():
                for X, y in test_dataloader:
                    model(X)
        return losses, batches

    expected_losses, expected_batches = walkthrough(seed=7)
    run = build_run(config_for(mnist_root, model=ComponentChoice("mlp"), optimizer=ComponentChoice("sgd"),
                               lr=1e-3, lr_schedule="constant", batch_size=64, transforms=(), seed=7))
    seen: list[tuple[torch.Tensor, torch.Tensor]] = []
    engine_batches = run.trainer.train_batches

    class Recording:
        """The engine's batches, recorded as the trainer draws them."""

        def __len__(self) -> int:
            return len(engine_batches)

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(engine_batches, name)

        def __iter__(self):  # type: ignore[no-untyped-def]
            for X, y in engine_batches:
                seen.append((X.clone(), y.clone()))
                yield X, y

    run.trainer.train_batches = Recording()
    run.trainer.run()
    assert len(seen) == len(expected_batches)
    for (X, y), (X_expected, y_expected) in zip(seen, expected_batches):
        assert torch.equal(y, y_expected)
        assert torch.equal(X, X_expected)  # ToTensor's exact pixel values, not a near copy
    assert run.trainer.history["batch_loss"] == pytest.approx(expected_losses, rel=1e-5, abs=1e-6)


def _run_in_thread(trainer: Trainer) -> tuple[threading.Thread, list]:
    results: list = []
    thread = threading.Thread(target=lambda: results.append(trainer.run()))
    thread.start()
    return thread, results


def test_pause_resume_and_cancel_take_effect_between_batches(mnist_root: Path) -> None:
    events: list = []
    run = build_run(config_for(mnist_root, epochs=3), listeners=[events.append])
    paused_at: list[int] = []

    def pause_at_3_cancel_at_6(event) -> None:
        if isinstance(event, BatchEnd) and event.step == 3 and not paused_at:
            paused_at.append(event.step)
            run.trainer.pause()
        if isinstance(event, BatchEnd) and event.step == 6:
            run.trainer.cancel()

    run.trainer.add_listener(pause_at_3_cancel_at_6)
    thread, results = _run_in_thread(run.trainer)
    deadline = time.monotonic() + 30
    while not paused_at and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)
    steps_while_paused = [e.step for e in events if isinstance(e, BatchEnd)]
    assert steps_while_paused[-1] == 3 and run.trainer.paused
    run.trainer.resume()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert isinstance(results[0], Finished) and results[0].cancelled
    assert [e.paused for e in events if isinstance(e, StateChanged)] == [True, False]
    assert max(e.step for e in events if isinstance(e, BatchEnd)) == 6


def test_cancel_while_paused_stops_promptly(mnist_root: Path) -> None:
    run = build_run(config_for(mnist_root))
    run.trainer.pause()
    thread, results = _run_in_thread(run.trainer)
    time.sleep(0.2)
    run.trainer.cancel()
    thread.join(timeout=10)
    assert results and results[0].cancelled and results[0].epochs_done == 0


def test_nan_loss_stops_the_run_with_a_clear_message(mnist_root: Path) -> None:
    run = build_run(config_for(mnist_root))
    calls = {"n": 0}
    real_loss = run.trainer.loss_fn

    def loss_that_explodes(pred, target):
        calls["n"] += 1
        value = real_loss(pred, target)
        return value * float("nan") if calls["n"] >= 4 else value

    run.trainer.loss_fn = loss_that_explodes
    result = run.trainer.run()
    assert isinstance(result, Failed)
    assert "NaN" in result.message or "nan" in result.message
    assert "batch 4" in result.message and "learning rate" in result.message


def test_seed_makes_runs_repeatable(mnist_root: Path) -> None:
    losses = []
    for _ in range(2):
        run = build_run(config_for(mnist_root, epochs=1, augmentations=(ComponentChoice("random-affine"),)))
        run.trainer.run()
        losses.append(run.trainer.history["batch_loss"])
    assert losses[0] == losses[1]


def test_augmentations_change_only_the_training_split(mnist_root: Path) -> None:
    run = build_run(config_for(mnist_root, augmentations=(ComponentChoice("random-rotation", {"degrees": 30}),)))
    x1, _ = next(iter(run.data.test_batches))
    x2, _ = next(iter(run.data.test_batches))
    assert torch.equal(x1, x2)


def test_one_hot_target_transform_trains_with_mse(mnist_root: Path) -> None:
    run = build_run(config_for(mnist_root, epochs=1, loss=ComponentChoice("mse"),
                               target_transforms=(ComponentChoice("one-hot"),)))
    _, y = next(iter(run.data.train_batches))
    assert y.shape == (32, 10) and torch.all(y.sum(1) == 1)
    result = run.trainer.run()
    assert isinstance(result, Finished)
    assert run.trainer.history["epochs"][0]["test_accuracy"] > 0.2


def test_missing_dataset_names_the_folder_and_files(tmp_path: Path) -> None:
    with pytest.raises(DatasetMissingError) as info:
        build_run(config_for(tmp_path / "empty", dataset=ComponentChoice("fashion-mnist")))
    message = str(info.value)
    assert str(tmp_path / "empty") in message
    assert "FashionMNIST/raw/train-images-idx3-ubyte" in message


def test_unknown_device_is_a_clear_error() -> None:
    with pytest.raises(DeviceError, match="not available"):
        resolve_device("cuda:7")
    assert resolve_device("auto").type in ("cpu", "cuda", "mps")


def test_resident_arrays_match_the_dataset_samples(mnist_root: Path) -> None:
    from torchvision import datasets
    from torchvision.transforms import ToTensor

    ds = datasets.MNIST(str(mnist_root), train=False, transform=ToTensor())
    images, labels = resident_arrays(ds)
    assert images.shape == (200, 1, 28, 28)
    x, y = ds[5]
    assert torch.equal(images[5].float() / 255, x) and labels[5] == y


def test_cosine_schedule_anneals_the_learning_rate_over_the_run(mnist_root: Path) -> None:
    rates: list[float] = []
    run = build_run(config_for(mnist_root, epochs=2, lr=0.01, lr_schedule="cosine"))
    run.trainer.add_listener(lambda e: rates.append(run.optimizer.param_groups[0]["lr"])
                             if isinstance(e, BatchEnd) else None)
    run.trainer.run()
    assert rates[0] == pytest.approx(0.01)
    assert rates == sorted(rates, reverse=True) and rates[-1] < 0.001
    constant = build_run(config_for(mnist_root, epochs=1, lr=0.01, lr_schedule="constant"))
    constant.trainer.run()
    assert constant.optimizer.param_groups[0]["lr"] == 0.01


@pytest.mark.gpu
def test_training_runs_on_cuda(mnist_root: Path) -> None:
    run = build_run(config_for(mnist_root, device="cuda", epochs=1))
    assert run.data.train_batches.images.is_cuda
    result = run.trainer.run()
    assert isinstance(result, Finished)
    assert run.trainer.history["epochs"][0]["test_accuracy"] > 0.5
    assert not math.isnan(run.trainer.history["epochs"][0]["test_loss"])


class _Boom(BaseException):
    """What a plugin author might raise to 'abort' (it is not an Exception)."""


@pytest.mark.parametrize("raised, said", [(SystemExit(3), "it called sys.exit(3)"), (_Boom("no"), "Boom"),
                                          (KeyboardInterrupt(), "KeyboardInterrupt")])
def test_a_base_exception_from_an_optimizer_step_fails_the_run_instead_of_ending_the_app(raised, said) -> None:
    """A plugin optimizer's step() that calls sys.exit() (or raises its own BaseException) stops training with a message."""
    model = torch.nn.Linear(4, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    def step(*_args, **_kwargs):
        raise raised

    optimizer.step = step
    batches = [(torch.randn(8, 4), torch.randint(0, 2, (8,)))]
    trainer = Trainer(model, optimizer, torch.nn.functional.cross_entropy, batches, batches, 1, ["a", "b"])
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(trainer.run()))  # as the app's training task runs it
    worker.start()
    worker.join(60)
    assert isinstance(outcome[0], Failed) and said in outcome[0].message
    assert outcome[0].message.startswith("Training stopped: ")


def test_a_real_ctrl_c_on_the_cli_still_stops_training() -> None:
    model = torch.nn.Linear(4, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    optimizer.step = lambda *_a, **_k: (_ for _ in ()).throw(KeyboardInterrupt())
    batches = [(torch.randn(8, 4), torch.randint(0, 2, (8,)))]
    trainer = Trainer(model, optimizer, torch.nn.functional.cross_entropy, batches, batches, 1, ["a", "b"])
    with pytest.raises(KeyboardInterrupt):
        trainer.run()  # on the main thread, where Ctrl+C arrives
