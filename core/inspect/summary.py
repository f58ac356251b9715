"""The layer table: every module with its output shape for a real input, parameters and cost.

One forward pass with hooks on every module records what each one produced, so the
shapes are the ones the model really computes for the dataset's input size, not
guesses from the constructor arguments.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import torch
from torch import nn

from torchdesk.core.formatting import human_bytes  # noqa: F401  (the panels import it from here)
from torchdesk.core.i18n import translate
from torchdesk.core.inspect.probe import format_shapes, inspecting, sample_batch, shape_of


@dataclass
class LayerRow:
    """One module of the model, as a row of the layer table.

    ``params`` and ``trainable`` count the module's whole subtree; ``output_shapes``
    are from the last call (a module called twice, like a shared ReLU, shows
    ``calls == 2``); ``macs`` sums multiply-accumulates over every call of a
    convolution or linear layer (0 for everything else).
    """

    name: str
    type: str
    depth: int
    leaf: bool
    params: int
    trainable: int
    output_shapes: tuple[tuple[int, ...], ...] = ()
    calls: int = 0
    macs: int = 0
    detail: str = ""

    @property
    def shape_text(self) -> str:
        """The output shape as people write it (``1×64×28×28``)."""
        return format_shapes(self.output_shapes)

    @property
    def trainable_text(self) -> str:
        """``yes``, ``no`` or ``partly``; ``—`` for a module without parameters."""
        if self.params == 0:
            return "—"
        if self.trainable == self.params:
            return translate("inspect", "yes")
        return translate("inspect", "no") if self.trainable == 0 else translate("inspect", "partly")


@dataclass
class ModelSummary:
    """What the model panel's summary shows: rows, totals, cost and the ``print(model)`` text."""

    rows: list[LayerRow]
    input_shape: tuple[int, ...]
    output_shapes: tuple[tuple[int, ...], ...]
    total_params: int
    trainable_params: int
    param_bytes: int
    buffer_bytes: int
    macs: int
    text: str
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def row(self, name: str) -> LayerRow:
        """The row of the module called ``name`` (``""`` is the whole model)."""
        for row in self.rows:
            if row.name == name:
                return row
        raise KeyError(name)

    def totals_text(self) -> str:
        """A few lines of totals for the summary view."""
        lines = [
            translate("inspect", "Input: {input}   Output: {output}").format(
                input=format_shapes([self.input_shape]), output=format_shapes(self.output_shapes)),
            translate("inspect", "Parameters: {total:,} ({trainable:,} trainable, {frozen:,} frozen)").format(
                total=self.total_params, trainable=self.trainable_params,
                frozen=self.total_params - self.trainable_params),
            translate("inspect", "Parameter memory: {size}").format(size=human_bytes(self.param_bytes))
            + (translate("inspect", " (+ {size} of buffers)").format(size=human_bytes(self.buffer_bytes))
               if self.buffer_bytes else ""),
            translate("inspect", "Multiply-accumulates per sample: {count} (convolutions and linear layers)").format(
                count=human_count(self.macs)),
        ]
        if self.error:
            lines.append(translate("inspect", "The sample forward pass failed: {error}").format(error=self.error))
        return "\n".join(lines)



def human_count(n: int) -> str:
    """``1.82 G`` / ``415.2 M`` / ``12.3 K`` style."""
    for factor, unit in ((1e9, "G"), (1e6, "M"), (1e3, "K")):
        if n >= factor:
            return f"{n / factor:.2f} {unit}"
    return str(n)


def module_macs(module: nn.Module, inputs: tuple[Any, ...], output: Any) -> int:
    """Multiply-accumulates of one call of a convolution or linear layer (0 for other modules)."""
    out = output if isinstance(output, torch.Tensor) else None
    if out is None:
        return 0
    if isinstance(module, nn.modules.conv._ConvNd):
        kernel = 1
        for k in module.kernel_size:
            kernel *= int(k)
        if module.transposed:
            x = inputs[0] if inputs and isinstance(inputs[0], torch.Tensor) else None
            if x is None:
                return 0
            return int(x.numel() * (module.out_channels // module.groups) * kernel)
        return int(out.numel() * (module.in_channels // module.groups) * kernel)
    if isinstance(module, nn.Linear):
        return int(out.numel() * module.in_features)
    if isinstance(module, nn.Bilinear):
        return int(out.numel() * module.in1_features * module.in2_features)
    return 0


def _short_detail(module: nn.Module) -> str:
    try:
        text = module.extra_repr()
    except Exception:
        return ""
    return text if len(text) <= 80 else text[:77] + "..."


def summarize(model: nn.Module, input_shape: Sequence[int], sample: torch.Tensor | None = None) -> ModelSummary:
    """Run one ``(1, C, H, W)`` sample through ``model`` and describe every module.

    A forward pass that fails (a model that does not fit the input size) still
    yields the rows, without shapes, and ``error`` says what went wrong.
    """
    names = {module: name for name, module in model.named_modules()}
    shapes: dict[str, tuple[tuple[int, ...], ...]] = {}
    calls: dict[str, int] = {}
    macs: dict[str, int] = {}

    def hook(module: nn.Module, inputs: tuple[Any, ...], output: Any) -> None:
        name = names.get(module)
        if name is None:
            return
        shapes[name] = shape_of(output)
        calls[name] = calls.get(name, 0) + 1
        macs[name] = macs.get(name, 0) + module_macs(module, inputs, output)

    handles = [module.register_forward_hook(hook) for module in names]
    error = ""
    batch = sample_batch(model, input_shape, sample)
    output: Any = None
    try:
        with inspecting(model):
            output = model(batch)
    except Exception as exc:  # a model that does not fit this input still gets its table
        error = f"{type(exc).__name__}: {exc}"
    finally:
        for handle in handles:
            handle.remove()

    rows: list[LayerRow] = []
    for name, module in model.named_modules():
        params = list(module.parameters())
        subtree_macs = sum(v for k, v in macs.items() if k == name or not name or k.startswith(name + "."))
        rows.append(LayerRow(
            name=name,
            type=type(module).__name__,
            depth=0 if not name else name.count(".") + 1,
            leaf=not any(True for _ in module.children()),
            params=sum(p.numel() for p in params),
            trainable=sum(p.numel() for p in params if p.requires_grad),
            output_shapes=shapes.get(name, ()),
            calls=calls.get(name, 0),
            macs=subtree_macs,
            detail=_short_detail(module),
        ))
    all_params = list(model.parameters())
    return ModelSummary(
        rows=rows,
        input_shape=tuple(batch.shape),
        output_shapes=shape_of(output) if output is not None else (),
        total_params=sum(p.numel() for p in all_params),
        trainable_params=sum(p.numel() for p in all_params if p.requires_grad),
        param_bytes=sum(p.numel() * p.element_size() for p in all_params),
        buffer_bytes=sum(b.numel() * b.element_size() for b in model.buffers()),
        macs=sum(macs.values()),
        text=str(model),
        error=error,
    )
