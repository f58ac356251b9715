"""Measure a saved model on its dataset's test split (``torchdesk evaluate``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from torchdesk.core.checkpoint import CheckpointError, load_checkpoint
from torchdesk.core.data import load_data
from torchdesk.core.devices import resolve_device
from torchdesk.core.i18n import translate
from torchdesk.core.precision import autocast_for, resolve_or_fp32, to_channels_last, wants_channels_last
from torchdesk.core.registry import PluginRegistry, get_registry
from torchdesk.core.trainer import evaluate_batches


@dataclass(frozen=True)
class EvaluationResult:
    """Test accuracy of one model, overall and per class."""

    model_name: str
    dataset_name: str
    samples: int
    accuracy: float
    per_class: list[float]
    class_names: list[str]
    confusion: list[list[int]]


def evaluate_checkpoint(path: str | Path, data_dir: str | None = None, device: str = "auto",
                        batch_size: int = 1000, registry: PluginRegistry | None = None) -> EvaluationResult:
    """Rebuild the checkpoint's model and run it over the test split of the dataset it was trained on."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(translate("evaluate", "the batch size must be a whole number of at least 1, got {value}")
                         .format(value=f"{batch_size!r:.40}"))
    registry = registry or get_registry()
    checkpoint = load_checkpoint(path)
    config = checkpoint.config
    if config is None:
        raise CheckpointError(translate("evaluate", "{name} is a plain state dict: it does not record a dataset to "
                                                    "test on.").format(name=Path(path).name))
    dev = resolve_device(device)
    config = config.replace(batch_size=batch_size, device=str(dev), augmentations=(), train_subset=1,
                            test_subset=0, download=False, **({"data_dir": data_dir} if data_dir else {}))
    data = load_data(config, registry, dev)
    model = checkpoint.build_model(registry).to(dev)
    # As the run's own test pass computed it: its precision (where this machine has it) and memory format.
    precision = resolve_or_fp32(config.precision, dev)
    if wants_channels_last(model, dev, precision):
        to_channels_last(model, data.input_shape, dev)
    with autocast_for(precision, dev):
        _, accuracy, per_class, confusion = evaluate_batches(model, data.test_batches, None, len(data.class_names))
    return EvaluationResult(
        model_name=registry.model(config.model.id).name, dataset_name=data.spec.name,
        samples=data.test_batches.num_samples, accuracy=accuracy, per_class=per_class,
        class_names=checkpoint.class_names or data.class_names, confusion=confusion,
    )
