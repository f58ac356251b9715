"""Build a complete training run from a :class:`RunConfig` and the plugin registry.

The CLI, the desktop worker, the distributed launcher and scripts all go through
:func:`build_run`, so a run configured anywhere behaves the same everywhere.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Iterable

import torch
from torch import nn

from torchdesk.core.data import DataBundle, LoaderBatches, load_data
from torchdesk.core import distributed
from torchdesk.core.devices import resolve_device
from torchdesk.core.events import Listener
from torchdesk.core.i18n import translate
from torchdesk.core.callbacks import attach_callbacks
from torchdesk.core.metrics import build_metrics
from torchdesk.core.plugin_errors import build_callable, build_component, build_optimizer
from torchdesk.core.schedulers import schedule_for
from torchdesk.core.precision import MixedPrecision, resolve_precision, to_channels_last, wants_channels_last
from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import PluginRegistry, get_registry
from torchdesk.core.run_config import RunConfig
from torchdesk.core.thread_tuner import ThreadTuner, tuner_for_run
from torchdesk.core.trainer import Trainer


def seed_everything(seed: int | None) -> None:
    """Seed torch, Python and NumPy so a run is repeatable (no-op for ``None``)."""
    if seed is None:
        return
    torch.manual_seed(seed)
    random.seed(seed)
    try:
        import numpy as np

        np.random.seed(seed % (2**32))
    except ImportError:
        pass


def build_model(registry: PluginRegistry, config: RunConfig, input_shape: tuple[int, int, int],
                num_classes: int) -> nn.Module:
    """Instantiate the run's model for the data's shape and class count."""
    spec = registry.model(config.model.id)
    model = build_component(spec, input_shape=tuple(input_shape), num_classes=int(num_classes),
                            **spec.resolve_params(config.model.params))
    if not isinstance(model, nn.Module):
        raise TypeError(translate("session", "model {id} from plugin {plugin} built a {type}, not a "
                                             "torch.nn.Module").format(id=repr(spec.id), plugin=repr(spec.plugin),
                                                                       type=type(model).__name__))
    return model


@dataclass
class Run:
    """A training run ready to go: data, model, optimizer, loss and the trainer that drives them."""

    config: RunConfig
    registry: PluginRegistry
    data: DataBundle
    model: nn.Module
    optimizer: torch.optim.Optimizer
    loss_fn: Any
    trainer: Trainer
    device: torch.device
    dist: distributed.DistContext = distributed.DistContext()
    precision: str = "fp32"  # the resolved one: fp32, bf16 or fp16
    channels_last: bool = False  # whether the engine keeps the model's weights channels-last
    threads: ThreadTuner | None = None  # chooses the CPU thread count (None on a GPU or when distributed)

    @property
    def class_names(self) -> list[str]:
        """The dataset's class names."""
        return self.data.class_names

    @property
    def input_shape(self) -> tuple[int, int, int]:
        """One sample's shape after the transforms."""
        return self.data.input_shape

    def predictor(self) -> Predictor:
        """The live model as a :class:`Predictor` (it follows training as weights change)."""
        return Predictor(model=self.model, class_names=self.class_names, input_shape=self.input_shape,
                         transform=self.data.eval_transform, source=translate("session", "training run"),
                         config=self.config, live=True)

    def checkpoint_payload(self, include_optimizer: bool = True) -> dict[str, Any]:
        """Everything a checkpoint of this run holds (see :mod:`torchdesk.core.checkpoint`)."""
        from torchdesk.core.checkpoint import make_payload

        return make_payload(
            config=self.config, registry=self.registry, model=self.model,
            optimizer=self.optimizer if include_optimizer else None, epoch=self.trainer.epoch,
            history=self.trainer.history, class_names=self.class_names, input_shape=self.input_shape,
        )


def build_run(config: RunConfig, registry: PluginRegistry | None = None, listeners: Iterable[Listener] = (),
              resume: Any = None, prefer_fast_path: bool = True) -> Run:
    """Load the data and build model, optimizer, loss and trainer for ``config``.

    ``resume`` is a loaded :class:`~torchdesk.core.checkpoint.Checkpoint` whose model and
    optimizer state, epoch count and history continue in this run.
    """
    registry = registry or get_registry()
    context = distributed.from_environment()
    seed_everything(config.seed)
    device = resolve_device(distributed.device_for(context, config.device))
    precision = MixedPrecision(resolve_precision(config.precision, device), device)  # refused before data loads
    context = distributed.init(context, device)
    data = load_data(config, registry, device, prefer_fast_path=prefer_fast_path)
    model = build_model(registry, config, data.input_shape, len(data.class_names)).to(device)
    channels_last = wants_channels_last(model, device, precision.name) and to_channels_last(
        model, data.input_shape, device)
    trained: nn.Module = model
    if context.enabled:
        for batches in (data.train_batches, data.test_batches):
            if isinstance(batches, LoaderBatches):
                batches.shard(context.rank, context.world_size, seed=config.seed or 0)
            else:
                batches.shard(context.rank, context.world_size)
        trained = torch.nn.parallel.DistributedDataParallel(
            model, device_ids=[device.index] if device.type == "cuda" else None)
    opt_spec = registry.optimizer(config.optimizer.id)
    optimizer = build_optimizer(opt_spec, model.parameters(), float(config.lr),
                                opt_spec.resolve_params(config.optimizer.params))
    loss_spec = registry.loss(config.loss.id)
    loss_fn = build_callable(loss_spec, translate("session", "a loss function loss(logits, labels)"),
                             num_classes=len(data.class_names),
                             **loss_spec.resolve_params(config.loss.params))
    start_epoch, history = 0, None
    if resume is not None:
        resume.restore_into(model, optimizer)
        for group in optimizer.param_groups:  # the saved state holds the last scheduled rate
            group["lr"] = float(config.lr)
        start_epoch, history = resume.epoch, resume.history
    # ``epochs`` is the epoch to stop at; when a resumed run is already there, it means "this many more".
    end_epoch = config.epochs if config.epochs > start_epoch else start_epoch + config.epochs
    listeners = list(listeners)
    tuner = tuner_for_run(device, context.enabled, announce=lambda event: [hear(event) for hear in listeners])
    trainer = Trainer(model=trained, optimizer=optimizer, loss_fn=loss_fn, train_batches=data.train_batches,
                      test_batches=data.test_batches, epochs=end_epoch, class_names=data.class_names,
                      start_epoch=start_epoch, history=history, listeners=[tuner, *listeners] if tuner else listeners,
                      precision=precision,
                      reduce_sum=distributed.all_reduce_sum if context.enabled else None,
                      lr_schedule=schedule_for(registry, config.lr_schedule, config.lr_schedule_params, end_epoch),
                      metrics=build_metrics(registry, config.metrics, len(data.class_names)))
    attach_callbacks(trainer, registry, config.callbacks)
    return Run(config=config, registry=registry, data=data, model=model, optimizer=optimizer, loss_fn=loss_fn,
               trainer=trainer, device=device, dist=context, precision=precision.name, channels_last=channels_last,
               threads=tuner)
