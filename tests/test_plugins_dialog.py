"""The Plugins dialog driven like a person: the list, broken plugins, enable/disable, install and uninstall.

pip runs for real in the dialog's QProcess, offline, into a temporary ``--target``
folder that the test puts on ``sys.path``; nothing touches the real environment.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from desktop_helpers import click, make_window
from plugin_fixtures import GOOD_PLUGIN, make_distribution
from plugin_packages import example_wheel, make_wheel
from PySide6.QtCore import Qt

import torchdesk.core.registry as registry_module
from torchdesk.core.plugin_install import PipCommand
from torchdesk.core.registry import PluginRegistry, disabled_plugins
from torchdesk.desktop.plugins_dialog import PluginsDialog, show_plugins_dialog

PIP_TIMEOUT_MS = 240_000
IN_VIRTUALENV = sys.prefix != sys.base_prefix


@pytest.fixture(autouse=True)
def lenient(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record plugin errors as the app does, and give every test a freshly loaded process-wide registry."""
    monkeypatch.delenv("TORCHDESK_RAISE_PLUGIN_ERRORS", raising=False)
    monkeypatch.setattr(registry_module, "_default", None)


def open_dialog(qtbot, window=None, pip: PipCommand | None = None) -> PluginsDialog:
    if window is not None:
        window.plugins_action.trigger()  # Plugins > Plugins… (Ctrl+Shift+P)
        dialog = window._plugins_dialog
        if pip is not None:
            dialog.runner.command = pip
    else:
        from torchdesk.core.registry import get_registry
        from torchdesk.desktop.state import AppState

        state = AppState(get_registry())
        dialog = PluginsDialog(state, pip=pip)
        qtbot.addWidget(dialog, before_close_func=lambda d: d.shutdown())
        dialog.show()
    assert isinstance(dialog, PluginsDialog)
    return dialog


def click_row(qtbot, dialog: PluginsDialog, name: str) -> None:
    item = dialog.items()[name]
    dialog.tree.scrollToItem(item)
    rect = dialog.tree.visualRect(dialog.tree.indexFromItem(item, 0))
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.selected_name() == name


def offline_target(target: Path) -> PipCommand:
    return PipCommand(install_args=("--no-deps", "--no-build-isolation", "--no-index", "--target", str(target)),
                      env=(("PYTHONPATH", str(target)),))


def wait_pip(qtbot, dialog: PluginsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=PIP_TIMEOUT_MS)


# -- the list ------------------------------------------------------------------------------
def test_every_plugin_is_listed_with_what_it_provides(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    site = make_distribution(tmp_path / "site", "torchdesk-tiny", "tiny_listed", GOOD_PLUGIN, version="2.3",
                             entry_name="tiny")
    monkeypatch.syspath_prepend(str(site))
    dialog = open_dialog(qtbot)
    rows = dialog.items()
    assert {"builtin-models", "builtin-datasets", "builtin-transforms", "builtin-optimizers",
            "builtin-losses", "tiny"} <= set(rows)
    tiny = rows["tiny"]
    assert [tiny.text(c) for c in range(5)] == ["tiny", "torchdesk-tiny", "2.3", "1 model", "active"]
    assert rows["builtin-models"].text(3) == "3 models"
    assert tiny.checkState(0) == Qt.CheckState.Checked
    click_row(qtbot, dialog, "tiny")
    details = dialog.details.toPlainText()
    assert "Tiny (thirdparty.tiny): A third-party model." in details
    assert "torchdesk-tiny" in details
    assert dialog.uninstall_button.isEnabled()
    click_row(qtbot, dialog, "builtin-models")
    assert not dialog.uninstall_button.isEnabled()  # built-ins can only be switched off


BROKEN = {
    "import": ("raise ImportError('needs a library that is not installed')\n",
               "could not be imported: ImportError: needs a library that is not installed", True),
    "hook": ('''
from torchdesk.core.hookspecs import hookimpl
@hookimpl
def torchdesk_optimizers():
    raise RuntimeError("boom in the hook")
''', "raised in torchdesk_optimizers(): RuntimeError: boom in the hook", True),
    "not-a-spec": ('''
from torchdesk.core.hookspecs import hookimpl
@hookimpl
def torchdesk_losses():
    return ["not a spec"]
''', "torchdesk_losses() returned the text 'not a spec', not a LossSpec", False),
    "duplicate": ('''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec
@hookimpl
def torchdesk_models():
    return [ModelSpec(id="mlp", name="Another MLP", description="clashes", factory=lambda **kw: None)]
''', "offers the model id 'mlp', which is torchdesk's own (plugin 'builtin-models', torchdesk)", False),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_broken_plugin_is_shown_failed_with_its_name_and_traceback(qtbot, kind: str, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch):
    source, message, has_traceback = BROKEN[kind]
    site = make_distribution(tmp_path / "site", f"broken-{kind}", f"dialog_broken_{kind.replace('-', '_')}",
                             source, version="0.1", entry_name=f"broken-{kind}")
    monkeypatch.syspath_prepend(str(site))
    window = make_window(qtbot)
    dialog = open_dialog(qtbot, window)
    row = dialog.items()[f"broken-{kind}"]
    assert row.text(4) == "failed"
    assert f"plugin 'broken-{kind}'" in row.toolTip(4) and message in row.toolTip(4)
    assert "1 failed" in dialog.summary_label.text()
    click_row(qtbot, dialog, f"broken-{kind}")
    details = dialog.details.toPlainText()
    assert f"plugin 'broken-{kind}' (broken-{kind}) " in details and message in details
    assert ("Traceback (most recent call last)" in details) == has_traceback
    # Everything else works: the built-ins are active and the Train panel offers their models.
    assert all(dialog.items()[name].text(4) == "active" for name in ("builtin-models", "builtin-optimizers"))
    models = window.panels["train"].model_picker.combo
    assert models.findData("mlp") >= 0 and models.findData("cnn") >= 0
    assert window.state.registry.model("mlp").plugin == "builtin-models"


def test_the_dialog_speaks_korean_and_keeps_the_english_ids(qtbot, monkeypatch: pytest.MonkeyPatch):
    from torchdesk.core import i18n
    from torchdesk.desktop.i18n import install_language

    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)  # put back as it was afterwards
    try:
        install_language("ko")
        dialog = open_dialog(qtbot)
        assert dialog.windowTitle() == "플러그인"
        row = dialog.items()["builtin-models"]  # plugin names and ids are never translated
        assert [row.text(3), row.text(4)] == ["모델 3개", "활성"]
        assert row.text(5).endswith("초")
        assert dialog.summary_label.text().startswith("플러그인 ")
        click_row(qtbot, dialog, "builtin-models")
        details = dialog.details.toPlainText()
        assert "작은 CNN (cnn): 배치 정규화를 쓰는 합성곱 블록 3개" in details  # component_text of the spec
        assert "상태: 활성" in details
        assert dialog.toggle_button.text() == "끄기(&D)"
        assert dialog.install_button.text() == "설치(&I)"
        assert dialog.registry.model("cnn").name == "Small CNN"  # the spec itself stays English
    finally:
        install_language(i18n.ENGLISH)
        i18n.set_language(None)


# -- enable / disable -------------------------------------------------------------------------
def test_disabling_and_enabling_is_remembered_and_reaches_the_pickers(qtbot, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    site = make_distribution(tmp_path / "site", "torchdesk-tiny", "tiny_toggled", GOOD_PLUGIN, entry_name="tiny")
    monkeypatch.syspath_prepend(str(site))
    window = make_window(qtbot)
    combo = window.panels["train"].model_picker.combo
    assert combo.findData("thirdparty.tiny") >= 0
    dialog = open_dialog(qtbot, window)
    click_row(qtbot, dialog, "tiny")
    assert dialog.toggle_button.text() == "&Disable"
    with qtbot.waitSignal(window.state.registry_changed):
        click(qtbot, dialog.toggle_button)
    assert "tiny" in disabled_plugins()
    assert dialog.items()["tiny"].text(4) == "disabled"
    assert dialog.items()["tiny"].checkState(0) == Qt.CheckState.Unchecked
    assert combo.findData("thirdparty.tiny") < 0
    assert "thirdparty.tiny" not in {m.id for m in window.state.registry.models()}
    # A later launch (a fresh registry reading the settings file) keeps it off.
    assert PluginRegistry().load_entry_points().plugin("tiny").state == "disabled"

    # Ticking the box with the keyboard switches it back on.
    click_row(qtbot, dialog, "tiny")
    with qtbot.waitSignal(window.state.registry_changed):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)
    assert "tiny" not in disabled_plugins()
    assert dialog.items()["tiny"].text(4) == "active"
    assert combo.findData("thirdparty.tiny") >= 0
    assert PluginRegistry().load_entry_points().plugin("tiny").state == "active"


# -- install / uninstall with pip --------------------------------------------------------------
def test_install_from_a_wheel_then_uninstall(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    wheel = example_wheel()
    target = tmp_path / "target"
    target.mkdir()
    monkeypatch.syspath_prepend(str(target))
    window = make_window(qtbot)
    combo = window.panels["train"].model_picker.combo
    assert combo.findData("example.resnet") < 0
    dialog = open_dialog(qtbot, window, pip=offline_target(target))
    changes: list[bool] = []
    window.state.registry_changed.connect(lambda: changes.append(True))

    qtbot.keyClicks(dialog.target_edit, str(wheel))
    click(qtbot, dialog.install_button)
    assert dialog.runner.running and dialog.cancel_button.isEnabled()
    assert not dialog.install_button.isEnabled()
    wait_pip(qtbot, dialog)
    log = dialog.log_view.toPlainText()
    assert log.startswith(f"$ {sys.executable} -m pip install --upgrade --no-deps")
    assert "Successfully installed torchdesk-plugin-example-0.1.0" in log
    status = dialog.status_label.text()
    assert "finished" in status and "Installed torchdesk-plugin-example 0.1.0" in status
    assert ("New in the pickers: callback example.loss-target, dataset example.stripes, loss example.focal, "
            "metric example.brier, model example.resnet, optimizer example.lion, scheduler example.warmup, "
            "transform example.cutout") in status
    assert "restart" not in status.lower()
    assert changes and combo.findData("example.resnet") >= 0  # no restart needed
    assert window.panels["train"].optimizer_picker.combo.findData("example.lion") >= 0
    assert dialog.selected_name() == "example" and dialog.items()["example"].text(4) == "active"
    assert not dialog.cancel_button.isEnabled() and dialog.install_button.isEnabled()

    if IN_VIRTUALENV:
        pytest.skip("pip uninstalls only inside the active virtual environment, not from a --target folder")
    dialog.confirm = lambda question: "torchdesk-plugin-example" in question
    click(qtbot, dialog.uninstall_button)
    wait_pip(qtbot, dialog)
    assert "Successfully uninstalled torchdesk-plugin-example-0.1.0" in dialog.log_view.toPlainText()
    assert "Removed torchdesk-plugin-example 0.1.0" in dialog.status_label.text()
    assert "No longer offered: callback example.loss-target," in dialog.status_label.text()
    assert "model example.resnet" in dialog.status_label.text()
    assert "example" not in dialog.items()
    assert combo.findData("example.resnet") < 0
    assert not list(target.glob("torchdesk_plugin_example-*.dist-info"))


def test_pip_errors_are_shown_as_pip_reported_them_and_the_app_keeps_working(qtbot, tmp_path: Path):
    window = make_window(qtbot)
    registry = window.state.registry
    dialog = open_dialog(qtbot, window, pip=offline_target(tmp_path / "target"))
    qtbot.keyClicks(dialog.target_edit, "torchdesk-no-such-plugin-xyz")
    qtbot.keyClick(dialog.target_edit, Qt.Key.Key_Return)
    wait_pip(qtbot, dialog)
    log = dialog.log_view.toPlainText()
    assert "ERROR: Could not find a version that satisfies the requirement torchdesk-no-such-plugin-xyz" in log
    status = dialog.status_label.text()
    assert status.startswith("pip install failed (exit code 1): ERROR: No matching distribution found for "
                             "torchdesk-no-such-plugin-xyz")
    assert "c62828" in dialog.status_label.styleSheet()  # shown as an error
    assert window.state.registry is registry  # nothing changed, nothing rescanned
    assert window.panels["train"].model_picker.combo.findData("mlp") >= 0
    assert dialog.install_button.isEnabled()


def test_a_bad_target_is_explained_without_running_pip(qtbot, tmp_path: Path):
    dialog = open_dialog(qtbot, pip=offline_target(tmp_path / "target"))
    qtbot.keyClicks(dialog.target_edit, str(tmp_path / "missing.whl"))
    click(qtbot, dialog.install_button)
    assert not dialog.runner.running
    assert "does not exist" in dialog.status_label.text()
    dialog.target_edit.setText(str(tmp_path))
    click(qtbot, dialog.install_button)
    assert "has no pyproject.toml or setup.py" in dialog.status_label.text()
    assert dialog.log_view.toPlainText() == ""


def test_cancel_stops_pip(qtbot, tmp_path: Path):
    slow = tmp_path / "slow-python"
    slow.write_text("#!/bin/sh\necho 'Collecting something-slow'\nexec sleep 60\n")
    slow.chmod(slow.stat().st_mode | stat.S_IEXEC)
    dialog = open_dialog(qtbot, pip=PipCommand(python=str(slow)))
    dialog.target_edit.setText("something-slow")
    click(qtbot, dialog.install_button)
    qtbot.waitUntil(lambda: "Collecting something-slow" in dialog.log_view.toPlainText(), timeout=30_000)
    click(qtbot, dialog.cancel_button)
    wait_pip(qtbot, dialog)
    assert dialog.status_label.text().startswith("Cancelled: pip install something-slow was stopped")
    assert "Cancelling…" in dialog.log_view.toPlainText()
    assert dialog.install_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_a_python_that_cannot_start_is_reported(qtbot, tmp_path: Path):
    dialog = open_dialog(qtbot, pip=PipCommand(python=str(tmp_path / "no-python-here")))
    dialog.target_edit.setText("anything")
    click(qtbot, dialog.install_button)
    wait_pip(qtbot, dialog)
    assert dialog.status_label.text().startswith("pip could not run:")
    assert dialog.install_button.isEnabled()


UPGRADABLE = '''
from torchdesk.core.hookspecs import hookimpl
from torchdesk.core.specs import ModelSpec

VERSION = "{version}"

def build(input_shape, num_classes):
    from torch import nn
    c, h, w = input_shape
    return nn.Sequential(nn.Flatten(), nn.Linear(c * h * w, num_classes))

@hookimpl
def torchdesk_models():
    return [ModelSpec(id="upgradable.model", name="Upgradable " + VERSION, description="v" + VERSION,
                      factory=build)]
'''


def test_an_upgrade_of_a_loaded_plugin_says_a_restart_is_needed(qtbot, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "target"
    wheels = tmp_path / "wheels"
    old = make_wheel(wheels, "torchdesk-upgradable", "upgradable_plugin", UPGRADABLE.format(version="1.0"), "1.0",
                     "upgradable")
    new = make_wheel(wheels, "torchdesk-upgradable", "upgradable_plugin", UPGRADABLE.format(version="2.0"), "2.0",
                     "upgradable")
    target.mkdir()
    monkeypatch.syspath_prepend(str(target))
    monkeypatch.delitem(sys.modules, "upgradable_plugin", raising=False)
    dialog = open_dialog(qtbot, pip=offline_target(target))
    dialog.target_edit.setText(str(old))
    click(qtbot, dialog.install_button)
    wait_pip(qtbot, dialog)
    assert "New in the pickers: model upgradable.model" in dialog.status_label.text()
    assert "upgradable_plugin" in sys.modules  # loaded into the running app
    assert not dialog.restart_banner.isVisibleTo(dialog)

    dialog.target_edit.setText(str(new))
    click(qtbot, dialog.install_button)
    wait_pip(qtbot, dialog)
    assert "Successfully installed torchdesk-upgradable-2.0" in dialog.log_view.toPlainText()
    banner = dialog.restart_banner.text()
    assert dialog.restart_banner.isVisibleTo(dialog)
    assert "Restart needed" in banner and "torchdesk-upgradable 2.0 is installed" in banner and "uses 1.0" in banner
    assert "restart torchdesk to use 2.0" in dialog.status_label.text()
    assert dialog.items()["upgradable"].text(4) == "active (restart needed)"
    click_row(qtbot, dialog, "upgradable")
    assert "Restart needed" in dialog.details.toPlainText()


def test_the_menu_opens_one_dialog_per_window(qtbot):
    window = make_window(qtbot)
    window.plugins_action.trigger()
    first = window._plugins_dialog
    assert first.isVisible()
    first.close()
    assert show_plugins_dialog(window.state, window) is first and first.isVisible()


def test_at_900_by_600_the_plugin_details_get_the_room_until_pip_runs(qtbot) -> None:
    dialog = open_dialog(qtbot)
    dialog.resize(900, 600)
    qtbot.wait(20)
    assert not dialog.log_view.isVisible()  # no empty pip output taking the height
    assert dialog.details.height() >= 300
    dialog._start_pip(lambda: None)  # what Install does before pip prints anything
    qtbot.wait(20)
    assert dialog.log_view.isVisible() and dialog.log_view.height() >= 140 and dialog.details.height() >= 150


def test_every_kind_a_plugin_provides_is_counted(qtbot) -> None:
    """Schedulers, callbacks and metrics count like models: the built-in plugins offering them never read 'nothing'."""
    dialog = open_dialog(qtbot)
    provides = {name: item.text(3) for name, item in dialog.items().items()}
    assert "nothing" not in provides.values(), provides
    assert provides["builtin-schedulers"].endswith("schedulers") and "metric" in provides["builtin-metrics"]
