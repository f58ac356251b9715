"""The short public API for scripts: load a model, build one from the registry, train.

    from torchdesk.core.api import load_model, build_model, train
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from torch import nn

from torchdesk.core.events import Failed, Finished, Listener
from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import get_registry
from torchdesk.core.run_config import ComponentChoice, RunConfig


def load_model(checkpoint: str | Path, device: str = "cpu") -> Predictor:
    """A checkpoint's model rebuilt from its plugin, weights loaded, ready to predict."""
    from torchdesk.core.checkpoint import load_checkpoint

    return load_checkpoint(checkpoint).predictor(get_registry(), device=device)


def build_model(model_id: str, input_shape: tuple[int, int, int] = (1, 28, 28), num_classes: int = 10,
                **params: Any) -> nn.Module:
    """A fresh model from the registry, for ``input_shape`` and ``num_classes``."""
    from torchdesk.core.session import build_model as _build

    config = RunConfig(model=ComponentChoice(model_id, params))
    return _build(get_registry(), config, input_shape, num_classes)


def train(config: RunConfig | None = None, listeners: Iterable[Listener] = (), out: str | Path | None = None,
          **settings: Any) -> Finished:
    """Train a run and return its final event; raise ``RuntimeError`` with the message if it failed.

    Pass a :class:`RunConfig`, or its fields as keywords where components may be
    given as plain ids: ``train(dataset="mnist", model="cnn", epochs=3, data_dir="data")``.
    """
    from torchdesk.core.checkpoint import save_checkpoint
    from torchdesk.core.session import build_run

    for kind in ("dataset", "model", "optimizer", "loss"):
        if isinstance(settings.get(kind), str):
            settings[kind] = ComponentChoice(settings[kind])
    config = (config or RunConfig()).replace(**settings)
    run = build_run(config, listeners=listeners)
    result = run.trainer.run()
    if isinstance(result, Failed):
        raise RuntimeError(result.message)
    if out or config.out:
        save_checkpoint(out or config.out, run)
    return result
