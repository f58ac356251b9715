"""torchdesk's desktop app: the main window, its panels and the Qt training worker.

Panels talk to a shared :class:`~torchdesk.desktop.state.AppState`, never to each
other; long work runs on QThreads. All engine logic lives in ``torchdesk.core``.
"""

# PySide6 6.12 drops references to None and True on Python 3.11; guarded only where it does (see the module).
from torchdesk.desktop import pyside_none_guard as _pyside_none_guard  # noqa: E402,F401
