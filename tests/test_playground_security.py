"""Known sandbox escapes are refused with a clear message, and nothing of the code runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from torchdesk.core.playground import Evaluator

PRELUDE = "ran = torch.ones(1)\nprint('ran')\n"
"""Put before each escape: if anything ran, the variable and the output would exist."""

ESCAPES: dict[str, str] = {
    "subclasses walk": "().__class__.__bases__[0].__subclasses__()",
    "subclasses via object": "x = ()\nx.__class__.__mro__[-1].__subclasses__()",
    "format attribute access": '"{0.__class__}".format(x)',
    "format index access": '"{0[0]}".format([1])',
    "format through a variable": 'f = "{0.__class__.__init__.__globals__}"\nf.format(1)',
    "torch.load": 'torch.load("model.pth")',
    "torch.load weights_only": 'torch.load("model.pth", weights_only=True)',
    "torch.save": 'torch.save(torch.ones(1), "/tmp/owned.pt")',
    "np.load pickle": 'np.load("x.npy", allow_pickle=True)',
    "np.save": 'np.save("/tmp/owned.npy", np.ones(2))',
    "np.fromfile": 'np.fromfile("/etc/passwd")',
    "ndarray.tofile": 'a = np.ones(2)\na.tofile("/tmp/owned")',
    "ndarray.dump": 'a = np.ones(2)\na.dump("/tmp/owned")',
    "torch.hub": 'torch.hub.load("pytorch/vision", "resnet18")',
    "torch.ops": "torch.ops.aten.add(torch.ones(1), 1)",
    "cpp_extension": 'torch.utils.cpp_extension.load_inline("x", "int main(){}")',
    "np.ctypeslib": "np.ctypeslib.as_array(1)",
    "__import__": '__import__("os").system("echo owned")',
    "import os": 'import os\nos.system("echo owned")',
    "from import": "from subprocess import run",
    "import torch submodule": "import torch.utils.data",
    "getattr globals": 'getattr(x, "__globals__")',
    "eval": 'eval("1 + 1")',
    "exec": 'exec("x = 1")',
    "compile": 'compile("1", "x", "eval")',
    "open": 'open("/etc/passwd").read()',
    "lambda": "(lambda: torch.ones(1))()",
    "lambda defaults": "f = lambda g=print: g\nf()",
    "list comprehension": "[c for c in ().__class__.__bases__]",
    "generator frames": "g = (x for x in [1])\ng.gi_frame",
    "dict comprehension": "{k: v for k, v in {}.items()}",
    "def": "def f():\n    return 1",
    "class": "class A:\n    pass",
    "dunder name": "__builtins__",
    "dunder attribute on tensor": "t = torch.ones(1)\nt.__reduce_ex__(2)",
    "private torch": "torch._C",
    "storage": "t = torch.ones(1)\nt.untyped_storage()",
    "register_hook": "t = torch.ones(1, requires_grad=True)\nt.register_hook(print)",
    "apply_": "t = torch.ones(1)\nt.apply_(print)",
    "function globals": "F.relu.__globals__",
    "method self": "print.__self__",
    "type constructor": 'type(type)("X", (), {})',
    "type attributes": "type(torch.ones(1)).mro()",
    "class attribute on str": 'str.format("{0.__class__}", 1)',
    "vars": "vars()",
    "globals": "globals()",
    "try except": "try:\n    1\nexcept Exception as e:\n    e.__traceback__",
    "print to file": 'print("owned", file=open("/tmp/owned", "w"))',
    "np.lib": "np.lib.format.read_array",
    "torch.nn module": "torch.nn.Module",
    "torch.jit": 'torch.jit.load("x.pt")',
    "np.random generator": "np.random.default_rng().bit_generator",
}


@pytest.mark.parametrize("code", list(ESCAPES.values()), ids=list(ESCAPES))
def test_escape_is_refused_with_a_clear_message_and_nothing_runs(code: str, tmp_path: Path) -> None:
    evaluator = Evaluator()
    evaluator.namespace["x"] = 1
    result = evaluator.run(PRELUDE + code)
    assert not result.ok
    problem = result.error
    assert problem.kind == "refused", problem
    assert "not available" in problem.message or "not allowed" in problem.message or "not on the" in problem.message
    assert problem.line >= 3  # it points at the escape, not at the harmless prelude
    assert result.output == "" and "ran" not in evaluator.namespace
    assert not Path("/tmp/owned").exists() and not Path("/tmp/owned.pt").exists()


def test_format_through_runtime_value_is_refused_when_reached() -> None:
    evaluator = Evaluator()
    result = evaluator.run('s = "{0." + "__class__}"\nprint("before")\ns.format(1)')
    assert result.error.kind == "refused" and result.error.line == 3
    assert "format field" in result.error.message


def test_calling_a_non_allow_listed_object_is_refused() -> None:
    evaluator = Evaluator()
    evaluator.namespace["f"] = os.getcwd  # smuggled in from outside: still not callable from playground code
    result = evaluator.run("f()")
    assert result.error.kind == "refused" and "not available" in result.error.message


def test_only_allow_listed_modules_can_be_imported_and_they_are_safe_stand_ins() -> None:
    evaluator = Evaluator()
    result = evaluator.run("import numpy as numpy_alias\nnumpy_alias")
    assert result.ok
    assert "playground" in result.output
    assert evaluator.run("numpy_alias.lib").error.kind == "refused"


@pytest.mark.parametrize(
    "code",
    ["sorted([3, 1], key=torch.Tensor)", "max([10], key=torch.ones)", "xs = [1]\nxs.sort(key=abs)", "t = torch.ones(2)\nsorted([t], key=t.add)",
     "np.array([1], dtype=print)", "torch.tensor([1]).apply_"],
)
def test_functions_cannot_be_smuggled_in_as_callbacks(code: str) -> None:
    result = Evaluator().run(code)
    assert result.error.kind == "refused", result.error


def test_types_still_work_as_dtype_and_isinstance_arguments() -> None:
    result = Evaluator().run("a = np.array([1.5]).astype(np.float32)\nprint(a.dtype, isinstance(torch.ones(1), torch.Tensor))")
    assert result.output == "float32 True\n"
