"""The tensor playground engine: a safe evaluator for a small Python subset over torch and NumPy.

Nothing here imports Qt. The desktop panel, tests and scripts use it the same way::

    from torchdesk.core.playground import Evaluator
    ev = Evaluator()
    result = ev.run("x = torch.ones(2, 2)\\nprint(x)")
    print(result.output)

Modules: :mod:`.allowlist` (what may be touched), :mod:`.validate` (the static check run
before anything executes), :mod:`.limits` (size and work bounds), :mod:`.evaluator` (the
tree walker), :mod:`.variables` (the variables table and the NumPy bridge),
:mod:`.autograd_graph` (``grad_fn`` graphs), :mod:`.examples` (walkthrough snippets) and
:mod:`.cells` (which part of an editor's text to run); :mod:`.kernel` and :mod:`.kernel_client` (the
worker process code runs in), :mod:`.python_mode` and :class:`PythonSession` (full Python, chosen by
the person, in that worker) and :mod:`.walkthrough` (the walkthrough's blocks and chapters).
"""

from torchdesk.core.playground.autograd_graph import AutogradGraph, GraphEdge, GraphNode, autograd_graph
from torchdesk.core.playground.cells import cell_at
from torchdesk.core.playground.errors import Interrupted, LimitExceeded, PlaygroundError, Problem, Refused
from torchdesk.core.playground.evaluator import Evaluator, RunResult
from torchdesk.core.playground.examples import EXAMPLES, Example
from torchdesk.core.playground.limits import Limits
from torchdesk.core.playground.python_session import PythonSession
from torchdesk.core.playground.variables import VariableInfo, describe_variables

__all__ = [
    "EXAMPLES",
    "AutogradGraph",
    "Evaluator",
    "Example",
    "GraphEdge",
    "GraphNode",
    "Interrupted",
    "LimitExceeded",
    "Limits",
    "PlaygroundError",
    "Problem",
    "PythonSession",
    "Refused",
    "RunResult",
    "VariableInfo",
    "autograd_graph",
    "cell_at",
    "describe_variables",
]
