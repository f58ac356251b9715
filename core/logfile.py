"""torchdesk's log: the standard ``logging`` module, written to a rotating file people can send with a bug report.

Warnings and errors are always kept; ``TORCHDESK_DEBUG=1`` keeps debug messages too
(and echoes them to stderr). The file is ``<torchdesk home>/logs/torchdesk.log``
(:func:`torchdesk.core.userdirs.home`), at most about 1 MB plus three older files.
Logging never stops torchdesk: when the folder cannot be written, messages go to
stderr only. Help > Report a problem… copies the last lines with the versions.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from collections import deque
from pathlib import Path

from torchdesk.core.userdirs import home

LOGGER_NAME = "torchdesk"
MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

# A library's records go nowhere until setup_logging gives them a file; without this, Python's
# last-resort handler would print them (tracebacks included) on stderr beside the CLI's own sentence.
logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())


def debug_enabled() -> bool:
    """Whether ``TORCHDESK_DEBUG`` asks for debug messages."""
    return os.environ.get("TORCHDESK_DEBUG", "") not in ("", "0")


def log_file_path() -> Path:
    """Where the log is written (for the current ``TORCHDESK_HOME``)."""
    return home() / "logs" / "torchdesk.log"


def setup_logging(component: str = "app") -> Path | None:
    """Send the ``torchdesk`` logger to the rotating log file (once per file); returns the file, or None.

    ``component`` ("app", "cli") is recorded in the first line so a report says which one ran.
    """
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(logging.DEBUG if debug_enabled() else logging.WARNING)
    logger.propagate = False
    path = log_file_path()
    for handler in logger.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    for handler in list(logger.handlers):  # a different home (tests): stop writing into the old one
        logger.removeHandler(handler)
        handler.close()
    if debug_enabled():
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(stream)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        if not logger.handlers:
            logger.addHandler(logging.StreamHandler())
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logging.captureWarnings(True)  # Python warnings (deprecations of torch and plugins) land in the log too
    warnings_logger = logging.getLogger("py.warnings")
    if handler not in warnings_logger.handlers:
        for old in list(warnings_logger.handlers):
            if isinstance(old, logging.handlers.RotatingFileHandler):
                warnings_logger.removeHandler(old)
        warnings_logger.addHandler(handler)
    logger.debug("torchdesk %s logging started (pid %d)", component, os.getpid())
    return path


def get_logger(name: str = "") -> logging.Logger:
    """The logger for a part of torchdesk (``get_logger("export")`` -> ``torchdesk.export``)."""
    return logging.getLogger(f"{LOGGER_NAME}.{name}" if name else LOGGER_NAME)


def recent_log_lines(count: int = 40, max_chars: int = 400) -> list[str]:
    """The last ``count`` lines of the log, each cut to ``max_chars`` ([] when there is no log yet)."""
    path = log_file_path()
    for handler in logging.getLogger(LOGGER_NAME).handlers:
        handler.flush()
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            tail = deque(fh, maxlen=count)
    except OSError:
        return []
    return [line.rstrip("\n")[:max_chars] for line in tail]
