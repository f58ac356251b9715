"""The window's language: Qt's translators fed from torchdesk's catalogs, and the choice of language.

Desktop code marks its strings with :func:`translate` (``QCoreApplication.translate``),
so they go through Qt's translation system; :class:`CatalogTranslator` answers Qt
from the same ``.ts`` catalogs the engine reads (:mod:`torchdesk.core.i18n`), and
Qt's own catalog (``qtbase_<lang>.qm``) translates its standard dialogs and buttons.

The language comes from ``--lang`` for one run, else the choice saved from
View > Language, else the system locale; English where none of them is supported.
A change made in the menu takes effect at the next start: the app says so.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from torchdesk.core import i18n as core_i18n

translate = QCoreApplication.translate
"""Mark and translate a desktop string: ``translate("Context", "text")``; ``pyside6-lupdate`` extracts it."""

LANGUAGE_KEY = "window/language"
"""The QSettings key of the language chosen in View > Language ("" or missing: follow the system)."""

SYSTEM = ""


class CatalogTranslator(QTranslator):
    """A QTranslator that answers from torchdesk's ``.ts`` catalogs (and the plugins') for the current language."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        # None, not "": Qt takes an empty string for a translation and would blank the text (its own buttons too).
        return core_i18n.catalog().lookup(context, source)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return core_i18n.current_language() == core_i18n.ENGLISH


def system_language() -> str:
    """The supported language of the system locale, else English."""
    for name in QLocale.system().uiLanguages():
        code = core_i18n.normalize_language(name)
        if code is not None:
            return code
    return core_i18n.language_from_environment()


def saved_language(settings: QSettings) -> str:
    """The language chosen in View > Language ("" when the system's is followed)."""
    value = str(settings.value(LANGUAGE_KEY, SYSTEM) or SYSTEM)
    return value if value in core_i18n.LANGUAGES else SYSTEM


def choose_language(settings: QSettings, override: str | None = None) -> str:
    """The language for this run: ``override`` (``--lang``), else the saved choice, else the system's."""
    for candidate in (override, saved_language(settings)):
        code = core_i18n.normalize_language(candidate)
        if code is not None:
            return code
    if os.environ.get(core_i18n.LANGUAGE_ENV):
        return core_i18n.current_language()
    return system_language()


_installed: list[QTranslator] = []


def install_language(language: str) -> str:
    """Make the app and the engine speak ``language``; returns the language in use.

    Installs Qt's own translations of its dialogs and the catalog translator; call
    it once at start, before any window is built.
    """
    app = QCoreApplication.instance()
    code = core_i18n.set_language(language)
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    if app is None or code == core_i18n.ENGLISH:
        return code
    qt_catalog = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_catalog.load(f"qtbase_{code}", folder):
        app.installTranslator(qt_catalog)
        _installed.append(qt_catalog)
    catalog = CatalogTranslator(app)
    app.installTranslator(catalog)
    _installed.append(catalog)
    return code


@functools.cache
def korean_font_families() -> list[str]:
    """Load a Korean font shipped by a dev-only package (screenshots and tests on machines without one).

    Returns the families added; an empty list when the package is not installed,
    where the system's Korean font is used as usual. The fonts are added once per process.
    """
    import importlib.util

    found = importlib.util.find_spec("koreanize_matplotlib")  # dev-only, found without importing matplotlib
    if found is None or not found.origin:
        return []
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for path in sorted((Path(found.origin).parent / "fonts").glob("NanumGothic*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families.extend(QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else [])
    return sorted(set(families))
