"""The Train panel, one module per job.

* :mod:`.form`: the chooser form (dataset, model, optimizer, loss, transforms, numbers);
* :mod:`.transforms_editor`: the form's transforms list;
* :mod:`.controller`: the training task and the app state it keeps in step;
* :mod:`.views`: controls, progress, live plots and log of a run;
* :mod:`.panel`: :class:`TrainPanel`, which wires them together.
"""

from torchdesk.desktop.panels.train.controller import TrainingController
from torchdesk.desktop.panels.train.panel import TrainPanel

__all__ = ["TrainPanel", "TrainingController"]
