"""Download a dataset through torchvision with progress reporting and cancellation.

torchvision's own download (``download=True``) prints a tqdm bar and cannot be
stopped. While :func:`download_dataset` runs, torchvision's file fetcher is
routed through :func:`_reporting_urlretrieve`, which reports bytes to a callback
and checks a cancel predicate between chunks (other threads keep torchvision's
behaviour). Offline, the result is a :class:`~torchdesk.core.data.DatasetMissingError`
naming the folder and the files to put there.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from torchdesk.core.data import DatasetMissingError, open_dataset
from torchdesk.core.i18n import component_text, translate
from torchdesk.core.progress import CancelCheck, Cancelled, ProgressCallback
from torchdesk.core.specs import DatasetSpec

FileCallback = Callable[[str], None]

_local = threading.local()
_install_lock = threading.Lock()
_original_urlretrieve: Callable[..., None] | None = None


@dataclass
class _Watcher:
    progress: ProgressCallback | None
    cancel: CancelCheck | None
    on_file: FileCallback | None
    cancelled: bool = False
    network_errors: list[str] = field(default_factory=list)


def _reporting_urlretrieve(url: str, filename: Any, chunk_size: int = 1024 * 32) -> None:
    """torchvision's ``_urlretrieve`` with progress and cancel for the thread running a download."""
    watcher: _Watcher | None = getattr(_local, "watcher", None)
    if watcher is None:
        assert _original_urlretrieve is not None
        _original_urlretrieve(url, filename, chunk_size)
        return
    from torchvision.datasets.utils import USER_AGENT

    path = Path(filename)
    if watcher.on_file is not None:
        watcher.on_file(path.name)
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": USER_AGENT}))
    except (urllib.error.URLError, OSError) as exc:
        watcher.network_errors.append(f"{url}: {getattr(exc, 'reason', exc)}")
        raise
    done = 0
    try:
        with response, open(path, "wb") as fh:
            total = int(response.headers.get("Content-Length") or 0)
            if watcher.progress is not None:
                watcher.progress(0, total)
            while chunk := response.read(chunk_size):
                if watcher.cancel is not None and watcher.cancel():
                    watcher.cancelled = True
                    raise Cancelled(translate("download", "download of {name} cancelled").format(name=path.name))
                fh.write(chunk)
                done += len(chunk)
                if watcher.progress is not None:
                    watcher.progress(done, max(total, done))
    except BaseException:
        path.unlink(missing_ok=True)  # never leave half a file that looks like data
        raise


def _install() -> None:
    global _original_urlretrieve
    with _install_lock:
        if _original_urlretrieve is None:
            import torchvision.datasets.utils as tv_utils

            _original_urlretrieve = tv_utils._urlretrieve
            tv_utils._urlretrieve = _reporting_urlretrieve


def download_dataset(spec: DatasetSpec, root: Path | str, params: dict[str, Any] | None = None,
                     progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
                     on_file: FileCallback | None = None) -> None:
    """Fetch both splits of ``spec`` into ``root`` (nothing happens for files already there).

    ``progress(bytes_done, bytes_total)`` follows the current file, ``on_file(name)``
    announces each file. Raises :class:`Cancelled` when ``cancel()`` turned true
    (the partial file is removed) and :class:`DatasetMissingError` when the files
    cannot be fetched, naming what is needed and where.
    """
    root = Path(root).expanduser()
    if not spec.downloadable:
        raise DatasetMissingError(spec, root, translate("download", "{dataset} cannot be downloaded: it is made of "
                                                                    "your own files.").format(
                                      dataset=component_text(spec.name)))
    _install()
    watcher = _Watcher(progress, cancel, on_file)
    _local.watcher = watcher
    try:
        for train in (True, False):
            if cancel is not None and cancel():
                raise Cancelled(translate("download", "download cancelled"))
            open_dataset(spec, root, train=train, params=params, download=True)
    except Cancelled:
        raise
    except Exception as exc:
        if watcher.cancelled:
            raise Cancelled(translate("download", "download cancelled")) from None
        if _is_network_failure(exc) or watcher.network_errors:
            detail = watcher.network_errors[-1] if watcher.network_errors else _root_cause(exc)
            raise DatasetMissingError(
                spec, root, translate("download", "The download failed (no network connection?): {detail}").format(
                    detail=detail)
            ) from exc
        raise
    finally:
        _local.watcher = None


def _root_cause(exc: BaseException) -> str:
    """One line: torchvision's first line plus the distinct network reasons it collected per mirror."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    reasons = []
    for line in lines[1:]:
        if line.startswith("<urlopen error"):
            reason = line.removeprefix("<urlopen error").rstrip(">").strip()
            if reason not in reasons:
                reasons.append(reason)
    head = lines[0].rstrip(":")
    return f"{head} ({'; '.join(reasons)})" if reasons else head


def _is_network_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, (urllib.error.URLError, ConnectionError, TimeoutError)):
            return True
        if "error downloading" in str(seen).lower():
            return True
        seen = seen.__cause__ or seen.__context__
    return False
