"""Reading IDX files (the MNIST family's format), plain or gzipped, with the header checked first.

An IDX file is a 4-byte magic (type and number of dimensions), one big-endian
32-bit size per dimension, then the values. The header is checked against what the
file can hold before anything is allocated: a header claiming a billion images in a
1 KB file is reported as damaged, and a ``.gz`` file is read only up to the size
its header declares (never more than :data:`MAX_IDX_BYTES`), so a small archive
cannot unpack into gigabytes.
"""

from __future__ import annotations

import gzip
import math
import struct
import zlib
from pathlib import Path
from typing import IO

import numpy as np
import torch

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.untrusted import FileContentError

# Big-endian element types of the format, by type byte.
IDX_TYPES = {0x08: np.dtype(">u1"), 0x09: np.dtype(">i1"), 0x0B: np.dtype(">i2"), 0x0C: np.dtype(">i4"),
             0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
MAX_IDX_DIMS = 4
# EMNIST's largest split is about 550 MB of pixels; twice that is still a real data set.
MAX_IDX_BYTES = 1 << 30
_CHUNK = 1 << 22
_FIX = QT_TRANSLATE_NOOP("idx_format", "Delete it and download or copy it again.")


def _fix() -> str:
    return translate("idx_format", _FIX)


def idx_path(folder: Path, name: str) -> Path | None:
    """``folder/name``, else ``folder/name.gz`` (as downloaded), else None."""
    for candidate in (folder / name, folder / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    return None


def read_idx(path: str | Path) -> torch.Tensor:
    """The array stored in the IDX file ``path`` (``.gz`` files are decompressed on the fly).

    Raises :class:`~torchdesk.core.untrusted.FileContentError` naming the file when the
    header is not IDX, declares more than the file holds or more than a data set needs.
    """
    path = Path(path)
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rb") as fh:
                return _read(fh, path, compressed_size=None)
        with open(path, "rb") as fh:
            return _read(fh, path, compressed_size=path.stat().st_size)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise FileContentError(translate("idx_format", "{path} could not be read: it is not a whole gzip file "
                                                       "({reason}), so it is truncated or damaged. {fix}").format(
                                   path=path, reason=exc, fix=_fix())) from None


def _read(fh: IO[bytes], path: Path, compressed_size: int | None) -> torch.Tensor:
    head = fh.read(4)
    if len(head) < 4 or head[:2] != b"\x00\x00" or head[2] not in IDX_TYPES or not 1 <= head[3] <= MAX_IDX_DIMS:
        raise FileContentError(translate("idx_format", "{path} could not be read: it does not start like an IDX file "
                                                       "(the MNIST format), so it is damaged or not a data file. "
                                                       "{fix}").format(path=path, fix=_fix()))
    dtype, ndim = IDX_TYPES[head[2]], head[3]
    raw_dims = fh.read(4 * ndim)
    if len(raw_dims) < 4 * ndim:
        raise FileContentError(translate("idx_format", "{path} could not be read: it ends inside its header, so it "
                                                       "is truncated or damaged. {fix}").format(path=path, fix=_fix()))
    dims = struct.unpack(f">{ndim}I", raw_dims)
    declared = math.prod(dims) * dtype.itemsize
    shape = "×".join(f"{d:,}" for d in dims)
    if compressed_size is not None and declared != compressed_size - 4 - 4 * ndim:
        raise FileContentError(translate(
            "idx_format", "{path} could not be read: its header declares {shape} values ({declared:,} bytes) but the "
            "file holds {held:,} bytes of them, so it is truncated or damaged. {fix}").format(
                path=path, shape=shape, declared=declared, held=max(compressed_size - 4 - 4 * ndim, 0), fix=_fix())
        )
    if declared > MAX_IDX_BYTES:
        raise FileContentError(translate(
            "idx_format", "{path} could not be read: its header declares {shape} values ({declared:,} bytes), more "
            "than any data set in this format holds (at most {limit:,} bytes), so it is damaged. {fix}").format(
                path=path, shape=shape, declared=declared, limit=MAX_IDX_BYTES, fix=_fix())
        )
    payload = _read_exactly(fh, declared, path, shape)
    array = np.frombuffer(payload, dtype=dtype).reshape(dims)
    return torch.from_numpy(array.astype(dtype.newbyteorder("="), copy=False))


def _read_exactly(fh: IO[bytes], size: int, path: Path, shape: str) -> bytearray:
    """``size`` bytes, read in chunks so a stream shorter than declared never costs its declared size."""
    buffer = bytearray()
    while len(buffer) < size:
        chunk = fh.read(min(_CHUNK, size - len(buffer)))
        if not chunk:
            raise FileContentError(translate(
                "idx_format", "{path} could not be read: its header declares {shape} values ({declared:,} bytes) "
                "but only {held:,} bytes of them are there, so it is truncated or damaged. {fix}").format(
                    path=path, shape=shape, declared=size, held=len(buffer), fix=_fix())
            )
        buffer += chunk
    if fh.read(1):
        raise FileContentError(translate("idx_format", "{path} could not be read: it holds more data than its header "
                                                       "declares ({shape}), so it is damaged. {fix}").format(
                                   path=path, shape=shape, fix=_fix()))
    return buffer
