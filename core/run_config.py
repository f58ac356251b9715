"""Everything that defines a training run, as plain data.

A :class:`RunConfig` is what the training panel edits, what ``torchdesk train``
builds from its flags, what a checkpoint records to rebuild the run and what a run
file (TOML) stores. It holds ids and parameter values, never live objects.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ComponentChoice:
    """A component picked from the registry, with its parameter values."""

    id: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON/TOML-friendly form."""
        return {"id": self.id, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | str) -> "ComponentChoice":
        """Inverse of :meth:`to_dict`; a bare string means the id with default params."""
        if isinstance(data, str):
            return cls(data)
        return cls(str(data["id"]), dict(data.get("params") or {}))


@dataclass(frozen=True)
class RunConfig:
    """A complete description of one training run."""

    dataset: ComponentChoice = ComponentChoice("fashion-mnist")
    model: ComponentChoice = ComponentChoice("cnn")
    optimizer: ComponentChoice = ComponentChoice("adamw")
    loss: ComponentChoice = ComponentChoice("cross-entropy")
    # Image transforms after the base ToTensor, in order; None means the dataset's defaults.
    transforms: tuple[ComponentChoice, ...] | None = None
    # Label transforms (the walkthrough's one-hot, for example).
    target_transforms: tuple[ComponentChoice, ...] = ()
    # Augmentations applied to the training split only.
    augmentations: tuple[ComponentChoice, ...] = ()
    epochs: int = 5
    batch_size: int = 64
    lr: float = 1e-3
    # "cosine" anneals the learning rate to zero over the run; "constant" keeps it (the walkthrough).
    lr_schedule: str = "cosine"
    device: str = "auto"
    seed: int | None = 0
    data_dir: str = ""
    download: bool = False
    train_subset: int = 0  # 0 = the whole training split; otherwise its first N samples
    test_subset: int = 0
    out: str = ""

    def replace(self, **changes: Any) -> "RunConfig":
        """A copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A JSON/TOML-friendly form (stored in checkpoints and run files)."""
        data: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, ComponentChoice):
                value = value.to_dict()
            elif isinstance(value, tuple):
                value = [v.to_dict() for v in value]
            data[f.name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RunConfig":
        """Inverse of :meth:`to_dict`; unknown keys are rejected with a clear message."""
        known = {f.name: f for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise ValueError(f"unknown run settings: {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name in ("dataset", "model", "optimizer", "loss"):
                value = ComponentChoice.from_dict(value)
            elif name in ("transforms", "target_transforms", "augmentations"):
                value = None if value is None else tuple(ComponentChoice.from_dict(v) for v in value)
            values[name] = value
        return cls(**values)
