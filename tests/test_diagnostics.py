"""Diagnostics people can send: the torchdesk log file, and Help > Report a problem… on the clipboard."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterator

import pytest
from desktop_helpers import make_window
from PySide6.QtWidgets import QApplication

from torchdesk.core.logfile import LOGGER_NAME, get_logger, log_file_path, recent_log_lines, setup_logging


@pytest.fixture(autouse=True)
def fresh_logging() -> Iterator[None]:
    yield
    for name in (LOGGER_NAME, "py.warnings"):
        logger = logging.getLogger(name)
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
    logging.getLogger(LOGGER_NAME).addHandler(logging.NullHandler())  # as importing torchdesk leaves it
    logging.captureWarnings(False)


def test_warnings_always_reach_the_log_file_and_debug_only_when_asked(private_home: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TORCHDESK_DEBUG", raising=False)
    path = setup_logging("cli")
    assert path == log_file_path() and path.is_relative_to(private_home)
    get_logger("export").warning("the export took %d s", 168)
    get_logger("export").debug("traced the model")
    assert any("WARNING torchdesk.export" in line and "168 s" in line for line in recent_log_lines())
    assert not any("traced the model" in line for line in recent_log_lines())
    monkeypatch.setenv("TORCHDESK_DEBUG", "1")
    setup_logging("cli")
    get_logger("export").debug("traced the model")
    assert any("traced the model" in line for line in recent_log_lines())


def test_a_failing_command_is_logged(private_home: Path, tmp_path: Path) -> None:
    from torchdesk.desktop.launch import main

    assert main(["train", "--config", str(tmp_path / "missing.toml")]) != 0
    assert any("exit code" in line and "missing.toml" in line for line in recent_log_lines())


def test_report_a_problem_copies_versions_plugins_and_the_last_errors(qtbot: Any, private_home: Path) -> None:
    setup_logging("app")
    window = make_window(qtbot)
    window.show_error("The dataset could not be opened: boom", "Traceback (most recent call last): …")
    window.report_action.trigger()
    text = QApplication.clipboard().text()
    for expected in ("torchdesk", "PyTorch", "Qt", "Python", "OS ", "Device", "builtin-models",
                     "The dataset could not be opened: boom"):
        assert expected in text, expected
    assert str(log_file_path()) in window.activity_label.text()


def test_a_failed_cli_command_leaves_its_message_and_traceback_in_the_log(private_home: Path, tmp_path: Path) -> None:
    from torchdesk.core.cli import main

    setup_logging("cli")
    assert main(["evaluate", str(tmp_path / "missing.pt")]) != 0
    text = log_file_path().read_text()
    assert "ERROR torchdesk.cli" in text and "missing.pt" in text and "Traceback" in text


def test_cli_help_reads_well(capsys: pytest.CaptureFixture[str]) -> None:
    from torchdesk.core.cli import main

    with pytest.raises(SystemExit):
        main(["train", "--help"])
    assert "set an optimizer parameter" in capsys.readouterr().out
