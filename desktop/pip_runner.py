"""Run one pip command in a QProcess: live output, cancel, and a result the dialog can show.

The app stays responsive while pip downloads and builds, the person sees pip's own
words as they come, and Cancel stops pip (terminate, then kill if it lingers).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from torchdesk.core.plugin_install import PipCommand
from torchdesk.desktop.i18n import translate

KILL_AFTER_MS = 3000


@dataclass(frozen=True)
class PipResult:
    """How a pip run ended: ``ok`` when pip exited with 0 and was not cancelled."""

    action: str  # "install" | "uninstall"
    target: str
    exit_code: int
    cancelled: bool
    log: str
    error: str = ""  # why the process could not run at all (pip missing, Python not found)

    @property
    def ok(self) -> bool:
        """True when pip did what was asked."""
        return self.exit_code == 0 and not self.cancelled and not self.error

    @property
    def display_target(self) -> str:
        """The target as a person recognises it: a wheel's or folder's own name, else the requirement."""
        return Path(self.target).name if ("/" in self.target or os.sep in self.target) else self.target

    @property
    def summary(self) -> str:
        """One line for the status label: pip's own last ERROR line when it failed."""
        # ``action`` is pip's own command word (install, uninstall), the same in every language.
        if self.cancelled:
            return translate("PipResult", "Cancelled: pip {action} {target} was stopped; nothing else "
                                          "changed.").format(action=self.action, target=self.display_target)
        if self.error:
            return translate("PipResult", "pip could not run: {reason}").format(reason=self.error)
        if self.ok:
            return translate("PipResult", "pip {action} {target} finished.").format(action=self.action,
                                                                                     target=self.display_target)
        errors = [line.strip() for line in self.log.splitlines() if line.strip().startswith("ERROR")]
        lines = self.log.strip().splitlines()
        reason = errors[-1] if errors else (lines[-1].strip() if lines else translate("PipResult", "no output"))
        return translate("PipResult", "pip {action} failed (exit code {code}): {reason}").format(
            action=self.action, code=self.exit_code, reason=reason)


class PipRunner(QObject):
    """One pip process at a time. ``output(str)`` streams its text; ``finished(PipResult)`` ends every run."""

    output = Signal(str)
    started = Signal(str)
    finished = Signal(object)

    def __init__(self, command: PipCommand | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.command = command or PipCommand()
        self._process: QProcess | None = None
        self._action = ""
        self._target = ""
        self._log: list[str] = []
        self._cancelled = False
        self._error = ""
        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.timeout.connect(self._kill)

    @property
    def running(self) -> bool:
        """Whether a pip process is under way."""
        return self._process is not None

    def install(self, target: str, upgrade: bool = True) -> None:
        """Start ``pip install`` of a requirement, wheel file or project folder."""
        self._start("install", target, self.command.install(target, upgrade=upgrade))

    def uninstall(self, distribution: str) -> None:
        """Start ``pip uninstall --yes`` of one distribution."""
        self._start("uninstall", distribution, self.command.uninstall(distribution))

    def cancel(self) -> None:
        """Stop the running pip: politely first, then for good after a few seconds."""
        if self._process is None:
            return
        self._cancelled = True
        self._emit("\n" + translate("PipRunner", "Cancelling…") + "\n")
        self._process.terminate()
        self._kill_timer.start(KILL_AFTER_MS)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the process ends (tests and app shutdown); True when it has."""
        if self._process is None:
            return True
        return self._process.waitForFinished(msecs)

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()

    def _start(self, action: str, target: str, args: list[str]) -> None:
        if self._process is not None:
            raise RuntimeError(translate("PipRunner", "pip is already running; wait for it or cancel it first"))
        self._action, self._target = action, target
        self._log, self._cancelled, self._error = [], False, ""
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        for key, value in self.command.environment().items():
            environment.insert(key, value)
        process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        self.started.emit(f"{action} {target}")
        self._emit(f"$ {self.command.python} {' '.join(args)}\n")
        process.start(self.command.python, args)

    def _read(self) -> None:
        if self._process is None:
            return
        data = bytes(self._process.readAllStandardOutput().data())
        if data:
            self._emit(data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n"))

    def _emit(self, text: str) -> None:
        self._log.append(text)
        self.output.emit(text)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self._error = translate("PipRunner", "{python} could not be started ({reason})").format(
                python=self.command.python, reason=self._process.errorString())
            self._emit(self._error + "\n")
            self._finish(-1)

    def _on_finished(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        self._read()
        self._finish(exit_code)

    def _finish(self, exit_code: int) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        self._kill_timer.stop()
        process.deleteLater()
        result = PipResult(action=self._action, target=self._target, exit_code=exit_code,
                           cancelled=self._cancelled, log="".join(self._log), error=self._error)
        self.finished.emit(result)
