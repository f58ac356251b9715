"""One place that turns an exception into a sentence a person can act on (CLI and app alike)."""

from __future__ import annotations

import errno


def readable_error(exc: BaseException) -> str:
    """A readable message for ``exc``; torchdesk's own errors already carry one."""
    from torchdesk.core.checkpoint import CheckpointError
    from torchdesk.core.data import DatasetError, DatasetMissingError
    from torchdesk.core.devices import DeviceError
    from torchdesk.core.registry import PluginError, UnknownComponentError
    from torchdesk.core.safe_write import is_disk_full
    from torchdesk.core.specs import ParamError
    from torchdesk.core.trainer import TrainingDiverged

    if isinstance(exc, (DatasetMissingError, DatasetError, DeviceError, CheckpointError, ParamError,
                        TrainingDiverged, PluginError)):
        return str(exc)
    if isinstance(exc, UnknownComponentError):
        return str(exc.args[0]) if exc.args else str(exc)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return f"The disk is full ({exc.filename or 'while writing'}). Free some space and try again; nothing was overwritten."
    if isinstance(exc, PermissionError):
        return f"Permission denied: {exc.filename}. Choose a folder you can write to."
    if isinstance(exc, FileNotFoundError):
        return f"File not found: {exc.filename or exc}."
    if is_disk_full(exc):  # torch's writers wrap ENOSPC in "RuntimeError: [enforce fail at inline_container.cc…]"
        return "The disk is full. Free some space and try again; nothing was overwritten."
    if isinstance(exc, MemoryError):
        return "Out of memory. Use a smaller batch size, model or dataset."
    if isinstance(exc, ValueError):
        return str(exc)
    return f"unexpected error: {type(exc).__name__}: {exc} (set TORCHDESK_DEBUG=1 for the traceback)"
