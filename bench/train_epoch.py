"""Seconds per training epoch: the walkthrough's DataLoader loop, a hand-written resident loop, the engine.

All three train the walkthrough's MLP with SGD (lr 1e-3) and batch size 64 for one
epoch over the Fashion-MNIST training split (``../shared/data`` when present,
otherwise generated data of the same shape written in the real IDX format).
Prints the times and the ratios a/c (target >= 3) and c/b (target <= 1.1).

    python bench/train_epoch.py [--data-dir DIR] [--repeats N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def ensure_data(data_dir: Path | None) -> Path:
    """Real Fashion-MNIST if present, else 60,000 + 10,000 generated images in the IDX format."""
    if data_dir and (data_dir / "FashionMNIST" / "raw").is_dir():
        return data_dir
    sys.path.insert(0, str(ROOT / "tests"))
    from datagen import write_mnist_like

    root = Path(tempfile.mkdtemp(prefix="torchdesk-bench-"))
    print(f"(no dataset at {data_dir}; generating 60,000 images in {root})")
    return write_mnist_like(root, "fashion-mnist", n_train=60000, n_test=10000)


def walkthrough_epoch(root: Path) -> float:
    """(a) The walkthrough: DataLoader over torchvision's dataset with ToTensor per sample."""
    from walkthrough import walkthrough_run

    run = walkthrough_run(root, seed=0)
    start = time.perf_counter()
    run.train_loop()
    return time.perf_counter() - start


def resident_epoch(root: Path) -> float:
    """(b) The floor: a hand-written loop indexing one resident uint8 tensor."""
    from torch import nn
    from torchvision import datasets

    from torchdesk.plugins.models import build_mlp

    torch.manual_seed(0)
    ds = datasets.FashionMNIST(root=str(root), train=True, download=False)
    images, labels = ds.data.unsqueeze(1), ds.targets
    model = build_mlp((1, 28, 28), 10)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
    start = time.perf_counter()
    order = torch.randperm(len(images))
    model.train()
    for i in range(0, len(images), 64):
        index = order[i:i + 64]
        X = images.index_select(0, index).float().div_(255)
        loss = loss_fn(model(X), labels.index_select(0, index))
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        loss.item()
    return time.perf_counter() - start


def engine_epoch(root: Path) -> float:
    """(c) torchdesk's engine: the same run built from the registry, one training epoch."""
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run

    config = RunConfig(dataset=ComponentChoice("fashion-mnist"), model=ComponentChoice("mlp"),
                       optimizer=ComponentChoice("sgd"), loss=ComponentChoice("cross-entropy"), transforms=(),
                       epochs=1, batch_size=64, lr=1e-3, lr_schedule="constant", device="cpu", seed=0, data_dir=str(root))
    run = build_run(config, listeners=[lambda event: None])
    start = time.perf_counter()
    run.trainer.train_loop(1)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=1, help="take the best of N epochs for each")
    args = parser.parse_args()
    root = ensure_data(args.data_dir)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, data {root}")
    timings = {}
    for label, fn in (("(a) walkthrough DataLoader loop", walkthrough_epoch),
                      ("(b) hand-written resident loop", resident_epoch),
                      ("(c) torchdesk engine", engine_epoch)):
        timings[label[:3]] = min(fn(root) for _ in range(args.repeats))
        print(f"{label:34s} {timings[label[:3]]:7.2f} s/epoch")
    a, b, c = timings["(a)"], timings["(b)"], timings["(c)"]
    print(f"a/c = {a / c:5.2f}  (engine speed-up over the walkthrough loop; target >= 3)")
    print(f"c/b = {c / b:5.2f}  (engine overhead over the hand-written floor; target <= 1.1)")


if __name__ == "__main__":
    main()
