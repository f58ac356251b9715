"""The variables table: one row per playground variable, and which tensors share memory with NumPy arrays.

The walkthrough's NumPy bridge (``n = t.numpy()``, ``t = torch.from_numpy(n)``) makes two
names look at the same memory; :func:`describe_variables` finds those pairs by comparing
the byte ranges each tensor and array covers, so the table can say "shares memory with n".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

try:  # numpy >= 2
    from numpy.lib.array_utils import byte_bounds as _byte_bounds
except ImportError:  # pragma: no cover - numpy 1.x
    _byte_bounds = np.byte_bounds  # type: ignore[attr-defined]

from torchdesk.core.i18n import translate
from torchdesk.core.playground.allowlist import SafeNamespace
from torchdesk.core.untrusted import describe as bounded_description


@dataclass(frozen=True)
class VariableInfo:
    """What the variables table shows about one name."""

    name: str
    type_name: str
    shape: str = ""
    dtype: str = ""
    device: str = ""
    requires_grad: bool | None = None
    shares_memory_with: tuple[str, ...] = field(default_factory=tuple)
    summary: str = ""
    has_grad_fn: bool = False
    has_grad: bool = False

    @property
    def is_array(self) -> bool:
        """Whether the variable is a tensor or an ndarray (the viewer can show it)."""
        return self.type_name in {"Tensor", "Parameter", "ndarray"}


def _byte_range(value: Any) -> tuple[int, int] | None:
    """[start, end) of the memory a CPU tensor or an ndarray covers, None if unknown or empty."""
    try:
        if isinstance(value, torch.Tensor):
            if value.device.type != "cpu" or value.numel() == 0 or value.is_sparse:
                return None
            storage = value.untyped_storage()
            start = storage.data_ptr()
            return start, start + storage.nbytes()
        if isinstance(value, np.ndarray):
            if value.size == 0:
                return None
            low, high = _byte_bounds(value)
            return int(low), int(high)
    except (RuntimeError, TypeError, ValueError, NotImplementedError):
        return None
    return None


def bridge_pairs(namespace: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Name -> names of the other kind (tensor vs ndarray) it shares memory with."""
    ranges: list[tuple[str, bool, tuple[int, int]]] = []
    for name, value in namespace.items():
        span = _byte_range(value)
        if span is not None:
            ranges.append((name, isinstance(value, torch.Tensor), span))
    pairs: dict[str, list[str]] = {}
    for i, (name_a, tensor_a, (lo_a, hi_a)) in enumerate(ranges):
        for name_b, tensor_b, (lo_b, hi_b) in ranges[i + 1 :]:
            if tensor_a == tensor_b:
                continue
            if lo_a < hi_b and lo_b < hi_a:
                pairs.setdefault(name_a, []).append(name_b)
                pairs.setdefault(name_b, []).append(name_a)
    return {name: tuple(sorted(others)) for name, others in pairs.items()}


def _summary(value: Any) -> str:
    """A one-line glimpse of a Python value, bounded however large or deep it is (never a full ``repr``)."""
    if isinstance(value, (torch.Tensor, np.ndarray)):
        return ""
    if isinstance(value, int) and value.bit_length() > 256:
        text = translate("variables", "a {bits:,}-bit integer").format(bits=value.bit_length())
    elif isinstance(value, (bool, int, float, complex)):
        text = repr(value)
    elif isinstance(value, str):
        text = repr(value[:80])
    else:
        text = bounded_description(value).split(" ", 1)[-1]
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."


def _tensor_summary(value: torch.Tensor) -> str:
    if value.numel() != 1 or value.device.type == "meta" or value.is_sparse:
        return f"tensor {tuple(value.shape)}"
    return f"tensor({value.item():.4g})"


def describe(name: str, value: Any, shares: tuple[str, ...] = ()) -> VariableInfo:
    """One row of the variables table for ``name``."""
    if isinstance(value, torch.Tensor):
        return VariableInfo(
            name=name,
            type_name=type(value).__name__,
            shape=str(tuple(value.shape)),
            dtype=str(value.dtype).replace("torch.", ""),
            device=str(value.device),
            requires_grad=bool(value.requires_grad),
            shares_memory_with=shares,
            summary=_tensor_summary(value),
            has_grad_fn=value.grad_fn is not None,
            has_grad=value.is_leaf and value.grad is not None,
        )
    if isinstance(value, np.ndarray):
        return VariableInfo(
            name=name,
            type_name="ndarray",
            shape=str(tuple(value.shape)),
            dtype=str(value.dtype),
            device="cpu",
            shares_memory_with=shares,
            summary=f"ndarray {tuple(value.shape)}",
        )
    if isinstance(value, SafeNamespace):
        return VariableInfo(name=name, type_name="module", summary=value.dotted)
    shape = str(tuple(value)) if isinstance(value, torch.Size) else (f"len {len(value)}" if isinstance(value, (list, tuple, dict, str)) else "")
    return VariableInfo(name=name, type_name=type(value).__name__, shape=shape, summary=_summary(value))


def undescribable(name: str, value: Any, exc: BaseException) -> VariableInfo:
    """The row for a value whose description failed: its name and type, and why it could not be shown."""
    reason = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__
    return VariableInfo(
        name=name,
        type_name=type(value).__name__,
        summary=translate("variables", "could not be described ({reason})").format(reason=f"{type(exc).__name__}: {reason}"),
    )


def describe_variables(namespace: dict[str, Any], include_modules: bool = False) -> list[VariableInfo]:
    """Every row of the variables table, in the order the names were first assigned.

    One value that cannot be described (a tensor on the ``meta`` device, an object whose
    attributes raise) gets a row saying so; the other rows are shown as usual.
    """
    try:
        shares = bridge_pairs(namespace)
    except Exception:  # noqa: BLE001 - the indicator is optional, the rows are not
        shares = {}
    rows = []
    for name, value in namespace.items():
        if isinstance(value, SafeNamespace) and not include_modules:
            continue
        try:
            rows.append(describe(name, value, shares.get(name, ())))
        except Exception as exc:  # noqa: BLE001 - any value the code made may fail to describe itself
            rows.append(undescribable(name, value, exc))
    return rows
