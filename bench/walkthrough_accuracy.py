"""Test accuracy of the walkthrough's own loop next to torchdesk's engine, from the same seed.

The walkthrough trains its MLP on Fashion-MNIST with SGD (lr 1e-3) and batch size 64
(about 65% after 5 epochs, 71% after 10). This runs that loop and the engine with the
same seed on ``../shared/data`` and prints both accuracies after each epoch.

    python bench/walkthrough_accuracy.py [--epochs 5] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def walkthrough(root: Path, epochs: int, seed: int) -> list[float]:
    """The walkthrough's train_loop/test_loop; accuracy after each epoch."""
    from walkthrough import walkthrough_run

    run = walkthrough_run(root, seed)
    accuracies = []
    for _ in range(epochs):
        run.train_loop()
        accuracies.append(run.test_accuracy())
    return accuracies


def engine(root: Path, epochs: int, seed: int) -> list[float]:
    """The same run through torchdesk's engine."""
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run

    config = RunConfig(dataset=ComponentChoice("fashion-mnist"), model=ComponentChoice("mlp"),
                       optimizer=ComponentChoice("sgd"), loss=ComponentChoice("cross-entropy"), transforms=(),
                       epochs=epochs, batch_size=64, lr=1e-3, lr_schedule="constant", device="cpu", seed=seed,
                       data_dir=str(root))
    run = build_run(config)
    run.trainer.run()
    return [e["test_accuracy"] for e in run.trainer.history["epochs"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    ours = engine(args.data_dir, args.epochs, args.seed)
    theirs = walkthrough(args.data_dir, args.epochs, args.seed)
    for epoch, (a, b) in enumerate(zip(theirs, ours), start=1):
        print(f"epoch {epoch:2d}  walkthrough {100 * a:6.2f}%  engine {100 * b:6.2f}%  difference {100 * (b - a):+.2f} pp")


if __name__ == "__main__":
    main()
