"""How big a call's result will be, worked out from its arguments before the call runs.

Each allow-listed function or method whose result size is not simply "no bigger than its
inputs, broadcast together" has an entry in :data:`SPECS`: the parameter names torch or
NumPy gives it (so a size passed by keyword is read exactly like one passed by position)
and a small function that computes the output size, the work and the number of pieces.
Size-like values are read with :func:`as_int` and :func:`as_shape`, which accept what
torch and NumPy accept: Python ints, NumPy integers and one-element integer tensors.

Every other allow-listed callable is listed by name in :data:`BROADCASTING` (its result
is no bigger than its array arguments broadcast together, or a bounded multiple of them)
or :data:`NO_ARRAYS` (it returns no array at all); a test checks that each allow-listed
name is in exactly one of the three, so a new entry cannot slip past the size checks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import torch

Shape = tuple[int, ...]


@dataclass(frozen=True)
class Estimate:
    """What a call will cost: elements of its largest output, multiply-adds, and how many tensors it returns (None: unknown)."""

    elements: int | None = None
    flops: float | None = None
    pieces: int | None = None


# ---------------------------------------------------------------- reading arguments


def is_array(value: Any) -> bool:
    """Whether ``value`` is a tensor or an ndarray."""
    return isinstance(value, (torch.Tensor, np.ndarray))


def shape_of(value: Any) -> Shape | None:
    """The shape of a tensor/array, () for a plain number, None for anything else."""
    if is_array(value):
        return tuple(int(d) for d in value.shape)
    if isinstance(value, (bool, int, float, complex, np.generic)):
        return ()
    return None


def numel(shape: Shape | None) -> int:
    """Elements in a tensor of ``shape`` (negative sizes count as 0: torch refuses them anyway)."""
    return math.prod(max(int(d), 0) for d in shape) if shape else 1


def _scalar_tensor_value(value: Any) -> Any:
    """The Python number inside a one-element tensor/array (None for anything else, or a tensor without data)."""
    if isinstance(value, np.ndarray):
        return value.item() if value.size == 1 else None
    if isinstance(value, torch.Tensor) and value.numel() == 1 and value.device.type != "meta":
        try:
            return value.item()
        except (RuntimeError, ValueError, TypeError):
            return None
    return None


def as_int(value: Any) -> int | None:
    """``value`` as an int when torch/NumPy would read it as one (int, NumPy integer, one-element integer tensor)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (torch.Tensor, np.ndarray)):
        dtype = value.dtype
        integral = (dtype in (torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64)
                    if isinstance(value, torch.Tensor) else np.issubdtype(dtype, np.integer) or dtype == np.bool_)
        item = _scalar_tensor_value(value) if integral else None
        return int(item) if item is not None else None
    return None


def as_number(value: Any) -> float | None:
    """``value`` as a float when it is a real number (including NumPy scalars and one-element tensors)."""
    if isinstance(value, (bool, int, float, np.integer, np.floating)):
        return float(value)
    item = _scalar_tensor_value(value)
    if isinstance(item, (bool, int, float)):
        return float(item)
    return None


def as_shape(value: Any) -> Shape | None:
    """A size given the torch or NumPy way (``3``, ``(2, 3)``, ``[2, 3]``, ``torch.Size``, a 1-d integer array) as ints."""
    single = as_int(value)
    if single is not None:
        return (single,)
    if isinstance(value, (torch.Tensor, np.ndarray)) and value.ndim == 1 and value.shape[0] <= 64:
        value = value.tolist()
    if isinstance(value, (tuple, list, torch.Size)) and len(value) <= 64:
        dims = [as_int(d) for d in value]
        if all(d is not None for d in dims):
            return tuple(dims)  # type: ignore[arg-type]
    return None


def size_from_varargs(value: Any) -> Shape | None:
    """The size of ``f(2, 3)``, ``f((2, 3))`` or ``f(size=(2, 3))`` (``value`` is the tuple of positional args or the keyword)."""
    if isinstance(value, tuple) and len(value) == 1 and not isinstance(value, torch.Size):
        return as_shape(value[0])
    return as_shape(value)


def bind(params: tuple[str, ...], args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """Arguments by parameter name, whether they were passed by position or by keyword.

    A parameter written ``*name`` takes every remaining positional argument as a tuple
    (``torch.zeros(2, 3)``); a keyword of the same name replaces it (``torch.zeros(size=(2, 3))``).
    """
    bound: dict[str, Any] = {}
    position = 0
    for param in params:
        if param.startswith("*"):
            if position < len(args):
                bound[param[1:]] = tuple(args[position:])
            position = len(args)
        elif position < len(args):
            bound[param] = args[position]
            position += 1
    names = {p.lstrip("*") for p in params}
    for key, value in kwargs.items():
        if key in names:
            bound[key] = value
    return bound


def array_shapes(values: Any) -> list[Shape]:
    """Shapes of every tensor/array among ``values`` and inside the lists/tuples among them (one level)."""
    shapes: list[Shape] = []
    for value in values:
        if is_array(value):
            shapes.append(shape_of(value))  # type: ignore[arg-type]
        elif isinstance(value, (list, tuple)) and len(value) <= 10_000:
            shapes.extend(shape_of(v) for v in value if is_array(v))  # type: ignore[misc]
    return shapes


def broadcast(shapes: list[Shape]) -> Shape | None:
    """The broadcast of ``shapes``, or None when they do not broadcast (plain Python: no lazy torch imports)."""
    width = max((len(s) for s in shapes), default=0)
    out = [1] * width
    for shape in shapes:
        for i, d in enumerate(shape, start=width - len(shape)):
            if d == out[i] or d == 1:
                continue
            if out[i] != 1:
                return None
            out[i] = d
    return tuple(out)


def broadcast_elements(values: Any) -> int | None:
    """Elements of the array arguments broadcast together (the largest of them when they do not broadcast)."""
    shapes = array_shapes(values)
    if not shapes:
        return None
    out = broadcast(shapes)
    return numel(out) if out is not None else max(numel(s) for s in shapes)


def worst_pairwise_broadcast(shapes: list[Shape]) -> int:
    """The largest result of broadcasting any two of ``shapes`` (what comparing them pairwise allocates)."""
    distinct = list(dict.fromkeys(shapes))
    if len(distinct) > 64:  # an upper bound instead of every pair: the largest size seen in each dimension
        width = max(len(s) for s in distinct)
        padded = [(1,) * (width - len(s)) + s for s in distinct]
        return numel(tuple(max(s[i] for s in padded) for i in range(width)))
    worst = max((numel(s) for s in distinct), default=0)
    for i, a in enumerate(distinct):
        for b in distinct[i + 1 :]:
            out = broadcast([a, b])
            if out is not None:
                worst = max(worst, numel(out))
    return worst


def nested_elements(value: Any, max_depth: int = 32) -> tuple[int, int]:
    """(leaf values, depth) of nested lists/tuples/ranges, each distinct list counted once per place it appears.

    ``torch.tensor`` and ``np.array`` turn every leaf into an element, so ``[[0] * 30000] * 30000``
    (two lists) counts as 900 million. Shared sub-lists are measured once, so the count is
    linear in the number of distinct lists; deeper than ``max_depth`` stops the count.
    """
    memo: dict[int, tuple[int, int]] = {}

    def count(item: Any, depth: int) -> tuple[int, int]:
        if depth > max_depth:
            return 1, depth
        if isinstance(item, range):
            return len(item), 1
        if is_array(item):
            return numel(shape_of(item)), 1
        if not isinstance(item, (list, tuple)):
            return 1, 0
        key = id(item)
        if key in memo:
            return memo[key]
        total, deepest = 0, 0
        for child in item:
            leaves, child_depth = count(child, depth + 1)
            total += leaves
            deepest = max(deepest, child_depth)
            if deepest > max_depth:
                break
        memo[key] = (total, deepest + 1)
        return memo[key]

    return count(value, 0)


# ---------------------------------------------------------------- estimators

Bound = dict[str, Any]


def _elements(shape: Shape | None, flops: float | None = None, pieces: int | None = None) -> Estimate:
    return Estimate(numel(shape) if shape is not None else None, flops, pieces)


def _size(key: str) -> Callable[[Bound], Estimate]:
    return lambda b: _elements(size_from_varargs(b.get(key)))


def _like(b: Bound) -> Estimate:
    shape = as_shape(b.get("shape")) if b.get("shape") is not None else shape_of(b.get("a", b.get("input")))
    return _elements(shape)


def _data(b: Bound) -> Estimate:
    data = b.get("data", b.get("object"))
    if data is None:
        return Estimate()
    leaves, _ = nested_elements(data)
    return Estimate(leaves)


def _torch_tensor_class(b: Bound) -> Estimate:
    args = b.get("args", ())
    shape = size_from_varargs(args) if args else as_shape(b.get("size"))
    if shape is not None and not (len(args) == 1 and isinstance(args[0], list)):
        return _elements(shape)
    return Estimate(nested_elements(args[0])[0]) if args else Estimate()


def _arange(b: Bound) -> Estimate:
    start, end, step = b.get("start"), b.get("end", b.get("stop")), b.get("step", 1)
    if end is None:
        start, end = 0, start
    values = [as_number(v) for v in (start if start is not None else 0, end, step)]
    if any(v is None for v in values) or not values[2]:
        return Estimate()
    try:
        return Estimate(max(0, math.ceil((values[1] - values[0]) / values[2])))
    except (OverflowError, ValueError):
        return Estimate()


def _steps(key: str, default: int | None) -> Callable[[Bound], Estimate]:
    def estimate(b: Bound) -> Estimate:
        steps = as_int(b[key]) if key in b else default
        return Estimate(steps)

    return estimate


def _eye(b: Bound) -> Estimate:
    n = as_int(b.get("n", b.get("N")))
    m = b.get("m", b.get("M"))
    m = as_int(m) if m is not None else n
    return Estimate(max(n, 0) * max(m, 0)) if n is not None and m is not None else Estimate()


def _randint(b: Bound) -> Estimate:
    size = b.get("size")
    if size is None:
        size = next((a for a in b.get("args", ()) if isinstance(a, (tuple, list, torch.Size))), None)
    return _elements(as_shape(size)) if size is not None else Estimate(1)


def _np_random_size(b: Bound) -> Estimate:
    size = b.get("size")
    if size is not None:
        return _elements(as_shape(size))
    arrays = [v for k, v in b.items() if k != "size"]
    return Estimate(broadcast_elements(arrays) or 1)


def _permutation(b: Bound) -> Estimate:
    x = b.get("x")
    n = as_int(x)
    return Estimate(n) if n is not None else _elements(shape_of(x))


def _join(b: Bound) -> Estimate:
    seq = b.get("tensors", b.get("arrays"))
    if isinstance(seq, (list, tuple)):
        shapes = [shape_of(item) for item in seq]
        if all(s is not None for s in shapes):
            return Estimate(sum(numel(s) for s in shapes))
    return Estimate()


def _dim_size(shape: Shape, dim: Any) -> int | None:
    d = as_int(dim) if dim is not None else 0
    if d is None or not shape or not -len(shape) <= d < len(shape):
        return None
    return shape[d]


def _split(b: Bound) -> Estimate:
    shape = shape_of(b.get("tensor", b.get("ary", b.get("input"))))
    sections = b.get("split_size_or_sections", b.get("indices_or_sections"))
    if shape is None:
        return Estimate()
    length = _dim_size(shape, b.get("dim", b.get("axis")))
    size = as_int(sections)
    if "indices_or_sections" in b:  # np.split: an int is the number of pieces
        pieces = size if size is not None else (len(sections) + 1 if isinstance(sections, (list, tuple)) else None)
    elif size is not None:
        pieces = -(-length // size) if length is not None and size > 0 else None
    else:
        pieces = len(sections) if isinstance(sections, (list, tuple)) else None
    return Estimate(numel(shape), None, pieces)


def _chunk(b: Bound) -> Estimate:
    shape = shape_of(b.get("input"))
    chunks = as_int(b.get("chunks"))
    return Estimate(numel(shape) if shape else None, None, chunks)


def _unbind(b: Bound) -> Estimate:
    shape = shape_of(b.get("input"))
    return Estimate(None, None, _dim_size(shape, b.get("dim")) if shape else None)


def _tensors_arg(b: Bound) -> list[Any]:
    tensors = b.get("tensors", ())
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tensors[0]
    return list(tensors)


def _meshgrid(b: Bound) -> Estimate:
    tensors = _tensors_arg(b)
    shapes = [shape_of(t) for t in tensors]
    if any(s is None for s in shapes):
        return Estimate()
    return Estimate(math.prod(numel(s) for s in shapes), None, len(tensors))


def _broadcast_tensors(b: Bound) -> Estimate:
    tensors = _tensors_arg(b)
    return Estimate(broadcast_elements(tensors), None, len(tensors))


def _broadcast_to(b: Bound) -> Estimate:
    return _elements(as_shape(b.get("size", b.get("shape"))))


def _expand(b: Bound) -> Estimate:
    shape = shape_of(b.get("input"))
    size = size_from_varargs(b.get("size"))
    if shape is None or size is None:
        return Estimate()
    offset = len(size) - len(shape)
    dims = [shape[i - offset] if d == -1 and i >= offset else d for i, d in enumerate(size)]
    return _elements(tuple(dims))


def _expand_as(b: Bound) -> Estimate:
    return _elements(shape_of(b.get("other")))


def _tensor_repeat(b: Bound) -> Estimate:
    reps = size_from_varargs(b.get("repeats"))
    shape = shape_of(b.get("input"))
    return Estimate(numel(shape) * numel(reps)) if reps is not None and shape is not None else Estimate()


def _repeat_counts(b: Bound) -> Estimate:
    """``repeat_interleave`` and ``ndarray.repeat``/``np.repeat``: each element (along ``dim``) repeated."""
    shape = shape_of(b.get("input", b.get("a")))
    repeats = b.get("repeats")
    if shape is None:
        return Estimate()
    dim = b.get("dim", b.get("axis"))
    along = _dim_size(shape, dim) if dim is not None else numel(shape)
    rest = numel(shape) // max(along or 1, 1)
    count = as_int(repeats)
    if count is not None:
        return Estimate((along or 0) * count * (rest if dim is not None else 1))
    if is_array(repeats) and repeats.dtype not in (torch.float32, torch.float64, np.float32, np.float64):
        total = int(repeats.sum())
        if total > along and numel(shape_of(repeats)) == 1:
            total = int(repeats.sum()) * (along or 0)
        return Estimate(total * (rest if dim is not None else 1))
    if isinstance(repeats, (list, tuple)) and all(as_int(r) is not None for r in repeats[:10_000]):
        return Estimate(sum(as_int(r) for r in repeats) * (rest if dim is not None else 1))  # type: ignore[misc]
    return Estimate()


def _new_size(b: Bound) -> Estimate:
    return _elements(size_from_varargs(b.get("size")))


def _index_select(b: Bound) -> Estimate:
    shape, index = shape_of(b.get("input")), shape_of(b.get("index"))
    length = _dim_size(shape, b.get("dim")) if shape else None
    if shape is None or index is None or length is None:
        return Estimate()
    return Estimate(numel(shape) // max(length, 1) * numel(index))


def _index_shape(b: Bound) -> Estimate:
    return _elements(shape_of(b.get("index")))


def _nonzero(b: Bound) -> Estimate:
    if b.get("input") is None and b.get("a") is None and b.get("condition") is None:
        return Estimate()
    shape = shape_of(b.get("input", b.get("a", b.get("condition"))))
    if shape is None:
        return Estimate()
    return Estimate(numel(shape) * max(len(shape), 1), None, max(len(shape), 1))


def _where(b: Bound) -> Estimate:
    if b.get("input") is None and b.get("x") is None and b.get("other") is None and b.get("y") is None:
        return _nonzero({"input": b.get("condition")})
    return Estimate(broadcast_elements(list(b.values())))


def _matmul_like(a: Shape | None, b: Shape | None) -> Estimate:
    cost = matmul_cost(a, b) if a and b else None
    return Estimate(*cost) if cost is not None else Estimate()


def matmul_cost(a: Shape, b: Shape) -> tuple[int, float] | None:
    """(output elements, multiply-adds) of ``a @ b`` following matmul's rules, or None if they don't fit."""
    if not a or not b:
        return None
    a2 = (1,) + a if len(a) == 1 else a
    b2 = b + (1,) if len(b) == 1 else b
    if a2[-1] != b2[-2]:
        return None
    batch = broadcast([a2[:-2], b2[:-2]])
    if batch is None:
        return None
    out = numel(batch) * a2[-2] * b2[-1]
    return out, float(out) * a2[-1]


def _matmul(b: Bound) -> Estimate:
    first = b.get("input", b.get("a", b.get("x1")))
    second = b.get("other", b.get("mat2", b.get("vec", b.get("b", b.get("x2")))))
    return _matmul_like(shape_of(first), shape_of(second))


def _np_dot(b: Bound) -> Estimate:
    a, c = shape_of(b.get("a", b.get("input"))), shape_of(b.get("b", b.get("other")))
    if a is None or c is None:
        return Estimate()
    if not a or not c:
        return _elements(a or c)
    if len(c) == 1:
        return Estimate(numel(a[:-1]), float(numel(a)))
    out = numel(a[:-1]) * numel(c[:-2]) * c[-1]
    return Estimate(out, float(out) * a[-1])


def _inner(b: Bound) -> Estimate:
    a, c = shape_of(b.get("input", b.get("a"))), shape_of(b.get("other", b.get("b")))
    if a is None or c is None:
        return Estimate()
    if not a or not c:
        return _elements(a or c)
    out = numel(a[:-1]) * numel(c[:-1])
    return Estimate(out, float(out) * a[-1])


def _outer(b: Bound) -> Estimate:
    arrays = [v for v in b.values() if is_array(v)]
    if len(arrays) < 2:
        return Estimate()
    return Estimate(numel(shape_of(arrays[0])) * numel(shape_of(arrays[1])))


def _tensordot(b: Bound) -> Estimate:
    a, c = shape_of(b.get("a")), shape_of(b.get("b"))
    if a is None or c is None:
        return Estimate()
    dims = b.get("dims", 2)
    count = as_int(dims)
    if count is not None:
        if count < 0 or count > min(len(a), len(c)):
            return Estimate()
        contracted = numel(a[len(a) - count :])
        out = numel(a[: len(a) - count]) * numel(c[count:])
    elif isinstance(dims, (list, tuple)) and len(dims) == 2:
        dims_a = [as_int(d) for d in (dims[0] if isinstance(dims[0], (list, tuple)) else [dims[0]])]
        dims_b = [as_int(d) for d in (dims[1] if isinstance(dims[1], (list, tuple)) else [dims[1]])]
        if any(d is None or not -len(a) <= d < len(a) for d in dims_a) or any(d is None or not -len(c) <= d < len(c) for d in dims_b):
            return Estimate()
        contracted = numel(tuple(a[d] for d in dims_a))  # type: ignore[index]
        out = numel(a) // max(contracted, 1) * (numel(c) // max(numel(tuple(c[d] for d in dims_b)), 1))  # type: ignore[index]
    else:
        return Estimate(numel(a) * numel(c))
    return Estimate(out, float(out) * contracted)


def _cdist(b: Bound) -> Estimate:
    a, c = shape_of(b.get("x1")), shape_of(b.get("x2"))
    if not a or not c or len(a) < 2 or len(c) < 2:
        return Estimate()
    out = numel(a[:-1]) * c[-2]
    return Estimate(out, float(out) * a[-1])


def _linear(b: Bound) -> Estimate:
    a, w = shape_of(b.get("input")), shape_of(b.get("weight"))
    if not a or not w or len(w) != 2:
        return Estimate(broadcast_elements(list(b.values())))
    return _matmul_like(a, (w[1], w[0]))


def _bilinear(b: Bound) -> Estimate:
    a, w = shape_of(b.get("input1")), shape_of(b.get("weight"))
    if not a or not w or len(w) != 3:
        return Estimate()
    out = numel(a[:-1]) * w[0]
    return Estimate(out, float(out) * w[1] * w[2])


def _multi_dot(b: Bound) -> Estimate:
    tensors = b.get("tensors")
    if not isinstance(tensors, (list, tuple)):
        return Estimate()
    shapes = [shape_of(t) for t in tensors]
    if any(not s for s in shapes):
        return Estimate()
    flops, largest = 0.0, 0
    rows = shapes[0][0] if len(shapes[0]) == 2 else 1  # type: ignore[index]
    for shape in shapes[1:]:
        inner = shape[0]  # type: ignore[index]
        cols = shape[1] if len(shape) == 2 else 1  # type: ignore[index]
        flops += float(rows) * inner * cols
        largest = max(largest, rows * cols)
    return Estimate(largest, flops)


def cubic(b: Bound) -> Estimate:
    """Matrix decompositions, inverses and solves: about n³ work per matrix in the batch."""
    first = next((v for v in b.values() if is_array(v)), None)
    shape = shape_of(first)
    if not shape or len(shape) < 2:
        return Estimate()
    n = max(shape[-1], shape[-2])
    return Estimate(numel(shape[:-2]) * n * n, float(numel(shape[:-2])) * n**3)


def _pair(value: Any, count: int, default: int) -> tuple[int, ...] | None:
    if value is None:
        return (default,) * count
    single = as_int(value)
    if single is not None:
        return (single,) * count
    shape = as_shape(value)
    if shape is not None and len(shape) == 1:
        return shape * count
    return shape if shape is not None and len(shape) == count else None


def _window_output(length: int, kernel: int, stride: int, padding: int, dilation: int, ceil: bool) -> int:
    span = length + 2 * padding - dilation * (kernel - 1) - 1
    if stride <= 0 or span < 0:
        return 0
    return (-(-span // stride) if ceil else span // stride) + 1


def _windowed(spatial: int, kernel_key: str, pooling: bool) -> Callable[[Bound], Estimate]:
    """Convolutions and pooling: output size from kernel, stride, padding and dilation; work = output × kernel."""

    def estimate(b: Bound) -> Estimate:
        x = shape_of(b.get("input"))
        if not x or len(x) < spatial + 1:
            return Estimate()
        if pooling:
            kernel = _pair(b.get(kernel_key), spatial, 1)
            channels_out, per_output = numel(x[:-spatial]), 1
        else:
            weight = shape_of(b.get(kernel_key))
            if not weight or len(weight) != spatial + 2:
                return Estimate()
            kernel = weight[2:]
            channels_out, per_output = numel(x[:-spatial - 1]) * weight[0], weight[1]
        stride = _pair(b.get("stride") if b.get("stride") not in (None, [], ()) else None, spatial, 0) if pooling else _pair(b.get("stride"), spatial, 1)
        if pooling and stride is not None and all(s == 0 for s in stride):
            stride = kernel
        padding_value = b.get("padding", 0)
        if padding_value == "same":
            out = channels_out * numel(x[-spatial:])
            return Estimate(out, float(out) * per_output * numel(kernel or ()))
        padding = (0,) * spatial if padding_value == "valid" else _pair(padding_value, spatial, 0)
        dilation = _pair(b.get("dilation"), spatial, 1)
        if kernel is None or stride is None or padding is None or dilation is None:
            return Estimate()
        ceil = bool(b.get("ceil_mode", False))
        dims = tuple(
            _window_output(x[-spatial + i], kernel[i], stride[i], padding[i], dilation[i], ceil) for i in range(spatial)
        )
        out = channels_out * numel(dims)
        return Estimate(out, float(out) * per_output * numel(kernel))

    return estimate


def _adaptive(spatial: int) -> Callable[[Bound], Estimate]:
    def estimate(b: Bound) -> Estimate:
        x = shape_of(b.get("input"))
        size = b.get("output_size")
        if not x or len(x) < spatial:
            return Estimate()
        if isinstance(size, (list, tuple)):
            dims = tuple(x[-spatial + i] if d is None else as_int(d) for i, d in enumerate(size))
        else:
            dims = _pair(size, spatial, 1)
        if dims is None or any(d is None for d in dims):
            return Estimate()
        out = numel(x[:-spatial]) * numel(dims)  # type: ignore[arg-type]
        window = numel(tuple(-(-x[-spatial + i] // max(d, 1)) + 1 for i, d in enumerate(dims)))  # type: ignore[arg-type]
        return Estimate(out, float(out) * window)

    return estimate


def _pad(b: Bound) -> Estimate:
    x, pads = shape_of(b.get("input")), b.get("pad")
    if x is None or not isinstance(pads, (tuple, list)):
        return Estimate()
    amounts = [as_int(p) for p in pads]
    if any(p is None for p in amounts):
        return Estimate()
    dims = list(x)
    for i in range(len(amounts) // 2):
        if i < len(dims):
            dims[-1 - i] += amounts[2 * i] + amounts[2 * i + 1]  # type: ignore[operator]
    return _elements(tuple(dims))


def _one_hot(b: Bound) -> Estimate:
    tensor = b.get("tensor", b.get("input"))
    if not isinstance(tensor, torch.Tensor):
        return Estimate()
    classes = as_int(b.get("num_classes", -1))
    if classes is None or classes < 0:
        classes = int(tensor.max().item()) + 1 if tensor.numel() and tensor.dtype == torch.int64 else 0
    return Estimate(tensor.numel() * classes)


def _embedding(b: Bound) -> Estimate:
    index, weight = shape_of(b.get("input")), shape_of(b.get("weight"))
    if index is None or not weight:
        return Estimate()
    return Estimate(numel(index) * weight[-1])


def _histc(b: Bound) -> Estimate:
    return Estimate(as_int(b.get("bins", 100)))


def _bincount(b: Bound) -> Estimate:
    x = b.get("input")
    minlength = as_int(b.get("minlength", 0)) or 0
    top = 0
    if isinstance(x, torch.Tensor) and x.numel() and not x.is_floating_point() and x.device.type != "meta":
        top = int(x.max().item()) + 1
    return Estimate(max(top, minlength))


def _diag(b: Bound) -> Estimate:
    shape = shape_of(b.get("input", b.get("v")))
    offset = as_int(b.get("diagonal", b.get("k", 0)))
    if shape is None or offset is None:
        return Estimate()
    if len(shape) == 1:
        return Estimate((shape[0] + abs(offset)) ** 2)
    return _elements(shape)


def _diag_embed(b: Bound) -> Estimate:
    shape = shape_of(b.get("input"))
    offset = as_int(b.get("offset", 0))
    if not shape or offset is None:
        return Estimate()
    return Estimate(numel(shape[:-1]) * (shape[-1] + abs(offset)) ** 2)


def _iterating(b: Bound) -> Estimate:
    """Builtins that walk their argument element by element: a tensor gives one 0-d tensor (or row) per step."""
    items = b.get("items", ())
    if len(items) != 1:
        return Estimate()
    shape = shape_of(items[0])
    return Estimate(None, None, shape[0] if shape else None)


def _sum(b: Bound) -> Estimate:
    """``sum()`` adds the items one by one: the result broadcasts them all, and a tensor is walked row by row."""
    items, start = b.get("iterable"), b.get("start", 0)
    shape = shape_of(items)
    if shape:  # a tensor: its rows are added to the start
        shapes = array_shapes([start]) + [shape[1:]]
        out = broadcast(shapes)
        return Estimate(numel(out) if out is not None else None, None, shape[0])
    if isinstance(items, (list, tuple)):
        return Estimate(broadcast_elements([start, items]))
    return Estimate(broadcast_elements([start]))


def _zip(b: Bound) -> Estimate:
    lengths = [s[0] for s in (shape_of(item) for item in b.get("items", ())) if s]
    return Estimate(None, None, max(lengths) if lengths else None)


# ---------------------------------------------------------------- the table

_I = ("input",)
SPECS: dict[str, tuple[tuple[str, ...], Callable[[Bound], Estimate]]] = {
    # factories
    **{f"torch.{n}": (("*size",), _size("size")) for n in ("zeros", "ones", "empty", "rand", "randn")},
    "torch.full": (("size", "fill_value"), _size("size")),
    "torch.Tensor": (("*args", "size"), _torch_tensor_class),
    "torch.randint": (("*args", "size"), _randint),
    "torch.randperm": (("n",), lambda b: Estimate(as_int(b.get("n")))),
    "torch.arange": (("start", "end", "step"), _arange),
    "torch.linspace": (("start", "end", "steps"), _steps("steps", None)),
    "torch.logspace": (("start", "end", "steps"), _steps("steps", None)),
    "torch.eye": (("n", "m"), _eye),
    "torch.tensor": (("data",), _data),
    "torch.as_tensor": (("data",), _data),
    **{f"numpy.{n}": (("shape",), _size("shape")) for n in ("zeros", "ones", "empty")},
    "numpy.full": (("shape", "fill_value"), _size("shape")),
    **{f"numpy.{n}_like": (("a", "dtype", "order", "subok", "shape"), _like) for n in ("zeros", "ones", "empty")},
    "numpy.full_like": (("a", "fill_value", "dtype", "order", "subok", "shape"), _like),
    "numpy.arange": (("start", "stop", "step"), _arange),
    "numpy.linspace": (("start", "stop", "num"), _steps("num", 50)),
    "numpy.eye": (("N", "M", "k"), _eye),
    "numpy.identity": (("n",), _eye),
    "numpy.array": (("object",), _data),
    "numpy.asarray": (("a",), lambda b: _data({"data": b.get("a")})),
    "numpy.random.rand": (("*size",), _size("size")),
    "numpy.random.randn": (("*size",), _size("size")),
    "numpy.random.random": (("size",), lambda b: _elements(as_shape(b["size"])) if b.get("size") is not None else Estimate(1)),
    "numpy.random.randint": (("low", "high", "size"), lambda b: _elements(as_shape(b["size"])) if b.get("size") is not None else Estimate(1)),
    "numpy.random.normal": (("loc", "scale", "size"), _np_random_size),
    "numpy.random.uniform": (("low", "high", "size"), _np_random_size),
    "numpy.random.permutation": (("x",), _permutation),
    "method.new_tensor": (("input", "data"), _data),
    **{f"method.new_{n}": (("input", "*size"), _new_size) for n in ("zeros", "ones", "empty")},
    "method.new_full": (("input", "size", "fill_value"), _new_size),
    # joining and splitting
    **{f"torch.{n}": (("tensors",), _join) for n in ("cat", "concat", "concatenate", "stack", "hstack", "vstack", "dstack")},
    **{f"numpy.{n}": (("arrays",), _join) for n in ("concatenate", "stack", "hstack", "vstack")},
    "torch.split": (("tensor", "split_size_or_sections", "dim"), _split),
    "method.split": (("tensor", "split_size_or_sections", "dim"), _split),
    "numpy.split": (("ary", "indices_or_sections", "axis"), _split),
    "torch.chunk": (("input", "chunks", "dim"), _chunk),
    "method.chunk": (("input", "chunks", "dim"), _chunk),
    "torch.unbind": (("input", "dim"), _unbind),
    "method.unbind": (("input", "dim"), _unbind),
    "torch.meshgrid": (("*tensors",), _meshgrid),
    "torch.broadcast_tensors": (("*tensors",), _broadcast_tensors),
    "torch.broadcast_to": (("input", "size"), _broadcast_to),
    "method.expand": (("input", "*size"), _expand),
    "method.expand_as": (("input", "other"), _expand_as),
    "method.repeat": (("input", "*repeats"), _tensor_repeat),
    "method.repeat_interleave": (("input", "repeats", "dim", "output_size"), _repeat_counts),
    "ndarray.repeat": (("a", "repeats", "axis"), _repeat_counts),
    "ndarray.nonzero": (("input",), _nonzero),
    # indexing
    "torch.index_select": (("input", "dim", "index"), _index_select),
    "method.index_select": (("input", "dim", "index"), _index_select),
    "torch.gather": (("input", "dim", "index"), _index_shape),
    "method.gather": (("input", "dim", "index"), _index_shape),
    "torch.take": (("input", "index"), _index_shape),
    "torch.nonzero": (_I, _nonzero),
    "method.nonzero": (_I, _nonzero),
    "numpy.nonzero": (("a",), _nonzero),
    "torch.where": (("condition", "input", "other"), _where),
    "method.where": (("input", "condition", "other"), lambda b: Estimate(broadcast_elements(list(b.values())))),
    "numpy.where": (("condition", "x", "y"), _where),
    # products
    **{f"torch.{n}": (("input", "other"), _matmul) for n in ("matmul", "dot")},
    "torch.mm": (("input", "mat2"), _matmul),
    "torch.bmm": (("input", "mat2"), _matmul),
    "torch.mv": (("input", "vec"), _matmul),
    "torch.linalg.matmul": (("input", "other"), _matmul),
    **{f"method.{n}": (("input", "other"), _matmul) for n in ("matmul", "dot")},
    "method.mm": (("input", "mat2"), _matmul),
    "method.bmm": (("input", "mat2"), _matmul),
    "method.mv": (("input", "vec"), _matmul),
    "numpy.matmul": (("a", "b"), _matmul),
    "numpy.dot": (("a", "b"), _np_dot),
    "ndarray.dot": (("a", "b"), _np_dot),
    "torch.inner": (("input", "other"), _inner),
    "numpy.inner": (("a", "b"), _inner),
    "torch.outer": (("input", "vec2"), _outer),
    "method.outer": (("input", "vec2"), _outer),
    "numpy.outer": (("a", "b"), _outer),
    "torch.kron": (("input", "other"), _outer),
    "torch.tensordot": (("a", "b", "dims"), _tensordot),
    "torch.cdist": (("x1", "x2", "p"), _cdist),
    "torch.linalg.multi_dot": (("tensors",), _multi_dot),
    "torch.nn.functional.linear": (("input", "weight", "bias"), _linear),
    "torch.nn.functional.bilinear": (("input1", "input2", "weight", "bias"), _bilinear),
    # windows
    "torch.nn.functional.conv1d": (("input", "weight", "bias", "stride", "padding", "dilation", "groups"), _windowed(1, "weight", False)),
    "torch.nn.functional.conv2d": (("input", "weight", "bias", "stride", "padding", "dilation", "groups"), _windowed(2, "weight", False)),
    "torch.nn.functional.max_pool1d": (("input", "kernel_size", "stride", "padding", "dilation", "ceil_mode"), _windowed(1, "kernel_size", True)),
    "torch.nn.functional.max_pool2d": (("input", "kernel_size", "stride", "padding", "dilation", "ceil_mode"), _windowed(2, "kernel_size", True)),
    "torch.nn.functional.avg_pool1d": (("input", "kernel_size", "stride", "padding", "ceil_mode"), _windowed(1, "kernel_size", True)),
    "torch.nn.functional.avg_pool2d": (("input", "kernel_size", "stride", "padding", "ceil_mode"), _windowed(2, "kernel_size", True)),
    "torch.nn.functional.adaptive_avg_pool2d": (("input", "output_size"), _adaptive(2)),
    "torch.nn.functional.adaptive_max_pool2d": (("input", "output_size"), _adaptive(2)),
    # sizes from a number
    "torch.nn.functional.pad": (("input", "pad", "mode", "value"), _pad),
    "torch.nn.functional.one_hot": (("tensor", "num_classes"), _one_hot),
    "torch.nn.functional.embedding": (("input", "weight"), _embedding),
    "torch.histc": (("input", "bins", "min", "max"), _histc),
    "torch.bincount": (("input", "weights", "minlength"), _bincount),
    "torch.diag": (("input", "diagonal"), _diag),
    "method.diag": (("input", "diagonal"), _diag),
    "numpy.diag": (("v", "k"), _diag),
    "torch.diag_embed": (("input", "offset", "dim1", "dim2"), _diag_embed),
    # builtins that walk a tensor element by element
    **{n: (("*items",), _iterating) for n in ("list", "tuple", "sorted", "set", "max", "min", "enumerate", "reversed", "any", "all", "dict")},
    "zip": (("*items",), _zip),
    "sum": (("iterable", "start"), lambda b: _sum(b)),
}
"""Qualified name ("torch.zeros", "numpy.random.rand", "method.repeat" for a tensor method,
"ndarray.repeat" for an ndarray method) -> (parameter names, output-size function)."""

LINALG_CUBIC = frozenset(
    f"{module}.{name}" for module, names in (
        ("torch.linalg", "norm vector_norm matrix_norm inv det slogdet svd svdvals eig eigvals eigh eigvalsh solve matrix_rank qr pinv lstsq cholesky"),
        ("numpy.linalg", "norm inv det svd eig eigh solve matrix_rank qr pinv"),
        ("torch", "det inverse"),
    ) for name in names.split()
)
"""Decompositions and solves, bounded by :func:`cubic` (their work grows with n³)."""

BROADCASTING = frozenset((
    "torch.abs torch.acos torch.add torch.all torch.allclose torch.amax torch.amin torch.any torch.argmax "
    "torch.argmin torch.argsort torch.asin torch.atan torch.atan2 torch.bitwise_and torch.bitwise_not "
    "torch.bitwise_or torch.bitwise_xor torch.ceil torch.clamp torch.clip torch.cos torch.cosh "
    "torch.count_nonzero torch.cross torch.cummax torch.cummin torch.cumprod torch.cumsum torch.diagonal "
    "torch.dist torch.div torch.divide torch.empty_like torch.eq torch.equal torch.exp torch.exp2 torch.expm1 "
    "torch.flatten torch.flip torch.floor torch.floor_divide torch.fmod torch.frac torch.from_numpy "
    "torch.full_like torch.ge torch.gt torch.isclose torch.isfinite torch.isinf torch.isnan torch.kthvalue "
    "torch.le torch.lerp torch.log torch.log10 torch.log1p torch.log2 torch.log_softmax torch.logical_and "
    "torch.logical_not torch.logical_or torch.logical_xor torch.logsumexp torch.lt torch.masked_select "
    "torch.max torch.maximum torch.mean torch.median torch.min torch.minimum torch.mode torch.movedim "
    "torch.mul torch.multiply torch.narrow torch.ne torch.neg torch.negative torch.norm torch.ones_like "
    "torch.permute torch.pow torch.prod torch.rand_like torch.randint_like torch.randn_like torch.reciprocal "
    "torch.relu torch.remainder torch.reshape torch.roll torch.round torch.rsqrt torch.scatter torch.sigmoid "
    "torch.sign torch.sin torch.sinh torch.softmax torch.sort torch.sqrt torch.square torch.squeeze torch.std "
    "torch.sub torch.subtract torch.sum torch.t torch.tan torch.tanh torch.topk torch.trace torch.transpose "
    "torch.tril torch.triu torch.true_divide torch.trunc torch.unique torch.unsqueeze torch.var "
    "torch.zeros_like torch.linalg.cross "
    "torch.nn.functional.binary_cross_entropy torch.nn.functional.binary_cross_entropy_with_logits "
    "torch.nn.functional.cosine_similarity torch.nn.functional.cross_entropy torch.nn.functional.dropout "
    "torch.nn.functional.elu torch.nn.functional.gelu torch.nn.functional.hardtanh torch.nn.functional.huber_loss "
    "torch.nn.functional.kl_div torch.nn.functional.l1_loss torch.nn.functional.leaky_relu "
    "torch.nn.functional.log_softmax torch.nn.functional.mish torch.nn.functional.mse_loss "
    "torch.nn.functional.nll_loss torch.nn.functional.normalize torch.nn.functional.pairwise_distance "
    "torch.nn.functional.relu torch.nn.functional.relu6 torch.nn.functional.selu torch.nn.functional.sigmoid "
    "torch.nn.functional.silu torch.nn.functional.smooth_l1_loss torch.nn.functional.softmax "
    "torch.nn.functional.softmin torch.nn.functional.softplus torch.nn.functional.softsign "
    "torch.nn.functional.tanh "
    "numpy.absolute numpy.add numpy.all numpy.allclose numpy.any numpy.arctan2 numpy.argmax numpy.argmin "
    "numpy.argsort numpy.array_equal numpy.ceil numpy.clip numpy.cos numpy.count_nonzero numpy.cumprod "
    "numpy.cumsum numpy.exp numpy.expand_dims numpy.flip numpy.floor numpy.floor_divide numpy.isclose "
    "numpy.isfinite numpy.isinf numpy.isnan numpy.log numpy.log10 numpy.log2 numpy.max numpy.maximum "
    "numpy.mean numpy.min numpy.minimum numpy.multiply numpy.negative numpy.power numpy.prod numpy.ravel "
    "numpy.remainder numpy.reshape numpy.roll numpy.round numpy.sign numpy.sin numpy.sort numpy.sqrt "
    "numpy.square numpy.squeeze numpy.std numpy.subtract numpy.sum numpy.tan numpy.tanh numpy.trace "
    "numpy.transpose numpy.tril numpy.triu numpy.true_divide numpy.unique numpy.var numpy.subtract "
    "abs divmod round str repr format"
).split())
"""Allow-listed callables whose result is no bigger than their array arguments broadcast together
(element-wise maths, reductions, reshapes, sorting, losses...), checked with :func:`broadcast_elements`."""

NO_ARRAYS = frozenset((
    "torch.is_complex torch.is_floating_point torch.is_grad_enabled torch.is_nonzero torch.is_tensor "
    "torch.numel torch.manual_seed torch.seed torch.initial_seed torch.get_default_dtype torch.device "
    "torch.Size torch.broadcast_shapes torch.no_grad torch.enable_grad torch.cuda.is_available "
    "torch.cuda.device_count torch.backends.mps.is_available "
    "numpy.ndim numpy.shape numpy.size numpy.may_share_memory numpy.shares_memory numpy.random.seed "
    "numpy.float16 numpy.float32 numpy.float64 numpy.int8 numpy.int16 numpy.int32 numpy.int64 numpy.uint8 "
    "numpy.bool_ numpy.complex64 numpy.complex128 "
    "bin bool chr complex float hash hex int isinstance len ord range slice type print"
).split())
"""Allow-listed callables that return no tensor or array (numbers, flags, dtypes, context managers...)."""


METHODS_BROADCASTING = frozenset((
    "method.abs method.abs_ method.add method.add_ method.all method.allclose method.amax method.amin method.any "
    "method.argmax method.argmin method.argsort method.bool method.ceil method.clamp method.clamp_ method.clip "
    "method.clone method.contiguous method.copy_ method.cos method.cpu method.cuda method.cumprod method.cumsum "
    "method.detach method.diagonal method.div method.div_ method.double method.eq method.equal method.exp "
    "method.exp_ method.fill_ method.fill_diagonal_ method.flatten method.flip method.float method.floor "
    "method.ge method.gt method.half method.int method.isclose method.isnan method.le method.lerp method.log "
    "method.log_ method.log_softmax method.long method.lt method.masked_fill method.masked_select method.max "
    "method.maximum method.mean method.median method.min method.minimum method.mul method.mul_ method.narrow "
    "method.ne method.neg method.neg_ method.norm method.normal_ method.numpy method.permute method.pow "
    "method.pow_ method.prod method.relu method.requires_grad_ method.reshape method.reshape_as "
    "method.retain_grad method.roll method.round method.scatter method.sigmoid method.sign method.sin "
    "method.softmax method.sort method.sqrt method.sqrt_ method.square method.squeeze method.std method.sub "
    "method.sub_ method.sum method.t method.tan method.tanh method.to method.topk method.transpose method.tril "
    "method.triu method.trunc method.type_as method.uniform_ method.unique method.unsqueeze method.var "
    "method.view method.view_as method.zero_ method.zeros_like method.backward "
    "ndarray.all ndarray.any ndarray.argmax ndarray.argmin ndarray.argsort ndarray.astype ndarray.clip "
    "ndarray.copy ndarray.cumprod ndarray.cumsum ndarray.fill ndarray.flatten ndarray.max ndarray.mean "
    "ndarray.min ndarray.prod ndarray.ravel ndarray.reshape ndarray.round ndarray.sort ndarray.squeeze "
    "ndarray.std ndarray.sum ndarray.swapaxes ndarray.transpose ndarray.var"
).split())
"""Tensor ("method.") and ndarray methods whose result is no bigger than their arrays broadcast together."""

METHODS_NO_ARRAYS = frozenset((
    "method.dim method.element_size method.item method.numel method.size method.data_ptr method.is_complex "
    "method.is_contiguous method.is_floating_point method.tolist ndarray.item ndarray.tolist"
).split())
"""Tensor and ndarray methods that return no array (``ndarray.tolist``/``nonzero`` are sized elsewhere)."""


def estimate(qualified: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Estimate:
    """Size, work and pieces of calling ``qualified`` with these arguments; for methods the owner is ``args[0]``."""
    spec = SPECS.get(qualified)
    if spec is not None:
        params, function = spec
        try:
            return function(bind(params, args, kwargs))
        except (TypeError, ValueError, IndexError, OverflowError, RuntimeError):
            return Estimate()  # arguments torch will refuse on its own
    if qualified in LINALG_CUBIC:
        return cubic(dict(enumerate_args(args, kwargs)))
    return Estimate(broadcast_elements(list(args) + list(kwargs.values())))


def enumerate_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[tuple[str, Any]]:
    """Positional arguments named ``0``, ``1``... followed by the keywords (for estimators that only need arrays)."""
    return [(str(i), a) for i, a in enumerate(args)] + list(kwargs.items())
