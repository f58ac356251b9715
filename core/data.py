"""Datasets, transform pipelines and batches for the engine.

Two ways to feed a model, with the same numbers:

* the fast path: an image dataset that fits in memory is held as one uint8 tensor
  (on the training device) and batched by indexing; transforms run on whole batches;
* the general path: a ``DataLoader`` over the dataset with per-sample transforms.

Both draw their shuffling from the global torch RNG exactly as ``DataLoader(shuffle=True)``
does, so a seeded run reproduces the walkthrough's loop number for number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import torch

from torchdesk.core.i18n import component_text, translate
from torchdesk.core.registry import PluginRegistry
from torchdesk.core.run_config import ComponentChoice, RunConfig
from torchdesk.core.specs import MAX_CLASSES, DatasetFilesMissing, DatasetSpec, TransformSpec
from torchdesk.core.subsets import ClassSubset
from torchdesk.core.untrusted import FileContentError
from torchdesk.core.userdirs import default_data_dir

BatchFn = Callable[[torch.Tensor], torch.Tensor]


class DatasetMissingError(RuntimeError):
    """A dataset's files are not on disk (and could not be downloaded).

    The message names the folder and the files expected there, and what to do.
    """

    def __init__(self, spec: DatasetSpec, folder: Path, reason: str = "") -> None:
        self.dataset_id = spec.id
        self.folder = Path(folder)
        self.files = [str(self.folder / f) for f in spec.files]
        lines = [translate("data", "{dataset} was not found in {folder}.").format(
            dataset=component_text(spec.name), folder=self.folder)]
        if reason:
            lines.append(reason)
        if spec.files:
            lines.append(translate("data", "Expected these files (the layout torchvision uses):"))
            lines.extend(f"  {f}" for f in self.files)
        advice = translate("data", "Put the files there, or choose the folder that already holds them (--data-dir DIR, "
                                   "or Choose folder… in the app).")
        if spec.downloadable:
            advice += translate("data", " With a network connection, torchdesk can also download them (--download).")
        lines.append(advice)
        super().__init__("\n".join(lines))


class DatasetError(RuntimeError):
    """A dataset's files exist but cannot be read (truncated, corrupt, wrong format)."""


def data_root(config: RunConfig) -> Path:
    """The folder datasets are looked for in: the run's ``data_dir`` or the user default."""
    return Path(config.data_dir).expanduser() if config.data_dir else default_data_dir()


def open_dataset(spec: DatasetSpec, root: Path | str, train: bool, params: dict[str, Any] | None = None,
                 transform: Any = None, target_transform: Any = None, download: bool = False) -> Any:
    """Build ``spec``'s dataset, turning 'not found' and 'cannot read' into clear errors."""
    root = Path(root).expanduser()
    try:
        return spec.factory(root=str(root), train=train, download=download, transform=transform,
                            target_transform=target_transform, **spec.resolve_params(params))
    except DatasetFilesMissing as exc:
        raise DatasetMissingError(spec, exc.folder, str(exc)) from exc
    except FileNotFoundError as exc:
        raise DatasetMissingError(spec, root, str(exc)) from exc
    except FileContentError as exc:  # its message already names the file and what to do
        raise DatasetError(str(exc)) from exc
    except RuntimeError as exc:
        text = str(exc)
        if "not found" in text.lower() or "download=true" in text.lower():
            reason = "" if not download else translate("data", "The download did not succeed (no network?).")
            raise DatasetMissingError(spec, root, reason) from exc
        raise DatasetError(_damaged(spec, root, exc)) from exc
    except OSError as exc:  # network errors during a download are OSErrors too
        if download:
            raise DatasetMissingError(spec, root, translate("data", "The download failed: {reason}").format(
                reason=exc)) from exc
        raise DatasetError(_damaged(spec, root, exc)) from exc
    except (ValueError, EOFError, IndexError, TypeError, KeyError) as exc:
        raise DatasetError(_damaged(spec, root, exc)) from exc
    except Exception as exc:  # pickle.UnpicklingError and friends from damaged files
        raise DatasetError(_damaged(spec, root, exc)) from exc


def _damaged(spec: DatasetSpec, root: Path, exc: BaseException) -> str:
    return translate("data", "{dataset} in {folder} could not be read ({error}: {detail}). The files may be "
                             "truncated or damaged: delete them and download or copy them again.").format(
                                 dataset=component_text(spec.name), folder=root, error=type(exc).__name__, detail=exc)


# -- transform pipelines ------------------------------------------------------------------
@dataclass
class Pipeline:
    """The transforms of one split, after ToTensor: for images and for labels."""

    image: list[tuple[TransformSpec, dict[str, Any]]] = field(default_factory=list)
    target: list[tuple[TransformSpec, dict[str, Any]]] = field(default_factory=list)

    @property
    def batchable(self) -> bool:
        """True when every transform can run on whole batches (the fast path)."""
        return all(spec.batch_factory is not None for spec, _ in self.image + self.target)

    def batch_image_fn(self) -> BatchFn:
        """One function applying every image transform to a float batch ``(N, C, H, W)``."""
        return _chain([spec.batch_factory(**params) for spec, params in self.image])  # type: ignore[misc]

    def batch_target_fn(self) -> BatchFn:
        """One function applying every label transform to a batch of class indices."""
        return _chain([spec.batch_factory(**params) for spec, params in self.target])  # type: ignore[misc]

    def sample_image_fn(self) -> Callable[[Any], torch.Tensor]:
        """ToTensor followed by every image transform, for one PIL image (or a tensor a dataset already made)."""
        return _chain([to_tensor_once] + [spec.factory(**params) for spec, params in self.image])

    def sample_target_fn(self) -> Callable[[Any], Any] | None:
        """Every label transform for one label, or None when there is none."""
        if not self.target:
            return None
        return _chain([spec.factory(**params) for spec, params in self.target])

    def describe(self) -> list[str]:
        """Readable names of the steps, ToTensor first."""
        return (["ToTensor"] + [component_text(spec.name) for spec, _ in self.image]
                + [translate("data", "{transform} (target)").format(transform=component_text(spec.name))
                   for spec, _ in self.target])


def to_tensor_once(image: Any) -> torch.Tensor:
    """ToTensor for a PIL image or an array; a tensor (a dataset with its own ToTensor) is kept, uint8 scaled to [0, 1]."""
    if isinstance(image, torch.Tensor):
        return image.float().div(255) if image.dtype == torch.uint8 else image
    from torchvision.transforms.functional import to_tensor

    return to_tensor(image)


def _chain(functions: Sequence[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    functions = list(functions)
    if len(functions) == 1:
        return functions[0]

    def apply(value: Any) -> Any:
        for fn in functions:
            value = fn(value)
        return value

    return apply


def default_transforms(spec: DatasetSpec) -> tuple[ComponentChoice, ...]:
    """What a dataset gets when the run names no transforms: Normalize with its own statistics."""
    return (ComponentChoice("normalize"),) if spec.mean and spec.std else ()


def build_pipeline(registry: PluginRegistry, config: RunConfig, spec: DatasetSpec, train: bool) -> Pipeline:
    """The pipeline for one split: the run's transforms, plus augmentations on the training split."""
    choices = list(config.transforms if config.transforms is not None else default_transforms(spec))
    if train:
        # Augment the picture before normalising it, as torchvision pipelines usually do.
        choices = list(config.augmentations) + choices
    pipeline = Pipeline()
    for choice in choices:
        tspec = registry.transform(choice.id)
        if tspec.id == "to-tensor":
            continue  # always the first step
        params = tspec.resolve_params(choice.params)
        if tspec.id == "normalize":
            params = _fill_normalize(params, spec)
        (pipeline.target if tspec.target else pipeline.image).append((tspec, params))
    for choice in config.target_transforms:
        tspec = registry.transform(choice.id)
        pipeline.target.append((tspec, tspec.resolve_params(choice.params)))
    return pipeline


def _fill_normalize(params: dict[str, Any], spec: DatasetSpec) -> dict[str, Any]:
    params = dict(params)
    for key, values in (("mean", spec.mean), ("std", spec.std)):
        if str(params.get(key, "auto")).strip().lower() == "auto":
            if not values:
                raise ValueError(translate(
                    "data", "Normalize is set to 'auto' but {dataset} has no known {key}. Enter the values (the Data "
                    "panel computes them for any dataset).").format(dataset=component_text(spec.name), key=key)
                )
            params[key] = ",".join(f"{v:.6g}" for v in values)
    return params


# -- batches --------------------------------------------------------------------------------
def _dataloader_rng_draw() -> int:
    """One draw from the global RNG, exactly as DataLoader makes it."""
    return int(torch.empty((), dtype=torch.int64).random_().item())


class TensorBatches:
    """Batches of a dataset held resident as one uint8 tensor, transformed a batch at a time."""

    fast_path = True

    def __init__(self, images: torch.Tensor, targets: torch.Tensor, batch_size: int, shuffle: bool,
                 image_fn: BatchFn, target_fn: BatchFn, device: torch.device) -> None:
        self.images = images.to(device)
        self.targets = targets.to(device)
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.image_fn = image_fn
        self.target_fn = target_fn
        self.device = device
        self.rank, self.world_size = 0, 1

    def shard(self, rank: int, world_size: int) -> "TensorBatches":
        """Serve only this rank's share, as ``DistributedSampler`` does (the training split is padded
        so every rank runs the same number of batches)."""
        self.rank, self.world_size = rank, world_size
        return self

    @property
    def num_samples(self) -> int:
        """Samples this process handles in one pass."""
        n = int(self.images.shape[0])
        if self.world_size == 1:
            return n
        if self.shuffle:
            return math.ceil(n / self.world_size)
        return len(range(self.rank, n, self.world_size))

    def __len__(self) -> int:
        return math.ceil(self.num_samples / self.batch_size)

    def _order(self) -> torch.Tensor | None:
        n = int(self.images.shape[0])
        _dataloader_rng_draw()  # DataLoader's per-iterator base seed
        order: torch.Tensor | None = None
        if self.shuffle:
            generator = torch.Generator()
            generator.manual_seed(_dataloader_rng_draw())
            order = torch.randperm(n, generator=generator)
        if self.world_size > 1:
            if order is None:
                order = torch.arange(n)
            else:
                padded = math.ceil(n / self.world_size) * self.world_size
                order = torch.cat([order, order[: padded - n]])
            order = order[self.rank::self.world_size]
        return None if order is None else order.to(self.device)

    def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        order = self._order()
        n = self.num_samples
        for start in range(0, n, self.batch_size):
            if order is None:
                raw = self.images[start:start + self.batch_size]
                labels = self.targets[start:start + self.batch_size]
            else:
                index = order[start:start + self.batch_size]
                raw = self.images.index_select(0, index)
                labels = self.targets.index_select(0, index)
            # ``div_(255)``, as torchvision's ToTensor does: ``mul_(1/255)`` rounds 126 of the 256
            # byte values differently on some CPUs, and the walkthrough's numbers are the reference.
            yield self.image_fn(raw.to(torch.float32).div_(255)), self.target_fn(labels)


class LoaderBatches:
    """Batches from a ``DataLoader`` with per-sample transforms, moved to the device."""

    fast_path = False

    def __init__(self, dataset: Any, batch_size: int, shuffle: bool, device: torch.device,
                 num_workers: int = 0) -> None:
        from torch.utils.data import DataLoader

        self.dataset = dataset
        self.device = device
        self.batch_size, self.shuffle, self.num_workers = batch_size, shuffle, num_workers
        self.sampler: Any = None
        self.loader = DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, num_workers=num_workers,
                                 pin_memory=device.type == "cuda")

    def shard(self, rank: int, world_size: int, seed: int = 0) -> "LoaderBatches":
        """Serve only this rank's share through a ``DistributedSampler``."""
        from torch.utils.data import DataLoader
        from torch.utils.data.distributed import DistributedSampler

        self.sampler = DistributedSampler(self.dataset, num_replicas=world_size, rank=rank, shuffle=self.shuffle,
                                          seed=seed, drop_last=False)
        self.loader = DataLoader(self.dataset, batch_size=self.batch_size, sampler=self.sampler,
                                 num_workers=self.num_workers, pin_memory=self.device.type == "cuda")
        self._epoch = 0
        return self

    @property
    def num_samples(self) -> int:
        """Samples this process handles in one pass."""
        return len(self.sampler) if self.sampler is not None else len(self.dataset)

    def __len__(self) -> int:
        return len(self.loader)

    def __iter__(self) -> Iterator[tuple[torch.Tensor, torch.Tensor]]:
        if self.sampler is not None:
            self.sampler.set_epoch(self._epoch)
            self._epoch += 1
        non_blocking = self.device.type == "cuda"
        for x, y in self.loader:
            yield x.to(self.device, non_blocking=non_blocking), y.to(self.device, non_blocking=non_blocking)


def resident_arrays(dataset: Any) -> tuple[torch.Tensor, torch.Tensor] | None:
    """The dataset's images as one uint8 ``(N, C, H, W)`` tensor and its labels, when it keeps them so."""
    indices = None
    if hasattr(dataset, "indices") and hasattr(dataset, "dataset"):
        indices = torch.as_tensor(list(dataset.indices), dtype=torch.long)
        dataset = dataset.dataset
    data = getattr(dataset, "data", None)
    targets = getattr(dataset, "targets", None)
    if data is None or targets is None:
        return None
    if isinstance(data, torch.Tensor):
        images = data
    else:
        try:
            import numpy as np

            if not isinstance(data, np.ndarray):
                return None
            images = torch.from_numpy(data)
        except ImportError:
            return None
    if images.dtype != torch.uint8:
        return None
    if images.dim() == 3:
        images = images.unsqueeze(1)
    elif images.dim() == 4 and images.shape[-1] in (1, 3, 4) and images.shape[1] not in (1, 3, 4):
        images = images.permute(0, 3, 1, 2)
    else:
        return None
    labels = torch.as_tensor(targets, dtype=torch.long)
    if indices is not None:
        images, labels = images[indices], labels[indices]
    return images.contiguous(), labels


@dataclass
class DataBundle:
    """Everything the trainer and the app need to know about a run's data."""

    spec: DatasetSpec
    train_dataset: Any
    test_dataset: Any
    train_batches: Any
    test_batches: Any
    class_names: list[str]
    input_shape: tuple[int, int, int]
    eval_transform: BatchFn
    fast_path: bool


def _subset(dataset: Any, limit: int) -> Any:
    if not limit or limit >= len(dataset):
        return dataset
    return ClassSubset(dataset, list(range(limit)))


def load_data(config: RunConfig, registry: PluginRegistry, device: torch.device,
              prefer_fast_path: bool = True) -> DataBundle:
    """Open both splits of the run's dataset and make batches, on the fast path when possible."""
    spec = registry.dataset(config.dataset.id)
    root = data_root(config)
    pipelines = {train: build_pipeline(registry, config, spec, train) for train in (True, False)}
    datasets = {}
    for train in (True, False):
        p = pipelines[train]
        ds = open_dataset(spec, root, train, config.dataset.params, transform=p.sample_image_fn(),
                          target_transform=p.sample_target_fn(), download=config.download)
        datasets[train] = _subset(ds, config.train_subset if train else config.test_subset)
    if len(datasets[True]) == 0:
        raise DatasetError(translate("data", "{dataset} in {folder} has no training samples.").format(
            dataset=component_text(spec.name), folder=root))

    batches = {}
    fast = prefer_fast_path and all(p.batchable for p in pipelines.values())
    for train in (True, False):
        arrays = resident_arrays(datasets[train]) if fast else None
        if arrays is None:
            fast = False
            break
        p = pipelines[train]
        batches[train] = TensorBatches(arrays[0], arrays[1], config.batch_size, shuffle=train,
                                       image_fn=p.batch_image_fn(), target_fn=p.batch_target_fn(), device=device)
    if not fast:
        batches = {train: LoaderBatches(datasets[train], config.batch_size, shuffle=train, device=device)
                   for train in (True, False)}

    class_names = list(spec.class_names) or [str(c) for c in getattr(datasets[True], "classes", [])]
    sample = datasets[False][0][0] if len(datasets[False]) else datasets[True][0][0]
    input_shape = tuple(int(s) for s in sample.shape)
    if not class_names:
        labels = getattr(datasets[True], "targets", None)
        count = int(max(labels)) + 1 if labels is not None and len(labels) else 0
        if count > MAX_CLASSES:
            raise DatasetError(translate("data", "{dataset} in {folder} has a label of {label:,}; labels are class "
                                                 "numbers from 0 to {highest:,}. Check the dataset's labels.").format(
                                   dataset=component_text(spec.name), folder=root, label=count - 1,
                                   highest=MAX_CLASSES - 1))
        class_names = [str(i) for i in range(count)]
    test_pipeline = pipelines[False]
    eval_fn = test_pipeline.batch_image_fn() if test_pipeline.batchable else _per_sample_eval(test_pipeline)
    return DataBundle(spec=spec, train_dataset=datasets[True], test_dataset=datasets[False],
                      train_batches=batches[True], test_batches=batches[False], class_names=class_names,
                      input_shape=input_shape, eval_transform=eval_fn, fast_path=fast)  # type: ignore[arg-type]


def _per_sample_eval(pipeline: Pipeline) -> BatchFn:
    fns = [spec.factory(**params) for spec, params in pipeline.image]

    def apply(batch: torch.Tensor) -> torch.Tensor:
        return torch.stack([_chain(fns)(img) if fns else img for img in batch])

    return apply


def eval_transform_for(registry: PluginRegistry, config: RunConfig) -> BatchFn:
    """The test-split batch transform of ``config`` (for a Predictor rebuilt from a checkpoint)."""
    spec = registry.dataset(config.dataset.id)
    pipeline = build_pipeline(registry, config, spec, train=False)
    pipeline.target = []
    return pipeline.batch_image_fn() if pipeline.batchable else _per_sample_eval(pipeline)
