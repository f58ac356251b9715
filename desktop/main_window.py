"""The one main window: panels as tabs, menus, status bar, persistence, safe closing.

The window is built in two steps so it can be painted before PyTorch is imported:
the frame (menus, status bar, an empty tab area saying "Loading…") needs only Qt,
and :meth:`MainWindow.load` then creates the shared state and the panels listed in
:mod:`torchdesk.desktop.panels`. Tests and screenshots build both at once.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.i18n import QT_TRANSLATE_NOOP
from torchdesk.core.userdirs import home
from torchdesk.desktop.error_bar import ErrorBar
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels import PANELS
from torchdesk.desktop.theme import THEMES, apply_theme

if TYPE_CHECKING:
    from torchdesk.desktop.panels.base import Panel
    from torchdesk.desktop.state import AppState

DEFAULT_SIZE = (1280, 800)
APP_NAME = "torchdesk"  # a name, the same in every language

THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("MainWindow", "System"),
    "light": QT_TRANSLATE_NOOP("MainWindow", "Light"),
    "dark": QT_TRANSLATE_NOOP("MainWindow", "Dark"),
}
"""View > Theme's entries, by theme name (translated where shown)."""

PANEL_TEXTS = (
    # The built-in panels' titles and the first lines of their docstrings (tab tooltips), so the
    # window can show them translated: a panel's title is an English class attribute and its id.
    QT_TRANSLATE_NOOP("MainWindow", "Playground"),
    QT_TRANSLATE_NOOP("MainWindow", "Data"),
    QT_TRANSLATE_NOOP("MainWindow", "Model"),
    QT_TRANSLATE_NOOP("MainWindow", "Train"),
    QT_TRANSLATE_NOOP("MainWindow", "Checkpoints"),
    QT_TRANSLATE_NOOP("MainWindow", "Classify"),
    QT_TRANSLATE_NOOP("MainWindow", "Editor, console, history, variables, values and autograd graph for the "
                                    "safe evaluator."),
    QT_TRANSLATE_NOOP("MainWindow", "Dataset and split pickers, a thumbnail grid, class statistics, a sample "
                                    "inspector and model verdicts."),
    QT_TRANSLATE_NOOP("MainWindow", "Choose a model and input; see its summary, layers, graph, weights, "
                                    "activations and norms."),
    QT_TRANSLATE_NOOP("MainWindow", "Train a model on a dataset and watch loss, accuracy and the confusion "
                                    "matrix live."),
    QT_TRANSLATE_NOOP("MainWindow", "Save, browse, load, resume, autosave and export checkpoints."),
    QT_TRANSLATE_NOOP("MainWindow", "Draw (or open, paste, drop an image, or pick a test sample) and see the "
                                    "model's top classes."),
)

PLUGIN_STATES = {
    "active": QT_TRANSLATE_NOOP("MainWindow", "active"),
    "partly-failed": QT_TRANSLATE_NOOP("MainWindow", "partly failed"),
    "failed": QT_TRANSLATE_NOOP("MainWindow", "failed"),
    "disabled": QT_TRANSLATE_NOOP("MainWindow", "disabled"),
}
"""A plugin's state as the About box says it (English: the state itself)."""

KIND_COUNTS = {
    "model": (QT_TRANSLATE_NOOP("MainWindow", "{n} model"), QT_TRANSLATE_NOOP("MainWindow", "{n} models")),
    "dataset": (QT_TRANSLATE_NOOP("MainWindow", "{n} dataset"), QT_TRANSLATE_NOOP("MainWindow", "{n} datasets")),
    "transform": (QT_TRANSLATE_NOOP("MainWindow", "{n} transform"),
                  QT_TRANSLATE_NOOP("MainWindow", "{n} transforms")),
    "optimizer": (QT_TRANSLATE_NOOP("MainWindow", "{n} optimizer"),
                  QT_TRANSLATE_NOOP("MainWindow", "{n} optimizers")),
    "loss": (QT_TRANSLATE_NOOP("MainWindow", "{n} loss"), QT_TRANSLATE_NOOP("MainWindow", "{n} losses")),
    "scheduler": (QT_TRANSLATE_NOOP("MainWindow", "{n} scheduler"),
                  QT_TRANSLATE_NOOP("MainWindow", "{n} schedulers")),
    "callback": (QT_TRANSLATE_NOOP("MainWindow", "{n} callback"),
                 QT_TRANSLATE_NOOP("MainWindow", "{n} callbacks")),
    "metric": (QT_TRANSLATE_NOOP("MainWindow", "{n} metric"), QT_TRANSLATE_NOOP("MainWindow", "{n} metrics")),
}
"""How the About box counts what a plugin provides, by kind (one, several)."""


def panel_text(text: str) -> str:
    """A built-in panel's title or description in the current language (others' as they are)."""
    return translate("MainWindow", text) if text else text


def open_settings() -> QSettings:
    """The desktop settings file, ``<torchdesk home>/desktop.ini`` (``TORCHDESK_HOME`` moves it)."""
    return QSettings(str(home() / "desktop.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The torchdesk window. ``loaded`` fires once the panels exist and training can start."""

    loaded = Signal()

    def __init__(self, state: "AppState | None" = None, settings: QSettings | None = None, *,
                 load_now: bool = True, persist: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else open_settings()
        self.persist = persist
        self.state: AppState | None = state
        self.panels: dict[str, Panel] = {}
        self._panel_actions: dict[str, QAction] = {}
        self._closed = False
        self.setWindowTitle(APP_NAME)
        self._build_frame()
        self._restore_geometry()
        if load_now:
            self.load()

    # -- the frame (Qt only, painted first) -----------------------------------------
    def _build_frame(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(4)
        self.error_bar = ErrorBar(central)
        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.tabs.setObjectName("panelTabs")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._placeholder = QLabel(translate("MainWindow", "Loading PyTorch and plugins…"), self.tabs)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setEnabled(False)
        self.tabs.addTab(self._placeholder, APP_NAME)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.activity_label = QLabel(translate("MainWindow", "Starting…"))
        self.activity_label.setToolTip(translate("MainWindow", "What torchdesk is doing"))
        self.device_label = QLabel(translate("MainWindow", "Device: …"))
        self.device_label.setToolTip(translate("MainWindow", "The compute device training uses by default"))
        self.tasks_label = QLabel()
        self.tasks_label.hide()
        self.statusBar().addWidget(self.activity_label, 1)
        self.statusBar().addPermanentWidget(self.tasks_label)
        self.statusBar().addPermanentWidget(self.device_label)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.open_checkpoint_action = self._action(
            file_menu, translate("MainWindow", "&Open checkpoint…"), QKeySequence.StandardKey.Open,
            translate("MainWindow", "Open a saved checkpoint in the Checkpoints panel"),
            lambda: self._checkpoint_action("open"))
        self.save_checkpoint_action = self._action(
            file_menu, translate("MainWindow", "&Save checkpoint…"), QKeySequence.StandardKey.Save,
            translate("MainWindow", "Save the current model in the Checkpoints panel"),
            lambda: self._checkpoint_action("save"))
        self.open_model_action = self._action(
            file_menu, translate("MainWindow", "Open &model…"), QKeySequence("Ctrl+Shift+M"),
            translate("MainWindow", "Look inside a TorchScript, torch.export (.pt2), ONNX, checkpoint or "
                                    "state-dict file in the Model panel"),
            lambda: self.state.request_panel("model", action="open_file") if self.state is not None else None)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, translate("MainWindow", "&Quit"), QKeySequence("Ctrl+Q"),
                                        translate("MainWindow", "Close torchdesk (asks first while training runs)"),
                                        self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self._set_checkpoint_actions_enabled(False)

        self.view_menu = bar.addMenu(translate("MainWindow", "&View"))
        self._panel_group = QActionGroup(self)
        self._panel_group.setExclusive(True)
        self._view_separator = self.view_menu.addSeparator()
        theme_menu = self.view_menu.addMenu(translate("MainWindow", "&Theme"))
        theme_menu.setToolTipsVisible(True)
        self._theme_group = QActionGroup(self)
        current = str(self.settings.value("window/theme", "system"))
        for name in THEMES:
            english = THEME_LABELS.get(name, name.capitalize())
            label = translate("MainWindow", english)
            action = theme_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setToolTip(translate("MainWindow", "Use the {theme} colour palette").format(theme=label.lower()))
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self._theme_group.addAction(action)
        self._build_language_menu()

        plugins_menu = bar.addMenu(translate("MainWindow", "&Plugins"))
        self.plugins_action = self._action(
            plugins_menu, translate("MainWindow", "&Plugins…"), QKeySequence("Ctrl+Shift+P"),
            translate("MainWindow", "List the installed plugins, what they provide and their errors"),
            self.open_plugins_dialog)
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.about_action = self._action(
            help_menu, translate("MainWindow", "&About torchdesk"), QKeySequence.StandardKey.HelpContents,
            translate("MainWindow", "Versions, devices and plugins"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.report_action = self._action(
            help_menu, translate("MainWindow", "&Report a problem…"), QKeySequence(),
            translate("MainWindow", "Copy the versions, plugins and the last log lines to the clipboard, "
                                    "to paste into a bug report"), self.report_problem)
        for menu in (file_menu, self.view_menu, plugins_menu, help_menu):
            menu.setToolTipsVisible(True)

    def _build_language_menu(self) -> None:
        from torchdesk.core.i18n import LANGUAGES
        from torchdesk.desktop.i18n import SYSTEM, saved_language, system_language

        self.language_menu = self.view_menu.addMenu(translate("MainWindow", "&Language"))
        self.language_menu.setToolTipsVisible(True)
        self._language_group = QActionGroup(self)
        saved = saved_language(self.settings)
        system_name = LANGUAGES.get(system_language(), "English")
        choices = [(SYSTEM, translate("MainWindow", "System ({language})").format(language=system_name))]
        choices += [(code, name) for code, name in LANGUAGES.items()]
        self.language_actions: dict[str, QAction] = {}
        for code, label in choices:
            action = self.language_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == saved)
            action.setToolTip(translate("MainWindow", "Show torchdesk in this language from the next start"))
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self._language_group.addAction(action)
            self.language_actions[code] = action

    def set_language(self, code: str) -> None:
        """Save ``code`` ("" follows the system) as the language, and say that it applies at the next start."""
        from torchdesk.core.i18n import LANGUAGES, current_language
        from torchdesk.desktop.i18n import LANGUAGE_KEY, choose_language

        self.settings.setValue(LANGUAGE_KEY, code)
        self.settings.sync()
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)
        wanted = choose_language(self.settings)
        if wanted == current_language():
            return
        name = LANGUAGES.get(wanted, wanted)
        self.show_activity(translate("MainWindow", "The language changes to {language} when torchdesk starts again.")
                           .format(language=name))
        self.language_notice(name)

    def language_notice(self, language_name: str) -> None:
        """Tell the person the new language applies after a restart (a dialog; tests replace it)."""
        QMessageBox.information(
            self, translate("MainWindow", "Language"),
            translate("MainWindow", "torchdesk will be shown in {language} the next time it starts. "
                                    "Your work is not affected.").format(language=language_name))

    def _action(self, menu: Any, text: str, shortcut: Any, tip: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty() and self.restoreGeometry(geometry):
            # restoreGeometry shrinks a window to a smaller current screen; keep the size asked for.
            size = self.settings.value("window/size")
            if isinstance(size, QSize) and size.isValid() and not self.isMaximized():
                self.resize(size)
            return
        self.resize(*DEFAULT_SIZE)

    # -- loading (imports torch) ---------------------------------------------------
    def load(self) -> None:
        """Create the shared state and every panel, then restore their settings."""
        if self.panels or self._closed:
            return
        self.show_activity(translate("MainWindow", "Loading plugins…"))
        from torchdesk.core.threads import use_one_thread_here

        use_one_thread_here()  # the GUI thread's tensors are small; the cores are for training
        if self.state is None:
            from torchdesk.core.registry import get_registry
            from torchdesk.desktop.state import AppState

            self.state = AppState(get_registry(), self)
        state = self.state
        state.restore_settings(self.settings)  # the shared data folder, before any panel opens data
        state.error.connect(self.show_error)
        state.status.connect(self.show_activity)
        state.panel_requested.connect(self.show_panel)
        state.tasks.running_changed.connect(self._show_tasks)
        state.training_event.connect(self._show_training_threads)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(0)
        self._placeholder.deleteLater()
        for index, (panel_id, target) in enumerate(PANELS):
            panel = self._build_panel(panel_id, target)
            if panel is None:
                continue
            self.panels[panel.panel_id or panel_id] = panel
            self.tabs.addTab(panel, panel_text(panel.title) or panel_id.capitalize())
            self.tabs.setTabToolTip(self.tabs.count() - 1,
                                    panel_text(((panel.__doc__ or panel.title).strip().splitlines() or [""])[0]))
            self._add_panel_action(panel_id, panel, index)
        self.tabs.blockSignals(False)
        self._set_checkpoint_actions_enabled("checkpoints" in self.panels)
        self._restore_panels()
        self._show_device()
        self.show_activity(translate("MainWindow", "Ready"))
        self.loaded.emit()

    def _build_panel(self, panel_id: str, target: str) -> "Panel | None":
        module_name, _, class_name = target.partition(":")
        if not module_name.startswith("torchdesk."):
            module_name = f"torchdesk.desktop.panels.{module_name}"
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
            return cls(self.state)
        except Exception as exc:  # a broken panel must not keep the others away
            self.show_error(translate("MainWindow", "The {panel} panel could not be opened: {error}")
                            .format(panel=panel_id, error=f"{type(exc).__name__}: {exc}"),
                            "".join(traceback.format_exception(exc)))
            return None

    def _add_panel_action(self, panel_id: str, panel: "Panel", index: int) -> None:
        title = panel_text(panel.title) or panel_id
        action = QAction(title, self)
        action.setCheckable(True)
        shortcut = panel.shortcut or (f"Ctrl+{index + 1}" if index < 9 else "")
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(translate("MainWindow", "Show the {panel} panel").format(panel=title))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(lambda _=False, pid=panel_id: self.show_panel(pid))
        self._panel_group.addAction(action)
        self.view_menu.insertAction(self._view_separator, action)  # keep Theme and Language last
        self.addAction(action)
        self._panel_actions[panel_id] = action

    def _restore_panels(self) -> None:
        for panel_id, panel in self.panels.items():
            self.settings.beginGroup(f"panels/{panel_id}")
            try:
                panel.restore_settings(self.settings)
            except Exception as exc:
                self.show_error(translate("MainWindow", "The last settings of the {panel} panel could not be "
                                                        "restored; it starts with its defaults.")
                                .format(panel=panel_text(panel.title) or panel_id),
                                "".join(traceback.format_exception(exc)))
            finally:
                self.settings.endGroup()
        last = str(self.settings.value("window/last_panel", "train"))
        self.show_panel(last if last in self.panels else next(iter(self.panels), ""))

    def _show_device(self) -> None:
        try:
            from torchdesk.core.devices import describe_device

            self.device_label.setText(describe_device("auto"))
        except Exception as exc:
            self.device_label.setText(translate("MainWindow", "Device: unknown"))
            self.device_label.setToolTip(translate("MainWindow", "Could not inspect the devices: {error}")
                                         .format(error=exc))

    def _show_training_threads(self, event: object) -> None:
        """While a run trains on the CPU, the status bar shows the thread count it measured and uses."""
        from torchdesk.core.events import Failed, Finished
        from torchdesk.core.thread_tuner import ThreadsChosen, describe_threads

        if isinstance(event, ThreadsChosen):
            self.device_label.setText(translate("MainWindow", "CPU · training on {threads} of {available} threads")
                                      .format(threads=event.threads, available=event.available))
            self.device_label.setToolTip(
                translate("MainWindow", "{threads}. torchdesk measures how many threads train fastest while other "
                                        "programs and tasks run; OMP_NUM_THREADS fixes it.")
                .format(threads=describe_threads(event)))
        elif isinstance(event, (Finished, Failed)):
            self.device_label.setToolTip(translate("MainWindow", "The compute device training uses by default"))
            self._show_device()

    # -- panels -----------------------------------------------------------------------
    def show_panel(self, panel_id: str, kwargs: dict | None = None) -> bool:
        """Bring ``panel_id`` to the front and hand it ``kwargs``; False when it does not exist."""
        panel = self.panels.get(panel_id)
        if panel is None:
            if panel_id:
                self.show_activity(translate("MainWindow", "The {panel} panel is not available in this version.")
                                   .format(panel=panel_id))
            return False
        self.tabs.setCurrentWidget(panel)
        if kwargs:
            try:
                panel.focus_with(**kwargs)
            except Exception as exc:
                self.show_error(translate("MainWindow", "The {panel} panel could not show that: {error}")
                                .format(panel=panel_text(panel.title) or panel_id, error=exc),
                                "".join(traceback.format_exception(exc)))
        return True

    def current_panel_id(self) -> str:
        """The id of the panel in front ('' while loading)."""
        widget = self.tabs.currentWidget()
        for panel_id, panel in self.panels.items():
            if panel is widget:
                return panel_id
        return ""

    def _on_tab_changed(self, _index: int) -> None:
        action = self._panel_actions.get(self.current_panel_id())
        if action is not None:
            action.setChecked(True)

    # -- menus ------------------------------------------------------------------------
    def _set_checkpoint_actions_enabled(self, enabled: bool) -> None:
        tips = (
            (self.open_checkpoint_action, translate("MainWindow", "Open a saved checkpoint"),
             translate("MainWindow", "Open a saved checkpoint (needs the Checkpoints panel, which is not installed)")),
            (self.save_checkpoint_action, translate("MainWindow", "Save the current model"),
             translate("MainWindow", "Save the current model (needs the Checkpoints panel, which is not installed)")),
        )
        for action, ready_tip, missing_tip in tips:
            action.setEnabled(enabled)
            tip = ready_tip if enabled else missing_tip
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def _checkpoint_action(self, action: str) -> None:
        if self.state is not None:
            self.state.request_panel("checkpoints", action=action)

    def open_plugins_dialog(self) -> None:
        """Show the plugins: the full Plugins dialog where installed, else a read-only list."""
        if self.state is None:
            return
        try:
            dialog_module = importlib.import_module("torchdesk.desktop.plugins_dialog")
        except ModuleNotFoundError as exc:
            if exc.name != "torchdesk.desktop.plugins_dialog":
                raise
            from torchdesk.desktop.plugin_list import show_plugin_list

            show_plugin_list(self.state.registry, self)
            return
        dialog_module.show_plugins_dialog(self.state, self)

    def about_text(self) -> str:
        """The About box's text: versions, devices and plugins (also handy in bug reports)."""
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        from torchdesk.core.version import __version__

        lines = [f"<h3>torchdesk {__version__}</h3>",
                 "<p>" + translate("MainWindow", "A desktop workbench for PyTorch.") + "</p><p>"]
        try:
            import torch

            from torchdesk.core.devices import available_devices, describe_device

            lines.append(f"PyTorch {torch.__version__}<br>")
            devices = ", ".join(f"{name} ({describe_device(name)})" for name in available_devices())
        except Exception as exc:
            devices = translate("MainWindow", "unknown ({error})").format(error=exc)
        lines.append(f"Qt {qVersion()} (PySide6 {pyside_version})<br>")
        lines.append(f"Python {sys.version.split()[0]}<br>")
        lines.append(translate("MainWindow", "Devices: {devices}").format(devices=devices) + "</p>")
        if self.state is not None:
            plugins = self.state.registry.plugins()
            active = [p for p in plugins if p.state == "active"]
            lines.append("<p>" + translate("MainWindow", "Plugins loaded: {active} of {total}")
                         .format(active=len(active), total=len(plugins)) + "<br>")
            for p in plugins:
                provides = ", ".join(self._kind_count(kind, len(ids)) for kind, ids in p.provides.items())
                state = translate("MainWindow", PLUGIN_STATES[p.state]) if p.state in PLUGIN_STATES else p.state
                lines.append(f"&nbsp;&nbsp;{p.name} ({p.distribution} {p.version}) — {state}"
                             f"{': ' + provides if provides else ''}<br>")
            lines.append("</p>")
        return "".join(lines)

    @staticmethod
    def _kind_count(kind: str, count: int) -> str:
        forms = KIND_COUNTS.get(kind)
        if forms is None:
            return f"{count} {kind}{'s' if count != 1 else ''}"
        return translate("MainWindow", forms[0] if count == 1 else forms[1]).format(n=count)

    def report_problem(self) -> str:
        """Help > Report a problem…: copy what a bug report needs and say where the log is."""
        from torchdesk.core.logfile import log_file_path
        from torchdesk.desktop.problem_report import copy_problem_report

        text = copy_problem_report(self.state.registry if self.state is not None else None)
        self.show_activity(translate("MainWindow", "Copied a problem report to the clipboard (versions, plugins, "
                                                   "last log lines; the full log is {path}). Paste it into your "
                                                   "bug report.").format(path=log_file_path()))
        return text

    def show_about(self) -> None:
        """The Help > About box."""
        QMessageBox.about(self, translate("MainWindow", "About torchdesk"), self.about_text())

    def set_theme(self, name: str) -> None:
        """Switch palette now and remember it."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            applied = apply_theme(app, name)
            self.settings.setValue("window/theme", applied)

    # -- status and errors ------------------------------------------------------------
    def _show_tasks(self, count: int) -> None:
        """Say in the status bar how much work runs in the background, naming it in the tooltip."""
        self.tasks_label.setVisible(count > 0)
        if count:
            self.tasks_label.setText(translate("MainWindow", "{n} background task").format(n=count) if count == 1
                                     else translate("MainWindow", "{n} background tasks").format(n=count))
            names = ", ".join(task.name for task in self.state.tasks.running()) if self.state else ""
            self.tasks_label.setToolTip(translate("MainWindow", "Running now: {names}. Closing the window stops and "
                                                                "waits for them.").format(names=names))

    def show_activity(self, text: str) -> None:
        """Put ``text`` in the status bar's activity area."""
        self.activity_label.setText(text)

    def show_error(self, message: str, detail: str = "") -> None:
        """Show an error in the bar above the panels, detail one click away; never a dialog storm."""
        from torchdesk.core.logfile import get_logger

        get_logger("app").error("%s%s", message[:2000], f"\n{detail[:20000]}" if detail else "")
        self.error_bar.add_error(message, detail)
        self.show_activity(message.splitlines()[0] if message else translate("MainWindow", "Error"))

    # -- persistence and closing ------------------------------------------------------
    def save_settings(self) -> None:
        """Write geometry, the panel in front and each panel's choices."""
        if not self.persist:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/size", self.size())
        if self.current_panel_id():
            self.settings.setValue("window/last_panel", self.current_panel_id())
        if self.state is not None:
            self.state.save_settings(self.settings)
        for panel_id, panel in self.panels.items():
            self.settings.beginGroup(f"panels/{panel_id}")
            try:
                panel.save_settings(self.settings)
            except Exception as exc:
                print(f"torchdesk: could not save the {panel_id} panel's settings: {exc}", file=sys.stderr)
            finally:
                self.settings.endGroup()
        self.settings.sync()

    def busy_reasons(self) -> list[str]:
        """What closing now would interrupt, one sentence per busy panel."""
        reasons = []
        for panel in self.panels.values():
            try:
                reason = panel.busy_reason()
            except Exception:
                reason = ""
            if reason:
                reasons.append(reason)
        return reasons

    def confirm_interrupt(self, reasons: list[str]) -> bool:
        """Ask whether to stop the running work and close (tests replace this)."""
        answer = QMessageBox.question(
            self, translate("MainWindow", "Stop and quit?"),
            "\n".join(reasons) + "\n\n" + translate("MainWindow", "Stop it and close torchdesk?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self._closed:
            event.accept()
            return
        reasons = self.busy_reasons()
        if reasons and not self.confirm_interrupt(reasons):
            event.ignore()
            return
        self.show_activity(translate("MainWindow", "Stopping…"))
        self.save_settings()
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Stop and join every panel's threads (once)."""
        if self._closed:
            return
        self._closed = True
        for panel in self.panels.values():
            try:
                panel.shutdown()
            except Exception as exc:
                print(f"torchdesk: the {panel.panel_id} panel did not shut down cleanly: {exc}", file=sys.stderr)
        if self.state is not None:
            self.state.tasks.shutdown()  # whatever a panel left running is joined here
