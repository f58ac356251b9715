"""Built-in datasets: MNIST, Fashion-MNIST, KMNIST, CIFAR-10, an image folder and the
walkthrough's custom dataset from an annotations CSV.

The torchvision ones go through torchvision's own classes, so files laid out as
torchvision lays them out (``<root>/MNIST/raw/...``) are found offline.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from torchdesk.core.subsets import ClassSubset, split_indices
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.specs import MAX_CLASSES, DatasetFilesMissing, DatasetSpec, Param
from torchdesk.plugins.annotations_csv import CustomImageDataset

# Class names are stored in English (checkpoints, files); marked so they are shown through class_name_text().
FASHION_CLASSES = (
    QT_TRANSLATE_NOOP("classes", "T-shirt/top"), QT_TRANSLATE_NOOP("classes", "Trouser"),
    QT_TRANSLATE_NOOP("classes", "Pullover"), QT_TRANSLATE_NOOP("classes", "Dress"),
    QT_TRANSLATE_NOOP("classes", "Coat"), QT_TRANSLATE_NOOP("classes", "Sandal"),
    QT_TRANSLATE_NOOP("classes", "Shirt"), QT_TRANSLATE_NOOP("classes", "Sneaker"),
    QT_TRANSLATE_NOOP("classes", "Bag"), QT_TRANSLATE_NOOP("classes", "Ankle boot"),
)
DIGITS = tuple(str(i) for i in range(10))  # the same in every language
KMNIST_CLASSES = (
    QT_TRANSLATE_NOOP("classes", "o"), QT_TRANSLATE_NOOP("classes", "ki"), QT_TRANSLATE_NOOP("classes", "su"),
    QT_TRANSLATE_NOOP("classes", "tsu"), QT_TRANSLATE_NOOP("classes", "na"), QT_TRANSLATE_NOOP("classes", "ha"),
    QT_TRANSLATE_NOOP("classes", "ma"), QT_TRANSLATE_NOOP("classes", "ya"), QT_TRANSLATE_NOOP("classes", "re"),
    QT_TRANSLATE_NOOP("classes", "wo"),
)
CIFAR10_CLASSES = (
    QT_TRANSLATE_NOOP("classes", "airplane"), QT_TRANSLATE_NOOP("classes", "automobile"),
    QT_TRANSLATE_NOOP("classes", "bird"), QT_TRANSLATE_NOOP("classes", "cat"), QT_TRANSLATE_NOOP("classes", "deer"),
    QT_TRANSLATE_NOOP("classes", "dog"), QT_TRANSLATE_NOOP("classes", "frog"), QT_TRANSLATE_NOOP("classes", "horse"),
    QT_TRANSLATE_NOOP("classes", "ship"), QT_TRANSLATE_NOOP("classes", "truck"),
)
MNIST_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


def read_mnist_split(raw: Path, train: bool) -> tuple[Any, Any]:
    """The images ``(N, 28, 28)`` uint8 and labels ``(N,)`` int64 of one split, from the IDX files or their ``.gz``.

    Headers are checked against the files before anything is allocated
    (:func:`~torchdesk.core.idx_format.read_idx`), and the two files must agree.
    """
    from torchdesk.core.idx_format import idx_path, read_idx
    from torchdesk.core.untrusted import FileContentError

    split = "train" if train else "t10k"
    paths = [idx_path(raw, f"{split}-{kind}") for kind in ("images-idx3-ubyte", "labels-idx1-ubyte")]
    if paths[0] is None or paths[1] is None:
        # Not shown: open_dataset recognises torchvision's 'not found' wording and writes its own message.
        raise RuntimeError("Dataset not found.")
    images, labels = read_idx(paths[0]), read_idx(paths[1])
    fix = translate("plugins", "Delete the files and download or copy them again.")
    if images.dtype.is_floating_point or images.element_size() != 1 or images.dim() != 3:
        raise FileContentError(translate("plugins", "{path} does not hold 8-bit images (it holds {dims}-D {dtype}). "
                                                    "{fix}").format(path=paths[0], dims=images.dim(),
                                                                    dtype=images.dtype, fix=fix))
    if labels.element_size() != 1 or labels.dim() != 1:
        raise FileContentError(translate("plugins", "{path} does not hold 8-bit labels (it holds {dims}-D {dtype}). "
                                                    "{fix}").format(path=paths[1], dims=labels.dim(),
                                                                    dtype=labels.dtype, fix=fix))
    if len(images) == 0:
        raise FileContentError(translate("plugins", "{path} holds no images, so it is truncated or damaged. "
                                                    "{fix}").format(path=paths[0], fix=fix))
    if len(images) != len(labels):
        raise FileContentError(translate("plugins", "{images_file} and {labels_file} in {folder} disagree: they hold "
                                                    "{images:,} images but {labels:,} labels. {fix}").format(
            images_file=paths[0].name, labels_file=paths[1].name, folder=raw, images=len(images),
            labels=len(labels), fix=fix))
    return images, labels.long()


def _torchvision_mnist(class_name: str) -> Callable[..., Any]:
    def factory(root: str, train: bool = True, download: bool = False, transform: Any = None,
                target_transform: Any = None) -> Any:
        from torchvision import datasets

        base = getattr(datasets, class_name)

        class LocalMNIST(base):  # type: ignore[misc, valid-type]
            """torchvision's class, reading the raw files or the ``.gz`` files the download leaves."""

            @property
            def raw_folder(self) -> str:
                return os.path.join(self.root, class_name, "raw")

            @property
            def processed_folder(self) -> str:
                return os.path.join(self.root, class_name, "processed")

            def _check_exists(self) -> bool:
                from torchdesk.core.idx_format import idx_path

                return all(idx_path(Path(self.raw_folder), name) is not None for name in MNIST_FILES)

            def _load_data(self) -> tuple[Any, Any]:
                return read_mnist_split(Path(self.raw_folder), self.train)

        return LocalMNIST(root=root, train=train, download=download, transform=transform,
                          target_transform=target_transform)

    factory.__doc__ = f"torchvision.datasets.{class_name} under ``root``, from its IDX files plain or gzipped."
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
    from torchdesk.core.untrusted import FileContentError, check_structure, expect_list, expect_str

    class LocalCIFAR10(CIFAR10):
        def __init__(self) -> None:
            VisionDataset.__init__(self, root, transform=transform, target_transform=target_transform)
            self.train = train
            if download:
                self.download()
            if not self._check_integrity():  # torchvision's words, recognised by open_dataset (not shown)
                raise RuntimeError("Dataset not found or corrupted. You can use download=True to download it")
            self._load_meta()
            batches = self.train_list if train else self.test_list
            data, targets = [], []
            for name, _ in batches:
                path = Path(self.root) / self.base_folder / name
                with open(path, "rb") as fh:
                    entry = load_data_pickle(fh)
                images, labels = _cifar_batch(entry, path, len(self.classes))
                data.append(images)
                targets.extend(labels)
            self.data = np.vstack(data).reshape(-1, 3, 32, 32).transpose((0, 2, 3, 1))
            self.targets = list(targets)

        def _check_integrity(self) -> bool:
            base = Path(self.root) / self.base_folder
            names = [name for name, _ in self.train_list + self.test_list] + [self.meta["filename"]]
            return all((base / name).is_file() for name in names)

        def _load_meta(self) -> None:
            path = Path(self.root) / self.base_folder / self.meta["filename"]
            with open(path, "rb") as fh:
                meta = load_data_pickle(fh)
            check_structure(meta, str(path))
            key = self.meta["key"]
            if not isinstance(meta, dict) or not meta.get(key):
                raise FileContentError(translate("plugins", "{path} has no list of class names ('{key}'). "
                                                            "{fix}").format(path=path, key=key, fix=_redownload()))
            self.classes = expect_list(meta[key], f"{path} '{key}'", lambda v, w: expect_str(v, w, 200),
                                       max_items=MAX_CLASSES, fix=_redownload())
            self.class_to_idx = {name: i for i, name in enumerate(self.classes)}

    return LocalCIFAR10()


_REDOWNLOAD = QT_TRANSLATE_NOOP("plugins", "The file is damaged: delete it and download or copy it again.")


def _redownload() -> str:
    """What to do about a damaged CIFAR file, in the person's language."""
    return translate("plugins", _REDOWNLOAD)


def _cifar_batch(entry: Any, path: Path, num_classes: int) -> tuple[Any, list[int]]:
    """A CIFAR batch's ``(N, 3072)`` uint8 images and its N labels, each checked before use."""
    import numpy as np

    from torchdesk.core.untrusted import FileContentError, check_structure, describe, expect_int, expect_list

    check_structure(entry, str(path))
    fix = _redownload()
    if not isinstance(entry, dict):
        raise FileContentError(translate("plugins", "{path} should hold a table of data and labels but holds "
                                                    "{found}. {fix}").format(path=path, found=describe(entry), fix=fix))
    data = entry.get("data")
    if not isinstance(data, np.ndarray) or data.dtype != np.uint8 or data.ndim != 2 or data.shape[1] != 3072:
        raise FileContentError(translate("plugins", "{path} 'data' should be N rows of 3,072 bytes (3×32×32 pixels) "
                                                    "but holds {found}. {fix}").format(path=path, found=describe(data),
                                                                                       fix=fix))
    key = "labels" if "labels" in entry else "fine_labels"
    labels = expect_list(entry.get(key), f"{path} '{key}'",
                         lambda v, w: expect_int(v, w, 0, num_classes - 1, fix),
                         max_items=len(data), fix=fix)
    if len(labels) != len(data):
        raise FileContentError(translate("plugins", "{path} holds {images:,} images but {labels:,} labels. "
                                                    "{fix}").format(path=path, images=len(data), labels=len(labels),
                                                                    fix=fix))
    return data, labels


def build_image_folder(root: str, train: bool = True, download: bool = False, transform: Any = None,
                       target_transform: Any = None, path: str = "", test_fraction: float = 0.2) -> Any:
    """torchvision's ImageFolder: ``<path>/<class>/<image>``, or ``<path>/train`` and ``<path>/test``.

    The walk follows links into folders but never into a loop or the other split, and
    images larger than a desktop needs are refused before they are decoded.
    """
    folder = Path(path or root).expanduser()
    if not folder.is_dir():
        raise DatasetFilesMissing(translate("plugins", "The image folder {folder} does not exist.").format(
            folder=folder), folder)
    split_dir = folder / ("train" if train else "test")
    if split_dir.is_dir():
        other = folder / ("test" if train else "train")
        return _image_folder(split_dir, transform, target_transform, skip=(str(folder), str(other)))
    full = _image_folder(folder, transform, target_transform)
    return ClassSubset(full, split_indices(len(full), test_fraction, train))


def load_image_file(path: str) -> Any:
    """An image file as an RGB PIL image (torchvision's loader), refused before decoding when too large."""
    from torchdesk.core.image_limits import open_image

    with open_image(path) as image:
        return image.convert("RGB")


def _image_folder(folder: Path, transform: Any, target_transform: Any, skip: tuple[str, ...] = ()) -> Any:
    from torchvision.datasets import ImageFolder
    from torchvision.datasets.folder import IMG_EXTENSIONS, has_file_allowed_extension

    from torchdesk.core.folder_walk import class_samples

    class LoopSafeImageFolder(ImageFolder):
        """ImageFolder listing its files with :func:`~torchdesk.core.folder_walk.class_samples`."""

        def find_classes(self, directory: str) -> tuple[list[str], dict[str, int]]:
            classes, class_to_idx = super().find_classes(directory) if _has_class_folder(directory) else ([], {})
            if not classes:
                raise DatasetFilesMissing(
                    translate("plugins", "The image folder {folder} has no class subfolders: put each class's "
                                         "images in a subfolder named after the class.").format(folder=directory),
                    directory)
            if len(classes) > MAX_CLASSES:
                raise DatasetFilesMissing(
                    translate("plugins", "The image folder {folder} has {count:,} class subfolders; at most "
                                         "{limit:,} classes are supported.").format(
                        folder=directory, count=len(classes), limit=MAX_CLASSES), directory)
            return classes, class_to_idx

        def make_dataset(self, directory: str, class_to_idx: dict[str, int], extensions: Any = None,
                         is_valid_file: Any = None, allow_empty: bool = False) -> list[tuple[str, int]]:
            valid = is_valid_file or (lambda p: has_file_allowed_extension(p, IMG_EXTENSIONS))
            samples = class_samples(directory, class_to_idx, valid, skip)
            present = {index for _, index in samples}
            empty = sorted(name for name, index in class_to_idx.items() if index not in present)
            if empty and not allow_empty:
                shown = ", ".join(empty[:5])
                if len(empty) > 5:
                    shown = translate("plugins", "{names} and {count:,} more").format(names=shown,
                                                                                     count=len(empty) - 5)
                raise DatasetFilesMissing(
                    translate("plugins", "In the image folder {folder}, the class folders {names} hold no images "
                                         "({suffixes}, …). Add images or remove the folders.").format(
                        folder=directory, names=shown,
                        suffixes=", ".join(e.lstrip(".") for e in IMG_EXTENSIONS[:6])),
                    directory)
            return samples

    return LoopSafeImageFolder(str(folder), transform=transform, target_transform=target_transform,
                               loader=load_image_file)


def _has_class_folder(directory: str) -> bool:
    try:
        return any(entry.is_dir() for entry in os.scandir(directory))
    except OSError:
        return False


def build_annotations_csv(root: str, train: bool = True, download: bool = False, transform: Any = None,
                          target_transform: Any = None, annotations_file: str = "", img_dir: str = "",
                          test_annotations_file: str = "", test_fraction: float = 0.2,
                          allow_outside_paths: bool = False) -> Any:
    """The walkthrough's ``CustomImageDataset``; one CSV is split, or a second CSV is the test split."""
    base = Path(root).expanduser()
    csv_path = Path(annotations_file or base / "annotations.csv").expanduser()
    images = Path(img_dir or base / "images").expanduser()
    for needed in (csv_path, images):
        if not needed.exists():
            raise FileNotFoundError(translate("plugins", "{path} does not exist").format(path=needed))
    if not train and test_annotations_file:
        return CustomImageDataset(test_annotations_file, str(images), transform, target_transform,
                                  allow_outside_paths=allow_outside_paths)
    full = CustomImageDataset(str(csv_path), str(images), transform, target_transform,
                              allow_outside_paths=allow_outside_paths)
    if test_annotations_file:
        return full
    return ClassSubset(full, split_indices(len(full), test_fraction, train))


_SPLIT = Param("test_fraction", "float", 0.2,
               QT_TRANSLATE_NOOP("components", "Share held out for testing when there is no test split."),
               minimum=0.0, maximum=0.9, label=QT_TRANSLATE_NOOP("components", "Test fraction"))


@hookimpl
def torchdesk_datasets() -> list[DatasetSpec]:
    """The built-in datasets."""
    return [
        DatasetSpec(
            id="mnist", name=QT_TRANSLATE_NOOP("components", "MNIST"),
            description=QT_TRANSLATE_NOOP("components",
                                          "Handwritten digits 0–9, 28×28 grey (60,000 train / 10,000 test)."),
            factory=_torchvision_mnist("MNIST"), class_names=DIGITS, input_shape=(1, 28, 28),
            mean=(0.1307,), std=(0.3081,), files=tuple(f"MNIST/raw/{f}" for f in MNIST_FILES), downloadable=True,
        ),
        DatasetSpec(
            id="fashion-mnist", name=QT_TRANSLATE_NOOP("components", "Fashion-MNIST"),
            description=QT_TRANSLATE_NOOP("components",
                                          "Zalando's clothing images in ten classes, 28×28 grey (60,000 / 10,000)."),
            factory=_torchvision_mnist("FashionMNIST"), class_names=FASHION_CLASSES, input_shape=(1, 28, 28),
            mean=(0.2860,), std=(0.3530,), files=tuple(f"FashionMNIST/raw/{f}" for f in MNIST_FILES),
            downloadable=True,
        ),
        DatasetSpec(
            id="kmnist", name=QT_TRANSLATE_NOOP("components", "KMNIST"),
            description=QT_TRANSLATE_NOOP("components", "Kuzushiji-MNIST: ten cursive hiragana, 28×28 grey."),
            factory=_torchvision_mnist("KMNIST"), class_names=KMNIST_CLASSES, input_shape=(1, 28, 28),
            mean=(0.1918,), std=(0.3483,), files=tuple(f"KMNIST/raw/{f}" for f in MNIST_FILES), downloadable=True,
        ),
        DatasetSpec(
            id="cifar10", name=QT_TRANSLATE_NOOP("components", "CIFAR-10"),
            description=QT_TRANSLATE_NOOP("components",
                                          "Small colour photos in ten classes, 3×32×32 (50,000 / 10,000)."),
            factory=build_cifar10, class_names=CIFAR10_CLASSES, input_shape=(3, 32, 32),
            mean=(0.4914, 0.4822, 0.4465), std=(0.2470, 0.2435, 0.2616),
            files=tuple(f"cifar-10-batches-py/{f}" for f in
                        ("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
                         "test_batch", "batches.meta")),
            downloadable=True,
        ),
        DatasetSpec(
            id="image-folder", name=QT_TRANSLATE_NOOP("components", "Image folder"),
            description=QT_TRANSLATE_NOOP(
                "components", "Your own images: one subfolder per class (optionally inside train/ and test/)."),
            factory=build_image_folder, files=("<class name>/<image>.png",),
            params=(Param("path", "path", "",
                          QT_TRANSLATE_NOOP("components",
                                            "The folder holding one subfolder per class (default: the data folder)."),
                          label=QT_TRANSLATE_NOOP("components", "Path")),
                    _SPLIT),
        ),
        DatasetSpec(
            id="annotations-csv", name=QT_TRANSLATE_NOOP("components", "Annotations CSV + images"),
            description=QT_TRANSLATE_NOOP(
                "components",
                "The walkthrough's custom Dataset: a CSV of file name and label, and an image directory."),
            factory=build_annotations_csv, files=("annotations.csv", "images/"),
            params=(
                Param("annotations_file", "path", "",
                      QT_TRANSLATE_NOOP("components",
                                        "CSV with 'file name, label' rows (default <data>/annotations.csv)."),
                      label=QT_TRANSLATE_NOOP("components", "Annotations file")),
                Param("img_dir", "path", "",
                      QT_TRANSLATE_NOOP("components", "Directory holding the images (default <data>/images)."),
                      label=QT_TRANSLATE_NOOP("components", "Img dir")),
                Param("test_annotations_file", "path", "",
                      QT_TRANSLATE_NOOP("components", "Optional CSV for the test split."),
                      label=QT_TRANSLATE_NOOP("components", "Test annotations file")),
                _SPLIT,
                Param("allow_outside_paths", "bool", False,
                      QT_TRANSLATE_NOOP("components", "Let the CSV name images outside the image directory "
                                                      "(absolute paths, '..', links leading out)."),
                      label=QT_TRANSLATE_NOOP("components", "Allow outside paths")),
            ),
        ),
    ]
