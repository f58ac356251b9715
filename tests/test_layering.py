"""The layering contract: the engine and the plugins never import Qt or the desktop.

``torchdesk.core`` has to work in a script, the CLI and a cluster job with no screen
and no Qt installed. The contract lives in ``pyproject.toml`` (``[tool.importlinter]``)
and is checked by import-linter's ``lint-imports`` over a copy of the source laid out
as the installed ``torchdesk`` package, so the check sees exactly the repository's files
whatever way the package was installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CODE_FOLDERS = ("core", "desktop", "plugins")


def _lay_out(target: Path) -> Path:
    """Copy the code folders to ``target/src/torchdesk/...`` with the contract beside; returns the config."""
    package = target / "src" / "torchdesk"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for folder in CODE_FOLDERS:
        shutil.copytree(REPO / folder, package / folder, ignore=shutil.ignore_patterns("__pycache__"))
    config = target / "pyproject.toml"
    shutil.copy(REPO / "pyproject.toml", config)
    return config


def _lint(target: Path) -> subprocess.CompletedProcess[str]:
    config = target / "pyproject.toml"
    code = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    env = {**os.environ, "PYTHONPATH": str(target / "src")}  # the copy, ahead of the installed package
    return subprocess.run([sys.executable, "-c", code, str(config), "--no-cache"],
                          capture_output=True, text=True, cwd=target, env=env, timeout=300)


@pytest.fixture()
def laid_out(tmp_path: Path) -> Path:
    pytest.importorskip("importlinter", reason="import-linter is in the test extra")
    _lay_out(tmp_path)
    return tmp_path


def test_the_engine_and_plugins_import_no_qt(laid_out: Path) -> None:
    result = _lint(laid_out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_a_qt_import_in_core_breaks_the_contract(laid_out: Path) -> None:
    sneaky = laid_out / "src" / "torchdesk" / "core" / "sneaky_widget.py"
    sneaky.write_text('"""A core module that wrongly reaches for Qt."""\nfrom PySide6.QtWidgets import QLabel\n')
    result = _lint(laid_out)
    assert result.returncode != 0
    assert "torchdesk.core.sneaky_widget -> PySide6" in result.stdout + result.stderr


def test_a_desktop_import_in_a_plugin_breaks_the_contract(laid_out: Path) -> None:
    sneaky = laid_out / "src" / "torchdesk" / "plugins" / "sneaky.py"
    sneaky.write_text('"""A plugin that wrongly uses the app state."""\nfrom torchdesk.desktop.state import AppState\n')
    result = _lint(laid_out)
    assert result.returncode != 0
    assert "torchdesk.plugins.sneaky -> torchdesk.desktop" in result.stdout + result.stderr
