"""The OpenMP wait policy for a machine that is doing other things, set before PyTorch loads.

By default GNU OpenMP's helper threads spin between parallel regions. When another
process holds a core, a spinning helper takes the time slice the thread doing the
work needs, and every operation waits for a thread that is not running: training
the walkthrough MLP on 2 threads with one core busy took 14.6 s instead of 0.95 s
with passive waiting. OpenMP reads the policy once, when PyTorch's library loads, so
:func:`prefer_passive_waiting` runs when ``torchdesk.core`` is imported (before any
of its modules imports torch). A policy the person set in the environment wins.
This module must not import torch.
"""

from __future__ import annotations

import os
import sys


def prefer_passive_waiting() -> bool:
    """Set ``OMP_WAIT_POLICY=PASSIVE`` unless it is set or PyTorch is already loaded; True when it set it."""
    if "OMP_WAIT_POLICY" in os.environ or "GOMP_SPINCOUNT" in os.environ or "torch" in sys.modules:
        return False
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    return True
