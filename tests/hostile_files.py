"""Hostile files for the checkpoint tests, made on the fly (never committed).

Each maker writes one file into a folder and returns its path. Markers are files a
successful attack would create: the tests check they never appear.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Callable

import torch

EVIL_MODULE = "torchdesk_evil_module"


class _RunsCommand:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # noqa: D105
        return (os.system, (f"touch {self.marker}",))


class _WritesFile:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # noqa: D105
        return (open, (str(self.marker), "w"))


def _long1(n: int) -> bytes:
    raw = n.to_bytes((n.bit_length() + 8) // 8, "little", signed=True)
    return b"\x8a" + bytes([len(raw)]) + raw


def _rewrite_zip(source: Path, target: Path, replace: Callable[[str, bytes], bytes],
                 extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info, replace(info.filename, zin.read(info.filename)))
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return target


def pickle_runs_command(folder: Path, marker: Path) -> Path:
    """A checkpoint-looking file whose unpickling would run ``touch marker`` in a shell."""
    path = folder / "runs_command.pt"
    torch.save({"format": "torchdesk-checkpoint", "model_state": _RunsCommand(marker)}, path)
    return path


def pickle_writes_file(folder: Path, marker: Path) -> Path:
    """A state-dict-looking file whose unpickling would create ``marker`` with ``open``."""
    path = folder / "writes_file.pth"
    torch.save({"weight": torch.zeros(2), "payload": _WritesFile(marker)}, path)
    return path


def pickle_writes_file_legacy(folder: Path, marker: Path) -> Path:
    """The same in the pre-zip (legacy) serialization format."""
    path = folder / "writes_file_legacy.pth"
    torch.save({"payload": _WritesFile(marker)}, path, _use_new_zipfile_serialization=False)
    return path


def pickle_imports_module(folder: Path, marker: Path) -> Path:
    """A file referring to a module (put on ``folder``) whose import would create ``marker``."""
    (folder / f"{EVIL_MODULE}.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).write_text('imported')\ndef thing():\n    return 1\n")
    clean = folder / "_clean.pt"
    torch.save({"w": torch.zeros(4)}, clean)
    evil = b"\x80\x02c" + EVIL_MODULE.encode() + b"\nthing\nq\x00)Rq\x01."
    path = _rewrite_zip(clean, folder / "imports_module.pt",
                        lambda name, data: evil if name.endswith("data.pkl") else data)
    clean.unlink()
    return path


def zip_path_traversal(folder: Path, escape_name: str = "escaped.txt") -> Path:
    """A checkpoint zip with an extra member ``../../<escape_name>`` pointing outside any extraction folder."""
    clean = folder / "_clean.pt"
    torch.save({"w": torch.zeros(4)}, clean)
    path = _rewrite_zip(clean, folder / "traversal.pt", lambda name, data: data,
                        extra={f"../../{escape_name}": b"written outside"})
    clean.unlink()
    return path


def huge_tensor_header(folder: Path, elements: int = 2**36) -> Path:
    """A 4-element tensor file whose header claims ``elements`` floats (256 GiB by default)."""
    clean = folder / "_clean.pt"
    torch.save({"w": torch.zeros(4)}, clean)

    def swell(name: str, data: bytes) -> bytes:
        if not name.endswith("data.pkl"):
            return data
        data = data.replace(b"X\x03\x00\x00\x00cpuq\x06K\x04t", b"X\x03\x00\x00\x00cpuq\x06" + _long1(elements) + b"t")
        return data.replace(b"K\x00K\x04\x85", b"K\x00" + _long1(elements) + b"\x85")

    path = _rewrite_zip(clean, folder / "huge_header.pt", swell)
    clean.unlink()
    return path


def huge_tensor_header_legacy(folder: Path, elements: int = 2**36) -> Path:
    """The same lie in the legacy format, whose reader allocates the claimed size up front."""
    buffer = io.BytesIO()
    torch.save({"w": torch.zeros(4)}, buffer, _use_new_zipfile_serialization=False)
    raw = buffer.getvalue()
    raw = raw.replace(b"cpuq\x06K\x04N", b"cpuq\x06" + _long1(elements) + b"N")
    raw = raw.replace(b"K\x00K\x04\x85", b"K\x00" + _long1(elements) + b"\x85")
    raw = raw.replace(b"a.\x04\x00\x00\x00\x00\x00\x00\x00", b"a." + elements.to_bytes(8, "little"))
    path = folder / "huge_header_legacy.pt"
    path.write_bytes(raw)
    return path


def zip_bomb_member(folder: Path) -> Path:
    """A checkpoint zip with a deflated member that expands far beyond the file's size."""
    clean = folder / "_clean.pt"
    torch.save({"w": torch.zeros(4)}, clean)
    path = folder / "bomb.pt"
    with zipfile.ZipFile(clean) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr(zipfile.ZipInfo("_clean/extra"), b"\0" * (64 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)
    clean.unlink()
    return path


def make_all(folder: Path, markers: Path) -> dict[str, Path]:
    """Every hostile file, by name; markers are created under ``markers`` if an attack worked."""
    folder.mkdir(parents=True, exist_ok=True)
    markers.mkdir(parents=True, exist_ok=True)
    return {
        "runs_command": pickle_runs_command(folder, markers / "command_ran"),
        "writes_file": pickle_writes_file(folder, markers / "file_written"),
        "writes_file_legacy": pickle_writes_file_legacy(folder, markers / "legacy_file_written"),
        "imports_module": pickle_imports_module(folder, markers / "module_imported"),
        "traversal": zip_path_traversal(folder, "escaped.txt"),
        "huge_header": huge_tensor_header(folder),
        "huge_header_legacy": huge_tensor_header_legacy(folder),
        "zip_bomb": zip_bomb_member(folder),
    }


# -- well-formed pickles with hostile or wrong content (issue #17) -----------------------------
def checkpoint_payload(hidden: int = 16, **changes: object) -> dict:
    """A genuine torchdesk checkpoint payload of a small MLP for MNIST-shaped input, with ``changes`` applied."""
    from torchdesk.core.checkpoint import make_payload
    from torchdesk.core.registry import get_registry
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.plugins.models import build_mlp

    config = RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("mlp", {"hidden": hidden}))
    model = build_mlp((1, 28, 28), 10, hidden=hidden)
    history = {"epochs": [{"epoch": 1, "train_loss": 1.0, "test_loss": 1.1, "test_accuracy": 0.5, "seconds": 1.0}],
               "batch_loss": [1.2, 1.0]}
    payload = make_payload(config, get_registry(), model, None, 1, history, [str(i) for i in range(10)], (1, 28, 28))
    payload.update(changes)
    return payload


def exponential_list(depth: int) -> list:
    """``depth`` levels, each holding the level below twice: ``depth`` objects, 2**depth paths (repr never ends)."""
    value: list = []
    for _ in range(depth):
        value = [value, value]
    return value


def exploding_metadata(folder: Path, where: str = "param", depth: int = 40, name: str = "") -> Path:
    """A checkpoint whose model parameter (``where="param"``) or model id (``"id"``) is an exponential list."""
    payload = checkpoint_payload()
    if where == "param":
        payload["config"]["model"]["params"]["hidden"] = exponential_list(depth)
    else:
        payload["config"]["model"]["id"] = exponential_list(depth)
    path = folder / (name or f"exploding_{where}_{depth}.pt")
    torch.save(payload, path)
    return path


def wrongly_typed_metadata(folder: Path, name: str = "wrong_types.pt") -> Path:
    """A checkpoint whose history is a string and whose epoch is ``"abc"``."""
    path = folder / name
    torch.save(checkpoint_payload(history="abc", epoch="abc"), path)
    return path


def good_checkpoint(folder: Path, name: str = "good.pt", **changes: object) -> Path:
    """A small, valid torchdesk checkpoint."""
    path = folder / name
    torch.save(checkpoint_payload(**changes), path)
    return path


def garbage_data_pkl(folder: Path, garbage: bytes = b"", name: str = "garbage_pickle.pt") -> Path:
    """A checkpoint zip whose ``data.pkl`` is random bytes (damaged, no code in it)."""
    clean = folder / "_clean.pt"
    torch.save({"w": torch.zeros(4)}, clean)
    blob = garbage or bytes(range(7, 250, 3)) * 3
    path = _rewrite_zip(clean, folder / name, lambda member, data: blob if member.endswith("data.pkl") else data)
    clean.unlink()
    return path


def safetensors_file(folder: Path, header: object, data: bytes = b"", name: str = "weights.safetensors") -> Path:
    """A safetensors file with exactly ``header`` (a JSON-able object, or raw bytes) and ``data``."""
    import json
    import struct

    encoded = header if isinstance(header, bytes) else json.dumps(header).encode("utf-8")
    path = folder / name
    path.write_bytes(struct.pack("<Q", len(encoded)) + encoded + data)
    return path


def overlapping_safetensors(folder: Path, copies: int = 50, floats: int = 250_000) -> Path:
    """``copies`` entries all pointing at the same ``floats`` stored floats (loaded naively: ``copies`` times the file)."""
    header = {f"w{i}": {"dtype": "F32", "shape": [floats], "data_offsets": [0, 4 * floats]} for i in range(copies)}
    return safetensors_file(folder, header, bytes(4 * floats), "overlapping.safetensors")
