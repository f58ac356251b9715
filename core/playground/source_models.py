"""Models typed in the playground, saved with their source and rebuilt from it in another session.

A checkpoint of ``playground.NeuralNetwork`` holds the weights and the Python code of the
class (found by :func:`~torchdesk.core.playground.sendable.class_source`), under
:data:`SOURCE_FIELD`. Another session has no such plugin; it reads the record with
:func:`source_record` and, only once the person has said they trust the file, runs the
code with :func:`class_from_source` to get the class back.
"""

from __future__ import annotations

from typing import Any

from torchdesk.core.checkpoint import MODEL_SOURCE_FIELD as SOURCE_FIELD
from torchdesk.core.checkpoint import CheckpointError
from torchdesk.core.i18n import translate

MAX_SOURCE = 200_000
PREAMBLE = ("import torch\nfrom torch import nn\nimport torch.nn.functional as F\n"
            "from torch.utils.data import Dataset, DataLoader\n")
"""The walkthrough's own imports, run before the saved code (a cell may have made them in an earlier cell)."""


class SourceModelError(CheckpointError):
    """The saved source could not rebuild the model; the message says why."""


def source_payload(spec_id: str, class_name: str, source: str, kind: str) -> dict[str, Any]:
    """The record a checkpoint keeps for a playground model."""
    return {"id": spec_id, "class_name": class_name, "source": source, "kind": kind}


def source_record(payload: dict[str, Any]) -> dict[str, str] | None:
    """The checked source record of a checkpoint payload, or None when it has none (or a malformed one)."""
    record = payload.get(SOURCE_FIELD) if isinstance(payload, dict) else None
    if not isinstance(record, dict):
        return None
    values = {key: record.get(key) for key in ("id", "class_name", "source", "kind")}
    if not all(isinstance(v, str) for v in values.values()):
        return None
    if not values["class_name"].isidentifier() or len(values["source"]) > MAX_SOURCE:
        return None
    return values  # type: ignore[return-value]


def class_from_source(record: dict[str, str]) -> type:
    """Run the saved code and return its model class. Runs the file's code: only after the person trusts it."""
    import torch

    namespace: dict[str, Any] = {"__name__": "torchdesk_playground_source"}
    try:
        exec(compile(PREAMBLE + record["source"], f"<saved {record['class_name']}>", "exec"), namespace)  # noqa: S102
    except Exception as exc:  # noqa: BLE001 - saved code may fail in any way
        raise SourceModelError(translate("source_models", "The code saved for {name} failed to run: {error}").format(
            name=record["class_name"], error=f"{type(exc).__name__}: {str(exc)[:300]}")) from exc
    cls = namespace.get(record["class_name"])
    if not (isinstance(cls, type) and issubclass(cls, torch.nn.Module)):
        raise SourceModelError(translate("source_models", "The code saved in the file does not define the model "
                                                          "class {name}.").format(name=record["class_name"]))
    return cls
