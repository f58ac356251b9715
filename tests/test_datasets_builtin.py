"""Built-in datasets read generated files in their real formats; hostile dataset files run nothing."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from datagen import write_annotations_csv, write_cifar10, write_image_folder
from torchdesk.core.data import DatasetError, open_dataset
from torchdesk.core.registry import PluginRegistry


@pytest.fixture(scope="module")
def registry() -> PluginRegistry:
    return PluginRegistry().load_entry_points(disabled=set())


def test_cifar10_batches_load_through_torchvision(registry: PluginRegistry, tmp_path: Path) -> None:
    root = write_cifar10(tmp_path, n_train=50, n_test=20)
    train = open_dataset(registry.dataset("cifar10"), root, train=True)
    test = open_dataset(registry.dataset("cifar10"), root, train=False)
    assert (len(train), len(test)) == (50, 20)
    assert train.data.shape == (50, 32, 32, 3) and train.classes[0] == "airplane"
    image, label = train[0]
    assert image.size == (32, 32) and 0 <= label < 10


class WouldRunCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_cifar_batch_that_would_run_code_is_refused(registry: PluginRegistry, tmp_path: Path) -> None:
    root = write_cifar10(tmp_path, n_train=50, n_test=20)
    marker = tmp_path / "pwned"
    with open(root / "cifar-10-batches-py" / "test_batch", "wb") as fh:
        pickle.dump({"data": WouldRunCode(marker), "labels": [0]}, fh)
    with pytest.raises(DatasetError, match="refusing to load"):
        open_dataset(registry.dataset("cifar10"), root, train=False)
    assert not marker.exists()


def test_image_folder_splits_deterministically(registry: PluginRegistry, tmp_path: Path) -> None:
    root = write_image_folder(tmp_path / "pets", per_class=10)
    spec = registry.dataset("image-folder")
    train = open_dataset(spec, tmp_path, train=True, params={"path": str(root)})
    test = open_dataset(spec, tmp_path, train=False, params={"path": str(root)})
    assert len(train) + len(test) == 30 and len(test) == 6
    assert train.classes == ["cat", "dog", "fox"]


def test_walkthrough_custom_dataset_from_annotations(registry: PluginRegistry, tmp_path: Path) -> None:
    csv, images = write_annotations_csv(tmp_path, n=20)
    spec = registry.dataset("annotations-csv")
    train = open_dataset(spec, tmp_path, train=True, params={"annotations_file": str(csv), "img_dir": str(images)})
    image, label = train[0]
    assert image.size == (28, 28) and label in (0, 1, 2)
    assert len(train) == 16
