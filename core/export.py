"""Export a trained model to formats other programs read, and prove each export works.

Formats: TorchScript (``.ts.pt``), ``torch.export`` programs (``.pt2``), ONNX (``.onnx``,
when the optional ``onnx`` extra is installed) and safetensors weights (``.safetensors``,
written by :mod:`torchdesk.core.safetensors_io` through the ``safetensors`` library).

Every export is verified before it counts as done: the written file is read back,
run on sample inputs next to the eager model, and the largest absolute difference
of the outputs is reported. Past the tolerance the file is removed and
:class:`ExportVerificationError` says by how much it differed. The file is written
under a temporary name and renamed into place, so a failed or cancelled export
never leaves a half-written file where the person asked for one.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import re
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import torch
from torch import nn

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.safe_write import WriteError, atomic_target, check_free_space, check_target
from torchdesk.core.progress import CancelCheck, ProgressCallback, check_cancel, report

DEFAULT_TOLERANCE = 1e-4
STEPS = 5  # prepare, export, write, reload, compare


@dataclass(frozen=True)
class ExportFormat:
    """One way to export a model: its id, what people call it and the file suffix it writes."""

    id: str
    name: str
    suffix: str
    description: str
    note: str = ""  # a few words shown beside the name in format lists ("deprecated …")

    def label(self) -> str:
        """``TorchScript (.ts.pt) — deprecated …``: how a format list names it (in the current language)."""
        return f"{self.shown_name()} ({self.suffix})" + (f" — {translate('export', self.note)}" if self.note else "")

    def shown_name(self) -> str:
        """The name in the current language (``name`` itself stays English)."""
        return translate("export", self.name)

    def shown_description(self) -> str:
        """The description in the current language, for a tooltip."""
        return translate("export", self.description)


FORMATS: dict[str, ExportFormat] = {f.id: f for f in (
    ExportFormat("pt2", QT_TRANSLATE_NOOP("export", "torch.export program"), ".pt2",
                 QT_TRANSLATE_NOOP("export", "A torch.export ExportedProgram: the graph and weights, loadable with "
                                             "torch.export.load. The first export of a session takes a few seconds "
                                             "more while PyTorch loads its tracer.")),
    ExportFormat("torchscript", QT_TRANSLATE_NOOP("export", "TorchScript"), ".ts.pt",
                 QT_TRANSLATE_NOOP("export", "A traced TorchScript module for torch.jit.load and LibTorch (C++). "
                                             "Deprecated: since PyTorch 2.14 torch.jit.trace warns 'Please switch to "
                                             "torch.compile or torch.export'; prefer .pt2."),
                 note=QT_TRANSLATE_NOOP("export", "deprecated in PyTorch 2.14")),
    ExportFormat("onnx", QT_TRANSLATE_NOOP("export", "ONNX"), ".onnx",
                 QT_TRANSLATE_NOOP("export", "An ONNX graph for ONNX Runtime and other engines (needs the onnx extra: "
                                             "pip install 'torchdesk[onnx]').")),
    ExportFormat("safetensors", QT_TRANSLATE_NOOP("export", "safetensors weights"), ".safetensors",
                 QT_TRANSLATE_NOOP("export", "The weights only, in the safetensors format (safe to open anywhere, "
                                             "no code).")),
)}


class ExportError(ValueError):
    """The export could not be made; the message says why and what to do."""


class ExportVerificationError(ExportError):
    """The exported file runs, but its outputs differ from the eager model's by more than the tolerance."""

    def __init__(self, message: str, max_abs_diff: float) -> None:
        super().__init__(message)
        self.max_abs_diff = max_abs_diff


@dataclass(frozen=True)
class ExportResult:
    """A verified export: where it is, how close it is to the eager model, how long it took."""

    format: str
    path: Path
    max_abs_diff: float
    tolerance: float
    samples: int
    seconds: float
    size: int

    def summary(self) -> str:
        """One sentence for a status line or the CLI."""
        return translate("export", "Exported {format} to {name} ({size:.2f} MB); verified on {samples} samples: "
                                   "largest difference from the eager model {diff:.2e} (tolerance {tolerance:.0e}).")\
            .format(format=FORMATS[self.format].shown_name(), name=self.path.name, size=self.size / 1e6,
                    samples=self.samples, diff=self.max_abs_diff, tolerance=self.tolerance)


def unavailable_reason(format_id: str) -> str:
    """Why ``format_id`` cannot be exported here ('' when it can)."""
    if format_id not in FORMATS:
        return translate("export", "unknown export format {format}; choose one of {formats}").format(
            format=repr(format_id), formats=", ".join(FORMATS))
    if format_id == "onnx":
        missing = [name for name in ("onnx", "onnxruntime", "onnxscript") if importlib.util.find_spec(name) is None]
        if len(missing) == 1:
            return translate("export", "ONNX export needs {packages}, which is not installed. Install them with: "
                                       "pip install 'torchdesk[onnx]' onnxscript").format(packages=missing[0])
        if missing:
            return translate("export", "ONNX export needs {packages}, which are not installed. Install them with: "
                                       "pip install 'torchdesk[onnx]' onnxscript").format(packages=", ".join(missing))
    return ""


def available_formats() -> list[ExportFormat]:
    """The formats that can be exported in this environment."""
    return [f for f in FORMATS.values() if not unavailable_reason(f.id)]


def sample_inputs(input_shape: tuple[int, ...], count: int = 8, seed: int = 0) -> torch.Tensor:
    """A reproducible batch of inputs in ``[0, 1]`` shaped like the model's input, for verification."""
    generator = torch.Generator().manual_seed(seed)
    return torch.rand((count, *tuple(int(s) for s in input_shape)), generator=generator)


def export_model(model: nn.Module, format_id: str, path: str | Path, inputs: torch.Tensor,
                 tolerance: float = DEFAULT_TOLERANCE, metadata: dict[str, str] | None = None,
                 progress: ProgressCallback | None = None, cancel: CancelCheck | None = None) -> ExportResult:
    """Export ``model`` (a copy on the CPU, in eval mode) as ``format_id`` to ``path`` and verify it on ``inputs``."""
    reason = unavailable_reason(format_id)
    if reason:
        raise ExportError(reason)
    if not isinstance(inputs, torch.Tensor) or inputs.dim() < 2 or inputs.shape[0] < 1:
        raise ExportError(translate("export", "Export needs a batch of sample inputs shaped (N, …) to verify the "
                                              "exported model."))
    try:
        path = check_target(path)  # before the work: a device, pipe or folder is refused at once
    except WriteError as exc:
        raise ExportError(str(exc)) from exc
    started = time.perf_counter()
    report(progress, 0, STEPS)
    eager = _cpu_eval_copy(model)
    inputs = inputs.detach().to("cpu", torch.float32)
    with torch.no_grad():
        expected = eager(inputs)
    check_cancel(cancel)
    report(progress, 1, STEPS)
    writer, reader = _HANDLERS[format_id]
    try:
        # torch.jit.save aborts the process on a full disk: make sure the weights fit (twice, with room) first.
        weights = sum(v.numel() * v.element_size() for v in eager.state_dict().values())
        check_free_space(path, 2 * weights + (1 << 20))
        # The temporary name keeps the suffix: torch.export insists on ".pt2".
        with atomic_target(path, suffix=FORMATS[format_id].suffix) as (tmp, _fh):
            diff = _write_and_verify(format_id, writer, reader, eager, inputs, expected, tmp, metadata, tolerance,
                                     progress, cancel)
    except WriteError as exc:
        raise ExportError(str(exc)) from exc
    report(progress, STEPS, STEPS)
    return ExportResult(format=format_id, path=path, max_abs_diff=diff, tolerance=tolerance,
                        samples=int(inputs.shape[0]), seconds=time.perf_counter() - started,
                        size=path.stat().st_size)


def _write_and_verify(format_id: str, writer: Callable[..., None], reader: Callable[..., torch.Tensor],
                      eager: nn.Module, inputs: torch.Tensor, expected: Any, tmp: Path,
                      metadata: dict[str, str] | None, tolerance: float, progress: ProgressCallback | None,
                      cancel: CancelCheck | None) -> float:
    """Write the export to ``tmp``, run it on ``inputs`` and return the largest difference from ``expected``."""
    try:
        writer(eager, inputs, tmp, dict(metadata or {}))
    except (ExportError, OSError):
        raise
    except Exception as exc:  # a full disk inside it is recognised by atomic_target from the chain
        raise ExportError(_export_failure(format_id, exc)) from exc
    check_cancel(cancel)
    report(progress, 3, STEPS)
    try:
        with torch.no_grad():
            actual = reader(tmp, eager, inputs)
    except Exception as exc:
        raise ExportError(translate("export", "The exported {format} file could not be read back and run: "
                                              "{error}: {detail}").format(format=FORMATS[format_id].shown_name(),
                                                                          error=type(exc).__name__,
                                                                          detail=_first_line(exc))) from exc
    check_cancel(cancel)
    report(progress, 4, STEPS)
    diff = _max_abs_diff(expected, actual)
    if not diff <= tolerance:  # also catches NaN
        raise ExportVerificationError(translate(
            "export", "The {format} export does not match the model: its outputs differ by up to {diff:.3g} "
            "(tolerance {tolerance:.0e}). The file was not kept.").format(
                format=FORMATS[format_id].shown_name(), diff=diff, tolerance=tolerance), diff)
    return diff


# -- helpers ----------------------------------------------------------------------------------
def _cpu_eval_copy(model: nn.Module) -> nn.Module:
    try:
        clone = copy.deepcopy(model)
    except Exception as exc:
        raise ExportError(translate("export", "The model could not be copied for export: {reason}").format(
            reason=_first_line(exc))) from exc
    return clone.to("cpu").eval()


def _max_abs_diff(expected: Any, actual: Any) -> float:
    exp = expected if isinstance(expected, torch.Tensor) else torch.as_tensor(expected)
    act = actual if isinstance(actual, torch.Tensor) else torch.as_tensor(actual)
    if tuple(exp.shape) != tuple(act.shape):
        raise ExportVerificationError(translate("export", "The export gives outputs shaped {exported}, the model "
                                                          "{model}. The file was not kept.").format(
                                          exported=tuple(act.shape), model=tuple(exp.shape)), float("inf"))
    if exp.numel() == 0:
        return 0.0
    return float((exp.float() - act.float()).abs().max())


def _first_line(exc: BaseException) -> str:
    lines = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip().splitlines()
    return lines[0][:300] if lines else type(exc).__name__


def _export_failure(format_id: str, exc: BaseException) -> str:
    name = FORMATS[format_id].shown_name()
    text = "".join(traceback.format_exception(exc))
    op = re.search(r"No ONNX function found for <OpOverload\(op='([\w.]+)'", text) or re.search(
        r"Unsupported: ONNX export of operator (\w+)", text)
    if op:
        return translate("export", "{format} cannot express the operation {operation} that this model uses, so it "
                                   "cannot be exported this way. Export it as a torch.export program (.pt2) or "
                                   "TorchScript instead.").format(format=name, operation=op.group(1))
    return translate("export", "{format} export failed: {error}: {detail}. The model may use operations this format "
                               "does not support; try another format.").format(
                                   format=name, error=type(exc).__name__, detail=_first_line(exc))



def _batch_dim() -> Any:
    return torch.export.Dim("batch", min=1, max=1 << 16)


# -- torch.export (.pt2) ----------------------------------------------------------------------
def _write_pt2(model: nn.Module, inputs: torch.Tensor, path: Path, metadata: dict[str, str]) -> None:
    try:
        program = torch.export.export(model, (inputs,), dynamic_shapes=({0: _batch_dim()},))
    except Exception:
        program = torch.export.export(model, (inputs,))  # some models only trace with a fixed batch size
    buffer = io.BytesIO()
    torch.export.save(program, buffer, extra_files={"torchdesk.json": _json(metadata)} if metadata else None)
    _write_bytes(path, buffer)


def _read_pt2(path: Path, _model: nn.Module, inputs: torch.Tensor) -> torch.Tensor:
    return torch.export.load(str(path)).module()(inputs)


# -- TorchScript ------------------------------------------------------------------------------
def _write_torchscript(model: nn.Module, inputs: torch.Tensor, path: Path, metadata: dict[str, str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.jit is deprecated upstream; the export still works
        traced = torch.jit.trace(model, inputs, check_trace=False)
        buffer = io.BytesIO()
        torch.jit.save(traced, buffer, _extra_files={"torchdesk.json": _json(metadata)} if metadata else {})
    _write_bytes(path, buffer)


def _write_bytes(path: Path, buffer: io.BytesIO) -> None:
    """Write what a torch writer put in memory to ``path`` from Python.

    torch's C++ zip writer, given a file name, aborts the whole process when the disk
    fills (its destructor throws); in memory it cannot fail that way, and Python's
    own write reports a full disk as ``OSError(ENOSPC)``.
    """
    with open(path, "wb") as fh:
        fh.write(buffer.getbuffer())


def _read_torchscript(path: Path, _model: nn.Module, inputs: torch.Tensor) -> torch.Tensor:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.jit.load(str(path), map_location="cpu")(inputs)


# -- ONNX -------------------------------------------------------------------------------------
def _write_onnx(model: nn.Module, inputs: torch.Tensor, path: Path, metadata: dict[str, str]) -> None:
    import contextlib
    import io

    sink = io.StringIO()
    with warnings.catch_warnings(), contextlib.redirect_stdout(sink):
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (inputs,), str(path), input_names=["input"], output_names=["logits"],
                          dynamic_shapes=({0: _batch_dim()},), dynamo=True, external_data=False)
    if metadata:
        import onnx

        graph = onnx.load(str(path))
        for key, value in metadata.items():
            entry = graph.metadata_props.add()
            entry.key, entry.value = key, value
        onnx.save(graph, str(path))


def _read_onnx(path: Path, _model: nn.Module, inputs: torch.Tensor) -> torch.Tensor:
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    name = session.get_inputs()[0].name
    return torch.from_numpy(session.run(None, {name: inputs.numpy()})[0])


# -- safetensors ------------------------------------------------------------------------------
def _write_safetensors(model: nn.Module, _inputs: torch.Tensor, path: Path, metadata: dict[str, str]) -> None:
    from torchdesk.core.safetensors_io import save_safetensors

    save_safetensors(model.state_dict(), path, metadata)


def _read_safetensors(path: Path, model: nn.Module, inputs: torch.Tensor) -> torch.Tensor:
    from torchdesk.core.checkpoint import load_state_dict_into
    from torchdesk.core.safetensors_io import load_safetensors

    fresh = copy.deepcopy(model)
    with torch.no_grad():
        for tensor in fresh.state_dict().values():
            tensor.zero_()  # so the comparison proves the weights came from the file
    load_state_dict_into(fresh, load_safetensors(path)[0])
    return fresh.eval()(inputs)


def _json(metadata: dict[str, str]) -> str:
    import json

    return json.dumps(metadata, sort_keys=True)


_HANDLERS: dict[str, tuple[Callable[..., None], Callable[..., torch.Tensor]]] = {
    "pt2": (_write_pt2, _read_pt2),
    "torchscript": (_write_torchscript, _read_torchscript),
    "onnx": (_write_onnx, _read_onnx),
    "safetensors": (_write_safetensors, _read_safetensors),
}


def export_metadata(config: Any = None, class_names: list[str] | None = None,
                    input_shape: tuple[int, ...] | None = None) -> dict[str, str]:
    """Plain-string metadata stored beside the export (model id, classes, input shape)."""
    import json

    from torchdesk.core.version import __version__

    data = {"torchdesk_version": __version__, "torch_version": str(torch.__version__)}
    if config is not None:
        data["model"] = json.dumps(config.model.to_dict())
        data["dataset"] = config.dataset.id
    if class_names:
        data["class_names"] = json.dumps(list(class_names))
    if input_shape:
        data["input_shape"] = json.dumps([int(s) for s in input_shape])
    return data
