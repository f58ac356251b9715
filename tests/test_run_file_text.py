"""Run files read back exactly whatever text their settings hold (emoji, quotes, control characters)."""

from __future__ import annotations

from pathlib import Path

import pytest

from torchdesk.core.run_config import RunConfig
from torchdesk.core.run_file import RunFileError, read_run_file, run_file_text, write_run_file


@pytest.mark.parametrize("name", ["data 😀", 'quote " and back\\slash', "tab\tnew\nline", "del\x7fbell\x07", "ünïcödé"])
def test_any_text_in_a_setting_survives_a_run_file(tmp_path: Path, name: str) -> None:
    config = RunConfig(data_dir=str(tmp_path / name), out=name)
    assert read_run_file(write_run_file(config, tmp_path / "run.toml")) == config


def test_the_run_file_keeps_the_model_and_dataset_near_the_top_on_one_line_each() -> None:
    lines = run_file_text(RunConfig()).splitlines()
    assert lines.index("[run]") < 5
    assert any(line.startswith("model = {") for line in lines[:8]) and any(line.startswith("dataset = {")
                                                                          for line in lines[:8])


def test_a_name_that_is_not_text_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    config = RunConfig(data_dir="/data/\udcff")  # what os.fsdecode makes of a non-UTF-8 byte
    with pytest.raises(RunFileError, match="not valid text"):
        write_run_file(config, tmp_path / "run.toml")
    assert not (tmp_path / "run.toml").exists()
