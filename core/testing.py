"""pytest fixtures torchdesk gives plugin authors (registered through the ``pytest11`` entry point).

In a plugin's own test suite::

    def test_my_plugin(torchdesk_plugin_checker):
        report = torchdesk_plugin_checker(my_plugin_module)
        assert report.ok, report.problems

The checker registers the plugin in a fresh registry exactly as torchdesk would,
then builds every model for 1x28x28 and 3x32x32 input and runs a forward pass,
builds every optimizer and loss, and calls every transform on a sample.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable

import pytest


@dataclass
class PluginCheckReport:
    """What the checker found: the registry it built and any problems, one sentence each."""

    registry: Any
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the plugin loaded and every component worked."""
        return not self.problems


def check_plugin(plugin: Any, name: str = "plugin-under-test") -> PluginCheckReport:
    """Register ``plugin`` (a module or object with ``@hookimpl`` functions) and exercise what it offers."""
    import torch

    from torchdesk.core.registry import PluginRegistry

    previous = os.environ.pop("TORCHDESK_RAISE_PLUGIN_ERRORS", None)
    try:
        registry = PluginRegistry()
        info = registry.register_plugin(plugin, name=name)
    finally:
        if previous is not None:
            os.environ["TORCHDESK_RAISE_PLUGIN_ERRORS"] = previous
    report = PluginCheckReport(registry=registry, problems=[p.message for p in info.problems])
    if not any(info.provides.values()):
        report.problems.append(f"{name} provides nothing: implement at least one torchdesk_* hook")
    for kind, ids in info.provides.items():
        for spec_id in ids:
            spec = registry.get(kind, spec_id)
            try:
                _exercise(kind, spec, torch)
            except Exception as exc:  # reported, not raised: the author sees every problem at once
                report.problems.append(f"{kind} {spec_id!r}: {type(exc).__name__}: {exc}")
    return report


def _exercise(kind: str, spec: Any, torch: Any) -> None:
    params = spec.defaults()
    if kind == "model":
        for shape in ((1, 28, 28), (3, 32, 32)):
            model = spec.factory(input_shape=shape, num_classes=10, **params)
            out = model(torch.rand(2, *shape))
            if tuple(out.shape) != (2, 10):
                raise AssertionError(f"output shape {tuple(out.shape)} for input {shape}, expected (2, 10)")
    elif kind == "optimizer":
        weight = torch.nn.Parameter(torch.ones(3))
        optimizer = spec.factory([weight], lr=0.1, **params)
        (weight ** 2).sum().backward()
        optimizer.step()
    elif kind == "loss":
        loss = spec.factory(num_classes=10, **params)(torch.randn(4, 10), torch.tensor([0, 1, 2, 3]))
        if loss.dim() != 0:
            raise AssertionError("a loss must return a scalar")
    elif kind == "transform" and not spec.target:
        if spec.batch_factory is not None:
            spec.batch_factory(**params)(torch.rand(2, 1, 28, 28))


@pytest.fixture
def torchdesk_plugin_checker() -> Callable[..., PluginCheckReport]:
    """A function that registers a plugin like torchdesk does and exercises each component it offers."""
    return check_plugin
