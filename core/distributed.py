"""Multi-process training under ``torchrun``: one process per device, DistributedDataParallel.

``torchdesk train`` started by ``torchrun --nproc_per_node N`` (or its multi-node
flags) sees ``WORLD_SIZE``/``RANK``/``LOCAL_RANK`` in its environment. Each rank
draws the same shuffled order (same seed), takes every ``world``-th sample of it
as ``DistributedSampler`` does, trains a DDP-wrapped model (gradients averaged),
and all metrics are all-reduced, so N processes with batch B follow the same
trajectory as one process with batch N·B. Rank 0 alone prints progress and writes
checkpoints, in the same format as a single-process run.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

import torch
import torch.distributed as dist


@dataclass(frozen=True)
class DistContext:
    """Where this process stands in a distributed run (world 1 = an ordinary run)."""

    rank: int = 0
    world_size: int = 1
    local_rank: int = 0
    backend: str = ""

    @property
    def enabled(self) -> bool:
        """True when more than one process takes part."""
        return self.world_size > 1

    @property
    def is_main(self) -> bool:
        """True for the rank that prints and writes files."""
        return self.rank == 0


def from_environment() -> DistContext:
    """The context torchrun set up, or a single-process one."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world <= 1:
        return DistContext()
    return DistContext(rank=int(os.environ.get("RANK", "0")), world_size=world,
                       local_rank=int(os.environ.get("LOCAL_RANK", "0")))


def device_for(context: DistContext, requested: str) -> str:
    """Each rank's device: ``cuda:LOCAL_RANK`` when training on GPUs, else the request."""
    if context.enabled and requested in ("auto", "cuda") and torch.cuda.is_available():
        return f"cuda:{context.local_rank % torch.cuda.device_count()}"
    if context.enabled and requested == "auto":
        return "cpu"
    return requested


def init(context: DistContext, device: torch.device) -> DistContext:
    """Join the process group: NCCL for CUDA devices, gloo on CPU."""
    if not context.enabled:
        return context
    backend = "nccl" if device.type == "cuda" else "gloo"
    if not dist.is_initialized():
        if device.type == "cuda":
            torch.cuda.set_device(device)
        dist.init_process_group(backend=backend, rank=context.rank, world_size=context.world_size,
                                timeout=datetime.timedelta(minutes=10))
    return DistContext(context.rank, context.world_size, context.local_rank, backend)


def shutdown(context: DistContext) -> None:
    """Leave the process group (after a barrier, so no rank exits while others still talk)."""
    if context.enabled and dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()


def all_reduce_sum(tensor: torch.Tensor) -> torch.Tensor:
    """Sum ``tensor`` over all ranks (a no-op in a single process)."""
    if dist.is_available() and dist.is_initialized():
        tensor = tensor.clone()
        dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
    return tensor


def unwrap(model: torch.nn.Module) -> torch.nn.Module:
    """The model inside a DDP wrapper (checkpoints store the plain model's state dict)."""
    return model.module if isinstance(model, torch.nn.parallel.DistributedDataParallel) else model
