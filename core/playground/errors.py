"""Errors the playground reports to the person, each pointing at a line of their code."""

from __future__ import annotations

from dataclasses import dataclass

from torchdesk.core.i18n import translate


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a piece of code: where (1-based line, 0-based column) and why."""

    line: int
    column: int
    message: str
    kind: str = "refused"  # "syntax" | "refused" | "limit" | "interrupted" | "error"

    def __str__(self) -> str:
        return translate("playground.errors", "line {line}: {message}").format(line=self.line, message=self.message)


class PlaygroundError(Exception):
    """Base of the errors the evaluator raises on purpose; carries the line it happened on."""

    kind = "error"

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def problem(self) -> Problem:
        """This error as a :class:`Problem` for display."""
        return Problem(self.line, self.column, self.message, self.kind)


class Refused(PlaygroundError):
    """The code asks for something outside the playground's allow-list (an import, a dunder, a file...)."""

    kind = "refused"


class LimitExceeded(PlaygroundError):
    """The code would allocate or compute more than the playground's bounds allow."""

    kind = "limit"


class Interrupted(PlaygroundError):
    """The person pressed Interrupt (or the time limit ran out) while the code ran."""

    kind = "interrupted"
