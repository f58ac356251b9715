"""The wheel installs everything under the ``torchdesk`` namespace and nothing generic at the top."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=600)
    (wheel_path,) = out.glob("torchdesk-*.whl")
    return wheel_path


def test_every_module_is_in_the_wheel_under_torchdesk(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("core", "desktop", "plugins"):
        for module in (ROOT / folder).rglob("*.py"):
            relative = module.relative_to(ROOT).as_posix()
            assert f"torchdesk/{relative}" in names, f"{relative} is missing from the wheel"
    top_level = {name.split("/")[0] for name in names}
    assert not top_level & {"core", "desktop", "plugins", "resources", "tests"}
    assert {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")} == {"torchdesk"}


def test_wheel_declares_entry_points_and_ships_resources(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
    text = archive.read(entry_points).decode()
    assert "[torchdesk]" in text and "torchdesk.plugins.models" in text
    assert "torchdesk = torchdesk.desktop.launch:main" in text
    assert "torchdesk/resources/icon.svg" in archive.namelist()
