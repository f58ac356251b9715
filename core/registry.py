"""The plugin registry: finds plugins, calls each hook on its own, keeps the specs.

pluggy does not isolate failures, so every entry point is loaded and every hook
implementation called separately: a plugin that fails to import, raises in a hook
(even ``SystemExit`` or ``KeyboardInterrupt``, see :mod:`torchdesk.core.plugin_guard`)
or returns something that is not a spec is recorded against that plugin and
skipped while everything else loads. Each plugin's import and registration is
timed, and one slower than :data:`SLOW_IMPORT_SECONDS` is reported by name. The
registry is a typed facade, one method per kind, so nothing else in torchdesk
touches ``pm.hook``.

Who owns an id does not depend on the order plugins load in (:meth:`PluginRegistry._resolve`):

* torchdesk's built-in ids (and the ``torchdesk.`` namespace) are reserved for torchdesk;
* an id ``ns.rest`` whose ``ns`` is the name of an installed plugin belongs to that plugin;
* any other id offered by two plugins belongs to neither: both are told, naming both distributions.

Two distributions whose plugins share a name are both refused and named, a
``torchdesk_*`` function that is no hook (a typo) is an error, and a plugin that
declares a plugin API this torchdesk does not speak is refused with a clear message.

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
from pathlib import Path
from typing import Any, Iterable

import pluggy

from torchdesk.core import hookspecs
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.plugin_guard import (  # PluginError is re-exported
    PluginAbort,
    PluginError,
    attributing,
    call_plugin,
    guarded,
)
from torchdesk.core.specs import (
    SPEC_KINDS,
    CallbackSpec,
    ComponentSpec,
    DatasetSpec,
    LossSpec,
    MetricSpec,
    ModelSpec,
    OptimizerSpec,
    SchedulerSpec,
    ParamError,
    TransformSpec,
    kind_label,
    spec_problems,
)
from torchdesk.core.userdirs import read_settings, write_setting

BUILTIN_DISTRIBUTION = "torchdesk"
BUILTIN_NAMESPACE = "torchdesk"
STATES = ("active", "partly-failed", "failed", "disabled")
DISABLED_SETTING = "plugins.disabled"
SLOW_IMPORT_SECONDS = 2.0  # torchdesk waits this long for a plugin at every start before it says so
STATE_LABELS = {
    "active": QT_TRANSLATE_NOOP("registry", "active"),
    "partly-failed": QT_TRANSLATE_NOOP("registry", "partly failed"),
    "failed": QT_TRANSLATE_NOOP("registry", "failed"),
    "disabled": QT_TRANSLATE_NOOP("registry", "disabled"),
}
"""Each state of :data:`STATES` as people read it (translated where it is shown)."""


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
    state: str = "active"  # one of STATES: from all of its hooks, recomputed whenever ownership is decided
    provides: dict[str, list[str]] = field(default_factory=dict)
    problems: list[PluginProblem] = field(default_factory=list)
    import_seconds: float = 0.0  # loading the entry point plus calling its hooks; 0 when not loaded
    disabled: bool = False
    # What went wrong while it loaded; ``problems`` adds the ids it lost to the ownership rule.
    load_problems: list[PluginProblem] = field(default_factory=list, repr=False)

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
    def state_label(self) -> str:
        """The state as people read it: ``active``, ``partly failed``, ``failed`` or ``disabled`` (translated)."""
        label = STATE_LABELS.get(self.state)
        return translate("registry", label) if label else self.state.replace("-", " ")

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
    fix = (translate("registry", "it is part of torchdesk: please report this") if info.builtin else
           translate("registry", "update it, or switch it off with `torchdesk plugins --disable {name}` "
                                 "(or untick it in Plugins > Plugins…)").format(name=info.name))
    return translate("registry", "Plugin {origin} took {seconds:.1f} s to import, and torchdesk waits for it "
                                 "every time it starts; {fix}.").format(origin=info.origin,
                                                                        seconds=info.import_seconds, fix=fix)


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
        # Every spec each plugin offered, in its order; _resolve decides which of them are used.
        self._offers: list[tuple[PluginInfo, ComponentSpec]] = []
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
        for name, group in _by_name(entry_points).items():
            if len(group) > 1:
                self._refuse_duplicates(name, group)
                continue
            ep, dist, version = group[0]
            info = PluginInfo(name=ep.name, distribution=dist, version=version, module=ep.value)
            self._plugins[ep.name] = info
            if not info.builtin and third_party_off:
                info.disabled = True
                info.load_problems.append(
                    PluginProblem(translate("registry", "third-party plugins are off (TORCHDESK_DISABLE_THIRD_PARTY)")))
                continue
            if ep.name in disabled:
                info.disabled = True
                continue
            started = time.perf_counter()
            try:
                self._load_one(ep, info)
            finally:
                info.import_seconds = time.perf_counter() - started
        self._resolve()
        return self

    def _refuse_duplicates(self, name: str, group: list[tuple[metadata.EntryPoint, str, str]]) -> None:
        """Two distributions call their plugin ``name``: load neither (which one wins would depend on sys.path)."""
        origins = [f"{dist} {version}".strip() for _ep, dist, version in group]
        for index, (ep, dist, version) in enumerate(group):
            info = PluginInfo(name=ep.name, distribution=dist, version=version, module=ep.value)
            self._plugins[name if index == 0 else f"{name}\0{dist}"] = info
            message = translate("registry", "plugin name {name} is used by {count} distributions ({origins}), so "
                                            "neither was loaded: which one won would depend on the order of "
                                            "sys.path. Uninstall one of them (pip uninstall NAME).").format(
                name=repr(name), count=len(group), origins=", ".join(origins))
            info.load_problems.append(PluginProblem(message))
        if raise_plugin_errors():
            raise PluginError(translate("registry", "plugin name {name} is used by {origins}").format(
                name=repr(name), origins=", ".join(origins)))

    def _load_one(self, ep: metadata.EntryPoint, info: PluginInfo) -> None:
        try:
            plugin = call_plugin(ep.load)
        except Exception as exc:  # a plugin may raise anything on import
            self._fail(info, translate("registry", "could not be imported: {reason}").format(reason=_reason(exc)), exc)
            return
        self._register(plugin, info)

    def unregister_plugin(self, name: str) -> None:
        """Forget plugin ``name`` and what it offered (the playground's models are replaced this way)."""
        if self._pm.has_plugin(name):
            self._pm.unregister(name=name)
        self._offers = [(info, spec) for info, spec in self._offers if info.name != name]
        self._plugins.pop(name, None)
        self._resolve()

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
        self._resolve()
        return info

    def _register(self, plugin: Any, info: PluginInfo) -> None:
        if not self._api_fits(plugin, info) or not self._hook_names_fit(plugin, info):
            return
        try:
            call_plugin(self._pm.register, plugin, name=info.name)
        except Exception as exc:
            self._fail(info, translate("registry", "is not a valid plugin: {reason}").format(reason=exc), exc)
            return
        for hook_name, kind in hookspecs.HOOK_KINDS.items():
            caller = getattr(self._pm.hook, hook_name)
            for impl in caller.get_hookimpls():
                if impl.plugin_name != info.name:
                    continue
                self._collect(info, hook_name, kind, impl.function)
        self._collect_translations(info)

    def _collect_translations(self, info: PluginInfo) -> None:
        """Add the plugin's translation folder to the catalogs, if it has one."""
        for impl in self._pm.hook.torchdesk_translations.get_hookimpls():
            if impl.plugin_name != info.name:
                continue
            try:
                folder = call_plugin(impl.function)
                if folder is None:
                    continue
                if not Path(folder).is_dir():
                    raise ValueError(translate("registry", "{path} is not a folder").format(
                        path=repr(str(folder)[:200])))
            except Exception as exc:
                self._fail(info, translate("registry", "torchdesk_translations() failed: {reason}").format(
                    reason=_reason(exc)), exc)
                continue
            from torchdesk.core.i18n import add_catalog_dir

            add_catalog_dir(folder)

    def _api_fits(self, plugin: Any, info: PluginInfo) -> bool:
        """False (and the reason recorded) when ``plugin`` declares a plugin API this torchdesk does not speak."""
        try:
            declared = call_plugin(getattr, plugin, hookspecs.API_ATTRIBUTE, None)
        except Exception as exc:
            self._fail(info, translate("registry", "could not be asked for its {attribute}: {reason}").format(
                attribute=hookspecs.API_ATTRIBUTE, reason=_reason(exc)), exc)
            return False
        if declared is None or (type(declared) is int and declared in hookspecs.SUPPORTED_API_VERSIONS):
            return True
        supported = translate("registry", "{first} to {last}").format(first=hookspecs.SUPPORTED_API_VERSIONS[0],
                                                                      last=hookspecs.SUPPORTED_API_VERSIONS[-1])
        if type(declared) is int and declared > hookspecs.API_VERSION:
            fix = translate("registry", "update torchdesk (pip install -U torchdesk), or install a release of the "
                                        "plugin made for API {version}").format(version=hookspecs.API_VERSION)
        else:
            fix = translate("registry", "ask its author for a release made for this torchdesk")
        shown = str(declared) if type(declared) is int else _describe(declared)
        self._fail(info, translate("registry", "was written for torchdesk plugin API {declared}, and this torchdesk "
                                               "speaks API {supported}, so it was not loaded: {fix}").format(
            declared=shown, supported=supported, fix=fix))
        return False

    def _hook_names_fit(self, plugin: Any, info: PluginInfo) -> bool:
        """False (and each typo recorded) when ``plugin`` has ``torchdesk_*`` functions that are no hooks."""
        try:
            names = [n for n in call_plugin(dir, plugin) if isinstance(n, str) and n.startswith("torchdesk_")]
        except Exception as exc:
            self._fail(info, translate("registry", "could not be listed: {reason}").format(reason=_reason(exc)), exc)
            return False
        unknown = sorted(n for n in names if n not in hookspecs.HOOK_KINDS and n not in hookspecs.OTHER_HOOKS)
        for name in unknown:
            close = difflib.get_close_matches(name, list(hookspecs.HOOK_KINDS), n=1)
            hint = " " + translate("registry", "Did you mean {name}?").format(name=close[0]) if close else ""
            self._fail(info, translate("registry", "has a function {name}(), which is not a torchdesk hook, so it "
                                                   "provides nothing.{hint} The hooks are: {hooks}.").format(
                name=name[:80], hint=hint, hooks=", ".join(hookspecs.HOOK_KINDS)))
        return not unknown

    def _collect(self, info: PluginInfo, hook_name: str, kind: str, function: Any) -> None:
        try:
            result = call_plugin(function)
        except Exception as exc:
            self._fail(info, translate("registry", "raised in {hook}(): {reason}").format(hook=hook_name,
                                                                                        reason=_reason(exc)), exc)
            return
        if result is None:
            return
        if isinstance(result, ComponentSpec) or not isinstance(result, (list, tuple)):
            result = [result]
        spec_cls = SPEC_KINDS[kind]
        offered = {spec.id for owner, spec in self._offers if owner is info and spec.kind == kind}
        for spec in result:
            if not isinstance(spec, spec_cls):
                self._fail(info, translate("registry", "{hook}() returned {value}, not a {type}").format(
                    hook=hook_name, value=_describe(spec), type=spec_cls.__name__))
                continue
            problems = spec_problems(spec)
            if problems:
                label = (repr(spec.id) if isinstance(spec.id, str) and len(spec.id) <= 100
                         else translate("registry", "(bad id)"))
                self._fail(info, translate("registry", "offers the {kind} {id}, which was refused: {problems}").format(
                    kind=kind_label(kind), id=label, problems="; ".join(problems)))
                continue
            if spec.id in offered:
                self._fail(info, translate("registry", "offers the {kind} id {id} twice; the first was kept").format(
                    kind=kind_label(kind), id=repr(spec.id)))
                continue
            offered.add(spec.id)
            stamped = dataclasses.replace(
                spec, plugin=info.name, distribution=info.distribution, version=info.version
            )
            if not info.builtin:
                stamped = _guard_factories(stamped, info)
            self._offers.append((info, stamped))

    def _fail(self, info: PluginInfo, message: str, exc: BaseException | None = None) -> None:
        detail = "".join(traceback.format_exception(exc)) if exc is not None else ""
        said = translate("registry", "plugin {name} ({distribution}) {problem}").format(
            name=repr(info.name), distribution=info.distribution, problem=message)
        info.load_problems.append(PluginProblem(said, detail))
        info.problems = list(info.load_problems)
        info.state = _state_of(info)
        if raise_plugin_errors():
            raise PluginError(info.load_problems[-1].message) from exc

    # -- ownership -------------------------------------------------------------------
    def _owner_of_namespace(self, spec_id: str) -> PluginInfo | None:
        namespace, dot, _rest = spec_id.partition(".")
        return self._plugins.get(namespace) if dot else None

    def _resolve(self) -> None:
        """Decide, from everything offered, which plugin owns each id (independent of load order)."""
        by_id: dict[tuple[str, str], list[tuple[PluginInfo, ComponentSpec]]] = {}
        for info, spec in self._offers:
            by_id.setdefault((spec.kind, spec.id), []).append((info, spec))
        lost: dict[str, list[PluginProblem]] = {}
        self._specs = {kind: {} for kind in SPEC_KINDS}
        for (kind, spec_id), offers in by_id.items():
            winners = self._rightful(kind, spec_id, offers, lost)
            if len(winners) == 1:
                self._specs[kind][spec_id] = winners[0][1]
            elif len(winners) > 1:
                names = translate("registry", " and ").join(
                    translate("registry", "plugin {name} ({distribution})").format(
                        name=repr(i.name), distribution=f"{i.distribution} {i.version}".strip())
                    for i, _ in winners)
                for info, _spec in winners:
                    lost.setdefault(info.name, []).append(PluginProblem(translate(
                        "registry", "plugin {name} ({distribution}): the {kind} id {id} is offered by {names}, so "
                                    "neither is used (which one you meant cannot be known). Uninstall one, or ask "
                                    "the authors to use their own namespace ('{namespaced}').").format(
                        name=repr(info.name), distribution=info.distribution, kind=kind_label(kind), id=repr(spec_id),
                        names=names, namespaced=f"{info.name}.{spec_id.rpartition('.')[2]}")))
        for info in self._plugins.values():
            info.provides = {}
        for info, spec in self._offers:
            if self._specs[spec.kind].get(spec.id) is spec:
                info.provides.setdefault(spec.kind, []).append(spec.id)
        known = {problem.message for info in self._plugins.values() for problem in info.problems}
        for key, info in self._plugins.items():
            info.problems = [*info.load_problems, *(lost.get(info.name, []) if key == info.name else [])]
            info.state = _state_of(info)
        new = [p.message for problems in lost.values() for p in problems if p.message not in known]
        if new and raise_plugin_errors():
            raise PluginError(new[0])

    def _rightful(self, kind: str, spec_id: str, offers: list[tuple[PluginInfo, ComponentSpec]],
                  lost: dict[str, list[PluginProblem]]) -> list[tuple[PluginInfo, ComponentSpec]]:
        """The offers of one id that the ownership rule allows (more than one is a clash)."""
        builtin = [o for o in offers if o[0].builtin]
        namespace = spec_id.partition(".")[0] if "." in spec_id else ""
        owner = self._owner_of_namespace(spec_id)
        if builtin or namespace == BUILTIN_NAMESPACE:
            allowed = builtin[:1]
            reason = (translate("registry", "torchdesk's own (plugin {name}, {distribution})").format(
                name=repr(builtin[0][0].name), distribution=BUILTIN_DISTRIBUTION) if builtin
                      else translate("registry", "in the namespace '{namespace}.' that torchdesk keeps for "
                                                 "itself").format(namespace=BUILTIN_NAMESPACE))
        elif owner is not None:
            allowed = [o for o in offers if o[0] is owner]
            reason = translate("registry", "in the namespace of plugin {name} ({distribution})").format(
                name=repr(owner.name), distribution=owner.distribution)
        else:
            return offers
        for info, spec in offers:
            if not any(info is kept_info and spec is kept for kept_info, kept in allowed):
                lost.setdefault(info.name, []).append(PluginProblem(translate(
                    "registry", "plugin {name} ({distribution}) offers the {kind} id {id}, which is {reason}; it was "
                                "refused. A plugin's ids start with its own name: '{name_only}.…'.").format(
                    name=repr(info.name), distribution=info.distribution, kind=kind_label(kind), id=repr(spec_id),
                    reason=reason, name_only=info.name)))
        return allowed

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
            pass
        shown = (repr(spec_id[:100]) if isinstance(spec_id, str)
                 else translate("registry", "a {type}").format(type=type(spec_id).__name__))
        owner = self._owner_of_namespace(spec_id) if isinstance(spec_id, str) else None
        if owner is not None and owner.disabled:
            raise UnknownComponentError(translate(
                "registry", "The {kind} {id} comes from plugin {origin}, which is switched off. Switch it on with "
                            "`torchdesk plugins enable {name}` (or tick it in Plugins > Plugins…) and try "
                            "again.").format(kind=kind_label(kind), id=shown, origin=owner.origin, name=owner.name))
        known = list(self._specs[kind])
        close = difflib.get_close_matches(spec_id, known, n=3) if isinstance(spec_id, str) else []
        hint = " " + translate("registry", "Did you mean {name}?").format(name=", ".join(close)) if close else ""
        blamed = (" " + translate("registry", "Plugin {origin} should offer it but has problems.").format(
            origin=owner.origin) if owner is not None and owner.problems
            else " " + translate("registry", "A plugin that should offer it may have failed."))
        raise UnknownComponentError(translate(
            "registry", "No {kind} called {id}.{hint} Available: {available}.{blamed} Run `torchdesk plugins` to see "
                        "every plugin and its problems.").format(
            kind=kind_label(kind), id=shown, hint=hint, available=", ".join(known) or translate("registry", "none"),
            blamed=blamed))

    def find(self, spec_id: str) -> list[ComponentSpec]:
        """Every spec with ``spec_id``, of any kind (``torchdesk describe`` uses it)."""
        return [specs[spec_id] for specs in self._specs.values() if spec_id in specs]

    def problems(self) -> list[PluginProblem]:
        """Every problem of every plugin that is not switched off (``torchdesk plugins --strict`` uses it)."""
        return [problem for info in self._plugins.values() if not info.disabled for problem in info.problems]

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

    def schedulers(self) -> list[SchedulerSpec]:
        """Every learning-rate scheduler offered."""
        return self.specs("scheduler")  # type: ignore[return-value]

    def callbacks(self) -> list[CallbackSpec]:
        """Every training callback offered."""
        return self.specs("callback")  # type: ignore[return-value]

    def metrics(self) -> list[MetricSpec]:
        """Every metric offered."""
        return self.specs("metric")  # type: ignore[return-value]

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

    def scheduler(self, spec_id: str) -> SchedulerSpec:
        """The scheduler spec ``spec_id``."""
        return self.get("scheduler", spec_id)  # type: ignore[return-value]

    def callback(self, spec_id: str) -> CallbackSpec:
        """The callback spec ``spec_id``."""
        return self.get("callback", spec_id)  # type: ignore[return-value]

    def metric(self, spec_id: str) -> MetricSpec:
        """The metric spec ``spec_id``."""
        return self.get("metric", spec_id)  # type: ignore[return-value]


def _guard_factories(spec: ComponentSpec, info: PluginInfo) -> ComponentSpec:
    """``spec`` whose factories turn a ``SystemExit`` (or other ``BaseException``) into a message naming the plugin."""
    context = translate("registry", "The {kind} {id} from plugin {origin} failed to build").format(
        kind=kind_label(spec.kind), id=repr(spec.id), origin=info.origin)
    # A dataset's missing files and a parameter error keep their own messages (they say what to do).
    passthrough = (OSError, ParamError)
    changes = {"factory": attributing(spec.factory, context, passthrough)}
    batch_factory = getattr(spec, "batch_factory", None)
    if batch_factory is not None:
        changes["batch_factory"] = attributing(batch_factory, context, passthrough)
    if spec.migrate is not None:
        changes["migrate"] = guarded(spec.migrate, translate(
            "registry", "The {kind} {id} from plugin {origin} failed to migrate a checkpoint's parameters").format(
            kind=kind_label(spec.kind), id=repr(spec.id), origin=info.origin))
    return dataclasses.replace(spec, **changes)


def _state_of(info: PluginInfo) -> str:
    """``disabled``, ``failed`` (problems, nothing offered), ``partly-failed`` (problems and offers) or ``active``."""
    if info.disabled:
        return "disabled"
    if info.problems:
        return "partly-failed" if any(info.provides.values()) else "failed"
    return "active"


def _by_name(entry_points: Iterable[metadata.EntryPoint]) -> dict[str, list[tuple[metadata.EntryPoint, str, str]]]:
    """Entry points by plugin name, built-ins first, then by name; one entry per distinct distribution.

    The same distribution found twice on ``sys.path`` counts once; two distributions
    naming their plugins alike are both kept, so the caller can refuse both.
    """
    groups: dict[str, list[tuple[metadata.EntryPoint, str, str]]] = {}
    found = [(ep, *_distribution_of(ep)) for ep in entry_points]  # reading METADATA is the slow part: once each
    for ep, dist, version in sorted(found, key=lambda f: (f[1] != BUILTIN_DISTRIBUTION, f[0].name)):
        group = groups.setdefault(ep.name, [])
        if not any(seen_dist == dist for _e, seen_dist, _v in group):
            group.append((ep, dist, version))
    return groups


def _reason(exc: Exception) -> str:
    """Why a plugin failed: what it did for an aborted exit, else the exception's type and text."""
    if isinstance(exc, PluginAbort):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _describe(value: Any) -> str:
    """A bounded description of a value a plugin returned (its ``repr`` is plugin code too).

    Text is cut at a word boundary with its length given, never in the middle of a word.
    """
    from torchdesk.core.untrusted import describe

    if type(value) is str:
        if len(value) <= 60:
            return translate("registry", "the text {text}").format(text=repr(value))
        cut = value[:60].rsplit(" ", 1)[0] or value[:60]
        return translate("registry", "the text {text}… ({count:,} characters)").format(text=repr(cut),
                                                                                      count=len(value))
    try:
        return call_plugin(describe, value, 60)
    except Exception:
        return type(value).__name__


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
