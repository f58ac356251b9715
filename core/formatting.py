"""Numbers written for people: sizes and durations, the same in the CLI and the app."""

from __future__ import annotations

import math


def human_bytes(n: int) -> str:
    """``512 B``, ``1.5 MB`` (powers of 1024)."""
    value = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1024 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{n} B"


def format_duration(seconds: float) -> str:
    """``1:02:03`` / ``2:03`` for a number of seconds; ``–`` when unknown."""
    if not math.isfinite(seconds) or seconds < 0:
        return "–"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
