"""Help > Report a problem…: what a bug report needs, copied to the clipboard in one click.

The versions (torchdesk, PyTorch, Qt, Python, the operating system), the device
training uses, the plugins with their state, and the last lines of the torchdesk
log (:mod:`torchdesk.core.logfile`). Nothing is sent anywhere: the person pastes it.
"""

from __future__ import annotations

import platform
import sys
from typing import Any

from torchdesk.desktop.i18n import translate

LOG_LINES = 40


def problem_report_text(registry: Any = None, log_lines: int = LOG_LINES) -> str:
    """The report as plain text (Markdown-friendly): versions, device, plugins and the log's last lines."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from torchdesk.core.logfile import log_file_path, recent_log_lines
    from torchdesk.core.version import __version__

    lines = ["### " + translate("ProblemReport", "torchdesk problem report"), "",
             f"- torchdesk {__version__}",
             f"- PyTorch {_torch_version()}",
             f"- Qt {qVersion()} (PySide6 {pyside_version})",
             f"- Python {sys.version.split()[0]} ({platform.python_implementation()})",
             "- " + translate("ProblemReport", "OS {name}").format(name=platform.platform()),
             "- " + translate("ProblemReport", "Device {device}").format(device=_device()), ""]
    plugins = _plugins(registry)
    lines.append(translate("ProblemReport", "Plugins ({n}):").format(n=len(plugins)) if plugins
                 else translate("ProblemReport", "Plugins: none loaded"))
    lines.extend(f"- {text}" for text in plugins)
    log = recent_log_lines(log_lines)
    lines += ["", translate("ProblemReport", "Last {n} log lines ({path}):").format(n=len(log), path=log_file_path())
              if log else translate("ProblemReport", "The log is empty."), ""]
    if log:
        lines += ["```", *log, "```"]
    return "\n".join(lines) + "\n"


def _torch_version() -> str:
    try:
        import torch

        return str(torch.__version__)
    except Exception as exc:  # noqa: BLE001 - a report must be made even when torch is broken
        return translate("ProblemReport", "not importable ({error})").format(error=type(exc).__name__)


def _device() -> str:
    try:
        from torchdesk.core.devices import describe_device

        return describe_device("auto")
    except Exception as exc:  # noqa: BLE001
        return translate("ProblemReport", "unknown ({error})").format(error=type(exc).__name__)


def _plugins(registry: Any) -> list[str]:
    if registry is None:
        return []
    try:
        plugins = registry.plugins()
    except Exception as exc:  # noqa: BLE001
        return [translate("ProblemReport", "could not be listed ({error})").format(error=type(exc).__name__)]
    rows = []
    for p in plugins:
        provides = ", ".join(f"{len(ids)} {kind}" for kind, ids in p.provides.items())
        rows.append(f"{p.name} ({p.distribution} {p.version}) — {p.state}{': ' + provides if provides else ''}")
    return rows


def copy_problem_report(registry: Any = None) -> str:
    """Put the report on the clipboard and return it."""
    from PySide6.QtWidgets import QApplication

    text = problem_report_text(registry)
    QApplication.clipboard().setText(text)
    return text
