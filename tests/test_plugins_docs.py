"""The plugin author's guide covers the whole contract, and every hook is exercised.

A new hook, spec field or parameter type that is not in docs/plugins.md fails here,
as does a hook that no plugin in the tests implements.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import types
from pathlib import Path

import pytest

from torchdesk.core import hookspecs
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.specs import PARAM_TYPES, SPEC_KINDS, Param
from torchdesk.core.testing import check_plugin

REPO = Path(__file__).resolve().parents[1]
GUIDE = (REPO / "docs" / "plugins.md").read_text(encoding="utf-8")


def hook_names() -> list[str]:
    """Every hook declared in torchdesk.core.hookspecs (functions carrying pluggy's spec marker)."""
    marker = f"{hookspecs.PROJECT}_spec"
    return sorted(name for name, value in vars(hookspecs).items()
                  if inspect.isfunction(value) and hasattr(value, marker))


def component_hook_names() -> list[str]:
    """The hooks that offer components (the rest, like torchdesk_translations, offer something else)."""
    return [name for name in hook_names() if name not in hookspecs.OTHER_HOOKS]


def test_the_hook_list_is_what_the_registry_knows():
    assert hook_names() == sorted([*hookspecs.HOOK_KINDS, *hookspecs.OTHER_HOOKS])


@pytest.mark.parametrize("hook", hook_names())
def test_every_hook_has_a_docstring_and_a_section_in_the_guide(hook: str):
    assert (getattr(hookspecs, hook).__doc__ or "").strip(), f"{hook} has no docstring"
    assert re.search(rf"^### {hook}$", GUIDE, re.MULTILINE), f"docs/plugins.md has no '### {hook}' section"


def test_every_spec_field_is_documented():
    for cls in SPEC_KINDS.values():
        for field in dataclasses.fields(cls):
            assert f"| `{field.name}` |" in GUIDE, f"{cls.__name__}.{field.name} is not in the guide's tables"
    for field in dataclasses.fields(Param):
        assert f"| `{field.name}` |" in GUIDE, f"Param.{field.name} is not in the guide's tables"
    for type_name in PARAM_TYPES:
        assert f"| `{type_name}` |" in GUIDE, f"parameter type {type_name!r} is not in the guide"


def test_the_guide_covers_namespacing_lazy_imports_the_fixture_and_errors():
    for needle in ("## Ids and namespacing", "## Lazy imports", "torchdesk_plugin_checker", "pytest11",
                   "## How errors are reported", "TORCHDESK_RAISE_PLUGIN_ERRORS", "TORCHDESK_DISABLE_THIRD_PARTY",
                   "[project.entry-points.torchdesk]", "Restart needed"):
        assert needle in GUIDE, needle
    # The fixture the guide describes really has that signature.
    assert "torchdesk_plugin_checker(plugin, name=\"plugin-under-test\", namespaced=True, lazy_imports=True)" in GUIDE
    assert list(inspect.signature(check_plugin).parameters) == ["plugin", "name", "namespaced", "lazy_imports"]


class _Top1:
    def __init__(self, num_classes: int) -> None:
        self.reset()

    def reset(self) -> None:
        self.hits = self.count = 0

    def update(self, logits, labels) -> None:
        self.hits += int((logits.argmax(1) == labels).sum())
        self.count += int(labels.shape[0])

    def compute(self) -> float:
        return self.hits / max(self.count, 1)


def _plugin_with_every_hook() -> types.SimpleNamespace:
    """A plugin implementing every hook in hookspecs, each returning one working spec."""
    from torchdesk.core.hookspecs import hookimpl
    from torchdesk.core.specs import (CallbackSpec, DatasetSpec, LossSpec, MetricSpec, ModelSpec, OptimizerSpec,
                                      SchedulerSpec, TransformSpec)

    def model(input_shape, num_classes, hidden=8):
        from torch import nn

        c, h, w = input_shape
        return nn.Sequential(nn.Flatten(), nn.Linear(c * h * w, hidden), nn.ReLU(), nn.Linear(hidden, num_classes))

    def dataset(root, train, download, transform=None, target_transform=None):
        import torch

        return torch.utils.data.TensorDataset(torch.rand(4, 1, 28, 28), torch.arange(4))

    def flip(**_):
        return lambda image: image.flip(-1)

    def optimizer(parameters, lr, momentum=0.0):
        import torch

        return torch.optim.SGD(parameters, lr=lr, momentum=momentum)

    def loss(num_classes):
        import torch

        return torch.nn.functional.cross_entropy

    specs = {
        "torchdesk_models": ModelSpec(id="every.model", name="Model", description="d", factory=model,
                                      params=(Param("hidden", "int", 8, "Hidden width.", minimum=1),)),
        "torchdesk_datasets": DatasetSpec(id="every.dataset", name="Dataset", description="d", factory=dataset,
                                          input_shape=(1, 28, 28), class_names=tuple("abcd")),
        "torchdesk_transforms": TransformSpec(id="every.flip", name="Flip", description="d", factory=flip,
                                              batch_factory=flip),
        "torchdesk_optimizers": OptimizerSpec(id="every.sgd", name="SGD", description="d", factory=optimizer,
                                              params=(Param("momentum", "float", 0.0, "Momentum.", minimum=0.0),)),
        "torchdesk_losses": LossSpec(id="every.ce", name="CE", description="d", factory=loss),
        "torchdesk_schedulers": SchedulerSpec(id="every.halve", name="Halve", description="d",
                                              factory=lambda total_epochs: (lambda epoch: 0.5)),
        "torchdesk_callbacks": CallbackSpec(id="every.quiet", name="Quiet", description="d",
                                            factory=lambda: (lambda event, control: None)),
        "torchdesk_metrics": MetricSpec(id="every.top1", name="Top-1", description="d", factory=_Top1),
    }
    plugin = types.SimpleNamespace()
    for hook in component_hook_names():
        spec = specs[hook]  # a KeyError here means a new hook needs a case in this test
        setattr(plugin, hook, hookimpl(lambda spec=spec: [spec]))
    return plugin


def test_every_hook_is_exercised_through_the_registry_and_the_checker():
    plugin = _plugin_with_every_hook()
    registry = PluginRegistry()
    info = registry.register_plugin(plugin, name="every-hook", distribution="every-hook", version="1")
    assert info.state == "active" and not info.problems
    assert {hookspecs.HOOK_KINDS[h] for h in component_hook_names()} == set(info.provides)
    for hook in component_hook_names():
        kind = hookspecs.HOOK_KINDS[hook]
        (spec_id,) = info.provides[kind]
        assert registry.get(kind, spec_id).plugin == "every-hook"
    report = check_plugin(_plugin_with_every_hook(), name="every-hook")
    assert report.ok, report.problems


def test_the_checker_finds_what_authors_get_wrong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from torchdesk.core.hookspecs import hookimpl
    from torchdesk.core.specs import ModelSpec, TransformSpec

    def bad_model(input_shape, num_classes):
        from torch import nn

        return nn.Linear(3, num_classes)  # ignores input_shape: fails on images

    def shift(**_):
        return lambda image: image + 1

    def other_shift(**_):
        return lambda batch: batch + 2  # disagrees with the per-sample form

    plugin = types.SimpleNamespace(
        torchdesk_models=hookimpl(lambda: [ModelSpec(id="bare", name="Bare", description="two\nlines",
                                                     factory=bad_model,
                                                     params=(Param("x", "int", 500, "", maximum=10),))]),
        torchdesk_transforms=hookimpl(lambda: [TransformSpec(id="ns.shift", name="Shift", description="d",
                                                             factory=shift, batch_factory=other_shift)]),
    )
    problems = "\n".join(check_plugin(plugin, name="sloppy").problems)
    for expected in ("id is not namespaced", "one-line description", "parameter 'x' has no help text",
                     "its default does not fit its own bounds", "model 'bare': ",
                     "per-sample and batch forms give different results"):
        assert expected in problems, (expected, problems)

    module = tmp_path / "eager_plugin.py"
    module.write_text("import torch\nfrom torchdesk.core.hookspecs import hookimpl\n"
                      "@hookimpl\ndef torchdesk_losses():\n    return []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import eager_plugin

    problems = check_plugin(eager_plugin, name="eager").problems
    assert any("imports torch at module level" in p for p in problems), problems
