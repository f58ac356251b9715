"""The Data panel, one job per module (see :mod:`.panel` for the anatomy)."""

from torchdesk.desktop.panels.data.opening import OpenedSplit
from torchdesk.desktop.panels.data.panel import DataPanel
from torchdesk.desktop.panels.data.verdicts import AUTO_PREDICT_LIMIT, predicts_on_its_own

__all__ = ["AUTO_PREDICT_LIMIT", "DataPanel", "OpenedSplit", "predicts_on_its_own"]
