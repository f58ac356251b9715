"""What Python mode can send to the panels: models, datasets and transforms, checked before they travel.

"Use in panels" and ``desk`` run this in the worker. It says what kind of thing a
variable holds, refuses with a reason what the panels could not use (a dataset
whose labels are not class numbers, a class that needs arguments the app cannot
give), pickles the rest by value with cloudpickle, and finds the source of classes
typed in the playground so checkpoints can carry it (:mod:`.source_models`).
"""

from __future__ import annotations

import ast
import inspect
import linecache
import numbers
from dataclasses import dataclass, field
from typing import Any

from torchdesk.core.i18n import translate

MODEL, MODEL_CLASS, DATASET, DATASET_CLASS, TRANSFORM = "instance", "class", "dataset", "dataset-class", "transform"
DATASET_ARGUMENTS = ("root", "train", "download", "transform", "target_transform")
"""The arguments the app can give a Dataset class: the same as a dataset plugin's factory gets."""
CELL_PREFIX = "<playground cell "


@dataclass
class Sendable:
    """A value packed for the app: its kind, its pickled bytes and, for playground classes, their source."""

    kind: str
    payload: bytes
    source: str = ""
    class_name: str = ""
    notes: dict[str, Any] = field(default_factory=dict)


def kind_of(value: Any) -> str | None:
    """The kind of thing ``value`` is for the panels, or None when it is none of them."""
    import torch
    from torch.utils.data import Dataset

    if isinstance(value, torch.nn.Module):
        return MODEL
    if isinstance(value, type):
        if issubclass(value, torch.nn.Module):
            return MODEL_CLASS
        if issubclass(value, Dataset):
            return DATASET_CLASS
        return None
    if isinstance(value, Dataset):
        return DATASET
    if callable(value):
        return TRANSFORM
    return None


def pack(name: str, value: Any) -> Sendable | str:
    """``value`` checked and pickled for the app, or a sentence saying why it cannot go."""
    kind = kind_of(value)
    if kind is None:
        return translate("sendable", "{name} is not a model, a dataset or a transform; it holds {type}").format(
            name=name, type=type(value).__name__)
    problem = _check(kind, name, value)
    if problem:
        return problem
    try:
        import cloudpickle

        payload = cloudpickle.dumps(value)
    except Exception as exc:  # noqa: BLE001 - a value that cannot travel says why
        return translate("sendable", "{name} could not be sent to the app ({error})").format(
            name=name, error=f"{type(exc).__name__}: {str(exc)[:200]}")
    cls = value if isinstance(value, type) else type(value)
    source = class_source(cls) if kind in (MODEL, MODEL_CLASS) else ""
    return Sendable(kind, payload, source, cls.__name__, _notes(kind, value))


def _check(kind: str, name: str, value: Any) -> str:
    if kind == DATASET:
        return _check_dataset(name, value)
    if kind == DATASET_CLASS:
        required = _required_arguments(value)
        if required:
            return translate("sendable", "{name} needs arguments the app cannot give ({arguments}); make a dataset "
                                         "and send that instead: data = {name}(...)").format(
                name=name, arguments=", ".join(required))
    return ""


def _required_arguments(cls: type) -> list[str]:
    try:
        parameters = inspect.signature(cls).parameters.values()
    except (TypeError, ValueError):
        return []
    return [p.name for p in parameters
            if p.default is inspect.Parameter.empty and p.name not in DATASET_ARGUMENTS
            and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


def _check_dataset(name: str, value: Any) -> str:
    try:
        size = len(value)
    except TypeError:
        return translate("sendable", "{name} has no length; the panels need a map-style Dataset "
                                     "(__len__ and __getitem__)").format(name=name)
    if size == 0:
        return translate("sendable", "{name} is empty").format(name=name)
    try:
        sample = value[0]
    except Exception as exc:  # noqa: BLE001 - the person's __getitem__ may fail in any way
        return translate("sendable", "{name}[0] failed: {error}").format(
            name=name, error=f"{type(exc).__name__}: {str(exc)[:200]}")
    if not isinstance(sample, (tuple, list)) or len(sample) != 2:
        return translate("sendable", "{name}[0] is not an (image, label) pair; the panels train on "
                                     "(image, class number) samples").format(name=name)
    if not _is_class_number(sample[1]):
        return translate("sendable", "the labels of {name} are not class numbers ({name}[0][1] is {label}); "
                                     "send it without a target_transform").format(name=name, label=_short(sample[1]))
    return ""


def _is_class_number(label: Any) -> bool:
    import torch

    if isinstance(label, torch.Tensor):
        return label.dim() == 0 and not label.is_floating_point() and not label.is_complex()
    return isinstance(label, numbers.Integral) and not isinstance(label, bool)


def _short(value: Any) -> str:
    import torch

    if isinstance(value, torch.Tensor):
        return f"a tensor of shape {tuple(value.shape)}"
    return type(value).__name__


def _notes(kind: str, value: Any) -> dict[str, Any]:
    """What the app should know of a dataset before opening it: its class names and whether it has splits."""
    if kind != DATASET:
        return {}
    classes = getattr(value, "classes", None)
    notes: dict[str, Any] = {"size": len(value)}
    if isinstance(classes, (list, tuple)) and all(isinstance(c, str) for c in classes):
        notes["classes"] = [str(c) for c in classes][:1000]
    if isinstance(getattr(value, "train", None), bool):
        notes["train"] = value.train
    return notes


# -- the source of classes typed in the playground ------------------------------------------
def _cell_trees() -> list[ast.Module]:
    """The parsed cells still in linecache, oldest first."""
    names = sorted((n for n in linecache.cache if isinstance(n, str) and n.startswith(CELL_PREFIX)),
                   key=lambda n: int(n[len(CELL_PREFIX):-1]) if n[len(CELL_PREFIX):-1].isdigit() else 0)
    trees = []
    for name in names:
        try:
            trees.append(ast.parse("".join(linecache.cache[name][2]), name))
        except (SyntaxError, IndexError, TypeError):
            continue
    return trees


def class_source(cls: type) -> str:
    """The code that rebuilds ``cls``: the imports the cells made, then its definition and those it uses.

    Empty when ``cls`` was not typed in the playground (it comes from an installed package).
    """
    code = getattr(getattr(cls, "forward", None), "__code__", None) or getattr(
        getattr(cls, "__init__", None), "__code__", None)
    if code is None or not str(code.co_filename).startswith(CELL_PREFIX):
        return ""
    definitions: dict[str, str] = {}
    imports: list[str] = []
    for tree in _cell_trees():
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                line = ast.unparse(node)
                if line not in imports:
                    imports.append(line)
            elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
                definitions[node.name] = ast.unparse(node)
            elif isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets) \
                    and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    definitions[target.id] = ast.unparse(node)  # type: ignore[union-attr]
    if cls.__name__ not in definitions:
        return ""
    wanted: list[str] = []
    pending = [cls.__name__]
    while pending:
        name = pending.pop()
        if name in wanted or name not in definitions:
            continue
        wanted.append(name)
        pending.extend(node.id for node in ast.walk(ast.parse(definitions[name]))
                       if isinstance(node, ast.Name) and node.id != name)
    ordered = [name for name in definitions if name in wanted]
    return "\n".join(imports) + "\n\n\n" + "\n\n\n".join(definitions[name] for name in ordered) + "\n"
