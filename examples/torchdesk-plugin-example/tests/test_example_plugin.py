"""The example plugin's own tests, written as a plugin author would write them.

``torchdesk_plugin_checker`` comes from torchdesk itself (a ``pytest11`` entry point),
so nothing needs importing to use it.
"""

from __future__ import annotations

import pytest
import torch

from torchdesk_example import plugin


def test_the_plugin_passes_torchdesks_checker(torchdesk_plugin_checker):
    report = torchdesk_plugin_checker(plugin, name="example")
    assert report.ok, report.problems
    assert report.provides == {"model": ["example.resnet"], "dataset": ["example.stripes"], "transform": ["example.cutout"],
                               "optimizer": ["example.lion"], "loss": ["example.focal"],
                               "scheduler": ["example.warmup"], "callback": ["example.loss-target"],
                               "metric": ["example.brier"]}


@pytest.mark.parametrize("shape", [(1, 28, 28), (3, 32, 32)])
def test_resnet_depth_and_width_follow_the_parameters(shape):
    small = plugin.build_resnet(input_shape=shape, num_classes=7, width=8, blocks=1)
    large = plugin.build_resnet(input_shape=shape, num_classes=7, width=16, blocks=2)
    assert small(torch.rand(3, *shape)).shape == (3, 7)
    assert sum(p.numel() for p in large.parameters()) > 4 * sum(p.numel() for p in small.parameters())


def test_lion_follows_its_update_rule():
    torch.manual_seed(0)
    weight = torch.nn.Parameter(torch.randn(5))
    start = weight.detach().clone()
    optimizer = plugin.build_lion([weight], lr=0.1, beta1=0.9, beta2=0.99, weight_decay=0.5)
    grad = torch.randn(5)
    weight.grad = grad.clone()
    optimizer.step()
    # First step: momentum is zero, so the update is sign((1 - beta1) * g) = sign(g).
    expected = start * (1 - 0.1 * 0.5) - 0.1 * torch.sign(grad)
    assert torch.allclose(weight.detach(), expected)
    assert torch.allclose(optimizer.state[weight]["exp_avg"], 0.01 * grad)


def test_lion_rejects_bad_settings():
    with pytest.raises(ValueError, match="betas"):
        plugin.build_lion([torch.nn.Parameter(torch.ones(1))], lr=0.1, beta1=1.5)


def test_cutout_blanks_one_square_per_chosen_image():
    batch = torch.ones(16, 3, 32, 32)
    out = plugin.build_cutout_batch(size=6, probability=1.0)(batch)
    blanked = (out == 0).all(dim=1).sum(dim=(1, 2))
    assert (blanked > 0).all() and (blanked <= 36).all()
    assert torch.equal(batch, torch.ones_like(batch))  # the input is left alone
    assert torch.equal(plugin.build_cutout_batch(size=6, probability=0.0)(batch), batch)
    assert plugin.build_cutout(size=4, probability=1.0)(torch.ones(1, 28, 28)).shape == (1, 28, 28)


def test_the_stripes_dataset_needs_no_files_and_offers_the_in_memory_protocol(tmp_path):
    dataset = plugin.build_stripes(root=str(tmp_path), train=True, download=False, samples=32)
    assert len(dataset) == 32 and dataset.data.shape == (32, 28, 28) and dataset.data.dtype.is_floating_point is False
    assert list(tmp_path.iterdir()) == []  # root is ignored
    image, label = dataset[0]
    assert image.size == (28, 28) and 0 <= label < 4


def test_focal_loss_is_cross_entropy_at_gamma_0():
    import torch

    logits, labels = torch.randn(6, 4), torch.tensor([0, 1, 2, 3, 0, 1])
    assert torch.allclose(plugin.build_focal(4, gamma=0.0)(logits, labels),
                          torch.nn.functional.cross_entropy(logits, labels))


def test_the_migration_renames_the_old_parameter():
    assert plugin.migrate_resnet({"channels": 8, "blocks": 1}, "0.0.3") == {"width": 8, "blocks": 1}
