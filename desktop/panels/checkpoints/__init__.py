"""The Checkpoints panel, one job per module: :mod:`.browser` (the folder and its list), :mod:`.boxes`
(autosave and export settings), :mod:`.controller` (scans, exports, saving, autosave), :mod:`.opener`
(opening any file safely) and :mod:`.panel` (putting them together)."""

from torchdesk.desktop.panels.checkpoints.panel import FILE_FILTER, CheckpointsPanel

__all__ = ["FILE_FILTER", "CheckpointsPanel"]
