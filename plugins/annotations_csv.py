"""The walkthrough's custom dataset: an annotations CSV of ``file name, label`` rows and an image directory.

The CSV is outside input, so each row is checked before it is used: the label must
be a class number below :data:`~torchdesk.core.specs.MAX_CLASSES` (the class list and
the model's last layer are sized from the largest one), and the image path must stay
inside the image directory unless the person allows otherwise. Every message names
the CSV, the row and the value.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.image_limits import open_image
from torchdesk.core.specs import MAX_CLASSES
from torchdesk.core.untrusted import FileContentError

MAX_NAME_CHARS = 4096
_OUTSIDE_FIX = QT_TRANSLATE_NOOP("plugins", "Image paths must be relative to the image directory; to read images "
                                            "elsewhere on purpose, set the dataset parameter allow_outside_paths "
                                            "(--dataset-param allow_outside_paths=true).")


def _shown(text: str, limit: int = 60, keep_end: bool = False) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters (keeping its end for a path)."""
    if len(text) > limit:
        text = "…" + text[1 - limit:] if keep_end else text[: limit - 1] + "…"
    return repr(text)


def _is_label(text: str) -> bool:
    return text.strip().lstrip("-").isdigit()


def read_annotations(csv_path: Path, allow_outside_paths: bool = False) -> list[tuple[str, int]]:
    """The ``(image path, label)`` rows of ``csv_path``; a first row whose label is not a number is a header.

    Raises :class:`~torchdesk.core.untrusted.FileContentError` naming the row for a
    missing or non-numeric label, a label outside ``0 .. MAX_CLASSES - 1`` and (unless
    ``allow_outside_paths``) an absolute path or one whose ``..`` leaves the image directory.
    """
    rows: list[tuple[str, int]] = []
    with open(csv_path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        first = True
        try:
            for row in reader:
                if not row or not row[0].strip() or row[0].startswith("#"):
                    continue
                if first and len(row) > 1 and not _is_label(row[1]):
                    first = False
                    continue  # a header line
                first = False
                rows.append(_row(row, csv_path, reader.line_num, allow_outside_paths))
        except csv.Error as exc:
            raise FileContentError(translate("plugins", "{path} row {row} is not valid CSV ({reason}). Each row "
                                                        "should be 'file name, class number'.").format(
                path=csv_path, row=reader.line_num, reason=exc)) from None
        except UnicodeDecodeError:
            raise FileContentError(translate("plugins", "{path} is not UTF-8 text. Save it as a UTF-8 CSV "
                                                        "file.").format(path=csv_path)) from None
    return rows


def _row(row: list[str], csv_path: Path, line: int, allow_outside_paths: bool) -> tuple[str, int]:
    where = translate("plugins", "{path} row {row}").format(path=csv_path, row=line)
    name = row[0].strip()
    if len(name) > MAX_NAME_CHARS:
        raise FileContentError(translate("plugins", "{where}: the image path is {length:,} characters long; no real "
                                                    "path is.").format(where=where, length=len(name)))
    label_text = row[1].strip() if len(row) > 1 else ""
    if not label_text:
        raise FileContentError(translate("plugins", "{where}: {name} has no label. Each row should be 'file name, "
                                                    "class number'.").format(where=where, name=_shown(name)))
    try:
        label = int(label_text)
    except ValueError:
        raise FileContentError(translate("plugins", "{where}: the label {label} is not a class number. Labels are "
                                                    "whole numbers from 0 to {last:,}.").format(
            where=where, label=_shown(label_text), last=MAX_CLASSES - 1)) from None
    if not 0 <= label < MAX_CLASSES:
        raise FileContentError(translate("plugins", "{where}: the label {label:,} is outside the class numbers 0 to "
                                                    "{last:,} (at most {limit:,} classes). Number the classes from "
                                                    "0.").format(where=where, label=label, last=MAX_CLASSES - 1,
                                                                 limit=MAX_CLASSES))
    if not allow_outside_paths:
        normal = os.path.normpath(name)
        if os.path.isabs(name) or normal == os.pardir or normal.startswith(os.pardir + os.sep):
            raise FileContentError(translate("plugins", "{where}: the image path {name} leaves the image directory. "
                                                        "{fix}").format(where=where,
                                                                        name=_shown(name, 120, keep_end=True),
                                                                        fix=translate("plugins", _OUTSIDE_FIX)))
    return name, label


class CustomImageDataset:
    """The walkthrough's custom dataset: an annotations CSV (file name, label) and an image directory."""

    def __init__(self, annotations_file: str, img_dir: str, transform: Any = None,
                 target_transform: Any = None, allow_outside_paths: bool = False) -> None:
        self.img_dir = Path(img_dir)
        self.allow_outside_paths = allow_outside_paths
        self.img_labels = read_annotations(Path(annotations_file), allow_outside_paths)
        self.transform = transform
        self.target_transform = target_transform
        self.classes = [str(i) for i in range(max((label for _, label in self.img_labels), default=-1) + 1)]
        self.targets = [label for _, label in self.img_labels]

    def __len__(self) -> int:
        return len(self.img_labels)

    def image_path(self, idx: int) -> Path:
        """The file of sample ``idx``, refused when a link leads it outside the image directory."""
        path = self.img_dir / self.img_labels[idx][0]
        if not self.allow_outside_paths:
            real, inside = path.resolve(), self.img_dir.resolve()
            if real != inside and inside not in real.parents:
                raise FileContentError(translate("plugins", "{path} leads outside the image directory {folder} "
                                                            "(through a link). {fix}").format(
                    path=path, folder=self.img_dir, fix=translate("plugins", _OUTSIDE_FIX)))
        return path

    def __getitem__(self, idx: int) -> tuple[Any, Any]:
        name, label = self.img_labels[idx]
        with open_image(self.image_path(idx)) as img:
            image = img.convert("L") if img.mode in ("L", "LA", "P", "1", "I;16") else img.convert("RGB")
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label
