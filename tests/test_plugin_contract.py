"""Plugins people can rely on (issue #19): ownership of ids, plugin states, typos, validation,
attribution, checkpoints that survive plugin upgrades, and the CLI's report.

Every plugin here is a real distribution (a dist-info folder with an entry point beside a
module) written into tmp_path and found by ``importlib.metadata``, as pip would install it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch

from plugin_fixtures import make_distribution
from torchdesk.core import registry as registry_module
from torchdesk.core.checkpoint import CheckpointError, MissingPluginError, load_checkpoint, make_payload, save_checkpoint
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.session import build_model, build_run


@pytest.fixture(autouse=True)
def lenient(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plugin problems are recorded, as for users (conftest makes them raise)."""
    monkeypatch.delenv("TORCHDESK_RAISE_PLUGIN_ERRORS", raising=False)


def install(monkeypatch: pytest.MonkeyPatch, site: Path, dist: str, module: str, source: str,
            version: str = "1.0", entry_name: str | None = None) -> Path:
    """Write a distribution into ``site`` and put ``site`` on sys.path."""
    make_distribution(site, dist, module, source, version=version, entry_name=entry_name)
    monkeypatch.syspath_prepend(str(site))
    return site


def load() -> PluginRegistry:
    return PluginRegistry().load_entry_points(disabled=set())


OPTIMIZER = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import OptimizerSpec

def build(parameters, lr):
    import torch
    return torch.optim.{cls}(parameters, lr=lr)

@hookimpl
def torchdesk_optimizers():
    return [OptimizerSpec(id="lenet.adagrad", name="{name}", description="d", factory=build)]
'''


# -- 1. an id cannot be hijacked ----------------------------------------------------------------------
def test_an_id_in_another_plugins_namespace_is_refused_and_the_owner_keeps_it(tmp_path, monkeypatch):
    site = tmp_path / "site"
    install(monkeypatch, site, "aaa-impostor", "impostor_mod", OPTIMIZER.format(cls="SGD", name="Impostor"),
            entry_name="aaa")
    install(monkeypatch, site, "lenet-plugin", "lenet_mod", OPTIMIZER.format(cls="Adagrad", name="Real"),
            entry_name="lenet")
    registry = load()
    assert registry.optimizer("lenet.adagrad").plugin == "lenet"
    assert registry.plugin("lenet").state == "active" and not registry.plugin("lenet").problems
    impostor = registry.plugin("aaa")
    assert impostor.state == "failed"
    assert "lenet.adagrad" in impostor.error and "lenet-plugin" in impostor.error


def test_an_id_two_plugins_offer_outside_their_namespaces_goes_to_neither(tmp_path, monkeypatch):
    source = OPTIMIZER.replace("lenet.adagrad", "shared.opt")
    site = tmp_path / "site"
    install(monkeypatch, site, "first-dist", "first_mod", source.format(cls="SGD", name="A"), entry_name="first")
    install(monkeypatch, site, "second-dist", "second_mod", source.format(cls="SGD", name="B"), entry_name="second")
    registry = load()
    assert "shared.opt" not in {s.id for s in registry.optimizers()}
    for name in ("first", "second"):
        error = registry.plugin(name).error
        assert "first-dist" in error and "second-dist" in error, error


def test_built_in_ids_are_reserved(tmp_path, monkeypatch):
    source = OPTIMIZER.replace("lenet.adagrad", "adamw")
    install(monkeypatch, tmp_path / "site", "zzz-dist", "zzz_mod", source.format(cls="SGD", name="Z"),
            entry_name="zzz")
    registry = load()
    assert registry.optimizer("adamw").plugin == "builtin-optimizers"
    assert "torchdesk's own" in registry.plugin("zzz").error


# -- 2. the state reflects every hook -------------------------------------------------------------------
HALF_BROKEN = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import LossSpec

@hookimpl
def torchdesk_models():
    raise RuntimeError("the model hook is broken")

@hookimpl
def torchdesk_losses():
    return [LossSpec(id="half.loss", name="Half", description="d", factory=lambda num_classes: None)]
'''


def test_a_plugin_with_one_failing_hook_and_one_working_is_partly_failed(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path / "site", "half-dist", "half_mod", HALF_BROKEN, entry_name="half")
    info = load().plugin("half")
    assert info.state == "partly-failed" and info.state_label == "partly failed"
    assert info.provides == {"loss": ["half.loss"]} and "the model hook is broken" in info.error


# -- 3. two distributions with one plugin name ------------------------------------------------------------
def test_two_distributions_naming_their_plugins_alike_are_both_reported(tmp_path, monkeypatch):
    source = OPTIMIZER.replace("lenet.adagrad", "twin.opt").format(cls="SGD", name="T")
    install(monkeypatch, tmp_path / "one", "twin-one", "twin_one_mod", source, entry_name="twin")
    install(monkeypatch, tmp_path / "two", "twin-two", "twin_two_mod", source, entry_name="twin")
    registry = load()
    twins = [p for p in registry.plugins() if p.name == "twin"]
    assert {p.distribution for p in twins} == {"twin-one", "twin-two"}
    for info in twins:
        assert info.state == "failed" and "twin-one" in info.error and "twin-two" in info.error


# -- 4. a misspelled hook ---------------------------------------------------------------------------------
TYPO = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec

@hookimpl
def torchdesk_model():
    return []
'''


def test_a_misspelled_hook_is_an_error_with_a_suggestion(tmp_path, monkeypatch):
    install(monkeypatch, tmp_path / "site", "typo-dist", "typo_mod", TYPO, entry_name="typo")
    info = load().plugin("typo")
    assert info.state == "failed"
    assert "torchdesk_model()" in info.error and "Did you mean torchdesk_models?" in info.error

    from torchdesk.core.testing import check_plugin
    import typo_mod

    problems = "\n".join(check_plugin(typo_mod, name="typo", lazy_imports=False).problems)
    assert "not a torchdesk hook" in problems


# -- 8. stricter validation, in the registry and the checker ----------------------------------------------
@pytest.mark.parametrize("spec_source,expected", [
    ('ModelSpec(id="my plugin.net", name="N", description="d", factory=build)', "no spaces"),
    ('ModelSpec(id="v.net", name="  ", description="d", factory=build)', "no display name"),
    ('ModelSpec(id="v.net", name="N", description="d", factory=build, params=(Param("w", "int", 500, "h", '
     'maximum=10),))', "above the maximum"),
    ('ModelSpec(id="v.net", name="N", description="d", factory=build, params=(Param("a", "choice", "tanh", "h", '
     'choices=("relu", "gelu")),))', "not one of its choices"),
    ('ModelSpec(id="v.net", name="N", description="d", factory=build, params=(Param("w", "int", 1, "h"), '
     'Param("w", "int", 2, "h")))', "declared twice"),
])
def test_invalid_specs_are_refused_at_registration_and_by_the_checker(spec_source, expected):
    import types

    from torchdesk.core.hookspecs import hookimpl
    from torchdesk.core.specs import ModelSpec, Param  # noqa: F401 - used by the evaluated source
    from torchdesk.core.testing import check_plugin

    def build(input_shape, num_classes, **_):
        return torch.nn.Linear(1, 1)

    spec = eval(spec_source)  # noqa: S307 - the test's own literal
    plugin = types.SimpleNamespace(torchdesk_models=hookimpl(lambda: [spec]))
    info = PluginRegistry().register_plugin(plugin, name="v")
    assert info.provides == {} and expected in info.error, info.error
    assert any(expected in p for p in check_plugin(plugin, name="v").problems)


# -- 9. messages that read well -------------------------------------------------------------------------
def test_a_duplicate_id_within_one_plugin_says_twice_and_long_text_is_cut_at_a_word():
    import types

    from torchdesk.core.hookspecs import hookimpl
    from torchdesk.core.specs import LossSpec

    spec = LossSpec(id="p.loss", name="L", description="d", factory=lambda num_classes: None)
    long_text = "this plugin returned a sentence instead of a spec, which happens more often than one thinks"
    plugin = types.SimpleNamespace(torchdesk_losses=hookimpl(lambda: [spec, spec, long_text]))
    info = PluginRegistry().register_plugin(plugin, name="p")
    assert "offers the loss id 'p.loss' twice" in info.error and "both plugin" not in info.error
    assert "'this plugin returned a sentence instead of a spec, which'… (" in info.error


# -- 7. attribution of every component ------------------------------------------------------------------
BAD_COMPONENTS = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import LossSpec, OptimizerSpec

def no_optimizer(parameters, lr):
    return None

def raising_loss(num_classes):
    def loss(logits, labels):
        raise ValueError("the loss cannot take these labels")
    return loss

@hookimpl
def torchdesk_optimizers():
    return [OptimizerSpec(id="bad.none", name="None", description="d", factory=no_optimizer)]

@hookimpl
def torchdesk_losses():
    return [LossSpec(id="bad.loss", name="Raising", description="d", factory=raising_loss)]
'''


def tiny_config(root: Path, **changes) -> RunConfig:
    return RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("logreg"), epochs=1, batch_size=100,
                     lr=0.01, data_dir=str(root), device="cpu", train_subset=200, test_subset=100).replace(**changes)


def test_an_optimizer_that_returns_none_and_a_loss_that_raises_name_their_plugin_once(tmp_path, monkeypatch,
                                                                                      mnist_root):
    from torchdesk.core.errors import readable_error
    from torchdesk.core.events import Failed

    install(monkeypatch, tmp_path / "site", "bad-components", "bad_components_mod", BAD_COMPONENTS, version="3.1",
            entry_name="bad")
    registry = load()
    with pytest.raises(Exception) as caught:
        build_run(tiny_config(mnist_root, optimizer=ComponentChoice("bad.none")), registry)
    message = readable_error(caught.value)
    assert "plugin 'bad' (bad-components 3.1)" in message and "None" in message and "param_groups" not in message
    run = build_run(tiny_config(mnist_root, loss=ComponentChoice("bad.loss")), registry)
    result = run.trainer.run()
    assert isinstance(result, Failed)
    assert "the loss cannot take these labels" in result.message
    assert result.message.count("plugin 'bad'") == 1, result.message


# -- 5. checkpoints survive an upgrade; a migration is applied on load -----------------------------------
WIDTHNET = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec, Param

def build(input_shape, num_classes, width={width}):
    from torch import nn
    c, h, w = input_shape
    return nn.Sequential(nn.Flatten(), nn.Linear(c * h * w, width), nn.ReLU(), nn.Linear(width, num_classes))

{migrate}

@hookimpl
def torchdesk_models():
    return [ModelSpec(id="widthnet.mlp", name="Width MLP", description="d", factory=build,
                      params=(Param("{name}", "int", {width}, "Hidden units.", minimum=1, maximum=512),){extra})]
'''
RENAME = '''
def migrate(params, from_version):
    params = dict(params)
    if "width" in params:
        params["hidden"] = params.pop("width")
    return params
'''


def widthnet_site(tmp_path: Path, version: str, width: int, name: str = "width", migrate: str = "") -> Path:
    site = tmp_path / f"site-{version}"
    source = WIDTHNET.format(width=width, name=name, migrate=migrate,
                             extra=", migrate=migrate" if migrate else "")
    # build() takes the parameter by its name in this release
    source = source.replace("width=", f"{name}=", 1).replace("nn.Linear(c * h * w, width)",
                                                               f"nn.Linear(c * h * w, {name})")
    source = source.replace("nn.Linear(width, num_classes)", f"nn.Linear({name}, num_classes)")
    return make_distribution(site, "torchdesk-widthnet", "widthnet_plugin", source, version=version,
                             entry_name="widthnet")


def save_widthnet_checkpoint(tmp_path: Path, monkeypatch) -> tuple[Path, torch.Tensor, torch.Tensor]:
    monkeypatch.syspath_prepend(str(widthnet_site(tmp_path, "0.1.0", width=8)))
    registry = load()
    config = RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("widthnet.mlp"))
    model = build_model(registry, config, (1, 28, 28), 10)
    images = torch.rand(4, 1, 28, 28)
    with torch.no_grad():
        expected = model(images)
    payload = make_payload(config, registry, model, None, 1, {"epochs": [], "batch_loss": []},
                           [str(i) for i in range(10)], (1, 28, 28))
    path = save_checkpoint(tmp_path / "widthnet.pt", payload=payload)
    return path, images, expected


def upgrade(tmp_path: Path, monkeypatch, old_site: Path, new_site: Path) -> PluginRegistry:
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p != str(old_site)])
    monkeypatch.delitem(sys.modules, "widthnet_plugin", raising=False)
    monkeypatch.syspath_prepend(str(new_site))
    return load()


def test_a_checkpoint_made_with_0_1_0_evaluates_the_same_after_0_2_0_changes_a_default(tmp_path, monkeypatch):
    path, images, expected = save_widthnet_checkpoint(tmp_path, monkeypatch)
    registry = upgrade(tmp_path, monkeypatch, tmp_path / "site-0.1.0", widthnet_site(tmp_path, "0.2.0", width=32))
    assert registry.model("widthnet.mlp").version == "0.2.0"
    checkpoint = load_checkpoint(path)
    model = checkpoint.build_model(registry).eval()
    with torch.no_grad():
        assert torch.allclose(model(images), expected)


def test_a_checkpoint_that_no_longer_fits_says_which_version_made_it(tmp_path, monkeypatch):
    path, _images, _expected = save_widthnet_checkpoint(tmp_path, monkeypatch)
    # 0.2.0 renames the parameter without a migration: the stored 'width' is unknown, the new default is used.
    registry = upgrade(tmp_path, monkeypatch, tmp_path / "site-0.1.0",
                       widthnet_site(tmp_path, "0.2.0", width=32, name="hidden"))
    with pytest.raises(CheckpointError) as caught:
        load_checkpoint(path).build_model(registry)
    message = str(caught.value)
    assert "made with plugin 'widthnet' (torchdesk-widthnet) 0.1.0; 0.2.0 is installed" in message
    assert "pip install 'torchdesk-widthnet==0.1.0'" in message


def test_a_plugins_migration_is_applied_on_load(tmp_path, monkeypatch):
    path, images, expected = save_widthnet_checkpoint(tmp_path, monkeypatch)
    registry = upgrade(tmp_path, monkeypatch, tmp_path / "site-0.1.0",
                       widthnet_site(tmp_path, "0.2.0", width=32, name="hidden", migrate=RENAME))
    checkpoint = load_checkpoint(path)
    assert checkpoint.config_for(registry).model.params == {"hidden": 8}
    with torch.no_grad():
        assert torch.allclose(checkpoint.build_model(registry).eval()(images), expected)


# -- 6 and 9. a transform's provenance; switched off is not missing ---------------------------------------
TRANSFORM = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import TransformSpec

def build():
    return lambda image: image

@hookimpl
def torchdesk_transforms():
    return [TransformSpec(id="shifty.same", name="Same", description="d", factory=build, batch_factory=build)]
'''


def transform_checkpoint(tmp_path: Path, monkeypatch) -> Path:
    install(monkeypatch, tmp_path / "site", "torchdesk-shifty", "shifty_mod", TRANSFORM, version="0.4",
            entry_name="shifty")
    registry = load()
    config = RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("logreg"),
                       transforms=(ComponentChoice("normalize"), ComponentChoice("shifty.same")))
    model = build_model(registry, config, (1, 28, 28), 10)
    payload = make_payload(config, registry, model, None, 1, {}, [str(i) for i in range(10)], (1, 28, 28))
    return save_checkpoint(tmp_path / "shifty.pt", payload=payload)


def test_a_missing_plugin_transform_names_its_package(tmp_path, monkeypatch):
    path = transform_checkpoint(tmp_path, monkeypatch)
    registry = PluginRegistry().load_entry_points(disabled=set(),
                                                  entry_points=[ep for ep in _entry_points() if ep.name != "shifty"])
    with pytest.raises(MissingPluginError, match=r"transform 'shifty.same' comes from the package "
                                                 r"torchdesk-shifty \(version 0.4 made this file\)"):
        load_checkpoint(path).check_plugins(registry)


def test_a_switched_off_plugin_is_not_called_missing(tmp_path, monkeypatch):
    path = transform_checkpoint(tmp_path, monkeypatch)
    registry = PluginRegistry().load_entry_points(disabled={"shifty"})
    with pytest.raises(MissingPluginError) as caught:
        load_checkpoint(path).check_plugins(registry)
    message = str(caught.value)
    assert "switched off" in message and "torchdesk plugins enable shifty" in message
    assert "pip install" not in message and "not installed" not in message


def _entry_points():
    import importlib.metadata as metadata

    return list(metadata.entry_points(group="torchdesk"))


# -- 10. the CLI shows problems: --strict, --traceback, enable/disable, describe -------------------------
def run_cli(monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:
    from torchdesk.core.cli import main

    monkeypatch.setattr(registry_module, "_default", None)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plugins_strict_exits_1_with_a_broken_plugin_and_0_without(tmp_path, monkeypatch, capsys):
    code, out, err = run_cli(monkeypatch, capsys, "plugins", "--strict")
    assert code == 0 and "problems" not in err
    install(monkeypatch, tmp_path / "site", "half-dist", "half_mod_cli", HALF_BROKEN, entry_name="half")
    code, out, err = run_cli(monkeypatch, capsys, "plugins", "--strict")
    assert code == 1 and "[partly failed]" in out and "half" in err
    code, out, err = run_cli(monkeypatch, capsys, "plugins")
    assert code == 0 and "Traceback" not in out and "--traceback" in err
    code, out, err = run_cli(monkeypatch, capsys, "plugins", "--traceback")
    assert "Traceback (most recent call last)" in out and "the model hook is broken" in out


def test_plugins_disable_and_enable_are_the_apps_switch(tmp_path, monkeypatch, capsys):
    from torchdesk.core.registry import disabled_plugins

    install(monkeypatch, tmp_path / "site", "half-dist", "half_mod_switch", HALF_BROKEN, entry_name="half")
    code, out, _err = run_cli(monkeypatch, capsys, "plugins", "disable", "half")
    assert code == 0 and "half" in disabled_plugins()
    code, out, _err = run_cli(monkeypatch, capsys, "plugins", "--strict")
    assert code == 0 and "[disabled]" in out  # a switched-off plugin is no problem
    code, out, _err = run_cli(monkeypatch, capsys, "plugins", "enable", "half")
    assert code == 0 and "half" not in disabled_plugins()


def test_describe_prints_the_description_and_the_parameter_schema(monkeypatch, capsys):
    code, out, _err = run_cli(monkeypatch, capsys, "describe", "early-stopping")
    assert code == 0
    assert "callback" in out and "test loss stops improving" in out
    assert "patience (int in [1, 10000], default 3)" in out


# -- the plugin API version -------------------------------------------------------------------------------
def test_a_plugin_written_for_a_newer_api_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    source = "TORCHDESK_API = 99\n" + OPTIMIZER.replace("lenet.adagrad", "future.opt").format(cls="SGD", name="F")
    install(monkeypatch, tmp_path / "site", "future-dist", "future_mod", source, entry_name="future")
    info = load().plugin("future")
    assert info.state == "failed" and "plugin API 99" in info.error and "update torchdesk" in info.error


# -- the new kinds: schedulers, callbacks, metrics ---------------------------------------------------------
def test_early_stopping_ends_the_run_and_metrics_reach_the_history_and_the_checkpoint(mnist_root, tmp_path):
    from torchdesk.core.events import Finished

    config = tiny_config(mnist_root, epochs=6, lr=1e-9, lr_schedule="step", lr_schedule_params={"step_epochs": 1},
                         callbacks=(ComponentChoice("early-stopping", {"patience": 1, "min_delta": 1.0}),),
                         metrics=(ComponentChoice("top5-accuracy"), ComponentChoice("macro-f1")))
    run = build_run(config)
    result = run.trainer.run()
    assert isinstance(result, Finished) and not result.cancelled
    assert result.epochs_done == 2 and "early stopping" in result.stopped_by  # no loss drop of 1.0: stops at once
    record = run.trainer.history["epochs"][-1]
    assert 0.0 <= record["metric:macro-f1"] <= 1.0 and record["metric:top5-accuracy"] >= record["test_accuracy"]
    path = save_checkpoint(tmp_path / "run.pt", run)
    checkpoint = load_checkpoint(path)
    assert checkpoint.history["epochs"][-1]["metric:macro-f1"] == record["metric:macro-f1"]
    roles = {r["role"]: r for r in checkpoint.component_records}
    assert roles["lr_schedule"]["params"]["gamma"] == {"type": "float", "value": 0.1}
    assert roles["callbacks[0]"]["params"]["patience"] == {"type": "int", "value": 1}


def test_built_in_schedules_give_the_expected_factors():
    registry = load()
    from torchdesk.core.schedulers import build_schedule

    cosine = build_schedule(registry, "cosine", {}, 4)
    assert cosine(0) == pytest.approx(1.0) and cosine(2) == pytest.approx(0.5)
    step = build_schedule(registry, "step", {"step_epochs": 2, "gamma": 0.5}, 10)
    assert [step(e) for e in (0, 1.9, 2, 4.5)] == [1.0, 1.0, 0.5, 0.25]
    cycle = build_schedule(registry, "one-cycle", {}, 10)
    assert cycle(0) == pytest.approx(1 / 25) and cycle(3) == pytest.approx(1.0) and cycle(10) < 1e-5


def test_a_third_party_scheduler_that_fails_names_its_plugin(tmp_path, monkeypatch, mnist_root):
    from torchdesk.core.events import Failed

    source = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import SchedulerSpec

def build(total_epochs):
    return lambda epoch: float("nan")

@hookimpl
def torchdesk_schedulers():
    return [SchedulerSpec(id="odd.nan", name="NaN", description="d", factory=build)]
'''
    install(monkeypatch, tmp_path / "site", "odd-dist", "odd_sched_mod", source, version="0.9", entry_name="odd")
    run = build_run(tiny_config(mnist_root, lr_schedule="odd.nan"), load())
    result = run.trainer.run()
    assert isinstance(result, Failed) and "plugin 'odd' (odd-dist 0.9)" in result.message
