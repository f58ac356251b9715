"""safetensors through the library: tied weights, metadata, files it refuses, and what torchdesk still checks."""

from __future__ import annotations

import os
import struct
import threading
from pathlib import Path

import pytest
import torch

from torchdesk.core.safetensors_io import SafetensorsError, load_safetensors, save_safetensors


def test_tied_and_transposed_weights_are_stored_and_read_back(tmp_path: Path) -> None:
    shared = torch.nn.Linear(3, 3).weight
    tensors = {"encoder": shared, "decoder": shared, "transposed": shared.t(), "empty": torch.zeros(0, 2)}
    save_safetensors(tensors, tmp_path / "tied.safetensors", {"model": "mlp"})
    loaded, metadata = load_safetensors(tmp_path / "tied.safetensors")
    assert metadata == {"model": "mlp"}
    assert all(torch.equal(loaded[name], tensor.detach()) for name, tensor in tensors.items())


def test_the_reference_library_reads_what_torchdesk_writes(tmp_path: Path) -> None:
    from safetensors.torch import load_file

    save_safetensors({"w": torch.arange(6.0).view(2, 3)}, tmp_path / "w.safetensors")
    assert torch.equal(load_file(str(tmp_path / "w.safetensors"))["w"], torch.arange(6.0).view(2, 3))


def test_a_header_longer_than_the_file_names_both_sizes(tmp_path: Path) -> None:
    path = tmp_path / "short.safetensors"
    path.write_bytes(struct.pack("<Q", 5_000) + b"{}")
    with pytest.raises(SafetensorsError, match="claims 5,000 bytes, the file has 10"):
        load_safetensors(path)


@pytest.mark.timeout(30)
def test_a_pipe_named_as_weights_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "weights.safetensors"
    os.mkfifo(pipe)
    outcome: list[BaseException] = []
    reader = threading.Thread(target=lambda: outcome.append(pytest.raises(SafetensorsError, load_safetensors, pipe)
                                                            .value), daemon=True)
    reader.start()
    reader.join(20)
    assert not reader.is_alive() and "not a regular file" in str(outcome[0])


def test_something_that_is_not_a_tensor_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(SafetensorsError, match="'step' is a int"):
        save_safetensors({"step": 3}, tmp_path / "x.safetensors")  # type: ignore[dict-item]
    assert not (tmp_path / "x.safetensors").exists()
