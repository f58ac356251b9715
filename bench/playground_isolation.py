"""What running playground code in a worker process costs, and what it saves the window.

1. Time from Run to the first printed output for a trivial snippet (``print(1)``):
   the evaluator called in this process (the baseline), the worker called directly,
   and the Playground panel (task + worker + signal, what a person waits for).
   Target: the panel adds at most 50 ms to the in-process baseline.
2. The GUI thread's longest stall while hostile code runs through the panel: a
   million-character line, thousands of prints, then an allocation loop until the
   memory cap; and a long C call (sorting 20 million values) stopped by Interrupt.
   Target: at most 100 ms.

Run it alone on a quiet machine::

    python bench/playground_isolation.py [--repeats 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def first_output_in_process(repeats: int) -> list[float]:
    from torchdesk.core.playground import Evaluator

    evaluator = Evaluator()
    times = []
    for _ in range(repeats):
        first: list[float] = []
        started = time.perf_counter()
        evaluator.run("print(1)", output=lambda _t: first.append(time.perf_counter()) if not first else None)
        times.append(first[0] - started)
    return times


def first_output_worker(repeats: int) -> list[float]:
    from torchdesk.core.playground.kernel_client import PlaygroundKernel

    kernel = PlaygroundKernel()
    kernel.run("pass")  # started and warm
    times = []
    try:
        for _ in range(repeats):
            first: list[float] = []
            started = time.perf_counter()
            kernel.run("print(1)", on_output=lambda _t: first.append(time.perf_counter()) if not first else None)
            times.append(first[0] - started)
    finally:
        kernel.close()
    return times


def panel_measurements(repeats: int) -> tuple[list[float], dict[str, int]]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from torchdesk.core.playground.kernel_client import PlaygroundKernel
    from torchdesk.core.registry import PluginRegistry
    from torchdesk.desktop.panels.playground import PlaygroundPanel
    from torchdesk.desktop.state import AppState

    app = QApplication.instance() or QApplication([])
    panel = PlaygroundPanel(AppState(PluginRegistry()))
    panel.runner.kernel = PlaygroundKernel(memory_cap=1536 * 2**20, grace_s=1.0)
    panel.resize(1100, 700)
    panel.show()

    def run_and_wait(code: str, interrupt_after: str = "") -> None:
        loop = QEventLoop()
        panel.runner.finished.connect(loop.quit)
        if interrupt_after:
            def watch(text: str) -> None:
                if interrupt_after in text:
                    QTimer.singleShot(200, panel.interrupt)
            panel.runner.output.connect(watch)
        panel.run_code(code)
        loop.exec()
        panel.runner.finished.disconnect(loop.quit)
        if interrupt_after:
            panel.runner.output.disconnect(watch)

    run_and_wait("pass")
    times = []
    for _ in range(repeats):
        first: list[float] = []

        def seen(_text: str) -> None:
            if not first:
                first.append(time.perf_counter())
        panel.runner.output.connect(seen)
        started = time.perf_counter()
        run_and_wait("print(1)")
        panel.runner.output.disconnect(seen)
        times.append(first[0] - started)

    stalls: dict[str, int] = {}
    clock = QElapsedTimer()
    ticker = QTimer()
    ticker.setInterval(5)
    longest = [0]
    ticker.timeout.connect(lambda: longest.__setitem__(0, max(longest[0], clock.restart())))
    hostile = {
        "print flood + memory cap": ("print('a' * 1000000)\nfor k in range(5000):\n    print(k)\n"
                                     "xs = []\nwhile True:\n    xs.append(torch.ones(10_000_000))\n", ""),
        "long C call + Interrupt": ("y = torch.randn(20_000_000)\nprint('sorting')\nwhile True:\n    z = y.sort()\n",
                                    "sorting"),
    }
    for name, (code, interrupt_after) in hostile.items():
        app.processEvents()
        longest[0] = 0
        clock.start()
        ticker.start()
        run_and_wait(code, interrupt_after)
        ticker.stop()
        stalls[name] = longest[0]
        panel.reset_variables()
    panel.shutdown()
    return times, stalls


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:7.2f} ms, best {min(values) * 1000:7.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    baseline = first_output_in_process(args.repeats)
    worker = first_output_worker(args.repeats)
    panel, stalls = panel_measurements(args.repeats)
    print("Run to first output of print(1):")
    print(f"  in-process evaluator (baseline)  {ms(baseline)}")
    print(f"  worker process, called directly  {ms(worker)}")
    print(f"  Playground panel (task+worker)   {ms(panel)}")
    added = (statistics.median(panel) - statistics.median(baseline)) * 1000
    print(f"  added by the panel and worker: {added:.2f} ms (median; target <= 50 ms)"
          f"  ratio panel/in-process {statistics.median(panel) / statistics.median(baseline):.1f}")
    print("GUI thread's longest stall during hostile runs (target <= 100 ms):")
    for name, stall in stalls.items():
        print(f"  {name:28s} {stall:5d} ms")


if __name__ == "__main__":
    main()
