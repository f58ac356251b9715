"""The example plugin installed with pip (into a temporary target): listed, trained, chosen in the GUI.

Also: a model that raises when built or in ``forward`` is reported with its plugin's
name, through the engine, the CLI and the Train panel.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest
from desktop_helpers import click, make_window, quick_config, wait_idle
from plugin_fixtures import make_distribution
from plugin_packages import env_with_path, example_site, example_source

import torchdesk.core.registry as registry_module
from torchdesk.core.events import Failed
from torchdesk.core.plugin_errors import PluginComponentError
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.run_config import ComponentChoice

SUBPROCESS_TIMEOUT_S = 300


@pytest.fixture(autouse=True)
def fresh_default_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test loads plugins from its own sys.path; the process-wide registry is put back afterwards."""
    monkeypatch.setattr(registry_module, "_default", None)


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example installed with pip into a temporary target folder, on sys.path for this test."""
    path = example_site()
    monkeypatch.syspath_prepend(str(path))
    # Another test may have imported the example from a target folder that is gone now.
    for name in [m for m in sys.modules if m == "torchdesk_example" or m.startswith("torchdesk_example.")]:
        monkeypatch.delitem(sys.modules, name)
    return path


def run_cli(site_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "torchdesk.core.cli", *args], capture_output=True, text=True,
                          env=env_with_path(site_dir), timeout=SUBPROCESS_TIMEOUT_S)


def test_pip_installed_it_into_the_target_only():
    site_dir = example_site()
    assert (site_dir / "torchdesk_example" / "plugin.py").is_file()
    assert list(site_dir.glob("torchdesk_plugin_example-0.1.0.dist-info"))
    with pytest.raises(importlib.metadata.PackageNotFoundError):  # the real environment is untouched
        importlib.metadata.distribution("torchdesk-plugin-example")


def test_torchdesk_plugins_lists_it():
    done = run_cli(example_site(), "plugins", "--json")
    assert done.returncode == 0, done.stderr
    plugins = {p["name"]: p for p in json.loads(done.stdout)}
    example = plugins["example"]
    assert (example["distribution"], example["version"], example["state"]) == (
        "torchdesk-plugin-example", "0.1.0", "active")
    assert example["provides"] == {"model": ["example.resnet"], "dataset": ["example.stripes"],
                                   "transform": ["example.cutout"], "optimizer": ["example.lion"],
                                   "loss": ["example.focal"], "scheduler": ["example.warmup"],
                                   "callback": ["example.loss-target"], "metric": ["example.brier"]}
    assert not example["errors"]
    text = run_cli(example_site(), "plugins").stdout
    assert "example  (torchdesk-plugin-example 0.1.0)  [active]" in text


def test_its_korean_catalog_names_its_components_once_it_is_registered(site: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    from torchdesk.core import i18n

    # The catalog ships as package data of the installed example, and the plugin's hook points at it.
    assert (site / "torchdesk_example" / "translations" / "example_ko.ts").is_file()
    # Only this test's catalogs and language: the process-wide ones are put back afterwards.
    monkeypatch.setattr(i18n, "_extra_dirs", [])
    monkeypatch.setattr(i18n, "_catalog", None)
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    name = "Small ResNet (example plugin)"
    try:
        i18n.set_language("ko")
        assert i18n.component_text(name) == name  # not registered yet: English is the fallback
        registry = PluginRegistry().load_entry_points(disabled=set())
        assert registry.plugin("example").state == "active"
        spec = registry.get("model", "example.resnet")
        assert spec.name == name  # the spec keeps the English text (checkpoints store it)
        assert i18n.component_text(spec.name) == "작은 ResNet (예제 플러그인)"
        assert i18n.component_text(spec.param("width").display_label) == "너비"
        assert i18n.component_text(registry.get("optimizer", "example.lion").description).startswith("모멘텀의 부호")
        assert i18n.component_text("Small CNN") == "작은 CNN"  # torchdesk's own catalogs still answer
    finally:
        i18n.set_language(None)
    assert i18n.component_text(name) == name


def test_torchdesk_train_trains_one_epoch_with_its_model_transform_and_optimizer(mnist_root: Path, tmp_path: Path):
    out = tmp_path / "run.pt"
    done = run_cli(example_site(), "train", "--dataset", "mnist", "--data-dir", str(mnist_root),
                   "--model", "example.resnet", "--model-param", "width=8", "--optimizer", "example.lion",
                   "--lr", "3e-4", "--augment", "example.cutout:size=6", "--epochs", "1", "--batch-size", "64",
                   "--train-subset", "320", "--test-subset", "100", "--device", "cpu", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Training example.resnet" in done.stderr
    assert "test accuracy" in done.stdout
    assert out.is_file()


def test_its_own_test_suite_passes_with_the_fixture_torchdesk_provides():
    # pytest finds `torchdesk_plugin_checker` through torchdesk's pytest11 entry point.
    env = env_with_path(example_site())
    env.pop("TORCHDESK_RAISE_PLUGIN_ERRORS", None)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(example_source())],
                          capture_output=True, text=True, env=env, timeout=SUBPROCESS_TIMEOUT_S,
                          cwd=example_source())
    assert done.returncode == 0, done.stdout + done.stderr
    assert "passed" in done.stdout


def test_its_model_is_offered_in_the_gui_and_trains(qtbot, site: Path, mnist_root: Path):
    window = make_window(qtbot)
    panel = window.panels["train"]
    panel.set_config(quick_config(mnist_root, epochs=1))
    combo = panel.model_picker.combo
    index = combo.findData("example.resnet")
    assert index >= 0, [combo.itemData(i) for i in range(combo.count())]
    assert combo.itemText(index) == "Small ResNet (example plugin)"
    combo.setCurrentIndex(index)
    form = panel.model_picker.form
    assert [p.name for p in form.params] == ["width", "blocks", "dropout"]
    form.set_values({"width": 8})
    assert panel.config().model == ComponentChoice("example.resnet", {"width": 8})
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    assert panel.last_accuracy is not None, panel.log_view.toPlainText()
    assert type(window.state.predictor.model).__name__ == "SmallResNet"


BROKEN_MODELS = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec

def build_broken(input_shape, num_classes):
    raise RuntimeError("this model cannot be built")

def build_bad_forward(input_shape, num_classes):
    import torch

    class BadForward(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = torch.nn.Linear(4, num_classes)

        def forward(self, x):
            raise ValueError("forward is broken")

    return BadForward()

@hookimpl
def torchdesk_models():
    return [ModelSpec(id="broken.build", name="Broken at build", description="Raises when built.",
                      factory=build_broken),
            ModelSpec(id="broken.forward", name="Broken forward", description="Raises in forward.",
                      factory=build_bad_forward)]
'''


@pytest.fixture
def broken_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site_dir = make_distribution(tmp_path / "site", "torchdesk-broken-models", "broken_models_plugin",
                                 BROKEN_MODELS, version="0.9", entry_name="broken-models")
    monkeypatch.syspath_prepend(str(site_dir))
    return site_dir


def test_a_model_that_raises_is_reported_with_its_plugins_name(broken_models: Path, mnist_root: Path):
    from torchdesk.core.session import build_run

    registry = PluginRegistry().load_entry_points(disabled=set())
    assert registry.plugin("broken-models").state == "active"  # nothing is wrong until it is used
    with pytest.raises(PluginComponentError, match=r"model 'broken.build' from plugin 'broken-models' "
                                                   r"\(torchdesk-broken-models 0.9\) failed to build: "
                                                   r"RuntimeError: this model cannot be built"):
        build_run(quick_config(mnist_root, model="broken.build"), registry)
    run = build_run(quick_config(mnist_root, model="broken.forward"), registry)
    result = run.trainer.run()
    assert isinstance(result, Failed)
    assert "ValueError: forward is broken" in result.message
    assert "model 'broken.forward' from plugin 'broken-models' (torchdesk-broken-models 0.9)" in result.message
    assert "broken_models_plugin.py" in result.detail
    # Everything else still trains.
    assert not isinstance(build_run(quick_config(mnist_root, epochs=1), registry).trainer.run(), Failed)


def test_the_cli_names_the_plugin_without_a_traceback(broken_models: Path, mnist_root: Path, capsys):
    from torchdesk.core.cli import main

    code = main(["train", "--dataset", "mnist", "--data-dir", str(mnist_root), "--model", "broken.build",
                 "--epochs", "1", "--device", "cpu"])
    err = capsys.readouterr().err
    assert code != 0
    assert "plugin 'broken-models'" in err and "this model cannot be built" in err
    assert "Traceback" not in err


def test_the_train_panel_shows_the_forward_error_with_the_plugins_name(qtbot, broken_models: Path,
                                                                      mnist_root: Path):
    window = make_window(qtbot)
    panel = window.panels["train"]
    errors: list[tuple[str, str]] = []
    window.state.error.connect(lambda message, detail: errors.append((message, detail)))
    panel.set_config(quick_config(mnist_root, epochs=1, model="broken.forward"))
    assert panel.model_picker.spec().id == "broken.forward"
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    assert any("plugin 'broken-models'" in message and "forward is broken" in message for message, _ in errors)
    panel.set_config(quick_config(mnist_root, epochs=1))  # the app keeps working with another model
    click(qtbot, panel.start_button)
    wait_idle(qtbot, panel)
    assert panel.last_accuracy is not None
