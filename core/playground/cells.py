"""Which part of an editor's text Ctrl+Enter runs: the selection, or the cell around the cursor.

Cells are separated by lines starting with ``# %%`` (the convention of VS Code, Spyder and
Jupytext). Without markers the whole text is one cell.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

CELL_MARKER = "# %%"


@dataclass(frozen=True)
class CodeSpan:
    """Code to run and the 1-based editor line its first line sits on (for error line numbers)."""

    code: str
    first_line: int


def cell_at(text: str, line: int) -> CodeSpan:
    """The cell containing 0-based ``line`` of ``text``."""
    lines = text.split("\n")
    line = max(0, min(line, len(lines) - 1))
    start = 0
    for index in range(line, -1, -1):
        if lines[index].lstrip().startswith(CELL_MARKER):
            start = index + 1
            break
    end = len(lines)
    for index in range(line + 1, len(lines)):
        if lines[index].lstrip().startswith(CELL_MARKER):
            end = index
            break
    if start >= end:  # cursor on a trailing marker line: nothing below it
        return CodeSpan("", start + 1)
    return CodeSpan("\n".join(lines[start:end]), start + 1)


def selection_span(text: str, first_line: int) -> CodeSpan:
    """A selection to run: dedented so an indented block body can be run on its own."""
    return CodeSpan(textwrap.dedent(text.replace("\u2029", "\n")), first_line)
