"""Bring the ``.ts`` catalogs up to date with the source: ``python -m torchdesk.resources.i18n.update``.

Runs ``pyside6-lupdate`` once per area and language, so new strings appear as
unfinished entries for a translator and removed ones are marked vanished. Pass
``--no-obsolete`` to drop vanished entries, and area names to update only those.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from torchdesk.resources.i18n import AREAS, REPOSITORY, TRANSLATED_LANGUAGES, area_sources, catalog_path


def lupdate_command() -> list[str]:
    """The ``pyside6-lupdate`` to run: on PATH, else beside this Python."""
    found = shutil.which("pyside6-lupdate") or str(Path(sys.executable).with_name("pyside6-lupdate"))
    return [found]


def update(area: str, language: str, target: Path | None = None, no_obsolete: bool = False,
           root: Path = REPOSITORY) -> subprocess.CompletedProcess[str]:
    """Run lupdate for one area into ``target`` (default: the area's catalog); returns the process."""
    sources = [str(path.relative_to(root)) for path in area_sources(area, root)]
    out = target if target is not None else catalog_path(area, language)
    command = [*lupdate_command(), "-locations", "none", "-target-language", language, *sources, "-ts", str(out)]
    if no_obsolete:
        command.insert(1, "-no-obsolete")
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)


def main(argv: list[str] | None = None) -> int:
    """Update the named areas' catalogs (all by default) for every translated language."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("areas", nargs="*", metavar="AREA", help=f"one of {', '.join(AREAS)} (default: all)")
    parser.add_argument("--no-obsolete", action="store_true", help="drop entries whose source text is gone")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.areas) - set(AREAS))
    if unknown:
        parser.error(f"unknown area {', '.join(unknown)}; choose from {', '.join(AREAS)}")
    for area in args.areas or list(AREAS):
        for language in TRANSLATED_LANGUAGES:
            result = update(area, language, no_obsolete=args.no_obsolete)
            print(f"{area}_{language}: {(result.stdout + result.stderr).strip()}")
            if result.returncode:
                return result.returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
