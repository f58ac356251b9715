"""Read and write the safetensors format without the ``safetensors`` package.

The format is small: an 8-byte little-endian header length, a JSON header mapping
each tensor name to its dtype, shape and byte range (plus an optional
``__metadata__`` of strings), then the raw little-endian bytes. Files written here
open with ``safetensors.torch.load_file`` and the other way round; reading never
runs code, and a header that lies about sizes is refused before anything is allocated.
"""

from __future__ import annotations

import json
import math
import os
import struct
import sys
import tempfile
from pathlib import Path
from typing import Mapping

import torch

from torchdesk.core.checkpoint import make_readable

DTYPES: dict[torch.dtype, str] = {
    torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
    torch.int64: "I64", torch.int32: "I32", torch.int16: "I16", torch.int8: "I8", torch.uint8: "U8",
    torch.bool: "BOOL",
}
NAMES = {name: dtype for dtype, name in DTYPES.items()}
MAX_HEADER = 100 * 1024 * 1024


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
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(struct.pack("<Q", len(encoded)))
            fh.write(encoded)
            for blob in blobs:
                fh.write(blob)
            fh.flush()
            os.fsync(fh.fileno())
        make_readable(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_safetensors(path: str | Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """The tensors and metadata of a safetensors file; sizes are checked against the file first."""
    path = Path(path)
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(8)
        if len(head) < 8:
            raise SafetensorsError(f"{path.name} is too short to be a safetensors file.")
        (header_len,) = struct.unpack("<Q", head)
        if header_len > min(MAX_HEADER, size - 8):
            raise SafetensorsError(f"{path.name} is not a valid safetensors file (its header claims "
                                   f"{header_len:,} bytes).")
        try:
            header = json.loads(fh.read(header_len).decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise SafetensorsError(f"{path.name} has an unreadable safetensors header: {exc}") from exc
        if not isinstance(header, dict):
            raise SafetensorsError(f"{path.name} has an unreadable safetensors header.")
        metadata = header.pop("__metadata__", None) or {}
        data_size = size - 8 - header_len
        tensors: dict[str, torch.Tensor] = {}
        for name, info in header.items():
            try:
                dtype = NAMES[info["dtype"]]
                shape = [int(s) for s in info["shape"]]
                start, end = (int(v) for v in info["data_offsets"])
            except (KeyError, TypeError, ValueError) as exc:
                raise SafetensorsError(f"{path.name}: the entry for {name!r} is malformed.") from exc
            itemsize = torch.empty((), dtype=dtype).element_size()
            if (any(s < 0 for s in shape) or not 0 <= start <= end <= data_size
                    or (end - start) != math.prod(shape) * itemsize):
                raise SafetensorsError(f"{path.name}: the size of {name!r} does not match its bytes "
                                       "(the file is damaged or hostile).")
            fh.seek(8 + header_len + start)
            raw = bytearray(fh.read(end - start))
            flat = torch.frombuffer(raw, dtype=torch.uint8) if raw else torch.empty(0, dtype=torch.uint8)
            tensors[name] = flat.view(dtype).reshape(shape).clone() if raw else torch.empty(shape, dtype=dtype)
    return tensors, {str(k): str(v) for k, v in dict(metadata).items()}
