"""Listing the files of an image folder without following a symlink loop, each file once.

torchvision's ``ImageFolder`` walks with ``os.walk(followlinks=True)``: a link back
to a parent folder is walked again and again until paths grow too long, so ten
images become hundreds of samples and the train and test splits share files. This
walk follows links to folders (people do link data in) but enters each real folder
once, never enters the folders named in ``skip`` (the data set's own root, the other
split) and lists each real file once, in the order torchvision would list them.
"""

from __future__ import annotations

import os
from typing import Callable, Iterable

FileId = tuple[int, int]


def _identity(path: str) -> FileId | None:
    """The ``(device, inode)`` a path resolves to, or None when it cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def class_samples(directory: str, class_to_idx: dict[str, int], is_valid_file: Callable[[str], bool],
                  skip: Iterable[str] = ()) -> list[tuple[str, int]]:
    """``(path, class index)`` for every valid file under ``directory/<class>``, torchvision's order.

    A real folder is entered once, whether reached directly or through links, and a
    class folder's links into another class folder or into ``directory`` itself are
    not followed (each class keeps its own files). A real file reached twice counts
    once, under the first path in that order.
    """
    reserved = {identity for identity in map(_identity, (directory, *skip)) if identity is not None}
    tops = {name: _identity(os.path.join(directory, name)) for name in class_to_idx}
    entered = reserved | {identity for identity in tops.values() if identity is not None}
    walked: set[FileId] = set()
    seen_files: set[FileId] = set()
    samples: list[tuple[str, int]] = []
    for name in sorted(class_to_idx):
        top, identity = os.path.join(directory, name), tops[name]
        if identity is None or identity in reserved or identity in walked or not os.path.isdir(top):
            continue  # a class folder that is a link to the root or to another class: no files of its own
        walked.add(identity)
        for folder, files in sorted(_walk(top, entered)):
            for fname in sorted(files):
                path = os.path.join(folder, fname)
                identity = _identity(path)
                if identity is None or identity in seen_files or not is_valid_file(path):
                    continue
                seen_files.add(identity)
                samples.append((path, class_to_idx[name]))
    return samples


def _walk(top: str, entered: set[FileId]) -> list[tuple[str, list[str]]]:
    """``(folder, regular file names)`` for ``top`` and every folder below it not entered before."""
    found: list[tuple[str, list[str]]] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        files: list[str] = []
        try:
            entries = list(os.scandir(folder))
        except OSError:  # unreadable folder: skipped, as os.walk does
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    identity = _identity(entry.path)
                    if identity is not None and identity not in entered:
                        entered.add(identity)
                        stack.append(entry.path)
                elif entry.is_file():  # never a FIFO or device, which would block the reader
                    files.append(entry.name)
            except OSError:
                continue
        found.append((folder, files))
    return found
