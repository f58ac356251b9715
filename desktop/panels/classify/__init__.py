"""Draw to classify: draw a digit or a piece of clothing and see what a model thinks it is.

One module per job:

* :mod:`.panel` wires the pieces to the shared :class:`~torchdesk.desktop.state.AppState`;
* :mod:`.form` picks the mode and the model source;
* :mod:`.drawing_pad` and :mod:`.result_view` are the views (canvas and tools; verdict,
  bars, preview and the message bar);
* :mod:`.sources` turns the chosen source into a model and checks that it fits the mode;
* :mod:`.predictions` runs predictions (newest drawing only) on the GUI thread or as tasks;
* :mod:`.samples` opens the test split from the shared data folder;
* :mod:`.images` converts pictures for the model.
"""

from torchdesk.desktop.panels.classify.images import fit_to_input, qimage_to_gray_alpha
from torchdesk.desktop.panels.classify.panel import ClassifyPanel
from torchdesk.desktop.panels.classify.sources import SOURCE_BUNDLED, SOURCE_CHECKPOINT, SOURCE_CURRENT

__all__ = ["ClassifyPanel", "SOURCE_BUNDLED", "SOURCE_CHECKPOINT", "SOURCE_CURRENT", "fit_to_input",
           "qimage_to_gray_alpha"]
