"""Write a file the way every torchdesk save should: to a regular file only, atomically, one writer at a time.

Checkpoints, autosaves, exports, safetensors and run files all go through
:func:`atomic_target`, so the same rules hold for each:

* only a regular file (or a new name) is written: a device node (``/dev/full``), a
  named pipe, a socket or a folder at the target is refused with a sentence, never
  replaced (renaming over ``/dev/null`` as root would turn it into a zip file);
* the bytes go to a hidden temporary file beside the target (``.<name>.<random>.tmp``),
  which is fsynced and renamed into place, so a crash leaves the earlier file intact;
* two writers to one path take turns: an advisory lock (``.<name>.lock``, removed after
  use) serialises them, and a writer still waiting after ``timeout`` is told;
* temporary files an interrupted save left behind are removed by the next save in that
  folder (:func:`clean_stale_temps`): only names of our pattern, only when no writer
  holds them and they have not changed for :data:`STALE_AFTER_S` seconds;
* a full disk is reported as one plain sentence, however deep torch wrapped the
  ``ENOSPC`` (its zip writer raises ``RuntimeError: [enforce fail at inline_container.cc…]``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import IO, Iterator

from torchdesk.core.i18n import translate

try:
    import fcntl
except ImportError:  # pragma: no cover - no advisory locks on this platform: writes still are atomic
    fcntl = None  # type: ignore[assignment]

STALE_AFTER_S = 120.0
LOCK_TIMEOUT_S = 60.0
# mkstemp's random part is 8 characters of [a-z0-9_]; exports keep their suffix after ".tmp".
TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp(\.[A-Za-z0-9.]{1,16})?$")
LOCK_NAME = re.compile(r"^\.(?P<target>.+)\.lock$")
TORCH_WRITE_FAILURES = ("inline_container", "PytorchStreamWriter", "file write failed")
LOW_SPACE = 1 << 20  # less than this left after a failed write: the disk filled up


class WriteError(ValueError):
    """A file could not be written; the message says why, and that nothing was overwritten."""


class TargetRefusedError(WriteError):
    """The target exists and is not a regular file (a device, pipe, socket or folder)."""


class DiskFullError(WriteError):
    """The disk filled up while writing."""


class WriterBusyError(WriteError):
    """Another writer kept the target locked for longer than the wait allows."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return translate("safe_write", "a folder")
    if stat.S_ISFIFO(mode):
        return translate("safe_write", "a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return translate("safe_write", "a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return translate("safe_write", "a device")
    return translate("safe_write", "not a regular file")


def check_target(path: str | Path) -> Path:
    """``path`` when it is a new name or a regular file; :class:`TargetRefusedError` otherwise.

    The check follows symbolic links, so a link to ``/dev/null`` is refused too.
    """
    path = Path(path).expanduser()
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise TargetRefusedError(translate("safe_write", "{path} cannot be written: {reason}. Choose another file.")
                                 .format(path=path, reason=exc.strerror or exc)) from None
    if mode is not None and not stat.S_ISREG(mode):
        raise TargetRefusedError(translate(
            "safe_write", "{path} is {kind}, not a regular file, so torchdesk will not write to it (it would be "
            "replaced). Choose a file name in a folder you can write to; nothing was changed.").format(
                path=path, kind=_kind(mode)))
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise TargetRefusedError(translate("safe_write", "{folder} is not a folder, so {name} cannot be written "
                                                         "there. Choose another location.").format(
                                     folder=parent, name=path.name))
    return path


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` (or anything it wraps, explicitly or implicitly) is a full disk or quota."""
    for current in _chain(exc):
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if "No space left on device" in str(current)[:2000]:
            return True
    return False


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def filled_the_disk(exc: BaseException, folder: Path) -> bool:
    """Whether writing into ``folder`` failed because the disk is full.

    torch's C++ zip writer, writing by name, reports a full disk only as
    ``[enforce fail at inline_container.cc…] unexpected pos``, without the ``ENOSPC``;
    that failure with (almost) no space left in ``folder`` counts too. Call it before
    removing the partial file, while the space it took is still taken.
    """
    if is_disk_full(exc):
        return True
    torch_writer = any(marker in str(e)[:2000] for e in _chain(exc) for marker in TORCH_WRITE_FAILURES)
    free = _free_bytes(folder)
    return torch_writer and free is not None and free < LOW_SPACE


def check_free_space(path: Path, needed: int) -> None:
    """Raise :class:`DiskFullError` now when ``path``'s folder has less than ``needed`` bytes free.

    For writers that cannot fail gracefully: on a full disk ``torch.jit.save`` aborts
    the whole process from a C++ destructor.
    """
    free = _free_bytes(path.parent if path.parent.exists() else Path.cwd())
    if free is not None and free < needed:
        raise DiskFullError(disk_full_message(path, needed))


def disk_full_message(path: Path, needed: int = 0) -> str:
    """The sentence for a full disk while writing ``path`` (``needed``: the bytes it needs, when known)."""
    free = ""
    with contextlib.suppress(OSError):
        mb_free = shutil.disk_usage(path.parent).free / 1e6
        if needed:
            free = translate("safe_write", " ({free:,.1f} MB free, {needed:,.1f} MB needed)").format(
                free=mb_free, needed=needed / 1e6)
        else:
            free = translate("safe_write", " ({free:,.1f} MB free)").format(free=mb_free)
    return translate("safe_write", "The disk is full{free}: {name} could not be written to {folder}. "
                                   "Free some space (or choose another folder) and try again; nothing was "
                                   "overwritten.").format(free=free, name=path.name, folder=path.parent)


def _locked_by_someone(path: Path) -> bool:
    """Whether another open file description holds an advisory lock on ``path`` (False when unknowable)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return True  # vanished or unreadable: leave it alone
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops the lock we may have taken
    return False


def clean_stale_temps(folder: str | Path, stale_after_s: float = STALE_AFTER_S) -> list[Path]:
    """Remove temporary and lock files interrupted saves left in ``folder``; the paths removed.

    Only hidden names of our own pattern (``.<name>.<8 chars>.tmp[.suffix]`` and
    ``.<name>.lock``) that are regular files, unchanged for ``stale_after_s`` seconds
    and locked by no writer are removed, so a save in progress elsewhere is never touched.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (TEMP_NAME.match(entry.name) or LOCK_NAME.match(entry.name)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < stale_after_s:
            continue
        path = Path(entry.path)
        if _locked_by_someone(path):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


@contextlib.contextmanager
def path_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the advisory lock of ``path`` (``.<name>.lock`` beside it) for the block; writers to one path take turns.

    A writer still waiting after ``timeout`` seconds (default :data:`LOCK_TIMEOUT_S`) gets
    :class:`WriterBusyError`. The lock file is removed on release; a waiter that locked a
    file removed meanwhile notices (the name points at another file now) and locks again.
    """
    if fcntl is None:  # pragma: no cover
        yield
        return
    timeout = LOCK_TIMEOUT_S if timeout is None else timeout
    lock_path = path.with_name(f".{path.name}.lock")
    deadline = time.monotonic() + timeout
    while True:
        fd = _open_lock_file(lock_path)
        if _wait_for_lock(fd, deadline):
            try:
                current = os.stat(lock_path, follow_symlinks=False)
                mine = os.fstat(fd)
                if (current.st_dev, current.st_ino) == (mine.st_dev, mine.st_ino):
                    break
            except FileNotFoundError:
                pass
            os.close(fd)
            continue
        os.close(fd)
        raise WriterBusyError(translate("safe_write", "Another save to {name} has been running for over "
                                                      "{seconds:.0f} s, so this one gave up; nothing was "
                                                      "overwritten. Try again when it has finished.").format(
                                  name=path.name, seconds=timeout))
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock_path)
        os.close(fd)


def _open_lock_file(lock_path: Path) -> int:
    """The lock file's descriptor; a link, pipe or folder planted under its name is refused, not followed."""
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0),
                     0o600)
    except OSError as exc:
        raise WriteError(translate("safe_write", "Could not lock {name} beside the file to write: {reason}. "
                                                 "Remove it or choose another folder; nothing was overwritten.")
                         .format(name=lock_path.name, reason=exc.strerror or exc)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise TargetRefusedError(translate("safe_write", "{path} is not a regular file, so it cannot serve as the "
                                                         "save's lock. Remove it or choose another folder; nothing "
                                                         "was overwritten.").format(path=lock_path))
    return fd


def _wait_for_lock(fd: int, deadline: float) -> bool:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)


def make_readable(path: Path) -> None:
    """Give a file the permissions a plain ``open()`` would (``mkstemp`` makes it private to its owner)."""
    os.chmod(path, 0o666 & ~_umask())


def _umask() -> int:
    # Reading it from /proc avoids briefly changing the process-wide umask under other threads.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


@contextlib.contextmanager
def atomic_target(path: str | Path, suffix: str = "") -> Iterator[tuple[Path, IO[bytes]]]:
    """Write ``path`` atomically: the block gets ``(temporary path, its open binary file)`` to fill.

    The file object may be written, or the temporary path handed to a library that
    writes by name (the open file keeps the temporary locked either way). When the
    block ends normally the file is fsynced, made readable and renamed over ``path``;
    when it raises, the temporary is removed and ``path`` is untouched. Refusals and
    a full disk raise :class:`WriteError` subclasses with a sentence.
    """
    path = check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_failure(path, exc) from exc
    with path_lock(path):
        clean_stale_temps(path.parent)
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".tmp{suffix}", dir=str(path.parent))
        except OSError as exc:
            raise _os_failure(path, exc) from exc
        tmp = Path(tmp_name)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # our own fresh file: never blocks
            with os.fdopen(fd, "wb") as fh:
                yield tmp, fh
                fh.flush()
                os.fsync(fh.fileno())
                make_readable(tmp)
                check_target(path)  # it may have become something else while we wrote
                os.replace(tmp, path)
            _sync_folder(path.parent)
        except BaseException as exc:
            full = not isinstance(exc, WriteError) and filled_the_disk(exc, path.parent)  # before freeing the space
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, WriteError):
                raise
            if full:
                raise DiskFullError(disk_full_message(path)) from exc
            if isinstance(exc, OSError):
                raise _os_failure(path, exc) from exc
            raise


def _os_failure(path: Path, exc: OSError) -> WriteError:
    if is_disk_full(exc):
        return DiskFullError(disk_full_message(path))
    return WriteError(translate("safe_write", "Could not write {path}: {reason}. Choose another folder or free some "
                                              "space; the previous file is unchanged.").format(
                          path=path, reason=exc.strerror or exc))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform opens folders)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
