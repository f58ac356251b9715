"""Read and write the safetensors format without the ``safetensors`` package.

The format is small: an 8-byte little-endian header length, a JSON header mapping
each tensor name to its dtype, shape and byte range (plus an optional
``__metadata__`` of strings), then the raw little-endian bytes. Files written here
open with ``safetensors.torch.load_file`` and the other way round; reading never
runs code. The header is checked whole before anything is allocated
(:func:`read_header`): its JSON depth and size, each entry's dtype, shape and byte
range, ranges inside the file and not overlapping (overlapping entries would load
one stored byte many times over), and each shape matching its byte count.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Mapping

import torch

from torchdesk.core.safe_write import atomic_target
from torchdesk.core.untrusted import FileContentError, check_expanded_size, expect, expect_int, expect_list, expect_str

DTYPES: dict[torch.dtype, str] = {
    torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
    torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8", torch.uint8: "U8",
    torch.bool: "BOOL",
}
NAMES = {name: dtype for dtype, name in DTYPES.items()}
MAX_HEADER = 100 * 1024 * 1024
MAX_JSON_DEPTH = 8  # the header is two levels deep; its entries' lists one more
MAX_DIMS = 16
MAX_NAME = 1_000


class SafetensorsError(ValueError):
    """The file is not valid safetensors; the message says what is wrong."""


def _raw_bytes(tensor: torch.Tensor) -> bytes:
    flat = tensor.detach().to("cpu").contiguous().reshape(-1)
    data = flat.view(torch.uint8).numpy().tobytes() if flat.numel() else b""
    if sys.byteorder != "little" and flat.element_size() > 1:  # pragma: no cover (big-endian hosts)
        data = flat.numpy().byteswap().tobytes()
    return data


def save_safetensors(tensors: Mapping[str, torch.Tensor], path: str | Path,
                     metadata: Mapping[str, str] | None = None) -> Path:
    """Write ``tensors`` (and string ``metadata``) to ``path`` as safetensors, atomically."""
    header: dict[str, object] = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    blobs: list[bytes] = []
    offset = 0
    for name, tensor in tensors.items():
        if tensor.dtype not in DTYPES:
            raise SafetensorsError(f"safetensors cannot store {name!r} of type {tensor.dtype}.")
        data = _raw_bytes(tensor)
        header[name] = {"dtype": DTYPES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * (-len(encoded) % 8)  # keep the data 8-byte aligned, as the reference writer does
    with atomic_target(Path(path)) as (_tmp, fh):
        fh.write(struct.pack("<Q", len(encoded)))
        fh.write(encoded)
        for blob in blobs:
            fh.write(blob)
    return Path(path).expanduser()


@dataclass(frozen=True)
class Entry:
    """One tensor's place in a safetensors file, checked against the file."""

    name: str
    dtype: torch.dtype
    shape: tuple[int, ...]
    start: int
    end: int


def read_header(fh: BinaryIO, name: str, size: int) -> tuple[list[Entry], dict[str, str], int]:
    """The checked entries, metadata and data offset of an open safetensors file of ``size`` bytes."""
    head = fh.read(8)
    if len(head) < 8:
        raise SafetensorsError(f"{name} is too short to be a safetensors file.")
    (header_len,) = struct.unpack("<Q", head)
    if header_len > min(MAX_HEADER, size - 8):
        raise SafetensorsError(f"{name} is not a valid safetensors file (its header claims {header_len:,} bytes, "
                               f"the file has {size:,}).")
    try:
        text = fh.read(header_len).decode("utf-8")
    except UnicodeDecodeError:
        raise SafetensorsError(f"{name} has an unreadable safetensors header (it is not UTF-8 text).") from None
    try:
        header = json.loads(text)
    except RecursionError:  # the JSON parser gives up on deep nesting without crashing
        raise SafetensorsError(f"{name} has a safetensors header nested thousands of levels deep; a real one has "
                               "three. The file is damaged or hostile; use another file.") from None
    except ValueError as exc:
        raise SafetensorsError(f"{name} has an unreadable safetensors header: {str(exc)[:200]}") from None
    data_size = size - 8 - header_len
    try:
        check_expanded_size(header, f"The safetensors header of {name}", max_values=10_000_000,
                            max_depth=MAX_JSON_DEPTH)
        header = expect(header, dict, f"The safetensors header of {name}", "a table of tensors")
        metadata = header.pop("__metadata__", None) or {}
        metadata = expect(metadata, dict, f"The metadata of {name}", "a table of texts")
        for key, value in metadata.items():
            expect_str(value, f"The metadata entry {key[:80]!r} of {name}", 10_000_000)
        entries = [_entry(key, info, name, data_size) for key, info in header.items()]
    except FileContentError as exc:
        raise SafetensorsError(str(exc)) from None
    ordered = sorted(entries, key=lambda e: (e.start, e.end))
    for before, after in zip(ordered, ordered[1:]):
        if after.start < before.end:
            raise SafetensorsError(
                f"{name}: the tensors {before.name[:80]!r} and {after.name[:80]!r} share bytes, which safetensors "
                "forbids (read naively, one stored byte could become gigabytes). The file is damaged or hostile; "
                "use another file.")
    return entries, {str(k): str(v) for k, v in metadata.items()}, 8 + header_len


def _entry(key: str, info: Any, name: str, data_size: int) -> Entry:
    what = f"The entry {key[:80]!r} of {name}"
    expect_str(key, f"A tensor name in {name}", MAX_NAME)
    info = expect(info, dict, what, "a table with dtype, shape and data_offsets")
    dtype_name = expect_str(info.get("dtype"), f"{what} (its dtype)", 16)
    if dtype_name not in NAMES:
        raise FileContentError(f"{what} has the dtype {dtype_name!r}, which torchdesk does not read "
                               f"(it reads {', '.join(NAMES)}). Use another file.")
    shape = tuple(expect_list(info.get("shape"), f"{what} (its shape)",
                              item=lambda v, w: expect_int(v, w, 0, 2**40), max_items=MAX_DIMS))
    offsets = expect_list(info.get("data_offsets"), f"{what} (its data_offsets)",
                          item=lambda v, w: expect_int(v, w, 0, data_size), max_items=2)
    if len(offsets) != 2 or offsets[0] > offsets[1]:
        raise FileContentError(f"{what} should have data_offsets [start, end] with start ≤ end inside the "
                               f"{data_size:,} data bytes. The file is damaged; use another file.")
    dtype = NAMES[dtype_name]
    itemsize = torch.empty((), dtype=dtype).element_size()
    if offsets[1] - offsets[0] != math.prod(shape) * itemsize:
        raise FileContentError(f"{what}: its shape {list(shape)[:MAX_DIMS]} needs {math.prod(shape) * itemsize:,} "
                               f"bytes but it has {offsets[1] - offsets[0]:,}. The file is damaged or hostile; "
                               "use another file.")
    return Entry(key, dtype, shape, offsets[0], offsets[1])


def load_safetensors(path: str | Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """The tensors and metadata of a safetensors file; sizes are checked against the file first."""
    path = Path(path)
    size = path.stat().st_size
    with open(path, "rb") as fh:
        entries, metadata, data_start = read_header(fh, path.name, size)
        tensors: dict[str, torch.Tensor] = {}
        for entry in entries:  # non-overlapping ranges inside the file: the total is at most the file's size
            fh.seek(data_start + entry.start)
            raw = bytearray(fh.read(entry.end - entry.start))
            if len(raw) != entry.end - entry.start:
                raise SafetensorsError(f"{path.name} ends early: it is truncated. Copy it again.")
            if raw:
                tensors[entry.name] = torch.frombuffer(raw, dtype=torch.uint8).view(entry.dtype).reshape(entry.shape)
            else:
                tensors[entry.name] = torch.empty(entry.shape, dtype=entry.dtype)
    return tensors, metadata
