"""The plugin registry: finds plugins, calls each hook on its own, keeps the specs.

pluggy does not isolate failures, so every entry point is loaded and every hook
implementation called separately: a plugin that fails to import, raises in a hook
(even ``SystemExit`` or ``KeyboardInterrupt``, see :mod:`torchdesk.core.plugin_guard`)
or returns something that is not a spec is recorded against that plugin and
skipped while everything else loads. Each plugin's import and registration is
timed, and one slower than :data:`SLOW_IMPORT_SECONDS` is reported by name. The
registry is a typed facade, one method per kind, so nothing else in torchdesk
touches ``pm.hook``.

Environment switches:

* ``TORCHDESK_DISABLE_THIRD_PARTY=1`` loads only torchdesk's built-in plugins.
* ``TORCHDESK_RAISE_PLUGIN_ERRORS=1`` re-raises plugin errors (the tests use it).
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib.metadata as metadata
import os
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Iterable

import pluggy

from torchdesk.core import hookspecs
from torchdesk.core.plugin_guard import PluginAbort, PluginError, call_plugin, guarded  # PluginError is re-exported
from torchdesk.core.specs import (
    SPEC_KINDS,
    ComponentSpec,
    DatasetSpec,
    LossSpec,
    ModelSpec,
    OptimizerSpec,
    TransformSpec,
)
from torchdesk.core.userdirs import read_settings, write_setting

BUILTIN_DISTRIBUTION = "torchdesk"
DISABLED_SETTING = "plugins.disabled"
SLOW_IMPORT_SECONDS = 2.0  # torchdesk waits this long for a plugin at every start before it says so


class UnknownComponentError(LookupError):
    """No plugin offers a component with the requested id."""


@dataclass
class PluginProblem:
    """One thing that went wrong with a plugin, with the traceback for the details view."""

    message: str
    detail: str = ""


@dataclass
class PluginInfo:
    """What the registry knows about one plugin, for the Plugins dialog and ``torchdesk plugins``."""

    name: str
    distribution: str
    version: str
    module: str = ""
    state: str = "active"  # active | disabled | failed
    provides: dict[str, list[str]] = field(default_factory=dict)
    problems: list[PluginProblem] = field(default_factory=list)
    import_seconds: float = 0.0  # loading the entry point plus calling its hooks; 0 when not loaded

    @property
    def origin(self) -> str:
        """``'name' (distribution version)``, how messages name this plugin."""
        where = " ".join(part for part in (self.distribution, self.version) if part)
        return f"{self.name!r}" + (f" ({where})" if where else "")

    @property
    def slow(self) -> bool:
        """True when importing this plugin took longer than :data:`SLOW_IMPORT_SECONDS`."""
        return self.import_seconds > SLOW_IMPORT_SECONDS

    @property
    def builtin(self) -> bool:
        """True for the plugins that ship inside torchdesk itself."""
        return self.distribution == BUILTIN_DISTRIBUTION

    @property
    def error(self) -> str:
        """The problems joined into one readable line ('' when there are none)."""
        return "; ".join(p.message for p in self.problems)


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def raise_plugin_errors() -> bool:
    """Whether plugin errors should propagate instead of being recorded."""
    return _env_flag("TORCHDESK_RAISE_PLUGIN_ERRORS")


def disabled_plugins() -> set[str]:
    """Plugin names the user switched off (shared by the app and the CLI)."""
    value = read_settings().get(DISABLED_SETTING, [])
    return {str(v) for v in value} if isinstance(value, list) else set()


def slow_import_warning(info: PluginInfo) -> str:
    """The sentence saying that ``info``'s import is slow and what to do about it ('' when it is not slow)."""
    if not info.slow:
        return ""
    fix = ("it is part of torchdesk: please report this" if info.builtin else
           f"update it, or switch it off with `torchdesk plugins --disable {info.name}` "
           "(or untick it in Plugins > Plugins…)")
    return (f"Plugin {info.origin} took {info.import_seconds:.1f} s to import, and torchdesk waits for it "
            f"every time it starts; {fix}.")


def installed_plugin_names() -> set[str]:
    """The names of every installed plugin, read from the entry points without importing any."""
    return {ep.name for ep in metadata.entry_points(group=hookspecs.ENTRY_POINT_GROUP)}


def set_plugin_enabled(name: str, enabled: bool) -> None:
    """Remember that the plugin ``name`` is switched on or off across launches."""
    disabled = disabled_plugins()
    (disabled.discard if enabled else disabled.add)(name)
    write_setting(DISABLED_SETTING, sorted(disabled))


class PluginRegistry:
    """All plugins and the components they offer, loaded failure by failure."""

    def __init__(self) -> None:
        self._plugins: dict[str, PluginInfo] = {}
        self._specs: dict[str, dict[str, ComponentSpec]] = {kind: {} for kind in SPEC_KINDS}
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)

    # -- loading -----------------------------------------------------------------
    def load_entry_points(
        self,
        entry_points: Iterable[metadata.EntryPoint] | None = None,
        disabled: set[str] | None = None,
    ) -> "PluginRegistry":
        """Load every plugin of the ``torchdesk`` entry-point group, each on its own."""
        if entry_points is None:
            entry_points = metadata.entry_points(group=hookspecs.ENTRY_POINT_GROUP)
        disabled = disabled_plugins() if disabled is None else disabled
        third_party_off = _env_flag("TORCHDESK_DISABLE_THIRD_PARTY")
        for ep in sorted(entry_points, key=lambda e: (not _is_builtin(e), e.name)):
            dist, version = _distribution_of(ep)
            if ep.name in self._plugins:
                continue  # the same distribution seen twice on sys.path
            info = PluginInfo(name=ep.name, distribution=dist, version=version, module=ep.value)
            self._plugins[ep.name] = info
            if not info.builtin and third_party_off:
                info.state = "disabled"
                info.problems.append(PluginProblem("third-party plugins are off (TORCHDESK_DISABLE_THIRD_PARTY)"))
                continue
            if ep.name in disabled:
                info.state = "disabled"
                continue
            started = time.perf_counter()
            try:
                self._load_one(ep, info)
            finally:
                info.import_seconds = time.perf_counter() - started
        return self

    def _load_one(self, ep: metadata.EntryPoint, info: PluginInfo) -> None:
        try:
            plugin = call_plugin(ep.load)
        except Exception as exc:  # a plugin may raise anything on import
            self._fail(info, f"could not be imported: {_reason(exc)}", exc)
            return
        self._register(plugin, info)

    def register_plugin(self, plugin: Any, name: str, distribution: str = "", version: str = "") -> PluginInfo:
        """Register an already-imported plugin object or module (tests, scripts, notebooks)."""
        info = PluginInfo(name=name, distribution=distribution or name, version=version,
                          module=getattr(plugin, "__name__", type(plugin).__name__))
        self._plugins[name] = info
        started = time.perf_counter()
        try:
            self._register(plugin, info)
        finally:
            info.import_seconds = time.perf_counter() - started
        return info

    def _register(self, plugin: Any, info: PluginInfo) -> None:
        try:
            call_plugin(self._pm.register, plugin, name=info.name)
        except Exception as exc:
            self._fail(info, f"is not a valid plugin: {exc}", exc)
            return
        for hook_name, kind in hookspecs.HOOK_KINDS.items():
            caller = getattr(self._pm.hook, hook_name)
            for impl in caller.get_hookimpls():
                if impl.plugin_name != info.name:
                    continue
                self._collect(info, hook_name, kind, impl.function)
        if info.problems and not any(info.provides.values()):
            info.state = "failed"

    def _collect(self, info: PluginInfo, hook_name: str, kind: str, function: Any) -> None:
        try:
            result = call_plugin(function)
        except Exception as exc:
            self._fail(info, f"raised in {hook_name}(): {_reason(exc)}", exc)
            return
        if result is None:
            return
        if isinstance(result, ComponentSpec) or not isinstance(result, (list, tuple)):
            result = [result]
        spec_cls = SPEC_KINDS[kind]
        for spec in result:
            if not isinstance(spec, spec_cls):
                self._fail(info, f"{hook_name}() returned {_describe(spec)}, not a {spec_cls.__name__}")
                continue
            existing = self._specs[kind].get(spec.id)
            if existing is not None:
                self._fail(
                    info,
                    f"{kind} id {spec.id!r} is offered by both plugin {existing.plugin!r} "
                    f"({existing.distribution}) and plugin {info.name!r} ({info.distribution}); "
                    f"kept the one from {existing.plugin!r}",
                )
                continue
            stamped = dataclasses.replace(
                spec, plugin=info.name, distribution=info.distribution, version=info.version
            )
            if not info.builtin:
                stamped = _guard_factories(stamped, info)
            self._specs[kind][spec.id] = stamped
            info.provides.setdefault(kind, []).append(spec.id)

    def _fail(self, info: PluginInfo, message: str, exc: BaseException | None = None) -> None:
        detail = "".join(traceback.format_exception(exc)) if exc is not None else ""
        info.problems.append(PluginProblem(f"plugin {info.name!r} ({info.distribution}) {message}", detail))
        if not any(info.provides.values()):
            info.state = "failed"
        if raise_plugin_errors():
            raise PluginError(info.problems[-1].message) from exc

    # -- the typed facade ----------------------------------------------------------
    def plugins(self) -> list[PluginInfo]:
        """Every plugin found, built-ins first."""
        return sorted(self._plugins.values(), key=lambda p: (not p.builtin, p.name))

    def plugin(self, name: str) -> PluginInfo:
        """The plugin called ``name``."""
        return self._plugins[name]

    def slow_plugins(self) -> list[PluginInfo]:
        """The plugins whose import took longer than :data:`SLOW_IMPORT_SECONDS`, slowest first."""
        return sorted((p for p in self._plugins.values() if p.slow), key=lambda p: -p.import_seconds)

    def specs(self, kind: str) -> list[ComponentSpec]:
        """All specs of one kind (``model``, ``dataset``, ...), in registration order."""
        return list(self._specs[kind].values())

    def get(self, kind: str, spec_id: str) -> ComponentSpec:
        """The spec of ``kind`` with ``spec_id``; a helpful error when there is none."""
        try:
            return self._specs[kind][spec_id]
        except KeyError:
            known = list(self._specs[kind])
            close = difflib.get_close_matches(spec_id, known, n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise UnknownComponentError(
                f"No {kind} called {spec_id!r}.{hint} Available: {', '.join(known) or 'none'}. "
                "A plugin that should offer it may have failed: run `torchdesk plugins`."
            ) from None

    def models(self) -> list[ModelSpec]:
        """Every model offered."""
        return self.specs("model")  # type: ignore[return-value]

    def datasets(self) -> list[DatasetSpec]:
        """Every dataset offered."""
        return self.specs("dataset")  # type: ignore[return-value]

    def transforms(self) -> list[TransformSpec]:
        """Every transform offered."""
        return self.specs("transform")  # type: ignore[return-value]

    def optimizers(self) -> list[OptimizerSpec]:
        """Every optimizer offered."""
        return self.specs("optimizer")  # type: ignore[return-value]

    def losses(self) -> list[LossSpec]:
        """Every loss offered."""
        return self.specs("loss")  # type: ignore[return-value]

    def model(self, spec_id: str) -> ModelSpec:
        """The model spec ``spec_id``."""
        return self.get("model", spec_id)  # type: ignore[return-value]

    def dataset(self, spec_id: str) -> DatasetSpec:
        """The dataset spec ``spec_id``."""
        return self.get("dataset", spec_id)  # type: ignore[return-value]

    def transform(self, spec_id: str) -> TransformSpec:
        """The transform spec ``spec_id``."""
        return self.get("transform", spec_id)  # type: ignore[return-value]

    def optimizer(self, spec_id: str) -> OptimizerSpec:
        """The optimizer spec ``spec_id``."""
        return self.get("optimizer", spec_id)  # type: ignore[return-value]

    def loss(self, spec_id: str) -> LossSpec:
        """The loss spec ``spec_id``."""
        return self.get("loss", spec_id)  # type: ignore[return-value]


def _guard_factories(spec: ComponentSpec, info: PluginInfo) -> ComponentSpec:
    """``spec`` whose factories turn a ``SystemExit`` (or other ``BaseException``) into a message naming the plugin."""
    context = f"The {spec.kind} {spec.id!r} from plugin {info.origin} failed to build"
    changes = {"factory": guarded(spec.factory, context)}
    batch_factory = getattr(spec, "batch_factory", None)
    if batch_factory is not None:
        changes["batch_factory"] = guarded(batch_factory, context)
    return dataclasses.replace(spec, **changes)


def _reason(exc: Exception) -> str:
    """Why a plugin failed: what it did for an aborted exit, else the exception's type and text."""
    if isinstance(exc, PluginAbort):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _describe(value: Any) -> str:
    """A bounded description of a value a plugin returned (its ``repr`` is plugin code too)."""
    from torchdesk.core.untrusted import describe

    try:
        return call_plugin(describe, value, 60)
    except Exception:
        return type(value).__name__


def _is_builtin(ep: metadata.EntryPoint) -> bool:
    return _distribution_of(ep)[0] == BUILTIN_DISTRIBUTION


def _distribution_of(ep: metadata.EntryPoint) -> tuple[str, str]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return ("unknown", "")
    try:
        return (dist.metadata["Name"] or "unknown", dist.version or "")
    except Exception:
        return ("unknown", "")


_default: PluginRegistry | None = None


def get_registry(reload: bool = False) -> PluginRegistry:
    """The process-wide registry, loaded from the entry points on first use."""
    global _default
    if _default is None or reload:
        _default = PluginRegistry().load_entry_points()
    return _default
