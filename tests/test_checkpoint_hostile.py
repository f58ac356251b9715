"""Hostile files opened through the core loader, the folder listing and ``torchdesk evaluate``.

Pickles that would run a command, write a file or import a module; a zip with path
traversal; tensor headers claiming hundreds of gigabytes; a zip bomb. Nothing runs,
nothing is written outside, memory stays bounded, and each gets a clear message.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import hostile_files
from torchdesk.core.checkpoint import CheckpointError, UntrustedFileError, load_checkpoint, load_pickled_model
from torchdesk.core.checkpoint_index import scan_folder

EXPECTED = {
    "runs_command": "could run code",
    "writes_file": "could run code",
    "writes_file_legacy": "could run code",
    "imports_module": "could run code",
    "traversal": "contains the path '../../escaped.txt'",
    "huge_header": "claim more bytes than the file holds",
    "huge_header_legacy": "more than the 375-byte file holds",
    "zip_bomb": "more than the",
}
RSS_MARGIN_MB = 150  # a hostile file may cost a little more than a clean one, never gigabytes

# Run in one child process: each file's exit status and message, and the peak memory after each.
CHILD = """
import contextlib, io, json, resource, sys
from torchdesk.core.cli import main
results = []
for path in sys.argv[1:]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["evaluate", path, "--device", "cpu"])
    results.append({"code": code, "stderr": err.getvalue(),
                    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})
print(json.dumps(results))
"""


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[dict[str, Path], Path]:
    files = hostile_files.make_all(tmp_path / "files", tmp_path / "markers")
    return files, tmp_path / "markers"


def _nothing_happened(tmp_path: Path, markers: Path) -> None:
    assert list(markers.iterdir()) == [], "an attack left a marker"
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path.parent / "escaped.txt").exists()


def test_each_hostile_file_gets_a_clear_message_and_nothing_runs(
        hostile: tuple[dict[str, Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files, markers = hostile
    monkeypatch.syspath_prepend(str(files["imports_module"].parent))  # the evil module is importable
    for name, path in files.items():
        with pytest.raises(CheckpointError, match=EXPECTED[name]):
            load_checkpoint(path)
    with pytest.raises(UntrustedFileError):
        load_pickled_model(files["runs_command"])  # refused without trust, before reading
    _nothing_happened(tmp_path, markers)
    assert hostile_files.EVIL_MODULE not in sys.modules


def test_the_folder_listing_shows_hostile_files_as_rows_with_messages(
        hostile: tuple[dict[str, Path], Path], tmp_path: Path) -> None:
    files, markers = hostile
    rows = {row.path.name: row for row in scan_folder(files["traversal"].parent)}
    assert set(rows) == {p.name for p in files.values()}
    for name, path in files.items():
        row = rows[path.name]
        assert row.kind in ("pickle", "unreadable")
        assert row.message
    _nothing_happened(tmp_path, markers)


def _evaluate_in_child(paths: list[Path], tmp_path: Path, extra_path: Path) -> list[dict]:
    env = dict(os.environ, TORCHDESK_HOME=str(tmp_path / "home"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", CHILD, *map(str, paths)], capture_output=True, text=True, env=env,
                          cwd=str(tmp_path), timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_cli_refuses_every_hostile_file_with_bounded_memory(
        hostile: tuple[dict[str, Path], Path], tmp_path: Path) -> None:
    files, markers = hostile
    clean = tmp_path / "clean.pt"
    import torch

    torch.save({"w": torch.zeros(4)}, clean)
    names = list(files)
    results = _evaluate_in_child([clean] + [files[n] for n in names], tmp_path, files["imports_module"].parent)
    baseline = results[0]["rss_mb"]  # the same command on a harmless (plain state dict) file
    for name, result in zip(names, results[1:]):
        assert result["code"] != 0
        message = result["stderr"]
        assert message.startswith("torchdesk: ") and "Traceback" not in message, message
        assert EXPECTED[name] in message, message
        assert result["rss_mb"] < baseline + RSS_MARGIN_MB, (name, result["rss_mb"], baseline)
    _nothing_happened(tmp_path, markers)
    assert not (tmp_path / "home" / "escaped.txt").exists()
