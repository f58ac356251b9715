"""torchdesk's desktop app: the main window, its panels and the Qt training worker.

Panels talk to a shared :class:`~torchdesk.desktop.state.AppState`, never to each
other; long work runs on QThreads. All engine logic lives in ``torchdesk.core``.
"""
