"""Scroll the Data panel's thumbnail grid through a 60,000-image training set offscreen and print frame times.

Uses the real MNIST under ``../shared/data`` (or ``$TORCHDESK_DATA``) when it is there,
otherwise writes a generated 60,000-image MNIST in the real IDX format to a temporary
folder. Each frame moves the scroll bar and repaints the viewport synchronously, so
the time is what a person scrolling would wait for. The baseline, measured in the
same process, is painting the same visible cells by decoding every thumbnail through
``dataset[i]`` (PIL) each frame, the way a naive viewer would.

    python bench/dataset_scroll.py [--frames 300] [--zoom 56]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from PySide6.QtWidgets import QApplication  # noqa: E402


def open_mnist() -> tuple[object, str]:
    """The MNIST training split and where it came from."""
    from torchvision.datasets import MNIST

    for candidate in (os.environ.get("TORCHDESK_DATA"), str(Path(__file__).resolve().parents[2] / "shared" / "data"),
                      "/work/shared/data"):
        if candidate and (Path(candidate) / "MNIST" / "raw").is_dir():
            try:
                return MNIST(candidate, train=True), f"real MNIST from {candidate}"
            except Exception:
                pass
    from datagen import write_mnist_like

    root = Path(tempfile.mkdtemp(prefix="torchdesk_bench_"))
    write_mnist_like(root, "mnist", n_train=60000, n_test=100)
    return MNIST(root, train=True), f"generated 60,000-image MNIST in {root}"


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return (f"median {statistics.median(times) * 1e3:6.2f} ms  p95 {p95 * 1e3:6.2f} ms  "
            f"max {max(times) * 1e3:6.2f} ms  ({len(times)} frames)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=300)
    parser.add_argument("--zoom", type=int, default=56)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    from torchdesk.core.sample_source import SampleSource
    from torchdesk.desktop.dataview.thumbnails import ThumbnailGrid

    dataset, origin = open_mnist()
    source = SampleSource(dataset)
    grid = ThumbnailGrid()
    grid.resize(1000, 700)
    grid.set_zoom(args.zoom)
    grid.thumb_model.set_source(source, source.labels(), [str(i) for i in range(10)])
    grid.show()
    app.processEvents()
    print(f"data: {origin}; {len(source):,} images; grid {grid.width()}x{grid.height()}, thumbnails {args.zoom}px")

    bar = grid.verticalScrollBar()
    t0 = time.perf_counter()
    grid.doItemsLayout()
    app.processEvents()
    print(f"layout of {len(source):,} items: {(time.perf_counter() - t0) * 1e3:.1f} ms; scroll range 0..{bar.maximum():,}")

    def scroll(view: ThumbnailGrid, frames: int, stride: int) -> list[float]:
        scrollbar = view.verticalScrollBar()
        times = []
        for f in range(frames):
            start = time.perf_counter()
            scrollbar.setValue((f * stride) % (scrollbar.maximum() + 1))
            view.viewport().repaint()
            times.append(time.perf_counter() - start)
        return times

    stride = max(1, bar.maximum() // args.frames)  # sweeps the whole 60,000 once
    cold = scroll(grid, args.frames, stride)
    warm_stride = max(1, bar.pageStep() // 4)  # a person scrolling with the wheel, cache warm
    scroll(grid, 40, warm_stride)
    warm = scroll(grid, args.frames, warm_stride)

    # Baseline: the same grid, but every visible cell decoded through dataset[i] (PIL) and painted afresh
    # on every frame: what a viewer without the uint8 fast path and the caches would do.
    naive_source = SampleSource(dataset)
    naive_source.resident = None
    naive = ThumbnailGrid()
    naive.thumb_model._cache_size = 0
    naive.thumb_delegate._cache_size = 0
    naive.resize(grid.size())
    naive.set_zoom(args.zoom)
    naive.thumb_model.set_source(naive_source, source.labels(), [str(i) for i in range(10)])
    naive.show()
    naive.doItemsLayout()
    app.processEvents()
    base = scroll(naive, min(args.frames, 60), warm_stride)

    print(f"full sweep (cold cache):  {summary(cold)}")
    print(f"wheel scroll (warm):      {summary(warm)}")
    print(f"baseline (PIL decode + paint every frame): {summary(base)}")
    print(f"ratio baseline/warm median: {statistics.median(base) / statistics.median(warm):.1f}x; "
          f"cache now holds {grid.thumb_model.cached_count():,} thumbnails")
    grid.close()
    naive.close()


if __name__ == "__main__":
    main()
