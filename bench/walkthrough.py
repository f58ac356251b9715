"""The walkthrough's Fashion-MNIST training code, verbatim, shared by the benches that compare against it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch


@dataclass
class WalkthroughRun:
    """The walkthrough's objects: data loaders, the MLP, its loss and SGD optimizer."""

    train_dataloader: Any
    test_dataloader: Any
    model: Any
    loss_fn: Any
    optimizer: Any

    def train_loop(self) -> None:
        """The walkthrough's ``train_loop`` for one epoch."""
        self.model.train()
        for X, y in self.train_dataloader:
            loss = self.loss_fn(self.model(X), y)
            loss.backward()
            self.optimizer.step()
            self.optimizer.zero_grad()
            loss.item()

    def test_accuracy(self) -> float:
        """The walkthrough's ``test_loop``: the share of test images classified correctly."""
        self.model.eval()
        correct = 0
        with torch.no_grad():
            for X, y in self.test_dataloader:
                correct += (self.model(X).argmax(1) == y).sum().item()
        return correct / len(self.test_dataloader.dataset)


def walkthrough_run(root: Path, seed: int = 0) -> WalkthroughRun:
    """Set up the walkthrough's run (ToTensor per sample, batch 64, SGD lr 1e-3) from ``seed``."""
    from torch import nn
    from torch.utils.data import DataLoader
    from torchvision import datasets
    from torchvision.transforms import ToTensor

    from torchdesk.plugins.models import build_mlp

    torch.manual_seed(seed)
    training_data = datasets.FashionMNIST(root=str(root), train=True, download=False, transform=ToTensor())
    test_data = datasets.FashionMNIST(root=str(root), train=False, download=False, transform=ToTensor())
    model = build_mlp((1, 28, 28), 10)
    return WalkthroughRun(
        train_dataloader=DataLoader(training_data, batch_size=64, shuffle=True),
        test_dataloader=DataLoader(test_data, batch_size=64),
        model=model,
        loss_fn=nn.CrossEntropyLoss(),
        optimizer=torch.optim.SGD(model.parameters(), lr=1e-3),
    )
