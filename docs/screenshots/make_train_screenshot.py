"""Make the README's screenshot of the Train panel in the middle of a real run.

Generates a small Fashion-MNIST-shaped dataset (tests/datagen.py, real IDX files),
starts a run in the Train panel, waits for a few epochs and renders the window
offscreen with :func:`torchdesk.desktop.screenshot.render_screenshot`:

    python docs/screenshots/make_train_screenshot.py docs/screenshots/train.png
    python docs/screenshots/make_train_screenshot.py /tmp/dark.png --size 1920x1080 --theme dark
    python docs/screenshots/make_train_screenshot.py docs/screenshots/train_ko.png --lang ko

``--lang ko`` needs a Korean font; where the system has none, the dev-only
``koreanize-matplotlib`` package (in the test extra) provides NanumGothic.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))

TRAIN_SAMPLES = 12000  # epochs long enough (~0.5 s here) to catch one half done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="PNG to write")
    parser.add_argument("--size", default="1280x800", help="window size WxH")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    parser.add_argument("--epochs-before-shot", type=int, default=3)
    parser.add_argument("--lang", default="en", choices=("en", "ko"), help="the window's language")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))

    import numpy as np
    from datagen import MNIST_FOLDERS, pattern_images, write_idx

    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.desktop.screenshot import render_screenshot

    with tempfile.TemporaryDirectory() as scratch:
        os.environ["TORCHDESK_HOME"] = scratch
        root = Path(scratch) / "data"
        raw = root / MNIST_FOLDERS["fashion-mnist"] / "raw"
        rng = np.random.default_rng(0)
        for split, n in (("train", TRAIN_SAMPLES), ("t10k", 500)):
            labels = rng.integers(0, 10, n).astype(np.uint8)
            # Some images wear a neighbouring class's pattern, so the confusion matrix has something to show.
            drawn = np.where(rng.random(n) < 0.12, (labels + 1) % 10, labels)
            images = pattern_images(drawn, seed=len(split)).astype(np.int16)
            images += rng.normal(0, 45, images.shape).astype(np.int16)
            write_idx(raw / f"{split}-images-idx3-ubyte", np.clip(images, 0, 255).astype(np.uint8))
            write_idx(raw / f"{split}-labels-idx1-ubyte", labels)
        config = RunConfig(dataset=ComponentChoice("fashion-mnist"), model=ComponentChoice("mlp", {"hidden": 128}),
                           optimizer=ComponentChoice("sgd", {"momentum": 0.9}), epochs=8, batch_size=32, lr=2e-3,
                           device="cpu", seed=0, data_dir=str(root))

        def mid_run(window) -> None:  # type: ignore[no-untyped-def]
            from PySide6.QtWidgets import QApplication

            panel = window.panels["train"]
            panel.set_config(config)
            panel.start()
            deadline = time.monotonic() + 600
            while len(panel.plots.test_accuracy) < args.epochs_before_shot and panel.controller.running:
                QApplication.processEvents()
                time.sleep(0.01)
                if time.monotonic() > deadline:
                    raise SystemExit("the run took too long")
            batches_per_epoch = -(-TRAIN_SAMPLES // config.batch_size)
            halfway = int((args.epochs_before_shot + 0.5) * batches_per_epoch)
            while panel.plots.point_count < halfway and panel.controller.running:  # the shot is mid-epoch
                QApplication.processEvents()
                time.sleep(0.005)
            panel.plots.redraw()

        render_screenshot(args.out, panel="train", size=(width, height), theme=args.theme, before_grab=mid_run,
                          language=args.lang)
    print(f"wrote {args.out} ({Path(args.out).stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
