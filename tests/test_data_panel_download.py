"""Downloading from the Data panel: a progress bar, Cancel, and the split opening afterwards.

The "server" is a local file behind a ``file://`` URL, read slowly so Cancel can
be pressed mid-way; no network is touched.
"""

from __future__ import annotations

import io
import os
import time
import types
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from datagen import pattern_images
from dataview_helpers import make_panel, wait_opened, wait_quiet
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.specs import DatasetSpec

BLOB = 200_000


class TinyDataset:
    """Twenty generated digits, as a downloaded dataset would provide them."""

    def __init__(self) -> None:
        import numpy as np

        self.targets = [i % 10 for i in range(20)]
        self.images = pattern_images(np.array(self.targets))
        self.transform = None

    def __len__(self) -> int:
        return len(self.targets)

    def __getitem__(self, index: int) -> Any:
        from PIL import Image

        return Image.fromarray(self.images[index]), self.targets[index]


def fake_remote_registry(remote: Path) -> PluginRegistry:
    def factory(root: str, train: bool = True, download: bool = False, transform: Any = None,
                target_transform: Any = None) -> Any:
        from torchvision.datasets.utils import download_url

        target = Path(root) / "tiny" / remote.name
        if not target.exists():
            if not download:
                raise FileNotFoundError(f"{target} does not exist")
            download_url(remote.as_uri(), str(target.parent))
        return TinyDataset()

    plugin = types.SimpleNamespace(torchdesk_datasets=hookimpl(lambda: [DatasetSpec(
        id="tiny-remote", name="Tiny remote", description="a test dataset fetched from a file:// URL",
        factory=factory, class_names=tuple(str(i) for i in range(10)), files=(f"tiny/{remote.name}",),
        downloadable=True)]))
    registry = PluginRegistry().load_entry_points()
    registry.register_plugin(plugin, "tiny-remote-plugin")
    return registry


class SlowResponse(io.BytesIO):
    """What ``urlopen`` returns, handing out the bytes slowly like a far-away server."""

    def __init__(self, url: str, data: bytes) -> None:
        super().__init__(data)
        self.url = url
        self.headers = {"Content-Length": str(len(data))}

    def read(self, size: int = -1) -> bytes:
        time.sleep(0.02)
        return super().read(min(size, 8192) if size and size > 0 else 8192)


@pytest.fixture
def remote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    blob = tmp_path / "server" / "tiny.bin"
    blob.parent.mkdir()
    blob.write_bytes(os.urandom(BLOB))

    def slow_urlopen(request: Any, *args: Any, **kwargs: Any) -> SlowResponse:
        url = request.full_url if hasattr(request, "full_url") else str(request)
        assert url == blob.as_uri(), f"unexpected URL {url}"
        return SlowResponse(url, blob.read_bytes())

    monkeypatch.setattr(urllib.request, "urlopen", slow_urlopen)
    return blob


def test_download_shows_progress_then_opens_the_split(qtbot: Any, tmp_path: Path, remote: Path) -> None:
    panel = make_panel(qtbot, fake_remote_registry(remote))
    panel.select_dataset("tiny-remote", train=True, folder=str(tmp_path / "data"))
    wait_opened(qtbot, panel)
    assert "Tiny remote was not found" in panel.banner_text()
    assert panel.source_bar.download_button.isEnabled()

    values: list[int] = []
    panel.source_bar.download_progress.valueChanged.connect(values.append)
    qtbot.mouseClick(panel.source_bar.download_button, Qt.MouseButton.LeftButton)
    assert panel.source_bar.download_progress.isVisible() and panel.source_bar.cancel_download_button.isVisible()
    qtbot.waitUntil(panel.is_loaded, timeout=60_000)
    assert len(values) > 2 and values[-1] == 1000 and values == sorted(values)
    assert not panel.source_bar.download_progress.isVisible() and panel.banner_text() == ""
    assert (tmp_path / "data" / "tiny" / "tiny.bin").read_bytes() == remote.read_bytes()
    assert panel.browser.grid.model().rowCount() == 20
    wait_quiet(qtbot, panel)


def test_cancel_stops_the_download(qtbot: Any, tmp_path: Path, remote: Path) -> None:
    panel = make_panel(qtbot, fake_remote_registry(remote))
    panel.select_dataset("tiny-remote", train=True, folder=str(tmp_path / "data"))
    wait_opened(qtbot, panel)
    qtbot.mouseClick(panel.source_bar.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.source_bar.download_progress.value() > 0, timeout=30_000)
    assert "MB" in panel.source_bar.download_progress.format() and "tiny.bin" in panel.source_bar.download_progress.format()
    assert panel.busy_reason()
    qtbot.mouseClick(panel.source_bar.cancel_download_button, Qt.MouseButton.LeftButton)
    assert "Download cancelled" in panel.banner_text()
    assert not panel.source_bar.cancel_download_button.isVisible() and panel.source_bar.download_button.isEnabled()
    panel.download_task.stop()  # join the worker
    assert not (tmp_path / "data" / "tiny" / "tiny.bin").exists()
    assert not panel.is_loaded() and panel.busy_reason() == ""
