"""Time to a target test accuracy for batch-size / learning-rate pairs, in a new run's default precision.

Time per epoch rewards large batches; what a person waits for is a model that is
good enough. For each built-in model on its dataset (``../shared/data``), each pair
trains a seeded run (AdamW, cosine over ``--epochs``) and reports the training time
(train and test passes) until the test accuracy first reached the target, or that
it did not. The first pair of each model is the current default (64, 1e-3).

    python bench/time_to_accuracy.py [--epochs N] [--only cnn|mlp] [--quick]
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
CASES = {  # model: (dataset, target accuracy, (batch size, learning rate) pairs)
    "cnn": ("fashion-mnist", 0.90, ((64, 1e-3), (128, 2e-3), (256, 3e-3))),
    "mlp": ("mnist", 0.975, ((64, 1e-3), (128, 2e-3), (256, 3e-3))),
}


def seconds_to_target(data_dir: Path, model: str, batch: int, lr: float, epochs: int,
                      train_subset: int) -> tuple[float | None, list[tuple[float, float]]]:
    """Seconds until the target was first reached (None if never) and (seconds so far, accuracy) per epoch."""
    from torchdesk.core.precision import NEW_RUN_PRECISION
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run

    dataset, target, _ = CASES[model]
    config = RunConfig(dataset=ComponentChoice(dataset), model=ComponentChoice(model), epochs=epochs,
                       batch_size=batch, lr=lr, seed=0, device="cpu", data_dir=str(data_dir),
                       precision=NEW_RUN_PRECISION, train_subset=train_subset)
    run = build_run(config)
    run.trainer.run()
    elapsed, curve, reached = 0.0, [], None
    for record in run.trainer.history["epochs"]:
        elapsed += record["seconds"]
        curve.append((elapsed, record["test_accuracy"]))
        if reached is None and record["test_accuracy"] >= target:
            reached = elapsed
    return reached, curve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--only", choices=tuple(CASES))
    parser.add_argument("--quick", action="store_true", help="one epoch on 10,000 samples (to see that it works)")
    args = parser.parse_args()
    import torchdesk.core  # noqa: F401  (as the app: before torch loads)

    epochs, subset = (1, 10_000) if args.quick else (args.epochs, 0)
    for model, (dataset, target, pairs) in CASES.items():
        if args.only and model != args.only:
            continue
        print(f"{model} on {dataset}, target {100 * target:.1f}%, {epochs} epoch(s) with cosine:", flush=True)
        for batch, lr in pairs:
            reached, curve = seconds_to_target(args.data_dir, model, batch, lr, epochs, subset)
            steps = "  ".join(f"{s:5.1f} s {100 * a:5.2f}%" for s, a in curve)
            verdict = f"{reached:6.1f} s" if reached is not None else "   not reached"
            print(f"  batch {batch:4d} lr {lr:g}: {verdict}   ({steps})", flush=True)


if __name__ == "__main__":
    main()
