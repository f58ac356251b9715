"""Small datasets generated in their real on-disk formats, read back through the real loaders.

Class ``k`` draws a bright bar whose position and angle depend on ``k`` plus noise, so
a model can learn it in a few steps while the bytes match what torchvision expects.
"""

from __future__ import annotations

import gzip
import pickle
import struct
from pathlib import Path

import numpy as np

MNIST_FOLDERS = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST", "kmnist": "KMNIST"}


def pattern_images(labels: np.ndarray, size: int = 28, channels: int = 1, seed: int = 0) -> np.ndarray:
    """uint8 images (N, H, W[, C]) where each class has its own learnable stripe pattern."""
    rng = np.random.default_rng(seed)
    n = len(labels)
    images = rng.integers(0, 40, size=(n, size, size), dtype=np.int64)
    band = max(2, size // 10)
    for i, label in enumerate(labels):
        start = int(label) * (size - band) // 9
        if label % 2 == 0:
            images[i, start:start + band, 2:-2] += 200
        else:
            images[i, 2:-2, start:start + band] += 200
    images = np.clip(images, 0, 255).astype(np.uint8)
    if channels > 1:
        images = np.repeat(images[..., None], channels, axis=-1)
    return images


def write_idx(path: Path, array: np.ndarray, compress: bool = False) -> None:
    """Write ``array`` (uint8) in the IDX format MNIST uses."""
    magic = struct.pack(">HBB", 0, 0x08, array.ndim)
    dims = b"".join(struct.pack(">I", d) for d in array.shape)
    payload = magic + dims + np.ascontiguousarray(array, dtype=np.uint8).tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    if compress:
        with gzip.open(str(path) + ".gz", "wb") as fh:
            fh.write(payload)
    else:
        path.write_bytes(payload)


def write_mnist_like(root: Path, dataset: str = "mnist", n_train: int = 600, n_test: int = 200,
                     num_classes: int = 10, seed: int = 0) -> Path:
    """Write an MNIST-family dataset under ``root/<Folder>/raw`` exactly as torchvision lays it out."""
    raw = Path(root) / MNIST_FOLDERS[dataset] / "raw"
    rng = np.random.default_rng(seed)
    for split, n in (("train", n_train), ("t10k", n_test)):
        labels = (np.arange(n) % num_classes).astype(np.uint8)
        rng.shuffle(labels)
        write_idx(raw / f"{split}-images-idx3-ubyte", pattern_images(labels, seed=seed + len(split)))
        write_idx(raw / f"{split}-labels-idx1-ubyte", labels)
    return Path(root)


def write_cifar10(root: Path, n_train: int = 100, n_test: int = 50, seed: int = 0) -> Path:
    """Write CIFAR-10's python pickle batches under ``root/cifar-10-batches-py``."""
    folder = Path(root) / "cifar-10-batches-py"
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    names = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]

    def batch(n: int, salt: int) -> dict:
        labels = (np.arange(n) % 10).astype(np.int64)
        rng.shuffle(labels)
        imgs = pattern_images(labels, size=32, channels=3, seed=seed + salt)  # N,H,W,C
        return {"data": imgs.transpose(0, 3, 1, 2).reshape(n, -1), "labels": labels.tolist()}

    per = max(1, n_train // 5)
    for i in range(1, 6):
        with open(folder / f"data_batch_{i}", "wb") as fh:
            pickle.dump(batch(per, i), fh)
    with open(folder / "test_batch", "wb") as fh:
        pickle.dump(batch(n_test, 9), fh)
    with open(folder / "batches.meta", "wb") as fh:
        pickle.dump({"label_names": names}, fh)
    return Path(root)


def write_image_folder(root: Path, classes: tuple[str, ...] = ("cat", "dog", "fox"), per_class: int = 8,
                       size: int = 28, seed: int = 0) -> Path:
    """Write PNGs in one subfolder per class (torchvision's ImageFolder layout)."""
    from PIL import Image

    root = Path(root)
    for k, name in enumerate(classes):
        labels = np.full(per_class, k)
        for j, img in enumerate(pattern_images(labels, size=size, seed=seed + k)):
            (root / name).mkdir(parents=True, exist_ok=True)
            Image.fromarray(img).save(root / name / f"{name}_{j}.png")
    return root


def write_annotations_csv(root: Path, n: int = 30, num_classes: int = 3, size: int = 28, seed: int = 0) -> tuple[Path, Path]:
    """Write the walkthrough's custom-dataset layout: an annotations CSV and an image directory."""
    from PIL import Image

    root = Path(root)
    img_dir = root / "images"
    img_dir.mkdir(parents=True, exist_ok=True)
    labels = np.arange(n) % num_classes
    lines = []
    for i, (img, label) in enumerate(zip(pattern_images(labels, size=size, seed=seed), labels)):
        name = f"img_{i:04d}.png"
        Image.fromarray(img).save(img_dir / name)
        lines.append(f"{name},{int(label)}")
    csv = root / "annotations.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return csv, img_dir


def write_mnist_like_gz(root: Path, dataset: str = "mnist", n_train: int = 120, n_test: int = 40,
                        seed: int = 0) -> Path:
    """The MNIST family as the download leaves it: only the four ``.gz`` files under ``root/<Folder>/raw``."""
    raw = Path(root) / MNIST_FOLDERS[dataset] / "raw"
    rng = np.random.default_rng(seed)
    for split, n in (("train", n_train), ("t10k", n_test)):
        labels = (np.arange(n) % 10).astype(np.uint8)
        rng.shuffle(labels)
        write_idx(raw / f"{split}-images-idx3-ubyte", pattern_images(labels, seed=seed), compress=True)
        write_idx(raw / f"{split}-labels-idx1-ubyte", labels, compress=True)
    return Path(root)


def write_idx_header(path: Path, dims: tuple[int, ...], payload: bytes = b"", compress: bool = False) -> Path:
    """An IDX (uint8) file whose header claims ``dims`` but which holds only ``payload`` after it."""
    data = struct.pack(">HBB", 0, 0x08, len(dims)) + b"".join(struct.pack(">I", d) for d in dims) + payload
    path.parent.mkdir(parents=True, exist_ok=True)
    if compress:
        path = Path(str(path) + ".gz")
        with gzip.open(path, "wb") as fh:
            fh.write(data)
    else:
        path.write_bytes(data)
    return path


def write_large_png(path: Path, width: int, height: int) -> Path:
    """A valid black greyscale PNG of ``width`` × ``height`` written row by row (a few hundred KB on disk)."""
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    packer = zlib.compressobj(9)
    row = b"\x00" * (width + 1)  # filter byte 0, then one byte per pixel
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    return path
