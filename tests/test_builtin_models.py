"""Every built-in model is built for the dataset's shape and class count."""

from __future__ import annotations

import pytest
import torch

from torchdesk.core.registry import PluginRegistry

BUILTIN_MODELS = ("mlp", "cnn", "logreg")


@pytest.mark.parametrize("model_id", BUILTIN_MODELS)
@pytest.mark.parametrize("shape,classes", [((1, 28, 28), 10), ((3, 32, 32), 10), ((1, 28, 28), 3)])
def test_builtin_model_output_shape(model_id: str, shape: tuple[int, int, int], classes: int) -> None:
    registry = PluginRegistry().load_entry_points(disabled=set())
    spec = registry.model(model_id)
    model = spec.factory(input_shape=shape, num_classes=classes, **spec.defaults())
    assert model(torch.rand(4, *shape)).shape == (4, classes)


def test_mlp_is_the_walkthrough_network() -> None:
    registry = PluginRegistry().load_entry_points(disabled=set())
    model = registry.model("mlp").factory(input_shape=(1, 28, 28), num_classes=10)
    text = str(model)
    assert "(0): Linear(in_features=784, out_features=512, bias=True)" in text
    assert "(4): Linear(in_features=512, out_features=10, bias=True)" in text
    assert "(flatten): Flatten(start_dim=1, end_dim=-1)" in text
