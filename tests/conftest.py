"""Test-wide setup: offscreen Qt, a private torchdesk home, plugin errors that raise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TORCHDESK_RAISE_PLUGIN_ERRORS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "2")

sys.path.insert(0, str(Path(__file__).parent))

import pytest  # noqa: E402


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip tests marked ``gpu`` where no CUDA device is present."""
    try:
        import torch

        has_cuda = torch.cuda.is_available()
    except Exception:
        has_cuda = False
    if has_cuda:
        return
    skip = pytest.mark.skip(reason="needs a CUDA device")
    for item in items:
        if "gpu" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own TORCHDESK_HOME and QSettings location, so nothing leaks between tests."""
    home = tmp_path_factory.mktemp("torchdesk_home")
    monkeypatch.setenv("TORCHDESK_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg"))
    return home


@pytest.fixture
def mnist_root(tmp_path: Path) -> Path:
    """A tiny MNIST in torchvision's raw IDX layout (600 train / 200 test, learnable)."""
    from datagen import write_mnist_like

    return write_mnist_like(tmp_path / "data", "mnist")


@pytest.fixture
def fashion_root(tmp_path: Path) -> Path:
    """A tiny Fashion-MNIST in torchvision's raw IDX layout."""
    from datagen import write_mnist_like

    return write_mnist_like(tmp_path / "data", "fashion-mnist")
