"""The Korean translation is complete and well formed, and the desktop marks its strings for it.

Completeness is checked the way a translator would see it: ``pyside6-lupdate`` is
run over each area's sources into a copy of its catalog, and nothing may come out
unfinished, missing or vanished. ``pyside6-lrelease`` must compile each catalog.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from torchdesk.core import i18n
from torchdesk.resources.i18n import AREAS, REPOSITORY, TRANSLATED_LANGUAGES, area_sources, catalog_path
from torchdesk.resources.i18n.fill import missing
from torchdesk.resources.i18n.update import update

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}")
CASES = [(area, language) for area in AREAS for language in TRANSLATED_LANGUAGES]


def _has_lupdate() -> bool:
    from torchdesk.resources.i18n.update import lupdate_command

    return Path(lupdate_command()[0]).exists() or shutil.which(lupdate_command()[0]) is not None


@pytest.mark.parametrize(("area", "language"), CASES)
def test_every_source_string_has_a_finished_translation(area: str, language: str, tmp_path: Path) -> None:
    if not _has_lupdate():
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / catalog_path(area, language).name
    shutil.copy(catalog_path(area, language), copy)
    result = update(area, language, target=copy)
    assert result.returncode == 0, result.stdout + result.stderr
    left = missing(copy)
    assert not left, f"{copy.name}: untranslated after lupdate (run `python -m torchdesk.resources.i18n.update`): " \
                     f"{ {ctx: list(texts)[:5] for ctx, texts in left.items()} }"
    text = copy.read_text(encoding="utf-8")
    assert 'type="vanished"' not in text and 'type="obsolete"' not in text, \
        f"{copy.name} keeps translations of strings the code no longer has (update with --no-obsolete)"


@pytest.mark.parametrize(("area", "language"), CASES)
def test_each_catalog_compiles_with_lrelease(area: str, language: str, tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    result = subprocess.run([lrelease, str(catalog_path(area, language)), "-qm", str(tmp_path / "out.qm")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 unfinished" in result.stdout or "unfinished" not in result.stdout, result.stdout


@pytest.mark.parametrize(("area", "language"), CASES)
def test_translations_keep_every_placeholder(area: str, language: str) -> None:
    broken = []
    for (context, source), translation in i18n.parse_ts(catalog_path(area, language)).items():
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            broken.append(f"[{context}] {source!r} → {translation!r}")
    assert not broken, "placeholders differ:\n" + "\n".join(broken[:20])


def _python_sources() -> list[Path]:
    return sorted({path for area in AREAS for path in area_sources(area)})


def test_every_python_source_belongs_to_one_catalog_area() -> None:
    owners: dict[Path, list[str]] = {}
    for area in AREAS:
        for path in area_sources(area):
            owners.setdefault(path, []).append(area)
    doubled = {str(p.relative_to(REPOSITORY)): a for p, a in owners.items() if len(a) > 1}
    assert not doubled
    code = [p for folder in ("core", "desktop", "plugins") for p in (REPOSITORY / folder).rglob("*.py")
            if p.name != "__init__.py" and "__pycache__" not in p.parts]
    unowned = sorted(str(p.relative_to(REPOSITORY)) for p in code if p not in owners
                     and p.name not in ("testing.py", "version.py", "pyside_none_guard.py"))
    assert not unowned, f"files no catalog area covers (add them to resources/i18n AREAS): {unowned}"


def _translate_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("translate", "QT_TRANSLATE_NOOP"):
                yield node


I18N_MODULES = ("core/i18n.py", "desktop/i18n.py")


def _marked_texts():
    """(path, line, context, text or None) of every translate()/QT_TRANSLATE_NOOP call in the code."""
    for path in _python_sources():
        if str(path.relative_to(REPOSITORY)) in I18N_MODULES:
            continue
        for call in _translate_calls(ast.parse(path.read_text(encoding="utf-8"))):
            args = call.args[:2]
            context = args[0].value if args and isinstance(args[0], ast.Constant) else None
            text = args[1].value if len(args) > 1 and isinstance(args[1], ast.Constant) else None
            yield path, call, context, text


def test_translated_texts_are_literals_lupdate_can_read() -> None:
    """An f-string, a concatenation or a format() inside translate() can never match the catalog."""
    bad = []
    for path, call, context, _text in _marked_texts():
        args = call.args[:2]
        if len(args) < 2 or not isinstance(context, str) or isinstance(args[1], (ast.JoinedStr, ast.Call, ast.BinOp)):
            bad.append(f"{path.relative_to(REPOSITORY)}:{call.lineno}")
    assert not bad, "translate() needs a literal context and a literal (or NOOP-marked) text; " \
                    "fill values in with .format() after it: " + ", ".join(bad[:30])


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_marked_literal_is_found_in_the_catalog_as_python_reads_it(language: str) -> None:
    """Guards against lupdate reading an escape differently from Python: the lookup would silently miss."""
    table: dict[tuple[str, str], str] = {}
    for area in AREAS:
        table.update(i18n.parse_ts(catalog_path(area, language)))
    absent = [f"{path.relative_to(REPOSITORY)}:{call.lineno} [{context}] {text!r}"
              for path, call, context, text in _marked_texts()
              if isinstance(context, str) and isinstance(text, str) and (context, text) not in table]
    assert not absent, f"{len(absent)} marked texts have no {language} translation:\n" + "\n".join(absent[:30])


WIDGET_TEXT_SETTERS = {
    "setText", "setToolTip", "setStatusTip", "setWindowTitle", "setPlaceholderText", "addMenu", "setTitle",
    "addTab", "setTabText", "setTabToolTip", "showMessage", "show_message", "setLabelText", "setWhatsThis",
    "setHeaderLabels", "setHorizontalHeaderLabels", "information", "warning", "question", "critical",
    "setButtonText", "setSuffix", "setPrefix", "setSpecialValueText", "setAccessibleName", "show_activity",
    "show_status", "show_error", "report_error", "add_error",
}
WIDGET_CLASSES = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
                  "QMenu", "QLineEdit", "SteadyLabel"}
WORDS = re.compile(r"[A-Za-z]{2,}")


def _untranslated_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value)) and not node.value.startswith(("#", "<html"))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and WORDS.search(str(v.value)) for v in node.values)
    return False


def _is_logging(func: ast.AST) -> bool:
    """``get_logger("app").warning(...)`` or ``logger.warning(...)``: a log line, not a widget text."""
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    if isinstance(owner, ast.Call):
        owner = owner.func
    name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
    return "log" in name.lower()


def test_desktop_widget_texts_are_marked_for_translation() -> None:
    """A label, button, tooltip or message given a bare English literal would stay English in Korean."""
    found = []
    for path in _python_sources():
        if "desktop" not in path.relative_to(REPOSITORY).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if _is_logging(node.func):
                continue  # log lines stay English
            if name in WIDGET_TEXT_SETTERS or name in WIDGET_CLASSES:
                if any(_untranslated_literal(arg) for arg in node.args):
                    found.append(f"{path.relative_to(REPOSITORY)}:{node.lineno}")
    assert not found, f"{len(found)} widget texts not wrapped in translate(): " + ", ".join(found)


def test_english_is_the_default_and_korean_is_read_from_the_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TORCHDESK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert i18n.language_from_environment() == "en"
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert i18n.language_from_environment() == "ko"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.language_from_environment() == "en"
    monkeypatch.setenv("LC_ALL", "C")
    assert i18n.language_from_environment() == "en"
