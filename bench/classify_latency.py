"""Time from the end of a stroke to updated probability bars in the Classify panel (target: <= 30 ms on CPU).

Draws the digits 0-9 in every handwriting style of ``tests/digit_strokes.py`` on the
real panel offscreen. Each stroke is drawn with real mouse events; the clock starts
just before the mouse-release event and stops when the bars have been repainted
(``prediction_shown`` plus the queued paint). The baseline, measured in the same
process, is the model's bare forward pass on one 28x28 image: the ratio says how
much the canvas read-out, the preprocessing and the repaint add on top.

Uses the bundled MNIST model when it is installed, else the same CNN with random
weights (the time does not depend on the weights).

    python bench/classify_latency.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_NUM_THREADS", "2")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import torch  # noqa: E402
from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def mouse(kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> QMouseEvent:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    return QMouseEvent(kind, pos, pos, button, buttons, Qt.KeyboardModifier.NoModifier)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="times to draw the whole set")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    from digit_strokes import STYLES, digit_strokes

    from torchdesk.core import bundled
    from torchdesk.core.predictor import Predictor
    from torchdesk.core.registry import get_registry
    from torchdesk.desktop.panels.classify import ClassifyPanel
    from torchdesk.desktop.state import AppState

    state = AppState(get_registry())
    panel = ClassifyPanel(state)
    panel.resize(900, 560)
    panel.show()
    app.processEvents()
    try:
        predictor = bundled.load_bundled("mnist")
        what = "bundled MNIST model"
    except Exception:
        model = state.registry.model("cnn").factory(input_shape=(1, 28, 28), num_classes=10).eval()
        predictor = Predictor(model, [str(i) for i in range(10)], (1, 28, 28), source="untrained CNN")
        panel.set_checkpoint(predictor)
        what = "built-in CNN, random weights (bundled model not installed)"

    shown: list[float] = []
    panel.prediction_shown.connect(lambda: shown.append(time.perf_counter()))
    canvas = panel.canvas
    to_bars: list[float] = []
    to_paint: list[float] = []
    for _ in range(args.repeats):
        for style in STYLES:
            canvas.set_brush_size(style.pen)
            for digit in range(10):
                panel.clear()
                for stroke in digit_strokes(digit, style):
                    points = [canvas.canvas_to_widget(x, y) for x, y in stroke]
                    app.sendEvent(canvas, mouse(QEvent.Type.MouseButtonPress, points[0], Qt.MouseButton.LeftButton))
                    for p in points[1:]:
                        app.sendEvent(canvas, mouse(QEvent.Type.MouseMove, p, Qt.MouseButton.LeftButton))
                    app.processEvents()
                    shown.clear()
                    start = time.perf_counter()
                    app.sendEvent(canvas, mouse(QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton))
                    app.processEvents()  # the bars' queued repaint
                    painted = time.perf_counter()
                    if shown:
                        to_bars.append(shown[-1] - start)
                        to_paint.append(painted - start)

    x = torch.rand(1, 1, 28, 28)
    forward: list[float] = []
    with torch.no_grad():
        for _ in range(200):
            t = time.perf_counter()
            predictor.model(predictor.transform(x))
            forward.append(time.perf_counter() - t)
    panel.shutdown()

    def ms(values: list[float], q: float) -> float:
        return 1000 * statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else 1000 * values[0]

    base = statistics.median(forward)
    print(f"model: {what}; {len(to_bars)} strokes, torch threads {torch.get_num_threads()}")
    print(f"baseline, bare forward pass:        median {1000 * base:6.2f} ms")
    print(f"stroke end -> bars updated:         median {1000 * statistics.median(to_bars):6.2f} ms, "
          f"p95 {ms(to_bars, 95):6.2f} ms")
    print(f"stroke end -> bars repainted:       median {1000 * statistics.median(to_paint):6.2f} ms, "
          f"p95 {ms(to_paint, 95):6.2f} ms  (target <= 30 ms)")
    print(f"ratio end-to-end / forward pass:    {statistics.median(to_paint) / base:6.2f}x")
    print("target met" if ms(to_paint, 95) <= 30 else "TARGET MISSED: p95 above 30 ms")


if __name__ == "__main__":
    main()
