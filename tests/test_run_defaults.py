"""A new run starts with its model's measured batch size and learning rate; whatever a person set wins."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from torchdesk.core.cli import build_parser, config_from_args
from torchdesk.core.registry import get_registry
from torchdesk.core.run_config import RunConfig
from torchdesk.core.run_defaults import GENERAL, suggested_batch_and_lr
from torchdesk.core.run_file import write_run_file


def new_run(*flags: str) -> RunConfig:
    return config_from_args(build_parser().parse_args(["train", *flags]))


def test_the_mlp_starts_at_its_measured_pair_with_the_default_optimizer() -> None:
    config = new_run("--model", "mlp")
    assert (config.batch_size, config.lr) == (256, 3e-3)
    assert (new_run().batch_size, new_run().lr) == GENERAL  # the CNN keeps 64 and 1e-3


@pytest.mark.parametrize("flags, expected", [
    (("--model", "mlp", "--optimizer", "sgd"), GENERAL),  # measured with AdamW only
    (("--model", "mlp", "--batch-size", "32"), (32, 1e-3)),  # a person's value breaks the pair
    (("--model", "mlp", "--lr", "0.01"), (64, 0.01)),
])
def test_a_flag_or_another_optimizer_keeps_the_general_defaults(flags, expected) -> None:
    config = new_run(*flags)
    assert (config.batch_size, config.lr) == expected


def test_a_run_file_or_a_resumed_checkpoint_keeps_its_own_numbers(tmp_path: Path) -> None:
    from torchdesk.core.run_config import ComponentChoice

    saved = RunConfig(model=ComponentChoice("mlp"), batch_size=64, lr=1e-3)
    path = write_run_file(saved, tmp_path / "run.toml")
    from_file = new_run("--config", str(path))
    assert (from_file.batch_size, from_file.lr) == (64, 1e-3)
    resumed = config_from_args(build_parser().parse_args(["train"]), base=saved)
    assert (resumed.batch_size, resumed.lr) == (64, 1e-3)


@pytest.mark.parametrize("batch, lr", [(0, 0.0), (-5, 1e-3), (10**12, 1e-3), (True, 1e-3), (64, float("nan")),
                                       (64, 1e6), ("256", "3e-3")])
def test_a_plugin_models_unusable_suggestion_is_ignored(batch, lr) -> None:
    spec = replace(get_registry().model("mlp"), batch_size=batch, lr=lr)
    suggested = suggested_batch_and_lr(spec, "adamw")
    assert 1 <= suggested[0] <= 1_000_000 and 0 < suggested[1] <= 10
