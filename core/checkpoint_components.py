"""What a checkpoint records about each component, so it opens again after plugins are upgraded.

For every component of the run (model, dataset, optimizer, loss, each transform,
the scheduler, each callback and metric) a checkpoint stores a record: its role in
the run settings, its kind and id, the plugin, distribution and version that
offered it, and every resolved parameter with its type. So:

* a new default in a later release of a plugin does not change what an old file
  builds (every value is stored, not just those that differed from the defaults);
* a plugin's ``migrate(params, from_version)`` turns the stored parameters into the
  installed release's before anything is built;
* a missing component names the package to install, and a switched-off plugin is
  told apart from a missing one;
* when a file does not fit, the message says which plugin version made it.
"""

from __future__ import annotations

from typing import Any

from torchdesk.core.i18n import translate
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.specs import ComponentSpec, ParamError
from torchdesk.core.untrusted import FileContentError, expect_dict, expect_list, expect_str

SINGLE_ROLES = {"dataset": "dataset", "model": "model", "optimizer": "optimizer", "loss": "loss"}
LIST_ROLES = {"transforms": "transform", "target_transforms": "transform", "augmentations": "transform",
              "callbacks": "callback", "metrics": "metric"}
SCHEDULER_ROLE = "lr_schedule"
VALUE_TYPES = {"int": (int,), "float": (int, float), "bool": (bool,), "str": (str,), "path": (str,),
               "choice": (str, int, float, bool)}
MAX_RECORDS = 1_000
MAX_TEXT = 1_000


def _choices(config: RunConfig) -> list[tuple[str, str, ComponentChoice]]:
    """(role, kind, choice) for every component of ``config``."""
    found = [(role, kind, getattr(config, role)) for role, kind in SINGLE_ROLES.items()]
    for role, kind in LIST_ROLES.items():
        found += [(f"{role}[{i}]", kind, choice) for i, choice in enumerate(getattr(config, role, None) or ())]
    found.append((SCHEDULER_ROLE, "scheduler", ComponentChoice(config.lr_schedule, dict(config.lr_schedule_params))))
    return found


def component_records(config: RunConfig, registry: Any) -> list[dict[str, Any]]:
    """The record of every component of ``config`` (a component the registry lacks keeps its id and params)."""
    records = []
    for role, kind, choice in _choices(config):
        record: dict[str, Any] = {"role": role, "kind": kind, "id": choice.id}
        try:
            spec = registry.get(kind, choice.id)
            values = spec.resolve_params(choice.params)
        except (LookupError, ParamError):
            records.append({**record, "params": {k: _typed(v) for k, v in choice.params.items()}})
            continue
        types = {p.name: p.type for p in spec.params}
        record.update(plugin=spec.plugin, distribution=spec.distribution, version=spec.version,
                      params={name: {"type": types.get(name, _type_of(value)), "value": value}
                              for name, value in values.items()})
        records.append(record)
    return records


def _type_of(value: Any) -> str:
    return {bool: "bool", int: "int", float: "float"}.get(type(value), "str")


def _typed(value: Any) -> dict[str, Any]:
    return {"type": _type_of(value), "value": value}


def check_records(value: Any, name: str) -> list[dict[str, Any]]:
    """The ``components`` field of a loaded file, checked field by field (FileContentError names what is wrong)."""
    what = translate("checkpoint_components", "The component records in {name}").format(name=name)
    records = expect_list(value, what, max_items=MAX_RECORDS)
    for index, record in enumerate(records):
        heading = translate("checkpoint_components", "Component record {number} in {name}").format(
            number=index + 1, name=name)
        record = expect_dict(record, heading)
        where = heading.lower()
        for key in ("role", "kind", "id"):
            expect_str(record.get(key), translate("checkpoint_components", "The {key} of {where}").format(
                key=key, where=where), MAX_TEXT)
        for key in ("plugin", "distribution", "version"):
            if record.get(key) is not None:
                expect_str(record[key], translate("checkpoint_components", "The {key} of {where}").format(
                    key=key, where=where), MAX_TEXT)
        params = expect_dict(record.get("params") or {},
                             translate("checkpoint_components", "The parameters of {where}").format(where=where))
        for param, typed in params.items():
            label = translate("checkpoint_components", "The parameter {param} of {where}").format(
                param=repr(str(param)[:80]), where=where)
            expect_str(param, translate("checkpoint_components", "A parameter name of {where}").format(where=where),
                       MAX_TEXT)
            typed = expect_dict(typed, label)
            kind = expect_str(typed.get("type"), translate("checkpoint_components", "{label} (its type)").format(
                label=label), 20)
            if kind not in VALUE_TYPES:
                raise FileContentError(translate(
                    "checkpoint_components", "{label} has the type {type}, which torchdesk does not know. The file "
                    "is damaged or from a newer torchdesk; use another file.").format(
                        label=label, type=repr(kind[:20])))
            wanted = VALUE_TYPES[kind]
            val = typed.get("value")
            if not isinstance(val, wanted) or (kind in ("int", "float") and isinstance(val, bool)):
                raise FileContentError(translate(
                    "checkpoint_components", "{label} should be a {kind} but holds a {type}. The file is damaged; "
                    "use another file.").format(label=label, kind=kind, type=type(val).__name__))
            if isinstance(val, str):
                expect_str(val, label, MAX_TEXT)
    return records


def stored_config(config: RunConfig, records: list[dict[str, Any]]) -> RunConfig:
    """``config`` whose components also carry the values the file stored for the parameters they leave out.

    The run settings hold the values the person chose; the records add the defaults of that time, so a later
    release's new defaults do not change what the file builds.
    """
    chosen = {role: choice.params for role, _kind, choice in _choices(config)}
    changes: dict[str, Any] = {}
    for record in records:
        if record["role"] not in chosen:
            continue
        params = {name: typed["value"] for name, typed in (record.get("params") or {}).items()}
        # A chosen value is kept where it differs from the stored one (the form stores text: "32" is 32).
        params.update({k: v for k, v in chosen[record["role"]].items() if k not in params or str(v) != str(params[k])})
        changes = _with_params(config, changes, record["role"], params)
    return config.replace(**changes) if changes else config


def _with_params(config: RunConfig, changes: dict[str, Any], role: str, params: dict[str, Any]) -> dict[str, Any]:
    base, _, index = role.partition("[")
    if base == SCHEDULER_ROLE:
        changes["lr_schedule_params"] = params
    elif base in SINGLE_ROLES:
        current = changes.get(base, getattr(config, base))
        changes[base] = ComponentChoice(current.id, params)
    elif base in LIST_ROLES and index.rstrip("]").isdigit():
        items = list(changes.get(base, getattr(config, base, None) or ()))
        i = int(index.rstrip("]"))
        if i < len(items):
            items[i] = ComponentChoice(items[i].id, params)
            changes[base] = tuple(items)
    return changes


def migrated_config(config: RunConfig, records: list[dict[str, Any]], registry: Any) -> RunConfig:
    """The stored parameters made fit for the installed plugins: migrations applied, unknown names dropped.

    Raises :class:`~torchdesk.core.specs.ParamError` naming the plugin when a migration fails or
    returns parameters the installed release refuses.
    """
    current = {role: choice.params for role, _kind, choice in _choices(config)}
    changes: dict[str, Any] = {}
    for record in records:
        if record["role"] not in current:
            continue
        try:
            spec: ComponentSpec = registry.get(record["kind"], record["id"])
        except LookupError:
            continue  # check_plugins says what to install
        params = dict(current[record["role"]])
        made_with = record.get("version") or ""
        if spec.migrate is not None and made_with != spec.version:
            params = _migrate(spec, params, made_with)
        known = {p.name for p in spec.params}
        params = {k: v for k, v in params.items() if k in known}
        try:
            spec.resolve_params(params)
        except ParamError as exc:
            raise ParamError(translate("checkpoint_components", "The {kind} {id} of this file does not accept its "
                                                                "stored parameters ({reason}).{note}").format(
                                 kind=spec.kind, id=repr(spec.id), reason=exc,
                                 note=version_note([record], registry))) from None
        changes = _with_params(config, changes, record["role"], params)
    return config.replace(**changes) if changes else config


def _migrate(spec: ComponentSpec, params: dict[str, Any], made_with: str) -> dict[str, Any]:
    origin = translate("checkpoint_components", "plugin {plugin} ({distribution} {version})").format(
        plugin=repr(spec.plugin), distribution=spec.distribution, version=spec.version)
    try:
        migrated = spec.migrate(dict(params), made_with)  # type: ignore[misc]
    except Exception as exc:
        raise ParamError(translate(
            "checkpoint_components", "The {kind} {id} from {origin} could not migrate the parameters this file "
            "stored with version {version}: {error}: {detail}").format(
                kind=spec.kind, id=repr(spec.id), origin=origin,
                version=made_with or translate("checkpoint_components", "unknown"), error=type(exc).__name__,
                detail=str(exc)[:200])) from exc
    if not isinstance(migrated, dict) or not all(isinstance(k, str) for k in migrated):
        raise ParamError(translate(
            "checkpoint_components", "The {kind} {id} from {origin} returned {type} from migrate(); it must return "
            "the parameters as a dict by name.").format(kind=spec.kind, id=repr(spec.id), origin=origin,
                                                        type=type(migrated).__name__))
    return migrated


def version_note(records: list[dict[str, Any]], registry: Any) -> str:
    """`` This file was made with plugin 'x' (dist) 0.1.0; 0.2.0 is installed …`` for each changed plugin ('' if none)."""
    notes = []
    seen: set[tuple[str, str]] = set()
    for record in records:
        made_with = record.get("version") or ""
        dist = record.get("distribution") or ""
        if not made_with or not dist or (dist, made_with) in seen:
            continue
        try:
            spec = registry.get(record["kind"], record["id"])
        except LookupError:
            continue
        if spec.version and spec.version != made_with and spec.distribution == dist:
            seen.add((dist, made_with))
            notes.append(translate(
                "checkpoint_components", " This file was made with plugin {plugin} ({dist}) {made_with}; "
                "{installed} is installed. Install the version that made it (pip install '{dist}=={made_with}'), or "
                "ask the plugin's author for a migration from that version.").format(
                    plugin=repr(spec.plugin), dist=dist, made_with=made_with, installed=spec.version))
    return "".join(notes)


def missing_component_message(records: list[dict[str, Any]], registry: Any) -> str:
    """Why a component of the file cannot be built here (switched off, or not installed), or ''."""
    for record in records:
        try:
            registry.get(record["kind"], record["id"])
            continue
        except LookupError:
            pass
        what = translate("checkpoint_components", "This checkpoint's {kind} {id}").format(
            kind=record["kind"], id=repr(str(record["id"])[:100]))
        plugin = record.get("plugin") or ""
        info = next((p for p in registry.plugins() if p.name == plugin), None) if plugin else None
        if info is not None and info.disabled:
            return translate("checkpoint_components", "{what} comes from plugin {origin}, which is switched off. "
                                                      "Switch it on with `torchdesk plugins enable {name}` (or tick "
                                                      "it in Plugins > Plugins…) and open the file again.").format(
                                                          what=what, origin=info.origin, name=info.name)
        if plugin == "playground":
            return translate("checkpoint_components", "{what} was sent from the playground's Python mode of the "
                                                      "session that made this file, and only a model's code is "
                                                      "saved in it. Run its code in Python mode and send it to the "
                                                      "panels (Use in panels), then open the file again.").format(
                                                          what=what)
        dist = record.get("distribution") or translate("checkpoint_components", "the plugin that provides it")
        version = translate("checkpoint_components", " (version {version} made this file)").format(
            version=record["version"]) if record.get("version") else ""
        if info is not None and info.problems:
            return translate("checkpoint_components", "{what} comes from plugin {origin}, which is installed but "
                                                      "failed to load: {problem}. Run `torchdesk plugins "
                                                      "--traceback` for details.").format(
                                                          what=what, origin=info.origin,
                                                          problem=info.problems[0].message[:300])
        return translate("checkpoint_components", "{what} comes from the package {dist}{version}, which is not "
                                                  "installed. Install it (pip install {dist}, or Plugins → Install… "
                                                  "in the app) and open the file again.").format(
                                                      what=what, dist=dist, version=version)
    return ""


def legacy_records(plugins: dict[str, Any]) -> list[dict[str, Any]]:
    """Records from the ``plugins`` field of files written before component records existed."""
    return [{"role": kind, "kind": kind, **{k: v for k, v in record.items() if k != "role"}}
            for kind, record in plugins.items() if isinstance(record, dict) and kind in SINGLE_ROLES]


__all__ = ["component_records", "check_records", "stored_config", "migrated_config", "version_note",
           "missing_component_message", "legacy_records"]
