"""Which compute devices exist, and turning a user's choice into a ``torch.device``."""

from __future__ import annotations

import torch

from torchdesk.core.i18n import translate
from torchdesk.core.threads import training_threads


class DeviceError(RuntimeError):
    """The requested device is not available; the message lists the ones that are."""


def available_devices() -> list[str]:
    """Device names usable here, best first: ``cuda:N`` for each GPU, ``mps``, then ``cpu``."""
    names: list[str] = []
    if torch.cuda.is_available():
        names.extend(f"cuda:{i}" for i in range(torch.cuda.device_count()))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        names.append("mps")
    names.append("cpu")
    return names


def resolve_device(choice: str | torch.device | None = "auto") -> torch.device:
    """``auto`` picks the best device; an explicit one must exist or a :class:`DeviceError` says so."""
    if isinstance(choice, torch.device):
        choice = str(choice)
    choice = (choice or "auto").strip().lower()
    available = available_devices()
    if choice == "auto":
        return torch.device(available[0])
    if choice == "cuda":
        choice = "cuda:0"
    if choice not in available:
        raise DeviceError(translate("devices", "Device {device} is not available on this machine. Available: "
                                               "{available}. Choose one of those, or 'auto'.").format(
            device=repr(choice), available=", ".join(available)))
    return torch.device(choice)


def describe_device(device: str | torch.device) -> str:
    """A short human label: ``CPU · 2 threads`` or the GPU's name."""
    dev = resolve_device(device) if isinstance(device, str) else device
    if dev.type == "cuda":
        return f"{torch.cuda.get_device_name(dev)} ({dev})"
    if dev.type == "mps":
        return "Apple GPU (MPS)"
    return translate("devices", "CPU · {threads} threads").format(threads=training_threads())
