"""The walkthrough's tensor, NumPy-bridge and autograd code, as ready snippets for the Examples menu.

``WALKTHROUGH_CELLS`` holds the walkthrough's cells verbatim (code and the output it shows,
random numbers included); run in order in one playground they reproduce the walkthrough.
``EXAMPLES`` are the menu entries: each is self-contained (it repeats the lines it needs
from earlier cells) so it runs on its own in a fresh playground.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from torchdesk.core.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Cell:
    """One walkthrough cell: its code and the output the walkthrough shows for it."""

    code: str
    output: str
    random: bool = False
    """True when the printed numbers are random (compare format, not values)."""


@dataclass(frozen=True)
class Example:
    """One entry of the Examples menu."""

    title: str
    """The menu's text, in English (shown through ``translate("examples", title)``)."""
    code: str
    output: str
    random: bool = False


IMPORTS = Cell("import torch\nimport numpy as np\n", "")

FROM_DATA = Cell(
    "# Directly from data\n"
    "data = [[1,2],[3,4]]\n"
    "x_data = torch.tensor(data)\n"
    "print(x_data)\n",
    "tensor([[1, 2],\n        [3, 4]])\n",
)

FROM_NUMPY = Cell(
    "# From a NumPy array\n"
    "np_array = np.array(data)\n"
    "x_np = torch.from_numpy(np_array)\n"
    "print(x_np)\n",
    "tensor([[1, 2],\n        [3, 4]])\n",
)

FROM_TENSOR = Cell(
    "# From another tensor\n"
    "x_ones = torch.ones_like(x_data) # retains the properties of x_data\n"
    'print(f"Ones Tensor: \\n {x_ones} \\n")\n'
    "\n"
    "x_rand = torch.rand_like(x_data, dtype=torch.float) # overrides the datatype of x_data\n"
    'print(f"Random Tensor: \\n {x_rand} \\n")\n',
    "Ones Tensor: \n tensor([[1, 1],\n        [1, 1]]) \n\n"
    "Random Tensor: \n tensor([[0.5171, 0.1379],\n        [0.1828, 0.7331]]) \n\n",
    random=True,
)

SHAPES = Cell(
    "# With random or constant values of a given shape\n"
    "shape = (2,3,) # 2x3\n"
    "rand_tensor = torch.rand(shape)\n"
    "\n"
    'print(f"Random Tensor: \\n {rand_tensor} \\n")\n',
    "Random Tensor: \n tensor([[0.6872, 0.4439, 0.2150],\n        [0.8149, 0.2264, 0.2461]]) \n\n",
    random=True,
)

TO_GPU = Cell(
    "# Move the tensor to the GPU if one is available\n"
    "if torch.cuda.is_available():\n"
    '    tensor = tensor.to("cuda")\n',
    "",
)

CAT = Cell(
    "# Joining tensors\n"
    "tensor = torch.ones(4, 4) # 4x4\n"
    "tensor[:,1] = 0 # every row, column 1 = 0\n"
    "t1 = torch.cat([tensor, tensor, tensor], dim=1)\n"
    "print(t1)\n",
    "tensor([[1., 0., 1., 1., 1., 0., 1., 1., 1., 0., 1., 1.],\n"
    "        [1., 0., 1., 1., 1., 0., 1., 1., 1., 0., 1., 1.],\n"
    "        [1., 0., 1., 1., 1., 0., 1., 1., 1., 0., 1., 1.],\n"
    "        [1., 0., 1., 1., 1., 0., 1., 1., 1., 0., 1., 1.]])\n",
)

PRODUCTS = Cell(
    "# Matrix multiplication: y1, y2, y3 all hold the same value\n"
    "y1 = tensor @ tensor.T\n"
    "y2 = tensor.matmul(tensor.T)\n"
    "y3 = torch.rand_like(y1)\n"
    "torch.matmul(tensor, tensor.T, out=y3)\n"
    "print(y1)\n"
    "\n"
    "# Element-wise product: z1, z2, z3 all hold the same value\n"
    "z1 = tensor * tensor\n"
    "z2 = tensor.mul(tensor)\n"
    "z3 = torch.rand_like(tensor)\n"
    "torch.mul(tensor, tensor, out=z3)\n"
    "print(z1)\n",
    "tensor([[3., 3., 3., 3.],\n        [3., 3., 3., 3.],\n        [3., 3., 3., 3.],\n        [3., 3., 3., 3.]])\n"
    "tensor([[1., 0., 1., 1.],\n        [1., 0., 1., 1.],\n        [1., 0., 1., 1.],\n        [1., 0., 1., 1.]])\n",
)

BRIDGE_TENSOR_TO_NUMPY = Cell(
    "t = torch.ones(5)\n"
    "n = t.numpy()\n"
    "\n"
    "# They share memory, so a change to the tensor shows in the NumPy array\n"
    "t.add_(1)\n"
    'print(f"t: {t}")\n'
    'print(f"n: {n}")\n',
    "t: tensor([2., 2., 2., 2., 2.])\nn: [2. 2. 2. 2. 2.]\n",
)

BRIDGE_NUMPY_TO_TENSOR = Cell(
    "n = np.ones(5)\n"
    "t = torch.from_numpy(n)\n"
    "\n"
    "# A change to the NumPy array shows in the tensor\n"
    "np.add(n, 1, out=n)\n"
    'print(f"t: {t}")\n'
    'print(f"n: {n}")\n',
    "t: tensor([2., 2., 2., 2., 2.], dtype=torch.float64)\nn: [2. 2. 2. 2. 2.]\n",
)

AUTOGRAD_SETUP = Cell(
    "x = torch.ones(5)  # input tensor\n"
    "y = torch.zeros(3)  # expected output\n"
    "w = torch.randn(5, 3, requires_grad=True) # weight\n"
    "b = torch.randn(3, requires_grad=True) # bias\n"
    "z = torch.matmul(x, w)+b # perceptron\n"
    "loss = torch.nn.functional.binary_cross_entropy_with_logits(z, y) # loss\n",
    "",
)

AUTOGRAD_BACKWARD = Cell(
    "# Computing gradients\n"
    "loss.backward()\n"
    "print(w.grad)\n"
    "print(b.grad)\n",
    "tensor([[0.1557, 0.2715, 0.0344],\n        [0.1557, 0.2715, 0.0344],\n        [0.1557, 0.2715, 0.0344],\n"
    "        [0.1557, 0.2715, 0.0344],\n        [0.1557, 0.2715, 0.0344]])\ntensor([0.1557, 0.2715, 0.0344])\n",
    random=True,
)

AUTOGRAD_NO_GRAD = Cell(
    "# Stop tracking when only the forward pass is needed\n"
    "print(z.requires_grad) # True: tracked\n"
    "with torch.no_grad(): # stop tracking\n"
    "    z = torch.matmul(x, w)+b\n"
    "print(z.requires_grad)\n",
    "True\nFalse\n",
)

WALKTHROUGH_CELLS: tuple[Cell, ...] = (
    IMPORTS, FROM_DATA, FROM_NUMPY, FROM_TENSOR, SHAPES, CAT, TO_GPU, PRODUCTS,
    BRIDGE_TENSOR_TO_NUMPY, BRIDGE_NUMPY_TO_TENSOR, AUTOGRAD_SETUP, AUTOGRAD_BACKWARD, AUTOGRAD_NO_GRAD,
)
"""The walkthrough's cells in its order (the GPU move sits after ``tensor`` exists)."""

_DATA = "data = [[1,2],[3,4]]\n"
_X_DATA = _DATA + "x_data = torch.tensor(data)\n"


def _example(title: str, *cells: Cell, setup: str = "") -> Example:
    code = setup + "\n".join(cell.code for cell in cells)
    return Example(title, code, "".join(cell.output for cell in cells), any(cell.random for cell in cells))


IN_PLACE = Cell(
    "# In-place operations end in _ and change the tensor itself\n"
    "tensor = torch.ones(4, 4)\n"
    "tensor[:,1] = 0\n"
    'print(f"{tensor} \\n")\n'
    "tensor.add_(5)\n"
    "print(tensor)\n",
    "tensor([[1., 0., 1., 1.],\n        [1., 0., 1., 1.],\n        [1., 0., 1., 1.],\n        [1., 0., 1., 1.]]) \n\n"
    "tensor([[6., 5., 6., 6.],\n        [6., 5., 6., 6.],\n        [6., 5., 6., 6.],\n        [6., 5., 6., 6.]])\n",
)

EXAMPLES: tuple[Example, ...] = (
    _example(QT_TRANSLATE_NOOP("examples", "Tensors from data"), FROM_DATA),
    _example(QT_TRANSLATE_NOOP("examples", "Tensors from NumPy arrays"), FROM_NUMPY, setup=_DATA),
    _example(QT_TRANSLATE_NOOP("examples", "Tensors from other tensors"), FROM_TENSOR, setup=_X_DATA),
    _example(QT_TRANSLATE_NOOP("examples", "Random and constant tensors of a shape"), SHAPES),
    _example(QT_TRANSLATE_NOOP("examples", "Joining tensors with torch.cat"), CAT, TO_GPU),
    _example(QT_TRANSLATE_NOOP("examples", "Matrix and element-wise products (three ways each)"), PRODUCTS, setup="tensor = torch.ones(4, 4)\ntensor[:,1] = 0\n"),
    _example(QT_TRANSLATE_NOOP("examples", "In-place operations (add_)"), IN_PLACE),
    _example(QT_TRANSLATE_NOOP("examples", "NumPy bridge: tensor to NumPy"), BRIDGE_TENSOR_TO_NUMPY),
    _example(QT_TRANSLATE_NOOP("examples", "NumPy bridge: NumPy to tensor"), BRIDGE_NUMPY_TO_TENSOR),
    _example(QT_TRANSLATE_NOOP("examples", "Autograd: gradients with backward()"), AUTOGRAD_SETUP, AUTOGRAD_BACKWARD),
    _example(QT_TRANSLATE_NOOP("examples", "Autograd: stop tracking with torch.no_grad()"), AUTOGRAD_SETUP, AUTOGRAD_NO_GRAD),
)
"""Every walkthrough topic as a snippet that runs on its own."""

_NUMBER = re.compile(r"-?\d+(\.\d*)?(e[+-]?\d+)?")


_DEVICE = re.compile(r",\s*device='[a-z]+:\d+'")


def without_device(text: str) -> str:
    """``text`` without torch's ``, device='cuda:0'`` suffixes (the walkthrough printed CPU tensors)."""
    return _DEVICE.sub("", text)


def output_shape(text: str) -> str:
    """``text`` with every number replaced by ``#`` (to compare random outputs by format)."""
    return _NUMBER.sub("#", text)
