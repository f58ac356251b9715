"""Bounds on runaway work, checked before a tensor is allocated wherever its size can be known.

:func:`estimate_call` looks at a call's function and arguments (the shape arguments of
``torch.zeros``, the repeats of ``repeat``, the broadcast shape of an element-wise op, the
shapes of a matrix product...) and returns how many elements the result will hold and how
many multiply-adds it will take, without running it. :func:`result_elements` measures what
came back, for the calls whose size could not be known beforehand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np
import torch

from torchdesk.core.playground.errors import LimitExceeded


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
    time_limit_s: float | None = None
    """Stop a run after this many seconds (None: only the Interrupt button stops it)."""


Shape = tuple[int, ...]


def _is_array(value: Any) -> bool:
    return isinstance(value, (torch.Tensor, np.ndarray))


def shape_of(value: Any) -> Shape | None:
    """The shape of a tensor/array, () for a plain number, None for anything else."""
    if _is_array(value):
        return tuple(int(d) for d in value.shape)
    if isinstance(value, (bool, int, float, complex, np.generic)):
        return ()
    return None


def numel_of_shape(shape: Iterable[int]) -> int:
    """Elements in a tensor of ``shape`` (negative sizes count as 0, torch refuses them anyway)."""
    return math.prod(max(int(d), 0) for d in shape)


def _as_size(args: tuple[Any, ...]) -> Shape | None:
    """Read a size given the torch way: ``f(2, 3)``, ``f((2, 3))``, ``f([2, 3])`` or ``f(torch.Size(...))``."""
    if len(args) == 1 and isinstance(args[0], (tuple, list, torch.Size)):
        args = tuple(args[0])
    if all(isinstance(a, (int, np.integer)) and not isinstance(a, bool) for a in args):
        return tuple(int(a) for a in args)
    if len(args) == 1 and isinstance(args[0], torch.Tensor) and args[0].numel() == 1:
        return (int(args[0].item()),)
    return None


def _int(value: Any) -> int | None:
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value.item())
    return None


def _arange_count(args: tuple[Any, ...], kwargs: dict[str, Any]) -> int | None:
    values = [_number(a) for a in args[:3]]
    if any(v is None for v in values):
        return None
    start, end, step = 0.0, None, 1.0
    if len(values) == 1:
        end = values[0]
    elif len(values) >= 2:
        start, end = values[0], values[1]
        if len(values) == 3:
            step = values[2]
    start = _number(kwargs.get("start", start)) if "start" in kwargs else start
    end = _number(kwargs["end"]) if "end" in kwargs else (_number(kwargs["stop"]) if "stop" in kwargs else end)
    step = _number(kwargs["step"]) if "step" in kwargs else step
    if start is None or end is None or not step:
        return None
    return max(0, math.ceil((end - start) / step))


def _broadcast(shapes: list[Shape]) -> Shape | None:
    try:
        return tuple(torch.broadcast_shapes(*shapes))
    except (RuntimeError, ValueError, TypeError):
        return None


def matmul_cost(a: Shape, b: Shape) -> tuple[int, float] | None:
    """(output elements, multiply-adds) of ``a @ b`` following matmul's rules, or None if they don't fit."""
    if not a or not b:
        return None
    a2 = (1,) + a if len(a) == 1 else a
    b2 = b + (1,) if len(b) == 1 else b
    if a2[-1] != b2[-2]:
        return None
    batch = _broadcast([a2[:-2], b2[:-2]])
    if batch is None:
        return None
    n, k, m = a2[-2], a2[-1], b2[-1]
    out = numel_of_shape(batch) * n * m
    return out, float(out) * k


_FACTORIES = {"zeros", "ones", "empty", "rand", "randn", "Tensor"}
_NEW_FACTORIES = {"new_zeros", "new_ones", "new_empty", "new_full"}
_NUMPY_FACTORIES = {"zeros", "ones", "empty", "full"}
_MATMULS = {"matmul", "mm", "bmm", "mv", "dot", "inner"}
_JOINS = {"cat", "concat", "concatenate", "stack", "hstack", "vstack", "dstack"}
_ELEMENTWISE_TORCH = frozenset(
    "add sub subtract mul multiply div divide true_divide floor_divide remainder fmod pow atan2 "
    "maximum minimum lerp where eq ne gt lt ge le logical_and logical_or logical_xor "
    "bitwise_and bitwise_or bitwise_xor isclose binary_cross_entropy_with_logits "
    "binary_cross_entropy mse_loss l1_loss smooth_l1_loss huber_loss kl_div cosine_similarity "
    "pairwise_distance allclose dist clamp clip".split()
)


@dataclass(frozen=True)
class Estimate:
    """What a call will cost: elements of its largest output and multiply-adds (None: unknown)."""

    elements: int | None = None
    flops: float | None = None


def estimate_call(module: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any], self_obj: Any = None) -> Estimate:
    """Predict the size of a call's result from its arguments, before it runs.

    ``module`` is "torch", "numpy", "torch.nn.functional", "torch.linalg", "numpy.random",
    "method" (then ``self_obj`` is the tensor/array) or "builtins".
    """
    if module == "method":
        return _estimate_method(name, self_obj, args, kwargs)
    if module == "numpy.random":
        size = kwargs.get("size")
        if name in {"rand", "randn"}:
            size = args
        elif name == "randint" and len(args) >= 3:
            size = args[2]
        elif name in {"normal", "uniform"} and len(args) >= 3:
            size = args[2]
        elif name == "random" and args:
            size = args[0]
        elif name == "permutation" and args and _int(args[0]) is not None:
            size = (args[0],)
        if size is None:
            return Estimate()
        shape = _as_size(size if isinstance(size, tuple) else (size,))
        return Estimate(numel_of_shape(shape)) if shape is not None else Estimate()
    if module in {"torch.linalg", "numpy.linalg"} or (module == "torch" and name in {"det", "inverse"}):
        return _cubic(args)
    if module in {"torch", "numpy"}:
        return _estimate_module_function(module, name, args, kwargs)
    if module == "torch.nn.functional" and name in {"conv1d", "conv2d"} and len(args) >= 2:
        x, weight = shape_of(args[0]), shape_of(args[1])
        if x and weight and len(x) >= 3 and len(weight) == len(x):
            groups = _int(kwargs.get("groups", args[6] if len(args) > 6 else 1)) or 1
            out = x[0] * weight[0] * numel_of_shape(x[2:])
            return Estimate(out, float(out) * weight[1] * numel_of_shape(weight[2:]) / max(groups, 1) * groups)
    if module == "torch.nn.functional" and name == "pad" and len(args) >= 2:
        x, pads = shape_of(args[0]), args[1]
        if x is not None and isinstance(pads, (tuple, list)) and all(_int(p) is not None for p in pads):
            dims = list(x)
            for i in range(len(pads) // 2):
                if i < len(dims):
                    dims[-1 - i] += int(pads[2 * i]) + int(pads[2 * i + 1])
            return Estimate(numel_of_shape(dims))
    if module == "torch.nn.functional" and name == "embedding" and len(args) >= 2:
        idx, weight = shape_of(args[0]), shape_of(args[1])
        if idx is not None and weight:
            return Estimate(numel_of_shape(idx) * weight[-1])
    if module == "torch.nn.functional" and name == "one_hot":
        tensor = args[0] if args else kwargs.get("tensor")
        classes = _int(args[1]) if len(args) > 1 else _int(kwargs.get("num_classes", -1))
        if isinstance(tensor, torch.Tensor):
            if classes is None or classes < 0:
                classes = int(tensor.max().item()) + 1 if tensor.numel() else 0
            return Estimate(tensor.numel() * classes)
    if module in {"torch.nn.functional"} and name in _ELEMENTWISE_TORCH:
        return _elementwise(args)
    if module == "torch.nn.functional" and name == "linear" and len(args) >= 2:
        a, w = shape_of(args[0]), shape_of(args[1])
        if a and w and len(w) == 2:
            cost = matmul_cost(a, (w[1], w[0]))
            if cost:
                return Estimate(*cost)
    return Estimate()


def _elementwise(args: tuple[Any, ...]) -> Estimate:
    shapes = [s for s in (shape_of(a) for a in args) if s is not None]
    if len(shapes) < 2:
        return Estimate()
    out = _broadcast(shapes)
    return Estimate(numel_of_shape(out)) if out is not None else Estimate()


def _join_size(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Estimate:
    seq = args[0] if args else kwargs.get("tensors", kwargs.get("arrays"))
    if isinstance(seq, (list, tuple)):
        total = 0
        for item in seq:
            shape = shape_of(item)
            if shape is None:
                return Estimate()
            total += numel_of_shape(shape)
        return Estimate(total)
    return Estimate()


def _estimate_module_function(module: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Estimate:
    if module == "torch" and name in _FACTORIES:
        shape = _as_size(args) if args else _as_size((kwargs.get("size", ()),))
        return Estimate(numel_of_shape(shape)) if shape is not None else Estimate()
    if module == "numpy" and name in _NUMPY_FACTORIES:
        size = args[0] if args else kwargs.get("shape")
        shape = _as_size((size,)) if size is not None else None
        return Estimate(numel_of_shape(shape)) if shape is not None else Estimate()
    if name == "full" and args:
        shape = _as_size((args[0],))
        return Estimate(numel_of_shape(shape)) if shape is not None else Estimate()
    if module == "torch" and name == "randint":
        size = kwargs.get("size")
        if size is None:
            size = next((a for a in args if isinstance(a, (tuple, list, torch.Size))), None)
        shape = _as_size((size,)) if size is not None else None
        return Estimate(numel_of_shape(shape)) if shape is not None else Estimate()
    if name == "arange":
        count = _arange_count(args, kwargs)
        return Estimate(count) if count is not None else Estimate()
    if name in {"linspace", "logspace"}:
        steps = args[2] if len(args) > 2 else kwargs.get("steps", kwargs.get("num", 50 if module == "numpy" else None))
        steps = _int(steps)
        return Estimate(steps) if steps is not None else Estimate()
    if name in {"eye", "identity"}:
        n = _int(args[0]) if args else _int(kwargs.get("n", kwargs.get("N")))
        m = _int(args[1]) if len(args) > 1 and args[1] is not None else _int(kwargs.get("m", kwargs.get("M", n)))
        if n is not None:
            return Estimate(n * (m if m is not None else n))
        return Estimate()
    if name == "randperm" and args:
        n = _int(args[0])
        return Estimate(n) if n is not None else Estimate()
    if name in _MATMULS and len(args) >= 2:
        a, b = shape_of(args[0]), shape_of(args[1])
        if a is not None and b is not None and a and b:
            cost = matmul_cost(a, b)
            if cost is not None:
                return Estimate(*cost)
        return Estimate()
    if name in {"outer", "kron"} and len(args) >= 2:
        a, b = shape_of(args[0]), shape_of(args[1])
        if a is not None and b is not None:
            return Estimate(numel_of_shape(a) * numel_of_shape(b))
    if name in _JOINS:
        return _join_size(args, kwargs)
    if name == "cdist" and len(args) >= 2:
        a, b = shape_of(args[0]), shape_of(args[1])
        if a and b and len(a) >= 2 and len(b) >= 2:
            out = numel_of_shape(a[:-1]) * b[-2]
            return Estimate(out, float(out) * a[-1])
    if name == "bincount" and args and isinstance(args[0], torch.Tensor):
        top = int(args[0].max().item()) + 1 if args[0].numel() else 0
        minlength = _int(kwargs.get("minlength", args[2] if len(args) > 2 else 0)) or 0
        return Estimate(max(top, minlength))
    if name in {"index_select", "gather", "take", "diag_embed"}:
        return _estimate_method(name, args[0] if args else None, args[1:], kwargs)
    if name == "diag" and args:
        shape = shape_of(args[0])
        if shape is not None and len(shape) == 1:
            offset = _int(args[1]) if len(args) > 1 else 0
            return Estimate((shape[0] + abs(offset or 0)) ** 2)
    if name == "tensordot" and len(args) >= 2:
        a, b = shape_of(args[0]), shape_of(args[1])
        if a is not None and b is not None:
            return Estimate(numel_of_shape(a) * numel_of_shape(b))
    if module == "torch" and name in _ELEMENTWISE_TORCH:
        return _elementwise(args)
    if module == "numpy" and args and isinstance(_numpy_member(name), np.ufunc):
        return _elementwise(args)
    return Estimate()


def _numpy_member(name: str) -> Any:
    return getattr(np, name, None)


def _estimate_method(name: str, obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Estimate:
    shape = shape_of(obj)
    if shape is None:
        if isinstance(obj, (str, list, tuple)) and name in {"join", "center", "ljust", "rjust", "zfill"}:
            width = _int(args[0]) if args and name != "join" else None
            return Estimate(width) if width is not None else Estimate()
        if isinstance(obj, str) and name == "replace" and len(args) >= 2:
            old, new = args[0], args[1]
            if isinstance(old, str) and isinstance(new, str):
                return Estimate(len(obj) * max(len(new), 1) // max(len(old), 1) + len(new))
        return Estimate()
    numel = numel_of_shape(shape)
    if name in _NEW_FACTORIES:
        size = _as_size(args[:1] if name == "new_full" else args) if args else _as_size((kwargs.get("size", ()),))
        return Estimate(numel_of_shape(size)) if size is not None else Estimate()
    if name in {"repeat"} and isinstance(obj, torch.Tensor):
        reps = _as_size(args)
        return Estimate(numel * numel_of_shape(reps)) if reps is not None else Estimate()
    if name in {"repeat", "repeat_interleave"}:
        reps = args[0] if args else kwargs.get("repeats")
        count = _int(reps)
        if count is not None:
            return Estimate(numel * count)
        if _is_array(reps):
            return Estimate(int(reps.sum()))
        return Estimate()
    if name == "index_select" and len(args) >= 2 and shape:
        dim, idx = _int(args[0]), shape_of(args[1])
        if dim is not None and idx is not None and -len(shape) <= dim < len(shape):
            return Estimate(numel // max(shape[dim], 1) * numel_of_shape(idx))
    if name in {"gather", "take"} and args:
        idx = shape_of(args[-1])
        return Estimate(numel_of_shape(idx)) if idx is not None else Estimate()
    if name == "diag_embed" and shape:
        return Estimate(numel * shape[-1])
    if name in {"expand"}:
        size = _as_size(args)
        return Estimate(numel_of_shape(size)) if size is not None else Estimate()
    if name in _MATMULS and args:
        other = shape_of(args[0])
        if other:
            cost = matmul_cost(shape, other)
            if cost is not None:
                return Estimate(*cost)
        return Estimate()
    if name == "outer" and args:
        other = shape_of(args[0])
        return Estimate(numel * numel_of_shape(other)) if other is not None else Estimate()
    if name in _ELEMENTWISE_TORCH or name.rstrip("_") in _ELEMENTWISE_TORCH:
        return _elementwise((obj,) + tuple(args))
    if name == "diag" and len(shape) == 1:
        return Estimate(shape[0] ** 2)
    return Estimate()


def _cubic(args: tuple[Any, ...]) -> Estimate:
    """Matrix decompositions and inverses: about n³ work per matrix in the batch."""
    shape = shape_of(args[0]) if args else None
    if not shape or len(shape) < 2:
        return Estimate()
    n = max(shape[-1], shape[-2])
    return Estimate(None, float(numel_of_shape(shape[:-2])) * n**3)


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
        return max((result_elements(v, depth + 1) for v in value[:1000]), default=0)
    return 0


def check_elements(count: int | None, limits: Limits, what: str, line: int = 0) -> None:
    """Refuse ``what`` if it would hold more elements than ``limits`` allow."""
    if count is not None and count > limits.max_elements:
        raise LimitExceeded(
            f"{what} would hold {count:,} elements, over the playground's limit of "
            f"{limits.max_elements:,}; use a smaller shape",
            line,
        )


def check_flops(flops: float | None, limits: Limits, what: str, line: int = 0) -> None:
    """Refuse ``what`` if it would take more multiply-adds than ``limits`` allow."""
    if flops is not None and flops > limits.max_matmul_flops:
        raise LimitExceeded(
            f"{what} would take about {flops:.2g} multiply-adds, over the playground's limit of "
            f"{limits.max_matmul_flops:.2g}; use smaller matrices",
            line,
        )
