"""The Model panel, one job per module: chooser, controller, samples, views and live norms.

``ModelPanel`` is what the window builds; the constants are what tests pick from.
"""

from torchdesk.desktop.panels.model_view.chooser import SOURCE_CURRENT, SOURCE_REGISTRY, ModelChooser
from torchdesk.desktop.panels.model_view.controller import ModelController
from torchdesk.desktop.panels.model_view.panel import ModelPanel
from torchdesk.desktop.panels.model_view.samples import SAMPLE_DATASET, SAMPLE_DRAWING, SAMPLE_NOISE

__all__ = [
    "ModelChooser",
    "ModelController",
    "ModelPanel",
    "SAMPLE_DATASET",
    "SAMPLE_DRAWING",
    "SAMPLE_NOISE",
    "SOURCE_CURRENT",
    "SOURCE_REGISTRY",
]
