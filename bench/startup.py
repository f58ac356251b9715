"""How fast the desktop app starts, next to the cost of importing torch itself.

Prints, from one run (each figure the median of ``--repeat`` launches):
  * time from process start to the first painted window,
  * time until training can start (panels built, Start enabled),
  * time of ``python -c "import torch, torchvision"`` for comparison,
  * time of ``python -c pass`` (the interpreter alone).
Target on the 2-core dev machine: first paint <= 1.0 s.

    python bench/startup.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

APP = "from torchdesk.desktop.app import main; raise SystemExit(main([]))"


def launch_app(env: dict[str, str]) -> tuple[float, float]:
    """(seconds to first paint, seconds to ready) for one launch."""
    started = time.time()
    proc = subprocess.run([sys.executable, "-c", APP], env=env, capture_output=True, text=True, timeout=300)
    marks = {}
    for line in proc.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name in ("first_paint", "ready"):
            marks[name] = float(value)
    if "first_paint" not in marks or "ready" not in marks:
        raise SystemExit(f"the app did not report its start-up (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return marks["first_paint"] - started, marks["ready"] - started


def time_command(code: str) -> float:
    """Wall time of ``python -c code``."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="launches per figure (the median is shown)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TORCHDESK_STARTUP_PROBE="1", TORCHDESK_HOME=home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        launch_app(env)  # warm the file cache once
        runs = [launch_app(env) for _ in range(args.repeat)]
    paint = statistics.median(r[0] for r in runs)
    ready = statistics.median(r[1] for r in runs)
    torch_import = statistics.median(time_command("import torch, torchvision") for _ in range(args.repeat))
    bare = statistics.median(time_command("pass") for _ in range(args.repeat))
    print(f"first paint:                    {paint:6.2f} s   (target <= 1.0 s)")
    print(f"training can start:             {ready:6.2f} s")
    print(f"python -c 'import torch, torchvision': {torch_import:6.2f} s")
    print(f"python -c pass:                 {bare:6.2f} s")
    print(f"first paint / torch import:     {paint / torch_import:6.2f}")


if __name__ == "__main__":
    main()
