"""Read and write safetensors files through the ``safetensors`` library, with torchdesk's messages and writes.

The library parses the header strictly (typed JSON, so no deep nesting; known dtypes;
shapes matching their byte ranges; ranges back to back inside the file, so no tensor
shares or invents bytes) and never runs code. What is kept here:

* the header length is compared with the file's size first, so a file claiming a
  header of exabytes is answered with both numbers, not "header too large";
* only regular files are read (a pipe would block the reader);
* writes go through :func:`~torchdesk.core.safe_write.atomic_target` from Python
  (a full disk is one plain sentence and the old file survives; devices, pipes and
  folders are refused), with tied weights stored once each as the format requires;
* the library's terse errors become sentences naming the file and what to do.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Mapping

import torch

from torchdesk.core.i18n import translate
from torchdesk.core.safe_write import atomic_target

MAX_HEADER = 100 * 1024 * 1024  # the library's own limit, checked here first to say it in numbers


class SafetensorsError(ValueError):
    """The file is not valid safetensors; the message says what is wrong."""


def save_safetensors(tensors: Mapping[str, torch.Tensor], path: str | Path,
                     metadata: Mapping[str, str] | None = None) -> Path:
    """Write ``tensors`` (and string ``metadata``) to ``path`` as safetensors, atomically."""
    from safetensors.torch import save

    try:
        data = save(_storable(tensors), metadata={str(k): str(v) for k, v in (metadata or {}).items()} or None)
    except (ValueError, TypeError, RuntimeError) as exc:
        raise SafetensorsError(translate("safetensors", "These weights cannot be stored as safetensors: {reason}")
                               .format(reason=_first_line(exc))) from exc
    with atomic_target(Path(path)) as (_tmp, fh):
        fh.write(data)
    return Path(path).expanduser()


def _storable(tensors: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """CPU, contiguous tensors with no two sharing memory (tied weights are copied), as the library wants."""
    seen: set[int] = set()
    out: dict[str, torch.Tensor] = {}
    for name, tensor in tensors.items():
        if not isinstance(tensor, torch.Tensor):
            raise SafetensorsError(translate("safetensors", "safetensors stores tensors only; {name} is a {type}.")
                                   .format(name=repr(str(name)[:80]), type=type(tensor).__name__))
        value = tensor.detach().to("cpu").contiguous()
        pointer = value.untyped_storage().data_ptr() if value.numel() else 0
        if pointer and pointer in seen:
            value = value.clone()
        seen.add(pointer)
        out[str(name)] = value
    return out


def load_safetensors(path: str | Path) -> tuple[dict[str, torch.Tensor], dict[str, str]]:
    """The tensors and metadata of a safetensors file; the header is checked against the file before any data."""
    from safetensors import SafetensorError, safe_open

    path = Path(path)
    if not path.is_file():
        raise SafetensorsError(translate("safetensors", "{name} is not a regular file; choose a .safetensors file.")
                               .format(name=path.name))
    _check_header_length(path)
    try:
        with safe_open(str(path), framework="pt", device="cpu") as handle:
            metadata = dict(handle.metadata() or {})
            tensors = {name: handle.get_tensor(name) for name in handle.keys()}
    except (SafetensorError, OSError, ValueError, TypeError, RuntimeError) as exc:
        raise SafetensorsError(_explain(path.name, exc)) from None
    return tensors, metadata


def _check_header_length(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(8)
    if len(head) < 8:
        raise SafetensorsError(translate("safetensors", "{name} is too short to be a safetensors file.")
                               .format(name=path.name))
    (header_len,) = struct.unpack("<Q", head)
    if header_len > min(MAX_HEADER, size - 8):
        raise SafetensorsError(translate("safetensors", "{name} is not a valid safetensors file (its header claims "
                                                        "{claimed:,} bytes, the file has {size:,}).").format(
                                   name=path.name, claimed=header_len, size=size))


def _explain(name: str, exc: BaseException) -> str:
    """The library's error as a sentence that names the file (bounded: headers can hold anything)."""
    text = _first_line(exc)
    damaged = translate("safetensors", "The file is damaged or hostile; use another file.")
    if "invalid offset" in text:
        return translate("safetensors", "{name}: the byte ranges of its tensors do not line up (two share bytes, "
                                        "leave a gap or run past the end; read naively, one stored byte could "
                                        "become gigabytes). {damaged}").format(name=name, damaged=damaged)
    if "invalid shape, data type, or offset" in text:
        return translate("safetensors", "{name}: a tensor's shape and type need more or fewer bytes than it "
                                        "stores, or they lie outside the file. {damaged}").format(
                                            name=name, damaged=damaged)
    if "invalid JSON" in text or "invalid UTF-8" in text:
        detail = text.split("header:", 1)[-1].strip()
        return translate("safetensors", "{name} has an unreadable safetensors header ({detail}). {damaged}").format(
            name=name, detail=detail[:200], damaged=damaged)
    return translate("safetensors", "{name} could not be read as safetensors: {detail}. {damaged}").format(
        name=name, detail=text[:200], damaged=damaged)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:300] if lines else type(exc).__name__
