"""Read pickle-based dataset files (CIFAR's python batches) without letting them run code.

A pickle can name any importable callable and call it while loading. Dataset files
from the internet only need dicts, lists, bytes and NumPy arrays, so this unpickler
allows exactly the NumPy reconstruction helpers and refuses every other global.
"""

from __future__ import annotations

import pickle
from typing import IO, Any

from torchdesk.core.i18n import translate

_ALLOWED = {
    ("numpy.core.multiarray", "_reconstruct"),
    ("numpy._core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"),
    ("numpy._core.multiarray", "scalar"),
    ("numpy", "ndarray"),
    ("numpy", "dtype"),
    ("_codecs", "encode"),
}


class RestrictedUnpickler(pickle.Unpickler):
    """An unpickler that only reconstructs plain data and NumPy arrays."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(
            translate("safe_pickle", "refusing to load {name}: a dataset file should hold only data, and this one "
                                     "asks to run code").format(name=f"{module}.{name}")
        )


def load_data_pickle(fh: IO[bytes], encoding: str = "latin1") -> Any:
    """``pickle.load`` for data files, refusing anything that would import or call code."""
    return RestrictedUnpickler(fh, encoding=encoding).load()
