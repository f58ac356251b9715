"""Adam and AdamW take torch's fused kernels where the parameters' device has them, with the same steps."""

from __future__ import annotations

import torch

from torchdesk.plugins.optimizers import build_adam, build_adamw


def _steps(optimizer_factory, fused_expected: bool | None) -> torch.Tensor:
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3))
    optimizer = optimizer_factory(model.parameters())
    assert optimizer.defaults["fused"] is fused_expected
    x, y = torch.randn(32, 8), torch.randint(0, 3, (32,))
    for _ in range(5):
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def test_adam_and_adamw_are_fused_on_the_cpu_and_step_as_torchs_own() -> None:
    for ours, theirs in ((build_adamw, torch.optim.AdamW), (build_adam, torch.optim.Adam)):
        fused = _steps(lambda params, f=ours: f(params, lr=1e-2), True)
        plain = _steps(lambda params, t=theirs: t(params, lr=1e-2, weight_decay=0.01 if t is torch.optim.AdamW
                                                     else 0.0), None)
        assert torch.allclose(fused, plain, atol=1e-6), ours.__name__


def test_a_device_without_fused_kernels_gets_the_default_optimizer() -> None:
    params = [torch.nn.Parameter(torch.zeros(3, device="meta"))]
    assert build_adamw(params, lr=1e-3).defaults["fused"] is None
