"""The Normalize mean/std the person took from the Data panel, stored per dataset in QSettings.

The Data panel measures a dataset's per-channel mean and std; "Use as Normalize
defaults" stores them here and the training panel reads them back when it fills in a
Normalize transform set to "auto". They live in the app's settings file (the main
window's ``open_settings()``, ``<torchdesk home>/desktop.ini``) under the key
``data/normalize/<dataset id>``, as a JSON object ``{"mean": [...], "std": [...]}``.
"""

from __future__ import annotations

import json
from typing import Sequence

from PySide6.QtCore import QSettings

KEY = "data/normalize/{dataset_id}"


def _app_settings() -> QSettings:
    from torchdesk.desktop.main_window import open_settings  # the one settings file of the app

    return open_settings()


def save_normalize_defaults(dataset_id: str, mean: Sequence[float], std: Sequence[float],
                            settings: QSettings | None = None) -> None:
    """Remember ``mean``/``std`` as the Normalize defaults for ``dataset_id``."""
    settings = settings or _app_settings()
    settings.setValue(KEY.format(dataset_id=dataset_id),
                      json.dumps({"mean": [float(v) for v in mean], "std": [float(v) for v in std]}))
    settings.sync()


def load_normalize_defaults(dataset_id: str, settings: QSettings | None = None
                            ) -> tuple[tuple[float, ...], tuple[float, ...]] | None:
    """The stored ``(mean, std)`` for ``dataset_id``, or None when nothing (valid) was stored."""
    settings = settings or _app_settings()
    raw = settings.value(KEY.format(dataset_id=dataset_id))
    if not raw:
        return None
    try:
        data = json.loads(str(raw))
        mean = tuple(float(v) for v in data["mean"])
        std = tuple(float(v) for v in data["std"])
    except (ValueError, KeyError, TypeError):
        return None
    if not mean or len(mean) != len(std) or any(v <= 0 for v in std):
        return None
    return mean, std


def normalize_params(mean: Sequence[float], std: Sequence[float]) -> dict[str, str]:
    """The Normalize transform's parameters for these values (its schema takes comma-separated text)."""
    return {"mean": ",".join(f"{v:.6g}" for v in mean), "std": ",".join(f"{v:.6g}" for v in std)}
