"""Call into plugin code so that nothing it raises can end torchdesk.

A plugin is ordinary Python. Besides exceptions it can raise ``SystemExit`` (a stray
``sys.exit()``), ``KeyboardInterrupt`` or a ``BaseException`` subclass of its own,
none of which ``except Exception`` stops: one of them in a hook used to end every
command silently. :func:`call_plugin` turns these into :class:`PluginAbort`, an
ordinary exception that the caller reports against the plugin like any other failure.

Two are let through: ``GeneratorExit`` (Python's own signal to close a generator) and
a ``KeyboardInterrupt`` caused by the person pressing Ctrl+C while the plugin ran,
which must still stop the command. The two kinds of ``KeyboardInterrupt`` are told
apart by counting SIGINTs while plugin code runs on the main thread (the only thread
Python delivers Ctrl+C to).
"""

from __future__ import annotations

import functools
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from torchdesk.core.i18n import translate

T = TypeVar("T")
REASON_CHARS = 200

_ctrl_c_presses = 0


class PluginError(RuntimeError):
    """A plugin failed; the message names the plugin and its distribution.

    The registry raises it only when ``TORCHDESK_RAISE_PLUGIN_ERRORS`` is set; its
    subclasses are raised whenever a plugin's code misbehaves while it is used.
    """


class PluginAbort(PluginError):
    """Plugin code raised a ``BaseException`` that would have ended torchdesk (kept in ``original``).

    ``context`` (``The optimizer 'x' from plugin 'p' (dist 1.0) failed to build``) starts
    the message when the caller knew which plugin it called.
    """

    def __init__(self, original: BaseException, context: str = "") -> None:
        reason = describe_abort(original)
        super().__init__(f"{context}: {reason}" if context else reason)
        self.original = original
        self.context = context


class PluginComponentError(PluginError):
    """A plugin's component failed when it was built or used; the message names the plugin."""


def describe_abort(exc: BaseException) -> str:
    """What the plugin did, as the end of a sentence: ``it called sys.exit(0), which ...``."""
    if isinstance(exc, SystemExit):
        code = exc.code
        text = _bounded(_safe_str(code))  # an int of 5000 digits cannot even be printed
        shown = "" if code is None else (text if isinstance(code, int) else repr(text))
        return translate("plugin_guard", "it called sys.exit({code}), which would have ended torchdesk").format(
            code=shown)
    if isinstance(exc, KeyboardInterrupt):
        return translate("plugin_guard", "it raised KeyboardInterrupt although Ctrl+C was not pressed")
    text = _bounded(_safe_str(exc))
    return translate("plugin_guard", "it raised {error} (a BaseException, which ends programs; plugins should raise "
                                     "Exception subclasses)").format(
        error=type(exc).__name__ + (": " + text if text else ""))


def call_plugin(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``function(*args, **kwargs)``; a ``BaseException`` from it (except those above) becomes :class:`PluginAbort`.

    Ordinary exceptions pass through unchanged: the callers already report those.
    """
    return _call(function, args, kwargs, "")


def guarded(function: Callable[..., T], context: str) -> Callable[..., T]:
    """``function`` (a plugin's factory) called through :func:`call_plugin`; an abort's message starts with ``context``."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> T:
        return _call(function, args, kwargs, context)

    return call


def attributing(function: Callable[..., T], context: str,
                passthrough: tuple[type[BaseException], ...] = ()) -> Callable[..., T]:
    """``function`` (a plugin's factory) whose every failure becomes a :class:`PluginComponentError` starting with ``context``.

    ``passthrough`` exceptions keep their own type and message (a dataset's missing files, say).
    """

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> T:
        try:
            return _call(function, args, kwargs, context)
        except (PluginError, *passthrough):
            raise
        except Exception as exc:
            text = _bounded(_safe_str(exc))
            raise PluginComponentError(f"{context}: {type(exc).__name__}{': ' + text if text else ''}") from exc

    return call


def _call(function: Callable[..., T], args: tuple, kwargs: dict[str, Any], context: str) -> T:
    with _counting_ctrl_c() as pressed:
        try:
            return function(*args, **kwargs)
        except (Exception, GeneratorExit):
            raise
        except KeyboardInterrupt as exc:
            if pressed():
                raise
            raise PluginAbort(exc, context) from exc
        except BaseException as exc:  # SystemExit and a plugin's own BaseException subclasses
            raise PluginAbort(exc, context) from exc


@contextmanager
def _counting_ctrl_c() -> Iterator[Callable[[], bool]]:
    """Yield a function telling whether Ctrl+C was pressed inside the block."""
    start = _ctrl_c_presses
    previous: Any = None
    installed: Any = None
    if threading.current_thread() is threading.main_thread():
        try:
            previous = signal.getsignal(signal.SIGINT)
            if callable(previous):  # SIG_DFL and SIG_IGN raise no KeyboardInterrupt: nothing to tell apart
                installed = _counting_handler(previous)
                signal.signal(signal.SIGINT, installed)
        except (ValueError, OSError):  # an interpreter without signals, or one being torn down
            installed = None
    try:
        yield lambda: _ctrl_c_presses != start
    finally:
        if installed is not None and signal.getsignal(signal.SIGINT) is installed:
            signal.signal(signal.SIGINT, previous)


def _counting_handler(previous: Callable[[int, Any], Any]) -> Callable[[int, Any], Any]:
    def handler(signum: int, frame: Any) -> Any:
        global _ctrl_c_presses
        _ctrl_c_presses += 1
        return previous(signum, frame)  # the default handler raises KeyboardInterrupt, as before

    return handler


def _safe_str(value: object) -> str:
    try:
        return str(value)
    except Exception:  # a plugin's object whose __str__ fails, or an int too long to print
        return f"<{type(value).__name__}>"


def _bounded(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= REASON_CHARS else text[: REASON_CHARS - 1] + "…"
