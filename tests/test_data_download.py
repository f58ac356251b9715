"""Dataset downloads: progress and cancel through torchvision's own fetcher, and the offline message.

No network: "remote" files are local files behind ``file://`` URLs, and offline is
simulated by making ``urlopen`` fail the way it does without a connection.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from torchdesk.core.data import DatasetMissingError
from torchdesk.core.download import download_dataset
from torchdesk.core.progress import Cancelled
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.specs import DatasetSpec

BLOB_SIZE = 300_000


def fake_remote_spec(remote: Path) -> DatasetSpec:
    """A dataset plugin whose download fetches ``remote`` through torchvision's ``download_url``."""

    def factory(root: str, train: bool = True, download: bool = False, transform: Any = None,
                target_transform: Any = None) -> Any:
        from torchvision.datasets.utils import download_url

        target = Path(root) / "fake" / remote.name
        if not target.exists():
            if not download:
                raise FileNotFoundError(f"{target} does not exist")
            download_url(remote.as_uri(), str(target.parent))
        return [0]

    return DatasetSpec(id="fake-remote", name="Fake remote", description="test", factory=factory,
                       files=(f"fake/{remote.name}",), downloadable=True)


@pytest.fixture
def remote_blob(tmp_path: Path) -> Path:
    blob = tmp_path / "server" / "blob.bin"
    blob.parent.mkdir()
    blob.write_bytes(os.urandom(BLOB_SIZE))
    return blob


def test_download_reports_progress_per_file(tmp_path: Path, remote_blob: Path) -> None:
    spec = fake_remote_spec(remote_blob)
    progress: list[tuple[int, int]] = []
    files: list[str] = []
    download_dataset(spec, tmp_path / "data", progress=lambda d, t: progress.append((d, t)), on_file=files.append)
    fetched = tmp_path / "data" / "fake" / "blob.bin"
    assert fetched.read_bytes() == remote_blob.read_bytes()
    assert files == ["blob.bin"]
    assert progress[-1] == (BLOB_SIZE, BLOB_SIZE)
    assert len(progress) > 3 and all(total == BLOB_SIZE for _, total in progress)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def test_cancel_stops_the_download_and_removes_the_partial_file(tmp_path: Path, remote_blob: Path) -> None:
    spec = fake_remote_spec(remote_blob)
    seen: list[int] = []
    with pytest.raises(Cancelled):
        download_dataset(spec, tmp_path / "data", progress=lambda d, t: seen.append(d), cancel=lambda: len(seen) > 2)
    assert 0 < max(seen) < BLOB_SIZE
    assert not (tmp_path / "data" / "fake" / "blob.bin").exists()


def test_offline_mnist_download_names_the_folder_and_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> Any:
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    spec = PluginRegistry().load_entry_points().dataset("mnist")
    with pytest.raises(DatasetMissingError) as caught:
        download_dataset(spec, tmp_path / "data")
    message = str(caught.value)
    assert "The download failed (no network connection?)" in message
    assert str(tmp_path / "data") in message
    for name in ("train-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
        assert name in message
    assert "Choose folder" in message
    assert not any(p.is_file() for p in (tmp_path / "data").rglob("*"))


def test_a_dataset_of_your_own_files_cannot_be_downloaded(tmp_path: Path) -> None:
    spec = PluginRegistry().load_entry_points().dataset("image-folder")
    with pytest.raises(DatasetMissingError, match="cannot be downloaded"):
        download_dataset(spec, tmp_path)


def test_outside_a_download_torchvisions_own_fetcher_runs(tmp_path: Path, remote_blob: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The hook only reports for the thread inside download_dataset; elsewhere torchvision behaves as before."""
    import torchvision.datasets.utils as tv_utils

    from torchdesk.core import download

    download_dataset(fake_remote_spec(remote_blob), tmp_path / "first")  # installs the hook
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(download, "_original_urlretrieve", lambda url, name, chunk=0: calls.append((url, str(name))))
    tv_utils._urlretrieve("https://example.invalid/x.gz", tmp_path / "x.gz")
    assert calls == [("https://example.invalid/x.gz", str(tmp_path / "x.gz"))]


def test_a_folder_that_cannot_be_written_is_not_blamed_on_the_network(tmp_path: Path, remote_blob: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    spec = fake_remote_spec(remote_blob)
    real_open = open

    def read_only_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" in mode and str(tmp_path / "data") in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", read_only_open)
    with pytest.raises(DatasetMissingError) as caught:
        download_dataset(spec, tmp_path / "data")
    assert "The download failed: [Errno 13] Permission denied" in str(caught.value)
    assert "no network" not in str(caught.value)
