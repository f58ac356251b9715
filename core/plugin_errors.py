"""Name the plugin when one of its components fails while it is used.

The registry catches what goes wrong while plugins load. A model can still raise
later, when it is built for a dataset or during ``forward``; these helpers turn
such an error into a message that says which plugin (and distribution) is at
fault, so the person knows whom to blame and what to switch off.
"""

from __future__ import annotations

import weakref
from typing import Any

from torchdesk.core.registry import BUILTIN_DISTRIBUTION, PluginError
from torchdesk.core.specs import ComponentSpec

_built: "weakref.WeakKeyDictionary[Any, ComponentSpec]" = weakref.WeakKeyDictionary()


class PluginComponentError(PluginError):
    """A plugin's component failed when it was built; the message names the plugin."""


def describe_origin(spec: ComponentSpec) -> str:
    """``plugin 'name' (distribution version)`` for the plugin that offered ``spec``."""
    where = " ".join(part for part in (spec.distribution, spec.version) if part)
    return f"plugin {spec.plugin!r}" + (f" ({where})" if where else "")


def build_component(spec: ComponentSpec, *args: Any, **kwargs: Any) -> Any:
    """Call ``spec.factory``; an error becomes a :class:`PluginComponentError` naming the plugin.

    The built object is remembered, so a later error inside it (``forward``) can be
    traced back to the plugin with :func:`blame`.
    """
    try:
        built = spec.factory(*args, **kwargs)
    except Exception as exc:
        raise PluginComponentError(
            f"The {spec.kind} {spec.id!r} from {describe_origin(spec)} failed to build: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    try:
        _built[built] = spec
    except TypeError:  # not weak-referenceable (a plain function's result, a tuple ...): nothing to trace
        pass
    return built


def blame(exc: BaseException, *components: Any) -> str:
    """`` (raised in model 'x' from plugin 'p' (dist 1.0))`` when a third-party component raised ``exc``.

    Looks for a frame of the traceback that runs code from a module of one of the
    ``components`` (built by :func:`build_component`), e.g. a model's ``forward``.
    Built-in components and errors raised elsewhere give ``''``.
    """
    frames = _traceback_modules(exc)
    for component in components:
        spec = _spec_of(component)
        if spec is None or spec.distribution == BUILTIN_DISTRIBUTION:
            continue
        if frames & _code_modules(component, spec):
            return f" (raised in {spec.kind} {spec.id!r} from {describe_origin(spec)})"
    return ""


def _spec_of(component: Any) -> ComponentSpec | None:
    try:
        return _built.get(component)
    except TypeError:
        return None


def _traceback_modules(exc: BaseException) -> set[str]:
    names: set[str] = set()
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:  # follow "raise ... from" chains too
        seen.add(id(current))
        tb = current.__traceback__
        while tb is not None:
            names.add(str(tb.tb_frame.f_globals.get("__name__", "")))
            tb = tb.tb_next
        current = current.__cause__ or current.__context__
    return names


def _code_modules(component: Any, spec: ComponentSpec) -> set[str]:
    modules = {getattr(spec.factory, "__module__", "") or ""}
    children = component.modules() if hasattr(component, "modules") else [component]
    modules.update(type(child).__module__ for child in children)
    return {m for m in modules if m and m != "torch" and not m.startswith(("torch.", "torchvision"))}
