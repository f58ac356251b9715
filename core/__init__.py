"""torchdesk's engine: plugin contract, registry, data, training and checkpoints.

Nothing in this package imports Qt, so it runs in scripts, the CLI, tests and
cluster jobs. The short public API for scripts lives in :mod:`torchdesk.core.api`.
"""

from torchdesk.core.omp_env import prefer_short_spinning
from torchdesk.core.version import __version__

prefer_short_spinning()  # before any engine module loads PyTorch

__all__ = ["__version__"]
