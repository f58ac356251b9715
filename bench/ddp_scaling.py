"""Training throughput of 1 and 2 processes under torchrun (gloo on CPU), from one run.

Informative only: this machine has 2 cores, so two processes share them. Each
configuration trains the CNN for one epoch on generated MNIST-shaped data (or
``../shared/data`` with ``--data-dir``) at the same global batch size and prints
samples per second and the speed-up.

    python bench/ddp_scaling.py [--samples 12000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(processes: int, data_dir: Path, samples: int, global_batch: int, threads: int) -> float:
    """Wall time of one epoch of training with ``processes`` ranks."""
    args = ["train", "--dataset", "mnist", "--model", "cnn", "--epochs", "1", "--device", "cpu",
            "--batch-size", str(global_batch // processes), "--train-subset", str(samples),
            "--test-subset", "1000", "--data-dir", str(data_dir)]
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", str(processes),
               "-m", "torchdesk.core.cli", *args]
    env = dict(os.environ, OMP_NUM_THREADS=str(threads))
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    match = re.search(r"epoch 1/1 .*\((\d+):(\d+)\)", result.stderr)
    epoch_seconds = int(match.group(1)) * 60 + int(match.group(2)) if match else elapsed
    return max(epoch_seconds, 1e-9) if match and epoch_seconds > 0 else elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--samples", type=int, default=12000)
    parser.add_argument("--global-batch", type=int, default=128)
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
        seconds = run(processes, data_dir, args.samples, args.global_batch, threads=max(1, cores // processes))
        results[processes] = args.samples / seconds
        print(f"{processes} process(es): {seconds:6.1f} s/epoch  {results[processes]:8.0f} samples/s")
    print(f"speed-up 2 vs 1 process: {results[2] / results[1]:.2f}x  ({cores} CPU cores here)")


if __name__ == "__main__":
    main()
