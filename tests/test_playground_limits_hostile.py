"""Hostile sizes in the playground are refused before anything is allocated, whatever route they take.

Each route class of issue #17 (sizes passed by keyword or as 0-d tensors and NumPy ints,
output sizes an op computes from a number, work hidden in one C call, many small pieces,
Python builtins that broadcast or walk a tensor, strings grown by formatting, structures
nested or shared until hashing or printing them never ends) is run under small limits so a
bypass costs little: the snippet must be refused with a "limit" problem that names the size
and the limit, by the check made *before* the call (the last check, made on what came back,
starts with "the result of" and means the memory was already taken). A few of the issue's
own examples run at full size with the default limits, and the process's peak memory must
not move.
"""

from __future__ import annotations

import re
import resource
import time

import pytest

from torchdesk.core.playground import Evaluator, Limits, describe_variables

SMALL = Limits(max_elements=100_000, max_matmul_flops=1e8, max_sequence_length=100_000, max_pieces=1_000)
"""Limits small enough that a snippet slipping past them costs a few megabytes, not gigabytes."""

ROUTES: dict[str, dict[str, str]] = {
    "size passed by keyword": {
        "full": "y = torch.full(size=(1000, 1000), fill_value=1)",
        "zeros": "y = torch.zeros(size=(1000, 1000))",
        "empty": "y = torch.empty(size=[1000, 1000])",
        "randn": "y = torch.randn(size=(1000, 1000))",
        "new_zeros": "x = torch.ones(2)\ny = x.new_zeros(size=(1000, 1000))",
        "new_full": "x = torch.ones(2)\ny = x.new_full(size=(1000, 1000), fill_value=2)",
        "expand": "x = torch.ones(1, 1)\ny = x.expand(size=(1000, 1000))",
        "repeat": "x = torch.ones(10)\ny = x.repeat(repeats=(1000, 100))",
        "np.ones shape": "y = np.ones(shape=(1000, 1000))",
        "np.zeros_like shape": "y = np.zeros_like(np.ones(2), shape=(1000, 1000))",
        "randint": "y = torch.randint(0, 5, size=(1000, 1000))",
        "broadcast_to": "y = torch.broadcast_to(torch.ones(1), size=(1000, 1000))",
        "matmul other": "y = torch.matmul(torch.ones(1000, 1), other=torch.ones(1, 1000))",
        "linear weight": "y = F.linear(input=torch.ones(1000, 2), weight=torch.ones(1000, 2))",
    },
    "size as a 0-d tensor or NumPy integer": {
        "zeros tensor list": "y = torch.zeros([torch.tensor(1000)] * 2)",
        "zeros tensors": "y = torch.zeros(torch.tensor(1000), torch.tensor(1000))",
        "ones np.int64": "y = torch.ones(np.int64(1000), 1000)",
        "np.zeros tensor": "y = np.zeros((torch.tensor(1000), 1000))",
        "new_ones": "x = torch.ones(2)\ny = x.new_ones([torch.tensor(1000)] * 2)",
        "repeat": "y = torch.ones(10).repeat(torch.tensor(1000), torch.tensor(100))",
        "eye": "y = torch.eye(torch.tensor(1000))",
        "linspace": "y = torch.linspace(0, 1, torch.tensor(1000000))",
        "one_hot": "y = F.one_hot(torch.arange(10), torch.tensor(100000))",
        "pad": "y = F.pad(torch.ones(2, 2), (torch.tensor(500), 500, 500, 500))",
        "randperm": "y = torch.randperm(torch.tensor(1000000))",
    },
    "output size computed by the op": {
        "adaptive_avg_pool2d": "y = F.adaptive_avg_pool2d(torch.ones(1, 1, 2, 2), (1000, 1000))",
        "adaptive_max_pool2d": "y = F.adaptive_max_pool2d(torch.ones(1, 1, 2, 2), output_size=(1000, 1000))",
        "conv2d padding": "y = F.conv2d(torch.ones(1, 1, 1, 1), torch.ones(1, 1, 1, 1), padding=500)",
        "pad keyword": "y = F.pad(torch.ones(2, 2), pad=(500, 500, 500, 500))",
        "histc": "y = torch.histc(torch.ones(2), bins=1000000)",
        "bincount minlength": "y = torch.bincount(torch.tensor([1]), minlength=1000000)",
        "diag keyword": "y = torch.diag(torch.ones(2), diagonal=1000)",
        "diag method": "y = torch.ones(2).diag(1000)",
        "diag_embed offset": "y = torch.diag_embed(torch.ones(2), offset=1000)",
        "np.diag k": "y = np.diag(np.ones(2), k=1000)",
        "eye n m": "y = torch.eye(n=10, m=100000)",
        "arange end": "y = torch.arange(end=1000000)",
        "linspace steps": "y = torch.linspace(0, 1, steps=1000000)",
        "logspace steps": "y = torch.logspace(0, 1, steps=1000000)",
        "outer keyword": "y = torch.outer(torch.ones(1000), vec2=torch.ones(1000))",
        "kron": "y = torch.kron(torch.ones(100, 100), torch.ones(10, 10))",
        "meshgrid": "y = torch.meshgrid(torch.ones(1000), torch.ones(1000), indexing='ij')",
        "broadcast_tensors": "y = torch.broadcast_tensors(torch.ones(1000, 1), torch.ones(1000))",
        "cdist keywords": "y = torch.cdist(x1=torch.ones(1000, 2), x2=torch.ones(1000, 2))",
        "tensordot dims=0": "y = torch.tensordot(torch.ones(1000), torch.ones(1000), dims=0)",
        "one_hot keyword": "y = F.one_hot(torch.arange(10), num_classes=100000)",
        "embedding keywords": "y = F.embedding(input=torch.zeros(1000, dtype=torch.long), weight=torch.ones(2, 1000))",
        "repeat_interleave": "y = torch.ones(10).repeat_interleave(repeats=100000)",
        "repeat_interleave tensor": "y = torch.ones(10).repeat_interleave(torch.tensor(100000))",
        "index_select keywords": "x = torch.ones(1, 1000)\ny = x.index_select(dim=0, index=torch.zeros(1000, dtype=torch.long))",
        "ndarray.repeat": "y = np.ones(10).repeat(100000)",
        "np.random.normal broadcast": "y = np.random.normal(np.ones((1000, 1)), np.ones(1000))",
        "where broadcast": "y = torch.where(torch.ones(1000, 1) > 0, torch.ones(1000), 0.0)",
        "masked_fill broadcast": "y = torch.ones(1000).masked_fill(torch.ones(1000, 1) > 0, 0)",
        "nonzero of a many-dimensional tensor": "x = torch.ones(2000, *([1] * 60))\ny = x.nonzero()",
        "np.dot": "y = np.dot(np.ones((100, 1, 10)), np.ones((100, 10, 100)))",
    },
    "work hidden in one call": {
        "max_pool1d kernel": "y = F.max_pool1d(torch.ones(1, 1, 100000), 50000, stride=1)",
        "avg_pool1d kernel": "y = F.avg_pool1d(torch.ones(1, 1, 100000), kernel_size=50000, stride=1)",
        "max_pool2d kernel": "y = F.max_pool2d(torch.ones(1, 1, 300, 300), 150, stride=1)",
        "multi_dot": "y = torch.linalg.multi_dot([torch.ones(200, 200)] * 30)",
        "conv2d": "y = F.conv2d(torch.ones(1, 1, 300, 300), torch.ones(1, 1, 150, 150))",
    },
    "many pieces": {
        "split": "y = torch.split(torch.ones(10000), 1)",
        "split keyword": "y = torch.ones(10000).split(split_size_or_sections=1)",
        "chunk": "y = torch.ones(10000).chunk(10000)",
        "unbind": "y = torch.unbind(torch.ones(10000))",
        "np.split": "y = np.split(np.ones(10000), 10000)",
        "list of a tensor": "y = list(torch.ones(10000))",
        "tuple of a tensor": "y = tuple(torch.ones(10000))",
        "sorted tensor": "y = sorted(torch.ones(10000))",
        "max of a tensor": "y = max(torch.ones(10000))",
        "sum of a tensor": "y = sum(torch.ones(10000))",
    },
    "builtins that broadcast": {
        "divmod": "y = divmod(np.ones((1000, 1)), np.ones(1000))",
        "sum of a list": "y = sum([torch.ones(1000, 1), torch.ones(1000)])",
        "in": "y = torch.ones(1000, 1) in torch.ones(1000)",
        "max of two": "y = max(torch.ones(1000, 1), torch.ones(1000))",
        "max of a list": "y = max([torch.ones(1000, 1), torch.ones(1000)])",
        "sorted list": "y = sorted([torch.ones(1000, 1), torch.ones(1000)])",
        "list ==": "y = [torch.ones(1000, 1)] == [torch.ones(1000)]",
        "in a list": "y = torch.ones(1000, 1) in [torch.ones(1000)]",
        "list.index": "xs = [torch.ones(1000, 1)]\ny = xs.index(torch.ones(1000))",
    },
    "strings": {
        "join": "xs = ['a' * 1000] * 1000\ny = ''.join(xs)",
        "join with a separator": "y = ('a' * 1000).join(['b'] * 1000)",
        "percent star width": "y = '%*d' % (1000000, 1)",
        "percent star precision": "y = '%.*f' % (1000000, 1.0)",
        "f-string nested width": "w = 1000000\ny = f'{1:{w}}'",
        "format nested width": "y = '{:{}}'.format(1, 1000000)",
        "format numbered nested width": "y = '{0:{1}}'.format(1, 1000000)",
        "format named nested width": "y = '{x:>{w}}'.format(x=1, w=1000000)",
        "center": "y = 'a'.center(1000000)",
        "replace": "y = ('a' * 1000).replace('a', 'a' * 1000)",
        "list.extend doubling": "xs = [0] * 60000\nxs.extend(xs)",
    },
    "nested or shared structures": {
        "hash of a 64-level tuple": "t = ()\nfor i in range(64):\n    t = (t, t)\nhash(t)",
        "hash of a shared tuple": "t = ()\nfor i in range(30):\n    t = (t, t)\nhash(t)",
        "dict key": "t = ()\nfor i in range(30):\n    t = (t, t)\nd = {}\nd[t] = 1",
        "set": "t = ()\nfor i in range(30):\n    t = (t, t)\ns = {t}",
        "print": "t = ()\nfor i in range(30):\n    t = (t, t)\nprint(t)",
        "echo": "t = ()\nfor i in range(30):\n    t = (t, t)\nt",
        "f-string": "t = ()\nfor i in range(30):\n    t = (t, t)\ny = f'{t}'",
        "str": "t = ()\nfor i in range(30):\n    t = (t, t)\ny = str(t)",
        "comparison": "t = ()\nu = ()\nfor i in range(30):\n    t = (t, t)\n    u = (u, u)\ny = t == u",
        "assert message": "t = []\nfor i in range(30):\n    t = [t, t]\nassert False, t",
        "torch.tensor of a shared list": "row = [1.0] * 1000\ny = torch.tensor([row] * 1000)",
        "np.array of a shared list": "row = [1.0] * 1000\ny = np.array([row] * 1000)",
        "torch.tensor of a range": "y = torch.tensor(range(1000000))",
    },
}

CASES = [(route, name, code) for route, snippets in ROUTES.items() for name, code in snippets.items()]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _assert_refused_before_allocating(result, limits_text: list[str]) -> None:
    problem = result.error
    assert problem is not None, "the snippet ran"
    assert problem.kind == "limit", problem
    assert "limit" in problem.message
    assert any(text in problem.message for text in limits_text), problem.message
    assert re.search(r"\d", problem.message.replace(limits_text[0], "")), problem.message  # names the size too
    assert not problem.message.startswith("the result of"), f"checked only after allocating: {problem.message}"


@pytest.mark.parametrize(("route", "name", "code"), CASES, ids=[f"{r}: {n}" for r, n, _ in CASES])
@pytest.mark.timeout(60)
def test_each_route_is_refused_before_the_call_with_the_size_and_the_limit(route: str, name: str, code: str) -> None:
    evaluator = Evaluator(SMALL)
    result = evaluator.run(code)
    _assert_refused_before_allocating(result, ["100,000", "1e+08", "1,000", "32"])
    assert "y" not in evaluator.namespace


FULL_SIZE = [
    "torch.full(size=(40000, 40000), fill_value=1)",
    "torch.zeros([torch.tensor(35000)] * 2)",
    "torch.ones(np.int64(40000), 40000)",
    "F.max_pool1d(torch.ones(1, 1, 10_000_000), 5_000_000, stride=1)",
    "F.pad(torch.ones(2, 2), pad=(40000, 40000, 40000, 40000))",
    "torch.histc(torch.ones(2), bins=10**9)",
    "torch.diag(torch.ones(2), diagonal=10**5)",
    "torch.linalg.multi_dot([torch.ones(300, 300)] * 500)",
    "torch.split(torch.ones(20_000_000), 1)",
    "divmod(np.ones((40000, 1)), np.ones(40000))",
    "sum([torch.ones(40000, 1), torch.ones(40000)])",
    "torch.ones(40000, 1) in torch.ones(40000)",
    "''.join(['a' * 1_000_000] * 1000)",
    "'%*d' % (10**9, 1)",
    "f'{1:{10**9}}'",
    "'{:{}}'.format(1, 10**9)",
    "torch.tensor([[0.0] * 30000] * 30000)",
]


@pytest.mark.parametrize("code", FULL_SIZE)
@pytest.mark.timeout(60)
def test_the_issues_examples_at_full_size_are_refused_quickly_without_taking_memory(code: str) -> None:
    evaluator = Evaluator()
    before = _peak_rss_mb()
    started = time.perf_counter()
    result = evaluator.run(f"y = {code}")
    elapsed = time.perf_counter() - started
    assert result.error is not None and result.error.kind == "limit", result.error
    assert "limit" in result.error.message and not result.error.message.startswith("the result of")
    assert _peak_rss_mb() - before < 250, "the refused snippet allocated anyway"
    assert elapsed < 30  # generous: the point is that it ends, refused, not that it is fast


def test_ordinary_code_near_the_routes_still_runs() -> None:
    evaluator = Evaluator()
    code = (
        "a = torch.full(size=(3, 4), fill_value=2.0)\n"
        "b = torch.zeros([torch.tensor(3)] * 2)\n"
        "c = torch.ones(np.int64(2), 3)\n"
        "d = F.max_pool1d(torch.arange(8.0).reshape(1, 1, 8), kernel_size=2)\n"
        "e = F.pad(torch.ones(2, 2), pad=(1, 1))\n"
        "f = torch.histc(torch.rand(100), bins=10)\n"
        "g = torch.diag(torch.ones(3), diagonal=1)\n"
        "h = torch.linalg.multi_dot([torch.eye(3)] * 4)\n"
        "parts = torch.split(torch.arange(10), 3)\n"
        "q, r = divmod(np.arange(6), 4)\n"
        "s = sum([torch.ones(2), torch.ones(2)])\n"
        "found = 3 in torch.arange(5)\n"
        "text = ', '.join(['a', 'b']) + '%*d' % (4, 7) + f'{1:{5}}' + '{:{}}'.format(2, 3)\n"
        "m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])\n"
        "key = ((1, 2), (3, 4))\n"
        "table = {key: hash(key)}\n"
        "rows = sorted([3, 1, 2])\n"
        "print(a.shape, b.shape, c.shape, d.shape, e.shape, f.shape, g.shape, h.shape, len(parts), q, s, found, text, m.shape, rows)\n"
    )
    result = evaluator.run(code)
    assert result.ok, result.problems
    assert result.output == (
        "torch.Size([3, 4]) torch.Size([3, 3]) torch.Size([2, 3]) torch.Size([1, 1, 4]) torch.Size([2, 4]) "
        "torch.Size([10]) torch.Size([4, 4]) torch.Size([3, 3]) 4 [0 0 0 0 1 1] tensor([2., 2.]) True a, b   7    1  2 "
        "torch.Size([2, 2]) [1, 2, 3]\n"
    )


@pytest.mark.timeout(60)
def test_variables_table_shows_a_row_per_value_even_when_one_cannot_be_described() -> None:
    evaluator = Evaluator()
    result = evaluator.run(
        "before = torch.ones(2)\n"
        "ghost = torch.empty(3, device='meta')\n"
        "ghost_total = ghost.sum()\n"
        "huge = 2 ** 20000\n"
        "after = 'still here'\n"
    )
    assert result.ok, result.problems
    rows = {row.name: row for row in describe_variables(evaluator.namespace)}
    assert list(rows) == ["before", "ghost", "ghost_total", "huge", "after"]
    assert rows["before"].shape == "(2,)" and rows["after"].summary == "'still here'"
    assert rows["ghost"].device == "meta" and rows["ghost_total"].device == "meta"
    assert "20,001-bit" in rows["huge"].summary


@pytest.mark.timeout(60)
def test_variables_table_never_prints_a_deep_or_shared_structure_in_full() -> None:
    evaluator = Evaluator()
    assert evaluator.run("t = ()\nfor i in range(40):\n    t = (t, t)\nflat = list(range(1000))").ok
    rows = {row.name: row for row in describe_variables(evaluator.namespace)}
    assert len(rows["t"].summary) <= 80 and len(rows["flat"].summary) <= 80


def test_a_value_whose_description_fails_gets_a_row_that_says_why(monkeypatch) -> None:
    from torchdesk.core.playground import variables

    def broken(name, value, shares=()):
        if name == "bad":
            raise RuntimeError("cannot look inside")
        return original(name, value, shares)

    original = variables.describe
    monkeypatch.setattr(variables, "describe", broken)
    rows = {row.name: row for row in describe_variables({"good": 1, "bad": 2, "also_good": 3})}
    assert set(rows) == {"good", "bad", "also_good"}
    assert "could not be described" in rows["bad"].summary and "cannot look inside" in rows["bad"].summary
