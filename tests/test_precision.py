"""The precision setting: what auto picks from the CPU's own flags, refusals, fp16 scaling, fp32 checkpoints."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from torch import nn

from torchdesk.core import precision as precision_module
from torchdesk.core.checkpoint import load_checkpoint, save_checkpoint
from torchdesk.core.cli import main
from torchdesk.core.events import Failed, Finished
from torchdesk.core.precision import (MAX_SKIPPED_STEPS, Hardware, MixedPrecision, PrecisionError, read_cpu_flags,
                                      resolve_precision, to_channels_last)
from torchdesk.core.predictor import Predictor
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.run_file import read_run_file, write_run_file
from torchdesk.core.session import build_run
from torchdesk.core.trainer import Trainer
from torchdesk.core.untrusted import FileContentError

CPU, CUDA, MPS = torch.device("cpu"), torch.device("cuda", 0), torch.device("mps")
BF16_CPU = Hardware(cpu_bf16=True, cpu_fp16=False, cuda_bf16=False)
PLAIN_CPU = Hardware(cpu_bf16=False, cpu_fp16=False, cuda_bf16=False)
NEW_GPU = Hardware(cpu_bf16=False, cpu_fp16=False, cuda_bf16=True)


def config_for(root: Path, **changes) -> RunConfig:
    base = RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("mlp", {"hidden": 64}),
                     optimizer=ComponentChoice("adam"), epochs=1, batch_size=32, lr=2e-3, seed=0,
                     data_dir=str(root), device="cpu")
    return base.replace(**changes)


@pytest.fixture
def no_bf16_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine, as if its CPU had no BF16 instructions."""
    monkeypatch.setattr(precision_module, "cpu_flags", lambda: frozenset({"fpu", "sse2", "avx2"}))


@pytest.fixture
def bf16_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine, as if its CPU had AVX-512 BF16 (torch computes bf16 on any CPU, only slower)."""
    monkeypatch.setattr(precision_module, "cpu_flags", lambda: frozenset({"avx512f", "avx512_bf16"}))


# -- what auto means, from the CPU's flags -----------------------------------------------------
def test_auto_is_bf16_on_a_cpu_with_native_bf16_and_fp32_on_one_without() -> None:
    assert resolve_precision("auto", CPU, BF16_CPU) == "bf16"
    assert resolve_precision("auto", CPU, PLAIN_CPU) == "fp32"
    assert resolve_precision("fp32", CPU, BF16_CPU) == "fp32"


def test_auto_on_cuda_is_bf16_where_supported_else_fp16_with_scaling() -> None:
    assert resolve_precision("auto", CUDA, NEW_GPU) == "bf16"
    assert resolve_precision("auto", CUDA, PLAIN_CPU) == "fp16"
    assert resolve_precision("fp16", CUDA, NEW_GPU) == "fp16"
    assert resolve_precision("auto", MPS, BF16_CPU) == "fp32"


@pytest.mark.parametrize("choice, device, hardware, words", [
    ("bf16", CPU, PLAIN_CPU, "no native bf16"),
    ("fp16", CPU, BF16_CPU, "no native fp16"),
    ("bf16", CUDA, PLAIN_CPU, "compute capability 8.0"),
    ("bf16", MPS, BF16_CPU, "not supported on the mps device"),
])
def test_an_explicit_precision_the_hardware_lacks_is_refused_with_what_to_do(choice, device, hardware, words) -> None:
    with pytest.raises(PrecisionError) as error:
        resolve_precision(choice, device, hardware)
    assert words in str(error.value)
    assert "fp32" in str(error.value)  # what to use instead


def test_the_cpu_flags_are_read_from_cpuinfo_and_a_missing_file_means_none(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu sse2 avx512f avx512_bf16\n\n"
                       "processor\t: 1\nflags\t\t: fpu\n")
    flags = read_cpu_flags(cpuinfo)
    assert {"avx512f", "avx512_bf16"} <= flags
    assert precision_module.cpu_has_native_bf16(flags)
    assert not precision_module.cpu_has_native_bf16(read_cpu_flags(tmp_path / "missing"))
    arm = tmp_path / "arm"
    arm.write_text("processor\t: 0\nFeatures\t: fp asimd bf16 sve\n")
    assert precision_module.cpu_has_native_bf16(read_cpu_flags(arm))


# -- the setting in run configs, run files and the CLI -------------------------------------------
def test_a_run_config_without_a_precision_is_fp32_so_old_runs_resume_as_they_were() -> None:
    old = RunConfig().to_dict()
    del old["precision"]
    assert RunConfig.from_dict(old).precision == "fp32"
    assert RunConfig().precision == "fp32"
    assert RunConfig.from_dict({**old, "precision": "bf16"}).precision == "bf16"


@pytest.mark.parametrize("value", ["fp8", 16, None, "x" * 10_000])
def test_a_wrong_precision_in_a_file_is_named_with_the_choices(value) -> None:
    with pytest.raises(FileContentError) as error:
        RunConfig.from_dict({"precision": value})
    text = str(error.value)
    assert "precision" in text and len(text) < 400


def test_run_files_keep_the_precision(tmp_path: Path) -> None:
    path = write_run_file(RunConfig(precision="auto"), tmp_path / "run.toml")
    assert read_run_file(path).precision == "auto"
    old = tmp_path / "old.toml"
    old.write_text(path.read_text().replace('precision = "auto"\n', ""))
    assert "precision" not in old.read_text()
    assert read_run_file(old).precision == "fp32"


def test_cli_bf16_on_a_cpu_without_it_says_so_and_exits(mnist_root: Path, no_bf16_cpu, capsys) -> None:
    code = main(["train", "--dataset", "mnist", "--model", "mlp", "--data-dir", str(mnist_root), "--epochs", "1",
                 "--device", "cpu", "--precision", "bf16"])
    err = capsys.readouterr().err
    assert code != 0
    assert "no native bf16" in err and "Traceback" not in err


def test_cli_auto_falls_back_to_fp32_without_a_word(mnist_root: Path, no_bf16_cpu, capsys) -> None:
    code = main(["train", "--dataset", "mnist", "--model", "mlp", "--data-dir", str(mnist_root), "--epochs", "1",
                 "--device", "cpu", "--train-subset", "64", "--test-subset", "32"])
    err = capsys.readouterr().err
    assert code == 0
    assert "in fp32" in err and "CPU threads:" in err


def test_cli_rejects_an_unknown_precision_while_parsing(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["train", "--precision", "fp8"])
    assert exit_.value.code == 2
    assert "--precision" in capsys.readouterr().err


def test_a_new_cli_run_starts_at_auto_and_a_run_file_or_checkpoint_keeps_its_own(tmp_path: Path) -> None:
    from torchdesk.core.cli import build_parser, config_from_args

    parser = build_parser()
    assert config_from_args(parser.parse_args(["train"])).precision == "auto"
    assert config_from_args(parser.parse_args(["train", "--precision", "fp32"])).precision == "fp32"
    run_file = write_run_file(RunConfig(precision="fp32"), tmp_path / "run.toml")
    assert config_from_args(parser.parse_args(["train", "--config", str(run_file)])).precision == "fp32"
    resumed = RunConfig(precision="bf16")
    assert config_from_args(parser.parse_args(["train"]), base=resumed).precision == "bf16"


# -- training in mixed precision -----------------------------------------------------------------
def test_a_bf16_run_trains_and_its_checkpoint_stays_fp32(mnist_root: Path, bf16_cpu, tmp_path: Path) -> None:
    run = build_run(config_for(mnist_root, model=ComponentChoice("cnn", {"width": 8}), precision="auto"))
    assert run.precision == "bf16"
    assert run.channels_last  # a convolutional model, on the CPU
    result = run.trainer.run()
    assert isinstance(result, Finished) and not result.cancelled
    assert run.trainer.history["epochs"][-1]["test_accuracy"] > 0.3  # learns (chance is 0.1)
    assert all(p.dtype == torch.float32 for p in run.model.parameters())
    path = save_checkpoint(tmp_path / "bf16.pt", run)
    checkpoint = load_checkpoint(path)
    assert checkpoint.config.precision == "auto"
    floats = [v for v in checkpoint.model_state.values() if v.is_floating_point()]
    assert floats and all(v.dtype == torch.float32 for v in floats)
    fresh = checkpoint.build_model(run.registry)  # plain memory format, as any plugin model
    images = torch.rand(4, 1, 28, 28)
    run.model.eval()
    with torch.no_grad():
        assert torch.allclose(fresh.eval()(images), run.model(images), atol=1e-5)


def test_an_fp32_run_has_no_autocast_and_matches_the_plain_trainer_exactly(mnist_root: Path) -> None:
    from torchdesk.core.threads import fix_training_threads

    losses = []
    fix_training_threads(1)  # the same kernels in both runs: a measured thread count could differ between them
    try:
        for precision in ("fp32", None):
            run = build_run(config_for(mnist_root, train_subset=128, test_subset=32))
            if precision is None:
                run.trainer.precision = MixedPrecision("fp32", CPU)
            run.trainer.run()
            losses.append(run.trainer.history["batch_loss"])
    finally:
        fix_training_threads(None)
    assert run.precision == "fp32"
    assert losses[0] == losses[1]


class InfiniteGradient(torch.autograd.Function):
    """Identity forward; an infinite gradient backward (what an fp16 overflow looks like)."""

    @staticmethod
    def forward(ctx, x):  # type: ignore[override]
        return x.clone()

    @staticmethod
    def backward(ctx, grad):  # type: ignore[override]
        return torch.full_like(grad, float("inf"))


def _tiny_batches(n: int = 40) -> list[tuple[torch.Tensor, torch.Tensor]]:
    generator = torch.Generator().manual_seed(0)
    return [(torch.rand(8, 4, generator=generator), torch.randint(0, 2, (8,), generator=generator)) for _ in range(n)]


def test_fp16_gradients_that_stay_infinite_stop_the_run_with_a_message() -> None:
    assert resolve_precision("fp16", CPU, Hardware(cpu_bf16=False, cpu_fp16=True, cuda_bf16=False)) == "fp16"
    linear = nn.Linear(4, 2)

    class Overflowing(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.linear = linear

        def forward(self, x):
            return InfiniteGradient.apply(self.linear(x))

    before = linear.weight.detach().clone()
    model = Overflowing()
    trainer = Trainer(model, torch.optim.SGD(model.parameters(), lr=0.1), nn.functional.cross_entropy,
                      _tiny_batches(), _tiny_batches(2), epochs=1, class_names=["a", "b"],
                      precision=MixedPrecision("fp16", CPU, scaler=torch.amp.GradScaler("cpu")))
    result = trainer.run()
    assert isinstance(result, Failed)
    assert f"NaN or infinite for {MAX_SKIPPED_STEPS} steps in a row" in result.message
    assert torch.equal(linear.weight.detach(), before)  # every step was skipped: the weights never went NaN


def test_fp16_with_a_gradient_scaler_trains_a_model() -> None:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
    batches = [(x, (x[:, 0] > 0.5).long()) for x, _ in _tiny_batches(60)]
    trainer = Trainer(model, torch.optim.Adam(model.parameters(), lr=1e-2), nn.functional.cross_entropy,
                      batches, batches[:5], epochs=3, class_names=["a", "b"],
                      precision=MixedPrecision("fp16", CPU, scaler=torch.amp.GradScaler("cpu", init_scale=2.0 ** 8)))
    result = trainer.run()
    assert isinstance(result, Finished) and not result.cancelled
    losses = trainer.history["batch_loss"]
    assert sum(losses[-10:]) < sum(losses[:10])
    assert all(p.dtype == torch.float32 for p in model.parameters())


def test_a_nan_loss_under_bf16_is_still_caught() -> None:
    model = nn.Linear(4, 2)
    trainer = Trainer(model, torch.optim.SGD(model.parameters(), lr=0.1),
                      lambda pred, y: nn.functional.cross_entropy(pred, y) * float("nan"),
                      _tiny_batches(3), _tiny_batches(1), epochs=1, class_names=["a", "b"],
                      precision=MixedPrecision("bf16", CPU))
    result = trainer.run()
    assert isinstance(result, Failed) and "The loss became nan" in result.message


# -- channels-last, invisible to plugins -----------------------------------------------------------
def test_a_model_that_cannot_run_channels_last_is_left_as_it_was() -> None:
    class Viewing(nn.Module):  # .view on a conv activation fails when it is channels-last
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv2d(1, 4, 3, padding=1)
            self.head = nn.Linear(4 * 8 * 8, 3)

        def forward(self, x):
            y = self.conv(x)
            return self.head(y.view(y.shape[0], -1))

    model = Viewing()
    assert not to_channels_last(model, (1, 8, 8), CPU)
    assert model.conv.weight.is_contiguous()
    assert model(torch.rand(2, 1, 8, 8)).shape == (2, 3)
    assert model.training


# -- predictions ------------------------------------------------------------------------------------
def test_predictions_of_many_images_use_the_runs_precision_and_one_drawing_stays_fp32(
        monkeypatch: pytest.MonkeyPatch, bf16_cpu) -> None:
    from torchdesk.core import predictor as predictor_module

    used: list[str] = []
    real = predictor_module.autocast_for
    monkeypatch.setattr(predictor_module, "autocast_for", lambda p, d: (used.append(p), real(p, d))[1])
    model = nn.Sequential(nn.Flatten(), nn.Linear(16, 3))
    predictor = Predictor(model=model, class_names=["a", "b", "c"], input_shape=(1, 4, 4),
                          config=RunConfig(precision="auto"))
    probabilities = predictor.probabilities(torch.rand(32, 1, 4, 4))
    assert used == ["bf16"] and probabilities.dtype == torch.float32
    assert torch.allclose(probabilities.sum(1), torch.ones(32), atol=1e-3)
    predictor.probabilities(torch.rand(1, 4, 4))
    assert used == ["bf16"]  # one image: fp32, no autocast


def test_a_checkpoint_trained_in_bf16_elsewhere_predicts_in_fp32_here(no_bf16_cpu) -> None:
    predictor = Predictor(model=nn.Sequential(nn.Flatten(), nn.Linear(16, 3)), class_names=["a", "b", "c"],
                          input_shape=(1, 4, 4), config=RunConfig(precision="bf16"))
    assert predictor.compute_precision() == "fp32"
    assert predictor.predict(torch.rand(10, 1, 4, 4), k=1)[0][0][0] in ("a", "b", "c")


def test_a_channels_last_cnn_checkpoint_resumes_and_evaluates(mnist_root: Path, tmp_path: Path, capsys) -> None:
    config = config_for(mnist_root, model=ComponentChoice("cnn", {"width": 8}), optimizer=ComponentChoice("adamw"),
                        epochs=1, precision="auto")
    first = build_run(config)
    assert first.channels_last
    first.trainer.run()
    path = save_checkpoint(tmp_path / "cnn.pt", first)
    resumed = build_run(config.replace(epochs=2), resume=load_checkpoint(path))
    result = resumed.trainer.run()
    assert isinstance(result, Finished) and result.epochs_done == 2
    assert main(["evaluate", str(path), "--data-dir", str(mnist_root), "--device", "cpu"]) == 0
    assert "%" in capsys.readouterr().out


@pytest.mark.parametrize("stored", ["fp8", ["bf16"] * 3, 16])
def test_a_checkpoint_with_a_damaged_precision_is_refused_with_a_sentence(mnist_root: Path, tmp_path: Path,
                                                                           stored) -> None:
    from torchdesk.core.checkpoint import CheckpointError
    from torchdesk.core.errors import readable_error

    run = build_run(config_for(mnist_root, train_subset=64, test_subset=32))
    payload = run.checkpoint_payload()
    payload["config"]["precision"] = stored
    path = tmp_path / "damaged.pt"
    torch.save(payload, path)
    with pytest.raises(CheckpointError) as error:
        load_checkpoint(path)
    text = readable_error(error.value)
    assert "precision" in text and "Traceback" not in text and len(text) < 600
