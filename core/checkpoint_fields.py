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

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
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
    check_expanded_size(obj, translate("checkpoint_fields", "The content of {name}").format(name=name))


def check_state_dict(state: Any, what: str) -> dict[str, torch.Tensor]:
    """A mapping of parameter names (text) to tensors."""
    state = expect_dict(state, what)
    if len(state) > MAX_TENSORS:
        raise FileContentError(translate("checkpoint_fields", "{what} holds {count:,} tensors; at most {limit:,} make "
                                                              "sense. The file is damaged; use another file.").format(
                                   what=what, count=len(state), limit=MAX_TENSORS))
    for key, value in state.items():
        expect_str(key, translate("checkpoint_fields", "A parameter name in {what}").format(what=what), MAX_NAME)
        expect(value, torch.Tensor, f"{what}[{key[:80]!r}]", QT_TRANSLATE_NOOP("untrusted", "a tensor"))
    return state


def check_input_shape(value: Any, what: str) -> tuple[int, ...]:
    """One sample's shape: 1 to 4 positive sizes whose product stays within what a desktop handles."""
    dims = expect_list(value, what, item=lambda v, w: expect_int(v, w, 1, MAX_INPUT_SIDE), max_items=MAX_INPUT_DIMS)
    if not dims:
        raise FileContentError(translate("checkpoint_fields", "{what} is empty; it should list a sample's sizes, like "
                                                              "[1, 28, 28]. The file is damaged; use another file.")
                               .format(what=what))
    if math.prod(dims) > MAX_INPUT_VALUES:
        raise FileContentError(translate(
            "checkpoint_fields", "{what} is {shape} ({count:,} values per sample), more than the {limit:,} torchdesk "
            "handles; building a model for it would exhaust memory. The file is damaged or hostile; use another "
            "file.").format(what=what, shape="×".join(map(str, dims)), count=math.prod(dims),
                            limit=MAX_INPUT_VALUES))
    return tuple(dims)


def _scalar(value: Any, what: str) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return expect_str(value, what, MAX_NAME)
    return expect(value, (int, float), what, QT_TRANSLATE_NOOP("untrusted", "a number, text, true/false or nothing"))


def _number_or_none(value: Any, what: str) -> Any:
    if value is None:
        return None
    return expect(value, (int, float), what, QT_TRANSLATE_NOOP("untrusted", "a number"))


def _component(value: Any, what: str) -> None:
    if isinstance(value, str):
        expect_str(value, what, MAX_NAME)
        return
    choice = expect_dict(value, what)
    expect_str(choice.get("id"), translate("checkpoint_fields", "{what} id").format(what=what), MAX_NAME)
    params = choice.get("params")
    if params is not None:
        for key, param in expect_dict(params, translate("checkpoint_fields", "{what} parameters").format(
                what=what)).items():
            expect_str(key, translate("checkpoint_fields", "A parameter name of {what}").format(what=what), MAX_NAME)
            _scalar(param, translate("checkpoint_fields", "{what} parameter {key}").format(
                what=what, key=repr(key[:80])))


def check_run_settings(config: Any, name: str) -> None:
    """Run settings (a :class:`~torchdesk.core.run_config.RunConfig` as a dict) from a checkpoint or a run file."""
    what = translate("checkpoint_fields", "The run settings in {name}").format(name=name)
    config = expect_dict(config, what)
    if len(config) > 200:
        raise FileContentError(translate("checkpoint_fields", "{what} has {count:,} entries; a run has about twenty. "
                                                              "The file is damaged; use another file.").format(
                                   what=what, count=len(config)))
    for key, value in config.items():
        expect_str(key, translate("checkpoint_fields", "A setting name in {name}").format(name=name), 100)
        field = translate("checkpoint_fields", "The setting {key} in {name}").format(key=repr(key[:100]), name=name)
        if key in COMPONENT_FIELDS:
            _component(value, field)
        elif key in COMPONENT_LIST_FIELDS:
            if value is not None:
                expect_list(value, field, item=_component, max_items=1_000)
        elif key == "lr_schedule_params":
            for param, item in expect_dict(value, field).items():
                expect_str(param, translate("checkpoint_fields", "A parameter name of {what}").format(what=field),
                           MAX_NAME)
                _scalar(item, translate("checkpoint_fields", "{what} parameter {key}").format(
                    what=field, key=repr(param[:80])))
        else:
            _scalar(value, field)
    from torchdesk.core.run_config import RunConfig

    try:
        RunConfig.from_dict(config)
    except (TypeError, ValueError, KeyError) as exc:
        raise FileContentError(translate("checkpoint_fields", "{what} cannot be read: {reason}. The file was written "
                                                              "by another program or version; use another file.")
                               .format(what=what, reason=str(exc)[:200])) from None


def _check_history(history: Any, name: str) -> None:
    what = translate("checkpoint_fields", "The training history in {name}").format(name=name)
    history = expect_dict(history, what)
    epochs = history.get("epochs", [])
    for index, record in enumerate(expect_list(epochs, translate("checkpoint_fields", "{what} (its epochs)").format(
            what=what), max_items=MAX_EPOCHS)):
        record = expect_dict(record, translate("checkpoint_fields", "Epoch record {number} in {name}").format(
            number=index + 1, name=name))
        for key, value in record.items():
            expect_str(key, translate("checkpoint_fields", "A key of epoch record {number} in {name}").format(
                number=index + 1, name=name), 100)
            _number_or_none(value, translate("checkpoint_fields", "{key} of epoch record {number} in {name}").format(
                key=repr(key[:100]), number=index + 1, name=name))
    if history.get("confusion") is not None:
        rows = expect_list(history["confusion"], translate("checkpoint_fields", "{what} (its confusion matrix)")
                           .format(what=what), max_items=MAX_CLASSES)
        for row in rows:
            expect_list(row, translate("checkpoint_fields", "{what} (a confusion matrix row)").format(what=what),
                        max_items=MAX_CLASSES, item=lambda v, w: expect_int(v, w, 0))
    losses = expect_list(history.get("batch_loss", []), translate("checkpoint_fields", "{what} (its batch losses)")
                         .format(what=what), max_items=MAX_BATCH_LOSSES)
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in losses):
        bad = next(v for v in losses if not isinstance(v, (int, float)) or isinstance(v, bool))
        expect(bad, float, translate("checkpoint_fields", "A batch loss in {name}").format(name=name),
               QT_TRANSLATE_NOOP("untrusted", "a number"))


def check_payload(payload: dict[str, Any], name: str) -> None:
    """Check a torchdesk checkpoint payload's fields (its structure was measured already)."""
    if "format_version" in payload:
        expect_int(payload["format_version"], translate("checkpoint_fields", "The format version of {name}").format(
            name=name), 0)
    model_state = payload.get("model_state")
    if model_state is None:
        raise FileContentError(translate("checkpoint_fields", "{name} is damaged: it has no model weights. Use "
                                                              "another file.").format(name=name))
    check_state_dict(model_state, translate("checkpoint_fields", "The model weights in {name}").format(name=name))
    if payload.get("config") is not None:
        check_run_settings(payload["config"], name)
    optimizer = payload.get("optimizer_state")
    if optimizer is not None:
        expect_dict(optimizer, translate("checkpoint_fields", "The optimizer state in {name}").format(name=name))
    if "epoch" in payload:
        expect_int(payload["epoch"], translate("checkpoint_fields", "The epoch count in {name}").format(name=name), 0,
                   MAX_EPOCHS)
    if payload.get("history") is not None:
        _check_history(payload["history"], name)
    if payload.get("class_names") is not None:
        expect_list(payload["class_names"], translate("checkpoint_fields", "The class names in {name}").format(
            name=name), item=lambda v, w: expect_str(v, w, MAX_NAME), max_items=MAX_CLASSES)
    if payload.get("input_shape") is not None:
        check_input_shape(payload["input_shape"], translate("checkpoint_fields", "The input shape in {name}").format(
            name=name))
    if payload.get("metrics") is not None:
        metrics = expect_dict(payload["metrics"], translate("checkpoint_fields", "The metrics in {name}").format(
            name=name))
        for key, value in metrics.items():
            expect_str(key, translate("checkpoint_fields", "A metric name in {name}").format(name=name), 100)
            _number_or_none(value, translate("checkpoint_fields", "The metric {key} in {name}").format(
                key=repr(key[:100]), name=name))
    field_names = {"created": QT_TRANSLATE_NOOP("checkpoint_fields", "The created in {name}"),
                   "torchdesk_version": QT_TRANSLATE_NOOP("checkpoint_fields", "The torchdesk version in {name}"),
                   "torch_version": QT_TRANSLATE_NOOP("checkpoint_fields", "The torch version in {name}")}
    for key in ("created", "torchdesk_version", "torch_version"):
        if payload.get(key) is not None:
            expect_str(payload[key], translate("checkpoint_fields", field_names[key]).format(name=name), 100)
    if payload.get("components") is not None:
        from torchdesk.core.checkpoint_components import check_records

        check_records(payload["components"], name)
    if payload.get("plugins") is not None:
        plugins = expect_dict(payload["plugins"], translate("checkpoint_fields", "The plugin records in {name}")
                              .format(name=name))
        for kind, record in plugins.items():
            expect_str(kind, translate("checkpoint_fields", "A plugin kind in {name}").format(name=name), 100)
            record = expect_dict(record, translate("checkpoint_fields", "The {kind} plugin record in {name}").format(
                kind=kind, name=name))
            for key, value in record.items():
                expect_str(key, translate("checkpoint_fields", "A key of the {kind} plugin record in {name}").format(
                    kind=kind, name=name), 100)
                expect_str(value, translate("checkpoint_fields", "{key} of the {kind} plugin record in {name}").format(
                    key=repr(key[:100]), kind=kind, name=name), MAX_NAME)
            expect_str(record.get("id"), translate("checkpoint_fields", "The {kind} plugin id in {name}").format(
                kind=kind, name=name), MAX_NAME)
