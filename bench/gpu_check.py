"""On a CUDA machine: one epoch of the built-in CNN on Fashion-MNIST in each precision, with time and accuracy.

Checks that mixed precision on a GPU trains as well as fp32 (the test accuracies
should agree within about 0.3 points) and how much faster it is: fp32, bf16 where
the GPU has it (compute capability 8.0+), fp16 with gradient scaling, and what
``auto`` picks. Data: ``../shared/data`` when it holds Fashion-MNIST, else generated
images of the same shape in the real IDX format (accuracy then means little).
Exits with status 2 and a message when there is no CUDA device.

    python bench/gpu_check.py [--data-dir DIR] [--batch-size N] [--epochs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def ensure_data(data_dir: Path) -> Path:
    """Real Fashion-MNIST if present, else 60,000 + 10,000 generated images in the IDX format."""
    if (data_dir / "FashionMNIST" / "raw").is_dir():
        return data_dir
    sys.path.insert(0, str(ROOT / "tests"))
    from datagen import write_mnist_like

    root = Path(tempfile.mkdtemp(prefix="torchdesk-gpu-check-"))
    print(f"(no Fashion-MNIST at {data_dir}; generating images in {root}: accuracy will mean little)")
    return write_mnist_like(root, "fashion-mnist", n_train=60000, n_test=10000)


def one_run(root: Path, precision: str, batch_size: int, epochs: int) -> tuple[str, float, float]:
    """(precision used, seconds for the run's epochs including the test passes, final test accuracy)."""
    import torch

    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run

    config = RunConfig(dataset=ComponentChoice("fashion-mnist"), model=ComponentChoice("cnn"), epochs=epochs,
                       batch_size=batch_size, lr=1e-3, device="cuda", seed=0, data_dir=str(root), precision=precision)
    run = build_run(config)
    torch.cuda.synchronize()
    start = time.perf_counter()
    result = run.trainer.run()
    torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    if not run.trainer.history["epochs"]:
        raise SystemExit(f"the {precision} run failed: {getattr(result, 'message', result)}")
    return run.precision, seconds, run.trainer.history["epochs"][-1]["test_accuracy"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()
    import torchdesk.core  # noqa: F401  (as the app: before torch loads)
    import torch

    if not torch.cuda.is_available():
        print("gpu_check: no CUDA device here (torch.cuda.is_available() is False); nothing was measured. "
              "Run it on a machine with an NVIDIA GPU.", file=sys.stderr)
        return 2
    from torchdesk.core.precision import PrecisionError, cuda_supports_bf16

    device = torch.device("cuda", 0)
    print(f"torch {torch.__version__}, {torch.cuda.get_device_name(device)}, "
          f"bf16 {'yes' if cuda_supports_bf16(device) else 'no'}, batch {args.batch_size}, {args.epochs} epoch(s)")
    root = ensure_data(args.data_dir)
    one_run(root, "fp32", args.batch_size, 1)  # warm-up: CUDA context, cuDNN autotuning, data on the device
    results: dict[str, tuple[str, float, float]] = {}
    for precision in ("fp32", "bf16", "fp16", "auto"):
        try:
            results[precision] = one_run(root, precision, args.batch_size, args.epochs)
        except PrecisionError as exc:
            print(f"{precision:5s} refused: {exc}")
            continue
        used, seconds, accuracy = results[precision]
        print(f"{precision:5s} ({used:4s}) {seconds:7.2f} s   test accuracy {100 * accuracy:6.2f}%")
    if "fp32" in results:
        base_seconds, base_accuracy = results["fp32"][1], results["fp32"][2]
        for precision, (used, seconds, accuracy) in results.items():
            if precision != "fp32":
                print(f"{precision:5s} vs fp32: {base_seconds / seconds:4.2f}x faster, "
                      f"accuracy {100 * (accuracy - base_accuracy):+.2f} points (target within 0.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
