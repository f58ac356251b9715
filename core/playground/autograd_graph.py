"""Autograd made visible: the graph of ``grad_fn`` nodes from a result back to its leaf tensors.

:func:`autograd_graph` walks ``tensor.grad_fn.next_functions`` down to the
``AccumulateGrad`` nodes, whose ``variable`` is a leaf tensor (``w``, ``b`` in the
walkthrough), and gives each node a layer so a view can draw the graph top to bottom.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import torch

from torchdesk.core.i18n import translate


@dataclass
class GraphNode:
    """One box of the drawing: the result, a backward function, or a leaf tensor."""

    key: int
    kind: str  # "result" | "function" | "leaf"
    label: str
    detail: str = ""
    name: str = ""
    layer: int = 0
    grad: str = ""
    """For a leaf after ``backward()``: its ``.grad`` printed the torch way ('' when None)."""


@dataclass(frozen=True)
class GraphEdge:
    """An arrow from ``source`` to ``target`` (from a result towards its inputs)."""

    source: int
    target: int


@dataclass
class AutogradGraph:
    """Nodes and edges of one result's backward graph."""

    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[GraphEdge] = field(default_factory=list)
    truncated: bool = False

    def by_kind(self, kind: str) -> list[GraphNode]:
        """The nodes of one kind (``"function"``, ``"leaf"`` or ``"result"``)."""
        return [node for node in self.nodes if node.kind == kind]

    def labels(self) -> list[str]:
        """Every node's label, result first (handy in tests and tooltips)."""
        return [node.label for node in self.nodes]

    def layers(self) -> list[list[GraphNode]]:
        """Nodes grouped by layer, result at layer 0."""
        count = max((node.layer for node in self.nodes), default=-1) + 1
        grouped: list[list[GraphNode]] = [[] for _ in range(count)]
        for node in self.nodes:
            grouped[node.layer].append(node)
        return grouped


def _shape(tensor: torch.Tensor) -> str:
    return "×".join(str(d) for d in tensor.shape) or translate("autograd_graph", "scalar")


def _names_by_id(namespace: dict[str, Any] | None) -> dict[int, str]:
    names: dict[int, str] = {}
    for name, value in (namespace or {}).items():
        if isinstance(value, torch.Tensor):
            names.setdefault(id(value), name)
    return names


def _names_by_grad_fn(namespace: dict[str, Any] | None) -> dict[int, list[str]]:
    """id(grad_fn) -> names of the variables that backward function produced (``z`` for ``AddBackward0``)."""
    made: dict[int, list[str]] = {}
    for name, value in (namespace or {}).items():
        if isinstance(value, torch.Tensor) and value.grad_fn is not None:
            made.setdefault(id(value.grad_fn), []).append(name)
    return made


def autograd_graph(tensor: torch.Tensor, namespace: dict[str, Any] | None = None, max_nodes: int = 200) -> AutogradGraph:
    """The backward graph of ``tensor``, naming tensors found in ``namespace``.

    A leaf tensor with ``requires_grad`` is a graph of one leaf; a tensor with neither
    ``grad_fn`` nor ``requires_grad`` gives an empty graph.
    """
    names = _names_by_id(namespace)
    produced_by = _names_by_grad_fn(namespace)
    graph = AutogradGraph()
    result_name = names.get(id(tensor), "")
    if tensor.grad_fn is None:
        if tensor.requires_grad:
            graph.nodes.append(_leaf_node(tensor, names, 0))
        return graph

    root = GraphNode(id(tensor), "result", result_name or translate("autograd_graph", "result"), f"{_shape(tensor)} {tensor.dtype}".replace("torch.", ""), result_name, 0)
    graph.nodes.append(root)
    seen: dict[int, GraphNode] = {}
    frontier: list[tuple[Any, int, int]] = [(tensor.grad_fn, root.key, 1)]
    while frontier:
        fn, parent, layer = frontier.pop(0)
        key = id(fn)
        if key in seen:
            node = seen[key]
            node.layer = max(node.layer, layer)
            graph.edges.append(GraphEdge(parent, key))
            continue
        if len(seen) >= max_nodes:
            graph.truncated = True
            continue
        variable = getattr(fn, "variable", None)
        if isinstance(variable, torch.Tensor):
            node = _leaf_node(variable, names, layer)
            node.key = key
        else:
            made = produced_by.get(key, [])
            detail = translate("autograd_graph", "gives {names}").format(names=", ".join(made)) if made else ""
            node = GraphNode(key, "function", fn.name(), detail, made[0] if made else "", layer)
        seen[key] = node
        graph.nodes.append(node)
        graph.edges.append(GraphEdge(parent, key))
        for child, _index in getattr(fn, "next_functions", ()):
            if child is not None:
                frontier.append((child, key, layer + 1))
    _push_leaves_down(graph)
    return graph


def _leaf_node(tensor: torch.Tensor, names: dict[int, str], layer: int) -> GraphNode:
    name = names.get(id(tensor), "")
    grad = "" if tensor.grad is None else str(tensor.grad)
    return GraphNode(id(tensor), "leaf", name or translate("autograd_graph", "leaf"), f"{_shape(tensor)} {tensor.dtype}".replace("torch.", ""), name, layer, grad)


def _push_leaves_down(graph: AutogradGraph) -> None:
    """Relayer so every edge points to a deeper layer (a node reached twice keeps its deepest layer)."""
    by_key = {node.key: node for node in graph.nodes}
    for _ in range(len(graph.nodes)):
        changed = False
        for edge in graph.edges:
            source, target = by_key[edge.source], by_key[edge.target]
            if target.layer <= source.layer:
                target.layer = source.layer + 1
                changed = True
        if not changed:
            break
