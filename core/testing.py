"""pytest fixtures torchdesk gives plugin authors (registered through the ``pytest11`` entry point).

In a plugin's own test suite::

    from my_package import plugin

    def test_my_plugin(torchdesk_plugin_checker):
        report = torchdesk_plugin_checker(plugin)
        assert report.ok, report.problems

The checker registers the plugin in a fresh registry exactly as torchdesk would
(so a hook that raises or returns something that is not a spec is reported the way
users would see it), then checks every component it offers:

* the spec: what the registry itself refuses (an id with spaces, an empty name,
  parameter names that repeat, defaults outside their bounds or choices), plus a
  one-line description, a namespaced id (``yourplugin.thing``) and a help text on
  every parameter;
* models: built for 1x28x28 and 3x32x32 input with 10 classes, a forward pass and a
  backward pass, logits of shape ``(batch, 10)``;
* optimizers: built with ``lr`` and their defaults, one step that changes the weights;
* losses: a scalar on random logits and labels, and a gradient;
* transforms: the per-sample form on a ``(C, H, W)`` tensor (label transforms on a
  label), the batch form on an ``(N, C, H, W)`` batch, and for non-random transforms
  that both forms agree;
* datasets: the declared ``input_shape`` is ``(C, H, W)``, and the dataset is built
  (in an empty temporary ``root``, ``download=False``): one that needs files may say
  so with :class:`~torchdesk.core.specs.DatasetFilesMissing` or ``FileNotFoundError``,
  any other error is a problem, and a built one must hold ``(image, label)`` pairs;
* schedulers: finite, non-negative factors over the whole run;
* callbacks: the factory returns a callable that accepts an epoch's event;
* metrics: ``reset``/``update``/``compute`` on random logits give a finite number;
* and, for a plugin module, that importing it does not import torch (a fresh Python
  imports the module and looks), since torch belongs inside factories.

Every problem is one readable sentence in ``report.problems``; nothing is raised, so
an author sees all of them at once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from dataclasses import dataclass, field
from typing import Any, Callable

import pytest

HEAVY_MODULES = ("torch", "torchvision")
MODEL_SHAPES = ((1, 28, 28), (3, 32, 32))


@dataclass
class PluginCheckReport:
    """What the checker found: the registry it built, what the plugin offers and any problems."""

    registry: Any
    provides: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the plugin loaded and every component worked."""
        return not self.problems


def check_plugin(plugin: Any, name: str = "plugin-under-test", *, namespaced: bool = True,
                 lazy_imports: bool = True) -> PluginCheckReport:
    """Register ``plugin`` (a module or object with ``@hookimpl`` functions) and exercise what it offers.

    ``namespaced=False`` accepts ids without a ``prefix.`` (torchdesk's own built-ins
    use short ids); ``lazy_imports=False`` skips the fresh-interpreter import check.
    """
    import torch

    from torchdesk.core.registry import PluginRegistry

    previous = os.environ.pop("TORCHDESK_RAISE_PLUGIN_ERRORS", None)
    try:
        registry = PluginRegistry()
        info = registry.register_plugin(plugin, name=name)
    finally:
        if previous is not None:
            os.environ["TORCHDESK_RAISE_PLUGIN_ERRORS"] = previous
    report = PluginCheckReport(registry=registry, provides={k: list(v) for k, v in info.provides.items()},
                               problems=[p.message for p in info.problems])
    if not any(info.provides.values()):
        report.problems.append(f"{name} provides nothing: implement at least one torchdesk_* hook")
    for spec in _offered_specs(plugin):  # the style checks cover the specs the registry refused too
        report.problems.extend(f"{spec.kind} {str(spec.id)[:100]!r}: {text}" for text in _spec_problems(spec, namespaced))
    for kind, ids in info.provides.items():
        for spec_id in ids:
            spec = registry.get(kind, spec_id)
            try:
                _exercise(kind, spec, torch)
            except Exception as exc:  # reported, not raised: the author sees every problem at once
                report.problems.append(f"{kind} {spec_id!r}: {type(exc).__name__}: {exc}")
    if lazy_imports and isinstance(plugin, types.ModuleType) and plugin.__name__ != "__main__":
        report.problems.extend(heavy_imports_problems(plugin.__name__))
    return report


def _offered_specs(plugin: Any) -> list[Any]:
    """Every spec ``plugin``'s hooks return (asked again, so refused ones are style-checked too)."""
    from torchdesk.core.hookspecs import HOOK_KINDS
    from torchdesk.core.plugin_guard import call_plugin
    from torchdesk.core.specs import ComponentSpec

    specs = []
    for hook in HOOK_KINDS:
        function = getattr(plugin, hook, None)
        if not callable(function):
            continue
        try:
            result = call_plugin(function)
        except Exception:  # already reported by the registry
            continue
        result = result if isinstance(result, (list, tuple)) else [result]
        specs.extend(s for s in result if isinstance(s, ComponentSpec))
    return specs


def _spec_problems(spec: Any, namespaced: bool) -> list[str]:
    problems = []
    if not isinstance(spec.id, str) or not isinstance(spec.description, str):
        return problems  # the registry already refused it, saying why
    if not spec.description.strip() or "\n" in spec.description.strip():
        problems.append("needs a one-line description (it is shown under the picker)")
    prefix, dot, rest = spec.id.partition(".")
    if namespaced and not (dot and prefix and rest):
        problems.append(f"id is not namespaced: use '<yourpackage>.{spec.id}' so it cannot clash with "
                        "torchdesk's built-ins or other plugins")
    for param in spec.params:
        if isinstance(param.help, str) and not param.help.strip():
            problems.append(f"parameter {param.name!r} has no help text (it becomes the tooltip and CLI help)")
    return problems


def _exercise(kind: str, spec: Any, torch: Any) -> None:
    params = spec.defaults()
    if kind == "model":
        for shape in MODEL_SHAPES:
            model = spec.factory(input_shape=shape, num_classes=10, **params)
            if not isinstance(model, torch.nn.Module):
                raise AssertionError(f"the factory returned {type(model).__name__}, not a torch.nn.Module")
            out = model(torch.rand(2, *shape))
            if tuple(out.shape) != (2, 10):
                raise AssertionError(f"output shape {tuple(out.shape)} for input {shape}, expected (2, 10)")
            out.sum().backward()
    elif kind == "optimizer":
        weight = torch.nn.Parameter(torch.ones(3))
        optimizer = spec.factory([weight], lr=0.1, **params)
        (weight ** 2).sum().backward()
        optimizer.step()
        if torch.equal(weight.detach(), torch.ones(3)):
            raise AssertionError("one step with a non-zero gradient left the weights unchanged")
    elif kind == "loss":
        logits = torch.randn(4, 10, requires_grad=True)
        loss = spec.factory(num_classes=10, **params)(logits, torch.tensor([0, 1, 2, 3]))
        if loss.dim() != 0:
            raise AssertionError("a loss must return a scalar")
        loss.backward()
    elif kind == "transform":
        _exercise_transform(spec, params, torch)
    elif kind == "dataset":
        if spec.input_shape is not None and len(spec.input_shape) != 3:
            raise AssertionError(f"input_shape {spec.input_shape} is not (C, H, W)")
        _exercise_dataset(spec, params)
    elif kind == "scheduler":
        factor = spec.factory(total_epochs=4, **params)
        for epoch in (0.0, 0.5, 1.0, 2.0, 3.0, 3.99):
            value = float(factor(epoch))
            if not (value >= 0.0 and value < float("inf")):
                raise AssertionError(f"factor({epoch}) is {value}; it must be a finite number of at least 0")
    elif kind == "callback":
        from torchdesk.core.callbacks import RunControl
        from torchdesk.core.events import EpochEnd

        callback = spec.factory(**params)
        if not callable(callback):
            raise AssertionError(f"the factory returned {type(callback).__name__}, which cannot be called")
        callback(EpochEnd(epoch=1, epochs=2, train_loss=1.0, test_loss=1.0, test_accuracy=0.5,
                          per_class_accuracy=[], confusion=[], class_names=[], seconds=0.1), RunControl())
    elif kind == "metric":
        metric = spec.factory(num_classes=10, **params)
        metric.reset()
        metric.update(torch.randn(8, 10), torch.randint(0, 10, (8,)))
        value = float(metric.compute())
        if value != value:
            raise AssertionError("compute() gave NaN after one batch")


def _exercise_dataset(spec: Any, params: dict[str, Any]) -> None:
    """Build the dataset in an empty folder; needing files is fine, any other failure is not."""
    import tempfile

    from torchdesk.core.specs import DatasetFilesMissing

    with tempfile.TemporaryDirectory() as root:
        try:
            dataset = spec.factory(root=root, train=True, download=False, transform=None, target_transform=None,
                                   **params)
        except (DatasetFilesMissing, FileNotFoundError):
            return
        if len(dataset) == 0:
            return
        sample = dataset[0]
        if not isinstance(sample, (tuple, list)) or len(sample) != 2:
            raise AssertionError(f"dataset[0] is {type(sample).__name__}, not an (image, label) pair")


def _exercise_transform(spec: Any, params: dict[str, Any], torch: Any) -> None:
    if spec.target:
        labels = torch.tensor([3, 1])
        spec.factory(**params)(3)
        if spec.batch_factory is not None:
            spec.batch_factory(**params)(labels)
        return
    batch = torch.rand(2, 1, 28, 28)
    sample_fn = spec.factory(**params)
    try:
        one = sample_fn(batch[0].clone())
    except TypeError:  # a transform that goes before ToTensor (like ToTensor itself) takes a PIL image
        from PIL import Image

        one = sample_fn(Image.fromarray((batch[0, 0].numpy() * 255).astype("uint8")))
    if not isinstance(one, torch.Tensor) or one.dim() != 3:
        raise AssertionError("the per-sample transform must map a (C, H, W) tensor to a (C, H, W) tensor")
    if spec.batch_factory is not None:
        many = spec.batch_factory(**params)(batch.clone())
        if not isinstance(many, torch.Tensor) or many.dim() != 4 or many.shape[0] != 2:
            raise AssertionError("the batch transform must map an (N, C, H, W) batch to an (N, C', H', W') batch")
        if not spec.random and not torch.allclose(many[0], one, atol=1e-5):
            raise AssertionError("the per-sample and batch forms give different results; "
                                 "both paths must give the same numbers (or mark the transform random=True)")


def heavy_imports_problems(module: str, heavy: tuple[str, ...] = HEAVY_MODULES) -> list[str]:
    """Import ``module`` in a fresh Python and report the heavy libraries that importing it pulled in."""
    code = ("import importlib, json, sys; importlib.import_module(sys.argv[1]); "
            "print(json.dumps([m for m in sys.argv[2:] if m in sys.modules]))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    try:
        done = subprocess.run([sys.executable, "-c", code, module, *heavy], capture_output=True, text=True,
                              env=env, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"could not check the imports of {module}: {exc}"]
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [f"importing {module} in a fresh Python failed: {last}"]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return [f"importing {module} imports {name} at module level: import it inside the factories so "
            "listing plugins stays fast" for name in loaded]


@pytest.fixture
def torchdesk_plugin_checker() -> Callable[..., PluginCheckReport]:
    """A function that registers a plugin like torchdesk does and exercises each component it offers.

    Call it as ``torchdesk_plugin_checker(module, name="my-plugin", namespaced=True, lazy_imports=True)``
    and assert ``report.ok``; ``report.problems`` lists what to fix, one sentence each.
    """
    return check_plugin
