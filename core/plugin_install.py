"""Installing and removing plugin packages with pip, without Qt: commands, targets, restart notes.

The Plugins dialog runs the commands built here in a ``QProcess``; scripts can run
them with ``subprocess``. pip always runs for torchdesk's own Python
(``sys.executable -m pip``), so a plugin lands where torchdesk can import it.

Python can import a newly installed package into the running app, but it cannot
swap code that is already imported: after an upgrade or reinstall of something the
app has loaded, :func:`restart_notes` says that a restart is needed.
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from torchdesk.core.i18n import translate

# A requirement such as ``torchdesk-plugin-example``, ``foo==1.2``, ``foo[extra]>=2,<3``.
_REQUIREMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9._,-]+\])?\s*([<>=!~]=?\s*[\w.*+!-]+\s*,?\s*)*$")


class InstallTargetError(ValueError):
    """What the person typed is not a package name, a wheel file or a project folder."""


@dataclass(frozen=True)
class PipCommand:
    """How pip is run: which Python, extra arguments for install and uninstall, extra environment.

    The defaults install into torchdesk's own environment. Tests and sandboxes add
    ``--target DIR`` (and ``--no-deps --no-build-isolation`` to stay offline).
    """

    python: str = field(default_factory=lambda: sys.executable)
    install_args: tuple[str, ...] = ()
    uninstall_args: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = ()

    def install(self, target: str, upgrade: bool = True) -> list[str]:
        """The arguments after the program for ``pip install`` of one target."""
        return ["-m", "pip", "install", *(["--upgrade"] if upgrade else []), *self.install_args, target]

    def uninstall(self, distribution: str) -> list[str]:
        """The arguments after the program for ``pip uninstall`` of one distribution."""
        return ["-m", "pip", "uninstall", "--yes", *self.uninstall_args, distribution]

    def environment(self) -> dict[str, str]:
        """Variables pip gets on top of the app's: no prompts, no progress bars, no version nag."""
        base = {"PIP_NO_INPUT": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_PROGRESS_BAR": "off",
                "PYTHONUNBUFFERED": "1", "PYTHONIOENCODING": "utf-8"}
        base.update(dict(self.env))
        return base


def classify_target(text: str) -> tuple[str, str]:
    """``("wheel" | "folder" | "requirement", normalised target)`` for what the person typed.

    A wheel must exist and end in ``.whl``; a folder must hold a ``pyproject.toml``
    or ``setup.py``; anything else must look like a requirement (``name``,
    ``name==1.0``). Raises :class:`InstallTargetError` with what to do otherwise.
    """
    text = text.strip()
    if not text:
        raise InstallTargetError(translate("plugin_install", "Type a package name, or choose a wheel file or a "
                                                             "project folder."))
    path = Path(text).expanduser()
    looks_like_path = text.endswith(".whl") or any(sep in text for sep in ("/", "\\")) or text.startswith(".")
    if path.exists() or looks_like_path:
        if path.is_file() and path.suffix == ".whl":
            return "wheel", str(path.resolve())
        if path.is_dir():
            if (path / "pyproject.toml").is_file() or (path / "setup.py").is_file():
                return "folder", str(path.resolve())
            raise InstallTargetError(translate("plugin_install", "{path} has no pyproject.toml or setup.py, so pip "
                                                                 "cannot build it. Choose the folder of a Python "
                                                                 "project.").format(path=path))
        if not path.exists():
            raise InstallTargetError(translate("plugin_install", "{path} does not exist. Check the path, or type a "
                                                                 "package name.").format(path=path))
        raise InstallTargetError(translate("plugin_install", "{path} is not a wheel (.whl) file. Choose a wheel or a "
                                                             "project folder.").format(path=path))
    if not _REQUIREMENT.match(text):
        raise InstallTargetError(translate("plugin_install", "{text} is not a package name (for example "
                                                             "torchdesk-plugin-example, or name==1.0). For a file or "
                                                             "folder, use Wheel… or Folder….").format(
            text=repr(text)))
    return "requirement", text


def canonical_name(name: str) -> str:
    """A distribution name as pip compares them: lower case, runs of ``-_.`` as one ``-``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_versions() -> dict[str, str]:
    """Every distribution Python can see right now, by canonical name, with its version."""
    importlib.invalidate_caches()
    versions: dict[str, str] = {}
    for dist in metadata.distributions():
        try:
            name = dist.metadata["Name"]
        except Exception:
            continue
        if name:
            versions.setdefault(canonical_name(name), dist.version or "")
    return versions


def loaded_top_level_modules() -> set[str]:
    """The top-level names of every imported module (cheap; take it before pip runs)."""
    return {name.partition(".")[0] for name in list(sys.modules)}


def imported_distributions(loaded: set[str] | None = None) -> set[str]:
    """Canonical names of the distributions with a module among ``loaded`` (default: imported now)."""
    importlib.invalidate_caches()
    loaded = loaded_top_level_modules() if loaded is None else loaded
    owners: set[str] = set()
    for top, dists in metadata.packages_distributions().items():
        if top in loaded:
            owners.update(canonical_name(d) for d in dists)
    return owners


@dataclass(frozen=True)
class InstallChanges:
    """What a pip run changed, comparing :func:`installed_versions` before and after."""

    added: dict[str, str]
    removed: dict[str, str]
    changed: dict[str, tuple[str, str]]
    restart_needed: tuple[str, ...]


def compare_installs(before: dict[str, str], after: dict[str, str], imported: set[str]) -> InstallChanges:
    """The distributions added, removed and changed, and those changed while imported (restart needed)."""
    added = {d: v for d, v in after.items() if d not in before}
    removed = {d: v for d, v in before.items() if d not in after}
    changed = {d: (before[d], after[d]) for d in before.keys() & after.keys() if before[d] != after[d]}
    restart = tuple(sorted(d for d in changed if d in imported))
    return InstallChanges(added=added, removed=removed, changed=changed, restart_needed=restart)


def restart_notes(changes: InstallChanges) -> list[str]:
    """Sentences for the person: what changed, and which changes need torchdesk to restart."""
    notes = []
    for dist in changes.restart_needed:
        old, new = changes.changed[dist]
        notes.append(translate("plugin_install", "{distribution} changed from {old} to {new} while version {old} is "
                                                 "loaded: restart torchdesk to use {new}.").format(
            distribution=dist, old=old, new=new))
    for dist, version in sorted(changes.added.items()):
        notes.append(translate("plugin_install", "Installed {distribution} {version}.").format(distribution=dist,
                                                                                              version=version))
    for dist, (old, new) in sorted(changes.changed.items()):
        if dist not in changes.restart_needed:
            notes.append(translate("plugin_install", "Updated {distribution} from {old} to {new}.").format(
                distribution=dist, old=old, new=new))
    for dist, version in sorted(changes.removed.items()):
        notes.append(translate("plugin_install", "Removed {distribution} {version}.").format(distribution=dist,
                                                                                            version=version))
    return notes
