"""What the playground's value viewer shows of one variable, computed where the variable lives.

Variables live in the playground's worker process (:mod:`.kernel`), so the viewer in
the app gets a :class:`ValueView`: plain NumPy data and text that crosses a pipe, with
the expensive parts (the histogram over up to 20 million values, a bounded ``repr``,
the autograd graph) already computed in the worker.
"""

from __future__ import annotations

import reprlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from torchdesk.core.i18n import translate
from torchdesk.core.playground.autograd_graph import AutogradGraph, autograd_graph

TEXT_LIMIT = 100_000
"""Characters of a non-array value's text the viewer gets at most."""

_text = reprlib.Repr()
_text.maxlevel = 6
_text.maxlist = _text.maxtuple = _text.maxdict = _text.maxset = _text.maxfrozenset = _text.maxdeque = 200
_text.maxstring = TEXT_LIMIT
_text.maxother = 5_000
_text.maxlong = 5_000


@dataclass(frozen=True)
class ValueView:
    """One variable as the viewer shows it.

    Tensors and arrays come as ``array`` (a NumPy copy: detached, on the CPU, complex as
    magnitude) with their ``histogram`` (counts, edges) when it has one; anything else as
    ``text``. ``graph`` is the tensor's autograd graph, or ``graph_message`` says why
    there is none.
    """

    name: str
    caption: str
    array: np.ndarray | None = None
    histogram: tuple[np.ndarray, np.ndarray] | None = None
    text: str | None = None
    graph: AutogradGraph | None = None
    graph_message: str = ""


def to_numpy(value: Any) -> np.ndarray | None:
    """A NumPy copy of a tensor/array (detached, on the CPU, complex -> magnitude), None if not array-like."""
    try:
        if isinstance(value, torch.Tensor):
            tensor = value.detach()
            if tensor.device.type != "cpu":
                tensor = tensor.cpu()
            if tensor.is_complex():
                tensor = tensor.abs()
            if tensor.dtype in (torch.bfloat16, torch.float16):
                tensor = tensor.float()
            return tensor.numpy()
    except (RuntimeError, TypeError, NotImplementedError):  # meta tensors, odd dtypes
        return None
    if isinstance(value, np.ndarray):
        return np.abs(value) if np.iscomplexobj(value) else value
    return None


def is_numeric(array: np.ndarray) -> bool:
    """Whether ``array`` holds numbers (or booleans) a heatmap and a histogram can show."""
    return bool(np.issubdtype(array.dtype, np.number) or array.dtype == np.bool_)


def histogram_of(array: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Counts and bin edges of the finite values of ``array``; None when there are fewer than two values."""
    if array.size < 2 or not is_numeric(array):
        return None
    values = array.astype(np.float64, copy=False).ravel()
    values = values[np.isfinite(values)]
    if values.size == 0:
        return None
    return np.histogram(values, bins=min(100, max(10, int(np.sqrt(values.size)))))


def bounded_text(value: Any) -> str:
    """``value``'s repr, bounded in depth, items and characters (a deep or huge structure cannot stall it)."""
    try:
        text = _text.repr(value)
    except Exception as exc:  # a repr that raises is still something to show
        text = translate("views", "<{type}: its text could not be made ({error})>").format(
            type=type(value).__name__, error=type(exc).__name__)
    if len(text) <= TEXT_LIMIT:
        return text
    return text[:TEXT_LIMIT] + "\n" + translate("views", "… ({count:,} more characters)").format(count=len(text) - TEXT_LIMIT)


def view_of(name: str, namespace: dict[str, Any]) -> ValueView | None:
    """What the viewer shows of ``namespace[name]``; None when there is no such variable."""
    if name not in namespace:
        return None
    value = namespace[name]
    graph, graph_message = None, translate("views", "{name} is not a tensor, so it has no autograd graph.").format(name=name)
    if isinstance(value, torch.Tensor):
        try:
            graph, graph_message = autograd_graph(value, namespace), ""
        except Exception as exc:  # a graph that cannot be walked must not lose the values
            graph_message = translate("views", "The autograd graph of {name} could not be drawn ({error}).").format(
                name=name, error=type(exc).__name__)
    array = to_numpy(value)
    if array is None or array.dtype == object:
        return ValueView(name, f"{name}: {type(value).__name__}", text=bounded_text(value),
                         graph=graph, graph_message=graph_message)
    caption = translate("views", "{name}: {type} of shape {shape}, {dtype}").format(
        name=name, type=type(value).__name__, shape=tuple(array.shape), dtype=str(value.dtype).replace("torch.", ""))
    return ValueView(name, caption, array=array, histogram=histogram_of(array), graph=graph, graph_message=graph_message)
