"""Which number format a run computes in, checked against the hardware, and the training step that uses it.

A run's ``precision`` setting is ``auto``, ``fp32``, ``bf16`` or ``fp16``. Mixed
precision keeps the weights, the optimizer state and every checkpoint in fp32 and
runs the forward pass and loss under :func:`torch.autocast`; fp16 also scales the
loss (:class:`torch.amp.GradScaler`) so small gradients do not flush to zero.

``auto`` picks bf16 on a CPU with native BF16 instructions (read from the CPU's own
flags, not from whether torch accepts the dtype: torch emulates bf16 everywhere, and
emulated bf16 is slower than fp32), bf16 on a CUDA GPU that supports it, fp16 with
scaling on an older GPU, and fp32 elsewhere. An explicit ``bf16`` or ``fp16`` the
hardware lacks is refused with a :class:`PrecisionError`; only ``auto`` falls back.

A :class:`~torchdesk.core.run_config.RunConfig` that does not say (every run file
and checkpoint written before this setting existed, and one built in code) means
``fp32``, so old runs resume as they were and the walkthrough's numbers stay exact;
the places where a person starts a new run (the Train panel, ``torchdesk train``)
start from :data:`NEW_RUN_PRECISION`.
"""

from __future__ import annotations

import contextlib
import functools
import math
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, ContextManager

import torch
from torch import nn

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate
from torchdesk.core.run_config import PRECISIONS

NEW_RUN_PRECISION = "auto"
"""The precision a new run starts with in the app and the CLI."""

PRECISION_LABELS = {
    "auto": QT_TRANSLATE_NOOP("precision", "Auto"),
    "fp32": QT_TRANSLATE_NOOP("precision", "fp32 (full precision)"),
    "bf16": QT_TRANSLATE_NOOP("precision", "bf16 mixed precision"),
    "fp16": QT_TRANSLATE_NOOP("precision", "fp16 mixed precision"),
}
"""Short names for a precision chooser, in the order to offer them (English: show them with :func:`precision_label`)."""


def precision_label(name: str) -> str:
    """The chooser's name of a precision setting in the current language (``Auto``, ``fp32 (full precision)``)."""
    label = PRECISION_LABELS.get(name)
    return translate("precision", label) if label else name

# x86 flags for native BF16 arithmetic (AVX-512 BF16, AMX); "bf16" is ARMv8.6's.
_BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16", "bf16"})
_FP16_FLAGS = frozenset({"avx512_fp16", "amx_fp16"})
# GradScaler steps skipped in a row (non-finite gradients) before the run counts as diverged:
# the scale starts at 2**16 and halves on each, so 30 means it is below 1e-4 by then.
MAX_SKIPPED_STEPS = 30


class PrecisionError(ValueError):
    """The precision asked for is not one this machine or device can compute in."""


def read_cpu_flags(path: str | Path = "/proc/cpuinfo") -> frozenset[str]:
    """The CPU's feature flags as Linux reports them; empty where that file does not exist (macOS, Windows)."""
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            for _ in range(10_000):  # the first processor's block says it; never read an unbounded file
                line = handle.readline(65_536)
                if not line:
                    break
                key, sep, value = line.partition(":")
                if sep and key.strip().lower() in ("flags", "features"):
                    return frozenset(value.split())
    except OSError:
        pass
    return frozenset()


@functools.lru_cache(maxsize=1)
def cpu_flags() -> frozenset[str]:
    """:func:`read_cpu_flags` of this machine, read once."""
    return read_cpu_flags() if platform.system() == "Linux" else frozenset()


def cpu_has_native_bf16(flags: frozenset[str] | None = None) -> bool:
    """Whether the CPU computes in bfloat16 natively (AVX-512 BF16 or AMX on x86, BF16 on ARM)."""
    return bool(_BF16_FLAGS & (cpu_flags() if flags is None else flags))


def cpu_has_native_fp16(flags: frozenset[str] | None = None) -> bool:
    """Whether the CPU computes in float16 natively (AVX-512 FP16 or AMX-FP16)."""
    return bool(_FP16_FLAGS & (cpu_flags() if flags is None else flags))


def cuda_supports_bf16(device: torch.device) -> bool:
    """Whether the CUDA device computes in bfloat16 natively (Ampere and later)."""
    try:
        major, _ = torch.cuda.get_device_capability(device)
    except Exception:
        return False
    return major >= 8


@dataclass(frozen=True)
class Hardware:
    """What :func:`resolve_precision` needs to know about the machine; tests pass their own."""

    cpu_bf16: bool
    cpu_fp16: bool
    cuda_bf16: bool

    @classmethod
    def of(cls, device: torch.device) -> "Hardware":
        """This machine, for ``device``."""
        return cls(cpu_bf16=cpu_has_native_bf16(), cpu_fp16=cpu_has_native_fp16(),
                   cuda_bf16=device.type == "cuda" and cuda_supports_bf16(device))


def check_precision_name(value: str) -> str:
    """``value`` if it names a precision, else a :class:`PrecisionError` listing them."""
    if value not in PRECISIONS:
        raise PrecisionError(translate("precision", "Unknown precision {value}; choose one of {choices}.").format(
            value=repr(str(value)[:40]), choices=", ".join(PRECISIONS)))
    return value


def resolve_precision(choice: str, device: torch.device, hardware: Hardware | None = None) -> str:
    """The precision a run on ``device`` computes in: ``fp32``, ``bf16`` or ``fp16``, never ``auto``.

    Raises :class:`PrecisionError` when ``bf16`` or ``fp16`` was asked for explicitly
    and the device cannot do it; ``auto`` falls back without a word.
    """
    choice = check_precision_name(choice)
    if choice == "fp32":
        return "fp32"
    hw = hardware if hardware is not None else Hardware.of(device)
    if device.type == "cuda":
        if choice == "auto":
            return "bf16" if hw.cuda_bf16 else "fp16"
        if choice == "bf16" and not hw.cuda_bf16:
            raise PrecisionError(translate("precision", "This GPU has no native bf16 (it needs compute capability 8.0 "
                                                        "or later). Use --precision fp16 or auto (fp16 with gradient "
                                                        "scaling here), or fp32."))
        return choice
    if device.type == "cpu":
        if choice == "auto":
            return "bf16" if hw.cpu_bf16 else "fp32"
        if choice == "bf16" and not hw.cpu_bf16:
            raise PrecisionError(translate("precision", "This CPU has no native bf16 instructions (AVX-512 BF16 or "
                                                        "AMX): bf16 would run emulated, slower than fp32. Use "
                                                        "--precision fp32 or auto."))
        if choice == "fp16" and not hw.cpu_fp16:
            raise PrecisionError(translate("precision", "This CPU has no native fp16 instructions (AVX-512 FP16 or "
                                                        "AMX-FP16): fp16 would run emulated, slower than fp32. Use "
                                                        "--precision fp32 or auto."))
        return choice
    if choice == "auto":
        return "fp32"
    raise PrecisionError(translate("precision", "Mixed precision ({precision}) is not supported on the {device} "
                                                "device here. Use --precision fp32 or auto.").format(
        precision=choice, device=device.type))


def resolve_or_fp32(choice: str, device: torch.device) -> str:
    """:func:`resolve_precision`, but fp32 where the choice cannot be honoured (predicting with a saved run's setting)."""
    try:
        return resolve_precision(choice, device)
    except PrecisionError:
        return "fp32"


_DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16}


def autocast_for(precision: str, device: torch.device) -> ContextManager[Any]:
    """The context a forward pass in ``precision`` (a resolved one) runs under: autocast, or nothing for fp32."""
    if precision == "fp32":
        return contextlib.nullcontext()
    return torch.autocast(device_type=device.type, dtype=_DTYPES[precision])


class MixedPrecision:
    """A run's resolved precision: the autocast context and the backward-and-step that goes with it.

    fp32 and bf16 step exactly as the walkthrough does (``loss.backward()``,
    ``optimizer.step()``); fp16 scales the loss and lets the scaler skip a step whose
    gradients overflowed. Skipped steps are normal while the scale settles, but a run
    whose gradients stay NaN or infinite would otherwise skip every step silently, so
    after :data:`MAX_SKIPPED_STEPS` in a row :meth:`backward_and_step` raises
    ``diverged(message)``.
    """

    def __init__(self, precision: str, device: torch.device, scaler: Any = None) -> None:
        self.name = precision
        self.device = device
        self.scaler = scaler
        if precision == "fp16" and scaler is None:
            self.scaler = torch.amp.GradScaler(device.type)
        self.skipped_in_a_row = 0

    @property
    def mixed(self) -> bool:
        """Whether the run computes in a 16-bit format."""
        return self.name != "fp32"

    def autocast(self) -> ContextManager[Any]:
        """The context the forward pass and the loss run under."""
        return autocast_for(self.name, self.device)

    def backward_and_step(self, loss: torch.Tensor, optimizer: torch.optim.Optimizer,
                          diverged: Callable[[str], Exception]) -> None:
        """Back-propagate ``loss`` and step ``optimizer`` (through the scaler for fp16)."""
        if self.scaler is None:
            loss.backward()
            optimizer.step()
            return
        before = float(self.scaler.get_scale())
        self.scaler.scale(loss).backward()
        self.scaler.step(optimizer)
        self.scaler.update()
        after = float(self.scaler.get_scale())
        self.skipped_in_a_row = self.skipped_in_a_row + 1 if after < before else 0
        if self.skipped_in_a_row >= MAX_SKIPPED_STEPS or not math.isfinite(after) or after <= 0:
            raise diverged(translate("precision", "The gradients were NaN or infinite for {steps} steps in a row "
                                                  "(fp16 loss scale now {scale:.3g}). Training stopped. Lower the "
                                                  "learning rate, check the data's normalisation, or train in bf16 "
                                                  "or fp32.").format(steps=self.skipped_in_a_row, scale=after))


def describe_precision(precision: str) -> str:
    """A short label for the run log: ``bf16 mixed precision`` or ``fp32``."""
    if precision == "fp32":
        return "fp32"
    return translate("precision", "{precision} mixed precision").format(precision=precision)


def wants_channels_last(model: nn.Module, device: torch.device, precision: str) -> bool:
    """Whether the engine should keep ``model`` in channels-last memory format.

    Measured on this project's CPU, the built-in CNN's training step took about 30%
    less time channels-last in fp32 and about 40% less in bf16 (oneDNN's convolutions
    prefer NHWC). On CUDA it pays with tensor cores, so under mixed precision only.
    A model without 2-D convolutions gains nothing.
    """
    if not any(isinstance(module, nn.Conv2d) for module in model.modules()):
        return False
    return device.type == "cpu" or (device.type == "cuda" and precision != "fp32")


def to_channels_last(model: nn.Module, input_shape: tuple[int, int, int], device: torch.device) -> bool:
    """Put ``model``'s weights in channels-last format if it still works that way; True when it did.

    Plugins never see it, so a model that cannot take it (a ``view`` on a channels-last
    activation raises) is tried once on two blank samples and left as it was.
    """
    was_training = model.training
    try:
        model.to(memory_format=torch.channels_last)  # type: ignore[call-overload]
        probe = torch.zeros((2, *input_shape), device=device).contiguous(memory_format=torch.channels_last)
        model.eval()
        with torch.no_grad():
            model(probe)
        return True
    except Exception:
        model.to(memory_format=torch.contiguous_format)  # type: ignore[call-overload]
        return False
    finally:
        model.train(was_training)
