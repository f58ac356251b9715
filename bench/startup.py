"""How fast the desktop app starts, next to the cost of importing torch itself.

Prints, from one run (each figure the median of ``--repeat`` launches):
  * time from process start to the first painted window,
  * time until training can start (panels built, Start enabled),
  * time of ``python -c "import torch, torchvision"`` for comparison,
  * time of ``python -c pass`` (the interpreter alone).
Target on the 2-core dev machine: first paint <= 1.0 s.

With ``--plugins N`` it also installs N small third-party plugin distributions (each
offering a model, an optimizer, a scheduler, a callback and a metric, importing only
torchdesk's contract modules, as the guide asks) into a temporary folder on
``PYTHONPATH``, and prints first paint and the time of ``torchdesk plugins`` with them
next to the same figures with the built-ins only, and their ratios.

    python bench/startup.py [--repeat 3] [--plugins 20]
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


PLUGIN_SOURCE = """
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import CallbackSpec, MetricSpec, ModelSpec, OptimizerSpec, Param, SchedulerSpec

NS = {name!r}

def build_model(input_shape, num_classes, hidden=32):
    from torch import nn
    c, h, w = input_shape
    return nn.Sequential(nn.Flatten(), nn.Linear(c * h * w, hidden), nn.ReLU(), nn.Linear(hidden, num_classes))

def build_optimizer(parameters, lr, momentum=0.0):
    import torch
    return torch.optim.SGD(parameters, lr=lr, momentum=momentum)

@hookimpl
def torchdesk_models():
    return [ModelSpec(id=NS + ".mlp", name=NS + " MLP", description="A bench model.", factory=build_model,
                      params=(Param("hidden", "int", 32, "Hidden units.", minimum=1, maximum=4096),))]

@hookimpl
def torchdesk_optimizers():
    return [OptimizerSpec(id=NS + ".sgd", name=NS + " SGD", description="A bench optimizer.",
                          factory=build_optimizer,
                          params=(Param("momentum", "float", 0.0, "Momentum.", minimum=0.0, maximum=0.999),))]

@hookimpl
def torchdesk_schedulers():
    return [SchedulerSpec(id=NS + ".flat", name=NS + " flat", description="A bench schedule.",
                          factory=lambda total_epochs: (lambda epoch: 1.0))]

@hookimpl
def torchdesk_callbacks():
    return [CallbackSpec(id=NS + ".quiet", name=NS + " quiet", description="A bench callback.",
                         factory=lambda: (lambda event, control: None))]

@hookimpl
def torchdesk_metrics():
    return [MetricSpec(id=NS + ".none", name=NS + " none", description="A bench metric.",
                       factory=lambda num_classes: None)]
"""


def install_plugins(site: str, count: int) -> None:
    """Write ``count`` plugin distributions into ``site`` (a dist-info folder beside each module, as pip does)."""
    for index in range(count):
        name = f"bench{index:02d}"
        with open(os.path.join(site, f"{name}_plugin.py"), "w", encoding="utf-8") as fh:
            fh.write(PLUGIN_SOURCE.format(name=name))
        info = os.path.join(site, f"torchdesk_{name}-1.0.dist-info")
        os.makedirs(info, exist_ok=True)
        with open(os.path.join(info, "METADATA"), "w", encoding="utf-8") as fh:
            fh.write(f"Metadata-Version: 2.1\nName: torchdesk-{name}\nVersion: 1.0\n")
        with open(os.path.join(info, "entry_points.txt"), "w", encoding="utf-8") as fh:
            fh.write(f"[torchdesk]\n{name} = {name}_plugin\n")
    import compileall

    compileall.compile_dir(site, quiet=1)  # pip writes the bytecode at install time too


def time_plugins_command(env: dict[str, str]) -> float:
    """Wall time of ``torchdesk plugins`` (run as ``python -m torchdesk.core.cli plugins``)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "torchdesk.core.cli", "plugins"], env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def compare_plugins(count: int, repeat: int) -> None:
    """First paint and ``torchdesk plugins`` with ``count`` extra plugins against the built-ins only."""
    with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as site:
        install_plugins(site, count)
        base = dict(os.environ, TORCHDESK_STARTUP_PROBE="1", TORCHDESK_HOME=home)
        base.setdefault("QT_QPA_PLATFORM", "offscreen")
        with_plugins = dict(base, PYTHONPATH=os.pathsep.join(filter(None, [site, base.get("PYTHONPATH", "")])))
        launch_app(with_plugins)  # warm the file cache (and the plugins' bytecode) once
        paint = {label: [] for label in ("builtin", "plugins")}
        listing = {label: [] for label in ("builtin", "plugins")}
        for _ in range(repeat):  # interleaved, so a busy moment of the shared machine hits both alike
            for label, env in (("builtin", base), ("plugins", with_plugins)):
                paint[label].append(launch_app(env)[0])
                listing[label].append(time_plugins_command(env))
    p_base, p_plug = statistics.median(paint["builtin"]), statistics.median(paint["plugins"])
    l_base, l_plug = statistics.median(listing["builtin"]), statistics.median(listing["plugins"])
    print(f"first paint, built-ins only:      {p_base:6.2f} s")
    print(f"first paint, {count} plugins:         {p_plug:6.2f} s   (target <= 1.0 s; ratio {p_plug / p_base:.2f})")
    print(f"torchdesk plugins, built-ins only: {l_base:6.2f} s")
    print(f"torchdesk plugins, {count} plugins:   {l_plug:6.2f} s   (target ratio <= 1.5; ratio {l_plug / l_base:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="launches per figure (the median is shown)")
    parser.add_argument("--plugins", type=int, default=0, help="also compare with this many installed test plugins")
    args = parser.parse_args()
    if args.plugins > 0:
        compare_plugins(args.plugins, args.repeat)
        return
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
