"""Built-in datasets: MNIST, Fashion-MNIST, KMNIST, CIFAR-10, an image folder and the
walkthrough's custom dataset from an annotations CSV.

The torchvision ones go through torchvision's own classes, so files laid out as
torchvision lays them out (``<root>/MNIST/raw/...``) are found offline.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Callable

from torchdesk.core.subsets import ClassSubset, split_indices
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import DatasetSpec, Param

FASHION_CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                   "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")
DIGITS = tuple(str(i) for i in range(10))
KMNIST_CLASSES = ("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo")
CIFAR10_CLASSES = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
MNIST_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


def _torchvision_mnist(class_name: str) -> Callable[..., Any]:
    def factory(root: str, train: bool = True, download: bool = False, transform: Any = None,
                target_transform: Any = None) -> Any:
        from torchvision import datasets

        cls = getattr(datasets, class_name)
        return cls(root=root, train=train, download=download, transform=transform,
                   target_transform=target_transform)

    factory.__doc__ = f"torchvision.datasets.{class_name} under ``root``."
    return factory


def build_cifar10(root: str, train: bool = True, download: bool = False, transform: Any = None,
                  target_transform: Any = None) -> Any:
    """torchvision's CIFAR10, reading its pickled batches with a loader that refuses code.

    Local batch files are trusted by presence (no md5 pass over 170 MB), but never
    allowed to run code: only plain data and NumPy arrays are unpickled.
    """
    import numpy as np
    from torchvision.datasets import CIFAR10
    from torchvision.datasets.vision import VisionDataset

    from torchdesk.core.safe_pickle import load_data_pickle

    class LocalCIFAR10(CIFAR10):
        def __init__(self) -> None:
            VisionDataset.__init__(self, root, transform=transform, target_transform=target_transform)
            self.train = train
            if download:
                self.download()
            if not self._check_integrity():
                raise RuntimeError("Dataset not found or corrupted. You can use download=True to download it")
            batches = self.train_list if train else self.test_list
            data, targets = [], []
            for name, _ in batches:
                with open(Path(self.root) / self.base_folder / name, "rb") as fh:
                    entry = load_data_pickle(fh)
                data.append(np.asarray(entry["data"], dtype=np.uint8))
                targets.extend(entry["labels"] if "labels" in entry else entry["fine_labels"])
            self.data = np.vstack(data).reshape(-1, 3, 32, 32).transpose((0, 2, 3, 1))
            self.targets = list(targets)
            self._load_meta()

        def _check_integrity(self) -> bool:
            base = Path(self.root) / self.base_folder
            names = [name for name, _ in self.train_list + self.test_list] + [self.meta["filename"]]
            return all((base / name).is_file() for name in names)

        def _load_meta(self) -> None:
            with open(Path(self.root) / self.base_folder / self.meta["filename"], "rb") as fh:
                meta = load_data_pickle(fh)
            self.classes = list(meta[self.meta["key"]])
            self.class_to_idx = {name: i for i, name in enumerate(self.classes)}

    return LocalCIFAR10()


def build_image_folder(root: str, train: bool = True, download: bool = False, transform: Any = None,
                       target_transform: Any = None, path: str = "", test_fraction: float = 0.2) -> Any:
    """torchvision's ImageFolder: ``<path>/<class>/<image>``, or ``<path>/train`` and ``<path>/test``."""
    from torchvision.datasets import ImageFolder

    folder = Path(path or root).expanduser()
    if not folder.is_dir():
        raise FileNotFoundError(f"image folder {folder} does not exist")
    split_dir = folder / ("train" if train else "test")
    if split_dir.is_dir():
        return ImageFolder(str(split_dir), transform=transform, target_transform=target_transform)
    full = ImageFolder(str(folder), transform=transform, target_transform=target_transform)
    return ClassSubset(full, split_indices(len(full), test_fraction, train))


class CustomImageDataset:
    """The walkthrough's custom dataset: an annotations CSV (file name, label) and an image directory."""

    def __init__(self, annotations_file: str, img_dir: str, transform: Any = None,
                 target_transform: Any = None) -> None:
        self.img_dir = Path(img_dir)
        with open(annotations_file, newline="", encoding="utf-8") as fh:
            rows = [row for row in csv.reader(fh) if row and not row[0].startswith("#")]
        if rows and not rows[0][1].strip().lstrip("-").isdigit():
            rows = rows[1:]  # a header line
        self.img_labels = [(name.strip(), int(label)) for name, label, *_ in rows]
        self.transform = transform
        self.target_transform = target_transform
        self.classes = [str(i) for i in range(max((label for _, label in self.img_labels), default=-1) + 1)]
        self.targets = [label for _, label in self.img_labels]

    def __len__(self) -> int:
        return len(self.img_labels)

    def __getitem__(self, idx: int) -> tuple[Any, Any]:
        from PIL import Image

        name, label = self.img_labels[idx]
        with Image.open(self.img_dir / name) as img:
            image = img.convert("L") if img.mode in ("L", "LA", "P", "1", "I;16") else img.convert("RGB")
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


def build_annotations_csv(root: str, train: bool = True, download: bool = False, transform: Any = None,
                          target_transform: Any = None, annotations_file: str = "", img_dir: str = "",
                          test_annotations_file: str = "", test_fraction: float = 0.2) -> Any:
    """The walkthrough's ``CustomImageDataset``; one CSV is split, or a second CSV is the test split."""
    base = Path(root).expanduser()
    csv_path = Path(annotations_file or base / "annotations.csv").expanduser()
    images = Path(img_dir or base / "images").expanduser()
    for needed in (csv_path, images):
        if not needed.exists():
            raise FileNotFoundError(f"{needed} does not exist")
    if not train and test_annotations_file:
        return CustomImageDataset(test_annotations_file, str(images), transform, target_transform)
    full = CustomImageDataset(str(csv_path), str(images), transform, target_transform)
    if test_annotations_file:
        return full
    return ClassSubset(full, split_indices(len(full), test_fraction, train))


_SPLIT = Param("test_fraction", "float", 0.2, "Share held out for testing when there is no test split.",
               minimum=0.0, maximum=0.9)


@hookimpl
def torchdesk_datasets() -> list[DatasetSpec]:
    """The built-in datasets."""
    return [
        DatasetSpec(
            id="mnist", name="MNIST", description="Handwritten digits 0–9, 28×28 grey (60,000 train / 10,000 test).",
            factory=_torchvision_mnist("MNIST"), class_names=DIGITS, input_shape=(1, 28, 28),
            mean=(0.1307,), std=(0.3081,), files=tuple(f"MNIST/raw/{f}" for f in MNIST_FILES), downloadable=True,
        ),
        DatasetSpec(
            id="fashion-mnist", name="Fashion-MNIST",
            description="Zalando's clothing images in ten classes, 28×28 grey (60,000 / 10,000).",
            factory=_torchvision_mnist("FashionMNIST"), class_names=FASHION_CLASSES, input_shape=(1, 28, 28),
            mean=(0.2860,), std=(0.3530,), files=tuple(f"FashionMNIST/raw/{f}" for f in MNIST_FILES),
            downloadable=True,
        ),
        DatasetSpec(
            id="kmnist", name="KMNIST", description="Kuzushiji-MNIST: ten cursive hiragana, 28×28 grey.",
            factory=_torchvision_mnist("KMNIST"), class_names=KMNIST_CLASSES, input_shape=(1, 28, 28),
            mean=(0.1918,), std=(0.3483,), files=tuple(f"KMNIST/raw/{f}" for f in MNIST_FILES), downloadable=True,
        ),
        DatasetSpec(
            id="cifar10", name="CIFAR-10", description="Small colour photos in ten classes, 3×32×32 (50,000 / 10,000).",
            factory=build_cifar10, class_names=CIFAR10_CLASSES, input_shape=(3, 32, 32),
            mean=(0.4914, 0.4822, 0.4465), std=(0.2470, 0.2435, 0.2616),
            files=tuple(f"cifar-10-batches-py/{f}" for f in
                        ("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
                         "test_batch", "batches.meta")),
            downloadable=True,
        ),
        DatasetSpec(
            id="image-folder", name="Image folder",
            description="Your own images: one subfolder per class (optionally inside train/ and test/).",
            factory=build_image_folder, files=("<class name>/<image>.png",),
            params=(Param("path", "path", "", "The folder holding one subfolder per class (default: the data folder)."),
                    _SPLIT),
        ),
        DatasetSpec(
            id="annotations-csv", name="Annotations CSV + images",
            description="The walkthrough's custom Dataset: a CSV of file name and label, and an image directory.",
            factory=build_annotations_csv, files=("annotations.csv", "images/"),
            params=(
                Param("annotations_file", "path", "", "CSV with 'file name, label' rows (default <data>/annotations.csv)."),
                Param("img_dir", "path", "", "Directory holding the images (default <data>/images)."),
                Param("test_annotations_file", "path", "", "Optional CSV for the test split."),
                _SPLIT,
            ),
        ),
    ]
