"""The plugin contract: the hooks a torchdesk plugin may implement.

Each hook returns a list of specs from :mod:`torchdesk.core.specs`. A plugin is a
module (found through the ``torchdesk`` entry-point group) with functions marked
``@hookimpl``. Import heavy libraries such as torch inside factories, never at the
top of the plugin module, so listing plugins stays fast: torchdesk times each
plugin's import and hooks, and names one slower than two seconds at every start.

A function whose name starts with ``torchdesk_`` but is not one of the hooks below
(a typo such as ``torchdesk_model``) is an error, not silently ignored. A plugin
module may declare the plugin API it was written for as ``TORCHDESK_API = 2``; one
written for an API this torchdesk does not speak is refused with a message saying
which to update. Version 1 knew models, datasets, transforms, optimizers and
losses; version 2 added schedulers, callbacks, metrics and ``migrate``.
"""

from __future__ import annotations

import pluggy

PROJECT = "torchdesk"
ENTRY_POINT_GROUP = "torchdesk"
API_VERSION = 2
SUPPORTED_API_VERSIONS = (1, 2)
API_ATTRIBUTE = "TORCHDESK_API"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def torchdesk_models() -> list:
    """Return a list of :class:`~torchdesk.core.specs.ModelSpec` this plugin offers.

    Each factory is called as ``factory(input_shape=(C, H, W), num_classes=N, **params)``
    and returns an ``nn.Module`` mapping a ``(B, C, H, W)`` batch to ``(B, N)`` logits.
    """


@hookspec
def torchdesk_datasets() -> list:
    """Return a list of :class:`~torchdesk.core.specs.DatasetSpec` this plugin offers.

    Each factory is called as ``factory(root=..., train=..., download=..., transform=...,
    target_transform=..., **params)`` and returns a map-style ``Dataset``.
    """


@hookspec
def torchdesk_transforms() -> list:
    """Return a list of :class:`~torchdesk.core.specs.TransformSpec` this plugin offers.

    ``factory(**params)`` returns a per-sample callable; an optional ``batch_factory``
    returns one that works on a whole ``(N, C, H, W)`` float batch.
    """


@hookspec
def torchdesk_optimizers() -> list:
    """Return a list of :class:`~torchdesk.core.specs.OptimizerSpec` this plugin offers.

    Each factory is called as ``factory(parameters, lr=..., **params)``.
    """


@hookspec
def torchdesk_losses() -> list:
    """Return a list of :class:`~torchdesk.core.specs.LossSpec` this plugin offers.

    Each factory is called as ``factory(num_classes=N, **params)`` and returns a
    callable ``loss(logits, class_indices) -> scalar tensor``.
    """


@hookspec
def torchdesk_schedulers() -> list:
    """Return a list of :class:`~torchdesk.core.specs.SchedulerSpec` this plugin offers.

    Each factory is called as ``factory(total_epochs=N, **params)`` and returns
    ``factor(epoch) -> float``, the multiple of the run's learning rate at ``epoch``
    (a float: epochs done so far, fractions included).
    """


@hookspec
def torchdesk_callbacks() -> list:
    """Return a list of :class:`~torchdesk.core.specs.CallbackSpec` this plugin offers.

    Each factory is called as ``factory(**params)`` and returns ``callback(event, control)``,
    called with every training event; ``control.stop(reason)`` ends the run after this epoch.
    """


@hookspec
def torchdesk_metrics() -> list:
    """Return a list of :class:`~torchdesk.core.specs.MetricSpec` this plugin offers.

    Each factory is called as ``factory(num_classes=N, **params)`` and returns an object with
    ``reset()``, ``update(logits, labels)`` and ``compute() -> float``, used on each test pass.
    """


@hookspec
def torchdesk_translations() -> str:
    """Return the folder of this plugin's translation catalogs (Qt ``.ts`` files named ``<name>_<language>.ts``).

    Component names, descriptions and parameter help are looked up in the
    ``components`` context, dataset class names in ``classes``; see docs/plugins.md.
    """


OTHER_HOOKS: tuple[str, ...] = ("torchdesk_translations",)
"""Hooks that provide something other than components."""

HOOK_KINDS: dict[str, str] = {
    "torchdesk_models": "model",
    "torchdesk_datasets": "dataset",
    "torchdesk_transforms": "transform",
    "torchdesk_optimizers": "optimizer",
    "torchdesk_losses": "loss",
    "torchdesk_schedulers": "scheduler",
    "torchdesk_callbacks": "callback",
    "torchdesk_metrics": "metric",
}
