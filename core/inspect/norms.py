"""Per-layer parameter and gradient norms, for watching a network train.

``layer_norms`` reads a model as it is (call it from a training listener, where the
gradients of the last step are still there). ``GradNormMonitor`` does not depend on
when the trainer clears gradients: it hooks every parameter and records its norms
the moment backward finishes accumulating its gradient, on the training thread,
keeping the values as tensors so nothing waits for the device until someone reads them.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn


@dataclass(frozen=True)
class NormRecord:
    """The L2 norms of one layer's own parameters and of their gradients (None before any backward)."""

    module: str
    param_norm: float
    grad_norm: float | None
    numel: int


def _owners(model: nn.Module) -> list[tuple[str, list[nn.Parameter]]]:
    result = []
    seen: set[int] = set()
    for name, module in model.named_modules():
        params = [p for p in module.parameters(recurse=False) if id(p) not in seen]
        seen.update(id(p) for p in params)
        if params:
            result.append((name, params))
    return result


def _l2(values: list[float]) -> float:
    return math.sqrt(sum(v * v for v in values))


def layer_norms(model: nn.Module) -> list[NormRecord]:
    """Norms of every layer that owns parameters, in module order."""
    records = []
    with torch.no_grad():
        for name, params in _owners(model):
            p_norms = [float(torch.linalg.vector_norm(p.detach().float())) for p in params]
            grads = [p.grad for p in params if p.grad is not None]
            g_norm = _l2([float(torch.linalg.vector_norm(g.detach().float())) for g in grads]) if grads else None
            records.append(NormRecord(name, _l2(p_norms), g_norm, sum(p.numel() for p in params)))
    return records


class GradNormMonitor:
    """Records each parameter's norm and gradient norm after every backward pass of ``model``.

    ``every`` records only one backward in that many, and ``min_interval_s`` at most one
    in that many seconds (the others cost next to nothing: a view that reads a few times
    a second need not slow every training step with two norms per parameter).
    Call :meth:`snapshot` from any thread for the latest values per layer and
    :meth:`close` to remove the hooks.
    """

    def __init__(self, model: nn.Module, every: int = 1, min_interval_s: float = 0.0) -> None:
        self.model = model
        self.every = max(1, int(every))
        self.min_interval_s = max(0.0, float(min_interval_s))
        self.backwards = 0
        self._recording = True  # whether the backward pass under way is recorded
        self._last_recorded = float("-inf")
        self._lock = threading.Lock()
        self._owners = _owners(model)
        self._latest: dict[int, tuple[torch.Tensor, torch.Tensor]] = {}
        self._handles: list[Any] = []
        trainable = [p for _, params in self._owners for p in params if p.requires_grad]
        # Backward usually reaches the last layer first: its last parameter starts a new count.
        self._first_id = id(trainable[-1]) if trainable else None
        for _, params in self._owners:
            for param in params:
                if param.requires_grad:
                    self._handles.append(param.register_post_accumulate_grad_hook(self._record))

    def _record(self, param: torch.Tensor) -> None:
        if id(param) == self._first_id:
            self.backwards += 1
            now = time.monotonic()
            self._recording = (self.backwards % self.every == 0
                               and now - self._last_recorded >= self.min_interval_s)
            if self._recording:
                self._last_recorded = now
        if not self._recording or param.grad is None:
            return
        with torch.no_grad():
            p_norm = torch.linalg.vector_norm(param.detach().float())
            g_norm = torch.linalg.vector_norm(param.grad.detach().float())
        with self._lock:
            self._latest[id(param)] = (p_norm, g_norm)

    def snapshot(self) -> list[NormRecord]:
        """The latest norms per layer (grad None for layers not yet seen in a backward pass)."""
        with self._lock:
            latest = dict(self._latest)
        records = []
        for name, params in self._owners:
            p_values, g_values = [], []
            for param in params:
                entry = latest.get(id(param))
                if entry is None:
                    p_values.append(float(torch.linalg.vector_norm(param.detach().float())))
                else:
                    p_values.append(float(entry[0]))
                    g_values.append(float(entry[1]))
            records.append(NormRecord(name, _l2(p_values), _l2(g_values) if g_values else None,
                                      sum(p.numel() for p in params)))
        return records

    def close(self) -> None:
        """Remove every hook; the model trains on unobserved."""
        for handle in self._handles:
            handle.remove()
        self._handles.clear()
