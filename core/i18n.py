"""Translations of what torchdesk says, for the app and the command line alike.

Every user-visible sentence is written in English in the code and marked for
translation with :func:`translate` (``translate("Context", "text")``), the form
``pyside6-lupdate`` extracts from Python. The translations live in Qt's ``.ts``
files under ``resources/i18n`` (``<area>_<language>.ts``), one catalog per area of
the code, kept current with ``python -m torchdesk.resources.i18n.update``.

The engine never imports Qt, so this module reads the ``.ts`` XML itself: the CLI
follows ``LANG`` without Qt, and the desktop hands the same catalog to Qt through a
``QTranslator`` (:mod:`torchdesk.desktop.i18n`), so ``QCoreApplication.translate``
and Qt's own dialogs speak the same language. Reading the sources, not compiled
``.qm`` files, keeps generated files out of the repository; ``pyside6-lrelease``
still compiles them cleanly (a test checks it).

Texts that are declared once and shown later (a component's name, description and
parameter help) are marked with :func:`QT_TRANSLATE_NOOP` under the
:data:`COMPONENTS` context and translated where they are shown, with
:func:`component_text`. Plugins add their own ``.ts`` files with
:func:`add_catalog_dir` (the ``torchdesk_translations`` hook).

Only what a person reads is translated: log lines, file contents, checkpoint
fields, exit codes and identifiers stay the same in every language.
"""

from __future__ import annotations

import os
import threading
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Iterable, Mapping

ENGLISH = "en"
LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}
"""Languages torchdesk has a complete translation for, by code, with their own names."""

COMPONENTS = "components"
"""The context of component names, descriptions and parameter help, for every plugin."""

CLASSES = "classes"
"""The context of dataset class names (``T-shirt/top``); shown translated, stored in English."""

LANGUAGE_ENV = "TORCHDESK_LANG"
"""Set by ``--lang`` and by the app, so worker processes speak the parent's language."""

_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

CATALOG_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def _builtin_catalog_dir() -> Path:
    try:
        from torchdesk.resources import __file__ as resources_init
    except ImportError:  # pragma: no cover - running from a bare source tree
        return CATALOG_DIR
    return Path(resources_init).resolve().parent / "i18n"


def normalize_language(value: str | None) -> str | None:
    """The supported language code a locale name or code stands for (``ko_KR.UTF-8`` is ``ko``), else None."""
    if not value:
        return None
    for part in value.split(":"):  # LANGUAGE holds a priority list
        code = part.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
        if code in ("c", "posix"):
            return ENGLISH
        if code in LANGUAGES:
            return code
    return None


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: ``TORCHDESK_LANG``, then the locale variables, else English."""
    env = os.environ if environ is None else environ
    for name in (LANGUAGE_ENV, *_LOCALE_VARIABLES):
        value = env.get(name, "")
        if value:
            code = normalize_language(value)
            if code is not None:
                return code
            if name != "LANGUAGE":  # an unsupported locale: English, not a lower-priority variable
                return ENGLISH
    return ENGLISH


def parse_ts(path: Path) -> dict[tuple[str, str], str]:
    """The finished translations of one ``.ts`` file, by (context, source text).

    Unfinished, vanished and obsolete entries are left out, so a half-translated
    sentence shows in English rather than wrong.
    """
    table: dict[tuple[str, str], str] = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = translation.findall("numerusform")
            text = (forms[0].text if forms else translation.text) or ""
            if text:
                table[(name, source)] = text
    return table


class Catalog:
    """The translations of one language, gathered from torchdesk's catalogs and the plugins'."""

    def __init__(self, language: str, directories: Iterable[Path]) -> None:
        self.language = language
        self.table: dict[tuple[str, str], str] = {}
        self.problems: list[str] = []
        if language == ENGLISH:
            return
        for directory in directories:
            for path in sorted(Path(directory).glob(f"*_{language}.ts")):
                try:
                    self.table.update(parse_ts(path))
                except (OSError, ElementTree.ParseError) as exc:
                    self.problems.append(f"{path}: {exc}")

    def lookup(self, context: str, text: str) -> str | None:
        """The translation of ``text`` in ``context``, or None when there is none."""
        return self.table.get((context, text))


_lock = threading.Lock()
_language: str | None = None
_extra_dirs: list[Path] = []
_catalog: Catalog | None = None


def current_language() -> str:
    """The language torchdesk speaks now: the one set, else the environment's."""
    return _language if _language is not None else language_from_environment()


def set_language(code: str | None) -> str:
    """Speak ``code`` from now on (None: follow the environment); returns the language in use.

    The choice is also put in ``TORCHDESK_LANG`` so worker processes started later
    (the playground kernel, torchrun ranks) speak the same language.
    """
    global _language, _catalog
    normalized = normalize_language(code) if code else None
    with _lock:
        _language = normalized
        _catalog = None
    if normalized is not None:
        os.environ[LANGUAGE_ENV] = normalized
    else:
        os.environ.pop(LANGUAGE_ENV, None)
    return current_language()


def add_catalog_dir(path: str | Path) -> None:
    """Read ``*_<language>.ts`` files from ``path`` too (how a plugin ships its translations)."""
    global _catalog
    resolved = Path(path)
    with _lock:
        if resolved not in _extra_dirs:
            _extra_dirs.append(resolved)
            _catalog = None


def catalog() -> Catalog:
    """The catalog of the current language, read once and kept until the language or the plugins change."""
    global _catalog
    language = current_language()
    with _lock:
        if _catalog is None or _catalog.language != language:
            _catalog = Catalog(language, [_builtin_catalog_dir(), *_extra_dirs])
        return _catalog


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the current language; the English text itself where no translation exists.

    Same arguments as ``QCoreApplication.translate``, so ``pyside6-lupdate`` extracts
    both. Fill values in afterwards with ``str.format``: an f-string cannot be
    looked up.
    """
    if current_language() == ENGLISH:
        return text
    return catalog().lookup(context, text) or text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark ``text`` for translation without translating it: it is translated where it is shown."""
    return text


def component_text(text: str) -> str:
    """A component's name, description or parameter help, in the current language."""
    return translate(COMPONENTS, text) if text else text


def class_name_text(name: str) -> str:
    """A dataset class name as shown to the person; checkpoints and files keep the English one."""
    return translate(CLASSES, name) if name else name
