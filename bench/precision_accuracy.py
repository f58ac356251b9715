"""Test accuracy of mixed precision against fp32: the CNN on Fashion-MNIST and the MLP on MNIST.

Each pair trains the same seeded run twice, in fp32 and in the mixed precision
``auto`` picks here (bf16 on a CPU with native BF16), with the default settings
(AdamW, lr 1e-3, cosine, batch 64), and prints both test accuracies and their gap
(target: within 0.3 points). Needs the real data in ``../shared/data``.

    python bench/precision_accuracy.py [--cnn-epochs N] [--mlp-epochs N] [--precision bf16|fp16|auto]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def accuracy(data_dir: Path, dataset: str, model: str, epochs: int, precision: str) -> tuple[str, float, float]:
    """(precision used, final test accuracy, seconds) of one seeded run."""
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run

    config = RunConfig(dataset=ComponentChoice(dataset), model=ComponentChoice(model), epochs=epochs, seed=0,
                       device="cpu", data_dir=str(data_dir), precision=precision)
    run = build_run(config)
    start = time.perf_counter()
    result = run.trainer.run()
    if not run.trainer.history["epochs"] or getattr(result, "cancelled", True):
        raise SystemExit(f"{model} in {precision} did not finish: {getattr(result, 'message', result)}")
    return run.precision, run.trainer.history["epochs"][-1]["test_accuracy"], time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cnn-epochs", type=int, default=3)
    parser.add_argument("--mlp-epochs", type=int, default=5)
    parser.add_argument("--precision", default="auto", help="the mixed precision to compare (default auto)")
    args = parser.parse_args()
    import torchdesk.core  # noqa: F401  (as the app: before torch loads)

    for dataset, model, epochs in (("fashion-mnist", "cnn", args.cnn_epochs), ("mnist", "mlp", args.mlp_epochs)):
        used32, acc32, s32 = accuracy(args.data_dir, dataset, model, epochs, "fp32")
        used, acc, seconds = accuracy(args.data_dir, dataset, model, epochs, args.precision)
        print(f"{model} on {dataset}, {epochs} epochs: fp32 {100 * acc32:.2f}% ({s32:.0f} s), "
              f"{used} {100 * acc:.2f}% ({seconds:.0f} s), gap {100 * (acc - acc32):+.2f} points "
              f"(target within 0.3)", flush=True)


if __name__ == "__main__":
    main()
