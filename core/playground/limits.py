"""Bounds on runaway work, checked before a tensor is allocated wherever its size can be known.

:func:`estimate_call` looks at a call's function and arguments (the shape arguments of
``torch.zeros`` by position or keyword, the repeats of ``repeat``, the output of a pooling
window, the broadcast shape of an element-wise op, the shapes of a matrix product...) and
returns how many elements the result will hold, how many multiply-adds it will take and how
many tensors it returns, without running it; the per-function rules live in
:mod:`.output_sizes`. :func:`result_elements` measures what came back, as a last check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np
import torch

from torchdesk.core.i18n import translate
from torchdesk.core.playground import output_sizes
from torchdesk.core.playground.errors import LimitExceeded
from torchdesk.core.playground.output_sizes import Estimate, matmul_cost, shape_of


@dataclass(frozen=True)
class Limits:
    """How big and how long playground code may get before it is refused or stopped."""

    max_elements: int = 20_000_000
    """Largest tensor/array (elements) code may create: 80 MB of float32."""
    max_matmul_flops: float = 4e9
    """Largest matrix product or decomposition (multiply-adds): a second or two on a laptop CPU."""
    max_sequence_length: int = 1_000_000
    """Largest Python list/tuple/str code may build."""
    max_int_bits: int = 100_000
    """Largest Python integer ``**`` and ``<<`` may produce."""
    max_pieces: int = 100_000
    """Most tensors one call may return or one builtin may walk (``split(x, 1)``, ``list(t)``): each costs ~600 bytes."""
    max_nesting_depth: int = 32
    """Deepest lists/tuples/dicts code may nest (hashing, printing or comparing deeper ones can take forever)."""
    time_limit_s: float | None = None
    """Stop a run after this many seconds (None: only the Interrupt button stops it)."""


Shape = tuple[int, ...]

__all__ = [
    "Estimate", "Limits", "check_elements", "check_flops", "check_pieces", "check_structure", "estimate_call",
    "index_elements", "structure_size",
    "matmul_cost", "numel_of_shape", "result_elements", "shape_of",
]


def _is_array(value: Any) -> bool:
    return isinstance(value, (torch.Tensor, np.ndarray))


def numel_of_shape(shape: Iterable[int]) -> int:
    """Elements in a tensor of ``shape`` (negative sizes count as 0, torch refuses them anyway)."""
    return output_sizes.numel(tuple(shape))


def estimate_call(module: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], self_obj: Any = None) -> Estimate:
    """Predict the size of a call's result from its arguments, before it runs.

    ``module`` is "torch", "numpy", "torch.nn.functional", "torch.linalg", "numpy.random",
    "method" (then ``self_obj`` is the tensor, array, string or list) or "builtins".
    """
    if module == "method":
        if isinstance(self_obj, torch.Tensor):
            return output_sizes.estimate(f"method.{name}", (self_obj, *args), kwargs)
        if isinstance(self_obj, np.ndarray):
            return output_sizes.estimate(f"ndarray.{name}", (self_obj, *args), kwargs)
        return _python_method(name, self_obj, args)
    qualified = name if module == "builtins" else f"{module}.{name}"
    return output_sizes.estimate(qualified, args, kwargs)


def _python_method(name: str, obj: Any, args: tuple[Any, ...]) -> Estimate:
    """Lengths of the strings and lists that str/list methods build (``join``, ``center``, ``replace``, ``extend``)."""
    if isinstance(obj, str) and name in {"center", "ljust", "rjust", "zfill"} and args:
        width = output_sizes.as_int(args[0])
        return Estimate(width)
    if isinstance(obj, str) and name == "join" and args:
        items = args[0]
        if isinstance(items, str):
            return Estimate(len(items) + len(obj) * max(len(items) - 1, 0))
        if isinstance(items, (list, tuple)):
            return Estimate(sum(len(s) for s in items if isinstance(s, str)) + len(obj) * max(len(items) - 1, 0))
        if isinstance(items, dict):
            return Estimate(sum(len(s) for s in items if isinstance(s, str)) + len(obj) * max(len(items) - 1, 0))
        return Estimate()
    if isinstance(obj, str) and name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        if isinstance(old, str) and isinstance(new, str):
            return Estimate(len(obj) * max(len(new), 1) // max(len(old), 1) + len(new) * (len(obj) + 1 if not old else 1))
    if isinstance(obj, list) and name in {"extend"} and args and hasattr(args[0], "__len__"):
        return Estimate(len(obj) + len(args[0]))
    if isinstance(obj, list) and name in {"append", "insert"}:
        return Estimate(len(obj) + 1)
    return Estimate()


def index_elements(shape: Shape, index: Any) -> int | None:
    """Elements ``x[index]`` will hold for a tensor/array of ``shape`` (None when it cannot tell)."""
    items = index if isinstance(index, tuple) else (index,)
    if any(item is Ellipsis for item in items):
        return None
    dims = list(shape)
    kept = 1
    advanced = 0
    position = 0
    for item in items:
        if item is None:
            continue
        if isinstance(item, (torch.Tensor, np.ndarray, list)):
            array_shape = shape_of(item) if not isinstance(item, list) else (len(item),)
            is_mask = getattr(item, "dtype", None) in (torch.bool, np.bool_)
            consumed = len(array_shape) if is_mask and array_shape else 1
            count = numel_of_shape(dims[position : position + consumed]) if is_mask else numel_of_shape(array_shape or ())
            advanced = max(advanced, count)
            position += consumed
        elif isinstance(item, slice):
            if position < len(dims):
                kept *= dims[position]
            position += 1
        else:
            position += 1
    kept *= numel_of_shape(dims[position:])
    return kept * (advanced if advanced else 1)


def result_elements(value: Any, depth: int = 0) -> int:
    """The largest tensor/array (in elements) inside ``value`` (looking into lists and tuples)."""
    if _is_array(value):
        return int(value.numel() if isinstance(value, torch.Tensor) else value.size)
    if isinstance(value, (list, tuple)) and depth < 2:
        inner = [v for v in value[:1000] if isinstance(v, (torch.Tensor, np.ndarray, list, tuple))]
        return max((result_elements(v, depth + 1) for v in inner), default=0)
    return 0


def check_elements(count: int | None, limits: Limits, what: str, line: int = 0) -> None:
    """Refuse ``what`` if it would hold more elements than ``limits`` allow."""
    if count is not None and count > limits.max_elements:
        raise LimitExceeded(
            translate("playground.limits",
                      "{what} would hold {count:,} elements, over the playground's limit of {limit:,}; "
                      "use a smaller shape").format(what=what, count=count, limit=limits.max_elements),
            line,
        )


class _TooDeep(Exception):
    pass


_CONTAINERS = (list, tuple, dict, set, frozenset)


def structure_size(value: Any, max_depth: int) -> tuple[int, int]:
    """(nesting depth, items counting every shared part each time it appears) of nested lists/tuples/dicts/sets.

    ``hash``, ``repr``, ``==`` and ``torch.tensor`` walk a structure as if it were a tree, so
    ``t = (t, t)`` repeated 64 times is 2**64 items to them although it holds 64 tuples. Each
    distinct container is measured once here, so the measure is linear in what the code built;
    a depth over ``max_depth`` stops it early and is reported as ``max_depth + 1``.
    """
    memo: dict[int, tuple[int, int]] = {}

    def visit(item: Any, level: int) -> tuple[int, int]:
        key = id(item)
        if key in memo:
            return memo[key]
        if level > max_depth:
            raise _TooDeep()
        memo[key] = (1, 1)  # a list that holds itself: repr shows [...], hash and == refuse it
        height, total = 0, 1
        children = list(item.keys()) + list(item.values()) if isinstance(item, dict) else item
        for child in children:
            if isinstance(child, _CONTAINERS):
                child_height, child_total = visit(child, level + 1)
                height = max(height, child_height)
                total += child_total
            else:
                total += 1
        memo[key] = (height + 1, total)
        return memo[key]

    if not isinstance(value, _CONTAINERS):
        return 0, 1
    try:
        return visit(value, 1)
    except _TooDeep:
        return max_depth + 1, 0


def check_structure(value: Any, limits: Limits, line: int = 0) -> None:
    """Refuse a Python structure too deep, or too large once shared parts are counted, to hash, print, compare or convert."""
    if not isinstance(value, _CONTAINERS) or not value:
        return
    depth, items = structure_size(value, limits.max_nesting_depth)
    if depth > limits.max_nesting_depth:
        raise LimitExceeded(
            translate("playground.limits",
                      "this value nests lists, tuples or dicts more than {depth} levels deep, over the "
                      "playground's limit of {depth}; keep the data flatter, or use a tensor").format(
                depth=limits.max_nesting_depth),
            line,
        )
    if items > limits.max_elements:
        raise LimitExceeded(
            translate("playground.limits",
                      "this value holds {items:,} items once each shared part is counted every time it appears, "
                      "over the playground's limit of {limit:,}; build it from fewer repeats, or use a tensor").format(
                items=items, limit=limits.max_elements),
            line,
        )


def check_pieces(count: int | None, limits: Limits, what: str, line: int = 0) -> None:
    """Refuse ``what`` if it would make more separate tensors (or walk more elements one by one) than ``limits`` allow."""
    if count is not None and count > limits.max_pieces:
        raise LimitExceeded(
            translate("playground.limits",
                      "{what} would make {count:,} separate tensors, over the playground's limit of {limit:,}; "
                      "use fewer, larger pieces, or work on the whole tensor (t.sum(), t.max(), torch.sort(t))").format(
                what=what, count=count, limit=limits.max_pieces),
            line,
        )


def check_flops(flops: float | None, limits: Limits, what: str, line: int = 0) -> None:
    """Refuse ``what`` if it would take more multiply-adds than ``limits`` allow."""
    if flops is not None and flops > limits.max_matmul_flops:
        raise LimitExceeded(
            translate("playground.limits",
                      "{what} would take about {flops:.2g} multiply-adds, over the playground's limit of "
                      "{limit:.2g}; use smaller matrices").format(what=what, flops=flops, limit=limits.max_matmul_flops),
            line,
        )
