"""Run files: a :class:`RunConfig` as TOML, with the command that launches it.

``torchdesk train --config run.toml`` runs one; the training panel's "Export run…"
writes one. The writer emits the small TOML subset a run needs (tables, strings,
numbers, booleans, arrays of tables), so no extra dependency is needed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from torchdesk.core.i18n import translate
from torchdesk.core.run_config import RunConfig
from torchdesk.core.safe_write import WriteError, atomic_target
from torchdesk.core.untrusted import FileContentError, check_expanded_size, expect_dict

MAX_RUN_FILE = 1_000_000

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = None  # type: ignore[assignment]


class RunFileError(ValueError):
    """A run file that cannot be read; the message says where and why."""


def read_run_file(path: str | Path) -> RunConfig:
    """Parse a TOML run file into a :class:`RunConfig`."""
    path = Path(path).expanduser()
    if tomllib is None:
        raise RunFileError(translate("run_file", "reading run files needs Python 3.11 or newer"))
    if path.exists() and not path.is_file():
        raise RunFileError(translate("run_file", "run file {path} is not a regular file (a folder, pipe or device); "
                                                 "choose a .toml file").format(path=path))
    if path.exists() and path.stat().st_size > MAX_RUN_FILE:
        raise RunFileError(translate("run_file", "run file {path} is {size:,} bytes; a run file is a few hundred. "
                                                 "Choose the .toml file torchdesk wrote.").format(
            path=path, size=path.stat().st_size))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RunFileError(translate("run_file", "run file {path} does not exist").format(path=path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RunFileError(translate("run_file", "run file {path} is not valid TOML: {reason}").format(
            path=path, reason=str(exc)[:300])) from None
    except RecursionError:
        raise RunFileError(translate("run_file", "run file {path} is nested too deeply to be a run file").format(
            path=path)) from None
    run = data.get("run", data)
    try:
        run = dict(expect_dict(run, translate("run_file", "The [run] table of {name}").format(name=path.name)))
        run.pop("command", None)
        check_expanded_size(run, translate("run_file", "The run settings in {name}").format(name=path.name),
                            max_values=100_000)
        return RunConfig.from_dict(run)  # checks each setting's type and size
    except FileContentError as exc:
        raise RunFileError(translate("run_file", "run file {path}: {reason}").format(path=path, reason=exc)) from None
    except (TypeError, ValueError, KeyError) as exc:
        raise RunFileError(translate("run_file", "run file {path}: {reason}").format(
            path=path, reason=str(exc)[:300])) from None


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_string(str(k))} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _toml_string(text: str) -> str:
    """A TOML basic string: characters as they are, the control characters TOML forbids escaped.

    ``json.dumps`` looked the same but wrote an emoji as a surrogate pair (``\\ud83d\\ude00``),
    which TOML refuses, so a data folder with one in its name made a run file that could not be read.
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else c for c in escaped) + '"'


def run_file_text(config: RunConfig, command: str = "") -> str:
    """The TOML text of ``config`` (None values are left out)."""
    lines = ["# torchdesk run file: torchdesk train --config THIS_FILE", ""]
    if command:
        lines += [f"# launch with: {command}", ""]
    lines.append("[run]")
    for key, value in config.to_dict().items():
        if value is None:
            continue
        lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines) + "\n"


def write_run_file(config: RunConfig, path: str | Path, command: str = "") -> Path:
    """Write ``config`` as a TOML run file (atomically, and only to a regular file)."""
    path = Path(path).expanduser()
    try:
        data = run_file_text(config, command).encode("utf-8")
    except UnicodeEncodeError as exc:  # a path decoded with surrogateescape holds bytes that are not text
        raise RunFileError(translate("run_file", "The run settings hold a name that is not valid text ({reason}); "
                                                 "rename that folder or file and export again.").format(
            reason=exc.reason)) from None
    try:
        with atomic_target(path) as (_tmp, fh):
            fh.write(data)
    except WriteError as exc:
        raise RunFileError(str(exc)) from exc
    return path
