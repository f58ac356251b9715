"""Argument types for the ``torchdesk`` command line: numbers and sizes checked while parsing.

argparse calls these on the text of a flag; a value out of range becomes the usual
``torchdesk: error: argument --batch-size: ...`` line and exit status 2, instead of
a ``nan%`` accuracy, a ``range()`` error from deep inside, or a crashed window.
"""

from __future__ import annotations

import argparse
import math
from typing import Callable

from torchdesk.core.i18n import translate

# A screenshot's window side: Qt grabs the window into one image of width × height × 4 bytes.
MIN_WINDOW_SIDE = 64
MAX_WINDOW_SIDE = 8192


def whole_number(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse ``type`` accepting whole numbers from ``low`` (to ``high`` when given)."""

    def refuse(got: str) -> argparse.ArgumentTypeError:
        if high is None:
            said = translate("cli_types", "should be a whole number of at least {low:,}, got {got}")
        else:
            said = translate("cli_types", "should be a whole number of at least {low:,} and at most {high:,}, "
                                          "got {got}")
        return argparse.ArgumentTypeError(said.format(low=low, high=high, got=got))

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise refuse(repr(text[:40])) from None
        if value < low or (high is not None and value > high):
            raise refuse(f"{value:,}")
        return value

    parse.__name__ = "whole number"
    return parse


def positive_number(text: str) -> float:
    """An argparse ``type`` accepting a finite number above 0 (a learning rate)."""
    refusal = translate("cli_types", "should be a number above 0, got {got}")
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(refusal.format(got=repr(text[:40]))) from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(refusal.format(got=repr(text[:40])))
    return value


def window_size(text: str) -> tuple[int, int]:
    """An argparse ``type`` for ``WIDTHxHEIGHT``, each side from :data:`MIN_WINDOW_SIDE` to :data:`MAX_WINDOW_SIDE`."""
    refusal = translate("cli_types", "expects WIDTHxHEIGHT with each side from {low} to {high:,}, e.g. 1280x800, "
                                     "got {got}").format(low=MIN_WINDOW_SIDE, high=MAX_WINDOW_SIDE, got=repr(text[:40]))
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(refusal) from None
    for side in (width, height):
        if not MIN_WINDOW_SIDE <= side <= MAX_WINDOW_SIDE:
            raise argparse.ArgumentTypeError(refusal)
    return width, height
