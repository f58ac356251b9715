"""Make real third-party plugin distributions on ``sys.path`` for registry tests.

A ``<name>-<version>.dist-info`` folder with ``METADATA`` and ``entry_points.txt``
beside a module is exactly what pip installs, so ``importlib.metadata`` finds it.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path


def make_distribution(site: Path, dist: str, module: str, source: str, version: str = "1.0",
                      entry_name: str | None = None) -> Path:
    """Write module ``module`` with ``source`` and a dist-info registering it in the ``torchdesk`` group."""
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[torchdesk]\n{entry_name or dist} = {module}\n", encoding="utf-8")
    return site


def activate(site: Path) -> None:
    """Put ``site`` on ``sys.path`` (the test removes it with monkeypatch.syspath_prepend's undo)."""
    if str(site) not in sys.path:
        sys.path.insert(0, str(site))


GOOD_PLUGIN = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec, Param

def build(input_shape, num_classes, scale=1.0):
    from torch import nn
    c, h, w = input_shape
    return nn.Sequential(nn.Flatten(), nn.Linear(c * h * w, num_classes))

@hookimpl
def torchdesk_models():
    return [ModelSpec(id="thirdparty.tiny", name="Tiny", description="A third-party model.",
                      factory=build, params=(Param("scale", "float", 1.0, "unused", minimum=0.0),))]
'''
