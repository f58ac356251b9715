"""One place that turns an exception into a sentence a person can act on (CLI and app alike)."""

from __future__ import annotations

import errno

from torchdesk.core.i18n import translate


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
        return translate("errors", "The disk is full ({where}). Free some space and try again; nothing was "
                                   "overwritten.").format(where=exc.filename or translate("errors", "while writing"))
    if isinstance(exc, PermissionError):
        return translate("errors", "Permission denied: {path}. Choose a folder you can write to.").format(
            path=exc.filename)
    if isinstance(exc, FileNotFoundError):
        return translate("errors", "File not found: {path}.").format(path=exc.filename or exc)
    if is_disk_full(exc):  # torch's writers wrap ENOSPC in "RuntimeError: [enforce fail at inline_container.cc…]"
        return translate("errors", "The disk is full. Free some space and try again; nothing was overwritten.")
    if isinstance(exc, MemoryError):
        return translate("errors", "Out of memory. Use a smaller batch size, model or dataset.")
    if isinstance(exc, ValueError):
        return str(exc)
    return translate("errors", "unexpected error: {error} (set TORCHDESK_DEBUG=1 for the traceback)").format(
        error=f"{type(exc).__name__}: {exc}")
