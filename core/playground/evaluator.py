"""The playground's evaluator: walks the parsed code node by node; user text is never eval'd or exec'd.

Every name, attribute, call, item access and operator goes through one method here that
checks it against :mod:`.allowlist` and :mod:`.limits` first. A run can be interrupted from
another thread with :meth:`Evaluator.cancel`: the walker checks between every node, and a
trace hook raises inside any Python-level library code the run is in.
"""

from __future__ import annotations

import ast
import operator
import re
import string
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import torch

from torchdesk.core.i18n import translate
from torchdesk.core.playground import allowlist, limits as limits_mod, output_sizes, validate
from torchdesk.core.playground.errors import Interrupted, LimitExceeded, PlaygroundError, Problem, Refused
from torchdesk.core.playground.limits import Limits

_BINARY: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: operator.pow,
    ast.MatMult: operator.matmul, ast.BitAnd: operator.and_, ast.BitOr: operator.or_,
    ast.BitXor: operator.xor, ast.LShift: operator.lshift, ast.RShift: operator.rshift,
}
_INPLACE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.iadd, ast.Sub: operator.isub, ast.Mult: operator.imul, ast.Div: operator.itruediv,
    ast.FloorDiv: operator.ifloordiv, ast.Mod: operator.imod, ast.Pow: operator.ipow,
    ast.MatMult: operator.imatmul, ast.BitAnd: operator.iand, ast.BitOr: operator.ior,
    ast.BitXor: operator.ixor, ast.LShift: operator.ilshift, ast.RShift: operator.irshift,
}
_UNARY: dict[type, Callable[[Any], Any]] = {
    ast.UAdd: operator.pos, ast.USub: operator.neg, ast.Not: operator.not_, ast.Invert: operator.invert,
}
_COMPARE: dict[type, Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Is: operator.is_, ast.IsNot: operator.is_not,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}
_SUBSCRIPTABLE = (torch.Tensor, np.ndarray, np.generic, list, tuple, dict, str, range, torch.Size)
_ITEM_SETTABLE = (torch.Tensor, np.ndarray, list, dict)
_DICT_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))
_SEQUENCES = (str, list, tuple, bytes)
_BUILDERS = {
    id(f) for f in (list, tuple, set, sorted, dict, enumerate, zip, reversed, max, min, any, all, sum)
}
_DIGITS = re.compile(r"\d+")
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)", re.S)
_CONTAINERS = (list, tuple, dict, set, frozenset)
_COMPARING_BUILTINS = {id(f) for f in (max, min, sorted)}
_COMPARING_METHODS = {"index", "count", "remove", "sort"}
_STRUCTURE_BLIND = {id(f) for f in (len, isinstance, allowlist.SAFE_BUILTINS["type"])}
"""Builtins that never walk into their argument, so a deep structure is harmless to them."""
MAX_RECORDED_OUTPUT = 1_000_000
"""Characters of printed output kept in ``RunResult.output`` (a streaming sink still sees all of it)."""


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


class BoundMethod:
    """A method fetched from an allow-listed attribute; the only way a method can be called."""

    __slots__ = ("owner", "name", "target")

    def __init__(self, owner: Any, name: str, target: Callable[..., Any]) -> None:
        self.owner = owner
        self.name = name
        self.target = target

    def __repr__(self) -> str:
        return f"<method {type(self.owner).__name__}.{self.name}>"


@dataclass
class RunResult:
    """What one run did: its printed output, the error if any (with line), and what it assigned."""

    output: str = ""
    problems: list[Problem] = field(default_factory=list)
    assigned: list[str] = field(default_factory=list)
    value: Any = None
    elapsed_s: float = 0.0
    statements_run: int = 0

    @property
    def ok(self) -> bool:
        """True when the code ran to its end without an error."""
        return not self.problems

    @property
    def error(self) -> Problem | None:
        """The first problem, or None."""
        return self.problems[0] if self.problems else None


def _safe_print(write: Callable[[str], None]) -> Callable[..., None]:
    def print_(*values: Any, sep: str | None = " ", end: str | None = "\n", flush: bool = False, file: Any = None) -> None:
        """print() that writes to the playground's console (file= is not available)."""
        if file is not None:
            raise Refused(translate("playground.evaluator",
                                    "print(..., file=...) is not available: the playground only prints to its console"))
        sep = " " if sep is None else sep
        end = "\n" if end is None else end
        if not isinstance(sep, str) or not isinstance(end, str):
            raise TypeError("sep and end must be strings")
        write(sep.join(str(v) for v in values) + end)

    return print_


def _safe_sum(iterable: Any, start: Any = 0) -> Any:
    """sum() for numbers and tensors; concatenating lists with sum is refused (it can explode)."""
    if isinstance(start, (list, tuple, str)):
        raise Refused(translate("playground.evaluator",
                                "sum() with a list, tuple or string start is not available; use + or torch.cat"))
    return sum(iterable, start)


class Evaluator:
    """Runs playground code against a persistent namespace of variables.

    ``output`` receives printed text as it is produced (the panel streams it to its console).
    :meth:`cancel` may be called from any thread; the run ends with an ``interrupted`` problem.
    """

    def __init__(self, limits: Limits | None = None, output: Callable[[str], None] | None = None) -> None:
        self.limits = limits or Limits()
        self._output = output
        self._cancel = threading.Event()
        self.namespace: dict[str, Any] = {}
        self.call_observer: Callable[[Any], None] | None = None
        """Called with every callable just before it is called (tests audit the allow-list with it)."""
        self._buffer: list[str] = []
        self._line = 0
        self._line_offset = 0
        self._deadline: float | None = None
        self._assigned: list[str] = []
        self._builtins = self._make_builtins()
        self._running = threading.Lock()

    # ------------------------------------------------------------ public API

    def reset(self) -> None:
        """Forget every variable."""
        self.namespace.clear()

    def cancel(self) -> None:
        """Ask the current run to stop as soon as possible (safe from any thread)."""
        self._cancel.set()

    def clear_cancel(self) -> None:
        """Forget a pending :meth:`cancel` (a runner calls this just before queueing a new run)."""
        self._cancel.clear()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called during the current run."""
        return self._cancel.is_set()

    def check(self, source: str, first_line: int = 1) -> list[Problem]:
        """The problems the static check finds, without running anything."""
        tree, problems = validate.parse(source, first_line - 1)
        if tree is None:
            return problems
        return validate.check(tree, first_line - 1, self._user_names())

    def run(self, source: str, first_line: int = 1, output: Callable[[str], None] | None = None) -> RunResult:
        """Check, then run ``source``; ``first_line`` is the editor line its first line came from.

        Nothing runs if the static check finds a problem. Errors never escape: they come back
        in ``RunResult.problems`` with the line they happened on.
        """
        with self._running:
            try:
                return self._run(source, first_line, output)
            finally:
                self._cancel.clear()  # a cancel sent before the run started still stops it; none outlives it

    # ------------------------------------------------------------ running

    def _run(self, source: str, first_line: int, output: Callable[[str], None] | None) -> RunResult:
        started = time.perf_counter()
        self._buffer = []
        self._assigned = []
        self._line_offset = first_line - 1
        self._line = first_line
        sink = output or self._output
        self._recorded = 0

        def record(text: str) -> None:
            if self._recorded < MAX_RECORDED_OUTPUT:
                self._buffer.append(text[: MAX_RECORDED_OUTPUT - self._recorded])
                self._recorded += len(text)
            if sink is not None:
                sink(text)

        self._write = record
        self._builtins["print"] = _safe_print(self._write)
        self._deadline = started + self.limits.time_limit_s if self.limits.time_limit_s else None
        result = RunResult()
        tree, problems = validate.parse(source, self._line_offset)
        if tree is not None:
            problems = validate.check(tree, self._line_offset, self._user_names())
        if problems:
            result.problems = problems
            result.elapsed_s = time.perf_counter() - started
            return result

        grad_enabled = torch.is_grad_enabled()
        previous_trace = sys.gettrace()
        if previous_trace is None:
            sys.settrace(self._trace)
        try:
            try:
                self._run_body(tree.body, result)
            finally:
                if previous_trace is None:
                    sys.settrace(None)  # before any handler below runs, so none of them is interrupted
        except PlaygroundError as exc:
            if isinstance(exc, Interrupted) or self._cancel.is_set():
                exc = Interrupted(exc.message if isinstance(exc, Interrupted) else _interrupted(), exc.line or self._line)
            if not exc.line:
                exc.line = self._line
            result.problems = [exc.problem()]
        except (_Break, _Continue):
            result.problems = [Problem(self._line, 0, translate("playground.evaluator", "'break'/'continue' outside a loop"),
                                       "refused")]
        except RecursionError:
            result.problems = [Problem(self._line, 0, translate("playground.evaluator", "the expression is nested too deeply"),
                                       "limit")]
        except MemoryError:
            result.problems = [Problem(self._line, 0, out_of_memory_message(), "limit")]
        except Exception as exc:  # anything torch/numpy/Python raises belongs to the user's code
            if self._cancel.is_set():
                result.problems = [Problem(self._line, 0, _interrupted(), "interrupted")]
            else:
                result.problems = [Problem(self._line, 0, f"{type(exc).__name__}: {_first_line(exc)}", "error")]
        finally:
            torch.set_grad_enabled(grad_enabled)
        result.output = "".join(self._buffer)
        result.assigned = list(dict.fromkeys(self._assigned))
        result.elapsed_s = time.perf_counter() - started
        return result

    def _user_names(self) -> set[str]:
        """Names earlier runs bound to the user's own values (not to a module stand-in)."""
        return {name for name, value in self.namespace.items() if not isinstance(value, allowlist.SafeNamespace)}

    def _run_body(self, body: list[ast.stmt], result: RunResult) -> None:
        for index, stmt in enumerate(body):
            self._tick(stmt)
            if index == len(body) - 1 and isinstance(stmt, ast.Expr):
                value = self._eval(stmt.value)
                result.value = value
                self._check_structure(value)
                if value is not None:
                    self._write(repr(value) + "\n")
            else:
                self._exec(stmt)
            result.statements_run += 1

    def _trace(self, frame: Any, event: str, arg: Any) -> None:
        if event == "call" and self._cancel.is_set():
            raise Interrupted(_interrupted(), self._line)
        return None

    def _tick(self, node: ast.AST) -> None:
        line = getattr(node, "lineno", None)
        if line is not None:
            self._line = line + self._line_offset
        if self._cancel.is_set():
            raise Interrupted(_interrupted(), self._line)
        if self._deadline is not None and time.perf_counter() > self._deadline:
            raise Interrupted(translate("playground.evaluator", "stopped after the time limit of {seconds:g} s").format(
                seconds=self.limits.time_limit_s), self._line)

    # ------------------------------------------------------------ statements

    def _exec_block(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            self._tick(stmt)
            self._exec(stmt)

    def _exec(self, stmt: ast.stmt) -> None:
        method = getattr(self, f"_exec_{type(stmt).__name__}", None)
        if method is None:
            raise Refused(translate("playground.evaluator", "{kind} statements are not available in the playground").format(
                kind=type(stmt).__name__), self._line)
        method(stmt)

    def _exec_Expr(self, stmt: ast.Expr) -> None:
        self._eval(stmt.value)

    def _exec_Pass(self, stmt: ast.Pass) -> None:
        pass

    def _exec_Break(self, stmt: ast.Break) -> None:
        raise _Break()

    def _exec_Continue(self, stmt: ast.Continue) -> None:
        raise _Continue()

    def _exec_Assign(self, stmt: ast.Assign) -> None:
        value = self._eval(stmt.value)
        for target in stmt.targets:
            self._assign(target, value)

    def _exec_AnnAssign(self, stmt: ast.AnnAssign) -> None:
        if stmt.value is not None:
            self._assign(stmt.target, self._eval(stmt.value))

    def _exec_AugAssign(self, stmt: ast.AugAssign) -> None:
        op = _INPLACE[type(stmt.op)]
        target = stmt.target
        if isinstance(target, ast.Name):
            current = self._lookup(target.id, target)
            self._set_name(target.id, self._binary(stmt.op, current, self._eval(stmt.value), op))
        elif isinstance(target, ast.Subscript):
            container = self._eval(target.value)
            index = self._eval(target.slice)
            current = self._get_item(container, index)
            self._set_item(container, index, self._binary(stmt.op, current, self._eval(stmt.value), op))
        elif isinstance(target, ast.Attribute):
            owner = self._eval(target.value)
            current = self._get_attr(owner, target.attr)
            self._set_attr(owner, target.attr, self._binary(stmt.op, current, self._eval(stmt.value), op))
        else:
            raise Refused(translate("playground.evaluator", "this kind of augmented assignment is not available"), self._line)

    def _exec_Delete(self, stmt: ast.Delete) -> None:
        for target in stmt.targets:
            if isinstance(target, ast.Name):
                if target.id not in self.namespace:
                    raise NameError(f"name '{target.id}' is not defined")
                del self.namespace[target.id]
            elif isinstance(target, ast.Subscript):
                container = self._eval(target.value)
                if not isinstance(container, (list, dict)):
                    raise Refused(translate("playground.evaluator", "deleting items of a {type} is not available").format(
                        type=type(container).__name__), self._line)
                index = self._eval(target.slice)
                self._check_structure(index)
                del container[index]
            else:
                raise Refused(translate("playground.evaluator", "only names and list/dict items can be deleted"), self._line)

    def _exec_If(self, stmt: ast.If) -> None:
        if self._truth(self._eval(stmt.test)):
            self._exec_block(stmt.body)
        else:
            self._exec_block(stmt.orelse)

    def _exec_For(self, stmt: ast.For) -> None:
        iterable = self._eval(stmt.iter)
        if not isinstance(iterable, (range, list, tuple, dict, str, torch.Tensor, np.ndarray, torch.Size, enumerate, zip, reversed, *_DICT_VIEWS)):
            raise Refused(translate("playground.evaluator", "cannot loop over a {type} in the playground").format(
                type=type(iterable).__name__), self._line)
        for item in iterable:
            self._tick(stmt)
            self._assign(stmt.target, item)
            if self._loop_pass(stmt.body):
                break
        else:
            self._exec_block(stmt.orelse)

    def _exec_While(self, stmt: ast.While) -> None:
        while True:
            self._tick(stmt)
            if not self._truth(self._eval(stmt.test)):
                self._exec_block(stmt.orelse)
                break
            if self._loop_pass(stmt.body):
                break

    def _loop_pass(self, body: list[ast.stmt]) -> bool:
        """Run a loop body once; True when it ended with ``break``."""
        try:
            self._exec_block(body)
        except _Break:
            return True
        except _Continue:
            pass
        return False

    def _exec_With(self, stmt: ast.With) -> None:
        managers = []
        for item in stmt.items:
            manager = self._eval(item.context_expr)
            if not isinstance(manager, allowlist.CONTEXT_MANAGERS):
                raise Refused(
                    translate("playground.evaluator",
                              "'with' works only with torch.no_grad() and torch.enable_grad(), not a {type}").format(
                        type=type(manager).__name__),
                    self._line,
                )
            if item.optional_vars is not None:
                raise Refused(translate("playground.evaluator",
                                        "'with ... as name' is not available for these context managers"), self._line)
            managers.append(manager)
        self._with_nested(managers, stmt.body)

    def _with_nested(self, managers: list[Any], body: list[ast.stmt]) -> None:
        if not managers:
            self._exec_block(body)
            return
        with managers[0]:
            self._with_nested(managers[1:], body)

    def _exec_Assert(self, stmt: ast.Assert) -> None:
        if not self._truth(self._eval(stmt.test)):
            message = self._eval(stmt.msg) if stmt.msg is not None else ""
            self._check_structure(message)
            raise AssertionError(str(message))

    def _exec_Import(self, stmt: ast.Import) -> None:
        for alias in stmt.names:
            module = allowlist.ALLOWED_IMPORTS.get(alias.name)
            if module is None:
                raise Refused(translate("playground.evaluator", "'import {module}' is not available in the playground").format(
                    module=alias.name), self._line)
            if alias.asname:
                self._set_name(alias.asname, allowlist.NAMESPACES[module])
            else:
                self._set_name(alias.name.split(".")[0], allowlist.NAMESPACES[alias.name.split(".")[0]])

    def _exec_ImportFrom(self, stmt: ast.ImportFrom) -> None:
        module = allowlist.ALLOWED_IMPORTS.get(stmt.module or "")
        if module is None or stmt.level:
            raise Refused(translate("playground.evaluator",
                                    "'from {module} import ...' is not available in the playground").format(
                module=stmt.module), self._line)
        namespace = allowlist.NAMESPACES[module]
        for alias in stmt.names:
            try:
                value = namespace.lookup(alias.name)
            except KeyError:
                raise Refused(translate("playground.evaluator", "{name} is not available in the playground").format(
                    name=f"{stmt.module}.{alias.name}"), self._line) from None
            self._set_name(alias.asname or alias.name, value)

    # ------------------------------------------------------------ assignment

    def _assign(self, target: ast.expr, value: Any) -> None:
        if isinstance(target, ast.Name):
            self._set_name(target.id, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if any(isinstance(elt, ast.Starred) for elt in target.elts):
                raise Refused(translate("playground.evaluator", "starred assignment is not available in the playground"),
                              self._line)
            if not isinstance(value, (list, tuple, torch.Tensor, np.ndarray, torch.Size, str, dict, range, *_DICT_VIEWS)):
                raise TypeError(f"cannot unpack a {type(value).__name__}")
            items = list(value) if len(value) <= len(target.elts) else None
            if items is None or len(items) != len(target.elts):
                raise ValueError(f"expected {len(target.elts)} values to unpack, got {len(value)}")
            for elt, item in zip(target.elts, items):
                self._assign(elt, item)
        elif isinstance(target, ast.Subscript):
            self._set_item(self._eval(target.value), self._eval(target.slice), value)
        elif isinstance(target, ast.Attribute):
            self._set_attr(self._eval(target.value), target.attr, value)
        else:
            raise Refused(translate("playground.evaluator", "this assignment target is not available in the playground"),
                          self._line)

    def _set_name(self, name: str, value: Any) -> None:
        if name.startswith("__"):
            raise Refused(translate("playground.evaluator", "'{name}': double-underscore names are not available").format(
                name=name), self._line)
        self._check_size(value, f"'{name}'")
        self.namespace[name] = value
        self._assigned.append(name)

    def _set_item(self, container: Any, index: Any, value: Any) -> None:
        if not isinstance(container, _ITEM_SETTABLE):
            raise Refused(translate("playground.evaluator", "assigning items of a {type} is not available").format(
                type=type(container).__name__), self._line)
        if isinstance(container, (list, dict)) and isinstance(value, (list, tuple)) and isinstance(index, slice):
            self._check_sequence(len(container) + len(value))
        if isinstance(container, dict):
            self._check_structure(index)
        container[index] = value

    def _set_attr(self, owner: Any, name: str, value: Any) -> None:
        rule = allowlist.rule_for(owner)
        if name.startswith("_") or rule is None or name not in rule.settable:
            raise Refused(translate("playground.evaluator",
                                    "setting '.{name}' on a {type} is not available in the playground").format(
                name=name, type=type(owner).__name__), self._line)
        setattr(owner, name, value)

    # ------------------------------------------------------------ expressions

    def _eval(self, node: ast.expr) -> Any:
        if self._cancel.is_set():
            raise Interrupted(_interrupted(), self._line)
        method = getattr(self, f"_eval_{type(node).__name__}", None)
        if method is None:
            raise Refused(translate("playground.evaluator", "{kind} expressions are not available in the playground").format(
                kind=type(node).__name__), self._line)
        return method(node)

    def _eval_Constant(self, node: ast.Constant) -> Any:
        return node.value

    def _eval_Name(self, node: ast.Name) -> Any:
        return self._lookup(node.id, node)

    def _lookup(self, name: str, node: ast.AST) -> Any:
        if name.startswith("__") or name in allowlist.FORBIDDEN_NAMES and name not in self.namespace:
            raise Refused(allowlist.forbidden_message(name), self._line)
        if name in self.namespace:
            return self.namespace[name]
        if name in validate.MODULE_ALIASES:
            return allowlist.NAMESPACES[validate.MODULE_ALIASES[name]]
        if name in self._builtins:
            return self._builtins[name]
        raise NameError(f"name '{name}' is not defined")

    def _eval_Tuple(self, node: ast.Tuple) -> tuple[Any, ...]:
        return tuple(self._eval_elements(node.elts))

    def _eval_List(self, node: ast.List) -> list[Any]:
        return self._eval_elements(node.elts)

    def _eval_Set(self, node: ast.Set) -> set[Any]:
        items = self._eval_elements(node.elts)
        for item in items:
            self._check_structure(item)
        return set(items)

    def _eval_elements(self, elts: list[ast.expr]) -> list[Any]:
        values: list[Any] = []
        for elt in elts:
            if isinstance(elt, ast.Starred):
                values.extend(self._iterable_for_star(self._eval(elt.value)))
            else:
                values.append(self._eval(elt))
            self._check_sequence(len(values))
        return values

    def _iterable_for_star(self, value: Any) -> list[Any]:
        if not isinstance(value, (list, tuple, range, torch.Size, str, dict, *_DICT_VIEWS)):
            raise Refused(translate("playground.evaluator", "cannot unpack a {type} with * in the playground").format(
                type=type(value).__name__), self._line)
        self._check_sequence(len(value))
        return list(value)

    def _eval_Dict(self, node: ast.Dict) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key, value in zip(node.keys, node.values):
            if key is None:
                mapping = self._eval(value)
                if not isinstance(mapping, dict):
                    raise TypeError("** needs a dict")
                result.update(mapping)
            else:
                item_key = self._eval(key)
                self._check_structure(item_key)
                result[item_key] = self._eval(value)
        return result

    def _eval_JoinedStr(self, node: ast.JoinedStr) -> str:
        parts = [self._eval(value) for value in node.values]
        text = "".join(parts)
        self._check_sequence(len(text))
        return text

    def _eval_FormattedValue(self, node: ast.FormattedValue) -> str:
        value = self._eval(node.value)
        self._check_structure(value)
        if node.conversion == ord("r"):
            value = repr(value)
        elif node.conversion == ord("s"):
            value = str(value)
        elif node.conversion == ord("a"):
            value = ascii(value)
        spec = self._eval(node.format_spec) if node.format_spec is not None else ""
        self._check_format_spec(spec)
        return format(value, spec)

    def _eval_BoolOp(self, node: ast.BoolOp) -> Any:
        value: Any = None
        for operand in node.values:
            value = self._eval(operand)
            truth = self._truth(value)
            if isinstance(node.op, ast.And) and not truth:
                return value
            if isinstance(node.op, ast.Or) and truth:
                return value
        return value

    def _eval_UnaryOp(self, node: ast.UnaryOp) -> Any:
        operand = self._eval(node.operand)
        if isinstance(node.op, ast.Not):
            return not self._truth(operand)
        return _UNARY[type(node.op)](operand)

    def _eval_BinOp(self, node: ast.BinOp) -> Any:
        left = self._eval(node.left)
        right = self._eval(node.right)
        return self._binary(node.op, left, right, _BINARY[type(node.op)])

    def _binary(self, op: ast.operator, left: Any, right: Any, func: Callable[[Any, Any], Any]) -> Any:
        self._precheck_binary(op, left, right)
        result = func(left, right)
        self._check_size(result, _the_result())
        return result

    def _precheck_binary(self, op: ast.operator, left: Any, right: Any) -> None:
        limits = self.limits
        left_shape, right_shape = limits_mod.shape_of(left), limits_mod.shape_of(right)
        if isinstance(op, ast.MatMult):
            if left_shape and right_shape:
                cost = limits_mod.matmul_cost(left_shape, right_shape)
                if cost is not None:
                    what = translate("playground.evaluator", "this matrix product")
                    limits_mod.check_elements(cost[0], limits, what, self._line)
                    limits_mod.check_flops(cost[1], limits, what, self._line)
            return
        if left_shape is not None and right_shape is not None and (left_shape or right_shape):
            out = output_sizes.broadcast([left_shape, right_shape])
            if out is None:
                return
            limits_mod.check_elements(limits_mod.numel_of_shape(out), limits, _the_result(), self._line)
            return
        if isinstance(op, ast.Mod) and isinstance(left, str):
            self._check_format_spec(left)
            for width in _percent_star_values(left, right):
                self._check_format_spec(str(width))
        if isinstance(op, ast.Mult):
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, _SEQUENCES) and isinstance(count, int):
                    self._check_sequence(len(seq) * max(count, 0))
        if isinstance(op, ast.Add) and isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
            self._check_sequence(len(left) + len(right))
        if isinstance(op, ast.Pow) and _plain_int(left) and _plain_int(right) and right > 0:
            bits = right * max(abs(left), 1).bit_length()
            if bits > limits.max_int_bits:
                raise LimitExceeded(translate("playground.evaluator",
                                              "{left} ** {right} would be a {bits:,}-bit number, too large").format(
                    left=left, right=right, bits=bits), self._line)
        if isinstance(op, ast.LShift) and _plain_int(left) and _plain_int(right):
            if right + abs(left).bit_length() > limits.max_int_bits:
                raise LimitExceeded(translate("playground.evaluator", "{left} << {right} would be too large a number").format(
                    left=left, right=right), self._line)
        if isinstance(op, (ast.Mult,)) and _plain_int(left) and _plain_int(right):
            if abs(left).bit_length() + abs(right).bit_length() > limits.max_int_bits:
                raise LimitExceeded(translate("playground.evaluator", "this product would be too large a number"), self._line)

    def _eval_Compare(self, node: ast.Compare) -> Any:
        left = self._eval(node.left)
        result: Any = True
        for op, comparator in zip(node.ops, node.comparators):
            right = self._eval(comparator)
            if not isinstance(op, (ast.Is, ast.IsNot)):
                self._precheck_compare(left, right)
            result = _COMPARE[type(op)](left, right)
            if len(node.ops) > 1 and not self._truth(result):
                return result
            left = right
        return result

    def _precheck_compare(self, left: Any, right: Any) -> None:
        """Comparisons (and ``in``) broadcast like arithmetic, element by element inside lists and tuples."""
        self._precheck_binary(ast.Add(), left, right)
        self._check_structure(left)
        self._check_structure(right)
        if isinstance(left, _CONTAINERS) or isinstance(right, _CONTAINERS):
            self._check_pairwise([left, right], translate("playground.evaluator", "this comparison"))

    def _check_pairwise(self, values: list[Any], what: str) -> None:
        """Refuse comparing arrays pairwise (``max``, ``sorted``, ``in``, ``==`` of lists) when two of them broadcast too large."""
        flat: list[Any] = []
        for value in values:
            if isinstance(value, dict):
                flat.extend(list(value.values())[:10_000])
            elif isinstance(value, (set, frozenset)):
                flat.extend(list(value)[:10_000])
            else:
                flat.append(value)
        shapes = output_sizes.array_shapes(flat)
        if len(shapes) > 1:
            worst = output_sizes.worst_pairwise_broadcast(shapes)
            limits_mod.check_elements(worst, self.limits, translate(
                "playground.evaluator", "{what} (comparing tensors of different shapes)").format(what=what), self._line)

    def _check_structure(self, value: Any) -> None:
        limits_mod.check_structure(value, self.limits, self._line)

    def _eval_IfExp(self, node: ast.IfExp) -> Any:
        return self._eval(node.body) if self._truth(self._eval(node.test)) else self._eval(node.orelse)

    def _eval_NamedExpr(self, node: ast.NamedExpr) -> Any:
        value = self._eval(node.value)
        self._set_name(node.target.id, value)
        return value

    def _eval_Slice(self, node: ast.Slice) -> slice:
        lower = self._eval(node.lower) if node.lower is not None else None
        upper = self._eval(node.upper) if node.upper is not None else None
        step = self._eval(node.step) if node.step is not None else None
        return slice(lower, upper, step)

    def _eval_Subscript(self, node: ast.Subscript) -> Any:
        container = self._eval(node.value)
        index = self._eval(node.slice)
        return self._get_item(container, index)

    def _get_item(self, container: Any, index: Any) -> Any:
        if not isinstance(container, _SUBSCRIPTABLE):
            raise Refused(translate("playground.evaluator", "indexing a {type} is not available in the playground").format(
                type=type(container).__name__), self._line)
        if isinstance(container, (torch.Tensor, np.ndarray)):
            shape = limits_mod.shape_of(container) or ()
            limits_mod.check_elements(limits_mod.index_elements(shape, index), self.limits,
                                      translate("playground.evaluator", "this indexing result"), self._line)
        if isinstance(container, dict):
            self._check_structure(index)
        result = container[index]
        self._check_size(result, _the_result())
        return result

    def _eval_Starred(self, node: ast.Starred) -> Any:
        raise Refused(translate("playground.evaluator", "* is only available inside calls and list/tuple literals"), self._line)

    def _eval_Attribute(self, node: ast.Attribute) -> Any:
        return self._get_attr(self._eval(node.value), node.attr)

    def _get_attr(self, owner: Any, name: str) -> Any:
        if name.startswith("_"):
            raise Refused(translate("playground.evaluator",
                                    "'.{name}': private and double-underscore attributes are not available").format(
                name=name), self._line)
        if isinstance(owner, allowlist.SafeNamespace):
            try:
                return owner.lookup(name)
            except KeyError:
                guess = allowlist.closest_name(name, owner.names())
                dotted = f"{owner.dotted}.{name}"
                if guess:
                    message = translate("playground.evaluator",
                                        "{name} is not available in the playground: did you mean {guess}?").format(
                        name=dotted, guess=f"{owner.dotted}.{guess}")
                else:
                    message = translate("playground.evaluator", "{name} is not available in the playground").format(name=dotted)
                raise Refused(message, self._line) from None
        rule = allowlist.rule_for(owner)
        if rule is not None:
            if name in rule.values:
                return getattr(owner, name)
            if name in rule.methods:
                if isinstance(owner, str) and name == "format":
                    return BoundMethod(owner, name, self._checked_format(owner))
                return BoundMethod(owner, name, getattr(owner, name))
            raise Refused(validate.unknown_attribute_message(name, rule.values | rule.methods, rule.label), self._line)
        if isinstance(owner, type):
            raise Refused(translate("playground.evaluator",
                                    "attributes of the class {name} are not available in the playground").format(
                name=owner.__name__), self._line)
        raise Refused(translate("playground.evaluator", "attributes of a {type} are not available in the playground").format(
            type=type(owner).__name__), self._line)

    def _checked_format(self, template: str) -> Callable[..., str]:
        problem = validate.format_template_problem(template)
        if problem:
            raise Refused(problem, self._line)
        self._check_format_spec(template)
        return template.format

    # ------------------------------------------------------------ calls

    def _eval_Call(self, node: ast.Call) -> Any:
        func = self._eval(node.func)
        args: list[Any] = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                args.extend(self._iterable_for_star(self._eval(arg.value)))
            else:
                args.append(self._eval(arg))
        kwargs: dict[str, Any] = {}
        for keyword in node.keywords:
            if keyword.arg is None:
                mapping = self._eval(keyword.value)
                if not isinstance(mapping, dict) or not all(isinstance(k, str) for k in mapping):
                    raise TypeError("** needs a dict with string keys")
                if any(k.startswith("__") for k in mapping):
                    raise Refused(translate("playground.evaluator", "double-underscore keyword arguments are not available"),
                                  self._line)
                kwargs.update(mapping)
            else:
                kwargs[keyword.arg] = self._eval(keyword.value)
        return self._call(func, tuple(args), kwargs)

    def _call(self, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        self._refuse_callbacks(args, kwargs)
        if id(func) not in _STRUCTURE_BLIND:
            for value in (*args, *kwargs.values()):
                self._check_structure(value)
        if isinstance(func, BoundMethod):
            target = func.target
            owner = func.owner
            estimate = limits_mod.estimate_call("method", func.name, args, kwargs, owner)
            what = f".{func.name}()"
            if func.name == "tolist" and isinstance(owner, (torch.Tensor, np.ndarray)):
                self._check_sequence(limits_mod.result_elements(owner))  # one Python object per element
            if isinstance(owner, (str, list)):
                if estimate.elements is not None:
                    self._check_sequence(estimate.elements)
                estimate = limits_mod.Estimate()
            if isinstance(owner, (list, tuple)) and func.name in _COMPARING_METHODS:
                self._check_structure(owner)
                self._check_pairwise([owner, *args], what)
            if isinstance(owner, str) and func.name == "format":
                for spec in _resolved_format_specs(owner, args, kwargs):
                    self._check_format_spec(spec)
        else:
            qualified = allowlist.callable_name(func)
            if func is self._builtins.get("print"):
                qualified = "print"
            elif func is _safe_sum:
                qualified = "sum"
                self._precheck_builder(args)
            elif func is format:
                if len(args) > 1:
                    self._check_format_spec(args[1])
            if qualified is None:
                raise Refused(translate("playground.evaluator", "calling {what} is not available in the playground").format(
                    what=_describe(func)), self._line)
            module, _, name = qualified.rpartition(".")
            estimate = limits_mod.estimate_call(module or "builtins", name, args, kwargs)
            target = func
            what = f"{qualified}()"
            if id(func) in _BUILDERS:
                self._precheck_builder(args)
            if id(func) in _COMPARING_BUILTINS:
                self._check_pairwise(list(args) if len(args) > 1 else [args[0]] if args else [], what)
        limits_mod.check_elements(estimate.elements, self.limits, what, self._line)
        limits_mod.check_flops(estimate.flops, self.limits, what, self._line)
        limits_mod.check_pieces(estimate.pieces, self.limits, what, self._line)
        if "out" in kwargs and kwargs["out"] is not None:
            out = kwargs["out"]
            if not isinstance(out, (torch.Tensor, np.ndarray, tuple)):
                raise TypeError("out= must be a tensor or an array")
        if self.call_observer is not None:
            self.call_observer(target)
        result = target(*args, **kwargs)
        self._check_size(result, translate("playground.evaluator", "the result of {what}").format(what=what))
        return result

    def _refuse_callbacks(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        """Refuse functions passed as arguments: a callee could call them past every check here.

        Classes stay allowed (``dtype=np.float32``, ``isinstance(x, torch.Tensor)``), but not as ``key=``.
        """
        if kwargs.get("key") is not None:
            raise Refused(translate("playground.evaluator",
                                    "key= functions are not available in the playground; sort tensors with torch.sort"),
                          self._line)
        for value in (*args, *kwargs.values()):
            if isinstance(value, (BoundMethod, allowlist.SafeNamespace)) or (callable(value) and not isinstance(value, type)):
                raise Refused(translate("playground.evaluator",
                                        "passing the function {what} as an argument is not available in the playground"
                                        ).format(what=_describe(value)), self._line)

    def _precheck_builder(self, args: tuple[Any, ...]) -> None:
        """Refuse list()/sum()/max()... over something too long to walk in one uninterruptible C call."""
        for arg in args:
            if isinstance(arg, (torch.Tensor, np.ndarray)):
                self._check_sequence(len(arg) if arg.ndim else 0)
            elif isinstance(arg, (range, list, tuple, str, dict, set, torch.Size, *_DICT_VIEWS)):
                self._check_sequence(len(arg))
            elif isinstance(arg, (enumerate, zip, reversed)):
                continue  # built here from sized, checked arguments
            elif hasattr(type(arg), "__iter__") and not isinstance(arg, (int, float, complex, bool)):
                raise Refused(translate("playground.evaluator",
                                        "cannot build a collection from a {type} in the playground").format(
                    type=type(arg).__name__), self._line)

    def _check_format_spec(self, spec: Any) -> None:
        """Refuse a format spec or %-template whose width would build an enormous string."""
        if isinstance(spec, (int, np.integer)) and not isinstance(spec, bool):
            spec = str(abs(int(spec))) if abs(int(spec)) < 10**15 else "9" * 15
        if isinstance(spec, str):
            digits = _DIGITS.findall(spec)
            widest = max((int(d) for d in digits if len(d) < 16), default=0)
            if any(len(d) >= 16 for d in digits):
                widest = 10**16
            if widest > self.limits.max_sequence_length:
                raise LimitExceeded(
                    translate("playground.evaluator",
                              "a format width or precision of {width:,} would build a string over the playground's "
                              "limit of {limit:,} characters; use a smaller width").format(
                        width=widest, limit=self.limits.max_sequence_length),
                    self._line,
                )

    # ------------------------------------------------------------ helpers

    def _truth(self, value: Any) -> bool:
        return bool(value)

    def _check_size(self, value: Any, what: str) -> None:
        count = limits_mod.result_elements(value)
        limits_mod.check_elements(count, self.limits, what, self._line)
        if isinstance(value, (list, tuple, str, bytes)):
            self._check_sequence(len(value))

    def _check_sequence(self, length: int) -> None:
        if length > self.limits.max_sequence_length:
            raise LimitExceeded(
                translate("playground.evaluator",
                          "a list or string of {length:,} items is over the playground's limit of {limit:,}; "
                          "use a tensor").format(length=length, limit=self.limits.max_sequence_length),
                self._line,
            )

    def _make_builtins(self) -> dict[str, Any]:
        names = dict(allowlist.SAFE_BUILTINS)
        names["sum"] = _safe_sum
        names["print"] = _safe_print(lambda text: None)
        return names

    def variables(self) -> dict[str, Any]:
        """The user's variables (a copy of the namespace)."""
        return dict(self.namespace)


def _resolved_format_specs(template: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[str]:
    """The format specs of ``template.format(*args, **kwargs)`` with nested fields (``"{:{}}"``) filled in from the arguments."""
    counter = iter(range(len(args) + 1))
    specs: list[str] = []

    def value_of(field: str) -> Any:
        if field == "":
            index = next(counter, len(args))
            return args[index] if index < len(args) else ""
        if field.isdigit():
            return args[int(field)] if int(field) < len(args) else ""
        return kwargs.get(field, "")

    try:
        for _literal, field, spec, _conversion in string.Formatter().parse(template):
            if field is None:
                continue
            value_of(field)
            if spec and "{" in spec:
                parts = [
                    literal + (str(value_of(inner)) if inner is not None else "")
                    for literal, inner, _s, _c in string.Formatter().parse(spec)
                ]
                spec = "".join(parts)
            specs.append(spec or "")
    except (ValueError, TypeError):
        return specs  # a malformed template: str.format reports it
    return specs


def _percent_star_values(template: str, operand: Any) -> list[Any]:
    """The widths and precisions ``%*d``/``%.*f`` take from the right-hand operand of ``template % operand``."""
    if "*" not in template:
        return []
    values = list(operand) if isinstance(operand, tuple) else [operand]
    taken: list[Any] = []
    position = 0
    for match in _PERCENT_FIELD.finditer(template):
        width, precision, conversion = match.groups()
        if conversion == "%":
            continue
        for part in (width, precision):
            if part == "*" and position < len(values):
                taken.append(values[position])
                position += 1
        position += 1
    return taken


def _plain_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _describe(func: Any) -> str:
    if isinstance(func, allowlist.SafeNamespace):
        return translate("playground.evaluator", "the module {name}").format(name=func.dotted)
    if isinstance(func, BoundMethod):
        return f"'.{func.name}'"
    name = getattr(type(func), "__name__", "object")
    if not callable(func):
        return translate("playground.evaluator", "a {type}").format(type=name)
    return f"'{getattr(func, '__name__', name)}'"


def _interrupted() -> str:
    return translate("playground.evaluator", "interrupted")


def _the_result() -> str:
    return translate("playground.evaluator", "the result")


def out_of_memory_message() -> str:
    """What a MemoryError in the person's code says (the worker rewords it with its memory cap)."""
    return translate("playground.evaluator", "out of memory: use smaller tensors")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__

