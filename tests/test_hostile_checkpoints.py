"""Issue #17, checkpoints and writing: hostile and broken files end quickly with a message, nothing is overwritten.

Each input is made here in the real on-disk format and read through the real code:
metadata that explodes when printed, wrongly typed fields beside good files, input
shapes that would allocate gigabytes, garbage pickles, broken ``.pt2`` archives, odd
safetensors headers; and writes to devices, pipes and folders, interrupted saves, two
writers at once and a full disk.
"""

from __future__ import annotations

import errno
import fcntl
import html
import io
import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import torch

import hostile_files
from torchdesk.core.checkpoint import (
    CheckpointError,
    StateDictMismatchError,
    UntrustedFileError,
    load_checkpoint,
    save_checkpoint,
)
from torchdesk.core.checkpoint_index import scan_folder

TESTS = Path(__file__).parent


def run_child(code: str, *args: str, timeout: int = 90) -> dict:
    """Run ``code`` in a fresh interpreter (a hang there cannot stall the test run); its last stdout line as JSON."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH", "")])))
    try:
        done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=timeout,
                              env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the child did not finish within {timeout} s: it hangs")
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- 1. metadata that explodes when printed --------------------------------------------------
EVERY_WAY_OF_LOADING = """
import contextlib, io, json, sys, time
from pathlib import Path
from torchdesk.core.checkpoint import CheckpointError, load_checkpoint
from torchdesk.core.api import load_model
from torchdesk.core.checkpoint_index import scan_folder
from torchdesk.core.cli import main
path = Path(sys.argv[1])
out = {}
started = time.perf_counter()
try:
    load_checkpoint(path)
    out["load"] = "loaded"
except CheckpointError as exc:
    out["load"] = str(exc)
try:
    load_model(path)
    out["load_model"] = "loaded"
except CheckpointError as exc:
    out["load_model"] = str(exc)
err = io.StringIO()
with contextlib.redirect_stderr(err):
    out["evaluate_code"] = main(["evaluate", str(path), "--device", "cpu"])
out["evaluate"] = err.getvalue()
rows = scan_folder(path.parent)
out["rows"] = [[r.name, r.kind, r.message] for r in rows]
out["seconds"] = time.perf_counter() - started
print(json.dumps(out))
"""


@pytest.mark.parametrize(("where", "depth"), [("param", 40), ("id", 40), ("param", 28), ("id", 28)])
def test_metadata_that_explodes_when_printed_is_refused_quickly_everywhere(tmp_path: Path, where: str,
                                                                           depth: int) -> None:
    # Depth 40 is past the nesting limit; depth 28 is within it but 2**28 paths deep when printed.
    path = hostile_files.exploding_metadata(tmp_path, where, depth)
    out = run_child(EVERY_WAY_OF_LOADING, str(path))
    for key in ("load", "load_model", "evaluate"):
        assert out[key] != "loaded" and path.name in out[key], out
        assert len(out[key]) < 600 and "[[[" not in out[key], out[key]
    assert out["evaluate_code"] != 0 and out["evaluate"].startswith("torchdesk: ")
    assert out["rows"] == [[path.name, "unreadable", out["load"]]]
    assert out["seconds"] < 60


# -- 2. one damaged file hides the folder ------------------------------------------------------
def test_a_wrongly_typed_file_is_one_damaged_row_beside_the_good_ones(tmp_path: Path) -> None:
    bad = hostile_files.wrongly_typed_metadata(tmp_path)
    good = hostile_files.good_checkpoint(tmp_path)
    rows = {row.name: row for row in scan_folder(tmp_path)}
    assert set(rows) == {bad.name, good.name}
    assert rows[good.name].kind == "torchdesk" and rows[good.name].model == "mlp" and rows[good.name].epoch == 1
    assert rows[bad.name].kind == "unreadable"
    assert "epoch" in rows[bad.name].message or "history" in rows[bad.name].message
    with pytest.raises(CheckpointError, match="should be") as caught:
        load_checkpoint(bad)
    assert bad.name in str(caught.value)


@pytest.mark.parametrize("changes", [
    {"history": {"epochs": "abc"}},
    {"history": {"epochs": [{"epoch": "one"}]}},
    {"history": {"epochs": [], "batch_loss": ["x"]}},
    {"class_names": "0123456789"},
    {"input_shape": "1x28x28"},
    {"metrics": [1, 2]},
    {"created": 5},
    {"plugins": {"model": "mlp"}},
    {"model_state": {"w": [1, 2]}},
    {"model_state": {3: torch.zeros(2)}},
    {"config": {"model": {"id": ["mlp"]}}},
    {"config": {"transforms": "normalize"}},
    {"config": {"model": {"id": "mlp", "params": {"hidden": [16]}}}},
])
def test_each_wrongly_typed_field_is_named_when_loading(tmp_path: Path, changes: dict) -> None:
    path = hostile_files.good_checkpoint(tmp_path, "odd.pt", **changes)
    with pytest.raises(CheckpointError) as caught:
        load_checkpoint(path)
    message = str(caught.value)
    assert "odd.pt" in message and len(message) < 600, message
    assert [row.kind for row in scan_folder(tmp_path)] == ["unreadable"]


# -- 7a. sizes derived from the file are bounded before any allocation -------------------------
PEAK_MEMORY = """
import json, resource, sys
from pathlib import Path
from torchdesk.core.checkpoint import CheckpointError, load_checkpoint
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
results = []
for name in sys.argv[1:]:
    try:
        load_checkpoint(Path(name)).predictor()
        results.append("built")
    except CheckpointError as exc:
        results.append(f"{type(exc).__name__}: {exc}")
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"results": results, "grew_mb": after - before}))
"""


def test_a_huge_input_shape_fails_to_fit_without_allocating(tmp_path: Path) -> None:
    # With a 16-wide MLP, [1, 3000, 3000] would allocate 576 MB and [3, 2048, 2048] 805 MB before finding that
    # the weights do not fit (a 512-wide one: 18 GB).
    paths = [hostile_files.good_checkpoint(tmp_path, "square.pt", input_shape=[1, 3000, 3000]),
             hostile_files.good_checkpoint(tmp_path, "colour.pt", input_shape=[3, 2048, 2048])]
    out = run_child(PEAK_MEMORY, *map(str, paths))
    for result in out["results"]:
        assert result.startswith("StateDictMismatchError") and "do not fit" in result, result
    assert out["grew_mb"] < 300, out


def test_an_input_shape_beyond_what_a_desktop_handles_is_refused_on_load(tmp_path: Path) -> None:
    path = hostile_files.good_checkpoint(tmp_path, "enormous.pt", input_shape=[3, 16_000, 16_000])
    with pytest.raises(CheckpointError, match="input shape"):
        load_checkpoint(path)


def test_weights_that_do_not_fit_are_still_named_precisely(tmp_path: Path) -> None:
    payload = hostile_files.checkpoint_payload(hidden=16)
    payload["config"]["model"]["params"]["hidden"] = 32
    torch.save(payload, tmp_path / "other_width.pt")
    with pytest.raises(StateDictMismatchError, match=r"linear_relu_stack\.0\.weight \(file \(16, 784\), model \(32, 784\)\)"):
        load_checkpoint(tmp_path / "other_width.pt").build_model()


# -- 13b. a garbage pickle is damaged, not code -------------------------------------------------
@pytest.mark.parametrize("garbage", [b"", b"hello world, this is not a pickle", bytes(100)])
def test_a_garbage_pickle_is_called_damaged_and_never_offered_trust(tmp_path: Path, garbage: bytes) -> None:
    path = hostile_files.garbage_data_pkl(tmp_path, garbage)
    with pytest.raises(CheckpointError) as caught:
        load_checkpoint(path)
    assert not isinstance(caught.value, UntrustedFileError)
    assert "damaged" in str(caught.value) and "run code" not in str(caught.value)
    assert [row.kind for row in scan_folder(tmp_path)] == ["unreadable"]


def test_a_legacy_file_of_garbage_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "legacy_garbage.pt"
    path.write_bytes(b"\x80\x02" + bytes(range(200, 256)) * 4)
    with pytest.raises(CheckpointError) as caught:
        load_checkpoint(path)
    assert not isinstance(caught.value, UntrustedFileError) and "run code" not in str(caught.value)


def test_a_pickle_that_imports_code_is_still_offered_as_untrusted(tmp_path: Path) -> None:
    path = hostile_files.pickle_runs_command(tmp_path, tmp_path / "marker")
    with pytest.raises(UntrustedFileError, match="could run code"):
        load_checkpoint(path)
    assert not (tmp_path / "marker").exists()


# -- 13c. a broken .pt2 -------------------------------------------------------------------------
def _pt2(path: Path) -> bytes:
    program = torch.export.export(torch.nn.Linear(4, 2), (torch.zeros(1, 4),))
    torch.export.save(program, str(path))
    return path.read_bytes()


def test_pt2_archives_good_or_broken_get_plain_messages(tmp_path: Path) -> None:
    data = _pt2(tmp_path / "model.pt2")
    middle = len(data) // 2
    (tmp_path / "zeroed.pt2").write_bytes(data[:middle] + bytes(1024) + data[middle + 1024:])
    (tmp_path / "cut.pt2").write_bytes(data[:-30])
    (tmp_path / "half.pt2").write_bytes(data[:middle])
    for name in ("model.pt2", "zeroed.pt2", "cut.pt2", "half.pt2"):
        with pytest.raises(CheckpointError) as caught:
            load_checkpoint(tmp_path / name)
        message = str(caught.value)
        assert "miniz" not in message and "PytorchStreamReader" not in message and "enforce" not in message, message
        assert name in message
    with pytest.raises(CheckpointError, match="torch.export program"):
        load_checkpoint(tmp_path / "model.pt2")


# -- 13i. safetensors headers -------------------------------------------------------------------
@pytest.mark.parametrize(("header", "data"), [
    pytest.param(b"[" * 100_000 + b"]" * 100_000, b"", id="deep"),
    ({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, "__metadata__": [1, 2]}, bytes(4)),
    ({"w": [1, 2]}, bytes(4)),
    ({"w": {"dtype": ["F32"], "shape": [1], "data_offsets": [0, 4]}}, bytes(4)),
    ({"w": {"dtype": "F32", "shape": "ab", "data_offsets": [0, 8]}}, bytes(8)),
    ({"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, {"a": 1}]}}, bytes(4)),
    ({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4]}}, bytes(4)),
    ({"w": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}, bytes(4)),
    ({"w": {"dtype": "F32", "shape": [1.5], "data_offsets": [0, 4]}}, bytes(4)),
])
def test_odd_safetensors_headers_are_refused_with_a_message(tmp_path: Path, header: object, data: bytes) -> None:
    from torchdesk.core.safetensors_io import SafetensorsError, load_safetensors

    path = hostile_files.safetensors_file(tmp_path, header, data)
    with pytest.raises(SafetensorsError) as caught:
        load_safetensors(path)
    assert path.name in str(caught.value) and len(str(caught.value)) < 600


def test_overlapping_safetensors_entries_are_refused(tmp_path: Path) -> None:
    from torchdesk.core.safetensors_io import SafetensorsError, load_safetensors

    path = hostile_files.overlapping_safetensors(tmp_path)
    with pytest.raises(SafetensorsError, match="share bytes"):
        load_safetensors(path)


def test_safetensors_still_round_trip(tmp_path: Path) -> None:
    from torchdesk.core.safetensors_io import load_safetensors, save_safetensors

    tensors = {"a": torch.arange(6.0).reshape(2, 3), "b": torch.tensor([1, 2]), "empty": torch.zeros(0, 3)}
    save_safetensors(tensors, tmp_path / "w.safetensors", {"k": "v"})
    loaded, metadata = load_safetensors(tmp_path / "w.safetensors")
    assert metadata == {"k": "v"} and set(loaded) == set(tensors)
    assert all(torch.equal(loaded[k], tensors[k]) for k in tensors)


# -- 8. only regular files are written ----------------------------------------------------------
def special_targets(tmp_path: Path) -> dict[str, Path]:
    """A FIFO, a folder and (where this user may make one) a character device like /dev/null, all in tmp_path."""
    targets = {"fifo": tmp_path / "pipe.pt", "folder": tmp_path / "folder.pt"}
    os.mkfifo(targets["fifo"])
    targets["folder"].mkdir()
    try:
        os.mknod(tmp_path / "null.pt", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        targets["device"] = tmp_path / "null.pt"
    except (PermissionError, OSError):
        pass
    return targets


def _kinds(targets: dict[str, Path]) -> dict[str, int]:
    return {name: stat.S_IFMT(os.lstat(path).st_mode) for name, path in targets.items()}


def test_saving_refuses_devices_pipes_and_folders_and_leaves_them_alone(tmp_path: Path) -> None:
    from torchdesk.core.export import ExportError, export_model
    from torchdesk.core.run_config import RunConfig
    from torchdesk.core.run_file import RunFileError, write_run_file
    from torchdesk.core.safetensors_io import save_safetensors

    targets = special_targets(tmp_path)
    before = _kinds(targets)
    payload = hostile_files.checkpoint_payload()
    for name, target in targets.items():
        with pytest.raises(CheckpointError, match="not a regular file"):
            save_checkpoint(target, payload=payload)
        with pytest.raises(ValueError, match="not a regular file"):
            save_safetensors({"w": torch.zeros(2)}, target)
        with pytest.raises(ExportError, match="not a regular file"):
            export_model(torch.nn.Linear(4, 2), "safetensors", target, torch.zeros(2, 4))
    with pytest.raises(RunFileError, match="not a regular file"):
        write_run_file(RunConfig(), targets["folder"])
    assert _kinds(targets) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in targets.values())


def test_autosave_into_a_pipe_reports_and_training_goes_on(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from torchdesk.core.autosave import Autosaver, AutosavePolicy

    payload = hostile_files.checkpoint_payload()
    run = SimpleNamespace(checkpoint_payload=lambda include_optimizer=True: payload,
                          trainer=SimpleNamespace(history={"epochs": []}, start_epoch=0),
                          config=SimpleNamespace(model=SimpleNamespace(id="mlp"), dataset=SimpleNamespace(id="mnist")))
    errors: list[str] = []
    saver = Autosaver(run, AutosavePolicy(folder=tmp_path), stem="run", on_error=errors.append)
    os.mkfifo(saver.path("latest"))
    assert saver.save_epoch(1, 0.5) == []  # nothing written, and no exception into the training loop
    assert errors and "not a regular file" in errors[0]
    assert stat.S_ISFIFO(os.lstat(saver.path("latest")).st_mode)


def test_train_out_a_pipe_is_refused_before_training(tmp_path: Path, mnist_root: Path) -> None:
    fifo = tmp_path / "run.pt"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "torchdesk.core.cli", "train", "--dataset", "mnist", "--model", "mlp",
                           "--model-param", "hidden=8", "--epochs", "1", "--device", "cpu", "--data-dir",
                           str(mnist_root), "--out", str(fifo)], capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert "epoch 1/1" not in done.stderr  # refused before the training it would have saved
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


# -- 11. temp files of interrupted saves --------------------------------------------------------
def _aged(path: Path, seconds: float = 3600) -> Path:
    path.write_bytes(b"PK" + bytes(1000))
    old = time.time() - seconds
    os.utime(path, (old, old))
    return path


def test_the_next_save_removes_stale_temp_files_and_only_those(tmp_path: Path) -> None:
    stale = _aged(tmp_path / ".run.pt.k2j4_x9a.tmp")
    stale_export = _aged(tmp_path / ".model.pt2.abcdefgh.tmp.pt2")
    stale_lock = _aged(tmp_path / ".other.pt.lock")
    fresh = _aged(tmp_path / ".run.pt.fresh123.tmp", seconds=0)
    locked = _aged(tmp_path / ".run.pt.locked12.tmp")
    not_ours = [_aged(tmp_path / ".notes.tmp"), _aged(tmp_path / "run.pt.k2j4_x9a.tmp"), _aged(tmp_path / "keep.pt")]
    holder = open(locked, "rb")  # a writer still at work holds its temp file locked
    try:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        save_checkpoint(tmp_path / "run.pt", payload=hostile_files.checkpoint_payload())
    finally:
        holder.close()
    for path in (stale, stale_export, stale_lock):
        assert not path.exists(), path
    for path in (fresh, locked, *not_ours):
        assert path.exists(), path
    assert load_checkpoint(tmp_path / "run.pt").epoch == 1


# -- two writers to one path --------------------------------------------------------------------
def test_two_writers_to_one_path_take_turns_and_a_loser_that_waits_too_long_is_told(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from torchdesk.core import safe_write

    target = tmp_path / "run.pt"
    save_checkpoint(target, payload=hostile_files.checkpoint_payload(epoch=1))
    monkeypatch.setattr(safe_write, "LOCK_TIMEOUT_S", 0.3)
    with safe_write.path_lock(target, timeout=5):  # another writer is saving run.pt right now
        with pytest.raises(CheckpointError, match="Another save to run.pt"):
            save_checkpoint(target, payload=hostile_files.checkpoint_payload(epoch=2))
        assert load_checkpoint(target).epoch == 1  # nothing was overwritten
    monkeypatch.setattr(safe_write, "LOCK_TIMEOUT_S", 60.0)

    finished = threading.Event()
    errors: list[BaseException] = []

    def second_writer() -> None:
        try:
            save_checkpoint(target, payload=hostile_files.checkpoint_payload(epoch=3))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finished.set()

    with safe_write.path_lock(target):
        thread = threading.Thread(target=second_writer)
        thread.start()
        assert not finished.wait(0.5)  # it waits for its turn ...
        assert load_checkpoint(target).epoch == 1
    thread.join(60)
    assert finished.is_set() and not errors  # ... and writes once the first writer is done
    assert load_checkpoint(target).epoch == 3
    assert [p.name for p in tmp_path.iterdir()] == ["run.pt"]


# -- 13a. a full disk ----------------------------------------------------------------------------
class FillsUp(io.RawIOBase):
    """A file whose disk fills after ``room`` bytes, exactly as the kernel reports it (OSError ENOSPC)."""

    def __init__(self, fd: int, room: int) -> None:
        self.fd, self.room = fd, room

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # noqa: ANN001
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return os.write(self.fd, data)

    def fileno(self) -> int:
        return self.fd

    def close(self) -> None:
        if not self.closed:
            os.close(self.fd)
        super().close()


def test_a_full_disk_is_one_plain_sentence_and_the_old_file_survives(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from torchdesk.core.errors import readable_error
    from torchdesk.core.safetensors_io import save_safetensors

    target = tmp_path / "run.pt"
    save_checkpoint(target, payload=hostile_files.checkpoint_payload(epoch=1))
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k: io.BufferedWriter(FillsUp(fd, 4096))
                        if "w" in mode else real_fdopen(fd, mode, *a, **k))
    with pytest.raises(CheckpointError) as caught:
        save_checkpoint(target, payload=hostile_files.checkpoint_payload(epoch=2))
    message = readable_error(caught.value)
    assert message.startswith("The disk is full") and "nothing was overwritten" in message, message
    assert "enforce" not in message and "inline_container" not in message
    with pytest.raises(ValueError, match="The disk is full"):
        save_safetensors({"w": torch.zeros(10_000)}, tmp_path / "w.safetensors")
    monkeypatch.undo()
    assert load_checkpoint(target).epoch == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.pt"]


# -- the Checkpoints panel: damaged rows beside good ones, and a clean folder on start ------------
def test_the_panel_lists_a_damaged_file_as_one_marked_row_and_opening_it_says_why(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop_helpers import make_window

    folder = tmp_path / "checkpoints"
    folder.mkdir()
    bad = hostile_files.wrongly_typed_metadata(folder)
    exploding = hostile_files.exploding_metadata(folder, "id", 28, "exploding.pt")
    garbage = hostile_files.garbage_data_pkl(folder)
    good = hostile_files.good_checkpoint(folder)
    stale = _aged(folder / ".good.pt.k2j4_x9a.tmp")  # left by a save killed earlier
    window = make_window(qtbot)
    window.show_panel("checkpoints")
    panel = window.panels["checkpoints"]
    panel.confirm_trust = lambda path, detail: pytest.fail("a damaged file must never be offered trust")
    panel.set_folder(folder)
    qtbot.waitUntil(lambda: not panel.scanning() and len(panel.rows()) == 4, timeout=30_000)
    rows = {row.name: row for row in panel.rows()}
    assert rows[good.name].kind == "torchdesk"
    model = panel.browser.table_model
    for path in (bad, exploding, garbage):
        row = model.rows.index(rows[path.name])
        index = model.index(row, 0)
        assert rows[path.name].kind == "unreadable"
        assert not model.data(index, Qt.ItemDataRole.DecorationRole).isNull()  # a warning sign on the row
        assert model.data(index, Qt.ItemDataRole.ToolTipRole) == rows[path.name].message
        assert panel.select_path(path) and not panel.browser.load_button.isEnabled()
        assert html.escape(rows[path.name].message) in panel.browser.details.text()
        assert not panel.open_path(path)  # double-click or Enter: a message, never an exception
        assert panel.message() == rows[path.name].message
    assert "could not be opened" not in panel.message()
    assert model.data(model.index(model.rows.index(rows[good.name]), 0), Qt.ItemDataRole.DecorationRole) is None
    assert "3 files that cannot be opened safely" in panel.browser.scan_label.text()
    if os.environ.get("TORCHDESK_SCREENSHOT_DIR"):
        window.grab().save(str(Path(os.environ["TORCHDESK_SCREENSHOT_DIR"]) / "checkpoints_damaged_opened.png"))
    assert panel.select_path(good) and panel.open_path(good)
    assert window.state.predictor is not None
    assert not stale.exists()  # reading the folder at start removed the interrupted save's leftovers
    if os.environ.get("TORCHDESK_SCREENSHOT_DIR"):
        window.grab().save(str(Path(os.environ["TORCHDESK_SCREENSHOT_DIR"]) / "checkpoints_damaged_rows.png"))


def test_an_export_onto_a_full_disk_is_one_sentence_and_leaves_nothing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from torchdesk.core.export import ExportError, export_model

    real_open = builtins.open

    def full_disk_open(file, mode="r", *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if "w" in str(mode) and str(file).startswith(str(tmp_path)):
            return io.BufferedWriter(FillsUp(os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 1024))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full_disk_open)
    with pytest.raises(ExportError) as caught:
        export_model(torch.nn.Linear(64, 10), "torchscript", tmp_path / "model.ts.pt", torch.zeros(2, 64))
    assert str(caught.value).startswith("The disk is full") and "enforce" not in str(caught.value)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []
