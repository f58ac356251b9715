"""Dataset statistics in core: class counts, per-channel mean/std in chunks, what a model gets wrong."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

from datagen import write_image_folder
from dataview_helpers import band_predictor
from torchdesk.core.data import open_dataset
from torchdesk.core.dataset_stats import (
    ChannelStats,
    ModelInputError,
    channel_mean_std,
    class_distribution,
    predict_dataset,
)
from torchdesk.core.progress import Cancelled
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.sample_source import SampleSource


@pytest.fixture(scope="module")
def registry() -> PluginRegistry:
    return PluginRegistry().load_entry_points()


def mnist_source(registry: PluginRegistry, root: Path, train: bool = True) -> SampleSource:
    return SampleSource(open_dataset(registry.dataset("mnist"), root, train=train))


def test_class_distribution_counts_every_class() -> None:
    assert class_distribution([0, 2, 2, 1, 2], num_classes=4) == [1, 1, 3, 0]
    assert class_distribution(torch.tensor([5]), num_classes=2) == [0, 0, 0, 0, 0, 1]
    with pytest.raises(ValueError, match="class indices"):
        class_distribution([-1, 0])


def test_mnist_source_uses_the_uint8_tensor_and_matches_the_pil_path(registry: PluginRegistry, mnist_root: Path) -> None:
    source = mnist_source(registry, mnist_root)
    assert source.resident is not None and source.resident.shape == (600, 1, 28, 28)
    pil = torch.from_numpy(__import__("numpy").array(source.raw(7)))
    assert torch.equal(source.image(7)[0], pil)
    assert class_distribution(source.labels(), 10) == [60] * 10


def test_mean_std_in_chunks_equals_the_one_shot_computation(registry: PluginRegistry, mnist_root: Path) -> None:
    source = mnist_source(registry, mnist_root)
    calls: list[tuple[int, int]] = []
    stats = channel_mean_std(source, chunk=128, progress=lambda done, total: calls.append((done, total)))
    pixels = source.resident.double() / 255
    assert stats.mean[0] == pytest.approx(float(pixels.mean()), abs=1e-9)
    assert stats.std[0] == pytest.approx(float(pixels.std(unbiased=False)), abs=1e-9)
    assert calls[0] == (0, 600) and calls[-1] == (600, 600)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls) and len(calls) >= 5
    assert re.fullmatch(r"mean 0\.1\d{3}, std 0\.\d{4}", stats.describe())  # numbers, not "(0.1307,)"
    three = ChannelStats((0.4914, 0.4822, 0.4465), (0.247, 0.2435, 0.2616), 10)
    assert three.describe() == "mean [0.4914, 0.4822, 0.4465], std [0.2470, 0.2435, 0.2616]"


def test_mean_std_can_be_cancelled(registry: PluginRegistry, mnist_root: Path) -> None:
    source = mnist_source(registry, mnist_root)
    seen = []
    with pytest.raises(Cancelled):
        channel_mean_std(source, chunk=64, progress=lambda d, t: seen.append(d), cancel=lambda: len(seen) >= 3)
    assert max(seen) < 600


def test_mean_std_of_files_without_a_resident_tensor(registry: PluginRegistry, tmp_path: Path) -> None:
    folder = write_image_folder(tmp_path / "pets", per_class=4)
    dataset = open_dataset(registry.dataset("image-folder"), folder, train=True, params={"test_fraction": 0.0})
    source = SampleSource(dataset)
    assert source.resident is None
    assert class_distribution(source.labels(), 3) == [4, 4, 4]
    stats = channel_mean_std(source, chunk=5)
    stacked = torch.stack([source.image(i) for i in range(len(source))]).double() / 255
    assert len(stats.mean) == 3
    for c in range(3):
        assert stats.mean[c] == pytest.approx(float(stacked[:, c].mean()), abs=1e-9)
        assert stats.std[c] == pytest.approx(float(stacked[:, c].std(unbiased=False)), abs=1e-9)


def test_predictions_find_exactly_the_confused_classes(registry: PluginRegistry, mnist_root: Path) -> None:
    source = mnist_source(registry, mnist_root, train=False)
    progress: list[int] = []
    result = predict_dataset(band_predictor(swap=(3, 5)), source, chunk=64, progress=lambda d, t: progress.append(d))
    labels = source.labels()
    wrong = result.misclassified()
    assert set(labels[wrong].tolist()) == {3, 5}
    assert len(wrong) == int(((labels == 3) | (labels == 5)).sum())
    confidences = result.confidence[wrong]
    assert torch.all(confidences[:-1] >= confidences[1:])  # most confident mistakes first
    assert result.accuracy == pytest.approx(0.8)
    assert result.indices_for(true=3, predicted=5) == torch.nonzero(labels == 3).reshape(-1).tolist()
    assert result.indices_for(true=4, predicted=4) == torch.nonzero(labels == 4).reshape(-1).tolist()
    assert progress[-1] == len(source)


def test_a_model_for_other_images_gets_a_clear_message(registry: PluginRegistry, tmp_path: Path) -> None:
    folder = write_image_folder(tmp_path / "photos", per_class=2, size=32)  # ImageFolder reads RGB
    source = SampleSource(open_dataset(registry.dataset("image-folder"), folder, train=True,
                                       params={"test_fraction": 0.0}))
    with pytest.raises(ModelInputError, match="expects 1×28×28 images but this dataset has 3×32×32"):
        predict_dataset(band_predictor(), source)
