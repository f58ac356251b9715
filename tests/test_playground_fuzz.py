"""Property-based fuzzing: random expression trees never crash the evaluator and never call off the allow-list."""

from __future__ import annotations

import ast
import sys
import threading

import numpy as np
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from torchdesk.core.playground import Evaluator, Limits, allowlist

NAMES = [
    "torch", "np", "F", "x", "t", "n", "w", "s", "print", "len", "type", "range", "list", "str", "sum",
    "max", "getattr", "eval", "open", "__import__", "__builtins__", "object", "format", "dict", "undefined",
]
ATTRS = [
    "shape", "T", "sum", "add_", "numpy", "zeros", "ones", "matmul", "format", "__class__", "__subclasses__",
    "__globals__", "__dict__", "load", "save", "storage", "hub", "ops", "grad_fn", "next_functions", "reshape",
    "repeat", "expand", "item", "tolist", "register_hook", "apply_", "mro", "nn", "functional", "relu",
    "random", "rand", "cat", "grad", "backward", "data", "upper", "join", "variable", "name", "requires_grad",
    "binary_cross_entropy_with_logits", "from_numpy", "no_grad", "linalg", "inv", "eye", "arange", "tofile",
]
CONSTANTS = st.one_of(
    st.integers(-3, 5), st.sampled_from([10**9, 2**40, 0.5, -1.5, None, True, "a", "{0.__class__}", "{}", "{:>999999999}"])
)
BINOPS = [ast.Add(), ast.Sub(), ast.Mult(), ast.MatMult(), ast.Pow(), ast.LShift(), ast.Mod(), ast.Div()]

SAFE_NAMES = ["x", "t", "n", "w", "s"]
MODULE_FUNCTIONS = [
    (module, name)
    for module, namespace in (("torch", "torch"), ("np", "numpy"), ("F", "torch.nn.functional"))
    for name in allowlist.NAMESPACES[namespace].names()
] + [("torch", "load"), ("torch", "save"), ("np", "load"), ("torch", "hub"), ("np", "ctypeslib")]
RECEIVER_METHODS = (
    [(receiver, m) for receiver in ("x", "t") for m in sorted(allowlist.TYPE_RULES[0].methods)]
    + [("n", m) for m in sorted(allowlist.TYPE_RULES[1].methods)]
    + [("t", "storage"), ("x", "register_hook"), ("n", "tofile"), ("s", "format")]
)

leaves = st.one_of(
    st.sampled_from(SAFE_NAMES).map(lambda name: ast.Name(name, ast.Load())),
    st.sampled_from(NAMES).map(lambda name: ast.Name(name, ast.Load())),
    CONSTANTS.map(ast.Constant),
    CONSTANTS.map(ast.Constant),
)


def _extend(children: st.SearchStrategy[ast.expr]) -> st.SearchStrategy[ast.expr]:
    simple = st.one_of(st.sampled_from(SAFE_NAMES).map(lambda n: ast.Name(n, ast.Load())), st.integers(0, 3).map(ast.Constant))
    arguments = st.lists(st.one_of(simple, simple, children), max_size=3)
    return st.one_of(
        st.tuples(st.sampled_from(MODULE_FUNCTIONS), arguments).map(
            lambda p: ast.Call(ast.Attribute(ast.Name(p[0][0], ast.Load()), p[0][1], ast.Load()), p[1], [])
        ),
        st.tuples(st.sampled_from(RECEIVER_METHODS), arguments).map(
            lambda p: ast.Call(ast.Attribute(ast.Name(p[0][0], ast.Load()), p[0][1], ast.Load()), p[1], [])
        ),
        st.tuples(children, st.sampled_from(ATTRS)).map(lambda p: ast.Attribute(p[0], p[1], ast.Load())),
        st.tuples(children, st.lists(children, max_size=3), st.sampled_from([None, "dim", "out", "dtype", "requires_grad"]), children).map(
            lambda p: ast.Call(p[0], p[1], [ast.keyword(p[2], p[3])] if p[2] else [])
        ),
        st.tuples(children, st.sampled_from(BINOPS), children).map(lambda p: ast.BinOp(p[0], p[1], p[2])),
        st.tuples(children, children).map(lambda p: ast.Subscript(p[0], p[1], ast.Load())),
        st.tuples(children, st.one_of(st.none(), children)).map(lambda p: ast.Subscript(p[0], ast.Slice(p[1], None, None), ast.Load())),
        st.tuples(children, children).map(lambda p: ast.Compare(p[0], [ast.Lt()], [p[1]])),
        children.map(lambda c: ast.UnaryOp(ast.USub(), c)),
        st.lists(children, max_size=3).map(lambda items: ast.List(items, ast.Load())),
        children.map(lambda c: ast.JoinedStr([ast.FormattedValue(c, -1, None)])),
    )


expressions = st.recursive(leaves, _extend, max_leaves=8)
escapes = st.one_of(
    expressions.map(lambda c: ast.Lambda(ast.arguments([], [], None, [], [], None, []), c)),
    expressions.map(lambda c: ast.ListComp(c, [ast.comprehension(ast.Name("v", ast.Store()), c, [], 0)])),
)
statements = st.one_of(
    expressions.map(ast.Expr),
    st.tuples(st.sampled_from(["x", "t", "n", "y"]), expressions).map(lambda p: ast.Assign([ast.Name(p[0], ast.Store())], p[1])),
    st.tuples(st.sampled_from(["t", "s"]), expressions).map(lambda p: ast.AugAssign(ast.Name(p[0], ast.Store()), ast.Add(), p[1])),
    st.tuples(expressions, expressions).map(
        lambda p: ast.Assign([ast.Subscript(ast.Name("t", ast.Load()), p[0], ast.Store())], p[1])
    ),
)
programs = st.lists(statements, min_size=1, max_size=2).map(
    lambda body: ast.unparse(ast.fix_missing_locations(ast.Module(body, [])))
)

LIMITS = Limits(max_elements=100_000, max_matmul_flops=1e7, max_sequence_length=10_000, max_int_bits=10_000, time_limit_s=2.0)

_FORBIDDEN_EVENTS = ("open", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "subprocess.Popen", "ctypes.dlopen",
                     "pickle.find_class", "socket.connect", "os.remove", "os.rename", "shutil.rmtree")
_watch = threading.local()
_seen_events: list[str] = []


_LIBRARY_DIRS = tuple({sys.prefix, sys.base_prefix, *(p for p in sys.path if "site-packages" in p)})


def _library_read(event: str, args: tuple) -> bool:
    """Python importing a library module lazily (torch does) reads its own files: not the user's doing."""
    if event != "open" or not args or not isinstance(args[0], str):
        return False
    mode = args[1] if len(args) > 1 else "r"
    read_only = isinstance(mode, str) and not set(mode) & set("wax+")
    return read_only and args[0].startswith(_LIBRARY_DIRS)


def _audit(event: str, args: tuple) -> None:
    if getattr(_watch, "on", False) and event.startswith(_FORBIDDEN_EVENTS) and not _library_read(event, args):
        _seen_events.append(f"{event} {args!r:.200}")


sys.addaudithook(_audit)


def _is_allowed_callee(target: object, evaluator: Evaluator) -> bool:
    if allowlist.callable_name(target) is not None:
        return True
    if target is evaluator._builtins["print"] or target is evaluator._builtins["sum"]:
        return True
    owner = getattr(target, "__self__", None)
    rule = allowlist.rule_for(owner) if owner is not None else None
    return rule is not None and getattr(target, "__name__", "") in rule.methods


def _fresh_evaluator(calls: list[object]) -> Evaluator:
    evaluator = Evaluator(LIMITS)
    evaluator.namespace.update(
        x=torch.ones(3, requires_grad=True), t=torch.arange(6.0).reshape(2, 3), n=np.ones(4), w=2, s="ab"
    )
    evaluator.call_observer = calls.append
    return evaluator


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.one_of(programs, programs, programs, escapes.map(lambda e: ast.unparse(ast.fix_missing_locations(ast.Module([ast.Expr(e)], []))))))
def test_random_programs_never_crash_and_only_call_allow_listed_things(source: str) -> None:
    calls: list[object] = []
    evaluator = _fresh_evaluator(calls)
    _seen_events.clear()
    _watch.on = True
    try:
        result = evaluator.run(source)
    finally:
        _watch.on = False
    assert isinstance(result.output, str)
    for problem in result.problems:
        assert problem.line >= 1 and problem.message
    bad = [c for c in calls if not _is_allowed_callee(c, evaluator)]
    assert not bad, (source, bad)
    assert not _seen_events, (source, _seen_events)
    assert torch.is_grad_enabled()


def test_the_generator_does_produce_escapes_and_they_are_refused() -> None:
    evaluator = _fresh_evaluator([])
    for source in ("x.__class__.__subclasses__()", "getattr(torch, 'load')", "(lambda: open)()", "torch.load(s)"):
        assert evaluator.run(source).error.kind == "refused"


# ---------------------------------------------------------------- size routes

from torchdesk.core.playground import output_sizes  # noqa: E402

SIZE_LIMITS = Limits(max_elements=20_000, max_matmul_flops=1e8, max_sequence_length=20_000, max_pieces=500, time_limit_s=5.0)
SIZE_VALUES = ["300", "100000", "np.int64(300)", "torch.tensor(300)", "(300, 300)", "[torch.tensor(300), 300]", "(1, 300)",
               "-1", "0", "2", "1e-4", "(3000, 3000, 3000, 3000)"]
SIZE_ARRAYS = ["x", "t", "n", "torch.ones(300, 1)", "torch.ones(1, 1, 300)", "torch.ones(1, 1, 30, 30)", "torch.arange(5)",
               "np.ones((300, 1))"]
SIZE_KEYWORDS = [None, "size", "shape", "dim", "steps", "num", "bins", "minlength", "diagonal", "offset", "kernel_size",
                 "stride", "padding", "output_size", "num_classes", "repeats", "pad", "n", "m", "k", "end", "dims", "other"]


@st.composite
def size_calls(draw: st.DrawFn) -> str:
    receiver, name = draw(st.sampled_from(MODULE_FUNCTIONS[:-5] + RECEIVER_METHODS[:-4]))
    args = draw(st.lists(st.sampled_from(SIZE_ARRAYS + SIZE_VALUES), max_size=3))
    keyword = draw(st.sampled_from(SIZE_KEYWORDS))
    text = ", ".join(args)
    if keyword:
        text += (", " if text else "") + f"{keyword}={draw(st.sampled_from(SIZE_VALUES + SIZE_ARRAYS))}"
    return f"y = {receiver}.{name}({text})"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(size_calls())
def test_no_allow_listed_call_gets_past_the_size_checks_before_it_runs(source: str) -> None:
    """Any refusal for size must come from the check made before the call, never the last one made on its result."""
    evaluator = Evaluator(SIZE_LIMITS)
    evaluator.namespace.update(x=torch.ones(3, requires_grad=True), t=torch.arange(6.0).reshape(2, 3), n=np.ones(4))
    result = evaluator.run(source)
    if result.error is not None and result.error.kind == "limit":
        assert not result.error.message.startswith("the result of"), (source, result.error.message)


def test_every_allow_listed_callable_and_method_has_a_size_rule() -> None:
    """A new allow-list entry must say how big its result gets, or it would bypass the checks made before a call."""
    classified = set(output_sizes.SPECS) | output_sizes.BROADCASTING | output_sizes.NO_ARRAYS | output_sizes.LINALG_CUBIC
    functions = {name for _obj, name in allowlist.ALLOWED_CALLABLES.values()}
    assert not functions - classified, sorted(functions - classified)
    methods = {f"method.{m}" for m in allowlist.TYPE_RULES[0].methods} | {f"ndarray.{m}" for m in allowlist.TYPE_RULES[1].methods}
    method_rules = set(output_sizes.SPECS) | output_sizes.METHODS_BROADCASTING | output_sizes.METHODS_NO_ARRAYS
    assert not methods - method_rules, sorted(methods - method_rules)
