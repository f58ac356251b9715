"""The plugin contract: the hooks a torchdesk plugin may implement.

Each hook returns a list of specs from :mod:`torchdesk.core.specs`. A plugin is a
module (found through the ``torchdesk`` entry-point group) with functions marked
``@hookimpl``. Import heavy libraries such as torch inside factories, never at the
top of the plugin module, so listing plugins stays fast: torchdesk times each
plugin's import and hooks, and names one slower than two seconds at every start.
"""

from __future__ import annotations

import pluggy

PROJECT = "torchdesk"
ENTRY_POINT_GROUP = "torchdesk"

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


HOOK_KINDS: dict[str, str] = {
    "torchdesk_models": "model",
    "torchdesk_datasets": "dataset",
    "torchdesk_transforms": "transform",
    "torchdesk_optimizers": "optimizer",
    "torchdesk_losses": "loss",
}
