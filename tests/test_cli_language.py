"""The command line speaks the person's language (``LANG`` or ``--lang``) and nothing else changes.

Korean comes from ``LANG=ko_KR.UTF-8`` as well as ``--lang ko``; English stays the
default. The language is only in what a person reads: exit codes, checkpoints and
``--json`` output are the same bytes and values in every language.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch

from torchdesk.core import i18n
from torchdesk.core.checkpoint import load_checkpoint
from torchdesk.core.cli import main
from torchdesk.core.threads import fix_training_threads

LOCALE_VARIABLES = (i18n.LANGUAGE_ENV, "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def no_language_chosen(monkeypatch: pytest.MonkeyPatch):
    """Each test starts with nothing chosen and leaves nothing chosen (``--threads`` in-process included)."""
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    i18n.set_language(None)
    threads = torch.get_num_threads()
    yield
    i18n.set_language(None)
    fix_training_threads(None)
    torch.set_num_threads(threads)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``torchdesk ARGS`` in this process: (exit code, stdout, stderr), argparse's exits included."""
    try:
        code = main(args)
    except SystemExit as exc:  # --help, --version and argparse's usage errors exit from the parser
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        i18n.set_language(None)  # --lang sets it for the rest of the process, as in a real run
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def launch(args: list[str], env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """The ``torchdesk`` console script's module, as a person runs it."""
    full_env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    full_env.update(env)
    return subprocess.run([sys.executable, "-m", "torchdesk.desktop.launch", *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env)


# -- (a) LANG picks the language when --lang does not ----------------------------------------------


def test_help_follows_lang_korean_and_c(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, out, _err = run_cli(["train", "--help"], capsys)
    assert code == 0
    assert "사용법:" in out and "학습할 에폭 수(기본값 5)" in out and "옵션" in out
    assert "epochs to train" not in out

    monkeypatch.setenv("LANG", "C")
    code, out, _err = run_cli(["train", "--help"], capsys)
    assert code == 0
    assert "usage:" in out and "epochs to train (default 5)" in out
    assert "사용법" not in out


def test_a_bad_flag_value_is_refused_in_the_lang_language(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, _out, err = run_cli(["train", "--epochs", "0"], capsys)
    assert code == 2
    assert "오류: 인수 --epochs: 1 이상 1,000,000 이하의 정수여야 하는데 0이(가) 주어졌습니다" in err

    monkeypatch.setenv("LANG", "C.UTF-8")
    code, _out, err = run_cli(["train", "--epochs", "0"], capsys)
    assert code == 2
    assert "error: argument --epochs: should be a whole number of at least 1 and at most 1,000,000, got 0" in err


def test_the_console_script_follows_lang() -> None:
    korean = launch(["evaluate"], {"LANG": "ko_KR.UTF-8"})
    english = launch(["evaluate"], {"LANG": "C"})
    assert korean.returncode == english.returncode == 2
    assert "체크포인트 파일을 지정하거나 --bundled mnist / --bundled fashion-mnist를 쓰세요" in korean.stderr
    assert "name a checkpoint file, or --bundled mnist / --bundled fashion-mnist" in english.stderr
    assert "Traceback" not in korean.stderr + english.stderr


def test_lang_flag_wins_over_lang_variable(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    code, out, _err = run_cli(["--lang", "en", "plugins"], capsys)
    assert code == 0 and "losses: cross-entropy, nll, mse" in out
    monkeypatch.setenv("LANG", "C")
    code, out, _err = run_cli(["--lang", "ko", "plugins"], capsys)
    assert code == 0 and "손실 함수: cross-entropy, nll, mse" in out and "[활성]" in out


# -- (b) --lang ko changes words only ---------------------------------------------------------------


def test_exit_codes_do_not_depend_on_the_language(mnist_root: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--dataset", "mnist", "--data-dir", str(mnist_root), "--device", "cpu"]
    cases = {
        "bad flag value": ["train", *data, "--batch-size", "zero"],
        "bad choice": ["train", *data, "--precision", "fp8"],
        "unknown model": ["train", *data, "--model", "nope", "--epochs", "1"],
        "missing dataset": ["train", "--dataset", "mnist", "--data-dir", str(tmp_path / "nothing"), "--epochs", "1"],
        "no checkpoint named": ["evaluate"],
        "unknown component": ["describe", "no-such-thing"],
    }
    for name, args in cases.items():
        english = run_cli(["--lang", "en", *args], capsys)
        korean = run_cli(["--lang", "ko", *args], capsys)
        assert english[0] == korean[0] != 0, (name, english, korean)
        assert "Traceback" not in english[2] + korean[2]
        if name != "missing dataset":  # that message is the dataset loader's (tests of the engine's catalog)
            assert english[2] != korean[2], f"{name}: the Korean run said the same as the English one: {korean[2]}"
    _code, _out, err = run_cli(["--lang", "ko", *cases["unknown model"]], capsys)
    assert "'nope'(이)라는 모델이(가) 없습니다" in err
    _code, _out, err = run_cli(["--lang", "ko", *cases["bad choice"]], capsys)
    assert "잘못된 선택: 'fp8'" in err


def _train(lang: str, mnist_root: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    return run_cli(["--lang", lang, "train", "--dataset", "mnist", "--model", "mlp", "--model-param", "hidden=16",
                    "--epochs", "2", "--batch-size", "100", "--lr", "0.01", "--optimizer", "sgd", "--device", "cpu",
                    "--precision", "fp32", "--threads", "1", "--seed", "7", "--train-subset", "300",
                    "--test-subset", "100", "--data-dir", str(mnist_root), "--out", str(out)], capsys)


def _same(a: Any, b: Any, where: str) -> None:
    """Equal data: tensors bit for bit, floats exactly (NaN equal to NaN), everything else with ==."""
    if isinstance(a, torch.Tensor):
        assert isinstance(b, torch.Tensor) and a.dtype == b.dtype and torch.equal(a, b), where
    elif isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), where
        for key in a:
            _same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, (list, tuple)):
        assert type(a) is type(b) and len(a) == len(b), where
        for index, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{where}[{index}]")
    elif isinstance(a, float) and math.isnan(a):
        assert isinstance(b, float) and math.isnan(b), where
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def test_a_korean_run_writes_the_same_checkpoint(mnist_root: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "run.pt"  # one path for both: the run's config records --out
    english = _train("en", mnist_root, out, capsys)
    english_out = out.rename(tmp_path / "en.pt")
    korean = _train("ko", mnist_root, out, capsys)
    korean_out = out.rename(tmp_path / "ko.pt")
    assert english[0] == korean[0] == 0, (english, korean)
    assert "epoch 2/2" in english[2] and "test accuracy" in english[1]
    assert "에폭 2/2" in korean[2] and "테스트 정확도" in korean[1] and "저장했습니다" in korean[2]

    first, second = load_checkpoint(english_out), load_checkpoint(korean_out)
    assert first.kind == second.kind == "torchdesk"
    assert first.config == second.config
    assert first.config.to_dict() == second.config.to_dict()
    assert first.epoch == second.epoch == 2
    left, right = dict(first.payload), dict(second.payload)
    assert set(left) == set(right)
    for payload in (left, right):
        payload.pop("created")  # the time it was written
        for epoch in payload["history"]["epochs"]:
            assert epoch.pop("seconds") > 0  # how long the epoch took
    assert list(left["history"]) == list(right["history"])
    assert [sorted(e) for e in left["history"]["epochs"]] == [sorted(e) for e in right["history"]["epochs"]]
    _same(left["model_state"], right["model_state"], "model_state")
    _same(left["optimizer_state"], right["optimizer_state"], "optimizer_state")
    _same(left, right, "payload")  # config, component records, class names, history, metrics


def test_json_output_stays_english(capsys: pytest.CaptureFixture[str]) -> None:
    english = run_cli(["--lang", "en", "plugins", "--json"], capsys)
    korean = run_cli(["--lang", "ko", "plugins", "--json"], capsys)
    assert english[0] == korean[0] == 0

    def stable(text: str) -> list[dict[str, Any]]:
        plugins = json.loads(text)
        for plugin in plugins:
            plugin.pop("import_seconds")
        return plugins

    assert stable(english[1]) == stable(korean[1])
