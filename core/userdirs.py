"""Where torchdesk keeps per-user files: settings shared by the CLI and the app, checkpoints.

``TORCHDESK_HOME`` overrides the base folder (the tests point it at a temporary one).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def home() -> Path:
    """The per-user base folder (``$TORCHDESK_HOME``, else ``~/.torchdesk``)."""
    override = os.environ.get("TORCHDESK_HOME")
    return Path(override).expanduser() if override else Path.home() / ".torchdesk"


def checkpoints_dir() -> Path:
    """The default folder for checkpoints and autosaves."""
    return home() / "checkpoints"


def default_data_dir() -> Path:
    """Where datasets go unless the user points elsewhere (``$TORCHDESK_DATA`` overrides)."""
    override = os.environ.get("TORCHDESK_DATA")
    return Path(override).expanduser() if override else home() / "data"


def _settings_file() -> Path:
    return home() / "settings.json"


def read_settings() -> dict[str, Any]:
    """The shared settings (plugin enable state and the like); empty when unreadable."""
    try:
        data = json.loads(_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_setting(key: str, value: Any) -> None:
    """Store one shared setting, atomically."""
    data = read_settings()
    data[key] = value
    path = _settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
