"""Built-in metrics of the test pass: top-5 accuracy and macro-averaged F1."""

from __future__ import annotations

from typing import Any

from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.specs import MetricSpec, Param


class TopKAccuracy:
    """The share of test samples whose true class is among the ``k`` highest logits."""

    def __init__(self, num_classes: int, k: int = 5) -> None:
        self.k = max(1, min(int(k), int(num_classes)))
        self.reset()

    def reset(self) -> None:
        """Forget the previous test pass."""
        self.hits, self.count = 0, 0

    def update(self, logits: Any, labels: Any) -> None:
        """Count one batch."""
        k = min(self.k, int(logits.shape[1]))
        top = logits.topk(k, dim=1).indices
        self.hits += int((top == labels.view(-1, 1)).any(dim=1).sum())
        self.count += int(labels.shape[0])

    def compute(self) -> float:
        """Top-k accuracy in 0..1 (NaN before any batch)."""
        return self.hits / self.count if self.count else float("nan")


class MacroF1:
    """F1 per class from the predictions, averaged over the classes that occur (true or predicted)."""

    def __init__(self, num_classes: int) -> None:
        self.num_classes = int(num_classes)
        self.reset()

    def reset(self) -> None:
        """Forget the previous test pass."""
        self.tp: Any = None

    def update(self, logits: Any, labels: Any) -> None:
        """Count one batch's true positives, false positives and false negatives per class."""
        import torch

        n = max(self.num_classes, int(logits.shape[1]))
        predicted = logits.argmax(1).cpu()
        labels = labels.cpu().long()
        if self.tp is None or self.tp.shape[0] != n:
            self.tp, self.fp, self.fn = (torch.zeros(n, dtype=torch.long) for _ in range(3))
        hit = predicted == labels
        self.tp += torch.bincount(labels[hit], minlength=n)[:n]
        self.fp += torch.bincount(predicted[~hit], minlength=n)[:n]
        self.fn += torch.bincount(labels[~hit], minlength=n)[:n]

    def compute(self) -> float:
        """Macro F1 in 0..1 (NaN before any batch)."""
        if self.tp is None:
            return float("nan")
        tp, fp, fn = self.tp.double(), self.fp.double(), self.fn.double()
        present = (tp + fp + fn) > 0
        if not bool(present.any()):
            return float("nan")
        f1 = 2 * tp / (2 * tp + fp + fn).clamp(min=1)
        return float(f1[present].mean())


@hookimpl
def torchdesk_metrics() -> list[MetricSpec]:
    """The built-in metrics."""
    return [
        MetricSpec(id="top5-accuracy", name=QT_TRANSLATE_NOOP("components", "Top-5 accuracy"), factory=TopKAccuracy,
                   description=QT_TRANSLATE_NOOP("components",
                                                 "How often the true class is among the five highest scores."),
                   params=(Param("k", "int", 5,
                                 QT_TRANSLATE_NOOP("components", "How many of the highest scores count."),
                                 minimum=1, maximum=1000, label=QT_TRANSLATE_NOOP("components", "K")),)),
        MetricSpec(id="macro-f1", name=QT_TRANSLATE_NOOP("components", "Macro F1"), factory=MacroF1,
                   description=QT_TRANSLATE_NOOP("components",
                                                 "F1 score per class, averaged so that every class counts alike.")),
    ]
