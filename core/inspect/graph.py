"""The model as a dataflow graph: torch.fx where it can trace, module hooks where it cannot.

``torch.fx`` traces the forward code symbolically, so the graph shows every layer
call, every function (the ``+`` of a residual block, a ``flatten``) and how tensors
flow between them, whatever the input. A model whose forward branches on tensor
values cannot be traced symbolically; for it the graph is recorded from one real
forward pass instead (module hooks for the layers, a torch function mode for the
functions in between) and flagged as a fallback: it shows the path this sample took.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Sequence

import torch
from torch import nn

from torchdesk.core.i18n import translate
from torchdesk.core.inspect.probe import describe_module, format_shapes, inspecting, sample_batch, shape_of, tensors_in

OP_KINDS = ("input", "module", "function", "method", "attr", "output", "group")


@dataclass(frozen=True)
class GraphNode:
    """One box of the graph.

    ``op`` is one of ``input``, ``module`` (a layer call), ``function`` (a torch or
    operator function), ``method`` (a tensor method like ``view``), ``attr`` (a
    parameter or buffer read directly), ``output`` and ``group`` (collapsed
    layers). ``module`` is the dotted module path for layer calls and groups (what
    links a box to the layer table), ``scope`` the enclosing modules outermost first.
    """

    id: str
    label: str
    op: str
    type: str
    module: str = ""
    shapes: tuple[tuple[int, ...], ...] = ()
    detail: str = ""
    scope: tuple[str, ...] = ()
    members: tuple[str, ...] = ()

    @property
    def shape_text(self) -> str:
        """The output shape (``1×64×28×28``), ``—`` when unknown."""
        return format_shapes(self.shapes)


@dataclass(frozen=True)
class GraphEdge:
    """A tensor flowing from node ``src`` to node ``dst``."""

    src: str
    dst: str


@dataclass
class ModelGraph:
    """Nodes and edges of a model, and how they were obtained.

    ``method`` is ``fx`` (symbolic trace, exact for every input) or ``hooks`` (one
    recorded forward pass); ``fallback_reason`` says why fx could not be used.
    """

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    method: str = "fx"
    fallback_reason: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def fallback(self) -> bool:
        """True when the graph comes from module hooks because fx could not trace the model."""
        return self.method != "fx"

    def node(self, node_id: str) -> GraphNode:
        """The node with ``node_id``."""
        for n in self.nodes:
            if n.id == node_id:
                return n
        raise KeyError(node_id)

    def nodes_of(self, op: str) -> list[GraphNode]:
        """Every node of kind ``op``."""
        return [n for n in self.nodes if n.op == op]

    def successors(self, node_id: str) -> list[str]:
        """Ids of the nodes fed by ``node_id``."""
        return [e.dst for e in self.edges if e.src == node_id]

    def predecessors(self, node_id: str) -> list[str]:
        """Ids of the nodes feeding ``node_id``."""
        return [e.src for e in self.edges if e.dst == node_id]

    def max_depth(self) -> int:
        """The deepest module nesting of any node (what ``collapse_graph`` can fold)."""
        return max((len(n.scope) for n in self.nodes), default=0)


def build_graph(model: nn.Module, input_shape: Sequence[int], sample: torch.Tensor | None = None) -> ModelGraph:
    """The graph of ``model`` for ``(1, *input_shape)`` input: fx first, module hooks as the fallback."""
    batch = sample_batch(model, input_shape, sample)
    try:
        return _fx_graph(model, batch)
    except Exception as exc:  # fx raises many kinds of errors on untraceable code
        reason = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    graph = _hook_graph(model, batch)
    graph.fallback_reason = reason
    return graph


# -- torch.fx --------------------------------------------------------------------------------------

def _callable_name(target: Any) -> str:
    name = getattr(target, "__name__", None) or str(target)
    return name.replace("<built-in function ", "").rstrip(">")


def _fx_graph(model: nn.Module, batch: torch.Tensor) -> ModelGraph:
    import torch.fx as fx
    from torch.fx.passes.shape_prop import ShapeProp

    traced = fx.symbolic_trace(model)
    notes: list[str] = []
    shapes_known = True
    try:
        with inspecting(traced):
            ShapeProp(traced).propagate(batch)
    except Exception as exc:
        shapes_known = False
        notes.append(translate("inspect", "Shapes unknown: the sample did not pass through the model ({error}: "
                                          "{detail}).").format(error=type(exc).__name__, detail=exc))

    modules = dict(model.named_modules())
    nodes: list[GraphNode] = []
    kept: set[str] = set()
    for node in traced.graph.nodes:
        meta = node.meta.get("tensor_meta")
        shapes = _meta_shapes(meta)
        # Shape bookkeeping (x.size(0), getattr on a shape) is not dataflow: leave it out.
        if shapes_known and not shapes and node.op in ("call_function", "call_method"):
            continue
        stack = node.meta.get("nn_module_stack") or {}
        scope = tuple(path for path, _ in stack.values()) if stack else ()
        if node.op == "placeholder":
            gn = GraphNode(node.name, node.name, "input", "input", shapes=shapes)
        elif node.op == "output":
            gn = GraphNode(node.name, "output", "output", "output", shapes=_output_shapes(node))
        elif node.op == "call_module":
            module = modules.get(str(node.target))
            type_name = type(module).__name__ if module is not None else "Module"
            detail = _module_detail(module)
            scope = scope or _prefixes(str(node.target))
            gn = GraphNode(node.name, str(node.target), "module", type_name, module=str(node.target),
                           shapes=shapes, detail=detail, scope=scope)
        elif node.op == "call_function":
            name = _callable_name(node.target)
            gn = GraphNode(node.name, name, "function", name, shapes=shapes, scope=scope)
        elif node.op == "call_method":
            gn = GraphNode(node.name, f".{node.target}()", "method", str(node.target), shapes=shapes, scope=scope)
        else:  # get_attr
            gn = GraphNode(node.name, str(node.target), "attr", "parameter", shapes=shapes,
                           scope=_prefixes(str(node.target))[:-1])
        nodes.append(gn)
        kept.add(node.name)

    edges: list[GraphEdge] = []
    seen: set[tuple[str, str]] = set()
    for node in traced.graph.nodes:
        if node.name not in kept:
            continue
        for source in node.all_input_nodes:
            if source.name in kept and (source.name, node.name) not in seen:
                seen.add((source.name, node.name))
                edges.append(GraphEdge(source.name, node.name))
    return ModelGraph(nodes, edges, "fx", notes=notes)


def _meta_shapes(meta: Any) -> tuple[tuple[int, ...], ...]:
    if meta is None:
        return ()
    if hasattr(meta, "shape"):
        return (tuple(int(s) for s in meta.shape),)
    if isinstance(meta, (list, tuple)):
        return tuple(s for m in meta for s in _meta_shapes(m))
    if isinstance(meta, dict):
        return tuple(s for m in meta.values() for s in _meta_shapes(m))
    return ()


def _output_shapes(node: Any) -> tuple[tuple[int, ...], ...]:
    return tuple(s for source in node.all_input_nodes for s in _meta_shapes(source.meta.get("tensor_meta")))


def _prefixes(path: str) -> tuple[str, ...]:
    parts = path.split(".")
    return tuple(".".join(parts[: i + 1]) for i in range(len(parts)))


def _module_detail(module: nn.Module | None) -> str:
    return describe_module(module)


# -- the fallback: one recorded forward pass -----------------------------------------------------------

class _Recorder(torch.overrides.TorchFunctionMode):
    """Records torch functions called outside leaf modules, linking tensors to their producers."""

    def __init__(self, graph: "_GraphBuilder") -> None:
        super().__init__()
        self.graph = graph

    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        kwargs = kwargs or {}
        output = func(*args, **kwargs)
        self.graph.function_called(func, (args, kwargs), output)
        return output


class _GraphBuilder:
    def __init__(self, model: nn.Module) -> None:
        self.names = {module: name for name, module in model.named_modules()}
        self.leaves = {m for m in self.names if not any(True for _ in m.children())}
        self.nodes: list[GraphNode] = []
        self.edges: list[GraphEdge] = []
        self.producer: dict[int, str] = {}
        self.alive: list[torch.Tensor] = []  # keeps ids unique while recording
        self.stack: list[nn.Module] = []
        self.counts: dict[str, int] = {}

    def _new_id(self, base: str) -> str:
        base = base.replace(".", "_") or "node"
        n = self.counts.get(base, 0)
        self.counts[base] = n + 1
        return base if n == 0 else f"{base}_{n}"

    def _scope(self) -> tuple[str, ...]:
        return tuple(self.names[m] for m in self.stack if self.names.get(m))

    def _connect(self, inputs: Any, node_id: str) -> bool:
        linked = False
        for tensor in tensors_in(inputs):
            src = self.producer.get(id(tensor))
            if src is not None and src != node_id:
                edge = GraphEdge(src, node_id)
                if edge not in self.edges:
                    self.edges.append(edge)
                linked = True
        return linked

    def _mark(self, outputs: Any, node_id: str) -> None:
        for tensor in tensors_in(outputs):
            self.producer[id(tensor)] = node_id
            self.alive.append(tensor)

    def add_input(self, batch: torch.Tensor) -> None:
        self.nodes.append(GraphNode("x", "x", "input", "input", shapes=shape_of(batch)))
        self._mark(batch, "x")

    def pre_hook(self, module: nn.Module, inputs: Any) -> None:
        self.stack.append(module)

    def post_hook(self, module: nn.Module, inputs: Any, output: Any) -> None:
        if self.stack and self.stack[-1] is module:
            self.stack.pop()
        if module not in self.leaves:
            return
        name = self.names.get(module, "")
        node_id = self._new_id(name)
        self.nodes.append(GraphNode(node_id, name, "module", type(module).__name__, module=name,
                                    shapes=shape_of(output), detail=_module_detail(module),
                                    scope=self._scope() + (name,) if name else self._scope()))
        self._connect(inputs, node_id)
        self._mark(output, node_id)

    def function_called(self, func: Any, inputs: Any, output: Any) -> None:
        if self.stack and self.stack[-1] in self.leaves:
            return  # inside a layer: the layer's own node stands for it
        outputs = tensors_in(output)
        if not outputs:
            return
        known = [t for t in tensors_in(inputs) if id(t) in self.producer]
        if not known:
            return
        name = _callable_name(func)
        node_id = self._new_id(name)
        self.nodes.append(GraphNode(node_id, name, "function", name, shapes=shape_of(output), scope=self._scope()))
        self._connect(inputs, node_id)
        self._mark(output, node_id)

    def add_output(self, output: Any) -> None:
        self.nodes.append(GraphNode("output", "output", "output", "output", shapes=shape_of(output)))
        self._connect(output, "output")

    def prune(self) -> None:
        """Drop branches that never reach the output (a value tested in an ``if``, for example)."""
        if not any(n.id == "output" for n in self.nodes):
            return
        useful = {"output"}
        changed = True
        while changed:
            changed = False
            for edge in self.edges:
                if edge.dst in useful and edge.src not in useful:
                    useful.add(edge.src)
                    changed = True
        self.nodes = [n for n in self.nodes if n.id in useful or n.op == "input"]
        self.edges = [e for e in self.edges if e.src in useful and e.dst in useful]


def _hook_graph(model: nn.Module, batch: torch.Tensor) -> ModelGraph:
    builder = _GraphBuilder(model)
    handles = []
    for module in builder.names:
        handles.append(module.register_forward_pre_hook(builder.pre_hook))
        handles.append(module.register_forward_hook(builder.post_hook))
    builder.add_input(batch)
    notes: list[str] = []
    try:
        with inspecting(model), _Recorder(builder):
            output = model(batch)
        builder.add_output(output)
        builder.prune()
    except Exception as exc:
        notes.append(translate("inspect", "The sample forward pass failed part-way ({error}: {detail}); the graph "
                                          "shows the layers reached before the error.").format(
                                              error=type(exc).__name__, detail=exc))
    finally:
        for handle in handles:
            handle.remove()
    return ModelGraph(builder.nodes, builder.edges, "hooks", notes=notes)


# -- folding layers into blocks ----------------------------------------------------------------------

def collapse_graph(graph: ModelGraph, depth: int, model: nn.Module | None = None) -> ModelGraph:
    """The graph with everything inside modules nested deeper than ``depth`` folded into one box each.

    ``depth=1`` keeps only top-level children (``layer1``, ``fc``), ``depth=2``
    their children (``layer1.0``) and so on; nodes already shallow enough stay.
    Edges between folded boxes are merged; edges inside a box disappear.
    """
    if depth <= 0:
        return graph
    modules = dict(model.named_modules()) if model is not None else {}
    group_of: dict[str, str] = {}
    groups: dict[str, list[GraphNode]] = {}
    order: list[str] = []
    for node in graph.nodes:
        if node.op in ("input", "output") or len(node.scope) < depth:
            key = node.id
        elif node.op == "module" and node.module == node.scope[depth - 1]:
            key = node.id  # a layer at exactly this depth stays itself
        else:
            key = "group:" + node.scope[depth - 1]
        group_of[node.id] = key
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(node)

    # A group's output shape is that of its members whose results leave the group.
    leaving: dict[str, list[GraphNode]] = {}
    for edge in graph.edges:
        if group_of[edge.src] != group_of[edge.dst]:
            leaving.setdefault(group_of[edge.src], [])
            src = graph.node(edge.src)
            if src not in leaving[group_of[edge.src]]:
                leaving[group_of[edge.src]].append(src)

    nodes: list[GraphNode] = []
    for key in order:
        members = groups[key]
        if not key.startswith("group:"):
            nodes.append(members[0])
            continue
        path = key[len("group:"):]
        module = modules.get(path)
        type_name = type(module).__name__ if module is not None else "block"
        outs = leaving.get(key) or members[-1:]
        nodes.append(GraphNode(
            id=key, label=path, op="group", type=type_name, module=path,
            shapes=tuple(s for n in outs[-1:] for s in n.shapes),
            detail=(translate("inspect", "{count} operation") if len(members) == 1
                    else translate("inspect", "{count} operations")).format(count=len(members)),
            scope=members[0].scope[:depth],
            members=tuple(n.id for n in members),
        ))
    edges: list[GraphEdge] = []
    for edge in graph.edges:
        merged = GraphEdge(group_of[edge.src], group_of[edge.dst])
        if merged.src != merged.dst and merged not in edges:
            edges.append(merged)
    return replace(graph, nodes=nodes, edges=edges)
