"""``torchdesk inspect FILE`` and :func:`open_model_file` on every model file format, made here from a tiny model.

Each file is written by the real writer (torch.jit.save, torch.export.save, ONNX,
torch.save, the checkpoint writer) into ``tmp_path`` and read through the real
opening code. Hostile files must not run anything (marker files never appear) and
must end in a sentence, never a traceback.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import pytest
import torch
from torch import nn

import hostile_files
from torchdesk.core.checkpoint import CheckpointError, UntrustedFileError
from torchdesk.core.cli import main
from torchdesk.core.model_files import ModelFileError, classify_predictor, open_model_file

SAMPLE = (1, 1, 28, 28)


def tiny_model(channels: int = 1) -> nn.Module:
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(channels, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 26 * 26, 10)).eval()


def save_torchscript(path: Path, how: str = "trace", channels: int = 1) -> Path:
    model = tiny_model(channels)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scripted = torch.jit.trace(model, torch.rand(1, channels, 28, 28)) if how == "trace" else torch.jit.script(model)
        torch.jit.save(scripted, str(path))
    return path


def save_pt2(path: Path, metadata: dict[str, str] | None = None) -> Path:
    program = torch.export.export(tiny_model(), (torch.rand(*SAMPLE),))
    torch.export.save(program, str(path), extra_files={"torchdesk.json": json.dumps(metadata)} if metadata else None)
    return path


def save_onnx(path: Path) -> Path:
    onnx = pytest.importorskip("onnx", reason="the optional onnx extra is not installed")
    from onnx import TensorProto, helper, numpy_helper

    model = tiny_model()
    conv, linear = model[0], model[3]
    weights = [numpy_helper.from_array(t.detach().numpy(), name) for name, t in (
        ("conv.weight", conv.weight), ("conv.bias", conv.bias), ("fc.weight", linear.weight), ("fc.bias", linear.bias))]
    nodes = [helper.make_node("Conv", ["input", "conv.weight", "conv.bias"], ["conv_out"], name="conv"),
             helper.make_node("Relu", ["conv_out"], ["relu_out"], name="relu"),
             helper.make_node("Flatten", ["relu_out"], ["flat"], name="flatten"),
             helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], name="fc", transB=1)]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info("input", TensorProto.FLOAT,
                                                                            ["batch", 1, 28, 28])],
                              [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 10])], weights)
    onnx.save(onnx.shape_inference.infer_shapes(helper.make_model(graph)), str(path))
    return path


def inspect(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["inspect", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


TINY_PARAMS = 4 * 1 * 9 + 4 + 4 * 26 * 26 * 10 + 10  # 27,090


# -- each format ------------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["trace", "script"])
def test_inspect_torchscript(tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str) -> None:
    path = save_torchscript(tmp_path / f"tiny_{how}.pt", how)
    code, out, err = inspect(capsys, str(path), "--input-shape", "1,28,28")
    assert code == 0, err
    assert "TorchScript module" in out and "Conv2d" in out and "Linear" in out
    assert f"{TINY_PARAMS:,}" in out and "Output: 1×10" in out


def test_inspect_pt2_shows_every_layers_shape_without_running_it(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = save_pt2(tmp_path / "tiny.pt2", {"class_names": json.dumps([f"c{i}" for i in range(10)])})
    code, out, err = inspect(capsys, str(path))
    assert code == 0, err
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "Conv2d" in lines["0"] and "1×4×26×26" in lines["0"] and "40" in lines["0"]
    assert "Linear" in lines["3"] and "1×10" in lines["3"] and "27,050" in lines["3"]
    assert "Input: 1×1×28×28" in out and "Classes (10): c0" in out and "nothing in the file was run" in out
    code, out, _ = inspect(capsys, str(path), "--json")
    data = json.loads(out)
    assert data["kind"] == "pt2" and data["total_params"] == TINY_PARAMS and data["input_shape"] == [1, 28, 28]
    assert data["graph"]["nodes"] >= 6 and data["graph"]["edges"] >= 5


def test_inspect_onnx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = save_onnx(tmp_path / "tiny.onnx")
    code, out, err = inspect(capsys, str(path))
    assert code == 0, err
    assert "ONNX model" in out and "Conv" in out and "Gemm" in out
    assert f"{TINY_PARAMS:,}" in out and "1×4×26×26" in out and "Output: 1×10" in out


def test_onnx_without_the_extra_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    path = tmp_path / "model.onnx"
    path.write_bytes(b"\x08\x07" + bytes(30))
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "onnx" else real(name, *a))
    code, out, err = inspect(capsys, str(path))
    assert code == 1 and "pip install onnx" in err and "Traceback" not in err


def test_inspect_checkpoint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = hostile_files.good_checkpoint(tmp_path)
    code, out, err = inspect(capsys, str(path))
    assert code == 0, err
    assert "torchdesk checkpoint" in out and "Linear" in out and "Output: 1×10" in out
    hidden = 16
    assert f"{28 * 28 * hidden + hidden + hidden * hidden + hidden + hidden * 10 + 10:,}" in out


def test_inspect_state_dict_alone_and_with_its_architecture(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from torchdesk.plugins.models import build_mlp

    path = tmp_path / "model_weights.pth"
    torch.save(build_mlp((1, 28, 28), 10).state_dict(), path)
    code, out, err = inspect(capsys, str(path))
    assert code == 0, err
    assert "state dict" in out and "linear_relu_stack/0" in out and "choose the model" in out
    code, out, err = inspect(capsys, str(path), "--model", "mlp", "--dataset", "mnist")
    assert code == 0, err
    assert "linear_relu_stack.0" in out and "1×512" in out and "Output: 1×10" in out


# -- hostile and damaged files --------------------------------------------------------------------
def _no_traceback(err: str) -> None:
    assert err.startswith("torchdesk: ") and "Traceback" not in err and len(err) < 1000


@pytest.mark.parametrize("name", ["tiny.pt2", "tiny.pt"])
def test_truncated_archives_are_damaged(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    good = save_pt2(tmp_path / "good.pt2") if name.endswith("pt2") else save_torchscript(tmp_path / "good.pt")
    path = tmp_path / name
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    code, _, err = inspect(capsys, str(path))
    assert code == 1
    _no_traceback(err)
    assert "truncated" in err


@pytest.mark.parametrize("name", ["garbage.pt", "garbage.pt2", "garbage.onnx", "garbage.bin"])
def test_garbage_bytes_are_refused_with_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   name: str) -> None:
    if name.endswith(".onnx"):
        pytest.importorskip("onnx", reason="the optional onnx extra is not installed")
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 8)
    code, _, err = inspect(capsys, str(path))
    assert code == 1
    _no_traceback(err)
    assert "not" in err and name in err


def test_a_pickle_that_names_os_system_does_not_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "ran"
    path = hostile_files.pickle_runs_command(tmp_path, marker)
    code, _, err = inspect(capsys, str(path))
    assert code == 1 and not marker.exists()
    _no_traceback(err)
    assert "trust" in err
    with pytest.raises(UntrustedFileError):
        open_model_file(path)


def test_a_torchscript_file_whose_pickle_names_os_system_does_not_run(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    marker = tmp_path / "ran"
    good = save_torchscript(tmp_path / "good.pt")
    evil = hostile_files._rewrite_zip(good, tmp_path / "evil.pt", lambda name, data: (
        pickle.dumps(hostile_files._RunsCommand(marker), protocol=2) if name.endswith("/data.pkl")
        else data))
    code, _, err = inspect(capsys, str(evil))
    assert code == 1 and not marker.exists()
    _no_traceback(err)
    assert "Nothing in it was run" in err


def test_a_pt2_whose_description_would_run_code_is_shown_without_running_it(tmp_path: Path) -> None:
    """torch.export.load would run this (a size expression goes to sympy.sympify); opening it must not."""
    marker = tmp_path / "ran"
    good = save_pt2(tmp_path / "good.pt2")

    def poison(name: str, data: bytes) -> bytes:
        if not name.endswith("models/model.json"):
            return data
        program = json.loads(data)
        sizes = program["graph_module"]["graph"]["tensor_values"]["input"]["sizes"]
        sizes[0] = {"as_expr": {"expr_str": f"__import__('os').system('touch {marker}')", "hint": {"as_int": 1}}}
        return json.dumps(program).encode()

    evil = hostile_files._rewrite_zip(good, tmp_path / "evil.pt2", poison)
    opened = open_model_file(evil)
    assert not marker.exists()
    assert opened.kind == "pt2" and opened.module is None and opened.summary.total_params == TINY_PARAMS
    with pytest.raises(UntrustedFileError, match="trusted"):
        classify_predictor(opened)
    assert not marker.exists()


def test_a_pt2_with_a_member_outside_the_archive_is_refused(tmp_path: Path) -> None:
    good = save_pt2(tmp_path / "good.pt2")
    evil = hostile_files._rewrite_zip(good, tmp_path / "evil.pt2", lambda name, data: data,
                                      extra={"../escaped.txt": b"x"})
    with pytest.raises(ModelFileError, match="not a safe model file"):
        open_model_file(evil)


def test_the_cli_itself_prints_a_table_and_a_sentence(tmp_path: Path) -> None:
    path = save_pt2(tmp_path / "tiny.pt2")
    garbage = tmp_path / "garbage.pt2"
    garbage.write_bytes(b"PK\x03\x04" + bytes(100))
    run = [sys.executable, "-m", "torchdesk.core.cli", "inspect"]
    ok = subprocess.run([*run, str(path)], capture_output=True, text=True, timeout=300, env=dict(os.environ))
    bad = subprocess.run([*run, str(garbage)], capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert ok.returncode == 0 and "Conv2d" in ok.stdout, ok.stderr
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "garbage.pt2" in bad.stderr


# -- classifying with a model file ------------------------------------------------------------
def test_a_trusted_pt2_classifies_images(tmp_path: Path) -> None:
    path = save_pt2(tmp_path / "tiny.pt2", {"class_names": json.dumps([f"c{i}" for i in range(10)])})
    opened = open_model_file(path, trust=True)
    predictor = classify_predictor(opened)
    expected = torch.softmax(tiny_model()(torch.full(SAMPLE, 0.5)), dim=1)
    probs = predictor.probabilities(torch.full((28, 28), 0.5))
    assert torch.allclose(probs, expected, atol=1e-5)
    assert predictor.class_names[0] == "c0" and predictor.input_shape == (1, 28, 28)
    assert len(predictor.predict(torch.rand(3, 1, 28, 28))) == 3  # exported for one sample: called one at a time


def test_a_model_whose_forward_fails_on_the_datasets_shape_is_refused(tmp_path: Path) -> None:
    path = save_torchscript(tmp_path / "rgb.pt", "script", channels=3)
    opened = open_model_file(path)
    with pytest.raises(ModelFileError, match="does not accept 1×1×28×28") as caught:
        classify_predictor(opened, dataset_id="mnist")
    assert "RuntimeError" in str(caught.value)


def test_a_damaged_file_is_a_checkpoint_error_for_the_app() -> None:
    assert issubclass(ModelFileError, CheckpointError)  # readable_error and the app's dialogs show its sentence


def test_an_empty_file_and_a_folder_are_sentences(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pt2"
    empty.write_bytes(b"")
    with pytest.raises(ModelFileError, match="empty"):
        open_model_file(empty)
    with pytest.raises(ModelFileError, match="not a file"):
        open_model_file(tmp_path)


def test_zip_bomb_members_are_refused(tmp_path: Path) -> None:
    good = save_pt2(tmp_path / "good.pt2")
    bomb = tmp_path / "bomb.pt2"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        zout.writestr("good/data/constants/huge", io.BytesIO(bytes(110 << 20)).getvalue())
    with pytest.raises(ModelFileError, match="unpack"):
        open_model_file(bomb)


def test_a_model_file_used_to_classify_is_not_saved_as_an_empty_checkpoint(tmp_path: Path) -> None:
    from torchdesk.core.checkpoint import CheckpointError, predictor_payload
    from torchdesk.core.registry import get_registry

    path = save_pt2(tmp_path / "tiny.pt2", {})
    predictor = classify_predictor(open_model_file(path, trust=True))
    assert predictor.model.state_dict() == {}  # the weights are inside the loaded program
    with pytest.raises(CheckpointError, match="opened from a pt2 file to classify with"):
        predictor_payload(predictor, get_registry())
