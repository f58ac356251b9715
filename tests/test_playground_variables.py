"""The variables table after each walkthrough cell, the NumPy-bridge indicator and the autograd graph."""

from __future__ import annotations

import pytest
import torch

from torchdesk.core.playground import Evaluator, autograd_graph, describe_variables
from torchdesk.core.playground.examples import WALKTHROUGH_CELLS

# name -> (type, shape, dtype, requires_grad) expected after the cell that introduces it
EXPECTED_AFTER_CELL: list[dict[str, tuple[str, str, str, bool | None]]] = [
    {},
    {"data": ("list", "len 2", "", None), "x_data": ("Tensor", "(2, 2)", "int64", False)},
    {"np_array": ("ndarray", "(2, 2)", "int64", None), "x_np": ("Tensor", "(2, 2)", "int64", False)},
    {"x_ones": ("Tensor", "(2, 2)", "int64", False), "x_rand": ("Tensor", "(2, 2)", "float32", False)},
    {"shape": ("tuple", "len 2", "", None), "rand_tensor": ("Tensor", "(2, 3)", "float32", False)},
    {"tensor": ("Tensor", "(4, 4)", "float32", False), "t1": ("Tensor", "(4, 12)", "float32", False)},
    {},
    {name: ("Tensor", "(4, 4)", "float32", False) for name in ("y1", "y2", "y3", "z1", "z2", "z3")},
    {"t": ("Tensor", "(5,)", "float32", False), "n": ("ndarray", "(5,)", "float32", None)},
    {"t": ("Tensor", "(5,)", "float64", False), "n": ("ndarray", "(5,)", "float64", None)},
    {
        "x": ("Tensor", "(5,)", "float32", False), "y": ("Tensor", "(3,)", "float32", False),
        "w": ("Tensor", "(5, 3)", "float32", True), "b": ("Tensor", "(3,)", "float32", True),
        "z": ("Tensor", "(3,)", "float32", True), "loss": ("Tensor", "()", "float32", True),
    },
    {},
    {"z": ("Tensor", "(3,)", "float32", False)},
]


def test_variables_table_after_each_walkthrough_cell() -> None:
    evaluator = Evaluator()
    for cell, expected in zip(WALKTHROUGH_CELLS, EXPECTED_AFTER_CELL, strict=True):
        assert evaluator.run(cell.code).ok
        rows = {row.name: row for row in describe_variables(evaluator.namespace)}
        assert "torch" not in rows and "np" not in rows  # modules are not variables
        for name, (type_name, shape, dtype, requires_grad) in expected.items():
            row = rows[name]
            assert (row.type_name, row.shape, row.dtype, row.requires_grad) == (type_name, shape, dtype, requires_grad), name
            if type_name in {"Tensor", "ndarray"}:
                assert row.device == "cpu" or (torch.cuda.is_available() and row.device.startswith("cuda"))


def test_bridge_indicator_both_ways_and_it_goes_away_after_a_copy() -> None:
    evaluator = Evaluator()
    evaluator.run("t = torch.ones(5)\nn = t.numpy()")
    rows = {row.name: row for row in describe_variables(evaluator.namespace)}
    assert rows["t"].shares_memory_with == ("n",) and rows["n"].shares_memory_with == ("t",)
    evaluator.run("a = np.ones(3)\nb = torch.from_numpy(a)\nc = torch.tensor(a)")
    rows = {row.name: row for row in describe_variables(evaluator.namespace)}
    assert rows["b"].shares_memory_with == ("a",)
    assert rows["c"].shares_memory_with == ()
    evaluator.run("n = n.copy()")
    rows = {row.name: row for row in describe_variables(evaluator.namespace)}
    assert rows["t"].shares_memory_with == ()


def test_autograd_graph_of_the_walkthrough_example() -> None:
    evaluator = Evaluator()
    for cell in WALKTHROUGH_CELLS[:1] + WALKTHROUGH_CELLS[10:11]:
        assert evaluator.run(cell.code).ok
    graph = autograd_graph(evaluator.namespace["loss"], evaluator.namespace)
    assert [n.label for n in graph.by_kind("result")] == ["loss"]
    functions = {n.label for n in graph.by_kind("function")}
    assert {"BinaryCrossEntropyWithLogitsBackward0", "AddBackward0"} <= functions
    leaves = {n.name: n for n in graph.by_kind("leaf")}
    assert set(leaves) == {"w", "b"}
    assert leaves["w"].detail.startswith("5×3") and leaves["b"].detail.startswith("3 ")
    assert all(not leaf.grad for leaf in leaves.values())
    for edge in graph.edges:  # drawn top to bottom: every arrow goes one layer down or more
        layer = {n.key: n.layer for n in graph.nodes}
        assert layer[edge.target] > layer[edge.source]

    assert evaluator.run(WALKTHROUGH_CELLS[11].code).ok  # loss.backward()
    graph = autograd_graph(evaluator.namespace["loss"], evaluator.namespace)
    leaves = {n.name: n for n in graph.by_kind("leaf")}
    assert leaves["w"].grad == str(evaluator.namespace["w"].grad)
    assert leaves["b"].grad.startswith("tensor([")


def test_graph_of_a_leaf_and_of_a_plain_tensor() -> None:
    leaf = torch.ones(2, requires_grad=True)
    graph = autograd_graph(leaf, {"p": leaf})
    assert [(n.kind, n.name) for n in graph.nodes] == [("leaf", "p")]
    assert autograd_graph(torch.ones(2)).nodes == []


def test_backward_functions_name_the_variables_they_produced() -> None:
    evaluator = Evaluator()
    assert evaluator.run(WALKTHROUGH_CELLS[10].code).ok
    graph = autograd_graph(evaluator.namespace["loss"], evaluator.namespace)
    add = next(n for n in graph.nodes if n.label == "AddBackward0")
    assert add.name == "z" and add.detail == "gives z"


@pytest.mark.gpu
def test_walkthrough_gpu_cell_moves_the_tensor_and_the_table_says_so() -> None:
    evaluator = Evaluator()
    for cell in WALKTHROUGH_CELLS[:8]:  # up to the products, with the GPU move after cat
        assert evaluator.run(cell.code).ok
    rows = {row.name: row for row in describe_variables(evaluator.namespace)}
    assert rows["tensor"].device.startswith("cuda")
    assert rows["y1"].device.startswith("cuda") and rows["tensor"].shares_memory_with == ()
    assert evaluator.run("print(y1.cpu())").output.startswith("tensor([[3., 3., 3., 3.],")
