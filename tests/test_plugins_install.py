"""Installing plugins without Qt: what counts as a target, pip's command line, what changed, restart notes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from torchdesk.core.plugin_install import (
    InstallTargetError,
    PipCommand,
    canonical_name,
    classify_target,
    compare_installs,
    imported_distributions,
    installed_versions,
    restart_notes,
)


def test_targets_are_classified_or_explained(tmp_path: Path):
    wheel = tmp_path / "pkg-1.0-py3-none-any.whl"
    wheel.write_bytes(b"")
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("[project]\nname='x'\n")
    assert classify_target(f"  {wheel}  ") == ("wheel", str(wheel.resolve()))
    assert classify_target(str(project)) == ("folder", str(project.resolve()))
    for name in ("torchdesk-plugin-example", "foo==1.2", "foo[extra]>=2,<3", "Foo_Bar.baz"):
        assert classify_target(name) == ("requirement", name)
    cases = {"": "Type a package name", str(tmp_path / "nope.whl"): "does not exist",
             str(tmp_path): "has no pyproject.toml or setup.py", "two words": "is not a package name",
             "x; rm -rf ~": "is not a package name", "x; rm -rf /": "does not exist"}
    for text, message in cases.items():
        with pytest.raises(InstallTargetError, match=message):
            classify_target(text)
    (tmp_path / "notes.txt").write_text("")
    with pytest.raises(InstallTargetError, match="is not a wheel"):
        classify_target(str(tmp_path / "notes.txt"))


def test_pip_runs_for_torchdesks_own_python_without_prompts():
    command = PipCommand()
    assert command.python == sys.executable
    assert command.install("pkg") == ["-m", "pip", "install", "--upgrade", "pkg"]
    assert command.install("pkg", upgrade=False) == ["-m", "pip", "install", "pkg"]
    assert command.uninstall("pkg") == ["-m", "pip", "uninstall", "--yes", "pkg"]
    sandbox = PipCommand(install_args=("--target", "/t"), env=(("PYTHONPATH", "/t"),))
    assert sandbox.install("w.whl") == ["-m", "pip", "install", "--upgrade", "--target", "/t", "w.whl"]
    env = sandbox.environment()
    assert env["PIP_NO_INPUT"] == "1" and env["PYTHONPATH"] == "/t"


def test_changes_and_restart_notes():
    before = {"kept": "1.0", "upgraded-loaded": "1.0", "upgraded-unused": "0.1", "removed": "2.0"}
    after = {"kept": "1.0", "upgraded-loaded": "1.1", "upgraded-unused": "0.2", "added": "3.0"}
    changes = compare_installs(before, after, imported={"upgraded-loaded", "kept", "removed"})
    assert changes.added == {"added": "3.0"} and changes.removed == {"removed": "2.0"}
    assert changes.changed == {"upgraded-loaded": ("1.0", "1.1"), "upgraded-unused": ("0.1", "0.2")}
    assert changes.restart_needed == ("upgraded-loaded",)
    assert restart_notes(changes) == [
        "upgraded-loaded changed from 1.0 to 1.1 while version 1.0 is loaded: restart torchdesk to use 1.1.",
        "Installed added 3.0.",
        "Updated upgraded-unused from 0.1 to 0.2.",
        "Removed removed 2.0.",
    ]


def test_the_environment_is_read_as_pip_names_it():
    versions = installed_versions()
    assert versions["torchdesk"]
    assert canonical_name("Torchdesk_Plugin.Example") == "torchdesk-plugin-example"
    assert "pluggy" in imported_distributions({"pluggy"})
    assert "pluggy" not in imported_distributions({"something_else"})
