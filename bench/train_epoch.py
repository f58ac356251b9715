"""Seconds per training epoch: the walkthrough's DataLoader loop, a hand-written resident loop, the engine.

(a)-(c) train the walkthrough's MLP with SGD (lr 1e-3) and batch size 64 for one
epoch over the Fashion-MNIST training split (``../shared/data`` when present,
otherwise generated data of the same shape written in the real IDX format), in fp32.
Prints the times and the ratios a/c (target >= 3) and c/b (target <= 1.1).

(d)-(g) train the built-in CNN (AdamW, batch 64) on the first ``--cnn-samples``
training images: the engine in fp32, the engine in a new run's default precision
(``auto``: bf16 on a CPU with native BF16), and a hand-written resident loop in that
same precision (autocast, channels-last weights, the thread count the engine chose).
Prints d/e (default precision's speed-up over fp32; target >= 1.4 here) and f-ratio
e/f (engine over the hand-written loop in the same precision; target <= 1.1).

    python bench/train_epoch.py [--data-dir DIR] [--repeats N] [--cnn-samples N] [--quick]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import torchdesk.core  # noqa: F401  (sets the OpenMP wait policy before torch loads, as the app does)
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


def cnn_config(root: Path, samples: int, precision: str):  # type: ignore[no-untyped-def]
    """The CNN run of lines (d)-(f)."""
    from torchdesk.core.run_config import ComponentChoice, RunConfig

    return RunConfig(dataset=ComponentChoice("fashion-mnist"), model=ComponentChoice("cnn"), epochs=1, batch_size=64,
                     lr=1e-3, lr_schedule="constant", device="cpu", seed=0, data_dir=str(root), train_subset=samples,
                     test_subset=1000, precision=precision)


def engine_cnn_epoch(root: Path, samples: int, precision: str) -> tuple[float, str, int]:
    """(d)/(e) the engine training the CNN for one epoch; seconds, the precision it used and its thread count."""
    from torchdesk.core.session import build_run
    from torchdesk.core.thread_tuner import ThreadsChosen

    chosen: list[int] = []
    run = build_run(cnn_config(root, samples, precision),
                    listeners=[lambda e: chosen.append(e.threads) if isinstance(e, ThreadsChosen) else None])
    start = time.perf_counter()
    run.trainer.train_loop(1)
    seconds = time.perf_counter() - start
    torch.set_num_threads(run.threads.restore_to if run.threads and run.threads.restore_to else 1)
    return seconds, run.precision, (chosen[-1] if chosen else torch.get_num_threads())


def hand_cnn_epoch(root: Path, samples: int, precision: str, threads: int) -> float:
    """(f) a hand-written resident loop: the CNN in ``precision`` with autocast and channels-last weights."""
    from torch import nn

    from torchdesk.core.data import load_data
    from torchdesk.core.precision import autocast_for
    from torchdesk.core.registry import get_registry
    from torchdesk.plugins.models import build_cnn

    data = load_data(cnn_config(root, samples, precision), get_registry(), torch.device("cpu"))
    torch.manual_seed(0)
    model = build_cnn(data.input_shape, 10).to(memory_format=torch.channels_last)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    try:
        batches = list(data.train_batches)  # the same normalised batches the engine trains on
        start = time.perf_counter()
        model.train()
        for X, y in batches:
            with autocast_for(precision, torch.device("cpu")):
                loss = loss_fn(model(X), y)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            loss.item()
        return time.perf_counter() - start
    finally:
        torch.set_num_threads(previous)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeats", type=int, default=1, help="take the best of N epochs for each")
    parser.add_argument("--cnn-samples", type=int, default=0, help="training images for lines (d)-(f) "
                                                                    "(default 20,000; --quick 4,000)")
    parser.add_argument("--quick", action="store_true", help="short CNN lines (to see that it works)")
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
    from torchdesk.core.precision import NEW_RUN_PRECISION

    samples = args.cnn_samples or (4_000 if args.quick else 20_000)
    fp32 = min(engine_cnn_epoch(root, samples, "fp32")[0] for _ in range(args.repeats))
    print(f"{'(d) engine, CNN, fp32':34s} {fp32:7.2f} s/{samples:,} samples")
    default = min((engine_cnn_epoch(root, samples, NEW_RUN_PRECISION) for _ in range(args.repeats)),
                  key=lambda result: result[0])
    print(f"{'(e) engine, CNN, ' + NEW_RUN_PRECISION + ' -> ' + default[1]:34s} {default[0]:7.2f} s/{samples:,} "
          f"samples ({default[2]} thread{'s' if default[2] > 1 else ''})")
    hand = min(hand_cnn_epoch(root, samples, default[1], default[2]) for _ in range(args.repeats))
    print(f"{'(f) hand-written loop, ' + default[1]:34s} {hand:7.2f} s/{samples:,} samples")
    from torchdesk.core import session

    wants = session.wants_channels_last
    session.wants_channels_last = lambda *_args: False  # the engine as it trained before channels-last and precision
    try:
        before = min(engine_cnn_epoch(root, samples, "fp32")[0] for _ in range(args.repeats))
    finally:
        session.wants_channels_last = wants
    print(f"{'(g) engine, CNN, fp32, NCHW (before)':34s} {before:7.2f} s/{samples:,} samples")
    print(f"d/e = {fp32 / default[0]:5.2f}  (default precision's speed-up over fp32 on the CNN; target >= 1.4 here)")
    print(f"e/f = {default[0] / hand:5.2f}  (engine over a hand-written loop in the same precision; target <= 1.1)")
    print(f"g/e = {before / default[0]:5.2f}  (today's default over the engine before channels-last and mixed precision)")


if __name__ == "__main__":
    main()
