"""What live plotting costs: the same training headless and with the Train panel attached.

One process, generated Fashion-MNIST-shaped data (written in the real IDX format),
the same config and seed for both. Training time is the sum of the trainer's own
per-epoch seconds, so data loading and window building are left out. The modes
alternate for ``--rounds`` rounds and the best time of each is compared.
Target: ratio (panel / headless) <= 1.05. With ``--all-panels`` every panel is
built, and the Data panel is open on a 60,000-image training split with a
compatible model current (what a person browsing the data while training has).

    python bench/gui_overhead.py [--model mlp] [--epochs 2] [--train 12000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="mlp", help="model id (mlp makes many short batches: the worst case)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--train", type=int, default=12000, help="training samples to generate")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", metavar="FILE",
                        help="write a cProfile of the GUI thread while the last panel run trains (read with pstats)")
    parser.add_argument("--all-panels", action="store_true",
                        help="build every panel (they follow training too), not just the Train panel")
    args = parser.parse_args()

    from datagen import write_mnist_like
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtTest import QTest

    from torchdesk.core.registry import get_registry
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run
    from torchdesk.core.threads import use_all_threads_here
    from torchdesk.desktop.app import ensure_application
    from torchdesk.desktop import main_window
    from torchdesk.desktop.main_window import MainWindow

    if not args.all_panels:
        main_window.PANELS = [entry for entry in main_window.PANELS if entry[0] == "train"]

    app = ensure_application()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["TORCHDESK_HOME"] = scratch
        n_train = max(args.train, 60_000) if args.all_panels else args.train
        root = write_mnist_like(Path(scratch) / "data", "fashion-mnist", n_train=n_train, n_test=2000)
        config = RunConfig(dataset=ComponentChoice("fashion-mnist"), model=ComponentChoice(args.model),
                           optimizer=ComponentChoice("sgd"), epochs=args.epochs, batch_size=args.batch_size,
                           lr=1e-3, device="cpu", seed=0, data_dir=str(root),
                           train_subset=args.train if n_train > args.train else 0)
        registry = get_registry()
        window = MainWindow(settings=QSettings(str(Path(scratch) / "s.ini"), QSettings.Format.IniFormat),
                            persist=False)
        window.resize(1280, 800)
        window.show()
        # A person clicks Start in a window already on screen: its first paint is not part of a run.
        QTest.qWaitForWindowExposed(window)
        app.processEvents()
        panel = window.panels["train"]
        if args.all_panels:
            open_data_panel(window, app, root)
            window.show_panel("train")

        def headless() -> float:
            # On a plain thread, like the panel's worker, while this thread just waits.
            result = {}

            def work() -> None:
                use_all_threads_here()  # as the panel's worker does
                run = build_run(config, registry)
                run.trainer.run()
                result["seconds"] = sum(e["seconds"] for e in run.trainer.history["epochs"])

            thread = threading.Thread(target=work)
            thread.start()
            thread.join()
            return result["seconds"]

        def with_panel() -> tuple[float, int]:
            panel.set_config(config)
            loop = QEventLoop()  # idle between events, as in the app (no polling)
            cpu = {}

            def started(_run: object) -> None:
                cpu["start"] = time.thread_time()
                if profiler is not None:
                    profiler.enable()

            def stopped(running: bool) -> None:
                if not running:
                    cpu["end"] = time.thread_time()
                    if profiler is not None:
                        profiler.disable()
                    loop.quit()

            # GUI work while the model trains, from the run being built to the thread's end.
            panel.controller.run_ready.connect(started)
            panel.controller.running_changed.connect(stopped)
            panel.start()
            if panel.controller.running:
                loop.exec()
            panel.controller.run_ready.disconnect(started)
            panel.controller.running_changed.disconnect(stopped)
            app.processEvents()
            gui_cpu.append(cpu["end"] - cpu["start"])
            return sum(e["seconds"] for e in panel.run.trainer.history["epochs"]), panel.plots.point_count

        profiler = None
        headless()  # warm-up: first-touch allocations, kernels
        plain, gui, gui_cpu, points = [], [], [], 0
        for round_number in range(args.rounds):
            plain.append(headless())
            if args.profile and round_number == args.rounds - 1:
                profiler = cProfile.Profile()
            seconds, points = with_panel()
            gui.append(seconds)
        if profiler is not None:
            profiler.dump_stats(args.profile)
        window.shutdown()
        window.close()
    best_plain, best_gui = min(plain), min(gui)
    batches = points
    print(f"panels: {'all' if args.all_panels else 'Train only'}")
    print(f"model {args.model}, {args.train} samples x {args.epochs} epochs, batch {args.batch_size}: "
          f"{batches} batches per run")
    print(f"headless:         {best_plain:7.2f} s  (rounds: {', '.join(f'{t:.2f}' for t in plain)})")
    print(f"with Train panel: {best_gui:7.2f} s  (rounds: {', '.join(f'{t:.2f}' for t in gui)})")
    print(f"GUI thread CPU while training: {min(gui_cpu):.2f} s (rounds: {', '.join(f'{t:.2f}' for t in gui_cpu)}); "
          f"{100 * min(gui_cpu) / best_plain:.1f}% of one core over the headless training time")
    paired = sorted(g / p for g, p in zip(gui, plain))
    print(f"ratio panel/headless: {best_gui / best_plain:.3f}   (target <= 1.05; best of each; "
          f"median of the {len(paired)} back-to-back rounds: {paired[len(paired) // 2]:.3f})")


def open_data_panel(window, app, root: Path) -> None:  # type: ignore[no-untyped-def]
    """The Data panel open on the 60,000-image training split, with a compatible (Fashion-MNIST) model current."""
    from torchdesk.core.bundled import load_bundled
    from torchdesk.core.compatibility import data_identity

    window.state.set_data_dir(root)
    window.state.set_predictor(load_bundled("fashion-mnist"))
    window.show_panel("data")
    data = window.panels["data"]
    data.select_dataset("fashion-mnist", train=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (data.is_loaded() and not data.state.tasks.running()):
        app.processEvents()
        time.sleep(0.01)
    if not data.is_loaded():
        raise SystemExit(f"the Data panel did not open the split: {data.banner_text()}")
    opened = data.opened
    fits = window.state.fit(data_identity(data.spec, opened.class_names, opened.sample_shape))
    print(f"Data panel: {len(opened.labels)} images open; the current model fits them: {bool(fits)}")


if __name__ == "__main__":
    main()
