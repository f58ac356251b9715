"""The static check: walk the parsed code once and refuse what can never be allowed, before anything runs.

A program that fails here runs not one line. What can only be judged at run time (the type
an attribute is read from, the callable behind a name) is checked again by the evaluator.
"""

from __future__ import annotations

import ast
import string
from typing import Iterable

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.playground import allowlist
from torchdesk.core.playground.errors import Problem

ALLOWED_NODES: tuple[type, ...] = (
    ast.Module, ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.If, ast.For, ast.While,
    ast.Break, ast.Continue, ast.Pass, ast.With, ast.Delete, ast.Import, ast.ImportFrom, ast.Assert,
    ast.BoolOp, ast.BinOp, ast.UnaryOp, ast.IfExp, ast.Dict, ast.Set, ast.Compare, ast.Call,
    ast.FormattedValue, ast.JoinedStr, ast.Constant, ast.Attribute, ast.Subscript, ast.Starred,
    ast.Name, ast.List, ast.Tuple, ast.Slice, ast.NamedExpr,
    ast.Load, ast.Store, ast.Del, ast.And, ast.Or, ast.operator, ast.unaryop, ast.cmpop,
    ast.keyword, ast.alias, ast.withitem,
)

REFUSED_NODES: dict[type, str] = {
    ast.Lambda: QT_TRANSLATE_NOOP("playground.validate", "lambda functions are not available in the playground"),
    ast.ListComp: QT_TRANSLATE_NOOP(
        "playground.validate",
        "list comprehensions are not available in the playground; use a for loop or a tensor operation"),
    ast.SetComp: QT_TRANSLATE_NOOP(
        "playground.validate", "set comprehensions are not available in the playground; use a for loop"),
    ast.DictComp: QT_TRANSLATE_NOOP(
        "playground.validate", "dict comprehensions are not available in the playground; use a for loop"),
    ast.GeneratorExp: QT_TRANSLATE_NOOP(
        "playground.validate",
        "generator expressions are not available in the playground; use a for loop or a tensor operation"),
    ast.FunctionDef: QT_TRANSLATE_NOOP("playground.validate", "defining functions is not available in the playground"),
    ast.AsyncFunctionDef: QT_TRANSLATE_NOOP("playground.validate", "defining functions is not available in the playground"),
    ast.ClassDef: QT_TRANSLATE_NOOP("playground.validate", "defining classes is not available in the playground"),
    ast.Try: QT_TRANSLATE_NOOP("playground.validate", "try/except is not available in the playground"),
    ast.Raise: QT_TRANSLATE_NOOP("playground.validate", "raise is not available in the playground"),
    ast.Global: QT_TRANSLATE_NOOP("playground.validate", "global is not available in the playground"),
    ast.Nonlocal: QT_TRANSLATE_NOOP("playground.validate", "nonlocal is not available in the playground"),
    ast.Return: QT_TRANSLATE_NOOP(
        "playground.validate", "return is only meaningful inside functions, which the playground does not have"),
    ast.Yield: QT_TRANSLATE_NOOP("playground.validate", "yield is not available in the playground"),
    ast.YieldFrom: QT_TRANSLATE_NOOP("playground.validate", "yield is not available in the playground"),
    ast.Await: QT_TRANSLATE_NOOP("playground.validate", "await is not available in the playground"),
    ast.AsyncFor: QT_TRANSLATE_NOOP("playground.validate", "async code is not available in the playground"),
    ast.AsyncWith: QT_TRANSLATE_NOOP("playground.validate", "async code is not available in the playground"),
}
"""Statements and expressions refused outright -> why (English; translated where reported)."""

MODULE_ALIASES: dict[str, str] = {"torch": "torch", "np": "numpy", "numpy": "numpy", "F": "torch.nn.functional", "nn": "torch.nn"}
"""Names bound to a safe module at the start of every run, resolved statically when not reassigned."""

_FILE_HINT = {
    "load": QT_TRANSLATE_NOOP("playground.validate", "code here cannot read files or load pickles"),
    "save": QT_TRANSLATE_NOOP("playground.validate", "code here cannot write files"),
    "hub": QT_TRANSLATE_NOOP("playground.validate", "code here cannot download or import models"),
    "ops": QT_TRANSLATE_NOOP("playground.validate", "raw operator access is outside the sandbox"),
    "utils": QT_TRANSLATE_NOOP("playground.validate", "torch.utils reaches file IO and native extensions"),
    "ctypeslib": QT_TRANSLATE_NOOP("playground.validate", "ctypes reaches native memory"),
    "fromfile": QT_TRANSLATE_NOOP("playground.validate", "code here cannot read files"),
    "loadtxt": QT_TRANSLATE_NOOP("playground.validate", "code here cannot read files"),
    "genfromtxt": QT_TRANSLATE_NOOP("playground.validate", "code here cannot read files"),
    "tofile": QT_TRANSLATE_NOOP("playground.validate", "code here cannot write files"),
}
_NOT_ALLOWED = QT_TRANSLATE_NOOP("playground.validate", "it is not on the playground's allow-list")


def _file_hint(name: str) -> str:
    """Why a member like ``torch.load`` is left out, in the current language."""
    hint = _FILE_HINT.get(name, _NOT_ALLOWED)
    return translate("playground.validate", hint)


def format_template_problem(template: str) -> str | None:
    """Why a ``str.format`` template is unsafe (a field like ``{0.__class__}`` or ``{x[0]}``), or None."""
    return _template_problem(template)[1]


def _template_problem(template: str) -> tuple[bool, str | None]:
    """(whether the template is malformed, why it is refused or None)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        return True, translate("playground.validate", "bad format string: {reason}").format(reason=exc)
    for _literal, field_name, spec, _conversion in parsed:
        if field_name and ("." in field_name or "[" in field_name):
            return False, translate(
                "playground.validate",
                "format field {field} reaches into attributes or items, which is not allowed; "
                "use an f-string such as f\"{{x.shape}}\" instead",
            ).format(field="{" + field_name + "}")
        if spec and "{" in spec:
            nested = _template_problem(spec)
            if nested[1]:
                return nested
    return False, None


def _dotted(node: ast.AST) -> list[str] | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return list(reversed(parts))
    return None


def _assigned_names(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


class _Checker(ast.NodeVisitor):
    def __init__(self, line_offset: int, reassigned: set[str]) -> None:
        self.problems: list[Problem] = []
        self.line_offset = line_offset
        self.reassigned = reassigned

    def refuse(self, node: ast.AST, message: str) -> None:
        self.problems.append(
            Problem(getattr(node, "lineno", 1) + self.line_offset, getattr(node, "col_offset", 0), message, "refused")
        )

    def generic_visit(self, node: ast.AST) -> None:
        refused = REFUSED_NODES.get(type(node))
        if refused is not None:
            self.refuse(node, translate("playground.validate", refused))
            return
        if not isinstance(node, ALLOWED_NODES):
            self.refuse(node, translate("playground.validate", "{kind} statements are not available in the playground").format(
                kind=type(node).__name__))
            return
        super().generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id.startswith("__"):
            self.refuse(node, translate("playground.validate",
                                        "'{name}': double-underscore names are not available in the playground").format(
                name=node.id))
        elif node.id in allowlist.FORBIDDEN_NAMES and isinstance(node.ctx, ast.Load) and node.id not in self.reassigned:
            self.refuse(node, allowlist.forbidden_message(node.id))

    def visit_Attribute(self, node: ast.Attribute) -> None:
        attr = node.attr
        if attr.startswith("_"):
            self.refuse(node, translate(
                "playground.validate",
                "'.{name}': private and double-underscore attributes are not available in the playground").format(name=attr))
            return
        dotted = _dotted(node)
        if dotted and dotted[0] in MODULE_ALIASES and dotted[0] not in self.reassigned:
            problem = self._module_problem(dotted)
            if problem:
                self.refuse(node, problem)
                return
        elif attr not in allowlist.ALL_ATTRIBUTE_NAMES:
            self.refuse(node, unknown_attribute_message(attr, allowlist.ALL_ATTRIBUTE_NAMES))
            return
        self.generic_visit(node)

    def _module_problem(self, dotted: list[str]) -> str | None:
        target: object = allowlist.NAMESPACES[MODULE_ALIASES[dotted[0]]]
        shown = dotted[0]
        for part in dotted[1:]:
            shown = f"{shown}.{part}"
            if isinstance(target, allowlist.SafeNamespace):
                try:
                    target = target.lookup(part)
                except KeyError:
                    guess = None if part in _FILE_HINT else allowlist.closest_name(part, target.names())
                    if guess:
                        return translate("playground.validate",
                                         "{name} is not available in the playground: did you mean {guess}?").format(
                            name=shown, guess=f"{shown[:-len(part)]}{guess}")
                    return translate("playground.validate", "{name} is not available in the playground: {hint}").format(
                        name=shown, hint=_file_hint(part))
            else:
                if part not in allowlist.ALL_ATTRIBUTE_NAMES:
                    return unknown_attribute_message(part, allowlist.ALL_ATTRIBUTE_NAMES)
        return None

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Call) and isinstance(func.func, ast.Name) and func.func.id == "type":
            self.refuse(node, translate("playground.validate",
                                        "calling the class that type() returns is not available in the playground"))
        if isinstance(func, ast.Attribute) and func.attr == "format" and isinstance(func.value, ast.Constant):
            if isinstance(func.value.value, str):
                problem = format_template_problem(func.value.value)
                if problem:
                    self.refuse(node, problem)
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name not in allowlist.ALLOWED_IMPORTS:
                self.refuse(node, _import_message(alias.name))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level or module not in allowlist.ALLOWED_IMPORTS:
            self.refuse(node, _import_message(module or "." * node.level, from_import=True))
            return
        namespace = allowlist.NAMESPACES[allowlist.ALLOWED_IMPORTS[module]]
        for alias in node.names:
            if alias.name == "*":
                self.refuse(node, translate("playground.validate",
                                            "'from {module} import *' is not available; import the names you need").format(
                    module=module))
                continue
            try:
                namespace.lookup(alias.name)
            except KeyError:
                self.refuse(node, translate("playground.validate", "{name} is not available in the playground: {hint}").format(
                    name=f"{module}.{alias.name}", hint=_file_hint(alias.name)))


def unknown_attribute_message(attr: str, allowed: Iterable[str], owner: str = "") -> str:
    """Why ``.attr`` is refused: a likely typo names the allowed attribute it resembles ("did you mean .shape?")."""
    guess = allowlist.closest_name(attr, allowed)
    if owner:
        owner = translate("playground.allowlist", owner)
        if guess:
            return translate("playground.validate",
                             "'.{name}' of a {type} is not available in the playground: did you mean .{guess}?").format(
                name=attr, type=owner, guess=guess)
        return translate("playground.validate",
                         "'.{name}' of a {type} is not on the playground's allow-list of attributes and methods").format(
            name=attr, type=owner)
    if guess:
        return translate("playground.validate", "'.{name}' is not available in the playground: did you mean .{guess}?").format(
            name=attr, guess=guess)
    return translate("playground.validate",
                     "'.{name}' is not on the playground's allow-list of attributes and methods").format(name=attr)


def _import_message(name: str, from_import: bool = False) -> str:
    statement = f"from {name} import ..." if from_import else f"import {name}"
    return translate(
        "playground.validate",
        "'{statement}' is not available in the playground: only torch, numpy and "
        "torch.nn.functional can be imported (they are already there as torch, np and F)",
    ).format(statement=statement)


def parse(source: str, line_offset: int = 0) -> tuple[ast.Module | None, list[Problem]]:
    """Parse ``source``; on a syntax error return (None, [the problem with its line])."""
    try:
        tree = ast.parse(source, mode="exec")
    except SyntaxError as exc:
        line = (exc.lineno or 1) + line_offset
        text = (exc.text or "").strip()
        if text:
            message = translate("playground.validate", "syntax error: {reason} in '{code}'").format(reason=exc.msg, code=text)
        else:
            message = translate("playground.validate", "syntax error: {reason}").format(reason=exc.msg)
        return None, [Problem(line, max((exc.offset or 1) - 1, 0), message, "syntax")]
    except (ValueError, MemoryError, RecursionError) as exc:
        return None, [Problem(1 + line_offset, 0, translate("playground.validate", "cannot read this code: {reason}").format(
            reason=exc), "syntax")]
    return tree, []


def _check_format_templates(tree: ast.Module, checker: _Checker) -> None:
    """When the code calls ``.format`` anywhere, refuse every string constant that is an unsafe template.

    This catches ``f = "{0.__class__}"; f.format(x)`` before anything runs; the evaluator checks
    templates built at run time again when ``.format`` is reached.
    """
    uses_format = any(isinstance(n, ast.Attribute) and n.attr in {"format", "format_map"} for n in ast.walk(tree))
    if not uses_format:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "{" in node.value:
            malformed, problem = _template_problem(node.value)
            if problem and not malformed:  # a malformed template: str.format reports it when it runs
                checker.refuse(node, problem)


def check(tree: ast.Module, line_offset: int = 0, user_names: Iterable[str] = ()) -> list[Problem]:
    """Every problem the static check finds in ``tree`` (empty: the code may run).

    ``user_names`` are variables earlier runs created: a user's own ``input`` or ``id`` is
    theirs to read, and a user's ``np`` is no longer the NumPy stand-in.
    """
    checker = _Checker(line_offset, _assigned_names(tree) | set(user_names))
    try:
        checker.visit(tree)
        _check_format_templates(tree, checker)
    except RecursionError:
        return [Problem(1 + line_offset, 0, translate("playground.validate", "the code is nested too deeply to check"),
                        "refused")]
    return checker.problems
