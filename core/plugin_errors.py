"""Name the plugin when one of its components fails while it is used.

The registry catches what goes wrong while plugins load. A model can still raise
later, when it is built for a dataset or during ``forward``; these helpers turn
such an error into a message that says which plugin (and distribution) is at
fault, so the person knows whom to blame and what to switch off.

A plugin's ``SystemExit``, ``KeyboardInterrupt`` or own ``BaseException`` would slip
past every ``except Exception`` and end the program, so the factory is called through
:func:`~torchdesk.core.plugin_guard.call_plugin`, and a third-party model's ``forward``
is too: there such an exception becomes a
:class:`~torchdesk.core.plugin_guard.PluginAbort` that training reports like any other
error, with :func:`blame` naming the plugin.
"""

from __future__ import annotations

import sys
import types
import weakref
from typing import Any

from torchdesk.core.i18n import translate
from torchdesk.core.plugin_guard import PluginAbort, PluginComponentError, call_plugin
from torchdesk.core.registry import BUILTIN_DISTRIBUTION, PluginError
from torchdesk.core.specs import ComponentSpec, kind_label

_built: "weakref.WeakKeyDictionary[Any, ComponentSpec]" = weakref.WeakKeyDictionary()


def describe_origin(spec: ComponentSpec) -> str:
    """``plugin 'name' (distribution version)`` for the plugin that offered ``spec``."""
    where = " ".join(part for part in (spec.distribution, spec.version) if part)
    if where:
        return translate("plugin_errors", "plugin {name} ({distribution})").format(name=repr(spec.plugin),
                                                                                   distribution=where)
    return translate("plugin_errors", "plugin {name}").format(name=repr(spec.plugin))


def build_component(spec: ComponentSpec, *args: Any, **kwargs: Any) -> Any:
    """Call ``spec.factory``; an error becomes a :class:`PluginComponentError` naming the plugin.

    The built object is remembered, so a later error inside it (``forward``) can be
    traced back to the plugin with :func:`blame`.
    """
    try:
        built = call_plugin(spec.factory, *args, **kwargs)
    except PluginComponentError:  # a third-party factory's guard already named the plugin
        raise
    except PluginAbort as exc:
        if exc.context:
            raise PluginComponentError(str(exc)) from exc
        raise PluginComponentError(_failed_to_build(spec, str(exc))) from exc
    except Exception as exc:
        raise PluginComponentError(_failed_to_build(spec, f"{type(exc).__name__}: {exc}")) from exc
    try:
        _built[built] = spec
    except TypeError:  # not weak-referenceable (a plain function's result, a tuple ...): nothing to trace
        pass
    if spec.distribution != BUILTIN_DISTRIBUTION:
        _guard_forward(built)
    return built


def build_optimizer(spec: ComponentSpec, parameters: Any, lr: float, params: dict[str, Any]) -> Any:
    """``spec``'s optimizer over ``parameters``; one that is not an optimizer is a message naming the plugin."""
    optimizer = build_component(spec, parameters, lr=lr, **params)
    if not (hasattr(optimizer, "param_groups") and callable(getattr(optimizer, "step", None))
            and callable(getattr(optimizer, "zero_grad", None))):
        raise PluginComponentError(translate("plugin_errors", "The optimizer {id} from {origin} built {built}, not a "
                                                              "torch.optim.Optimizer; its factory must return "
                                                              "one.").format(
            id=repr(spec.id), origin=describe_origin(spec), built=_kind_of(optimizer)))
    return optimizer


def build_callable(spec: ComponentSpec, what: str, *args: Any, **kwargs: Any) -> Any:
    """Build a component that must be callable (a loss, a scheduler's factor, a callback); else name the plugin.

    ``what`` (``a loss function loss(logits, labels)``) is shown to the person: pass it translated.
    """
    built = build_component(spec, *args, **kwargs)
    if not callable(built):
        raise PluginComponentError(translate("plugin_errors", "The {kind} {id} from {origin} built {built}, not "
                                                              "{wanted}; its factory must return one.").format(
            kind=kind_label(spec.kind), id=repr(spec.id), origin=describe_origin(spec), built=_kind_of(built),
            wanted=what))
    return built


def _failed_to_build(spec: ComponentSpec, reason: str) -> str:
    return translate("plugin_errors", "The {kind} {id} from {origin} failed to build: {reason}").format(
        kind=kind_label(spec.kind), id=repr(spec.id), origin=describe_origin(spec), reason=reason)


def attributed(function: Any, spec: ComponentSpec, action: str) -> Any:
    """``function`` whose errors become a :class:`PluginComponentError` naming ``spec``'s plugin.

    For the callables a third-party component hands back and torchdesk calls later
    (a scheduler's factor, a callback, a metric's methods). ``action`` ends
    ``The callback 'x' from plugin 'p' (dist 1.0) failed …`` (``to reset``); pass it translated.
    """
    if spec.distribution == BUILTIN_DISTRIBUTION:
        return function

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return call_plugin(function, *args, **kwargs)
        except PluginComponentError:
            raise
        except PluginAbort as exc:
            raise PluginComponentError(_failed(spec, action, str(exc))) from exc
        except Exception as exc:
            raise PluginComponentError(_failed(spec, action, f"{type(exc).__name__}: {_first_line(exc)}")) from exc

    return call


def _failed(spec: ComponentSpec, action: str, reason: str) -> str:
    return translate("plugin_errors", "The {kind} {id} from {origin} failed {action}: {reason}").format(
        kind=kind_label(spec.kind), id=repr(spec.id), origin=describe_origin(spec), action=action, reason=reason)


def _kind_of(value: Any) -> str:
    if value is None:
        return translate("plugin_errors", "nothing (None)")
    return translate("plugin_errors", "a {type}").format(type=type(value).__name__)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = lines[0] if lines else ""
    return text if len(text) <= 300 else text[:300].rsplit(" ", 1)[0] + "…"


def _guard_forward(built: Any) -> None:
    """Run a third-party ``nn.Module``'s ``forward`` through :func:`call_plugin`.

    The guard is a method bound to the instance, so ``copy.deepcopy`` (predictions,
    export) binds it to the copy; the class and its ``state_dict`` are untouched.
    """
    torch = sys.modules.get("torch")
    if torch is None or not isinstance(built, torch.nn.Module) or "forward" in vars(built):
        return
    built.forward = types.MethodType(_guarded_forward, built)


def _guarded_forward(self: Any, *args: Any, **kwargs: Any) -> Any:
    forward = type(self).forward
    torch = sys.modules["torch"]
    if torch.compiler.is_compiling() or torch.jit.is_tracing():  # graph capture: no Python try blocks wanted
        return forward(self, *args, **kwargs)
    return call_plugin(forward, self, *args, **kwargs)


def blame(exc: BaseException, *components: Any) -> str:
    """`` (raised in model 'x' from plugin 'p' (dist 1.0))`` when a third-party component raised ``exc``.

    Looks for a frame of the traceback that runs code from a module of one of the
    ``components`` (built by :func:`build_component`), e.g. a model's ``forward``.
    Built-in components and errors raised elsewhere give ``''``.
    """
    if isinstance(exc, PluginComponentError):
        return ""  # its message names the plugin already
    frames = _traceback_modules(exc)
    for component in components:
        spec = _spec_of(component)
        if spec is None or spec.distribution == BUILTIN_DISTRIBUTION:
            continue
        if frames & _code_modules(component, spec):
            return " " + translate("plugin_errors", "(raised in {kind} {id} from {origin})").format(
                kind=kind_label(spec.kind), id=repr(spec.id), origin=describe_origin(spec))
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
    own = getattr(component, "__module__", "")  # a plain function or closure (a loss) names its module itself
    modules.add(own if isinstance(own, str) else "")
    children = component.modules() if hasattr(component, "modules") else [component]
    modules.update(type(child).__module__ for child in children)
    return {m for m in modules if m and m != "torch" and not m.startswith(("torch.", "torchvision"))}
