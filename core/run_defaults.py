"""The batch size and learning rate a new run starts with: the model's own where it has measured ones.

Time per epoch rewards large batches, but what a person waits for is a model that is
good enough, so each built-in model's starting values were chosen by the time its
runs took to reach a target test accuracy (``bench/time_to_accuracy.py``). They were
measured with the default optimizer, so they apply only to it; a value a person set
(a flag, a run file, a checkpoint, the form) always wins.
"""

from __future__ import annotations

import math
from typing import Any

from torchdesk.core.run_config import MAX_COUNT, RunConfig

GENERAL = (RunConfig().batch_size, RunConfig().lr)
"""The batch size and learning rate of a run whose model suggests none."""
DEFAULT_OPTIMIZER = RunConfig().optimizer.id


def suggested_batch_and_lr(spec: Any, optimizer_id: str) -> tuple[int, float]:
    """(batch size, learning rate) a new run of model ``spec`` with optimizer ``optimizer_id`` starts with.

    A plugin's values outside sensible bounds are ignored, not trusted.
    """
    if spec is None or optimizer_id != DEFAULT_OPTIMIZER:
        return GENERAL
    batch = getattr(spec, "batch_size", 0)
    lr = getattr(spec, "lr", 0.0)
    batch_ok = isinstance(batch, int) and not isinstance(batch, bool) and 1 <= batch <= MAX_COUNT
    lr_ok = isinstance(lr, (int, float)) and not isinstance(lr, bool) and math.isfinite(lr) and 0 < lr <= 10
    return (batch if batch_ok else GENERAL[0], float(lr) if lr_ok else GENERAL[1])
