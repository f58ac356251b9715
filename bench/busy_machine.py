"""Training time with the engine's own thread choice against every fixed thread count, busy and quiet.

"Busy" runs a second process that holds one core with a busy loop while the runs
train; "quiet" runs without it (the machine is only as quiet as it is: the ratios
mean little while other work is going on, so run this on an otherwise idle machine).
Every run is the engine (``build_run`` + ``Trainer.run``) training the MLP on MNIST
(``../shared/data`` when present, else generated data in the real IDX format) for
one epoch, in this process, the counts interleaved, best of three each. Prints each
time and the ratio of the engine's own choice to the best fixed count (targets: busy
<= 1.15, quiet <= 1.05). About two minutes on 2 cores; ``--quick`` only shows it works.
The OpenMP wait policy is torchdesk's (``core/omp_env.py``) unless the environment
sets one: ``OMP_WAIT_POLICY=PASSIVE python bench/busy_machine.py`` compares another.

    python bench/busy_machine.py [--quick] [--samples N] [--model mlp|cnn] [--repeats N] [--only busy|quiet]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def ensure_data(data_dir: Path, samples: int) -> Path:
    """Real MNIST if present, else generated images of the same shape in the IDX format."""
    if (data_dir / "MNIST" / "raw").is_dir():
        return data_dir
    sys.path.insert(0, str(ROOT / "tests"))
    from datagen import write_mnist_like

    root = Path(tempfile.mkdtemp(prefix="torchdesk-bench-"))
    print(f"(no MNIST at {data_dir}; generating {samples:,} images in {root})")
    return write_mnist_like(root, "mnist", n_train=samples, n_test=1000)


def timed_run(root: Path, model: str, samples: int, threads: int | None) -> tuple[float, str]:
    """Seconds for one epoch (train and test pass) with ``threads`` fixed, or the engine's choice for None."""
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run
    from torchdesk.core.thread_tuner import ThreadsChosen
    from torchdesk.core.threads import fix_training_threads

    chosen: list[int] = []
    fix_training_threads(threads)
    try:
        config = RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice(model),
                           optimizer=ComponentChoice("sgd"), transforms=(), epochs=1, batch_size=64, lr=1e-2,
                           lr_schedule="constant", device="cpu", seed=0, data_dir=str(root),
                           train_subset=samples, test_subset=1000)
        run = build_run(config, listeners=[lambda e: chosen.append(e.threads) if isinstance(e, ThreadsChosen)
                                           else None])
        start = time.perf_counter()
        run.trainer.run()
        seconds = time.perf_counter() - start
    finally:
        fix_training_threads(None)
    return seconds, " → ".join(str(count) for count in chosen)


def compare(root: Path, model: str, samples: int, repeats: int, label: str, target: float) -> None:
    """Time the engine's own choice and each fixed count (interleaved, best of ``repeats``); print the ratio."""
    from torchdesk.core.thread_tuner import candidate_counts
    from torchdesk.core.threads import training_threads

    counts: list[int | None] = [None, *candidate_counts(training_threads())]
    best: dict[int | None, float] = {}
    path: dict[int | None, str] = {}
    for _ in range(repeats):
        for count in counts:
            seconds, chosen = timed_run(root, model, samples, count)
            if seconds < best.get(count, float("inf")):
                best[count], path[count] = seconds, chosen
    print(f"-- {label}")
    for count in counts:
        name = "engine's own choice" if count is None else f"fixed {count} thread{'s' if count > 1 else ''}"
        extra = f"   (chose {path[count]})" if count is None else ""
        print(f"   {name:24s} {best[count]:7.2f} s{extra}")
    fixed_best = min(best[count] for count in counts if count is not None)
    print(f"   own choice / best fixed = {best[None] / fixed_best:4.2f}  (target <= {target})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", choices=("mlp", "cnn"), default="mlp")
    parser.add_argument("--samples", type=int, default=0, help="training samples per epoch (default 60,000; "
                                                                "--quick 8,000)")
    parser.add_argument("--repeats", type=int, default=0, help="best of N runs for each count (default 3; --quick 1)")
    parser.add_argument("--quick", action="store_true", help="a short run (under a minute) to see that it works")
    parser.add_argument("--only", choices=("busy", "quiet"), help="run one of the two cases")
    args = parser.parse_args()
    samples = args.samples or (8_000 if args.quick else 60_000)
    repeats = args.repeats or (1 if args.quick else 3)
    import os

    import torchdesk.core  # noqa: F401  (sets the OpenMP wait policy before torch loads, as the app does)
    import torch

    root = ensure_data(args.data_dir, samples)
    policy = ", ".join(f"{name}={os.environ[name]}" for name in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")
                       if name in os.environ) or "OpenMP's default wait policy"
    print(f"torch {torch.__version__}, {os.cpu_count()} cores, {policy}, "
          f"{args.model} on {samples:,} samples at batch 64, data {root}")
    if args.only != "quiet":
        spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        try:
            time.sleep(0.5)
            compare(root, args.model, samples, repeats, "busy: one core held by a busy loop", 1.15)
        finally:
            spinner.kill()
            spinner.wait()
    if args.only != "busy":
        compare(root, args.model, samples, repeats, "quiet: nothing else started by this bench", 1.05)


if __name__ == "__main__":
    main()
