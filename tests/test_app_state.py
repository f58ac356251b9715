"""The one app state: one data folder for every panel, the current model's identity and the fit check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch
from PySide6.QtCore import QSettings

from torchdesk.core.compatibility import DataIdentity, ModelIdentity, check_fit, data_identity
from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import get_registry
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.desktop.state import AppState

DIGITS = tuple(f"{i} - {w}" for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]))
CLOTHES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")


def fashion_predictor() -> Predictor:
    """A tiny model that says it was trained on Fashion-MNIST."""
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(28 * 28, 10))
    config = RunConfig(dataset=ComponentChoice("fashion-mnist"))
    return Predictor(model=model, class_names=list(CLOTHES), input_shape=(1, 28, 28), config=config)


def test_the_data_folder_is_one_value_announced_once_per_change(qtbot: Any, tmp_path: Path) -> None:
    state = AppState(get_registry())
    heard: list[str] = []
    state.data_dir_changed.connect(heard.append)
    state.set_data_dir(tmp_path)
    state.set_data_dir(str(tmp_path))  # the same folder again: nothing to announce
    assert state.data_dir == tmp_path and heard == [str(tmp_path)]


def test_the_data_folder_defaults_like_the_cli_and_persists(qtbot: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TORCHDESK_DATA", str(tmp_path / "from-env"))
    settings = QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat)
    first = AppState(get_registry())
    assert first.data_dir == tmp_path / "from-env"  # what `torchdesk train` would read too
    first.set_data_dir(tmp_path / "chosen")
    first.save_settings(settings)
    settings.sync()
    again = AppState(get_registry())
    again.restore_settings(QSettings(str(tmp_path / "desktop.ini"), QSettings.Format.IniFormat))
    assert again.data_dir == tmp_path / "chosen"


def test_an_empty_folder_means_the_default(qtbot: Any, tmp_path: Path) -> None:
    state = AppState(get_registry())
    default = state.data_dir
    state.set_data_dir(tmp_path)
    state.set_data_dir("  ")
    assert state.data_dir == default


def test_a_fashion_model_does_not_fit_digits_and_says_why(qtbot: Any) -> None:
    state = AppState(get_registry())
    state.set_predictor(fashion_predictor())
    mnist = data_identity(get_registry().dataset("mnist"))
    fit = state.fit(mnist)
    assert not fit
    assert "Fashion-MNIST" in fit.reason and "MNIST" in fit.reason and "T-shirt/top" in fit.reason
    assert state.fit(data_identity(get_registry().dataset("fashion-mnist")))


def test_the_fit_of_a_model_known_only_by_its_identity(qtbot: Any) -> None:
    """The Model panel asks about the model it inspects, which is not the app's current one."""
    state = AppState(get_registry())
    inspected = ModelIdentity("fashion-mnist", CLOTHES, (1, 28, 28))
    fit = state.fit(data_identity(get_registry().dataset("mnist")), inspected)
    assert not fit and "Fashion-MNIST" in fit.reason


def test_no_model_fits_anything(qtbot: Any) -> None:
    assert AppState(get_registry()).fit(DataIdentity("mnist", "MNIST", DIGITS))


@pytest.mark.parametrize("model, data, fits", [
    (ModelIdentity("mnist", DIGITS, (1, 28, 28)), DataIdentity("mnist", "MNIST", DIGITS, (1, 28, 28)), True),
    # a copy of MNIST in an image folder: another id, the same classes
    (ModelIdentity("mnist", DIGITS, (1, 28, 28)), DataIdentity("image-folder", "my digits", DIGITS), True),
    (ModelIdentity("mnist", DIGITS, (1, 28, 28)), DataIdentity("kmnist", "KMNIST", tuple("abcdefghij")), False),
    (ModelIdentity("mnist", DIGITS, (1, 28, 28)), DataIdentity("cifar10", "CIFAR-10", DIGITS, (3, 32, 32)), False),
    (ModelIdentity("mnist", DIGITS, (1, 28, 28)), DataIdentity("x", "three classes", ("a", "b", "c")), False),
    # a whole model whose class names are unknown: numbered classes fit any 10-class data
    (ModelIdentity("", tuple(str(i) for i in range(10)), (1, 28, 28)),
     DataIdentity("fashion-mnist", "Fashion-MNIST", CLOTHES), True),
])
def test_the_fit_rules(model: ModelIdentity, data: DataIdentity, fits: bool) -> None:
    fit = check_fit(model, data)
    assert bool(fit) is fits
    assert bool(fit.reason) is not fits


def test_a_snapshot_is_a_still_copy_in_eval_mode(qtbot: Any) -> None:
    live = fashion_predictor()
    live.model.train()
    live.live = True
    still = live.snapshot()
    assert still.model is not live.model and not still.model.training and not still.live
    assert live.model.training  # the training model's mode is left alone
    with torch.no_grad():
        live.model[1].weight.add_(1.0)
    assert not torch.equal(still.model[1].weight, live.model[1].weight)
    assert still.identity == live.identity
