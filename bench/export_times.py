"""Where an export's time goes, per format, for the bundled MNIST CNN in a fresh process.

    python3 bench/export_times.py            # pt2, then TorchScript, then safetensors

Prints the one-time import of torch.export's tracer, then each format's full
``export_model`` (export, write, reload, compare) twice: cold and warm.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import torch

from torchdesk.core import export
from torchdesk.core.bundled import load_bundled


def main() -> None:
    predictor = load_bundled("mnist")
    model = predictor.snapshot().model.cpu().eval()
    inputs = predictor.transform(export.sample_inputs(predictor.input_shape))
    folder = Path(tempfile.mkdtemp(prefix="torchdesk-export-bench-"))
    started = time.perf_counter()
    import torch._dynamo  # noqa: F401 - what the first .pt2 export of a session pays for
    import torch.export._trace  # noqa: F401

    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"{'import torch.export tracer':32s} {time.perf_counter() - started:6.2f} s")
    for format_id in ("pt2", "torchscript", "safetensors"):
        for run in ("cold", "warm"):
            started = time.perf_counter()
            export.export_model(model, format_id, folder / f"{run}{export.FORMATS[format_id].suffix}", inputs)
            print(f"{format_id + ' export_model (' + run + ')':32s} {time.perf_counter() - started:6.2f} s")


if __name__ == "__main__":
    main()
