"""Checkpoints: one file with everything needed to rebuild, resume or predict with a run.

A checkpoint holds the model and optimizer state dicts, the run config (plugin ids
and parameters), the plugins' distributions and versions, the epoch, the history,
the class names and input shape, and the torchdesk and torch versions. It is read
with ``torch.load(weights_only=True)``, so opening one never runs code, and written
to a temporary file that is renamed into place, so a crash mid-write leaves the
earlier file intact.

Two walkthrough formats open too: a plain state dict (``model_weights.pth``) loads
into a chosen model, and a whole pickled model (``model.pth``) only when the caller
explicitly trusts the file.
"""

from __future__ import annotations

import datetime as _dt
import io
import pickle
import pickletools
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from torchdesk.core.checkpoint_components import (component_records, legacy_records, migrated_config,
                                                  missing_component_message, stored_config, version_note)
from torchdesk.core.checkpoint_fields import check_payload, check_state_dict, check_structure_of
from torchdesk.core.i18n import component_text, translate
from torchdesk.core.plugin_guard import PluginError
from torchdesk.core.specs import ParamError
from torchdesk.core.predictor import Predictor
from torchdesk.core.registry import PluginRegistry, get_registry
from torchdesk.core.run_config import RunConfig
from torchdesk.core.safe_write import WriteError, atomic_target
from torchdesk.core.safe_write import make_readable as make_readable  # re-exported for exports and safetensors
from torchdesk.core.untrusted import FileContentError
from torchdesk.core.version import __version__

FORMAT = "torchdesk-checkpoint"
FORMAT_VERSION = 1


class CheckpointError(RuntimeError):
    """The file is not a usable checkpoint; the message says why and what to do."""


class UntrustedFileError(CheckpointError):
    """The file holds pickled Python objects that could run code; it needs explicit trust."""


class DamagedCheckpointError(CheckpointError):
    """A field of the file is missing, mistyped or out of bounds; the message names it."""


MODEL_SOURCE_FIELD = "model_source"
"""The payload field holding the source of a model typed in the playground (core/playground/source_models.py)."""


class MissingPluginError(CheckpointError):
    """The checkpoint's model comes from a plugin that is not installed."""


class PlaygroundCodeNeeded(MissingPluginError):
    """The model was typed in the playground: the file holds its code, which runs only once the person trusts it.

    ``record`` is the checked source record to hand
    :meth:`~torchdesk.core.playground.shared_models.PlaygroundModels.add_class_from_source`.
    """

    def __init__(self, message: str, record: dict[str, str]) -> None:
        super().__init__(message)
        self.record = record


class StateDictMismatchError(CheckpointError):
    """A state dict does not fit the chosen model; ``missing``, ``unexpected`` and ``mismatched`` list why."""

    def __init__(self, missing: list[str], unexpected: list[str], mismatched: list[str]) -> None:
        self.missing, self.unexpected, self.mismatched = missing, unexpected, mismatched
        parts = [translate("checkpoint", "The weights do not fit this model.")]
        for title, items in ((translate("checkpoint", "Missing in the file"), missing),
                             (translate("checkpoint", "Not in the model"), unexpected),
                             (translate("checkpoint", "Different shapes"), mismatched)):
            if items:
                shown = ", ".join(items[:12]) + (translate("checkpoint", " and {count} more").format(
                    count=len(items) - 12) if len(items) > 12 else "")
                parts.append(translate("checkpoint", "{title}: {items}.").format(title=title, items=shown))
        parts.append(translate("checkpoint", "Choose the model these weights were saved from."))
        super().__init__(" ".join(parts))


# -- writing ----------------------------------------------------------------------------------
def _component_record(registry: PluginRegistry, kind: str, spec_id: str) -> dict[str, str]:
    try:
        spec = registry.get(kind, spec_id)
    except LookupError:
        return {"id": spec_id}
    return {"id": spec.id, "plugin": spec.plugin, "distribution": spec.distribution, "version": spec.version}


def make_payload(config: RunConfig, registry: PluginRegistry, model: nn.Module, optimizer: Any, epoch: int,
                 history: dict[str, Any], class_names: list[str], input_shape: tuple[int, ...]) -> dict[str, Any]:
    """The dictionary a checkpoint file stores (only tensors and plain Python data)."""
    epochs = history.get("epochs", [])
    last = epochs[-1] if epochs else {}
    best = max((e.get("test_accuracy", float("nan")) for e in epochs), default=float("nan"))
    model_state = {k: v.detach().cpu() for k, v in model.state_dict().items()}
    return {
        **_model_source(registry, config.model.id),
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "torchdesk_version": __version__,
        "torch_version": str(torch.__version__),
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "config": config.to_dict(),
        "plugins": {
            "model": _component_record(registry, "model", config.model.id),
            "dataset": _component_record(registry, "dataset", config.dataset.id),
            "optimizer": _component_record(registry, "optimizer", config.optimizer.id),
            "loss": _component_record(registry, "loss", config.loss.id),
        },
        # Every component with its provenance and every resolved parameter, typed (checkpoint_components).
        "components": component_records(config, registry),
        "model_state": model_state,
        "optimizer_state": _to_cpu(optimizer.state_dict()) if optimizer is not None else None,
        # At an EpochEnd the trainer has recorded the epoch but not yet counted it: the history knows best.
        "epoch": max(int(epoch), int(last.get("epoch", 0) or 0)),
        "history": {"epochs": [dict(e) for e in epochs], "batch_loss": [float(v) for v in history.get("batch_loss", [])],
                    **({"confusion": [[int(c) for c in row] for row in history["confusion"]]}
                       if history.get("confusion") else {})},
        "class_names": [str(c) for c in class_names],
        "input_shape": [int(s) for s in input_shape],
        "metrics": {"test_accuracy": last.get("test_accuracy"), "best_test_accuracy": best,
                    "test_loss": last.get("test_loss"), "train_loss": last.get("train_loss")},
    }


def _model_source(registry: PluginRegistry, model_id: str) -> dict[str, Any]:
    """``{"model_source": record}`` for a model typed in the playground, whose class exists nowhere else."""
    try:
        source = registry.model(model_id).source
    except (LookupError, AttributeError):
        return {}
    return {MODEL_SOURCE_FIELD: dict(source)} if source else {}


def _to_cpu(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return value.detach().cpu()
    if isinstance(value, dict):
        return {k: _to_cpu(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_to_cpu(v) for v in value)
    return value


def atomic_save(obj: Any, path: str | Path) -> Path:
    """``torch.save`` to a temporary file beside ``path``, fsync, then rename over it.

    Only a regular file (or a new name) is written; devices, pipes and folders are
    refused, a full disk is a plain sentence, concurrent saves to one path take turns
    and stale temporary files of interrupted saves are removed
    (:func:`~torchdesk.core.safe_write.atomic_target`).
    """
    path = Path(path).expanduser()
    try:
        with atomic_target(path) as (_tmp, fh):
            torch.save(obj, fh)
    except WriteError as exc:
        raise CheckpointError(str(exc)) from exc
    return path


def save_checkpoint(path: str | Path, run: Any = None, payload: dict[str, Any] | None = None,
                    include_optimizer: bool = True) -> Path:
    """Write ``run``'s checkpoint (or a ready ``payload``) to ``path`` atomically."""
    if payload is None:
        if run is None:
            raise ValueError("save_checkpoint needs a run or a payload")
        payload = run.checkpoint_payload(include_optimizer=include_optimizer)
    return atomic_save(payload, path)


def unsaveable_reason(predictor: Predictor) -> str:
    """Why ``predictor`` cannot become a checkpoint ('' when it can): a model file's weights stay in that file."""
    if not predictor.extra.get("model_file"):
        return ""
    return translate("checkpoint", "This model was opened from a {kind} file to classify with; its weights live "
                                   "inside that file, which torchdesk does not rewrite. Keep or copy the file "
                                   "itself.").format(kind=predictor.extra["model_file"])


def predictor_payload(predictor: Predictor, registry: PluginRegistry, base: "Checkpoint | None" = None) -> Any:
    """What to save for a model that is not a live run: a checkpoint payload, or a plain state dict.

    When ``base`` is the torchdesk checkpoint the model was loaded from, everything in it
    (optimizer state, history) is kept and only the weights are refreshed, so the saved
    file still resumes. A model without a run config (a walkthrough state dict or a
    pickled model) is saved as a plain state dict, the walkthrough's own format.
    """
    refusal = unsaveable_reason(predictor)
    if refusal:
        raise CheckpointError(refusal)
    state = {k: v.detach().cpu() for k, v in predictor.model.state_dict().items()}
    if base is not None and base.kind == "torchdesk":
        payload = dict(base.payload)
        payload["model_state"] = state
        payload["created"] = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        return payload
    if predictor.config is None:
        return state
    return make_payload(config=predictor.config, registry=registry, model=predictor.model, optimizer=None, epoch=0,
                        history={}, class_names=list(predictor.class_names),
                        input_shape=tuple(predictor.input_shape))


# -- reading ----------------------------------------------------------------------------------
@dataclass
class Checkpoint:
    """A loaded checkpoint file: a torchdesk checkpoint or a walkthrough state dict."""

    path: Path
    kind: str  # "torchdesk" | "state_dict"
    payload: dict[str, Any] = field(repr=False)

    @property
    def config(self) -> RunConfig | None:
        """The run config that made it, as saved (None for a plain state dict); building uses :meth:`config_for`."""
        data = self.payload.get("config")
        return RunConfig.from_dict(data) if isinstance(data, dict) else None

    @property
    def component_records(self) -> list[dict[str, Any]]:
        """Each component's id, plugin, distribution, version and typed parameters (older files: the four main ones)."""
        records = self.payload.get("components") if self.kind == "torchdesk" else None
        if isinstance(records, list):
            return records
        return legacy_records(self.payload.get("plugins") or {}) if self.kind == "torchdesk" else []

    def config_for(self, registry: PluginRegistry) -> RunConfig | None:
        """:attr:`config` with every parameter as the file stored it (typed, defaults included), made fit for the
        installed plugins by their migrations (see :mod:`~torchdesk.core.checkpoint_components`)."""
        config = self.config
        if config is None:
            return None
        try:
            return migrated_config(stored_config(config, self.component_records), self.component_records, registry)
        except ParamError as exc:
            raise CheckpointError(str(exc)) from None

    @property
    def model_state(self) -> dict[str, torch.Tensor]:
        """The model's state dict."""
        return self.payload["model_state"] if self.kind == "torchdesk" else self.payload

    @property
    def epoch(self) -> int:
        """Epochs completed when it was saved."""
        return int(self.payload.get("epoch", 0)) if self.kind == "torchdesk" else 0

    @property
    def history(self) -> dict[str, Any]:
        """Per-epoch metrics and batch losses so far."""
        hist = self.payload.get("history") if self.kind == "torchdesk" else None
        if not hist:
            return {"epochs": [], "batch_loss": []}
        kept = {"epochs": list(hist.get("epochs", [])), "batch_loss": list(hist.get("batch_loss", []))}
        if hist.get("confusion"):
            kept["confusion"] = [list(row) for row in hist["confusion"]]  # the last epoch's, checked on load
        return kept

    @property
    def class_names(self) -> list[str]:
        """The dataset's class names."""
        return list(self.payload.get("class_names", [])) if self.kind == "torchdesk" else []

    @property
    def input_shape(self) -> tuple[int, ...]:
        """One input sample's shape."""
        return tuple(self.payload.get("input_shape", ())) if self.kind == "torchdesk" else ()

    @property
    def metrics(self) -> dict[str, Any]:
        """Test accuracy and losses at save time."""
        return dict(self.payload.get("metrics", {})) if self.kind == "torchdesk" else {}

    def check_plugins(self, registry: PluginRegistry) -> None:
        """Raise :class:`MissingPluginError` naming the package to install (or the plugin to switch on).

        A model typed in the playground raises :class:`PlaygroundCodeNeeded` instead, with the code the file holds.
        """
        self._check_playground_model(registry)
        message = missing_component_message(self.component_records, registry)
        if message:
            raise MissingPluginError(message)
        for kind, record in (self.payload.get("plugins") or {}).items():
            try:
                registry.get(kind, record["id"])
            except LookupError:
                dist = record.get("distribution") or translate("checkpoint", "the plugin that provides it")
                version = translate("checkpoint", " (version {version} made this file)").format(
                    version=record["version"]) if record.get("version") else ""
                raise MissingPluginError(translate(
                    "checkpoint", "This checkpoint's {kind} {id} comes from the package {dist}{version}, which is "
                    "not installed. Install it (pip install {dist}, or Plugins → Install… in the app) and open the "
                    "file again.").format(kind=kind, id=repr(record["id"]), dist=dist, version=version)
                ) from None

    def _check_playground_model(self, registry: PluginRegistry) -> None:
        from torchdesk.core.playground.source_models import source_record

        record = source_record(self.payload) if self.kind == "torchdesk" else None
        if record is None:
            return
        try:
            registry.model(record["id"])
        except LookupError:
            raise PlaygroundCodeNeeded(translate(
                "checkpoint", "This checkpoint's model {name} was typed in the playground's Python mode, and the file "
                              "holds its Python code. Running that code can do anything your account can: open the "
                              "file in the app and trust it only if you know where it comes from.").format(
                name=record["class_name"]), record) from None

    def build_model(self, registry: PluginRegistry | None = None) -> nn.Module:
        """Rebuild the model from its plugin and load the weights."""
        if self.kind != "torchdesk":
            raise CheckpointError(translate("checkpoint", "A plain state dict does not say which model it belongs "
                                                          "to: choose the model and use load_state_dict_into()."))
        registry = registry or get_registry()
        self.check_plugins(registry)
        config = self.config_for(registry)
        if config is None:
            raise CheckpointError(translate("checkpoint", "{name} does not record the run settings its model was "
                                                          "built with, so the model cannot be rebuilt. Use another "
                                                          "file.").format(name=self.path.name))
        try:
            return self._build_model(registry, config)
        except (StateDictMismatchError, PluginError, ParamError) as exc:
            note = version_note(self.component_records, registry)
            if not note:
                raise
            raise CheckpointError(str(exc) + note) from exc

    def _build_model(self, registry: PluginRegistry, config: RunConfig) -> nn.Module:
        from torchdesk.core.session import build_model

        shape, classes = self.input_shape, len(self.class_names)
        # The file's settings (input shape, class count, parameters) size the model: check that the result fits the
        # weights on the meta device, which allocates nothing, before building it for real.
        try:
            with torch.device("meta"):
                shell = build_model(registry, config, shape, classes)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a factory that cannot build on meta is checked by the real build below
            shell = None
        if shell is not None:
            _check_fits(shell.state_dict(), self.model_state)
            del shell
        model = build_model(registry, config, shape, classes)  # type: ignore[arg-type]
        load_state_dict_into(model, self.model_state)
        return model

    def predictor(self, registry: PluginRegistry | None = None, device: str | torch.device = "cpu") -> Predictor:
        """The model ready to predict, with its input pipeline."""
        registry = registry or get_registry()
        from torchdesk.core.data import eval_transform_for

        model = self.build_model(registry).to(device).eval()
        config = self.config_for(registry)
        assert config is not None
        return Predictor(model=model, class_names=self.class_names, input_shape=self.input_shape,  # type: ignore[arg-type]
                         transform=eval_transform_for(registry, config), source=str(self.path), config=config)

    def restore_into(self, model: nn.Module, optimizer: Any = None) -> None:
        """Load the model (and optimizer, when saved) state to resume training."""
        load_state_dict_into(model, self.model_state)
        state = self.payload.get("optimizer_state") if self.kind == "torchdesk" else None
        if optimizer is not None and state is not None:
            optimizer.load_state_dict(state)


def load_state_dict_into(model: nn.Module, state: dict[str, Any]) -> None:
    """Load ``state`` into ``model``, listing missing, unexpected and mis-shaped keys when it does not fit."""
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise CheckpointError(translate("checkpoint", "This file does not hold a state dict (a mapping of names to "
                                                      "tensors)."))
    _check_fits(model.state_dict(), state)
    model.load_state_dict(state)


def _check_fits(own: dict[str, Any], state: dict[str, Any]) -> None:
    """Raise :class:`StateDictMismatchError` unless ``state`` has exactly ``own``'s keys and shapes."""
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own]
    mismatched = [translate("checkpoint", "{key} (file {file_shape}, model {model_shape})").format(
                      key=k, file_shape=tuple(state[k].shape), model_shape=tuple(own[k].shape))
                  for k in own if k in state and tuple(state[k].shape) != tuple(own[k].shape)]
    if missing or unexpected or mismatched:
        raise StateDictMismatchError(missing, unexpected, mismatched)


def load_checkpoint(path: str | Path) -> Checkpoint:
    """Open a checkpoint or walkthrough state dict safely (``weights_only=True``), or explain why not.

    Everything in the file is checked (:mod:`~torchdesk.core.checkpoint_fields`) before
    it is returned, so a damaged or hostile file is one :class:`CheckpointError` here and
    never a ``TypeError`` or a hang later.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise CheckpointError(translate("checkpoint", "{path} does not exist or is not a file.").format(path=path))
    try:
        obj = _safe_load(path)
    except CheckpointError:
        raise
    except pickle.UnpicklingError as exc:
        if _pickle_verdict(path) != "imports":
            raise CheckpointError(_damaged(path)) from exc
        raise UntrustedFileError(translate(
            "checkpoint", "{name} contains pickled Python objects, not only weights (for example a whole model saved "
            "with torch.save(model, ...)). Opening it could run code. Open it as a whole model only if you trust "
            "where it came from.{asks}").format(name=path.name, asks=_unsupported_global(exc))
        ) from exc
    except RecursionError as exc:
        raise CheckpointError(translate("checkpoint", "{name} is nested too deeply to be a checkpoint: it is damaged "
                                                      "or was made to crash programs that read it. Use another file.")
                              .format(name=path.name)) from exc
    except Exception as exc:  # noqa: BLE001 - torch's reader raises many kinds for a damaged file
        raise CheckpointError(_unreadable(path, exc)) from exc
    try:
        check_structure_of(obj, path.name)
        if isinstance(obj, dict) and obj.get("format") == FORMAT:
            version = obj.get("format_version")
            if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
                shown = version if isinstance(version, int) else translate("checkpoint", "unknown")
                raise CheckpointError(translate(
                    "checkpoint", "{name} was written by a newer torchdesk (checkpoint format {shown}; this version "
                    "reads up to {supported}). Update torchdesk to open it.").format(
                        name=path.name, shown=shown, supported=FORMAT_VERSION)
                )
            check_payload(obj, path.name)
            return Checkpoint(path=path, kind="torchdesk", payload=obj)
        if isinstance(obj, dict) and obj and all(isinstance(v, torch.Tensor) for v in obj.values()):
            check_state_dict(obj, translate("checkpoint", "The weights in {name}").format(name=path.name))
            return Checkpoint(path=path, kind="state_dict", payload=obj)
    except FileContentError as exc:
        raise DamagedCheckpointError(str(exc)) from None
    raise CheckpointError(translate(
        "checkpoint", "{name} is a PyTorch file but not a checkpoint or a state dict (it holds a {type}).").format(
            name=path.name, type=type(obj).__name__)
    )


def _safe_load(path: Path) -> Any:
    # mmap keeps a file with a huge (possibly lying) tensor from being read into memory at once.
    if zipfile.is_zipfile(path):
        _check_zip_members(path)
        return torch.load(path, map_location="cpu", weights_only=True, mmap=True)
    with open(path, "rb") as fh:
        head = fh.read(2)
    if not head:
        raise CheckpointError(translate("checkpoint", "{name} is empty, so it could not be read as a checkpoint "
                                                      "(its save may have been interrupted). Choose another file.")
                              .format(name=path.name))
    if head == b"PK":
        raise CheckpointError(translate("checkpoint", "{name} starts like a PyTorch file but its end is missing: it "
                                                      "is truncated or damaged (an interrupted copy or download?). "
                                                      "Copy it again or choose another file.").format(name=path.name))
    if head[:1] != b"\x80":
        raise CheckpointError(translate("checkpoint", "{name} is not a PyTorch file (it does not start like one).")
                              .format(name=path.name))
    _check_legacy_sizes(path)
    return torch.load(path, map_location="cpu", weights_only=True)


def _check_zip_members(path: Path) -> None:
    """Refuse other programs' archives, members that point outside the archive or claim more bytes than the file."""
    size = path.stat().st_size
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        if any(n.endswith("/constants.pkl") or "/code/__torch__" in n for n in names):
            raise CheckpointError(translate("checkpoint", "{name} is a TorchScript export, not a checkpoint: it runs "
                                                          "with torch.jit.load or LibTorch. To train or classify in "
                                                          "torchdesk, open the checkpoint it came from.")
                                  .format(name=path.name))
        if any(n.endswith("/archive_format") or "/models/" in n and n.endswith(".json") for n in names):
            raise CheckpointError(translate("checkpoint", "{name} is a torch.export program (.pt2), not a checkpoint: "
                                                          "it runs with torch.export.load. To train or classify in "
                                                          "torchdesk, open the checkpoint it came from.")
                                  .format(name=path.name))
        if not any(n == "data.pkl" or n.endswith("/data.pkl") for n in names):
            raise CheckpointError(translate("checkpoint", "{name} is a zip archive but not a PyTorch checkpoint (it "
                                                          "has no data.pkl). Choose a .pt or .pth file saved with "
                                                          "torch.save.").format(name=path.name))
        for info in zf.infolist():
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", name) or ":" in name.split("/")[0]:
                raise CheckpointError(translate("checkpoint", "{name} is not a safe checkpoint: it contains the path "
                                                              "{member}.").format(name=path.name,
                                                                                  member=repr(name[:200])))
            if info.file_size > size:  # torch stores members uncompressed: more than the file holds is a bomb
                raise CheckpointError(translate(
                    "checkpoint", "{name} is not a safe checkpoint: its member {member} claims {claimed:,} bytes, "
                    "more than the {size:,}-byte file can hold.").format(
                        name=path.name, member=repr(name[:200]), claimed=info.file_size, size=size))


def _allowed_globals() -> set[str]:
    """The globals torch's weights-only reader accepts, as ``module.name``."""
    try:
        from torch import _weights_only_unpickler

        return set(_weights_only_unpickler._get_allowed_globals())
    except Exception:  # noqa: BLE001 - a private helper; without it every global counts as foreign
        return set()


def _pickle_streams(path: Path) -> list[bytes | io.BufferedReader]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            member = next(n for n in zf.namelist() if n == "data.pkl" or n.endswith("/data.pkl"))
            return [zf.read(member)]
    return [open(path, "rb")]  # noqa: SIM115 - closed by the caller


def _pickle_verdict(path: Path) -> str:
    """``"imports"`` when the file's pickle names Python objects beyond plain weights, else ``"damaged"``.

    torch's weights-only reader raises the same error for a pickle that imports code and
    for bytes that are no pickle at all; only the first deserves the offer to trust the
    file. The pickle is walked opcode by opcode: nothing is imported or called.
    """
    allowed = _allowed_globals()
    try:
        streams = _pickle_streams(path)
    except Exception:  # noqa: BLE001 - an archive that cannot even be listed is damaged
        return "damaged"
    try:
        source = streams[0]
        data = io.BytesIO(source) if isinstance(source, bytes) else source
        count = 1 if isinstance(source, bytes) else 4  # legacy: magic, protocol, system info, then the object
        foreign = False
        for _ in range(count):
            strings: list[str] = []
            memo: dict[int, Any] = {}
            for op, arg, _pos in pickletools.genops(data):
                if isinstance(arg, str) and "UNICODE" in op.name or op.name in ("STRING", "BINSTRING", "SHORT_BINSTRING"):
                    strings.append(str(arg))
                elif op.name in ("PUT", "BINPUT", "LONG_BINPUT") and strings:
                    memo[int(arg)] = strings[-1]
                elif op.name == "MEMOIZE" and strings:
                    memo[len(memo)] = strings[-1]
                elif op.name in ("GET", "BINGET", "LONG_BINGET") and isinstance(memo.get(int(arg)), str):
                    strings.append(memo[int(arg)])
                if op.name in ("GLOBAL", "INST"):
                    foreign |= ".".join(str(arg).split(" ", 1)) not in allowed
                elif op.name == "STACK_GLOBAL":
                    foreign |= len(strings) < 2 or f"{strings[-2]}.{strings[-1]}" not in allowed
        return "imports" if foreign else "damaged"
    except Exception:  # noqa: BLE001 - bytes that are no valid pickle
        return "damaged"
    finally:
        if not isinstance(streams[0], bytes):
            streams[0].close()


def _damaged(path: Path) -> str:
    return translate("checkpoint", "{name} is damaged: its contents are broken data, not a checkpoint (nor a "
                                   "pickled model, so trusting it would not help). Copy it again or choose another "
                                   "file.").format(name=path.name)


_ELEMENT_SIZES = {"Double": 8, "Float": 4, "Half": 2, "BFloat16": 2, "Long": 8, "Int": 4, "Short": 2, "Char": 1,
                  "Byte": 1, "Bool": 1, "ComplexFloat": 8, "ComplexDouble": 16, "Untyped": 1}


def _check_legacy_sizes(path: Path) -> None:
    """Refuse a pre-zip (legacy) file whose tensors claim more bytes than the file holds.

    The legacy reader allocates each storage at the size its header states before
    reading it, so a 200-byte file could ask for terabytes. The pickles are only
    walked opcode by opcode here (nothing is imported or called).
    """
    size = path.stat().st_size
    claimed = 0
    try:
        with open(path, "rb") as fh:
            for _ in range(4):  # magic number, protocol version, system info, the object itself
                ops = list(pickletools.genops(fh))
            for index, (op, arg, _pos) in enumerate(ops):
                if op.name in ("GLOBAL", "STACK_GLOBAL") and isinstance(arg, str) and arg.endswith("Storage"):
                    kind = arg.split()[-1].removesuffix("Storage")
                    # The persistent id is (…, storage type, key, location, element count, …).
                    after = [a for o, a, _ in ops[index + 1:index + 16] if "PUT" not in o.name and o.name != "MEMOIZE"]
                    if len(after) >= 3 and isinstance(after[2], int):
                        claimed += max(after[2], 0) * _ELEMENT_SIZES.get(kind, 1)
    except (ValueError, EOFError, struct.error, UnicodeDecodeError, IndexError, TypeError):
        return  # not walkable: torch.load reports it as damaged
    if claimed > size:
        raise CheckpointError(translate("checkpoint", "{name} is not a safe checkpoint: its tensors claim {claimed:,} "
                                                      "bytes, more than the {size:,}-byte file holds (it is damaged "
                                                      "or made to exhaust memory).").format(
                                  name=path.name, claimed=claimed, size=size))


def _unsupported_global(exc: BaseException) -> str:
    """The Python object the file wanted to load, from torch's message (' It asks for …' or '')."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))
    match = re.search(r"(?:Unsupported global|GLOBAL|Unsupported operand)[^\n]*?([\w.]+\.[\w]+)", text)
    return translate("checkpoint", " It asks for {name}.").format(name=match.group(1)) if match else ""


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__


def _unreadable(path: Path, exc: BaseException) -> str:
    text = str(exc)[:2000]
    if "not resizable" in text or "can't allocate memory" in text:
        return translate("checkpoint", "{name} is not a safe checkpoint: its tensors claim more bytes than the file "
                                       "holds (it is damaged or made to exhaust memory). Nothing was loaded.").format(
                                           name=path.name)
    if "PytorchStreamReader" in text or "miniz" in text or isinstance(exc, zipfile.BadZipFile):
        return translate("checkpoint", "{name} is damaged: its archive structure is broken (it was truncated or "
                                       "changed after it was saved). Copy it again or choose another file.").format(
                                           name=path.name)
    if isinstance(exc, (KeyError, IndexError, TypeError, AttributeError, struct.error, EOFError, ValueError)):
        return _damaged(path)
    return translate("checkpoint", "{name} could not be read as a checkpoint: it may be truncated, damaged or not a "
                                   "PyTorch file ({error}: {detail}).").format(
                                       name=path.name, error=type(exc).__name__, detail=_first_line(exc))


def load_pickled_model(path: str | Path, trust: bool = False) -> nn.Module:
    """Load a whole model saved with ``torch.save(model, ...)``; runs the file's code, so only with ``trust``."""
    path = Path(path).expanduser()
    if not trust:
        raise UntrustedFileError(translate(
            "checkpoint", "{name} is a pickled model. Loading it runs code from the file, which can do anything your "
            "account can do. Load it only if you trust its source (pass trust=True / confirm in the app).").format(
                name=path.name)
        )
    try:
        obj = torch.load(path, map_location="cpu", weights_only=False, pickle_module=_walkthrough_pickle)
    except (AttributeError, ModuleNotFoundError, ImportError) as exc:
        raise CheckpointError(translate(
            "checkpoint", "{name} is a whole model whose class is defined in the code that saved it ({detail}), and "
            "that code is not available here. Save its weights instead, torch.save(model.state_dict(), ...), and "
            "open that file: it opens safely and you choose the model.").format(
                name=path.name, detail=_first_line(exc))
        ) from exc
    except Exception as exc:
        raise CheckpointError(_unreadable(path, exc)) from exc
    if not isinstance(obj, nn.Module):
        raise CheckpointError(translate("checkpoint", "{name} holds a {type}, not a model.").format(
            name=path.name, type=type(obj).__name__))
    return obj



class WalkthroughNeuralNetwork(nn.Module):
    """Stands in for the walkthrough's ``NeuralNetwork`` class when its ``model.pth`` is opened elsewhere.

    ``torch.save(model, "model.pth")`` pickles a reference to ``__main__.NeuralNetwork``,
    which only exists in the script that saved it. Unpickling restores the layers
    (``flatten``, ``linear_relu_stack``) into this class, whose ``forward`` is the walkthrough's.
    """

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # noqa: D102
        return self.linear_relu_stack(self.flatten(x))


class _WalkthroughUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        main = __import__("sys").modules.get("__main__")
        if module == "__main__" and name == "NeuralNetwork" and not hasattr(main, "NeuralNetwork"):
            return WalkthroughNeuralNetwork
        return super().find_class(module, name)


class _walkthrough_pickle:  # noqa: N801 - a stand-in for the ``pickle`` module torch.load takes
    Unpickler = _WalkthroughUnpickler
    load = staticmethod(pickle.load)
    __name__ = "pickle"


# -- the walkthrough's files as predictors ----------------------------------------------------
def walkthrough_config(model: Any, dataset_id: str) -> RunConfig:
    """The run config of a walkthrough model: ``ToTensor`` only (the walkthrough does not normalise)."""
    from torchdesk.core.run_config import ComponentChoice

    choice = model if isinstance(model, ComponentChoice) else ComponentChoice(str(model))
    return RunConfig(model=choice, dataset=ComponentChoice(dataset_id), transforms=())


def _dataset_shape(registry: PluginRegistry, dataset_id: str) -> tuple[tuple[int, int, int], list[str]]:
    spec = registry.dataset(dataset_id)
    if spec.input_shape is None:
        raise CheckpointError(translate("checkpoint", "The dataset {name} does not say its image size up front; "
                                                      "choose one that does (MNIST, Fashion-MNIST, CIFAR-10 …).")
                              .format(name=component_text(spec.name)))
    return tuple(spec.input_shape), list(spec.class_names)  # type: ignore[return-value]


def state_dict_predictor(state: dict[str, Any], registry: PluginRegistry, model: Any, dataset_id: str,
                         source: str = "") -> Predictor:
    """Load a plain state dict into the chosen registry model, built for the chosen dataset's images.

    Raises :class:`StateDictMismatchError` listing the keys and shapes that do not fit.
    """
    from torchdesk.core.session import build_model

    config = walkthrough_config(model, dataset_id)
    input_shape, class_names = _dataset_shape(registry, dataset_id)
    num_classes = len(class_names) or _out_features(state) or 10
    net = build_model(registry, config, input_shape, num_classes)
    load_state_dict_into(net, state)
    names = class_names if len(class_names) == num_classes else [str(i) for i in range(num_classes)]
    return Predictor(model=net.eval(), class_names=names, input_shape=input_shape, source=source, config=config)


def pickled_model_predictor(model: nn.Module, registry: PluginRegistry, dataset_id: str, source: str = "") -> Predictor:
    """A trusted whole model as a predictor for the chosen dataset's images (its class count is measured)."""
    input_shape, class_names = _dataset_shape(registry, dataset_id)
    model = model.to("cpu").eval()
    try:
        with torch.no_grad():
            out = model(torch.zeros(1, *input_shape))
    except Exception as exc:
        raise CheckpointError(translate("checkpoint", "The model does not accept {shape} images ({error}: {detail}). "
                                                      "Choose the data it was trained on.").format(
                                  shape="×".join(map(str, input_shape)), error=type(exc).__name__,
                                  detail=_first_line(exc))) from exc
    if not isinstance(out, torch.Tensor) or out.dim() != 2:
        raise CheckpointError(translate("checkpoint", "The model does not give one score per class for each image, "
                                                      "so it cannot classify."))
    n = int(out.shape[1])
    names = class_names if len(class_names) == n else [str(i) for i in range(n)]
    return Predictor(model=model, class_names=names, input_shape=input_shape, source=source,
                     extra={"whole_model": True}, dataset_id=dataset_id)


def _out_features(state: dict[str, Any]) -> int:
    """The class count a state dict's last bias suggests (0 when it cannot tell)."""
    biases = [v for k, v in state.items() if k.endswith("bias") and isinstance(v, torch.Tensor) and v.dim() == 1]
    return int(biases[-1].shape[0]) if biases else 0
