"""Check everything a checkpoint file holds before anything uses it.

:func:`check_payload` runs once, right after ``torch.load``, on every checkpoint and
state dict torchdesk opens (the app, ``torchdesk evaluate``, ``load_model``, the
folder list). It first measures the whole structure (depth, distinct objects, and the
cost of walking it as a tree, which defeats exponentially shared lists), then checks
each known field's type and size. Afterwards :class:`~torchdesk.core.checkpoint.Checkpoint`
can trust its payload: a wrongly typed field is one :class:`FileContentError` naming
the file and the field, never a ``TypeError`` later, nor a hang in a ``repr``.

Fields a file lacks are allowed (older files); fields it has must be well formed.
Sizes that later drive allocations (the input shape, the class count) are bounded here.
"""

from __future__ import annotations

import math
from typing import Any

import torch

from torchdesk.core.specs import MAX_CLASSES
from torchdesk.core.untrusted import (
    FileContentError,
    check_expanded_size,
    expect,
    expect_dict,
    expect_int,
    expect_list,
    expect_str,
)

MAX_INPUT_DIMS = 4
MAX_INPUT_SIDE = 16_384
MAX_INPUT_VALUES = 3 * 4096 * 4096  # one sample: 192 MB as float32, far above any desktop dataset
MAX_EPOCHS = 1_000_000
MAX_BATCH_LOSSES = 20_000_000
MAX_TENSORS = 1_000_000
MAX_NAME = 1_000
COMPONENT_FIELDS = ("dataset", "model", "optimizer", "loss")
COMPONENT_LIST_FIELDS = ("transforms", "target_transforms", "augmentations", "callbacks", "metrics")


def check_structure_of(obj: Any, name: str) -> None:
    """Refuse a loaded object nested too deep, too large, self-containing or too costly to walk."""
    # The expanded size bounds the distinct objects and the depth too (check_structure's limits), in one pass.
    check_expanded_size(obj, f"The content of {name}")


def check_state_dict(state: Any, what: str) -> dict[str, torch.Tensor]:
    """A mapping of parameter names (text) to tensors."""
    state = expect_dict(state, what)
    if len(state) > MAX_TENSORS:
        raise FileContentError(f"{what} holds {len(state):,} tensors; at most {MAX_TENSORS:,} make sense. "
                               "The file is damaged; use another file.")
    for key, value in state.items():
        expect_str(key, f"A parameter name in {what}", MAX_NAME)
        expect(value, torch.Tensor, f"{what}[{key[:80]!r}]", "a tensor")
    return state


def check_input_shape(value: Any, what: str) -> tuple[int, ...]:
    """One sample's shape: 1 to 4 positive sizes whose product stays within what a desktop handles."""
    dims = expect_list(value, what, item=lambda v, w: expect_int(v, w, 1, MAX_INPUT_SIDE), max_items=MAX_INPUT_DIMS)
    if not dims:
        raise FileContentError(f"{what} is empty; it should list a sample's sizes, like [1, 28, 28]. "
                               "The file is damaged; use another file.")
    if math.prod(dims) > MAX_INPUT_VALUES:
        raise FileContentError(
            f"{what} is {'×'.join(map(str, dims))} ({math.prod(dims):,} values per sample), more than the "
            f"{MAX_INPUT_VALUES:,} torchdesk handles; building a model for it would exhaust memory. "
            "The file is damaged or hostile; use another file.")
    return tuple(dims)


def _scalar(value: Any, what: str) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return expect_str(value, what, MAX_NAME)
    return expect(value, (int, float), what, "a number, text, true/false or nothing")


def _number_or_none(value: Any, what: str) -> Any:
    if value is None:
        return None
    return expect(value, (int, float), what, "a number")


def _component(value: Any, what: str) -> None:
    if isinstance(value, str):
        expect_str(value, what, MAX_NAME)
        return
    choice = expect_dict(value, what)
    expect_str(choice.get("id"), f"{what} id", MAX_NAME)
    params = choice.get("params")
    if params is not None:
        for key, param in expect_dict(params, f"{what} parameters").items():
            expect_str(key, f"A parameter name of {what}", MAX_NAME)
            _scalar(param, f"{what} parameter {key[:80]!r}")


def check_run_settings(config: Any, name: str) -> None:
    """Run settings (a :class:`~torchdesk.core.run_config.RunConfig` as a dict) from a checkpoint or a run file."""
    what = f"The run settings in {name}"
    config = expect_dict(config, what)
    if len(config) > 200:
        raise FileContentError(f"{what} has {len(config):,} entries; a run has about twenty. The file is damaged; "
                               "use another file.")
    for key, value in config.items():
        expect_str(key, f"A setting name in {name}", 100)
        field = f"The setting {key[:100]!r} in {name}"
        if key in COMPONENT_FIELDS:
            _component(value, field)
        elif key in COMPONENT_LIST_FIELDS:
            if value is not None:
                expect_list(value, field, item=_component, max_items=1_000)
        elif key == "lr_schedule_params":
            for param, item in expect_dict(value, field).items():
                expect_str(param, f"A parameter name of {field}", MAX_NAME)
                _scalar(item, f"{field} parameter {param[:80]!r}")
        else:
            _scalar(value, field)
    from torchdesk.core.run_config import RunConfig

    try:
        RunConfig.from_dict(config)
    except (TypeError, ValueError, KeyError) as exc:
        raise FileContentError(f"{what} cannot be read: {str(exc)[:200]}. The file was written by another program "
                               "or version; use another file.") from None


def _check_history(history: Any, name: str) -> None:
    what = f"The training history in {name}"
    history = expect_dict(history, what)
    epochs = history.get("epochs", [])
    for index, record in enumerate(expect_list(epochs, f"{what} (its epochs)", max_items=MAX_EPOCHS)):
        record = expect_dict(record, f"Epoch record {index + 1} in {name}")
        for key, value in record.items():
            expect_str(key, f"A key of epoch record {index + 1} in {name}", 100)
            _number_or_none(value, f"{key[:100]!r} of epoch record {index + 1} in {name}")
    if history.get("confusion") is not None:
        rows = expect_list(history["confusion"], f"{what} (its confusion matrix)", max_items=MAX_CLASSES)
        for row in rows:
            expect_list(row, f"{what} (a confusion matrix row)", max_items=MAX_CLASSES,
                        item=lambda v, w: expect_int(v, w, 0))
    losses = expect_list(history.get("batch_loss", []), f"{what} (its batch losses)", max_items=MAX_BATCH_LOSSES)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in losses):
        bad = next(v for v in losses if not isinstance(v, (int, float)) or isinstance(v, bool))
        expect(bad, float, f"A batch loss in {name}", "a number")


def check_payload(payload: dict[str, Any], name: str) -> None:
    """Check a torchdesk checkpoint payload's fields (its structure was measured already)."""
    if "format_version" in payload:
        expect_int(payload["format_version"], f"The format version of {name}", 0)
    model_state = payload.get("model_state")
    if model_state is None:
        raise FileContentError(f"{name} is damaged: it has no model weights. Use another file.")
    check_state_dict(model_state, f"The model weights in {name}")
    if payload.get("config") is not None:
        check_run_settings(payload["config"], name)
    optimizer = payload.get("optimizer_state")
    if optimizer is not None:
        expect_dict(optimizer, f"The optimizer state in {name}")
    if "epoch" in payload:
        expect_int(payload["epoch"], f"The epoch count in {name}", 0, MAX_EPOCHS)
    if payload.get("history") is not None:
        _check_history(payload["history"], name)
    if payload.get("class_names") is not None:
        expect_list(payload["class_names"], f"The class names in {name}",
                    item=lambda v, w: expect_str(v, w, MAX_NAME), max_items=MAX_CLASSES)
    if payload.get("input_shape") is not None:
        check_input_shape(payload["input_shape"], f"The input shape in {name}")
    if payload.get("metrics") is not None:
        for key, value in expect_dict(payload["metrics"], f"The metrics in {name}").items():
            expect_str(key, f"A metric name in {name}", 100)
            _number_or_none(value, f"The metric {key[:100]!r} in {name}")
    for key in ("created", "torchdesk_version", "torch_version"):
        if payload.get(key) is not None:
            expect_str(payload[key], f"The {key.replace('_', ' ')} in {name}", 100)
    if payload.get("components") is not None:
        from torchdesk.core.checkpoint_components import check_records

        check_records(payload["components"], name)
    if payload.get("plugins") is not None:
        for kind, record in expect_dict(payload["plugins"], f"The plugin records in {name}").items():
            expect_str(kind, f"A plugin kind in {name}", 100)
            record = expect_dict(record, f"The {kind} plugin record in {name}")
            for key, value in record.items():
                expect_str(key, f"A key of the {kind} plugin record in {name}", 100)
                expect_str(value, f"{key[:100]!r} of the {kind} plugin record in {name}", MAX_NAME)
            expect_str(record.get("id"), f"The {kind} plugin id in {name}", MAX_NAME)
