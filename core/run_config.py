"""Everything that defines a training run, as plain data.

A :class:`RunConfig` is what the training panel edits, what ``torchdesk train``
builds from its flags, what a checkpoint records to rebuild the run and what a run
file (TOML) stores. It holds ids and parameter values, never live objects.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.untrusted import (FileContentError, check_structure, describe, expect, expect_dict, expect_int,
                                      expect_number, expect_str)

LR_SCHEDULES = ("cosine", "constant")  # the built-in schedulers' ids from before schedulers were plugins
PRECISIONS = ("auto", "fp32", "bf16", "fp16")  # what each means: torchdesk.core.precision
MAX_ID_CHARS = 200
MAX_TEXT_CHARS = 4096
MAX_COMPONENTS = 100
MAX_COUNT = 1_000_000  # epochs or samples per batch: far beyond any real run, small enough to stay finite work
_FIX = QT_TRANSLATE_NOOP("run_config", "Correct that setting (the app's Export run… writes a valid run file).")


def _fix() -> str:
    return translate("run_config", _FIX)


def _setting_name(name: str) -> str:
    """``Run setting 'epochs'``: how messages name a setting."""
    return translate("run_config", "Run setting '{name}'").format(name=name)


@dataclass(frozen=True)
class ComponentChoice:
    """A component picked from the registry, with its parameter values."""

    id: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON/TOML-friendly form."""
        return {"id": self.id, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | str, what: str = "component") -> "ComponentChoice":
        """Inverse of :meth:`to_dict`; a bare string means the id with default params.

        Raises :class:`~torchdesk.core.untrusted.FileContentError` naming ``what`` when
        ``data`` is neither an id nor a table with an ``id`` and scalar ``params``.
        """
        if isinstance(data, str):
            return cls(expect_str(data, _setting_name(what), MAX_ID_CHARS, _fix()))
        if not isinstance(data, dict):
            raise FileContentError(translate("run_config", "{setting} should be a component id or a table with an id "
                                                           "(for example {{id = \"cnn\"}}) but holds {value}. {fix}")
                                   .format(setting=_setting_name(what), value=describe(data), fix=_fix()))
        spec_id = expect_str(data.get("id"), _setting_name(f"{what}.id"), MAX_ID_CHARS, _fix())
        params = expect_dict(data.get("params") or {}, _setting_name(f"{what}.params"), _fix())
        for name, value in params.items():
            expect_str(name, translate("run_config", "A parameter name in run setting '{name}'").format(
                name=f"{what}.params"), MAX_ID_CHARS, _fix())
            where = _setting_name(f"{what}.params.{name[:MAX_ID_CHARS]}")
            if isinstance(value, str):
                expect_str(value, where, MAX_TEXT_CHARS, _fix())
            else:
                expect(value, (int, float, bool), where, translate("run_config", "a number, text or true/false"),
                       _fix())
        return cls(spec_id, dict(params))


@dataclass(frozen=True)
class RunConfig:
    """A complete description of one training run."""

    dataset: ComponentChoice = ComponentChoice("fashion-mnist")
    model: ComponentChoice = ComponentChoice("cnn")
    optimizer: ComponentChoice = ComponentChoice("adamw")
    loss: ComponentChoice = ComponentChoice("cross-entropy")
    # Image transforms after the base ToTensor, in order; None means the dataset's defaults.
    transforms: tuple[ComponentChoice, ...] | None = None
    # Label transforms (the walkthrough's one-hot, for example).
    target_transforms: tuple[ComponentChoice, ...] = ()
    # Augmentations applied to the training split only.
    augmentations: tuple[ComponentChoice, ...] = ()
    epochs: int = 5
    batch_size: int = 64
    lr: float = 1e-3
    # The id of a learning-rate scheduler plugin ("cosine" anneals to zero, "constant" keeps the walkthrough's
    # rate; see `torchdesk plugins`) and its parameters.
    lr_schedule: str = "cosine"
    lr_schedule_params: dict[str, Any] = field(default_factory=dict)
    # Training callbacks (early stopping, ...) and test metrics (top-5 accuracy, ...), by plugin id.
    callbacks: tuple[ComponentChoice, ...] = ()
    metrics: tuple[ComponentChoice, ...] = ()
    device: str = "auto"
    # "auto", "fp32", "bf16" or "fp16" (torchdesk.core.precision). fp32 when a file or code does not say, so
    # runs saved before the setting existed resume as they were; new runs in the app and the CLI start at auto.
    precision: str = "fp32"
    seed: int | None = 0
    data_dir: str = ""
    download: bool = False
    train_subset: int = 0  # 0 = the whole training split; otherwise its first N samples
    test_subset: int = 0
    out: str = ""

    def replace(self, **changes: Any) -> "RunConfig":
        """A copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON/TOML-friendly form (stored in checkpoints and run files)."""
        data: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, ComponentChoice):
                value = value.to_dict()
            elif isinstance(value, tuple):
                value = [v.to_dict() for v in value]
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RunConfig":
        """Inverse of :meth:`to_dict`; unknown keys and wrongly typed values are rejected with a clear message.

        The data comes from files (run files, checkpoints, saved settings), so every
        value is checked (:class:`~torchdesk.core.untrusted.FileContentError`, a
        ``ValueError``, names the setting and what it should be) before it is used.
        """
        check_structure(data, translate("run_config", "the run settings"))
        expect_dict(data, translate("run_config", "the run settings"), _fix())
        known = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(str(key)[:MAX_ID_CHARS] for key in set(data) - set(known))
        if unknown:
            raise ValueError(translate("run_config", "unknown run settings: {names}").format(
                names=", ".join(unknown[:10])))
        return cls(**{name: _setting(name, value) for name, value in data.items()})


def _setting(name: str, value: Any) -> Any:
    """One run setting read from a file, checked against what :class:`RunConfig` holds there."""
    what = _setting_name(name)
    if name in ("dataset", "model", "optimizer", "loss"):
        return ComponentChoice.from_dict(value, name)
    if name in ("transforms", "target_transforms", "augmentations", "callbacks", "metrics"):
        if value is None and name == "transforms":
            return None
        if not isinstance(value, (list, tuple)):
            raise FileContentError(translate("run_config", "{setting} should be a list of components, for example "
                                                           "[\"normalize\"], but holds {value}. {fix}").format(
                setting=what, value=describe(value), fix=_fix()))
        if len(value) > MAX_COMPONENTS:
            raise FileContentError(translate("run_config", "{setting} lists {count:,} components; at most {limit} make "
                                                           "sense. {fix}").format(
                setting=what, count=len(value), limit=MAX_COMPONENTS, fix=_fix()))
        return tuple(ComponentChoice.from_dict(item, f"{name}[{index}]") for index, item in enumerate(value))
    if name in ("epochs", "batch_size"):
        return expect_int(value, what, 1, MAX_COUNT, _fix())
    if name in ("train_subset", "test_subset"):
        return expect_int(value, what, 0, None, _fix())
    if name == "seed":
        return None if value is None else expect_int(value, what, -(2 ** 63), 2 ** 64 - 1, _fix())
    if name == "lr":
        lr = expect_number(value, what, _fix())
        if not (math.isfinite(lr) and lr > 0):
            raise FileContentError(translate("run_config", "{setting} is {value}; it should be a number above 0. "
                                                           "{fix}").format(setting=what, value=lr, fix=_fix()))
        return value
    if name == "lr_schedule":  # any scheduler plugin's id: the registry says whether it exists when the run is built
        return ComponentChoice.from_dict(value, name).id
    if name == "lr_schedule_params":
        return ComponentChoice.from_dict({"id": "lr_schedule", "params": value}, "lr_schedule").params
    if name == "precision":
        precision = expect_str(value, what, MAX_ID_CHARS, _fix())
        if precision not in PRECISIONS:
            raise FileContentError(translate("run_config", "{setting} is {value}; it should be one of {choices}. "
                                                           "{fix}").format(
                setting=what, value=describe(precision), choices=", ".join(repr(p) for p in PRECISIONS), fix=_fix()))
        return precision
    if name == "download":
        return expect(value, bool, what, translate("run_config", "true or false"), _fix())
    return expect_str(value, what, MAX_TEXT_CHARS, _fix())  # device, data_dir, out
