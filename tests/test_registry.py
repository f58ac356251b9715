"""The plugin registry: built-ins, third-party entry points, and broken plugins of every kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from plugin_fixtures import GOOD_PLUGIN, make_distribution
from torchdesk.core.registry import PluginError, PluginRegistry, UnknownComponentError, set_plugin_enabled
from torchdesk.core.specs import ModelSpec, Param, ParamError


@pytest.fixture
def lenient(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record plugin errors instead of raising them, as the app does."""
    monkeypatch.delenv("TORCHDESK_RAISE_PLUGIN_ERRORS", raising=False)


def test_builtins_load_through_entry_points() -> None:
    registry = PluginRegistry().load_entry_points(disabled=set())
    builtins = [p for p in registry.plugins() if p.builtin]
    assert builtins and all(p.state == "active" for p in builtins)
    assert {"mlp", "cnn", "logreg"} <= {m.id for m in registry.models()}
    assert {"mnist", "fashion-mnist", "kmnist", "cifar10", "image-folder", "annotations-csv"} <= {
        d.id for d in registry.datasets()}
    assert {"sgd", "adam", "adamw", "rmsprop"} <= {o.id for o in registry.optimizers()}
    assert {"cross-entropy", "nll", "mse"} <= {loss.id for loss in registry.losses()}
    assert registry.model("mlp").distribution == "torchdesk"


def test_third_party_plugin_found_through_a_real_entry_point(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_distribution(tmp_path / "site", "torchdesk-tiny", "tiny_plugin", GOOD_PLUGIN, version="2.3")
    monkeypatch.syspath_prepend(str(site))
    registry = PluginRegistry().load_entry_points(disabled=set())
    spec = registry.model("thirdparty.tiny")
    assert (spec.distribution, spec.version) == ("torchdesk-tiny", "2.3")
    model = spec.factory(input_shape=(1, 28, 28), num_classes=10)
    assert model(__import__("torch").zeros(2, 1, 28, 28)).shape == (2, 10)


def test_third_party_plugins_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_distribution(tmp_path / "site", "torchdesk-tiny", "tiny_plugin2", GOOD_PLUGIN)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("TORCHDESK_DISABLE_THIRD_PARTY", "1")
    registry = PluginRegistry().load_entry_points(disabled=set())
    assert registry.plugin("torchdesk-tiny").state == "disabled"
    assert "thirdparty.tiny" not in {m.id for m in registry.models()}
    assert "mlp" in {m.id for m in registry.models()}


def test_a_disabled_plugin_stays_disabled_across_launches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_distribution(tmp_path / "site", "torchdesk-tiny", "tiny_plugin3", GOOD_PLUGIN)
    monkeypatch.syspath_prepend(str(site))
    set_plugin_enabled("torchdesk-tiny", False)
    assert PluginRegistry().load_entry_points().plugin("torchdesk-tiny").state == "disabled"
    set_plugin_enabled("torchdesk-tiny", True)
    assert PluginRegistry().load_entry_points().plugin("torchdesk-tiny").state == "active"


BROKEN = {
    "import": "raise ImportError('needs a library that is not installed')\n",
    "hook": '''
from torchdesk.core.hookspecs import hookimpl
@hookimpl
def torchdesk_optimizers():
    raise RuntimeError("boom in the hook")
''',
    "not-a-spec": '''
from torchdesk.core.hookspecs import hookimpl
@hookimpl
def torchdesk_losses():
    return ["not a spec"]
''',
    "duplicate": '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec
@hookimpl
def torchdesk_models():
    return [ModelSpec(id="mlp", name="Another MLP", description="clashes", factory=lambda **kw: None)]
''',
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_plugin_is_recorded_and_everything_else_loads(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lenient: None
) -> None:
    site = make_distribution(tmp_path / "site", f"broken-{kind}", f"broken_{kind.replace('-', '_')}", BROKEN[kind])
    monkeypatch.syspath_prepend(str(site))
    registry = PluginRegistry().load_entry_points(disabled=set())
    info = registry.plugin(f"broken-{kind}")
    assert info.state == "failed"
    assert f"broken-{kind}" in info.error
    assert info.problems[0].message
    assert {"mlp", "cnn"} <= {m.id for m in registry.models()}
    assert registry.model("mlp").plugin == "builtin-models"  # the built-in kept its id
    if kind == "duplicate":
        assert "builtin-models" in info.error and f"broken-{kind}" in info.error


def test_plugin_errors_raise_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_distribution(tmp_path / "site", "broken-raise", "broken_raise", BROKEN["hook"])
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("TORCHDESK_RAISE_PLUGIN_ERRORS", "1")
    with pytest.raises(PluginError, match="boom in the hook"):
        PluginRegistry().load_entry_points(disabled=set())


def test_unknown_ids_suggest_close_matches() -> None:
    registry = PluginRegistry().load_entry_points(disabled=set())
    with pytest.raises(UnknownComponentError, match="Did you mean mlp"):
        registry.model("mpl")


def test_parameters_are_coerced_and_checked() -> None:
    spec = ModelSpec(id="m", name="M", description="d", factory=lambda **kw: None,
                     params=(Param("hidden", "int", 8, "h", minimum=1, maximum=64),
                             Param("act", "choice", "relu", "a", choices=("relu", "gelu")),
                             Param("bias", "bool", True, "b")))
    assert spec.resolve_params({"hidden": "32", "act": "gelu", "bias": "false"}) == {
        "hidden": 32, "act": "gelu", "bias": False}
    with pytest.raises(ParamError, match="above the maximum"):
        spec.resolve_params({"hidden": 1000})
    with pytest.raises(ParamError, match="not one of"):
        spec.resolve_params({"act": "tanh"})
    with pytest.raises(ParamError, match="has no parameter"):
        spec.resolve_params({"width": 3})
