"""Plugins that try to end the program, or take ages to import, as real installed distributions.

Each plugin is a module with a ``dist-info`` on ``sys.path`` (what pip installs), so it is
found through the real ``torchdesk`` entry-point group and loaded by the real registry.
A plugin's ``SystemExit``, ``KeyboardInterrupt`` or own ``BaseException`` subclass - at
import, in a hook, while its model is built or runs - is reported against the plugin
and everything else keeps working; a Ctrl+C the person presses still stops the command.
A slow import is timed, listed and reported by name.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from plugin_fixtures import make_distribution
from plugin_packages import env_with_path

import torchdesk.core.registry as registry_module
from torchdesk.core.events import Failed
from torchdesk.core.plugin_errors import PluginComponentError
from torchdesk.core.registry import PluginError, PluginRegistry

SUBPROCESS_TIMEOUT_S = 300

HOOK = "from torchdesk.core.hookspecs import hookimpl\n"

# name -> (module source, what the reason says)
HOSTILE = {
    "exit-in-hook": (HOOK + "import sys\n@hookimpl\ndef torchdesk_models():\n    sys.exit(0)\n",
                     "sys.exit(0)"),
    "exit-at-import": ("import sys\nsys.exit(3)\n", "sys.exit(3)"),
    "interrupt-at-import": ("raise KeyboardInterrupt\n", "KeyboardInterrupt"),
    "interrupt-in-hook": (HOOK + "@hookimpl\ndef torchdesk_losses():\n    raise KeyboardInterrupt\n",
                          "KeyboardInterrupt"),
    "boom-at-import": ("class Boom(BaseException):\n    pass\nraise Boom('kaboom at import')\n",
                       "Boom: kaboom at import"),
    "boom-in-hook": (HOOK + "class Boom(BaseException):\n    pass\n"
                            "@hookimpl\ndef torchdesk_optimizers():\n    raise Boom('kaboom in the hook')\n",
                     "Boom: kaboom in the hook"),
}

MODELS = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import LossSpec, ModelSpec, OptimizerSpec


class Boom(BaseException):
    pass


def _module(input_shape, num_classes, raising):
    import torch

    class Hostile(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = torch.nn.Linear(input_shape[0] * input_shape[1] * input_shape[2], num_classes)

        def forward(self, x):
            if raising is not None:
                raise raising
            return self.linear(x.flatten(1))

    return Hostile()


def exit_when_built(input_shape, num_classes):
    raise SystemExit(0)


def exit_in_forward(input_shape, num_classes):
    return _module(input_shape, num_classes, SystemExit(0))


def interrupt_in_forward(input_shape, num_classes):
    return _module(input_shape, num_classes, KeyboardInterrupt())


def boom_in_forward(input_shape, num_classes):
    return _module(input_shape, num_classes, Boom("kaboom in forward"))


def fine(input_shape, num_classes):
    return _module(input_shape, num_classes, None)


def boom_optimizer(parameters, lr):
    raise Boom("kaboom in the optimizer factory")


def exit_loss(num_classes):
    raise SystemExit("bye from the loss")


@hookimpl
def torchdesk_models():
    return [ModelSpec(id=f"hostile.{name}", name=name, description="hostile", factory=factory)
            for name, factory in (("exit-when-built", exit_when_built), ("exit-in-forward", exit_in_forward),
                                  ("interrupt-in-forward", interrupt_in_forward),
                                  ("boom-in-forward", boom_in_forward), ("fine", fine))]


@hookimpl
def torchdesk_optimizers():
    return [OptimizerSpec(id="hostile.boom-optimizer", name="Boom", description="hostile", factory=boom_optimizer)]


@hookimpl
def torchdesk_losses():
    return [LossSpec(id="hostile.exit-loss", name="Exit", description="hostile", factory=exit_loss)]
'''

SLOW = '''
import time
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import LossSpec

time.sleep({sleep})


@hookimpl
def torchdesk_losses():
    return [LossSpec(id="slow.loss", name="Slow", description="imports slowly", factory=lambda **kw: None)]
'''


@pytest.fixture(autouse=True)
def lenient(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record plugin errors as a person's torchdesk does; a fresh process-wide registry per test."""
    monkeypatch.delenv("TORCHDESK_RAISE_PLUGIN_ERRORS", raising=False)
    monkeypatch.setattr(registry_module, "_default", None)


def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch | None, kind: str, source: str,
            version: str = "1.0") -> Path:
    """The plugin ``kind`` as an installed distribution ``hostile-<kind>`` on sys.path (when monkeypatch)."""
    module = f"hostile_{kind.replace('-', '_')}_{abs(hash(str(tmp_path))) % 10_000}"
    site = make_distribution(tmp_path / "site", f"hostile-{kind}", module, source, version=version, entry_name=kind)
    if monkeypatch is not None:
        monkeypatch.syspath_prepend(str(site))
    return site


def cli(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    full_env = env_with_path(site)
    full_env.pop("TORCHDESK_RAISE_PLUGIN_ERRORS", None)
    full_env.update(env)
    return subprocess.run([sys.executable, "-m", "torchdesk.core.cli", *args], capture_output=True, text=True,
                          env=full_env, timeout=SUBPROCESS_TIMEOUT_S)


# -- import and registration ------------------------------------------------------------------------
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_plugin_that_ends_the_program_is_recorded_as_failed_and_the_rest_loads(
        kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, reason = HOSTILE[kind]
    install(tmp_path, monkeypatch, kind, source)
    registry = PluginRegistry().load_entry_points(disabled=set())
    info = registry.plugin(kind)
    assert info.state == "failed"
    assert f"plugin '{kind}' (hostile-{kind})" in info.error and reason in info.error
    assert "Traceback" in info.problems[0].detail  # the details view keeps where it came from
    assert {"mlp", "cnn"} <= {m.id for m in registry.models()}
    assert {"adamw"} <= {o.id for o in registry.optimizers()} and registry.loss("cross-entropy")


@pytest.mark.parametrize("kind", ["exit-in-hook", "interrupt-at-import", "boom-in-hook"])
def test_with_raise_plugin_errors_it_becomes_a_plugin_error(kind: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    install(tmp_path, monkeypatch, kind, HOSTILE[kind][0])
    monkeypatch.setenv("TORCHDESK_RAISE_PLUGIN_ERRORS", "1")
    with pytest.raises(PluginError, match=f"plugin '{kind}' \\(hostile-{kind}\\)"):
        PluginRegistry().load_entry_points(disabled=set())


@pytest.mark.parametrize("kind", ["exit-in-hook", "interrupt-at-import", "boom-at-import"])
def test_torchdesk_plugins_lists_it_as_failed_and_exits_0(kind: str, tmp_path: Path) -> None:
    site = install(tmp_path, None, kind, HOSTILE[kind][0])
    done = cli(site, "plugins", "--json")
    assert done.returncode == 0, done.stderr
    plugins = {p["name"]: p for p in json.loads(done.stdout)}
    assert plugins[kind]["state"] == "failed" and HOSTILE[kind][1] in plugins[kind]["errors"][0]
    assert plugins["builtin-models"]["state"] == "active"
    assert "Traceback" not in done.stderr and "interrupted" not in done.stderr


def test_a_command_still_runs_and_says_which_plugin_failed(tmp_path: Path, mnist_root: Path) -> None:
    site = install(tmp_path, None, "exit-in-hook", HOSTILE["exit-in-hook"][0], version="2.5")
    out = tmp_path / "run.pt"
    done = cli(site, "train", "--dataset", "mnist", "--data-dir", str(mnist_root), "--model", "logreg",
               "--epochs", "1", "--train-subset", "64", "--test-subset", "32", "--device", "cpu", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "test accuracy" in done.stdout and out.is_file()
    assert "plugin 'exit-in-hook' (hostile-exit-in-hook)" in done.stderr and "sys.exit(0)" in done.stderr
    assert "Traceback" not in done.stderr


# -- components built from a plugin ----------------------------------------------------------------
@pytest.fixture
def hostile_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return install(tmp_path, monkeypatch, "models", MODELS, version="0.3")


def test_a_model_that_exits_when_built_names_its_plugin(hostile_models: Path, mnist_root: Path) -> None:
    from desktop_helpers import quick_config

    from torchdesk.core.session import build_run

    registry = PluginRegistry().load_entry_points(disabled=set())
    with pytest.raises(PluginComponentError, match=r"model 'hostile.exit-when-built' from plugin 'models' "
                                                   r"\(hostile-models 0.3\) failed to build: .*sys.exit\(0\)"):
        build_run(quick_config(mnist_root, model="hostile.exit-when-built"), registry)


@pytest.mark.parametrize("model, reason", [("exit-in-forward", "sys.exit(0)"),
                                           ("interrupt-in-forward", "KeyboardInterrupt"),
                                           ("boom-in-forward", "Boom: kaboom in forward")])
def test_a_model_that_ends_the_program_in_forward_fails_the_run_naming_its_plugin(
        model: str, reason: str, hostile_models: Path, mnist_root: Path) -> None:
    from desktop_helpers import quick_config

    from torchdesk.core.session import build_run

    registry = PluginRegistry().load_entry_points(disabled=set())
    result = build_run(quick_config(mnist_root, epochs=1, model=f"hostile.{model}"), registry).trainer.run()
    assert isinstance(result, Failed)
    assert reason in result.message
    assert f"model 'hostile.{model}' from plugin 'models' (hostile-models 0.3)" in result.message
    fine = build_run(quick_config(mnist_root, epochs=1, model="hostile.fine"), registry).trainer.run()
    assert not isinstance(fine, Failed)


@pytest.mark.parametrize("change, message", [
    ({"optimizer": "hostile.boom-optimizer"},
     "The optimizer 'hostile.boom-optimizer' from plugin 'models' (hostile-models 0.3) failed to build: "
     "it raised Boom: kaboom in the optimizer factory"),
    ({"loss": "hostile.exit-loss"},
     "The loss 'hostile.exit-loss' from plugin 'models' (hostile-models 0.3) failed to build: "
     "it called sys.exit('bye from the loss')")])
def test_any_factory_from_a_plugin_that_ends_the_program_names_its_plugin(
        change: dict[str, str], message: str, hostile_models: Path, mnist_root: Path) -> None:
    from desktop_helpers import quick_config

    from torchdesk.core.run_config import ComponentChoice
    from torchdesk.core.session import build_run

    registry = PluginRegistry().load_entry_points(disabled=set())
    config = quick_config(mnist_root, epochs=1).replace(**{k: ComponentChoice(v) for k, v in change.items()})
    with pytest.raises(PluginError) as raised:
        build_run(config, registry)
    assert message in str(raised.value)


def test_only_what_plugin_code_raises_is_turned_into_a_failure() -> None:
    from torchdesk.core.plugin_guard import PluginAbort, call_plugin

    def close_generator() -> None:
        def numbers():
            yield 1

        generator = numbers()
        next(generator)
        generator.throw(GeneratorExit)

    with pytest.raises(GeneratorExit):  # Python's own generator machinery is left alone
        call_plugin(close_generator)
    with pytest.raises(ValueError, match="plain"):  # ordinary errors pass unchanged; the callers report them
        call_plugin(lambda: (_ for _ in ()).throw(ValueError("plain")))
    with pytest.raises(PluginAbort, match=r"sys.exit\(2\)"):
        call_plugin(sys.exit, 2)
    assert call_plugin(max, 1, 2) == 2


def test_a_model_built_from_a_plugin_still_copies_and_exports(hostile_models: Path, tmp_path: Path) -> None:
    import copy

    import torch

    from torchdesk.core.plugin_errors import build_component

    registry = PluginRegistry().load_entry_points(disabled=set())
    model = build_component(registry.model("hostile.fine"), input_shape=(1, 4, 4), num_classes=3)
    clone = copy.deepcopy(model)
    with torch.no_grad():
        clone.linear.weight.zero_()
        clone.linear.bias.fill_(1.0)
        assert torch.equal(clone(torch.zeros(2, 1, 4, 4)), torch.ones(2, 3))
        assert not torch.equal(model(torch.zeros(2, 1, 4, 4)), torch.ones(2, 3))  # the copy runs its own weights
    traced = torch.jit.trace(model, torch.zeros(2, 1, 4, 4), check_trace=False)
    assert traced(torch.zeros(2, 1, 4, 4)).shape == (2, 3)
    program = torch.export.export(model, (torch.zeros(2, 1, 4, 4),))
    assert program.module()(torch.zeros(2, 1, 4, 4)).shape == (2, 3)


def test_the_cli_says_which_plugins_model_ended_the_run(tmp_path: Path, mnist_root: Path) -> None:
    site = install(tmp_path, None, "models", MODELS, version="0.3")
    done = cli(site, "train", "--dataset", "mnist", "--data-dir", str(mnist_root), "--model",
               "hostile.exit-in-forward", "--epochs", "1", "--train-subset", "64", "--test-subset", "32",
               "--device", "cpu")
    assert done.returncode != 0
    assert "plugin 'models' (hostile-models 0.3)" in done.stderr and "sys.exit(0)" in done.stderr
    assert "Traceback" not in done.stderr


# -- a real Ctrl+C still stops the command -------------------------------------------------------
WAITS_FOR_CTRL_C = '''
import os, pathlib, time
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec

def build(input_shape, num_classes):
    import torch

    class Waits(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = torch.nn.Linear(1, num_classes)

        def forward(self, x):
            pathlib.Path(os.environ["MARKER"]).write_text("forward")
            time.sleep(60)
            return self.linear(x.flatten(1)[:, :1])

    return Waits()

if os.environ.get("WAIT_AT") == "import":
    pathlib.Path(os.environ["MARKER"]).write_text("import")
    time.sleep(60)

@hookimpl
def torchdesk_models():
    return [ModelSpec(id="waits", name="Waits", description="waits for Ctrl+C", factory=build)]
'''


@pytest.mark.timeout(240)
@pytest.mark.parametrize("where", ["import", "forward"])
def test_ctrl_c_while_plugin_code_runs_still_stops_the_command(where: str, tmp_path: Path, mnist_root: Path):
    site = install(tmp_path, None, "waits", WAITS_FOR_CTRL_C)
    marker = tmp_path / "marker"
    env = env_with_path(site)
    env.pop("TORCHDESK_RAISE_PLUGIN_ERRORS", None)
    env.update(MARKER=str(marker), WAIT_AT=where)
    args = ["plugins"] if where == "import" else [
        "train", "--dataset", "mnist", "--data-dir", str(mnist_root), "--model", "waits", "--epochs", "1",
        "--train-subset", "64", "--test-subset", "32", "--device", "cpu"]
    process = subprocess.Popen([sys.executable, "-m", "torchdesk.core.cli", *args], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180
        while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), process.communicate(timeout=30)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)  # well before the plugin's 60 s sleep ends
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130, (out, err)
    assert "interrupted" in err and "Traceback" not in err


# -- slow imports ----------------------------------------------------------------------------------
def test_import_time_is_measured_and_a_slow_plugin_is_reported_by_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from torchdesk.core.cli import main

    monkeypatch.setattr(registry_module, "SLOW_IMPORT_SECONDS", 0.3)
    install(tmp_path, monkeypatch, "slowpkg", SLOW.format(sleep=0.5), version="1.0")
    assert main(["plugins", "--json"]) == 0
    captured = capsys.readouterr()
    plugins = {p["name"]: p for p in json.loads(captured.out)}
    assert plugins["slowpkg"]["state"] == "active" and plugins["slowpkg"]["import_seconds"] >= 0.5
    assert all(isinstance(p["import_seconds"], float) for p in plugins.values())
    assert "Plugin 'slowpkg' (hostile-slowpkg 1.0) took 0." in captured.err
    assert "torchdesk plugins --disable slowpkg" in captured.err

    monkeypatch.setattr(registry_module, "_default", None)
    assert main(["plugins"]) == 0
    text = capsys.readouterr().out
    slow_line = next(line for line in text.splitlines() if line.startswith("slowpkg"))
    assert "imported in 0." in slow_line and " s" in slow_line


def test_a_slow_plugin_is_named_by_every_command_that_loads_plugins(tmp_path: Path, mnist_root: Path) -> None:
    site = install(tmp_path, None, "slowpkg", SLOW.format(sleep=2.2), version="1.0")
    done = cli(site, "train", "--dataset", "mnist", "--data-dir", str(mnist_root), "--model", "logreg",
               "--epochs", "1", "--train-subset", "64", "--test-subset", "32", "--device", "cpu")
    assert done.returncode == 0, done.stderr
    assert "Plugin 'slowpkg' (hostile-slowpkg 1.0) took 2." in done.stderr
    assert "`torchdesk plugins --disable slowpkg`" in done.stderr


@pytest.mark.parametrize("args, code", [(["--help"], 0), (["--version"], 0), (["train", "--epochs", "x"], 2),
                                        (["no-such-command"], 2), (["plugins", "--disable"], 2)])
def test_commands_that_need_no_plugins_do_not_import_them(args: list[str], code: int, tmp_path: Path) -> None:
    site = install(tmp_path, None, "slowpkg", SLOW.format(sleep=0), version="1.0")
    marker_plugin = site / next(p.name for p in site.glob("hostile_slowpkg_*.py"))
    marker_plugin.write_text("import pathlib, os\npathlib.Path(os.environ['MARKER']).write_text('imported')\n")
    marker = tmp_path / "imported"
    done = cli(site, *args, MARKER=str(marker))
    assert done.returncode == code, done.stderr
    assert not marker.exists()


def test_disabling_a_slow_plugin_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from torchdesk.core.cli import main

    monkeypatch.setattr(registry_module, "SLOW_IMPORT_SECONDS", 0.3)
    install(tmp_path, monkeypatch, "slowpkg", SLOW.format(sleep=0.5))
    assert main(["plugins", "--disable", "slowpkg"]) == 0
    captured = capsys.readouterr()
    assert "slowpkg is switched off" in captured.out and "took" not in captured.err
    assert main(["plugins", "--json"]) == 0
    captured = capsys.readouterr()
    assert {p["name"]: p["state"] for p in json.loads(captured.out)}["slowpkg"] == "disabled"
    assert "took" not in captured.err
    assert main(["plugins", "--enable", "slowpkg"]) == 0
    assert "slowpkg is switched on" in capsys.readouterr().out
    assert main(["plugins", "--disable", "no-such-plugin"]) == 2
    assert "no plugin called 'no-such-plugin'" in capsys.readouterr().err


# -- the desktop app -------------------------------------------------------------------------------
APP_WITH_SLOW_PLUGIN = textwrap.dedent("""
    import builtins, os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from torchdesk.desktop import app
    app.ensure_application([sys.argv[0]])
    seen = {"ticks_while_importing": 0, "window_shown_first": False}

    def tick():
        if getattr(builtins, "_slow_plugin_importing", False):
            seen["ticks_while_importing"] += 1
            seen["window_shown_first"] = seen["window_shown_first"] or any(
                w.isVisible() for w in QApplication.topLevelWidgets())
        window = next((w for w in QApplication.topLevelWidgets() if hasattr(w, "error_bar")), None)
        if window is not None and window.panels and not getattr(window, "_probe_done", False):
            window._probe_done = True
            print("ERRORBAR", window.error_bar.message.text(), flush=True)
            print("STATUS", window.activity_label.text(), flush=True)
            print("PLUGIN", window.state.registry.plugin(os.environ["PLUGIN_NAME"]).state, flush=True)
            print("PANELS", len(window.panels), flush=True)
            QTimer.singleShot(0, window.close)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    code = app.main([sys.argv[0]])
    print("TICKS", seen["ticks_while_importing"], "SHOWN", seen["window_shown_first"], "EXIT", code, flush=True)
""")

SLOW_FLAGGED = '''
import builtins, time
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import LossSpec

builtins._slow_plugin_importing = True
try:
    time.sleep(2.5)
finally:
    builtins._slow_plugin_importing = False


@hookimpl
def torchdesk_losses():
    return [LossSpec(id="slow.loss", name="Slow", description="imports slowly", factory=lambda **kw: None)]
'''


@pytest.mark.timeout(300)
def test_the_app_window_keeps_answering_while_a_slow_plugin_imports_and_names_it(tmp_path: Path) -> None:
    site = install(tmp_path, None, "slowpkg", SLOW_FLAGGED, version="1.0")
    lines = run_app(site, tmp_path, "slowpkg")
    ticks = int(lines["TICKS"].split()[0])
    assert ticks > 0 and "SHOWN True" in lines["TICKS"], done.stdout  # the GUI thread ran during the import
    assert "Plugin 'slowpkg' (hostile-slowpkg 1.0) took 2." in lines["ERRORBAR"]
    assert lines["PLUGIN"] == "active"


def run_app(site: Path, tmp_path: Path, plugin: str) -> dict[str, str]:
    """Start the real app (``torchdesk.desktop.app.main``) with ``site`` installed; what the driver printed."""
    env = env_with_path(site)
    env.pop("TORCHDESK_RAISE_PLUGIN_ERRORS", None)
    env.update(QT_QPA_PLATFORM="offscreen", TORCHDESK_HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg"), PLUGIN_NAME=plugin)
    done = subprocess.run([sys.executable, "-c", APP_WITH_SLOW_PLUGIN], env=env, capture_output=True, text=True,
                          timeout=240)
    assert "EXIT 0" in done.stdout, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    return {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in done.stdout.splitlines() if " " in line}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("kind", ["interrupt-at-import", "exit-in-hook", "boom-at-import"])
def test_the_app_starts_with_a_plugin_that_ends_the_program_and_names_it(kind: str, tmp_path: Path) -> None:
    site = install(tmp_path, None, kind, HOSTILE[kind][0])
    lines = run_app(site, tmp_path, kind)
    assert lines["PLUGIN"] == "failed" and int(lines["PANELS"]) > 3
    assert f"plugin '{kind}' (hostile-{kind})" in lines["ERRORBAR"] and HOSTILE[kind][1] in lines["ERRORBAR"]


def test_the_plugins_dialog_shows_import_times_and_the_slow_warning(qtbot, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from torchdesk.core.registry import get_registry
    from torchdesk.desktop.plugins_dialog import COLUMNS, PluginsDialog
    from torchdesk.desktop.state import AppState

    monkeypatch.setattr(registry_module, "SLOW_IMPORT_SECONDS", 0.3)
    install(tmp_path, monkeypatch, "slowpkg", SLOW.format(sleep=0.5))
    dialog = PluginsDialog(AppState(get_registry()))
    qtbot.addWidget(dialog, before_close_func=lambda d: d.shutdown())
    column = COLUMNS.index("Import time")
    row = dialog.items()["slowpkg"]
    assert row.text(column).startswith("0.") and row.text(column).endswith(" s")
    assert dialog.items()["builtin-models"].text(column).endswith(" s")
    dialog.select("slowpkg")
    details = dialog.details.toPlainText()
    assert "Plugin 'slowpkg' (hostile-slowpkg 1.0) took 0." in details


def test_the_read_only_plugin_list_shows_import_times(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from torchdesk.desktop.plugin_list import plugin_table

    install(tmp_path, monkeypatch, "slowpkg", SLOW.format(sleep=0.1))
    rows = {row[0]: row for row in plugin_table(PluginRegistry().load_entry_points(disabled=set()))}
    assert rows["slowpkg"][-1].endswith(" s") and float(rows["slowpkg"][-1].split()[0]) >= 0.1


@pytest.fixture(autouse=True)
def _no_leftover_modules() -> None:
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        if name.startswith("hostile_"):
            del sys.modules[name]
