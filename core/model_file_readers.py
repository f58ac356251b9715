"""Reading the layers, shapes, parameter counts and graph out of exported model files, without running them.

:mod:`torchdesk.core.model_files` decides what a file is; the readers here turn each
format into the rows (:class:`~torchdesk.core.inspect.summary.LayerRow`) and graph
(:class:`~torchdesk.core.inspect.graph.ModelGraph`) the Model panel and
``torchdesk inspect`` show for any model:

* :func:`read_pt2` reads a ``torch.export`` program's own description (``models/*.json``
  and the weights' config) as JSON. It never calls ``torch.export.load``, which runs
  code from the file (measured with torch 2.14: a tensor size written as an expression
  is handed to ``sympy.sympify``, which evaluates it; pickled weights are read with
  ``torch.load(weights_only=False)``).
* :func:`read_onnx` parses the ONNX protobuf (data only) without its external data.
* :func:`read_torchscript` describes a module ``torch.jit.load`` built; the loading
  itself is :func:`torchdesk.core.model_files.load_torchscript`.

Everything read from a file is bounded: the JSON is measured with
:func:`~torchdesk.core.untrusted.check_structure`, values are checked before use and
messages describe values with :func:`~torchdesk.core.untrusted.describe`.
"""

from __future__ import annotations

import json
import math
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from torchdesk.core.i18n import translate
from torchdesk.core.inspect.graph import GraphEdge, GraphNode, ModelGraph
from torchdesk.core.inspect.summary import LayerRow
from torchdesk.core.untrusted import FileContentError, check_structure, expect_dict, expect_list, expect_str

MAX_JSON_BYTES = 256 * 1024 * 1024  # a program description past this is not one torch.export wrote for a model
MAX_GRAPH_NODES = 200_000


@dataclass
class FileContents:
    """What a reader found: rows (the whole model first), the graph, shapes and the file's own notes."""

    rows: list[LayerRow]
    graph: ModelGraph
    input_shapes: list[tuple[int, ...]] = field(default_factory=list)  # each input, batch dimension included
    output_shapes: tuple[tuple[int, ...], ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    dynamic_batch: bool = False


def _count(shape: tuple[int, ...]) -> int:
    return math.prod(shape) if shape else 1


def _subtree_params(name: str, params: dict[str, int]) -> int:
    """Parameters of module ``name`` and its children (``""`` is the whole model)."""
    return sum(n for key, n in params.items() if not name or key == name or key.startswith(name + "."))


def _module_rows(modules: list[tuple[str, str]], params: dict[str, int], shapes: dict[str, tuple[tuple[int, ...], ...]],
                 root_type: str) -> list[LayerRow]:
    """One row per module path (parents before children), the whole model first."""
    names = [name for name, _ in modules]
    rows = [LayerRow(name="", type=root_type, depth=0, leaf=not names, params=_subtree_params("", params),
                     trainable=_subtree_params("", params), output_shapes=shapes.get("", ()))]
    for name, type_name in modules:
        leaf = not any(other.startswith(name + ".") for other in names)
        count = _subtree_params(name, params)
        rows.append(LayerRow(name=name, type=type_name, depth=name.count(".") + 1, leaf=leaf, params=count,
                             trainable=count, output_shapes=shapes.get(name, ())))
    return rows


# -- torch.export programs (.pt2) -------------------------------------------------------------
def _zip_json(zf: zipfile.ZipFile, name: str, what: str) -> Any:
    info = zf.getinfo(name)
    if info.file_size > MAX_JSON_BYTES:
        raise FileContentError(translate("model_file_readers", "{what} claims {size:,} bytes, more than a model "
                                                               "description holds.").format(
                                   what=what, size=info.file_size))
    try:
        value = json.loads(zf.read(name).decode("utf-8"))
    except RecursionError:
        raise FileContentError(translate("model_file_readers", "{what} is nested too deeply to be a model "
                                                               "description.").format(what=what)) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise FileContentError(translate("model_file_readers", "{what} is not valid JSON ({reason}).").format(
            what=what, reason=str(exc)[:120])) from None
    check_structure(value, what, max_depth=64, max_nodes=20_000_000)
    return value


def _size(value: Any, what: str) -> tuple[int, bool]:
    """One dimension of a serialized tensor: its value (a symbolic one's hint, else 1) and whether it is symbolic."""
    entry = expect_dict(value, what)
    if "as_int" in entry:
        number = entry["as_int"]
        if not isinstance(number, int) or isinstance(number, bool) or not 0 <= number < 2 ** 48:
            raise FileContentError(translate("model_file_readers", "{what} is not a tensor size.").format(what=what))
        return number, False
    expr = expect_dict(entry.get("as_expr", {}), what)
    hint = expr.get("hint")
    if isinstance(hint, dict) and isinstance(hint.get("as_int"), int) and 0 < hint["as_int"] < 2 ** 31:
        return int(hint["as_int"]), True
    return 1, True


def _tensor_shapes(tensor_values: dict[str, Any]) -> tuple[dict[str, tuple[int, ...]], set[str]]:
    """Every named tensor's shape, and the names whose first dimension is symbolic (a dynamic batch)."""
    shapes: dict[str, tuple[int, ...]] = {}
    dynamic: set[str] = set()
    for name, meta in tensor_values.items():
        tensor = str(name)[:60]
        sizes = expect_list(expect_dict(meta, translate("model_file_readers", "tensor {name}").format(name=tensor))
                            .get("sizes", []),
                            translate("model_file_readers", "the sizes of tensor {name}").format(name=tensor),
                            max_items=64)
        dims = [_size(s, translate("model_file_readers", "a size of tensor {name}").format(name=tensor))
                for s in sizes]
        shapes[str(name)] = tuple(d for d, _ in dims)
        if dims and dims[0][1]:
            dynamic.add(str(name))
    return shapes, dynamic


def _tensor_names(arg: Any) -> list[str]:
    """The tensor names an argument of a serialized node refers to."""
    if not isinstance(arg, dict):
        return []
    if isinstance(arg.get("as_tensor"), dict):
        return [str(arg["as_tensor"].get("name", ""))]
    if isinstance(arg.get("as_tensors"), list):
        return [str(t.get("name", "")) for t in arg["as_tensors"] if isinstance(t, dict)]
    if isinstance(arg.get("as_optional_tensors"), list):
        return [str(t["as_tensor"].get("name", "")) for t in arg["as_optional_tensors"]
                if isinstance(t, dict) and isinstance(t.get("as_tensor"), dict)]
    return []


def _module_stack(metadata: Any) -> list[tuple[str, str]]:
    """``[(path, short class name)]`` outermost first from a node's ``nn_module_stack`` (the root left out)."""
    text = metadata.get("nn_module_stack", "") if isinstance(metadata, dict) else ""
    stack = []
    for entry in str(text)[:10_000].split(";"):
        parts = entry.split(",")
        if len(parts) >= 3 and parts[1]:
            stack.append((parts[1], parts[-1].rsplit(".", 1)[-1]))
    return stack


def read_pt2(path: Path, zf: zipfile.ZipFile) -> FileContents:
    """The program ``model`` of a ``.pt2`` archive, read from its JSON description (nothing is run)."""
    names = zf.namelist()
    model_json = next((n for n in names if n.endswith("/models/model.json")), None) or next(
        (n for n in names if "/models/" in n and n.endswith(".json")), None)
    if model_json is None:
        raise FileContentError(translate("model_file_readers", "{name} looks like a torch.export archive but has no "
                                                               "program description (models/model.json).").format(
                                   name=path.name))
    program = expect_dict(_zip_json(zf, model_json, translate("model_file_readers", "{name}'s program description")
                                    .format(name=path.name)),
                          translate("model_file_readers", "the program description"))
    graph_module = expect_dict(program.get("graph_module"), translate("model_file_readers",
                                                                      "the program's graph_module"))
    graph = expect_dict(graph_module.get("graph"), translate("model_file_readers", "the program's graph"))
    nodes = expect_list(graph.get("nodes", []), translate("model_file_readers", "the graph's nodes"),
                        max_items=MAX_GRAPH_NODES)
    shapes, dynamic = _tensor_shapes(expect_dict(graph.get("tensor_values", {}),
                                                 translate("model_file_readers", "the graph's tensor_values")))
    signature = expect_dict(graph_module.get("signature", {}), translate("model_file_readers",
                                                                         "the program's signature"))

    params: dict[str, int] = {}
    weight_inputs: set[str] = set()
    user_inputs: list[str] = []
    for spec in expect_list(signature.get("input_specs", []), translate("model_file_readers", "the signature's inputs"),
                            max_items=MAX_GRAPH_NODES):
        spec = expect_dict(spec, translate("model_file_readers", "an input of the signature"))
        for kind in ("parameter", "buffer", "tensor_constant"):
            entry = spec.get(kind)
            if isinstance(entry, dict) and isinstance(entry.get("arg"), dict):
                tensor = str(entry["arg"].get("name", ""))
                weight_inputs.add(tensor)
                if kind == "parameter":
                    params[expect_str(entry.get("parameter_name", tensor),
                                      translate("model_file_readers", "a parameter name"), 1000)] = _count(
                        shapes.get(tensor, ()))
        user = spec.get("user_input")
        if isinstance(user, dict):
            user_inputs.extend(_tensor_names(user.get("arg")))
    outputs = [t for spec in signature.get("output_specs", []) if isinstance(spec, dict)
               for t in _tensor_names((spec.get("user_output") or {}).get("arg"))]

    graph_nodes: list[GraphNode] = [GraphNode(f"input:{name}", name, "input", "input", shapes=(shapes.get(name, ()),))
                                    for name in user_inputs]
    producer = {name: f"input:{name}" for name in user_inputs}
    edges: list[GraphEdge] = []
    modules: dict[str, str] = {}
    module_shapes: dict[str, tuple[tuple[int, ...], ...]] = {}
    for index, node in enumerate(nodes):
        node = expect_dict(node, translate("model_file_readers", "a graph node"))
        target = expect_str(node.get("target", ""), translate("model_file_readers", "a node's operation"), 500)
        op_name = target.removeprefix("torch.ops.").rsplit(".", 1)[0] if target.startswith("torch.ops.") else target
        stack = _module_stack(node.get("metadata"))
        for module_path, type_name in stack:
            modules.setdefault(module_path, type_name)
        out_names = [n for out in expect_list(node.get("outputs", []), translate("model_file_readers",
                                                                                 "a node's outputs"), max_items=1000)
                     for n in _tensor_names(out)]
        out_shapes = tuple(shapes[n] for n in out_names if n in shapes)
        node_id = f"n{index}:{str(node.get('name', ''))[:80]}"
        inner = stack[-1][0] if stack else ""
        graph_nodes.append(GraphNode(node_id, op_name.split(".")[-1] or "op", "function", op_name, module=inner,
                                     shapes=out_shapes, detail=target[:120],
                                     scope=tuple(p for p, _ in stack)))
        for module_path, _ in stack:
            if out_shapes:
                module_shapes[module_path] = out_shapes
        for argument in expect_list(node.get("inputs", []), translate("model_file_readers", "a node's inputs"),
                                    max_items=1000):
            for tensor in _tensor_names(argument.get("arg") if isinstance(argument, dict) else None):
                source = producer.get(tensor)
                if source is not None and GraphEdge(source, node_id) not in edges[-64:]:
                    edges.append(GraphEdge(source, node_id))
        for name in out_names:
            producer[name] = node_id
    output_shapes = tuple(shapes[n] for n in outputs if n in shapes)
    graph_nodes.append(GraphNode("output", "output", "output", "output", shapes=output_shapes))
    edges.extend(GraphEdge(producer[n], "output") for n in outputs if n in producer)
    module_shapes[""] = output_shapes

    contents = FileContents(
        rows=_module_rows(sorted(modules.items(), key=lambda item: _path_key(item[0], list(modules))),
                          params, module_shapes, "ExportedProgram"),
        graph=ModelGraph(graph_nodes, edges, method="torch.export"),
        input_shapes=[shapes.get(name, ()) for name in user_inputs],
        output_shapes=output_shapes,
        metadata=_pt2_extra(zf),
        dynamic_batch=any(name in dynamic for name in user_inputs),
    )
    if not modules:
        contents.notes.append(translate("model_file_readers", "The program does not record which module each "
                                                              "operation came from, so the table lists the whole "
                                                              "program only."))
    return contents


def _path_key(path: str, order: list[str]) -> tuple[int, ...]:
    """Parents right before their children, siblings in the order the program first used them."""
    parts = path.split(".")
    return tuple(order.index(".".join(parts[: i + 1])) if ".".join(parts[: i + 1]) in order else 0
                 for i in range(len(parts)))


def _pt2_extra(zf: zipfile.ZipFile) -> dict[str, str]:
    """torchdesk's own metadata (``extra/torchdesk.json``: classes, input shape, dataset) when the export has it."""
    name = next((n for n in zf.namelist() if n.endswith("/extra/torchdesk.json")), None)
    return _metadata_json(zf, name) if name else {}


def _metadata_json(zf: zipfile.ZipFile, name: str) -> dict[str, str]:
    try:
        value = _zip_json(zf, name, "torchdesk.json")
    except (FileContentError, KeyError, zipfile.BadZipFile):
        return {}
    return {str(k)[:100]: v for k, v in value.items() if isinstance(v, str) and len(v) < 1_000_000} if isinstance(
        value, dict) else {}


# -- ONNX -------------------------------------------------------------------------------------
def onnx_missing_message() -> str:
    """What to do when the optional ``onnx`` package is not installed ('' when it is)."""
    import importlib.util

    if importlib.util.find_spec("onnx") is None:
        return translate("model_file_readers", "Opening ONNX files needs the optional onnx package, which is not "
                                               "installed. Install it with pip install onnx (or pip install "
                                               "'torchdesk[onnx]') and open the file again.")
    return ""


def _onnx_shape(value_info: Any) -> tuple[tuple[int, ...], bool] | None:
    """A value's shape (unknown dimensions as 1) and whether its first dimension is symbolic; None when untyped."""
    tensor_type = value_info.type.tensor_type
    if not tensor_type.HasField("shape"):
        return None
    dims, symbolic = [], False
    for i, dim in enumerate(tensor_type.shape.dim):
        if dim.HasField("dim_value") and 0 <= dim.dim_value < 2 ** 48:
            dims.append(int(dim.dim_value))
        else:
            dims.append(1)
            symbolic = symbolic or i == 0
    return tuple(dims), symbolic


def read_onnx(path: Path) -> FileContents:
    """Nodes, initializers (parameter counts) and value shapes of an ONNX model; external data is not read."""
    import onnx

    try:
        model = onnx.load(str(path), load_external_data=False)
    except Exception as exc:  # noqa: BLE001 - protobuf raises DecodeError, RuntimeError or ValueError on damage
        raise FileContentError(translate("model_file_readers", "{name} is not a readable ONNX model: it is damaged or "
                                                               "another kind of file ({error}: {detail}).").format(
                                   name=path.name, error=type(exc).__name__, detail=str(exc).strip()[:120])) from None
    graph = model.graph
    if len(graph.node) > MAX_GRAPH_NODES:
        raise FileContentError(translate("model_file_readers", "{name} has {count:,} operations, more than torchdesk "
                                                               "shows.").format(name=path.name, count=len(graph.node)))
    sizes = {init.name: _count(tuple(int(d) for d in init.dims)) for init in graph.initializer}
    typed = {v.name: v for v in list(graph.value_info) + list(graph.input) + list(graph.output)}
    shapes = {name: shape for name, v in typed.items() if (shape := _onnx_shape(v)) is not None}
    inputs = [v for v in graph.input if v.name not in sizes]

    nodes = [GraphNode(f"input:{v.name}", v.name, "input", "input",
                       shapes=(shapes[v.name][0],) if v.name in shapes else ()) for v in inputs]
    producer = {v.name: f"input:{v.name}" for v in inputs}
    edges: list[GraphEdge] = []
    rows = [LayerRow(name="", type="ONNX graph", depth=0, leaf=False, params=sum(sizes.values()),
                     trainable=sum(sizes.values()))]
    seen: dict[str, int] = {}
    for index, node in enumerate(graph.node):
        base = node.name or f"{node.op_type}_{index}"
        seen[base] = seen.get(base, 0) + 1
        name = base if seen[base] == 1 else f"{base}_{seen[base]}"
        out_shapes = tuple(shapes[o][0] for o in node.output if o in shapes)
        params = sum(sizes.get(i, 0) for i in node.input)
        row_name = name.replace(".", "_")  # the table nests rows at dots; ONNX names are flat
        rows.append(LayerRow(name=row_name, type=node.op_type, depth=1, leaf=True, params=params, trainable=params,
                             output_shapes=out_shapes, calls=1))
        node_id = f"n{index}"
        nodes.append(GraphNode(node_id, node.op_type, "function", node.op_type, module=row_name, shapes=out_shapes,
                               detail=name[:120]))
        for tensor in node.input:
            source = producer.get(tensor)
            if source is not None:
                edges.append(GraphEdge(source, node_id))
        for tensor in node.output:
            producer[tensor] = node_id
    output_shapes = tuple(shapes[v.name][0] for v in graph.output if v.name in shapes)
    nodes.append(GraphNode("output", "output", "output", "output", shapes=output_shapes))
    edges.extend(GraphEdge(producer[v.name], "output") for v in graph.output if v.name in producer)
    rows[0].output_shapes = output_shapes
    metadata = {p.key[:100]: p.value for p in model.metadata_props if len(p.value) < 1_000_000}
    notes = []
    if any(init.data_location == onnx.TensorProto.EXTERNAL for init in graph.initializer):
        notes.append(translate("model_file_readers", "Its weights are stored in separate files beside it; they were "
                                                     "not read (counts come from the shapes)."))
    return FileContents(rows=rows, graph=ModelGraph(nodes, edges, method="onnx"),
                        input_shapes=[shapes[v.name][0] for v in inputs if v.name in shapes],
                        output_shapes=output_shapes, metadata=metadata, notes=notes,
                        dynamic_batch=any(shapes.get(v.name, ((), False))[1] for v in inputs))


# -- TorchScript ------------------------------------------------------------------------------
def read_torchscript(module: Any, output_shapes: tuple[tuple[int, ...], ...] = ()) -> FileContents:
    """Submodules and parameters of a loaded TorchScript module, and its top-level graph."""
    params = {name: p.numel() for name, p in module.named_parameters()}
    modules = [(name, str(getattr(sub, "original_name", type(sub).__name__))) for name, sub in module.named_modules()
               if name]
    rows = _module_rows(modules, params, {"": output_shapes},
                        str(getattr(module, "original_name", type(module).__name__)))
    return FileContents(rows=rows, graph=_script_graph(module, output_shapes), output_shapes=output_shapes)


def _script_graph(module: Any, output_shapes: tuple[tuple[int, ...], ...]) -> ModelGraph:
    """The forward graph: submodule calls and operations, linked by the values flowing between them."""
    try:
        graph = module.graph
    except Exception:  # noqa: BLE001 - a module without a forward method
        return ModelGraph([], [], method="torchscript",
                          notes=[translate("model_file_readers", "The module has no forward graph.")])
    attr_path: dict[str, str] = {}
    producer: dict[str, str] = {}
    nodes: list[GraphNode] = []
    edges: list[GraphEdge] = []
    inputs = list(graph.inputs())
    for value in inputs[1:]:  # the first input is the module itself
        node_id = f"input:{value.debugName()}"
        nodes.append(GraphNode(node_id, value.debugName().split(".")[0], "input", "input"))
        producer[value.debugName()] = node_id
    if inputs:
        attr_path[inputs[0].debugName()] = ""
    for index, node in enumerate(graph.nodes()):
        kind = node.kind()
        ins = [v.debugName() for v in node.inputs()]
        outs = [v.debugName() for v in node.outputs()]
        if kind == "prim::GetAttr":
            parent = attr_path.get(ins[0]) if ins else None
            if parent is not None:
                attr_path[outs[0]] = f"{parent}.{node.s('name')}" if parent else node.s('name')
            continue
        if kind == "prim::Constant":
            continue
        if kind in ("prim::ListConstruct", "prim::TupleConstruct", "prim::ListUnpack", "prim::TupleUnpack"):
            sources = {producer[i] for i in ins if i in producer}
            if len(sources) == 1:  # a pass-through: link what it carries directly
                for out in outs:
                    producer[out] = next(iter(sources))
                continue
        node_id = f"n{index}"
        if kind == "prim::CallMethod" and ins and ins[0] in attr_path:
            path = attr_path[ins[0]]
            sub = dict(module.named_modules()).get(path)
            type_name = str(getattr(sub, "original_name", "Module"))
            nodes.append(GraphNode(node_id, path, "module", type_name, module=path, scope=_prefixes(path)))
        else:
            label = kind.split("::")[-1]
            nodes.append(GraphNode(node_id, label, "function", kind, detail=kind))
        for value in ins:
            source = producer.get(value)
            if source is not None and GraphEdge(source, node_id) not in edges:
                edges.append(GraphEdge(source, node_id))
        for out in outs:
            producer[out] = node_id
    nodes.append(GraphNode("output", "output", "output", "output", shapes=output_shapes))
    for value in graph.outputs():
        source = producer.get(value.debugName())
        if source is not None:
            edges.append(GraphEdge(source, "output"))
    return ModelGraph(nodes, edges, method="torchscript")


def _prefixes(path: str) -> tuple[str, ...]:
    parts = path.split(".")
    return tuple(".".join(parts[: i + 1]) for i in range(len(parts)))
