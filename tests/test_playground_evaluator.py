"""The playground evaluator on its own: the walkthrough runs unchanged, errors point at lines, limits hold."""

from __future__ import annotations

import sys
import threading
import time

import numpy as np
import pytest
import torch

from torchdesk.core.playground import EXAMPLES, Evaluator, Limits, cell_at
from torchdesk.core.playground.examples import WALKTHROUGH_CELLS, output_shape, without_device


def _matches(output: str, expected: str, random: bool) -> bool:
    output = without_device(output)  # on a CUDA machine the walkthrough's GPU cell moves `tensor`
    return output_shape(output) == output_shape(expected) if random else output == expected


def test_walkthrough_cells_run_unchanged_in_order_with_the_walkthroughs_output() -> None:
    evaluator = Evaluator()
    for cell in WALKTHROUGH_CELLS:
        result = evaluator.run(cell.code)
        assert result.ok, (cell.code, result.problems)
        assert _matches(result.output, cell.output, cell.random), (result.output, cell.output)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_each_example_runs_alone_in_a_fresh_playground(example) -> None:
    result = Evaluator().run(example.code)
    assert result.ok, result.problems
    assert _matches(result.output, example.output, example.random)


def test_printed_tensor_is_torchs_own_format() -> None:
    result = Evaluator().run("print(torch.tensor([[1, 2], [3, 4]]))")
    assert result.output == "tensor([[1, 2],\n        [3, 4]])\n"


def test_last_expression_is_echoed_like_a_notebook() -> None:
    evaluator = Evaluator()
    result = evaluator.run("x = torch.arange(6).reshape(2, 3)\nx.shape")
    assert result.output == "torch.Size([2, 3])\n"
    assert evaluator.run("x.sum().item()").output == "15\n"


def test_subscript_and_augmented_assignment_change_the_tensor_in_place() -> None:
    evaluator = Evaluator()
    result = evaluator.run("t = torch.ones(3, 3)\nt[:, 1] = 0\nt += 1\nt[0] *= 10\nprint(t)")
    assert result.ok, result.problems
    expected = torch.ones(3, 3)
    expected[:, 1] = 0
    expected += 1
    expected[0] *= 10
    assert torch.equal(evaluator.namespace["t"], expected)


def test_control_flow_fstrings_and_builtins() -> None:
    code = (
        "total = 0\n"
        "for i, v in enumerate([3, 4, 5]):\n"
        "    if i == 1:\n"
        "        continue\n"
        "    total += v\n"
        "while total > 5:\n"
        "    total -= 5\n"
        "print(f'{total:>3}|{len([1, 2])}|{max(1, 7)}|{3 @ 1 if False else 2 ** 3}')\n"
    )
    result = Evaluator().run(code)
    assert result.ok, result.problems
    assert result.output == "  3|2|7|8\n"


def test_functional_alias_and_no_grad_restores_grad_mode() -> None:
    evaluator = Evaluator()
    result = evaluator.run(
        "import torch.nn.functional as G\n"
        "a = torch.randn(3, requires_grad=True)\n"
        "with torch.no_grad():\n"
        "    b = G.relu(a) * 2\n"
        "c = F.sigmoid(a)\n"
        "print(b.requires_grad, c.requires_grad)"
    )
    assert result.output == "False True\n"
    assert torch.is_grad_enabled()


def test_syntax_error_points_at_the_line_and_says_why() -> None:
    result = Evaluator().run("x = 1\ny = (2 +\n", first_line=10)
    assert not result.ok
    problem = result.error
    assert problem.kind == "syntax"
    assert problem.line in (11, 12)
    assert "syntax error" in problem.message


def test_runtime_error_points_at_the_line_and_keeps_earlier_variables() -> None:
    evaluator = Evaluator()
    result = evaluator.run("a = torch.ones(2, 3)\nb = torch.ones(4, 5)\nc = a @ b\nd = 1")
    assert result.error.line == 3
    assert result.error.kind == "error"
    assert "RuntimeError" in result.error.message
    assert "a" in evaluator.namespace and "b" in evaluator.namespace and "d" not in evaluator.namespace


def test_disallowed_call_points_at_the_line_and_nothing_runs() -> None:
    evaluator = Evaluator()
    result = evaluator.run("x = torch.ones(2)\nprint(x)\ntorch.save(x, 'x.pt')")
    assert result.error.line == 3
    assert result.error.kind == "refused"
    assert "torch.save" in result.error.message
    assert result.output == "" and "x" not in evaluator.namespace


def test_size_limit_refuses_before_allocating() -> None:
    evaluator = Evaluator(Limits(max_elements=1000))
    for code in (
        "torch.zeros(100, 100)",
        "torch.rand((50, 50))",
        "np.ones((40, 40))",
        "torch.arange(5000)",
        "torch.ones(10).repeat(200)",
        "torch.ones(40, 1) * torch.ones(1, 40)",
        "torch.eye(100)",
        "torch.cat([torch.ones(600), torch.ones(600)])",
        "F.one_hot(torch.arange(100), 100)",
    ):
        result = evaluator.run(code)
        assert result.error is not None and result.error.kind == "limit", code
        assert "limit" in result.error.message


def test_matmul_work_limit() -> None:
    result = Evaluator(Limits(max_matmul_flops=1e6)).run("a = torch.ones(200, 200)\nb = a @ a")
    assert result.error.kind == "limit" and result.error.line == 2


def test_python_level_runaways_are_bounded() -> None:
    evaluator = Evaluator()
    for code in ("'a' * 10**9", "list(range(10**9))", "10 ** 10 ** 9", "1 << 10**9", "f'{1:>999999999}'", "sum(range(10**12))"):
        result = evaluator.run(code)
        assert result.error is not None and result.error.kind == "limit", code


def test_interrupt_stops_a_long_loop_from_another_thread() -> None:
    evaluator = Evaluator()
    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.setdefault("r", evaluator.run("x = torch.zeros(2)\nwhile True:\n    x = x + 1")))
    thread.start()
    while evaluator.namespace.get("x") is None or float(evaluator.namespace["x"][0]) < 10:
        time.sleep(0.01)
    evaluator.cancel()
    thread.join(10)
    assert not thread.is_alive()
    result = box["r"]
    # The cancel is seen between two steps of the loop: at its header (line 2) or its body (line 3).
    assert result.error.kind == "interrupted" and result.error.line in (2, 3)
    evaluator.run("y = 1")
    assert evaluator.namespace["y"] == 1  # the playground is usable after an interrupt


def test_time_limit_stops_a_run() -> None:
    result = Evaluator(Limits(time_limit_s=0.2)).run("i = 0\nwhile True:\n    i += 1")
    assert result.error.kind == "interrupted" and "time limit" in result.error.message


def test_bridge_both_ways_shares_memory_in_the_namespace() -> None:
    evaluator = Evaluator()
    evaluator.run("t = torch.ones(5)\nn = t.numpy()\nt.add_(1)")
    assert np.array_equal(evaluator.namespace["n"], np.full(5, 2.0, dtype=np.float32))


def test_cells_and_selection_spans() -> None:
    text = "a = 1\n# %% second\nb = 2\nc = 3\n# %%\nd = 4"
    span = cell_at(text, 3)
    assert span.code == "b = 2\nc = 3" and span.first_line == 3
    assert cell_at(text, 0).code == "a = 1" and cell_at(text, 0).first_line == 1
    assert cell_at("x = 1\ny = 2", 1).code == "x = 1\ny = 2"


def test_hidden_allocations_are_estimated_before_they_happen() -> None:
    evaluator = Evaluator(Limits(max_elements=10_000, max_matmul_flops=1e7))
    for code in (
        "x = torch.ones(1, 1000)\ny = x[torch.zeros(100, dtype=torch.long)]",
        "x = torch.ones(1, 1000)\ny = x.index_select(0, torch.zeros(100, dtype=torch.long))",
        "y = torch.bincount(torch.tensor([50000]))",
        "y = F.pad(torch.ones(2, 2), (5000, 5000))",
        "y = F.conv2d(torch.ones(1, 1, 50, 50), torch.ones(8, 1, 3, 3))",
        "y = torch.linalg.inv(torch.eye(300))",
        "y = torch.cdist(torch.ones(200, 2), torch.ones(200, 2))",
        "y = F.embedding(torch.zeros(100, dtype=torch.long), torch.ones(5, 200))",
    ):
        result = evaluator.run(code)
        assert result.error is not None and result.error.kind == "limit", code
        assert "y" not in evaluator.namespace


def test_ordinary_indexing_still_works() -> None:
    result = Evaluator().run(
        "x = torch.arange(12).reshape(3, 4)\n"
        "print(x[1], x[:, 1], x[x > 9], x[[0, 2]], x[..., 0], x[None, 0, 1:3])"
    )
    assert result.ok, result.problems
    assert result.output == "tensor([4, 5, 6, 7]) tensor([1, 5, 9]) tensor([10, 11]) tensor([[ 0,  1,  2,  3],\n        [ 8,  9, 10, 11]]) tensor([0, 4, 8]) tensor([[1, 2]])\n"


def test_interrupt_reaches_into_python_level_library_code(monkeypatch) -> None:
    """A single allow-listed call that loops in Python (as torch's Python wrappers may) is stopped by the trace hook."""
    from torchdesk.core.playground import allowlist

    def helper() -> int:
        return 1

    def slow_library_function() -> None:
        while True:
            helper()

    monkeypatch.setitem(allowlist.ALLOWED_CALLABLES, id(slow_library_function), (slow_library_function, "test.slow"))
    evaluator = Evaluator()
    evaluator.namespace["slow"] = slow_library_function
    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.setdefault("r", evaluator.run("started = 1\nslow()")))
    thread.start()
    while "started" not in evaluator.namespace:
        time.sleep(0.01)
    time.sleep(0.1)
    evaluator.cancel()
    thread.join(10)
    assert not thread.is_alive()
    assert box["r"].error.kind == "interrupted" and box["r"].error.line == 2
    assert sys.gettrace() is None or sys.gettrace() is not evaluator._trace


def test_users_own_variables_may_shadow_builtin_and_module_names() -> None:
    evaluator = Evaluator()
    assert evaluator.run("input = torch.ones(2)\nid = 3").ok
    result = evaluator.run("print(input.sum(), id)")
    assert result.ok, result.problems
    assert result.output == "tensor(2.) 3\n"
    assert evaluator.run("np = torch.ones(3)\nprint(np.sum())").output == "tensor(3.)\n"
    assert evaluator.run("import numpy as np\nprint(np.ones(2))").output == "[1. 1.]\n"


def test_named_result_tuples() -> None:
    result = Evaluator().run("r = torch.max(torch.tensor([[1, 5], [7, 2]]), dim=1)\nprint(r.values, r.indices)")
    assert result.output == "tensor([5, 7]) tensor([1, 0])\n"


def test_broadcasting_comparisons_and_methods_are_bounded() -> None:
    evaluator = Evaluator(Limits(max_elements=10_000))
    evaluator.run("a = torch.ones(1000, 1)\nb = torch.ones(1000)")
    for code in ("c = a == b", "c = a < b", "c = a.eq(b)", "c = torch.allclose(a, b)", "c = F.mse_loss(a, b)", "c = np.ones((1000, 1)) > np.ones(1000)"):
        result = evaluator.run(code)
        assert result.error is not None and result.error.kind == "limit", code
    assert evaluator.run("c = a[0] == b[:1]").ok


def test_loops_and_unpacking_over_dicts_ranges_and_tensors() -> None:
    code = (
        "d = {'a': 1, 'b': 2}\n"
        "for k, v in d.items():\n"
        "    print(k, v)\n"
        "first, second = range(2)\n"
        "keys = list(d.keys())\n"
        "for row in torch.eye(2):\n"
        "    print(row)\n"
        "print(first, second, keys, sorted(d.values()))\n"
    )
    result = Evaluator().run(code)
    assert result.ok, result.problems
    assert result.output == "a 1\nb 2\ntensor([1., 0.])\ntensor([0., 1.])\n0 1 ['a', 'b'] [1, 2]\n"


def test_a_cancel_sent_before_the_run_starts_stops_it_and_does_not_outlive_it() -> None:
    evaluator = Evaluator()
    evaluator.cancel()
    assert evaluator.run("while True:\n    pass").error.kind == "interrupted"
    assert evaluator.run("x = 1").ok


def test_tolist_of_a_huge_tensor_is_refused() -> None:
    evaluator = Evaluator(Limits(max_sequence_length=1000))
    assert evaluator.run("x = torch.ones(100, 100).tolist()").error.kind == "limit"
    assert evaluator.run("x = torch.ones(10, 10).tolist()").ok
