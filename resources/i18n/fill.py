"""Read and fill a catalog's translations from JSON: ``python -m torchdesk.resources.i18n.fill AREA``.

``--missing`` prints the entries still untranslated as ``{context: {source: ""}}``;
given a JSON file of the same shape with the translations filled in, it writes
them into ``<area>_<language>.ts`` as finished entries. A translator can work in
Qt Linguist on the ``.ts`` file instead; this is for working in a text editor.
"""

from __future__ import annotations

import argparse
import json
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from torchdesk.resources.i18n import AREAS, TRANSLATED_LANGUAGES, catalog_path


def missing(path: Path) -> dict[str, dict[str, str]]:
    """The entries of a ``.ts`` file without a finished translation, by context and source."""
    found: dict[str, dict[str, str]] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                found.setdefault(name, {})[message.findtext("source") or ""] = ""
    return found


def fill(path: Path, translations: dict[str, dict[str, str]]) -> int:
    """Write ``translations`` into the ``.ts`` file as finished entries; returns how many were written."""
    tree = ElementTree.parse(path)
    written = 0
    for context in tree.getroot().iter("context"):
        table = translations.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            text = table.get(message.findtext("source") or "")
            translation = message.find("translation")
            if not text or translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            translation.text = text
            translation.attrib.pop("type", None)
            written += 1
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    """Print what is missing, or fill translations from a JSON file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("area", choices=list(AREAS))
    parser.add_argument("translations", nargs="?", help="JSON file {context: {source: translation}}")
    parser.add_argument("--language", default=TRANSLATED_LANGUAGES[0], choices=TRANSLATED_LANGUAGES)
    parser.add_argument("--missing", action="store_true", help="print the untranslated entries as JSON")
    args = parser.parse_args(argv)
    path = catalog_path(args.area, args.language)
    if args.missing or not args.translations:
        json.dump(missing(path), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    table = json.loads(Path(args.translations).read_text(encoding="utf-8"))
    print(f"{fill(path, table)} translations written to {path.name}; "
          f"{sum(len(v) for v in missing(path).values())} still missing")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
