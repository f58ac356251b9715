"""Training callbacks from plugins: they hear the Trainer's events and may stop the run.

A callback is ``callback(event, control)``. It runs on the training thread like any
listener; :class:`RunControl` is its only handle on the run, so a plugin cannot
reach into the trainer. ``control.stop(reason)`` ends the run after the current
epoch, recorded as an ordinary finish with the reason (a checkpoint is still written).
An error in a third-party callback stops the run with a message naming its plugin.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from torchdesk.core.events import Event, Failed, Finished
from torchdesk.core.i18n import translate
from torchdesk.core.plugin_errors import attributed, build_callable
from torchdesk.core.specs import ComponentSpec


@dataclass
class RunControl:
    """What a callback may do to the run: ask it to stop, and read why it was asked to."""

    stop_reason: str = ""
    _on_stop: Callable[[str], None] | None = field(default=None, repr=False)

    def stop(self, reason: str = "") -> None:
        """End the run after the current epoch; ``reason`` is shown to the person."""
        text = str(reason)[:300] or translate("callbacks", "a callback asked to stop")
        if not self.stop_reason:
            self.stop_reason = text
        if self._on_stop is not None:
            self._on_stop(text)

    @property
    def stopping(self) -> bool:
        """Whether a callback asked the run to stop."""
        return bool(self.stop_reason)


class CallbackListener:
    """A built callback as a Trainer listener (the run's last event never raises out of the trainer)."""

    def __init__(self, callback: Callable[[Any, RunControl], Any], spec: ComponentSpec, control: RunControl) -> None:
        self._call = attributed(callback, spec, translate("callbacks", "in its callback"))
        self.spec = spec
        self.control = control

    def __call__(self, event: Event) -> None:
        if isinstance(event, (Finished, Failed)):
            try:
                self._call(event, self.control)
            except Exception as exc:  # the run is over: say so, but keep its result
                print(f"torchdesk: {exc}", file=sys.stderr)
            return
        self._call(event, self.control)


def build_callbacks(registry: Any, choices: Iterable[Any], control: RunControl) -> list[CallbackListener]:
    """One listener per chosen callback (``ComponentChoice``), built with its resolved parameters."""
    listeners = []
    for choice in choices:
        spec = registry.callback(choice.id)
        callback = build_callable(spec, translate("callbacks", "a callable callback(event, control)"),
                                  **spec.resolve_params(choice.params))
        listeners.append(CallbackListener(callback, spec, control))
    return listeners


def attach_callbacks(trainer: Any, registry: Any, choices: Iterable[Any]) -> RunControl:
    """Build the chosen callbacks and add them to ``trainer``'s listeners; their stop requests end its run."""
    control = RunControl(_on_stop=trainer.request_stop)
    for listener in build_callbacks(registry, choices, control):
        trainer.add_listener(listener)
    return control
