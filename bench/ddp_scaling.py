"""Training throughput of 1 and 2 processes under torchrun (gloo on CPU), from one run.

Informative only: this machine has 2 cores, so two processes share them. Each
configuration trains the CNN for one epoch on generated MNIST-shaped data (or
``../shared/data`` with ``--data-dir``) at the same global batch size and prints
samples per second and the speed-up. Each process uses ``--threads`` torch threads (1 by
default), so the comparison is one core against two rather than two threads against
two processes fighting over the same cores.

    python bench/ddp_scaling.py [--samples 12000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(processes: int, data_dir: Path, samples: int, global_batch: int, threads: int) -> float:
    """Seconds of one training epoch (from the checkpoint's history) with ``processes`` ranks."""
    out = Path(tempfile.mkdtemp(prefix="torchdesk-ddp-run-")) / "run.pt"
    args = ["train", "--dataset", "mnist", "--model", "cnn", "--epochs", "1", "--device", "cpu",
            "--batch-size", str(global_batch // processes), "--train-subset", str(samples),
            "--test-subset", "1000", "--data-dir", str(data_dir), "--out", str(out)]
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", str(processes),
               "-m", "torchdesk.core.cli", *args]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    from torchdesk.core.checkpoint import load_checkpoint

    return float(load_checkpoint(out).history["epochs"][0]["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--samples", type=int, default=12000)
    parser.add_argument("--global-batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads per process (1: each process gets one core, so 2 processes use 2)")
    args = parser.parse_args()
    data_dir = args.data_dir
    if data_dir is None or not (data_dir / "MNIST" / "raw").is_dir():
        sys.path.insert(0, str(ROOT / "tests"))
        from datagen import write_mnist_like

        data_dir = write_mnist_like(Path(tempfile.mkdtemp(prefix="torchdesk-ddp-")), "mnist",
                                    n_train=args.samples, n_test=1000)
    cores = os.cpu_count() or 1
    results = {}
    for processes in (1, 2):
        seconds = run(processes, data_dir, args.samples, args.global_batch, threads=args.threads)
        results[processes] = args.samples / seconds
        print(f"{processes} process(es): {seconds:6.1f} s/epoch  {results[processes]:8.0f} samples/s")
    print(f"speed-up 2 vs 1 process: {results[2] / results[1]:.2f}x  ({cores} CPU cores here)")


if __name__ == "__main__":
    main()
