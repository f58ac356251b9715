"""Exactly what playground code may reach: module members, methods and attributes per type.

Everything not named here is refused. The lists favour what the walkthrough and everyday
tensor play need; anything that reads or writes files, loads pickles, compiles or imports
code, takes a Python callback or reaches into private internals is left out on purpose
(``torch.load``/``save``, ``hub``, ``ops``, ``utils``, ``np.load``, ``ctypeslib``,
``Tensor.storage``/``apply_``/``register_hook``, ``ndarray.tofile``/``dump`` ...).
"""

from __future__ import annotations

import builtins
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate

# ---------------------------------------------------------------- module members

_DTYPES = (
    "float float16 float32 float64 double half bfloat16 int int8 int16 int32 int64 long short "
    "uint8 bool complex64 complex128 cfloat cdouble"
)

TORCH_NAMES = (
    # creation
    "tensor as_tensor from_numpy zeros ones empty full rand randn randint randperm arange linspace "
    "logspace eye zeros_like ones_like empty_like full_like rand_like randn_like randint_like "
    # joining, slicing, shaping
    "cat concat concatenate stack hstack vstack dstack split chunk unbind reshape flatten squeeze "
    "unsqueeze transpose permute t movedim narrow flip roll tril triu diag diagonal diag_embed "
    "gather scatter index_select masked_select take where nonzero broadcast_tensors "
    "broadcast_shapes broadcast_to meshgrid "
    # products
    "matmul mm bmm mv dot outer inner kron tensordot cross "
    # element-wise arithmetic
    "add sub subtract mul multiply div divide true_divide floor_divide remainder fmod pow neg "
    "negative abs exp exp2 expm1 log log2 log10 log1p sqrt rsqrt square reciprocal sin cos tan "
    "asin acos atan atan2 sinh cosh tanh sigmoid relu clamp clip floor ceil round trunc frac sign "
    "lerp maximum minimum logical_and logical_or logical_not logical_xor bitwise_and bitwise_or "
    "bitwise_not bitwise_xor "
    # reductions and comparisons
    "sum mean std var prod max min argmax argmin amax amin median mode norm dist logsumexp "
    "cumsum cumprod cummax cummin sort argsort topk kthvalue unique bincount histc count_nonzero "
    "eq ne gt lt ge le equal allclose isclose all any isnan isinf isfinite trace det inverse "
    "softmax log_softmax cdist numel is_tensor is_floating_point is_complex is_nonzero "
    # autograd and global state that is safe to touch
    "no_grad enable_grad is_grad_enabled manual_seed seed initial_seed get_default_dtype "
    "Size device Tensor "
    # constants
    "pi e inf nan "
) + _DTYPES

TORCH_CUDA_NAMES = "is_available device_count"
TORCH_BACKENDS_MPS_NAMES = "is_available"
TORCH_LINALG_NAMES = (
    "norm vector_norm matrix_norm inv det slogdet svd svdvals eig eigvals eigh eigvalsh solve "
    "matrix_rank qr pinv lstsq cross matmul multi_dot cholesky"
)
NN_FUNCTIONAL_NAMES = (
    "relu relu6 leaky_relu elu selu gelu silu mish softplus softsign sigmoid tanh hardtanh "
    "softmax log_softmax softmin normalize linear bilinear dropout one_hot "
    "binary_cross_entropy binary_cross_entropy_with_logits cross_entropy nll_loss mse_loss "
    "l1_loss smooth_l1_loss huber_loss kl_div cosine_similarity pairwise_distance "
    "conv1d conv2d max_pool1d max_pool2d avg_pool1d avg_pool2d adaptive_avg_pool2d "
    "adaptive_max_pool2d embedding pad"
)

NUMPY_NAMES = (
    "array asarray zeros ones empty full arange linspace eye identity zeros_like ones_like "
    "empty_like full_like add subtract multiply divide true_divide floor_divide power mod "
    "remainder negative abs absolute sqrt square exp log log2 log10 sin cos tan tanh arctan2 "
    "maximum minimum floor ceil round clip sign sum mean std var prod max min argmax argmin "
    "cumsum cumprod sort argsort unique dot matmul inner outer transpose reshape ravel squeeze "
    "expand_dims concatenate stack hstack vstack split where allclose isclose array_equal "
    "isnan isinf isfinite all any nonzero count_nonzero diag trace tril triu flip roll "
    "shares_memory may_share_memory ndim shape size "
    "float16 float32 float64 int8 int16 int32 int64 uint8 bool_ complex64 complex128 "
    "pi e inf nan newaxis"
)
NUMPY_RANDOM_NAMES = "seed rand randn randint random normal uniform permutation"
NUMPY_LINALG_NAMES = "norm inv det svd eig eigh solve matrix_rank qr pinv"

# ---------------------------------------------------------------- methods / attributes per type

TENSOR_VALUES = (
    "shape dtype device T mT H mH ndim grad grad_fn requires_grad is_leaf data real imag "
    "is_cuda itemsize nbytes"
)
TENSOR_METHODS = (
    "size dim numel element_size item tolist numpy to cpu cuda float double half int long bool "
    "type_as detach clone contiguous view view_as reshape reshape_as flatten squeeze unsqueeze "
    "transpose permute t expand expand_as repeat repeat_interleave narrow flip roll chunk split "
    "unbind index_select masked_fill masked_select gather scatter tril triu diag diagonal "
    "add add_ sub sub_ mul mul_ div div_ pow pow_ neg neg_ abs abs_ exp exp_ log log_ sqrt sqrt_ "
    "square sin cos tan tanh sigmoid relu clamp clamp_ clip floor ceil round trunc sign "
    "matmul mm bmm mv dot outer sum mean std var prod max min argmax argmin amax amin median "
    "cumsum cumprod sort argsort topk norm all any eq ne gt lt ge le equal allclose isclose "
    "isnan softmax log_softmax zero_ fill_ fill_diagonal_ copy_ uniform_ normal_ "
    "new_tensor new_zeros new_ones new_empty new_full zeros_like "
    "backward requires_grad_ retain_grad is_floating_point is_complex is_contiguous "
    "data_ptr nonzero unique lerp maximum minimum where"
)
TENSOR_SETTABLE = "requires_grad grad"

NDARRAY_VALUES = "shape dtype ndim size T itemsize nbytes real imag flags"
NDARRAY_METHODS = (
    "sum mean std var prod max min argmax argmin cumsum cumprod reshape ravel flatten squeeze "
    "transpose swapaxes astype copy fill tolist item all any round clip dot nonzero sort argsort "
    "repeat"
)
SCALAR_VALUES = "shape dtype ndim size real imag itemsize"
SCALAR_METHODS = "item tolist astype"
SIZE_METHODS = "numel count index"
DTYPE_VALUES = "is_floating_point is_complex is_signed itemsize"
DEVICE_VALUES = "type index"
NODE_VALUES = "next_functions variable"
NODE_METHODS = "name"
STR_METHODS = (
    "upper lower title capitalize strip lstrip rstrip split rsplit join replace startswith "
    "endswith find count isdigit isalpha format center ljust rjust zfill"
)
LIST_METHODS = "append extend insert pop remove index count reverse sort copy clear"
TUPLE_METHODS = "index count"
RESULT_TUPLE_VALUES = "values indices Q R U S Vh L eigenvalues eigenvectors sign logabsdet solution"
"""Fields of torch's named result tuples (``torch.max(x, 0).values``, ``torch.linalg.qr(a).Q``)."""
DICT_METHODS = "keys values items get pop copy update clear setdefault"
NUMBER_METHODS = "is_integer conjugate"
NUMBER_VALUES = "real imag"
FLAGS_VALUES = "writeable c_contiguous f_contiguous owndata"


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class TypeRule:
    """Which attributes of instances of ``types`` may be read (values) or called (methods)."""

    label: str
    """How messages name the type (translated where shown: ``translate("playground.allowlist", label)``)."""
    types: tuple[type, ...]
    values: frozenset[str] = field(default_factory=frozenset)
    methods: frozenset[str] = field(default_factory=frozenset)
    settable: frozenset[str] = field(default_factory=frozenset)


TYPE_RULES: tuple[TypeRule, ...] = (
    TypeRule(QT_TRANSLATE_NOOP("playground.allowlist", "tensor"), (torch.Tensor,), _names(TENSOR_VALUES), _names(TENSOR_METHODS), _names(TENSOR_SETTABLE)),
    TypeRule("ndarray", (np.ndarray,), _names(NDARRAY_VALUES), _names(NDARRAY_METHODS)),
    TypeRule(QT_TRANSLATE_NOOP("playground.allowlist", "numpy scalar"), (np.generic,), _names(SCALAR_VALUES), _names(SCALAR_METHODS)),
    TypeRule("torch.Size", (torch.Size,), frozenset(), _names(SIZE_METHODS)),
    TypeRule("dtype", (torch.dtype,), _names(DTYPE_VALUES)),
    TypeRule("device", (torch.device,), _names(DEVICE_VALUES)),
    TypeRule("grad_fn", (torch.autograd.graph.Node,), _names(NODE_VALUES), _names(NODE_METHODS)),
    TypeRule(QT_TRANSLATE_NOOP("playground.allowlist", "array flags"), (type(np.zeros(1).flags),), _names(FLAGS_VALUES)),
    TypeRule("str", (str,), frozenset(), _names(STR_METHODS)),
    TypeRule("list", (list,), frozenset(), _names(LIST_METHODS)),
    TypeRule("tuple", (tuple,), _names(RESULT_TUPLE_VALUES), _names(TUPLE_METHODS)),
    TypeRule("dict", (dict,), frozenset(), _names(DICT_METHODS)),
    TypeRule(QT_TRANSLATE_NOOP("playground.allowlist", "number"), (int, float, complex), _names(NUMBER_VALUES), _names(NUMBER_METHODS)),
)


def rule_for(obj: Any) -> TypeRule | None:
    """The first :class:`TypeRule` that covers ``obj``'s type, or None (no attributes at all)."""
    for rule in TYPE_RULES:
        if isinstance(obj, rule.types):
            return rule
    return None


# ---------------------------------------------------------------- namespaces


class SafeNamespace:
    """A stand-in for a module that exposes only allow-listed members (and sub-namespaces).

    The real module object is never handed to playground code, so nothing like
    ``torch.__dict__`` or ``np.lib`` can be reached through it.
    """

    def __init__(self, dotted: str, module: Any, names: str, children: dict[str, SafeNamespace] | None = None) -> None:
        self.dotted = dotted
        self._members: dict[str, Any] = {}
        for name in names.split():
            if hasattr(module, name):
                self._members[name] = getattr(module, name)
        self._members.update(children or {})

    def lookup(self, name: str) -> Any:
        """The member ``name``; raises KeyError when it is not on the allow-list."""
        return self._members[name]

    def names(self) -> list[str]:
        """Every member name, sorted (for completion and the docs)."""
        return sorted(self._members)

    def members(self) -> dict[str, Any]:
        """Name -> object of every member (sub-namespaces included)."""
        return dict(self._members)

    def __repr__(self) -> str:
        return f"<module '{self.dotted}' (playground)>"


def _build_namespaces() -> dict[str, SafeNamespace]:
    import torch.nn.functional as functional

    nn_functional = SafeNamespace("torch.nn.functional", functional, NN_FUNCTIONAL_NAMES)
    nn = SafeNamespace("torch.nn", torch.nn, "", {"functional": nn_functional})
    cuda = SafeNamespace("torch.cuda", torch.cuda, TORCH_CUDA_NAMES)
    mps = SafeNamespace("torch.backends.mps", torch.backends.mps, TORCH_BACKENDS_MPS_NAMES)
    backends = SafeNamespace("torch.backends", torch.backends, "", {"mps": mps})
    linalg = SafeNamespace("torch.linalg", torch.linalg, TORCH_LINALG_NAMES)
    torch_ns = SafeNamespace(
        "torch", torch, TORCH_NAMES, {"nn": nn, "cuda": cuda, "linalg": linalg, "backends": backends}
    )
    np_random = SafeNamespace("numpy.random", np.random, NUMPY_RANDOM_NAMES)
    np_linalg = SafeNamespace("numpy.linalg", np.linalg, NUMPY_LINALG_NAMES)
    numpy_ns = SafeNamespace("numpy", np, NUMPY_NAMES, {"random": np_random, "linalg": np_linalg})
    return {"torch": torch_ns, "numpy": numpy_ns, "torch.nn": nn, "torch.nn.functional": nn_functional}


NAMESPACES: dict[str, SafeNamespace] = _build_namespaces()
"""Importable dotted name -> its safe stand-in (``import torch.nn.functional as F`` binds one)."""

# ---------------------------------------------------------------- builtins


def _safe_type(obj: Any) -> type:
    """``type(x)`` for display; the class it returns can only be called if it is itself allowed."""
    return type(obj)


SAFE_BUILTINS: dict[str, Any] = {
    name: getattr(builtins, name)
    for name in (
        "abs all any bool complex dict divmod enumerate float int isinstance len list max min "
        "range repr reversed round set sorted str sum tuple zip format hash slice chr ord bin hex"
    ).split()
}
SAFE_BUILTINS["type"] = _safe_type
SAFE_BUILTINS.update({"True": True, "False": False, "None": None})

_FORBIDDEN = QT_TRANSLATE_NOOP(
    "playground.allowlist", "{name}() is not available in the playground: it could run or reach code outside the sandbox")
FORBIDDEN_NAMES: dict[str, str] = {
    name: _FORBIDDEN
    for name in (
        "eval exec compile getattr setattr delattr hasattr open __import__ globals locals vars dir "
        "input breakpoint help memoryview object super classmethod staticmethod property "
        "exit quit license credits copyright __builtins__ __loader__ __spec__ id callable iter "
        "next issubclass map filter"
    ).split()
}
FORBIDDEN_NAMES["open"] = QT_TRANSLATE_NOOP(
    "playground.allowlist", "open() is not available in the playground: code here cannot read or write files")
FORBIDDEN_NAMES["__import__"] = QT_TRANSLATE_NOOP(
    "playground.allowlist", "__import__ is not available in the playground: only torch and numpy can be used")
"""Builtins refused by name -> why (an English template with ``{name}``; :func:`forbidden_message` translates it)."""


def forbidden_message(name: str) -> str:
    """Why the name ``name`` is refused, in the current language."""
    template = FORBIDDEN_NAMES.get(name)
    if template is None:
        return translate("playground.allowlist", "'{name}' is not available").format(name=name)
    return translate("playground.allowlist", template).replace("{name}", name)

# ---------------------------------------------------------------- derived sets


def _all_callables() -> dict[int, tuple[Any, str]]:
    found: dict[int, tuple[Any, str]] = {}

    def visit(ns: SafeNamespace) -> None:
        for name, obj in ns.members().items():
            if isinstance(obj, SafeNamespace):
                visit(obj)
            elif callable(obj):
                found[id(obj)] = (obj, f"{ns.dotted}.{name}")

    visit(NAMESPACES["torch"])
    visit(NAMESPACES["numpy"])
    for name, obj in SAFE_BUILTINS.items():
        if callable(obj):
            found[id(obj)] = (obj, name)
    return found


ALLOWED_CALLABLES: dict[int, tuple[Any, str]] = _all_callables()
"""id -> (object, qualified name) of every function or class playground code may call directly."""


def callable_name(obj: Any) -> str | None:
    """The allow-listed name of ``obj`` if it may be called directly, else None."""
    entry = ALLOWED_CALLABLES.get(id(obj))
    if entry is not None and entry[0] is obj:
        return entry[1]
    return None


def _all_attribute_names() -> frozenset[str]:
    names: set[str] = set()
    for ns in NAMESPACES.values():
        names.update(ns.names())
    for ns in (NAMESPACES["torch"].lookup(n) for n in ("cuda", "linalg", "backends")):
        names.update(ns.names())
    names.update(NAMESPACES["torch"].lookup("backends").lookup("mps").names())
    for sub in ("random", "linalg"):
        names.update(NAMESPACES["numpy"].lookup(sub).names())
    for rule in TYPE_RULES:
        names.update(rule.values, rule.methods)
    return frozenset(names)


ALL_ATTRIBUTE_NAMES: frozenset[str] = _all_attribute_names()
"""Every attribute name allowed somewhere; the static check refuses any other before running."""


def closest_name(name: str, allowed: Iterable[str]) -> str | None:
    """The allowed name ``name`` is most likely a typo of (``sahpe`` -> ``shape``), or None when none is close.

    A refused typo otherwise reads like a permission problem; the refusal names this one instead.
    """
    matches = difflib.get_close_matches(name, sorted(allowed), n=1, cutoff=0.75)
    return matches[0] if matches else None

CONTEXT_MANAGERS: tuple[type, ...] = (torch.no_grad, torch.enable_grad)
"""Classes whose instances may appear in ``with``."""

ALLOWED_IMPORTS: dict[str, str] = {
    "torch": "torch",
    "numpy": "numpy",
    "torch.nn": "torch.nn",
    "torch.nn.functional": "torch.nn.functional",
}
