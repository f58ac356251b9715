"""Open any model file, as Netron does: see its layers, shapes, parameter counts and graph, and maybe classify with it.

One entry point, :func:`open_model_file`, serves the Model panel (``File > Open model…``)
and ``torchdesk inspect FILE``. It recognises the file by its content, not its name:

============================  ==========================================  ==============================
file                          read with                                   runs code from the file?
============================  ==========================================  ==============================
torchdesk checkpoint          :func:`~torchdesk.core.checkpoint.load_checkpoint` (weights only)      never
plain state dict              the same; the architecture is chosen        never
TorchScript (``.pt``/``.pth``) ``torch.jit.load``                           no Python: see below
``torch.export`` (``.pt2``)   its JSON description; running it: ``torch.export.load``  only when trusted
ONNX (``.onnx``)              ``onnx.load`` without external data          never (inspection only)
pickled whole model           ``torch.load(weights_only=False)``          only when trusted
============================  ==========================================  ==============================

TorchScript: ``code/`` is TorchScript, compiled by torch's own compiler, and the
pickles are read by torch's C++ unpickler, which builds only tensors and TorchScript
classes (a pickle naming ``os.system`` is refused as "Unknown type name").

``torch.export.load`` is not safe for files from elsewhere (torch's own docstring says
so; measured with torch 2.14: a tensor size written as an expression in
``models/model.json`` is evaluated by ``sympy.sympify``, and pickled weights are read
with ``weights_only=False``). So a ``.pt2`` is *inspected* from its JSON alone and only
*loaded* (to classify with it) after the person trusts it.

A damaged or hostile file gets the checkpoint treatment: a
:class:`~torchdesk.core.checkpoint.CheckpointError` whose message says what is wrong.
"""

from __future__ import annotations

import json
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import torch
from torch import nn

from torchdesk.core.checkpoint import (CheckpointError, UntrustedFileError, load_checkpoint, load_pickled_model,
                                       state_dict_predictor)
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, class_name_text, translate
from torchdesk.core.inspect.graph import ModelGraph, build_graph
from torchdesk.core.inspect.probe import format_shapes
from torchdesk.core.inspect.summary import LayerRow, ModelSummary, summarize
from torchdesk.core.model_file_readers import (FileContents, onnx_missing_message, read_onnx, read_pt2,
                                               read_torchscript)
from torchdesk.core.predictor import Predictor
from torchdesk.core.untrusted import FileContentError, describe

KINDS = {
    "checkpoint": QT_TRANSLATE_NOOP("model_files", "torchdesk checkpoint"),
    "state_dict": QT_TRANSLATE_NOOP("model_files", "state dict (weights only)"),
    "torchscript": QT_TRANSLATE_NOOP("model_files", "TorchScript module"),
    "pt2": QT_TRANSLATE_NOOP("model_files", "torch.export program"),
    "onnx": QT_TRANSLATE_NOOP("model_files", "ONNX model"),
    "pickled": QT_TRANSLATE_NOOP("model_files", "pickled whole model"),
}
FILE_FILTER = QT_TRANSLATE_NOOP("model_files", "Model files (*.pt *.pth *.pt2 *.onnx *.ts *.bin *.ckpt);;All files (*)")
"""English, marked for translation: show it with ``translate("model_files", FILE_FILTER)``."""


class ModelFileError(CheckpointError):
    """The file cannot be opened or used as asked; the message says why and what to do."""


@dataclass
class OpenedModel:
    """What a model file holds, ready to show: rows, totals, graph, shapes and, when it was loaded, the module.

    ``input_shape`` is one sample's ``(C, H, W)`` (or whatever the file's input is
    without its batch dimension) when the file or the caller says; ``module`` is a
    runnable ``nn.Module`` when the file was loaded (None for an ONNX file, a ``.pt2``
    that has not been trusted, or a state dict without an architecture).
    """

    path: Path
    kind: str
    summary: ModelSummary
    graph: ModelGraph
    input_shape: tuple[int, ...] | None = None
    class_names: list[str] = field(default_factory=list)
    dataset_id: str = ""
    notes: list[str] = field(default_factory=list)
    module: nn.Module | None = None
    dynamic_batch: bool = True

    @property
    def kind_name(self) -> str:
        """What people call this kind of file, in the current language."""
        return translate("model_files", KINDS[self.kind]) if self.kind in KINDS else self.kind

    @property
    def title(self) -> str:
        """The file's name and kind, for a status line or a window title."""
        return f"{self.path.name} ({self.kind_name})"

    @property
    def runs_after_trust(self) -> bool:
        """Whether running it (Classify) first needs the person to trust the file."""
        return self.kind == "pt2" and self.module is None

    def table(self) -> list[tuple[str, str, str, str]]:
        """``(name, type, output shape, parameters)`` for each layer, the whole model first, as the CLI prints it."""
        return [(row.name or translate("model_files", "(model)"), row.type, row.shape_text, f"{row.params:,}")
                for row in self.summary.rows]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``torchdesk inspect --json``."""
        return {
            "file": str(self.path), "kind": self.kind, "kind_name": KINDS.get(self.kind, self.kind),
            "input_shape": list(self.input_shape) if self.input_shape else None,
            "output_shapes": [list(s) for s in self.summary.output_shapes],
            "total_params": self.summary.total_params, "class_names": list(self.class_names),
            "layers": [{"name": row.name, "type": row.type, "depth": row.depth, "output_shapes": [
                list(s) for s in row.output_shapes], "params": row.params} for row in self.summary.rows],
            "graph": {"nodes": len(self.graph.nodes), "edges": len(self.graph.edges), "method": self.graph.method},
            "notes": list(self.notes),
        }


# -- opening ----------------------------------------------------------------------------------
def open_model_file(path: str | Path, trust: bool = False, input_shape: Sequence[int] | None = None,
                    registry: Any = None, model_id: str = "", dataset_id: str = "") -> OpenedModel:
    """Open ``path`` and describe its model; nothing in it runs Python unless ``trust`` is True.

    ``input_shape`` (one sample, e.g. ``(1, 28, 28)``) is used where the file does not
    say; ``model_id`` and ``dataset_id`` choose the architecture and image size a plain
    state dict is loaded into; ``trust`` lets a ``.pt2`` program be loaded (so it can
    classify) and a pickled whole model be opened.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise ModelFileError(translate("model_files", "{path} does not exist or is not a file.").format(path=path))
    if path.stat().st_size == 0:
        raise ModelFileError(translate("model_files", "{name} is empty, so it holds no model (its save may have been "
                                                      "interrupted).").format(name=path.name))
    shape = tuple(int(s) for s in input_shape) if input_shape else None
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                names = zf.namelist()
                kind = _archive_kind(names)
                if kind == "pt2":
                    _check_members(path, zf)
                    opened = _open_pt2(path, zf, shape)
                elif kind == "torchscript":
                    _check_members(path, zf)
            if kind == "pt2":
                return load_program(opened) if trust else opened
            if kind == "torchscript":
                return _open_torchscript(path, shape)
        elif _looks_like_onnx(path):
            return _open_onnx(path, shape)
        return _open_checkpoint(path, trust, shape, registry, model_id, dataset_id)
    except FileContentError as exc:
        raise ModelFileError(translate("model_files", "{name} is damaged or not a model file: {reason}").format(
            name=path.name, reason=exc)) from None
    except zipfile.BadZipFile:
        raise ModelFileError(translate("model_files", "{name} is damaged: its archive structure is broken (it was "
                                                      "truncated or changed after it was saved). Copy it again or "
                                                      "choose another file.").format(name=path.name)) from None


def _archive_kind(names: list[str]) -> str:
    if any(n.endswith("/archive_format") or "/models/" in n and n.endswith(".json") for n in names):
        return "pt2"
    if any(n.endswith("/constants.pkl") or "/code/__torch__" in n for n in names):
        return "torchscript"
    return "checkpoint"


def _check_members(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse members that point outside the archive or claim more bytes than a stored member of this file can."""
    size = path.stat().st_size
    for info in zf.infolist():
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", name) or ":" in name.split("/")[0]:
            raise ModelFileError(translate("model_files", "{name} is not a safe model file: it contains the path "
                                                          "{member}.").format(name=path.name, member=describe(name)))
        if info.file_size > size and info.compress_type == zipfile.ZIP_STORED:
            raise ModelFileError(translate("model_files", "{name} is not a safe model file: its member {member} "
                                                          "claims {claimed:,} bytes, more than the {size:,}-byte file "
                                                          "holds.").format(name=path.name, member=describe(name),
                                                                           claimed=info.file_size, size=size))
        if info.file_size > 100 * max(size, 1 << 20):  # torch stores members; a hugely compressed one is a bomb
            raise ModelFileError(translate("model_files", "{name} is not a safe model file: its member {member} "
                                                          "would unpack to {claimed:,} bytes.").format(
                                     name=path.name, member=describe(name), claimed=info.file_size))


def _looks_like_onnx(path: Path) -> bool:
    if path.suffix.lower() == ".onnx":
        return True
    with open(path, "rb") as fh:
        head = fh.read(2)
    return head[:1] == b"\x08" and path.suffix.lower() not in (".pt", ".pth")  # field 1 (ir_version), a varint


def _metadata_identity(metadata: dict[str, str]) -> tuple[list[str], tuple[int, ...] | None, str]:
    """Class names, input shape and dataset from torchdesk's export metadata (each checked, else empty)."""
    names: list[str] = []
    shape: tuple[int, ...] | None = None
    try:
        value = json.loads(metadata.get("class_names", "[]"))
        if isinstance(value, list) and len(value) <= 100_000 and all(isinstance(v, str) and len(v) < 200 for v in value):
            names = list(value)
        value = json.loads(metadata.get("input_shape", "null"))
        if isinstance(value, list) and 1 <= len(value) <= 4 and all(
                isinstance(v, int) and not isinstance(v, bool) and 0 < v < 65536 for v in value):
            shape = tuple(value)
    except (ValueError, RecursionError):
        pass
    dataset = metadata.get("dataset", "")
    return names, shape, dataset if len(dataset) < 200 else ""


def _sample_shape(shapes: list[tuple[int, ...]]) -> tuple[int, ...] | None:
    """One sample's shape from the first input's full shape (its batch dimension dropped)."""
    return tuple(shapes[0][1:]) if shapes and len(shapes[0]) >= 2 else None


def _summary(contents: FileContents, input_shape: tuple[int, ...] | None, text: str) -> ModelSummary:
    rows = contents.rows
    total = rows[0].params if rows else 0
    return ModelSummary(rows=rows, input_shape=(1, *input_shape) if input_shape else (),
                        output_shapes=contents.output_shapes, total_params=total, trainable_params=total,
                        param_bytes=0, buffer_bytes=0, macs=0, text=text)


def _from_contents(path: Path, kind: str, contents: FileContents, shape: tuple[int, ...] | None,
                   text: str) -> OpenedModel:
    names, meta_shape, dataset = _metadata_identity(contents.metadata)
    input_shape = _sample_shape(contents.input_shapes) or meta_shape or shape
    return OpenedModel(path=path, kind=kind, summary=_summary(contents, input_shape, text), graph=contents.graph,
                       input_shape=input_shape, class_names=names, dataset_id=dataset, notes=list(contents.notes),
                       dynamic_batch=contents.dynamic_batch)


def _open_pt2(path: Path, zf: zipfile.ZipFile, shape: tuple[int, ...] | None) -> OpenedModel:
    contents = read_pt2(path, zf)
    text = "\n".join(f"{node.label:<28} {node.shape_text:<18} {node.detail}" for node in contents.graph.nodes)
    opened = _from_contents(path, "pt2", contents, shape, text)
    opened.notes.append(translate("model_files", "Read from the program's own description; nothing in the file was "
                                                 "run. Using it in Classify loads it with torch.export.load, which can "
                                                 "run code from the file: only after you trust it."))
    return opened


def load_program(opened: OpenedModel) -> OpenedModel:
    """Load a trusted ``.pt2`` with ``torch.export.load`` so it can run; it runs code from the file."""
    if opened.kind != "pt2" or opened.module is not None:
        return opened
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            program = torch.export.load(str(opened.path))
            module = program.module()
    except Exception as exc:  # noqa: BLE001 - torch.export raises many kinds for a damaged program
        raise ModelFileError(translate("model_files", "{name} could not be loaded as a torch.export program ({error}: "
                                                      "{detail}). It may come from another PyTorch version or be "
                                                      "damaged.").format(name=opened.path.name,
                                                                         error=type(exc).__name__,
                                                                         detail=_first_line(exc))) from exc
    opened.module = FileModel(module, opened.kind, opened.dynamic_batch)
    return opened


def _open_torchscript(path: Path, shape: tuple[int, ...] | None) -> OpenedModel:
    module, metadata = load_torchscript(path)
    names, meta_shape, dataset = _metadata_identity(metadata)
    input_shape = meta_shape or shape
    output: tuple[tuple[int, ...], ...] = ()
    notes = [translate("model_files", "TorchScript modules cannot be hooked, so only the whole model's output shape "
                                      "is known.")]
    if input_shape is not None:
        try:
            with torch.no_grad():
                result = module(torch.rand(1, *input_shape))
            output = tuple(tuple(t.shape) for t in (result if isinstance(result, (tuple, list)) else [result])
                           if isinstance(t, torch.Tensor))
        except Exception as exc:  # noqa: BLE001 - a shape the module does not take
            notes.append(translate("model_files", "A {shape} sample did not pass through: {error}: {detail}").format(
                shape=format_shapes([(1, *input_shape)]), error=type(exc).__name__, detail=_first_line(exc)))
    else:
        notes.append(translate("model_files", "The file does not say its input shape: give one (--input-shape C,H,W) "
                                              "to see the output shape."))
    contents = read_torchscript(module, output)
    try:
        text = str(module.code)
    except Exception:  # noqa: BLE001 - a module without TorchScript code
        text = str(module)
    opened = _from_contents(path, "torchscript", contents, input_shape, text)
    opened.class_names, opened.dataset_id, opened.notes = names, dataset, notes
    opened.module = FileModel(module, "torchscript", True)
    return opened


def load_torchscript(path: Path) -> tuple[nn.Module, dict[str, str]]:
    """``torch.jit.load`` on the CPU, with torchdesk's metadata if the export stored it; damage is a sentence."""
    extra = {"torchdesk.json": ""}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.jit is deprecated upstream; its files still exist
            module = torch.jit.load(str(path), map_location="cpu", _extra_files=extra)
    except Exception as exc:  # noqa: BLE001 - the C++ reader raises RuntimeError for everything
        text = _first_line(exc)
        if "Unknown type name" in str(exc) or "Unknown builtin" in str(exc):
            raise ModelFileError(translate("model_files", "{name} is not a usable TorchScript file: it names Python "
                                                          "objects TorchScript does not know ({detail}). Nothing in it "
                                                          "was run. It is damaged or was made to attack programs that "
                                                          "read it.").format(name=path.name, detail=text)) from None
        raise ModelFileError(translate("model_files", "{name} is damaged: it could not be read as TorchScript "
                                                      "({detail}). Copy it again or choose another file.").format(
                                 name=path.name, detail=text)) from None
    metadata: dict[str, str] = {}
    raw = extra.get("torchdesk.json") or ""
    try:
        value = json.loads(raw) if raw and len(raw) < 1_000_000 else {}
        if isinstance(value, dict):
            metadata = {str(k)[:100]: v for k, v in value.items() if isinstance(v, str)}
    except (ValueError, RecursionError):
        pass
    return module, metadata


def _open_onnx(path: Path, shape: tuple[int, ...] | None) -> OpenedModel:
    missing = onnx_missing_message()
    if missing:
        raise ModelFileError(f"{path.name}: {missing}")
    contents = read_onnx(path)
    text = "\n".join(f"{row.name:<32} {row.type:<16} {row.shape_text}" for row in contents.rows[1:])
    opened = _from_contents(path, "onnx", contents, shape, text)
    opened.notes.append(translate("model_files", "ONNX files are shown, not run: to classify, open the model's .pt2 "
                                                 "or TorchScript export."))
    return opened


def _open_checkpoint(path: Path, trust: bool, shape: tuple[int, ...] | None, registry: Any, model_id: str,
                     dataset_id: str) -> OpenedModel:
    from torchdesk.core.registry import get_registry

    registry = registry or get_registry()
    try:
        checkpoint = load_checkpoint(path)
    except UntrustedFileError:
        if not trust:
            raise
        module = load_pickled_model(path, trust=True)
        input_shape = shape or _dataset_shape(registry, dataset_id)
        return _from_module(path, "pickled", module, input_shape, [], dataset_id)
    if checkpoint.kind == "torchdesk":
        module = checkpoint.build_model(registry)
        return _from_module(path, "checkpoint", module, tuple(checkpoint.input_shape), checkpoint.class_names,
                            (checkpoint.config.dataset.id if checkpoint.config else ""))
    if model_id and dataset_id:
        predictor = state_dict_predictor(checkpoint.model_state, registry, model_id, dataset_id, source=str(path))
        return _from_module(path, "state_dict", predictor.model, tuple(predictor.input_shape),
                            list(predictor.class_names), dataset_id)
    return _weights_only(path, checkpoint.model_state, shape)


def _dataset_shape(registry: Any, dataset_id: str) -> tuple[int, ...] | None:
    if not dataset_id:
        return None
    try:
        spec = registry.dataset(dataset_id)
    except LookupError:
        raise ModelFileError(translate("model_files", "There is no dataset {id}; see `torchdesk plugins` for the "
                                                      "installed ones.").format(id=repr(dataset_id))) from None
    return tuple(spec.input_shape) if spec.input_shape else None


def _from_module(path: Path, kind: str, module: nn.Module, input_shape: tuple[int, ...] | None,
                 class_names: list[str], dataset_id: str) -> OpenedModel:
    """An ``nn.Module`` from a checkpoint or a state dict, described by core.inspect (one forward pass with hooks)."""
    notes = []
    if input_shape is None:
        input_shape = (1, 28, 28)
        notes.append(translate("model_files", "The file does not say its input shape; shapes are for a 1×28×28 image "
                                              "(choose a dataset or give --input-shape to change it)."))
    module = module.to("cpu").eval()
    summary = summarize(module, input_shape)
    graph = build_graph(module, input_shape)
    return OpenedModel(path=path, kind=kind, summary=summary, graph=graph, input_shape=input_shape,
                       class_names=list(class_names), dataset_id=dataset_id, notes=notes, module=module)


def _weights_only(path: Path, state: dict[str, torch.Tensor], shape: tuple[int, ...] | None) -> OpenedModel:
    """A state dict without its architecture: one row per module prefix, with its tensors' shapes."""
    groups: dict[str, list[tuple[str, torch.Tensor]]] = {}
    for key, tensor in state.items():
        prefix, _, leaf = key.rpartition(".")
        groups.setdefault(prefix, []).append((leaf, tensor))
    total = sum(t.numel() for t in state.values())
    rows = [LayerRow(name="", type="state dict", depth=0, leaf=False, params=total, trainable=total)]
    for prefix, tensors in groups.items():
        count = sum(t.numel() for _, t in tensors)
        detail = ", ".join(f"{leaf} {'×'.join(map(str, t.shape)) or translate('inspect', 'scalar')}"
                           for leaf, t in tensors[:6])
        rows.append(LayerRow(name=prefix.replace(".", "/") if prefix else "(top level)", type="weights", depth=1,
                             leaf=True, params=count, trainable=count, detail=detail))
    summary = ModelSummary(rows=rows, input_shape=(), output_shapes=(), total_params=total, trainable_params=total,
                           param_bytes=sum(t.numel() * t.element_size() for t in state.values()), buffer_bytes=0,
                           macs=0, text="\n".join(f"{k}: {'×'.join(map(str, t.shape))} {t.dtype}"
                                                  for k, t in list(state.items())[:2000]))
    return OpenedModel(path=path, kind="state_dict", summary=summary, graph=ModelGraph([], [], method="weights"),
                       input_shape=shape, notes=[translate(
                           "model_files", "A state dict holds only weights: choose the model it was saved from (and "
                           "its dataset) to see its layers, shapes and graph.")])


# -- using it to classify ---------------------------------------------------------------------
class FileModel(nn.Module):
    """A loaded TorchScript module or ``torch.export`` program, behind a plain ``nn.Module``.

    The inner module is kept out of ``named_modules()``: TorchScript modules refuse the
    forward hooks the Model panel's inspection adds, and neither kind trains here. A
    program exported for one batch size is called one sample at a time.
    """

    def __init__(self, inner: Any, kind: str, dynamic_batch: bool) -> None:
        super().__init__()
        object.__setattr__(self, "_inner", inner)
        self.kind = kind
        self.dynamic_batch = dynamic_batch

    @property
    def inner(self) -> Any:
        """The loaded module itself."""
        return self._inner

    def forward(self, x: torch.Tensor) -> torch.Tensor:  # noqa: D102
        if self.dynamic_batch or x.shape[0] == 1:
            return self._inner(x)
        return torch.cat([self._inner(x[i:i + 1]) for i in range(x.shape[0])])

    def extra_repr(self) -> str:  # noqa: D102
        return f"kind={self.kind}"


def classify_predictor(opened: OpenedModel, registry: Any = None, dataset_id: str = "",
                       class_names: Sequence[str] | None = None) -> Predictor:
    """A :class:`Predictor` for a loaded model whose input and output fit images and classes.

    The input shape is the file's (or the chosen dataset's); one forward pass on a blank
    sample proves it takes that shape and gives one score per class. Class names come
    from ``class_names``, the file, or the dataset with as many classes; else numbers.
    Raises :class:`ModelFileError` with the forward pass's error when it does not fit.
    """
    from torchdesk.core.registry import get_registry

    if opened.module is None:
        if opened.runs_after_trust:
            raise UntrustedFileError(translate("model_files", "{name} must be trusted before it can classify: loading "
                                                              "a torch.export program can run code from the file.")
                                     .format(name=opened.path.name))
        advice = (translate("model_files", "Open the model's .pt2 or TorchScript export instead.")
                  if opened.kind == "onnx" else translate("model_files", "Choose the model it belongs to first."))
        raise ModelFileError(translate("model_files", "{name} is a {kind}; it cannot classify here. {advice}").format(
            name=opened.path.name, kind=opened.kind_name, advice=advice))
    registry = registry or get_registry()
    if opened.kind == "checkpoint":  # its own input pipeline (normalisation) comes with it
        return load_checkpoint(opened.path).predictor(registry)
    shape = opened.input_shape or _dataset_shape(registry, dataset_id or opened.dataset_id)
    if not shape or len(shape) != 3:
        raise ModelFileError(translate("model_files", "{name} does not take images: its input is {shape}, not "
                                                      "channels × height × width. Choose the dataset it was made "
                                                      "for.").format(
                                 name=opened.path.name,
                                 shape=format_shapes([shape]) if shape else translate("model_files", "unknown")))
    model = opened.module.to("cpu").eval()
    try:
        with torch.no_grad():
            out = model(torch.zeros(1, *shape))
    except Exception as exc:  # noqa: BLE001 - whatever the model raises is the reason it does not fit
        raise ModelFileError(translate("model_files", "The model in {name} does not accept {shape} images ({error}: "
                                                      "{detail}), so it cannot classify them.").format(
                                 name=opened.path.name, shape=format_shapes([(1, *shape)]),
                                 error=type(exc).__name__, detail=_first_line(exc))) from None
    if not isinstance(out, torch.Tensor) or out.dim() != 2:
        raise ModelFileError(translate("model_files", "The model in {name} does not give one score per class for each "
                                                      "image (it returns {value}), so it cannot classify.").format(
                                 name=opened.path.name, value=describe(out)))
    count = int(out.shape[1])
    names = list(class_names or opened.class_names)
    dataset = dataset_id or opened.dataset_id or _dataset_for(registry, shape, count)
    if len(names) != count:
        names = _dataset_names(registry, dataset, count) or [str(i) for i in range(count)]
    return Predictor(model=model, class_names=names, input_shape=shape, source=str(opened.path),  # type: ignore[arg-type]
                     extra={"model_file": opened.kind}, dataset_id=dataset)


def _dataset_names(registry: Any, dataset_id: str, count: int) -> list[str]:
    try:
        spec = registry.dataset(dataset_id) if dataset_id else None
    except LookupError:
        return []
    names = list(spec.class_names) if spec is not None and spec.class_names else []
    return names if len(names) == count else []


def _dataset_for(registry: Any, shape: tuple[int, ...], count: int) -> str:
    """The one installed dataset with this image shape and class count ('' when none or several fit)."""
    fitting = [spec.id for spec in registry.datasets()
               if spec.input_shape and tuple(spec.input_shape) == tuple(shape) and len(spec.class_names or ()) == count]
    return fitting[0] if len(fitting) == 1 else ""


def fitting_datasets(registry: Any, opened: OpenedModel) -> list[Any]:
    """The installed datasets whose image shape matches the file's input (what "Use in Classify" may offer)."""
    shape = opened.input_shape
    return [spec for spec in registry.datasets() if spec.input_shape and shape and tuple(spec.input_shape) == shape]


def _first_line(exc: BaseException) -> str:
    lines = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes (Korean and other wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns with a trailing ``…`` when it is wider."""
    if _columns(text) <= width:
        return text
    while text and _columns(text) > width - 1:
        text = text[:-1]
    return text + "…"


def format_table(opened: OpenedModel) -> str:
    """The layer table and totals as ``torchdesk inspect`` prints them."""
    header = (translate("model_files", "Layer"), translate("model_files", "Type"),
              translate("model_files", "Output shape"), translate("model_files", "Parameters"))
    rows = [("  " * row.depth + cells[0], *cells[1:]) for row, cells in zip(opened.summary.rows, opened.table())]
    widths = [min(max(_columns(r[i]) for r in [header, *rows]), 48) for i in range(4)]

    def line(cells: Sequence[str]) -> str:
        name, kind, shape, params = (_fit(c, w) for c, w in zip(cells, widths))
        pad = [" " * (w - _columns(c)) for c, w in zip((name, kind, shape, params), widths)]
        return f"{name}{pad[0]}  {kind}{pad[1]}  {shape}{pad[2]}  {pad[3]}{params}"

    body = [line(cells) for cells in rows]
    out = [f"{opened.path.name}: {opened.kind_name}", line(header), "-" * (sum(widths) + 6), *body, ""]
    shape = format_shapes([(1, *opened.input_shape)]) if opened.input_shape else translate("model_files", "unknown")
    out.append(translate("model_files", "Input: {input}   Output: {output}").format(
        input=shape, output=format_shapes(opened.summary.output_shapes)))
    out.append(translate("model_files", "Parameters: {count:,}   Graph: {nodes} nodes, {edges} edges").format(
        count=opened.summary.total_params, nodes=len(opened.graph.nodes), edges=len(opened.graph.edges)))
    if opened.class_names:
        shown = ", ".join(class_name_text(name) for name in opened.class_names[:10]) + (
            ", …" if len(opened.class_names) > 10 else "")
        out.append(translate("model_files", "Classes ({count}): {names}").format(count=len(opened.class_names),
                                                                                names=shown))
    out.extend(translate("model_files", "Note: {note}").format(note=note) for note in opened.notes)
    return "\n".join(out)


def parse_shape(text: str | None) -> tuple[int, ...] | None:
    """``"1,28,28"`` (or ``1x28x28``) as one sample's shape; None for no text; a sentence when it is not one."""
    if not text:
        return None
    parts = [p for p in re.split(r"[,x×\s]+", text.strip()) if p]
    if not 1 <= len(parts) <= 4 or not all(p.isdigit() and 0 < int(p) < 65536 for p in parts):
        raise ModelFileError(translate("model_files", "--input-shape expects one sample's shape such as 1,28,28 "
                                                      "(channels, height, width), got {value}.").format(
                                 value=describe(text, 40)))
    return tuple(int(p) for p in parts)
