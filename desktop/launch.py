"""The ``torchdesk`` console script: the window with no command, the engine's CLI otherwise.

``torchdesk.core`` never imports Qt (an import-linter contract checks it), so the
command line lives in :mod:`torchdesk.core.cli` and hands this module's
:func:`open_window` the case it cannot serve itself: no command (open the app) and
``--screenshot``. Qt is imported only then, so ``torchdesk train`` stays headless.
"""

from __future__ import annotations

import argparse
from typing import Sequence


def open_window(args: argparse.Namespace) -> int:
    """Open the desktop app, or with ``--screenshot`` render it offscreen to a PNG."""
    if args.screenshot:
        from torchdesk.desktop.screenshot import render_screenshot

        render_screenshot(args.screenshot, panel=args.panel, size=args.size,  # checked by the parser
                          language=args.lang)
        return 0
    from torchdesk.desktop.app import main as desktop_main

    return desktop_main([], language=args.lang)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``torchdesk`` console script; the app and every command log to the torchdesk log."""
    import sys

    from torchdesk.core.cli import main as cli_main
    from torchdesk.core.logfile import get_logger, setup_logging

    args = list(sys.argv[1:] if argv is None else argv)
    setup_logging("cli" if args and not args[0].startswith("-") else "app")
    code = cli_main(args, open_window=open_window)
    if code:
        get_logger("cli").warning("torchdesk %s ended with exit code %d", " ".join(args)[:300], code)
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
