"""Hostile and broken data sets, sizes and arguments end quickly with a message that names what is wrong.

Every input is generated here in its real on-disk format and read back through the
real loading code (``open_dataset``, the CLI parser, the run-file reader).
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import numpy as np
import pytest

from datagen import (pattern_images, write_annotations_csv, write_cifar10, write_idx, write_idx_header,
                     write_image_folder, write_large_png, write_mnist_like, write_mnist_like_gz)
from torchdesk.core.data import DatasetError, DatasetMissingError, open_dataset
from torchdesk.core.registry import PluginRegistry


@pytest.fixture(scope="module")
def registry() -> PluginRegistry:
    return PluginRegistry().load_entry_points(disabled=set())


def open_csv(registry: PluginRegistry, root: Path, csv: Path, images: Path, train: bool = True, **extra: object):
    params = {"annotations_file": str(csv), "img_dir": str(images), "test_fraction": 0.0, **extra}
    return open_dataset(registry.dataset("annotations-csv"), root, train=train, params=params)


# -- 7b: label values bound the class count before anything is allocated -----------------------------
@pytest.mark.timeout(60)
def test_a_csv_label_far_beyond_any_class_count_names_file_row_and_value(registry: PluginRegistry,
                                                                         tmp_path: Path) -> None:
    csv, images = write_annotations_csv(tmp_path, n=4)
    lines = csv.read_text().splitlines()
    lines[2] = lines[2].split(",")[0] + ",2000000"
    csv.write_text("\n".join(lines) + "\n")
    with pytest.raises(DatasetError) as caught:
        open_csv(registry, tmp_path, csv, images)
    message = str(caught.value)
    assert "annotations.csv" in message and "row 3" in message and "2,000,000" in message
    assert "0 to 999" in message


@pytest.mark.parametrize("label,expected", [("-1", "-1"), ("cat", "'cat'"), ("", "no label")])
def test_a_csv_label_that_is_not_a_class_number_names_the_row(registry: PluginRegistry, tmp_path: Path,
                                                              label: str, expected: str) -> None:
    csv, images = write_annotations_csv(tmp_path, n=4)
    lines = csv.read_text().splitlines()
    lines[1] = lines[1].split(",")[0] + ("," + label if label else "")
    csv.write_text("\n".join(lines) + "\n")
    with pytest.raises(DatasetError) as caught:
        open_csv(registry, tmp_path, csv, images)
    message = str(caught.value)
    assert "annotations.csv" in message and "row 2" in message and expected in message
    assert "Traceback" not in message


# -- 7c: image dimensions are bounded before decoding -------------------------------------------------
@pytest.mark.timeout(60)
def test_a_huge_png_in_an_annotations_csv_is_refused_before_decoding(registry: PluginRegistry, tmp_path: Path) -> None:
    csv, images = write_annotations_csv(tmp_path, n=3)
    write_large_png(images / "img_0000.png", 13000, 13000)
    dataset = open_csv(registry, tmp_path, csv, images)
    with pytest.raises(ValueError) as caught:
        dataset[0]
    message = str(caught.value)
    assert "img_0000.png" in message and "13000×13000" in message and "too large" in message
    image, _ = dataset[1]
    assert image.size == (28, 28)


@pytest.mark.timeout(60)
def test_a_huge_png_in_an_image_folder_is_refused_before_decoding(registry: PluginRegistry, tmp_path: Path) -> None:
    root = write_image_folder(tmp_path / "pets", per_class=3)
    write_large_png(root / "cat" / "cat_0.png", 13000, 13000)
    dataset = open_dataset(registry.dataset("image-folder"), tmp_path, train=True,
                           params={"path": str(root), "test_fraction": 0.0})
    with pytest.raises(ValueError, match="too large") as caught:
        dataset[0]
    assert "cat_0.png" in str(caught.value)


@pytest.mark.timeout(60)
def test_the_classify_panel_refuses_a_huge_image_file(tmp_path: Path) -> None:
    from torchdesk.core.preprocess import ImageReadError, load_image

    path = write_large_png(tmp_path / "poster.png", 13000, 13000)
    with pytest.raises(ImageReadError, match="too large") as caught:
        load_image(path)
    assert "13000×13000" in str(caught.value)


def test_an_ordinary_photo_size_still_opens(tmp_path: Path) -> None:
    from torchdesk.core.image_limits import open_image

    path = write_large_png(tmp_path / "photo.png", 6000, 4000)
    with open_image(path) as image:
        assert image.size == (6000, 4000)


# -- 7d: screenshot sizes ----------------------------------------------------------------------------
@pytest.mark.timeout(120)
@pytest.mark.parametrize("size", ["100000x100000", "0x800", "1280x-5", "wide"])
def test_a_screenshot_size_beyond_reason_is_refused_with_a_message(tmp_path: Path, size: str) -> None:
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "torchdesk.desktop.launch", "--screenshot", str(out),
                             "--size", size], capture_output=True, text=True, timeout=100,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2, result.stderr
    assert "--size" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


# -- 9: CSV paths stay under img_dir -----------------------------------------------------------------
def _secret(tmp_path: Path) -> Path:
    from PIL import Image

    secret = tmp_path / "private" / "secret.png"
    secret.parent.mkdir()
    Image.fromarray(pattern_images(np.array([1]))[0]).save(secret)
    return secret


@pytest.mark.parametrize("how", ["dotdot", "absolute"])
def test_csv_paths_that_leave_the_image_folder_are_refused(registry: PluginRegistry, tmp_path: Path,
                                                           how: str) -> None:
    secret = _secret(tmp_path)
    csv, images = write_annotations_csv(tmp_path / "set", n=4)
    name = "../../private/secret.png" if how == "dotdot" else str(secret)
    csv.write_text(csv.read_text() + f"{name},1\n")
    with pytest.raises(DatasetError) as caught:
        open_csv(registry, tmp_path, csv, images)
    message = str(caught.value)
    assert "row 5" in message and "secret.png" in message and "allow_outside_paths" in message

    allowed = open_csv(registry, tmp_path, csv, images, allow_outside_paths=True)
    assert len(allowed) == 5 and allowed[4][0].size == (28, 28)


def test_a_symlink_inside_the_image_folder_that_points_outside_is_refused(registry: PluginRegistry,
                                                                          tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    csv, images = write_annotations_csv(tmp_path / "set", n=4)
    (images / "innocent.png").symlink_to(secret)
    csv.write_text(csv.read_text() + "innocent.png,1\n")
    dataset = open_csv(registry, tmp_path, csv, images)
    with pytest.raises(ValueError) as caught:
        dataset[4]
    assert "innocent.png" in str(caught.value) and "outside" in str(caught.value)
    assert dataset[0][0].size == (28, 28)


# -- 10: symlink loops in image folders ---------------------------------------------------------------
@pytest.mark.timeout(60)
def test_a_symlink_loop_in_an_image_folder_is_walked_once(registry: PluginRegistry, tmp_path: Path) -> None:
    root = write_image_folder(tmp_path / "pets", classes=("cat", "dog"), per_class=5)
    (root / "cat" / "loop").symlink_to(root, target_is_directory=True)
    (root / "dog" / "again").symlink_to(root / "dog", target_is_directory=True)
    (root / "dog" / "twin.png").symlink_to(root / "dog" / "dog_0.png")
    spec = registry.dataset("image-folder")
    train = open_dataset(spec, tmp_path, train=True, params={"path": str(root)})
    test = open_dataset(spec, tmp_path, train=False, params={"path": str(root)})
    assert len(train) + len(test) == 10
    train_files = {os.path.realpath(train.dataset.samples[i][0]) for i in train.indices}
    test_files = {os.path.realpath(test.dataset.samples[i][0]) for i in test.indices}
    assert not train_files & test_files


def test_a_split_layout_does_not_reach_the_test_split_through_a_link(registry: PluginRegistry,
                                                                     tmp_path: Path) -> None:
    root = tmp_path / "pets"
    write_image_folder(root / "train", classes=("cat", "dog"), per_class=4)
    write_image_folder(root / "test", classes=("cat", "dog"), per_class=2)
    (root / "train" / "cat" / "up").symlink_to(root, target_is_directory=True)
    (root / "train" / "dog" / "peek").symlink_to(root / "test", target_is_directory=True)
    train = open_dataset(registry.dataset("image-folder"), tmp_path, train=True, params={"path": str(root)})
    assert len(train) == 8


# -- 13d: numeric CLI arguments ---------------------------------------------------------------------
@pytest.mark.parametrize("argv,flag", [
    (["evaluate", "missing.pt", "--batch-size", "-1"], "--batch-size"),
    (["evaluate", "missing.pt", "--batch-size", "0"], "--batch-size"),
    (["evaluate", "missing.pt", "--batch-size", "many"], "--batch-size"),
    (["train", "--epochs", "-3"], "--epochs"),
    (["train", "--batch-size", "0"], "--batch-size"),
    (["train", "--train-subset", "-1"], "--train-subset"),
    (["train", "--lr", "nan"], "--lr"),
    (["train", "--lr", "-0.1"], "--lr"),
])
def test_numeric_flags_out_of_range_exit_non_zero_with_a_message(argv: list[str], flag: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from torchdesk.core.cli import main

    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert flag in err and "Traceback" not in err
    assert "nan%" not in err and "range()" not in err


# -- 13e: run files with wrongly typed settings ----------------------------------------------------
@pytest.mark.parametrize("line,field,wanted", [
    ('transforms = "normalize"', "transforms", ["list"]),
    ('augmentations = [3]', "augmentations[0]", ["component id", "int 3"]),
    ('epochs = "five"', "epochs", ["whole number"]),
    ('batch_size = 0', "batch_size", ["between 1 and"]),
    ('lr = "fast"', "lr", ["number"]),
    ('lr = -1.0', "lr", ["above 0"]),
    ('download = "yes"', "download", ["true or false"]),
    ('model = 7', "model", ["component id", "int 7"]),
    ('model = {params = {hidden = 3}}', "model.id", ["text"]),
    ('dataset = {id = "mnist", params = "x"}', "dataset.params", ["table"]),
    ('optimizer = {id = "sgd", params = {momentum = [0.9]}}', "optimizer.params.momentum", ["a number"]),
    ('lr_schedule = 3', "lr_schedule", ["component id", "int 3"]),  # any scheduler plugin's id is text
])
def test_a_run_file_with_a_wrongly_typed_setting_names_the_field(tmp_path: Path, line: str, field: str,
                                                                 wanted: list[str]) -> None:
    from torchdesk.core.run_file import RunFileError, read_run_file

    path = tmp_path / "run.toml"
    path.write_text(f'[run]\n{line}\n', encoding="utf-8")
    with pytest.raises(RunFileError) as caught:
        read_run_file(path)
    message = str(caught.value)
    assert f"'{field}'" in message and "run.toml" in message
    assert all(word in message for word in wanted), message


@pytest.mark.parametrize("settings,field", [
    ({"transforms": "normalize"}, "'transforms'"),
    ({"augmentations": [3]}, "'augmentations[0]'"),
    ({"model": {"params": {}}}, "'model.id'"),
    ({"epochs": 2.5}, "'epochs'"),
    ({"seed": "x"}, "'seed'"),
])
def test_run_settings_from_any_source_are_checked_field_by_field(settings: dict, field: str) -> None:
    from torchdesk.core.run_config import RunConfig

    with pytest.raises(ValueError, match=field.replace("[", r"\[").replace("]", r"\]")):
        RunConfig.from_dict(settings)


def test_a_well_formed_run_file_still_reads(tmp_path: Path) -> None:
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.run_file import read_run_file, write_run_file

    config = RunConfig(dataset=ComponentChoice("mnist", {"x": 1}), transforms=(ComponentChoice("normalize"),),
                       augmentations=(ComponentChoice("random-affine", {"degrees": 10.0}),), seed=7, lr=1)
    assert read_run_file(write_run_file(config, tmp_path / "run.toml")) == config


# -- 13f: gzipped MNIST files, and IDX headers checked against the file ---------------------------------
def test_gzipped_mnist_files_load_as_the_readme_promises(registry: PluginRegistry, tmp_path: Path) -> None:
    root = write_mnist_like_gz(tmp_path / "data", n_train=120, n_test=40)
    assert sorted(p.name for p in (root / "MNIST" / "raw").iterdir())[0].endswith(".gz")
    train = open_dataset(registry.dataset("mnist"), root, train=True)
    test = open_dataset(registry.dataset("mnist"), root, train=False)
    assert (len(train), len(test)) == (120, 40)
    assert tuple(train.data.shape) == (120, 28, 28) and int(train.targets.max()) == 9
    image, label = test[0]
    assert image.size == (28, 28) and 0 <= label < 10


def test_plain_idx_files_still_load(registry: PluginRegistry, tmp_path: Path) -> None:
    root = write_mnist_like(tmp_path / "data", "fashion-mnist", n_train=30, n_test=10)
    train = open_dataset(registry.dataset("fashion-mnist"), root, train=True)
    assert len(train) == 30 and train.data.dtype.is_floating_point is False


@pytest.mark.timeout(60)
@pytest.mark.parametrize("compress", [False, True])
def test_an_idx_header_claiming_a_billion_images_says_damaged(registry: PluginRegistry, tmp_path: Path,
                                                             compress: bool) -> None:
    root = write_mnist_like(tmp_path / "data", n_train=20, n_test=10)
    raw = root / "MNIST" / "raw"
    (raw / "train-images-idx3-ubyte").unlink()
    write_idx_header(raw / "train-images-idx3-ubyte", (10**9, 28, 28), b"\x00" * 1000, compress=compress)
    with pytest.raises(DatasetError) as caught:
        open_dataset(registry.dataset("mnist"), root, train=True)
    message = str(caught.value)
    assert "train-images-idx3-ubyte" in message and "damaged" in message and "1,000,000,000" in message
    assert "shape '[" not in message


def test_idx_files_whose_counts_disagree_are_damaged(registry: PluginRegistry, tmp_path: Path) -> None:
    root = write_mnist_like(tmp_path / "data", n_train=20, n_test=10)
    write_idx(root / "MNIST" / "raw" / "t10k-labels-idx1-ubyte", np.zeros(7, dtype=np.uint8))
    with pytest.raises(DatasetError, match="10 images but 7 labels"):
        open_dataset(registry.dataset("mnist"), root, train=False)


def test_a_cifar_batch_with_the_wrong_shape_or_labels_names_the_file(registry: PluginRegistry,
                                                                     tmp_path: Path) -> None:
    root = write_cifar10(tmp_path, n_train=50, n_test=20)
    with open(root / "cifar-10-batches-py" / "test_batch", "wb") as fh:
        pickle.dump({"data": np.zeros((20, 100), dtype=np.uint8), "labels": [0] * 20}, fh)
    with pytest.raises(DatasetError, match="test_batch") as caught:
        open_dataset(registry.dataset("cifar10"), root, train=False)
    assert "3,072" in str(caught.value)
    with open(root / "cifar-10-batches-py" / "test_batch", "wb") as fh:
        pickle.dump({"data": np.zeros((2, 3072), dtype=np.uint8), "labels": [0, 10**8]}, fh)
    with pytest.raises(DatasetError, match="test_batch") as caught:
        open_dataset(registry.dataset("cifar10"), root, train=False)
    assert "100,000,000" in str(caught.value)


# -- 13g: an empty image folder names the folder the person chose --------------------------------------
def test_an_empty_image_folder_names_the_folder_that_was_chosen(registry: PluginRegistry, tmp_path: Path) -> None:
    chosen = tmp_path / "my photos"
    chosen.mkdir()
    data_dir = tmp_path / "data"
    with pytest.raises(DatasetMissingError) as caught:
        open_dataset(registry.dataset("image-folder"), data_dir, train=True, params={"path": str(chosen)})
    message = str(caught.value)
    assert str(chosen) in message and str(data_dir) not in message
    assert caught.value.folder == chosen


# -- statistics never size an allocation from a label ---------------------------------------------------
def test_class_counts_refuse_a_label_beyond_the_class_limit() -> None:
    from torchdesk.core.dataset_stats import class_distribution

    with pytest.raises(ValueError, match="10,000,000"):
        class_distribution([0, 1, 10**7])
    assert class_distribution([0, 2, 2], num_classes=4) == [1, 0, 2, 0]


@pytest.mark.timeout(30)
def test_a_pipe_named_in_an_annotations_csv_is_refused_without_blocking(registry: PluginRegistry,
                                                                        tmp_path: Path) -> None:
    csv, images = write_annotations_csv(tmp_path, n=3)
    (images / "img_0000.png").unlink()
    os.mkfifo(images / "img_0000.png")
    dataset = open_csv(registry, tmp_path, csv, images)
    with pytest.raises(ValueError, match="not a regular file") as caught:
        dataset[0]
    assert "img_0000.png" in str(caught.value)
    assert dataset[1][0].size == (28, 28)


@pytest.mark.timeout(30)
def test_the_classify_panel_refuses_a_pipe(tmp_path: Path) -> None:
    from torchdesk.core.preprocess import ImageReadError, load_image

    os.mkfifo(tmp_path / "drawing.png")
    with pytest.raises(ImageReadError, match="not a regular file"):
        load_image(tmp_path / "drawing.png")


def test_a_plugin_data_set_without_class_names_and_a_huge_label_is_refused_when_opened(tmp_path) -> None:
    """The Data panel names classes 0..max label when a plugin lists none; a label of 5,000 must not make 5,001 names."""
    import torch

    from torchdesk.core.data import DatasetError
    from torchdesk.core.specs import DatasetSpec
    from torchdesk.desktop.panels.data.opening import open_split

    class Labelled(torch.utils.data.Dataset):
        targets = torch.tensor([0, 1, 5000])

        def __len__(self) -> int:
            return 3

        def __getitem__(self, index: int):
            return torch.zeros(1, 4, 4), int(self.targets[index])

    spec = DatasetSpec(id="huge.labels", name="Huge labels", description="test",
                       factory=lambda root, train, download, transform, target_transform: Labelled())
    with pytest.raises(DatasetError, match="labels go up to 5,000"):
        open_split(spec, tmp_path, True, {}, lambda *_: None, lambda: False)
