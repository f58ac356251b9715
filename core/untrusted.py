"""Checks for values read from files that came from elsewhere, before anything uses them.

Every reader of an outside file (checkpoint payloads and metadata, run files, CSVs,
image folders, safetensors and dataset headers) goes through these few functions, so
the same rules hold everywhere:

* a structure is measured before it is walked: :func:`check_structure` visits each
  distinct object once, so a list nested 40 levels deep that holds the level below it
  twice (2**40 paths, 40 objects) is measured in microseconds and refused when too deep;
* a bad value is named with :func:`describe`, which never ``repr``\\ s an unbounded
  structure (a plain ``repr`` of that list would never finish);
* :func:`expect_int`, :func:`expect_str`, :func:`expect_list` and friends turn a wrongly
  typed field into a :class:`FileContentError` whose message says which file, which
  field, what it holds and what to do.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from typing import Any, TypeVar

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate

MAX_DEPTH = 32
MAX_NODES = 1_000_000
DESCRIBE_CHARS = 80

T = TypeVar("T")


class FileContentError(ValueError):
    """A file's content is damaged or not what it claims to be; the message says what and what to do."""


_short = reprlib.Repr()
_short.maxlevel = 2
_short.maxlist = _short.maxtuple = _short.maxdict = _short.maxset = _short.maxfrozenset = 4
_short.maxstring = _short.maxother = 40
_short.maxlong = 40


def describe(value: Any, limit: int = DESCRIBE_CHARS) -> str:
    """A short, bounded description of ``value`` for a message: its type and the start of its contents.

    Tensors and arrays are described by dtype and shape; containers show at most a few
    items two levels deep, so the work is bounded whatever the value holds.
    """
    shape = getattr(value, "shape", None)
    dtype = getattr(value, "dtype", None)
    if shape is not None and dtype is not None:
        try:
            dims = "×".join(str(int(d)) for d in tuple(shape)[:8])
        except Exception:  # an object that only looks like an array
            dims = "?"
        return translate("untrusted", "a {type} of shape [{dims}] ({dtype})").format(
            type=type(value).__name__, dims=dims, dtype=dtype)
    try:
        text = _short.repr(value)
    except Exception:  # an object whose repr raises
        text = f"<{type(value).__name__}>"
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"{type(value).__name__} {text}"


def check_structure(value: Any, what: str, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> None:
    """Refuse ``value`` if its containers nest deeper than ``max_depth`` or hold more than ``max_nodes`` distinct objects.

    Shared sub-structures are visited once (by identity), so the check is linear in the
    number of distinct objects however often they are shared.
    """
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            raise FileContentError(
                translate("untrusted", "{what} is nested more than {depth} levels deep, which no file torchdesk "
                          "writes does; the file is damaged or was made to hang programs that read it. "
                          "Use another file.").format(what=what, depth=max_depth)
            )
        if isinstance(item, (dict, list, tuple, set, frozenset)):
            if id(item) in seen:
                continue
            seen.add(id(item))
            if len(seen) > max_nodes:
                raise FileContentError(
                    translate("untrusted", "{what} holds more than {count:,} values, far more than a real one does; "
                              "the file is damaged. Use another file.").format(what=what, count=max_nodes)
                )
            children = list(item.keys()) + list(item.values()) if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)


def _wrong(what: str, wanted: str, value: Any, fix: str) -> FileContentError:
    return FileContentError(translate("untrusted", "{what} should be {wanted} but holds {value}. {fix}").format(
        what=what, wanted=translate("untrusted", wanted), value=describe(value), fix=_fix(fix)))


_FIX = QT_TRANSLATE_NOOP("untrusted", "The file is damaged or was not written by torchdesk; use another file or "
                                      "save it again.")


def _fix(fix: str) -> str:
    """The advice in the current language (the default one, or a caller's own, translated by the caller)."""
    return translate("untrusted", fix)


def expect(value: Any, kind: type[T] | tuple[type, ...], what: str, wanted: str, fix: str = _FIX) -> T:
    """``value`` when it is an instance of ``kind`` (``bool`` never counts as a number), else a :class:`FileContentError`."""
    numeric = kind in (int, float) or (isinstance(kind, tuple) and (int in kind or float in kind))
    if not isinstance(value, kind) or (numeric and isinstance(value, bool)):
        raise _wrong(what, wanted, value, fix)
    return value  # type: ignore[return-value]


def expect_int(value: Any, what: str, low: int | None = None, high: int | None = None, fix: str = _FIX) -> int:
    """An integer field, optionally within ``[low, high]``."""
    number = expect(value, int, what, QT_TRANSLATE_NOOP("untrusted", "a whole number"), fix)
    if (low is not None and number < low) or (high is not None and number > high):
        if low is not None and high is not None:
            bounds = translate("untrusted", "between {low:,} and {high:,}").format(low=low, high=high)
        elif low is not None:
            bounds = translate("untrusted", "at least {low:,}").format(low=low)
        else:
            bounds = translate("untrusted", "at most {high:,}").format(high=high)
        raise FileContentError(translate("untrusted", "{what} is {number:,}; it should be {bounds}. {fix}").format(
            what=what, number=number, bounds=bounds, fix=_fix(fix)))
    return number


def expect_number(value: Any, what: str, fix: str = _FIX) -> float:
    """A numeric field (int or float, not bool) as a float."""
    return float(expect(value, (int, float), what, QT_TRANSLATE_NOOP("untrusted", "a number"), fix))


def expect_str(value: Any, what: str, max_chars: int = 10_000, fix: str = _FIX) -> str:
    """A text field of at most ``max_chars`` characters."""
    text = expect(value, str, what, QT_TRANSLATE_NOOP("untrusted", "text"), fix)
    if len(text) > max_chars:
        raise FileContentError(translate("untrusted", "{what} is {length:,} characters long; at most {limit:,} make "
                                                      "sense. {fix}").format(what=what, length=len(text),
                                                                             limit=max_chars, fix=_fix(fix)))
    return text


def expect_list(value: Any, what: str, item: Callable[[Any, str], T] | None = None, max_items: int = 100_000,
                fix: str = _FIX) -> list[T]:
    """A list (or tuple) field of at most ``max_items`` items, each checked with ``item(value, 'what[i]')``."""
    items = expect(value, (list, tuple), what, QT_TRANSLATE_NOOP("untrusted", "a list"), fix)
    if len(items) > max_items:
        raise FileContentError(translate("untrusted", "{what} has {count:,} items; at most {limit:,} make sense. "
                                                      "{fix}").format(what=what, count=len(items), limit=max_items,
                                                                      fix=_fix(fix)))
    if item is None:
        return list(items)
    return [item(entry, f"{what}[{index}]") for index, entry in enumerate(items)]


def expect_dict(value: Any, what: str, fix: str = _FIX) -> dict[Any, Any]:
    """A mapping field."""
    return expect(value, dict, what, QT_TRANSLATE_NOOP("untrusted", "a table of named values"), fix)


_CONTAINERS = (dict, list, tuple, set, frozenset)


def check_expanded_size(value: Any, what: str, max_values: int = 20_000_000, max_depth: int = MAX_DEPTH) -> int:
    """Refuse ``value`` if walking it as a tree (``repr``, ``str``, JSON, a copy) would visit more than ``max_values`` values.

    :func:`check_structure` counts each shared object once; this counts it every time
    it is reached, the cost a naive walk pays (a list 30 levels deep holding the level
    below twice is 30 objects but 2**30 values). Sizes are memoised per object, so the
    check is linear in the distinct objects (and only containers are pushed, so a long
    flat list of numbers costs one pass). Nesting deeper than ``max_depth`` and a
    structure that contains itself are refused too (a walk would never end). Returns
    the expanded size.
    """
    sizes: dict[int, int] = {}
    open_now: set[int] = set()
    # (item, depth, nested containers once opened (None before), count of all children)
    stack: list[tuple[Any, int, list[Any] | None, int]] = [(value, 0, None, 0)]
    while stack:
        item, depth, nested, count = stack.pop()
        key = id(item)
        if nested is not None:
            open_now.discard(key)
            total = 1 + count + sum(sizes[id(c)] - 1 for c in nested)
            if total > max_values:
                raise FileContentError(translate(
                    "untrusted", "{what} repeats parts of itself so often that reading it would take more than "
                    "{count:,} steps; the file is damaged or was made to hang programs that read it. "
                    "Use another file.").format(what=what, count=max_values))
            sizes[key] = total
            continue
        if key in sizes or not isinstance(item, _CONTAINERS):
            continue
        if key in open_now:
            raise FileContentError(translate("untrusted", "{what} contains itself, which no file torchdesk writes "
                                                          "does; the file is damaged or was made to hang programs "
                                                          "that read it. Use another file.").format(what=what))
        if depth > max_depth:
            raise FileContentError(
                translate("untrusted", "{what} is nested more than {depth} levels deep, which no file torchdesk "
                          "writes does; the file is damaged or was made to hang programs that read it. "
                          "Use another file.").format(what=what, depth=max_depth))
        parts = (item.keys(), item.values()) if isinstance(item, dict) else (item,)
        inner = [c for part in parts for c in part if isinstance(c, _CONTAINERS)]
        open_now.add(key)
        stack.append((item, depth, inner, 2 * len(item) if isinstance(item, dict) else len(item)))
        stack.extend((child, depth + 1, None, 0) for child in inner if id(child) not in sizes)
    return sizes.get(id(value), 1)
