"""The OpenMP wait policy for a machine that is doing other things, set before PyTorch loads.

GNU OpenMP, which PyTorch's Linux wheels use, lets its helper threads spin between
parallel regions (300,000 turns by default) before they sleep. When another process
holds a core, a spinning helper takes the time slice the thread doing the work
needs, and every operation waits for a thread that is not running. Never spinning
(``OMP_WAIT_POLICY=PASSIVE``) avoids that but pays a wake-up at every operation:
measured on this project's 2-core machine (``bench/busy_machine.py``), with nothing
else running, it made 2-thread epochs about 40% slower (MLP) and 30% slower (CNN).
A short spin (:data:`SPIN_COUNT` turns) kept the quiet-machine speed (within 3-5% of
the default) and, with the measured thread count of :mod:`torchdesk.core.thread_tuner`
(which moves a run off a busy core), the busy case too. OpenMP reads this once,
when PyTorch's library loads, so :func:`prefer_short_spinning` runs when
``torchdesk.core`` is imported (before any of its modules imports torch). A policy
the person set in the environment wins. This module must not import torch.
"""

from __future__ import annotations

import os
import sys
from typing import Mapping, MutableMapping

SPIN_COUNT = "20000"
_PERSON_SETTINGS = ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")


def prefer_short_spinning(environ: MutableMapping[str, str] | None = None,
                          modules: Mapping[str, object] | None = None) -> bool:
    """Set ``GOMP_SPINCOUNT`` unless a wait policy is set or PyTorch is already loaded; True when it set it."""
    environ = os.environ if environ is None else environ
    modules = sys.modules if modules is None else modules
    if any(name in environ for name in _PERSON_SETTINGS) or "torch" in modules:
        return False
    environ["GOMP_SPINCOUNT"] = SPIN_COUNT
    return True
