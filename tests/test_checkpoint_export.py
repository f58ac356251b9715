"""Every export format's round trip, verification past a tolerance, and the safetensors reader/writer."""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path

import pytest
import torch

from torchdesk.core import export as export_module
from torchdesk.core.export import (
    FORMATS,
    ExportError,
    ExportVerificationError,
    export_metadata,
    export_model,
    sample_inputs,
    unavailable_reason,
)
from torchdesk.core.registry import get_registry
from torchdesk.core.safetensors_io import SafetensorsError, load_safetensors, save_safetensors
from torchdesk.plugins.models import build_mlp

HAS_ONNX = not unavailable_reason("onnx")


def mlp() -> torch.nn.Module:
    torch.manual_seed(0)
    return build_mlp((1, 28, 28), 10, hidden=32)


@pytest.mark.parametrize("format_id", ["pt2", "torchscript", "safetensors",
                                       pytest.param("onnx", marks=pytest.mark.skipif(
                                           not HAS_ONNX, reason="the onnx extra is not installed"))])
def test_each_format_round_trips_and_is_verified(tmp_path: Path, format_id: str) -> None:
    model = mlp()
    inputs = sample_inputs((1, 28, 28))
    steps = []
    path = tmp_path / f"model{FORMATS[format_id].suffix}"
    result = export_model(model, format_id, path, inputs, metadata={"note": "x"},
                          progress=lambda done, total: steps.append((done, total)))
    assert result.path == path and path.is_file() and result.size == path.stat().st_size
    assert result.max_abs_diff <= 1e-4 and result.samples == 8
    assert steps[0] == (0, 5) and steps[-1] == (5, 5)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    assert "verified on 8 samples" in result.summary()
    # Reload independently of export_model and compare on new inputs.
    other = torch.rand(3, 1, 28, 28)
    with torch.no_grad():
        expected = model.eval()(other)
        if format_id == "pt2":
            actual = torch.export.load(str(path)).module()(other)
        elif format_id == "torchscript":
            actual = torch.jit.load(str(path))(other)
        elif format_id == "onnx":
            import onnxruntime

            session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
            actual = torch.from_numpy(session.run(None, {session.get_inputs()[0].name: other.numpy()})[0])
        else:
            fresh = build_mlp((1, 28, 28), 10, hidden=32)
            fresh.load_state_dict(load_safetensors(path)[0])
            actual = fresh.eval()(other)
    assert torch.allclose(actual, expected, atol=1e-5)


def test_the_cnn_exports_to_pt2_and_torchscript(tmp_path: Path) -> None:
    spec = get_registry().model("cnn")
    model = spec.factory(input_shape=(1, 28, 28), num_classes=10, **spec.resolve_params({}))
    for format_id in ("pt2", "torchscript"):
        result = export_model(model, format_id, tmp_path / f"cnn{FORMATS[format_id].suffix}",
                              sample_inputs((1, 28, 28), count=4))
        assert result.max_abs_diff <= 1e-4


@pytest.mark.skipif(not HAS_ONNX, reason="the onnx extra is not installed")
def test_onnx_names_the_operation_it_cannot_express(tmp_path: Path) -> None:
    spec = get_registry().model("cnn")  # on 64x64 input: AdaptiveMaxPool2d(16 -> 3), which ONNX cannot express
    model = spec.factory(input_shape=(1, 64, 64), num_classes=10, **spec.resolve_params({}))
    with pytest.raises(ExportError, match="adaptive_max_pool2d"):
        export_model(model, "onnx", tmp_path / "cnn.onnx", sample_inputs((1, 64, 64), count=2))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not HAS_ONNX, reason="the onnx extra is not installed")
def test_the_builtin_cnn_on_mnist_exports_to_onnx(tmp_path: Path) -> None:
    spec = get_registry().model("cnn")
    model = spec.factory(input_shape=(1, 28, 28), num_classes=10, **spec.resolve_params({})).eval()
    result = export_model(model, "onnx", tmp_path / "cnn.onnx", sample_inputs((1, 28, 28), count=2))
    assert result.max_abs_diff <= 1e-4


def test_onnx_missing_is_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "onnxruntime" else real(name, *a))
    reason = unavailable_reason("onnx")
    assert "onnxruntime" in reason and "pip install" in reason
    assert "onnx" not in [f.id for f in export_module.available_formats()]
    with pytest.raises(ExportError, match="pip install"):
        export_model(mlp(), "onnx", tmp_path / "m.onnx", sample_inputs((1, 28, 28)))


def test_an_export_past_the_tolerance_fails_and_keeps_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writer, reader = export_module._HANDLERS["torchscript"]
    monkeypatch.setitem(export_module._HANDLERS, "torchscript",
                        (writer, lambda path, model, inputs: reader(path, model, inputs) + 0.01))
    with pytest.raises(ExportVerificationError, match="differ by up to 0.01") as info:
        export_model(mlp(), "torchscript", tmp_path / "m.ts.pt", sample_inputs((1, 28, 28)), tolerance=1e-3)
    assert info.value.max_abs_diff == pytest.approx(0.01, rel=1e-3)
    assert list(tmp_path.iterdir()) == []
    result = export_model(mlp(), "torchscript", tmp_path / "m.ts.pt", sample_inputs((1, 28, 28)), tolerance=0.1)
    assert result.max_abs_diff == pytest.approx(0.01, rel=1e-3)


def test_a_cancelled_export_writes_nothing(tmp_path: Path) -> None:
    from torchdesk.core.progress import Cancelled

    with pytest.raises(Cancelled):
        export_model(mlp(), "pt2", tmp_path / "m.pt2", sample_inputs((1, 28, 28)), cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_export_metadata_records_model_classes_and_shape() -> None:
    from torchdesk.core.run_config import RunConfig

    data = export_metadata(RunConfig(), ["a", "b"], (1, 28, 28))
    assert json.loads(data["class_names"]) == ["a", "b"] and json.loads(data["input_shape"]) == [1, 28, 28]
    assert data["dataset"] == "fashion-mnist" and all(isinstance(v, str) for v in data.values())


def test_safetensors_round_trip_of_every_dtype_and_metadata(tmp_path: Path) -> None:
    tensors = {"f32": torch.randn(3, 4), "f64": torch.randn(2, dtype=torch.float64),
               "f16": torch.randn(5).half(), "bf16": torch.randn(2, 2).bfloat16(),
               "i64": torch.arange(6).view(2, 3), "u8": torch.arange(4, dtype=torch.uint8),
               "bool": torch.tensor([True, False]), "scalar": torch.tensor(3.5), "empty": torch.zeros(0, 4),
               "view": torch.arange(12.0).view(3, 4).t()}
    save_safetensors(tensors, tmp_path / "w.safetensors", {"k": "v"})
    loaded, metadata = load_safetensors(tmp_path / "w.safetensors")
    assert metadata == {"k": "v"}
    for name, tensor in tensors.items():
        assert loaded[name].dtype == tensor.dtype and torch.equal(loaded[name], tensor), name


@pytest.mark.skipif(importlib.util.find_spec("safetensors") is None, reason="the safetensors package is not installed")
def test_safetensors_files_open_with_the_reference_library_and_back(tmp_path: Path) -> None:
    from safetensors.torch import load_file, save_file

    state = mlp().state_dict()
    save_safetensors(state, tmp_path / "ours.safetensors")
    theirs = load_file(str(tmp_path / "ours.safetensors"))
    assert all(torch.equal(theirs[k], v) for k, v in state.items())
    save_file({k: v.contiguous() for k, v in state.items()}, str(tmp_path / "theirs.safetensors"))
    ours = load_safetensors(tmp_path / "theirs.safetensors")[0]
    assert all(torch.equal(ours[k], v) for k, v in state.items())


@pytest.mark.parametrize("header", [
    {"w": {"dtype": "F32", "shape": [2**20, 2**20], "data_offsets": [0, 16]}},  # lies about its size
    {"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 10**12]}},  # points past the end
    {"w": {"dtype": "XX", "shape": [4], "data_offsets": [0, 16]}},
])
def test_a_hostile_safetensors_header_is_refused(tmp_path: Path, header: dict) -> None:
    encoded = json.dumps(header).encode()
    (tmp_path / "bad.safetensors").write_bytes(struct.pack("<Q", len(encoded)) + encoded + b"\0" * 16)
    with pytest.raises(SafetensorsError):
        load_safetensors(tmp_path / "bad.safetensors")
    (tmp_path / "huge.safetensors").write_bytes(struct.pack("<Q", 2**62) + b"{}")
    with pytest.raises(SafetensorsError, match="header claims"):
        load_safetensors(tmp_path / "huge.safetensors")


def test_a_torchscript_export_opened_as_a_checkpoint_says_what_it_is(tmp_path: Path) -> None:
    from torchdesk.core.checkpoint import CheckpointError, load_checkpoint

    export_model(mlp(), "torchscript", tmp_path / "m.ts.pt", sample_inputs((1, 28, 28), count=2))
    with pytest.raises(CheckpointError, match="TorchScript export, not a checkpoint"):
        load_checkpoint(tmp_path / "m.ts.pt")
