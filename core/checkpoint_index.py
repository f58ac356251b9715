"""List the checkpoints in a folder with what a person sorts them by.

:func:`scan_folder` reads each file's metadata (model, dataset, epoch, test accuracy,
date, size, the per-epoch history for a preview) through the same safe loader as
opening a file, so a hostile, broken or wrongly typed file in the folder becomes one
row (kind ``"unreadable"`` or ``"pickle"``) whose message says why, and never hides,
delays or breaks the rows of the good files beside it. It takes ``progress``/``cancel`` so the desktop can run it
off the GUI thread.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from torchdesk.core.checkpoint import CheckpointError, UntrustedFileError, load_checkpoint
from torchdesk.core.i18n import translate
from torchdesk.core.progress import CancelCheck, ProgressCallback, check_cancel, report

SUFFIXES = (".pt", ".pth", ".ckpt", ".tar", ".bin")


@dataclass(frozen=True)
class CheckpointInfo:
    """One row of the checkpoints list."""

    path: Path
    size: int
    modified: float  # seconds since the epoch (file time)
    kind: str  # "torchdesk" | "state_dict" | "pickle" | "unreadable"
    model: str = ""
    dataset: str = ""
    epoch: int = 0
    test_accuracy: float = math.nan
    best_accuracy: float = math.nan
    created: str = ""  # ISO time from the file, when it records one
    message: str = ""  # why it cannot be opened (kind "pickle"/"unreadable")
    epochs: tuple[dict[str, Any], ...] = field(default=(), repr=False)

    @property
    def name(self) -> str:
        """The file name."""
        return self.path.name

    @property
    def when(self) -> _dt.datetime:
        """When it was saved: the recorded time, else the file's modification time (local time)."""
        if self.created:
            try:
                return _dt.datetime.fromisoformat(self.created).astimezone()
            except ValueError:
                pass
        return _dt.datetime.fromtimestamp(self.modified).astimezone()


def candidate_files(folder: str | Path) -> list[Path]:
    """Files in ``folder`` that may be checkpoints (hidden and temporary files left out), newest first."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir()
             if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUFFIXES]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def describe_file(path: str | Path) -> CheckpointInfo:
    """The list row for one file (never raises for a bad file: the row says what is wrong)."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        return CheckpointInfo(path=path, size=0, modified=0.0, kind="unreadable", message=str(exc))
    base = {"path": path, "size": stat.st_size, "modified": stat.st_mtime}
    try:
        checkpoint = load_checkpoint(path)
    except UntrustedFileError as exc:
        return CheckpointInfo(**base, kind="pickle", message=str(exc))
    except CheckpointError as exc:
        return CheckpointInfo(**base, kind="unreadable", message=str(exc))
    except Exception as exc:  # noqa: BLE001 - one odd file must not hide the others
        return CheckpointInfo(**base, kind="unreadable", message=_unexpected(path, exc))
    if checkpoint.kind != "torchdesk":
        return CheckpointInfo(**base, kind="state_dict", model=translate("checkpoint_index", "(state dict)"),
                              message=translate("checkpoint_index", "A plain state dict: choose the model to load it "
                                                                    "into."))
    try:  # load_checkpoint checked every field; this guards the row against what a check may have missed
        config = checkpoint.config
        metrics = checkpoint.metrics
        return CheckpointInfo(
            **base, kind="torchdesk",
            model=config.model.id if config else "", dataset=config.dataset.id if config else "",
            epoch=checkpoint.epoch, test_accuracy=_number(metrics.get("test_accuracy")),
            best_accuracy=_number(metrics.get("best_test_accuracy")),
            created=str(checkpoint.payload.get("created") or ""),
            epochs=tuple(dict(e) for e in checkpoint.history.get("epochs", []) if isinstance(e, dict)),
        )
    except Exception as exc:  # noqa: BLE001
        return CheckpointInfo(**base, kind="unreadable", message=_unexpected(path, exc))


def scan_folder(folder: str | Path, progress: ProgressCallback | None = None,
                cancel: CancelCheck | None = None) -> list[CheckpointInfo]:
    """Describe every candidate file in ``folder`` (newest first)."""
    files = candidate_files(folder)
    rows = []
    report(progress, 0, len(files))
    for index, path in enumerate(files, start=1):
        check_cancel(cancel)
        rows.append(describe_file(path))
        report(progress, index, len(files))
    return rows


def _unexpected(path: Path, exc: BaseException) -> str:
    """A bounded sentence for an error no check foresaw (never the full ``str`` of an odd value)."""
    text = exc.args[0][:200] if len(exc.args) == 1 and isinstance(exc.args[0], str) else type(exc).__name__
    return translate("checkpoint_index", "{name} could not be read ({reason}). It may be damaged; the other files "
                                         "are not affected.").format(name=path.name, reason=text)


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan
