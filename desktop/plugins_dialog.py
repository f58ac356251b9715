"""The Plugins dialog: every plugin with its state, enable/disable, install and uninstall with pip.

Opened from *Plugins > Plugins…*. After anything that changes the installed plugins
the registry is rescanned and ``AppState.registry_changed`` tells the panels, so new
models, transforms and optimizers appear in the pickers without a restart; when
Python cannot swap code it has already imported (an upgrade), the dialog says that
a restart is needed.
"""

from __future__ import annotations

import html
import traceback
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from torchdesk.core.plugin_install import (
    InstallTargetError,
    PipCommand,
    canonical_name,
    classify_target,
    compare_installs,
    imported_distributions,
    installed_versions,
    loaded_top_level_modules,
    restart_notes,
)
from torchdesk.core.i18n import QT_TRANSLATE_NOOP, component_text
from torchdesk.core.registry import PluginInfo, get_registry, set_plugin_enabled, slow_import_warning
from torchdesk.core.specs import SPEC_KINDS
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.pip_runner import PipResult, PipRunner
from torchdesk.desktop.plugin_list import import_time_text, kind_count_text, kind_heading, kind_text, state_text

KIND_ORDER = tuple(SPEC_KINDS)
COLUMNS = (QT_TRANSLATE_NOOP("PluginsDialog", "Plugin"), QT_TRANSLATE_NOOP("PluginsDialog", "Distribution"),
           QT_TRANSLATE_NOOP("PluginsDialog", "Version"), QT_TRANSLATE_NOOP("PluginsDialog", "Provides"),
           QT_TRANSLATE_NOOP("PluginsDialog", "State"), QT_TRANSLATE_NOOP("PluginsDialog", "Import time"))
"""The list's columns (English, for finding one by name; shown translated)."""
STATE_COLOURS = {"failed": "#c62828", "partly-failed": "#b26a00", "disabled": "#808080", "restart": "#b26a00",
                 "slow": "#b26a00"}
ROLE_NAME = Qt.ItemDataRole.UserRole


def provides_summary(info: PluginInfo) -> str:
    """``1 model, 2 transforms`` (or ``nothing``) for a plugin."""
    parts = [kind_count_text(k, len(info.provides[k])) for k in KIND_ORDER if info.provides.get(k)]
    return ", ".join(parts) or translate("PluginsDialog", "nothing")


class PluginsDialog(QDialog):
    """List, switch on/off, install and uninstall plugins; details and tracebacks for the selected one."""

    def __init__(self, state: Any, parent: QWidget | None = None, pip: PipCommand | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.runner = PipRunner(pip, self)
        self.runner.output.connect(self._append_log)
        self.runner.finished.connect(self._on_pip_finished)
        self._before: dict[str, str] = {}
        self._loaded_before: set[str] = set()
        self._spec_ids_before: set[tuple[str, str]] = set()
        self._restart: dict[str, str] = {}  # canonical distribution -> sentence
        self._filling = False
        self.setWindowTitle(translate("PluginsDialog", "Plugins"))
        self.setObjectName("pluginsDialog")
        self.resize(1120, 760)
        self._build()
        self.refresh()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.summary_label = QLabel()
        self.summary_label.setToolTip(translate("PluginsDialog", "Plugins are found through the 'torchdesk' "
                                                                 "entry-point group of every installed Python package"))
        self.restart_banner = QLabel()
        self.restart_banner.setObjectName("restartBanner")
        self.restart_banner.setWordWrap(True)
        self.restart_banner.setStyleSheet("QLabel#restartBanner { background: #fff3cd; color: #5c4400; "
                                          "border: 1px solid #e0c060; border-radius: 3px; padding: 6px; }")
        self.restart_banner.setToolTip(translate("PluginsDialog", "Python cannot replace code it has already "
                                                                  "imported; quit and start torchdesk again"))
        self.restart_banner.hide()

        self.tree = QTreeWidget()
        self.tree.setObjectName("pluginTree")
        self.tree.setHeaderLabels([translate("PluginsDialog", column) for column in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setToolTip(translate("PluginsDialog", "Every plugin torchdesk found. Tick or untick a plugin to "
                                                        "switch it on or off (remembered across launches); select one "
                                                        "to see its details."))
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(lambda *_: self._show_details())
        self.tree.itemChanged.connect(self._on_item_changed)

        self.details = QTextBrowser()
        self.details.setObjectName("pluginDetails")
        self.details.setOpenExternalLinks(False)
        self.details.setToolTip(translate("PluginsDialog", "What the selected plugin provides and, for a failed "
                                                           "one, the error with its traceback"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 420])
        splitter.setChildrenCollapsible(False)

        self.toggle_button = QPushButton(translate("PluginsDialog", "&Disable"))
        self.toggle_button.setToolTip(translate("PluginsDialog", "Switch the selected plugin off or on (Ctrl+E); "
                                                                 "remembered across launches"))
        self.toggle_button.clicked.connect(self.toggle_selected)
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.toggle_selected)
        self.uninstall_button = QPushButton(translate("PluginsDialog", "&Uninstall…"))
        self.uninstall_button.setToolTip(translate("PluginsDialog", "Remove the selected plugin's package with pip "
                                                                    "(Del)"))
        self.uninstall_button.clicked.connect(self.uninstall_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree, activated=self.uninstall_selected)
        self.rescan_button = QPushButton(translate("PluginsDialog", "&Rescan"))
        self.rescan_button.setToolTip(translate("PluginsDialog", "Look for plugins again (F5), e.g. after installing "
                                                                 "one from a terminal"))
        self.rescan_button.clicked.connect(self.rescan)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, activated=self.rescan)
        self.copy_button = QPushButton(translate("PluginsDialog", "Cop&y details"))
        self.copy_button.setToolTip(translate("PluginsDialog", "Copy the selected plugin's details and traceback, "
                                                               "e.g. for a bug report"))
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = QPushButton(translate("PluginsDialog", "Close"))
        self.close_button.setToolTip(translate("PluginsDialog", "Close this window (pip keeps running if it is "
                                                                "busy)"))
        self.close_button.clicked.connect(self.close)
        actions = QHBoxLayout()
        for button in (self.toggle_button, self.uninstall_button, self.rescan_button, self.copy_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.restart_banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self._build_install_box())

    def _build_install_box(self) -> QGroupBox:
        box = QGroupBox(translate("PluginsDialog", "Install a plugin"))
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("installTarget")
        self.target_edit.setPlaceholderText(translate("PluginsDialog", "Package name (e.g. torchdesk-plugin-example), "
                                                                       "wheel file or project folder"))
        self.target_edit.setToolTip(translate("PluginsDialog", "What to give pip: a name from the package index, a "
                                                               ".whl file or a folder with a pyproject.toml (Ctrl+I)"))
        self.target_edit.returnPressed.connect(self.install)
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.target_edit.setFocus)
        self.wheel_button = QPushButton(translate("PluginsDialog", "&Wheel…"))
        self.wheel_button.setToolTip(translate("PluginsDialog", "Choose a wheel (.whl) file to install"))
        self.wheel_button.clicked.connect(self.choose_wheel)
        self.folder_button = QPushButton(translate("PluginsDialog", "F&older…"))
        self.folder_button.setToolTip(translate("PluginsDialog", "Choose a project folder (with pyproject.toml or "
                                                                 "setup.py) to install"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.upgrade_check = QCheckBox(translate("PluginsDialog", "Upgrade if installed"))
        self.upgrade_check.setChecked(True)
        self.upgrade_check.setToolTip(translate("PluginsDialog", "Pass --upgrade to pip so a newer version replaces "
                                                                 "an installed one"))
        self.install_button = QPushButton(translate("PluginsDialog", "&Install"))
        self.install_button.setObjectName("installButton")
        self.install_button.setToolTip(translate("PluginsDialog", "Run pip install for torchdesk's own Python "
                                                                  "(Enter in the field)"))
        self.install_button.clicked.connect(self.install)
        row = QHBoxLayout()
        row.addWidget(self.target_edit, 1)
        for widget in (self.wheel_button, self.folder_button, self.upgrade_check, self.install_button):
            row.addWidget(widget)

        self.log_view = QPlainTextEdit()
        self.log_view.setObjectName("pipLog")
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(5000)
        self.log_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log_view.setPlaceholderText(translate("PluginsDialog", "pip's output appears here while it runs."))
        self.log_view.setToolTip(translate("PluginsDialog", "pip's own output, live"))
        self.log_view.setMinimumHeight(140)
        self.log_view.hide()  # shown once pip runs: an empty log would take the plugin details' room
        self.status_label = QLabel(translate("PluginsDialog", "Installing runs pip for torchdesk's own Python; new "
                                                              "components appear in the pickers right away. A plugin "
                                                              "runs with your permissions: install only packages you "
                                                              "trust."))
        self.status_label.setObjectName("pipStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setToolTip(translate("PluginsDialog", "How the last pip run ended"))
        self.cancel_button = QPushButton(translate("PluginsDialog", "&Cancel"))
        self.cancel_button.setObjectName("pipCancel")
        self.cancel_button.setToolTip(translate("PluginsDialog", "Stop pip now; what it had not finished is left as "
                                                                 "it was"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.runner.cancel)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.log_view, 1)
        layout.addLayout(status_row)
        return box

    # -- the list --------------------------------------------------------------------------
    @property
    def registry(self) -> Any:
        """The registry the app uses now."""
        return self.state.registry

    def refresh(self) -> None:
        """Fill the list from the app's registry, keeping the selection."""
        selected = self.selected_name()
        plugins = self.registry.plugins()
        self._filling = True
        try:
            self.tree.clear()
            for info in plugins:
                self.tree.addTopLevelItem(self._item(info))
        finally:
            self._filling = False
        counts = {s: sum(p.state == s for p in plugins) for s in ("active", "partly-failed", "disabled", "failed")}
        partly = (translate("PluginsDialog", "{count} partly failed, ").format(count=counts["partly-failed"])
                  if counts["partly-failed"] else "")
        self.summary_label.setText(
            translate("PluginsDialog", "{total} plugins: {active} active, {partly}{disabled} disabled, "
                                       "{failed} failed").format(total=len(plugins), active=counts["active"],
                                                                 partly=partly, disabled=counts["disabled"],
                                                                 failed=counts["failed"]))
        self._show_restart_banner()
        self.select(selected or (plugins[0].name if plugins else ""))
        self._update_buttons()

    def _item(self, info: PluginInfo) -> QTreeWidgetItem:
        restart = self._restart.get(canonical_name(info.distribution))
        state = state_text(info.state)
        if restart:
            state = translate("PluginsDialog", "{state} (restart needed)").format(state=state)
        item = QTreeWidgetItem([info.name, info.distribution, info.version, provides_summary(info), state,
                                import_time_text(info)])
        item.setData(0, ROLE_NAME, info.name)
        forced_off = any("TORCHDESK_DISABLE_THIRD_PARTY" in p.message for p in info.problems)
        flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
        if forced_off:
            flags &= ~Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags)
        item.setCheckState(0, Qt.CheckState.Unchecked if info.state == "disabled" else Qt.CheckState.Checked)
        tip = info.error or translate("PluginsDialog", "{name}: {state}").format(name=info.name,
                                                                                  state=state_text(info.state))
        for column in range(len(COLUMNS)):
            item.setToolTip(column, tip)
        item.setToolTip(0, translate("PluginsDialog", "Untick to switch this plugin off (remembered)")
                        if not forced_off else
                        translate("PluginsDialog", "Third-party plugins are off (TORCHDESK_DISABLE_THIRD_PARTY is "
                                                   "set)"))
        time_column = COLUMNS.index("Import time")
        item.setTextAlignment(time_column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(time_column, slow_import_warning(info) or
                        translate("PluginsDialog", "How long importing this plugin and asking it for its components "
                                                   "took; torchdesk waits for it at every start"))
        if info.slow:
            item.setForeground(time_column, QBrush(QColor(STATE_COLOURS["slow"])))
        colour = STATE_COLOURS.get("restart" if restart else info.state)
        if info.problems and info.state != "disabled":
            colour = STATE_COLOURS["failed"]
        if colour:
            item.setForeground(4, QBrush(QColor(colour)))
            bold = QFont(item.font(4))
            bold.setBold(info.state == "failed" or bool(restart))
            item.setFont(4, bold)
        return item

    def items(self) -> dict[str, QTreeWidgetItem]:
        """The list's rows by plugin name."""
        return {self.tree.topLevelItem(i).data(0, ROLE_NAME): self.tree.topLevelItem(i)
                for i in range(self.tree.topLevelItemCount())}

    def select(self, name: str) -> None:
        """Select the plugin called ``name`` (if listed) and show its details."""
        item = self.items().get(name)
        if item is not None:
            self.tree.setCurrentItem(item)
        self._show_details()

    def selected_name(self) -> str:
        """The selected plugin's name ('' when none)."""
        item = self.tree.currentItem()
        return str(item.data(0, ROLE_NAME)) if item is not None else ""

    def selected_info(self) -> PluginInfo | None:
        """What the registry knows about the selected plugin."""
        name = self.selected_name()
        try:
            return self.registry.plugin(name) if name else None
        except KeyError:
            return None

    def _show_details(self) -> None:
        info = self.selected_info()
        self.details.setHtml(self.details_html(info) if info else
                             "<p>{}</p>".format(translate("PluginsDialog", "Select a plugin to see its details.")))
        self._update_buttons()

    def details_html(self, info: PluginInfo) -> str:
        """The details pane for ``info``: origin, components with descriptions, errors with tracebacks."""
        esc = html.escape
        if info.builtin:
            origin = translate("PluginsDialog", "Distribution <b>{distribution}</b> {version} (part of torchdesk)")
        else:
            origin = translate("PluginsDialog", "Distribution <b>{distribution}</b> {version}")
        lines = [origin.format(distribution=esc(info.distribution), version=esc(info.version)),
                 translate("PluginsDialog", "Module <code>{module}</code>").format(module=esc(info.module)),
                 translate("PluginsDialog", "State: <b>{state}</b>").format(state=esc(state_text(info.state)))]
        if info.state != "disabled":
            lines.append(translate("PluginsDialog", "Import time: {time}").format(time=esc(import_time_text(info))))
        parts = [f"<h3>{esc(info.name)}</h3>", "<p>" + "<br>".join(lines) + "</p>"]
        if info.slow:
            parts.append(f"<p style='color:{STATE_COLOURS['slow']}'><b>{esc(slow_import_warning(info))}</b></p>")
        restart = self._restart.get(canonical_name(info.distribution))
        if restart:
            parts.append(f"<p style='color:{STATE_COLOURS['restart']}'>"
                         + translate("PluginsDialog", "<b>Restart needed:</b> {reason}").format(reason=esc(restart))
                         + "</p>")
        if info.state == "disabled" and not info.problems:
            parts.append("<p>{}</p>".format(translate("PluginsDialog",
                                                      "Switched off: tick it in the list to load it again.")))
        for kind in KIND_ORDER:
            ids = info.provides.get(kind, [])
            if not ids:
                continue
            parts.append(f"<p><b>{esc(kind_heading(kind))}</b></p><ul>")
            for spec_id in ids:
                try:
                    spec = self.registry.get(kind, spec_id)
                    parts.append(f"<li>{esc(component_text(spec.name))} (<code>{esc(spec.id)}</code>): "
                                 f"{esc(component_text(spec.description))}</li>")
                except LookupError:
                    parts.append(f"<li><code>{esc(spec_id)}</code></li>")
            parts.append("</ul>")
        for problem in info.problems:
            colour = STATE_COLOURS["failed"] if info.state != "disabled" else STATE_COLOURS["disabled"]
            parts.append(f"<p style='color:{colour}'><b>{esc(problem.message)}</b></p>")
            if problem.detail:
                parts.append(f"<pre style='font-size:small'>{esc(problem.detail)}</pre>")
        return "".join(parts)

    def _show_restart_banner(self) -> None:
        if self._restart:
            self.restart_banner.setText(translate("PluginsDialog", "<b>Restart needed.</b> {reasons}").format(
                reasons=" ".join(html.escape(t) for t in self._restart.values())))
        self.restart_banner.setVisible(bool(self._restart))

    def _update_buttons(self) -> None:
        info = self.selected_info()
        busy = self.runner.running
        item = self.tree.currentItem()
        checkable = item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        self.toggle_button.setEnabled(info is not None and checkable and not busy)
        switched_off = info is not None and info.state == "disabled"
        self.toggle_button.setText(translate("PluginsDialog", "&Enable") if switched_off
                                   else translate("PluginsDialog", "&Disable"))
        removable = info is not None and not info.builtin and info.distribution not in ("", "unknown")
        self.uninstall_button.setEnabled(removable and not busy)
        self.uninstall_button.setToolTip(
            translate("PluginsDialog", "Remove the selected plugin's package with pip (Del)")
            if removable or info is None else
            translate("PluginsDialog", "Built-in plugins are part of torchdesk and cannot be uninstalled; untick them "
                                       "to switch them off"))
        for widget in (self.install_button, self.wheel_button, self.folder_button, self.target_edit,
                       self.rescan_button):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.copy_button.setEnabled(info is not None)

    # -- enable / disable -------------------------------------------------------------------
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        name = str(item.data(0, ROLE_NAME))
        enabled = item.checkState(0) == Qt.CheckState.Checked
        # Rescanning rebuilds the list, so leave the item's own signal first.
        QTimer.singleShot(0, lambda: self.set_enabled(name, enabled))

    def toggle_selected(self) -> None:
        """Switch the selected plugin off when it is on, on when it is off."""
        info = self.selected_info()
        if info is not None and self.toggle_button.isEnabled():
            self.set_enabled(info.name, info.state == "disabled")

    def set_enabled(self, name: str, enabled: bool) -> None:
        """Remember the plugin's on/off switch and rescan so the pickers follow at once."""
        if self.runner.running:
            self.refresh()
            return
        set_plugin_enabled(name, enabled)
        if self.rescan():
            if enabled:
                done = translate("PluginsDialog", "{name} is switched on; torchdesk remembers this next time.")
            else:
                done = translate("PluginsDialog", "{name} is switched off; torchdesk remembers this next time.")
            self._set_status(done.format(name=name))
        self.select(name)

    # -- rescanning ---------------------------------------------------------------------------
    def rescan(self) -> bool:
        """Reload every plugin, hand the new registry to the app and refresh the list; False on error."""
        try:
            registry = get_registry(reload=True)
        except Exception as exc:  # TORCHDESK_RAISE_PLUGIN_ERRORS turns plugin errors into exceptions
            message = translate("PluginsDialog", "Rescanning the plugins failed: {reason}").format(
                reason=f"{type(exc).__name__}: {exc}")
            self._set_status(message, error=True)
            self.state.report_error(message, "".join(traceback.format_exception(exc)))
            self.refresh()
            return False
        self.state.registry = registry
        self.state.registry_changed.emit()
        self.refresh()
        return True

    def _spec_ids(self) -> set[tuple[str, str]]:
        return {(kind, spec_id) for info in self.registry.plugins() for kind, ids in info.provides.items()
                for spec_id in ids}

    # -- install / uninstall ------------------------------------------------------------------
    def choose_wheel(self) -> None:
        """Pick a wheel file into the install field."""
        path, _ = QFileDialog.getOpenFileName(self, translate("PluginsDialog", "Choose a wheel to install"), "",
                                              translate("PluginsDialog", "Wheels (*.whl)"))
        if path:
            self.target_edit.setText(path)

    def choose_folder(self) -> None:
        """Pick a project folder into the install field."""
        path = QFileDialog.getExistingDirectory(self, translate("PluginsDialog", "Choose a plugin project folder"))
        if path:
            self.target_edit.setText(path)

    def install(self) -> None:
        """Install what the field names with pip (ignored while pip runs)."""
        if self.runner.running:
            return
        try:
            _, target = classify_target(self.target_edit.text())
        except InstallTargetError as exc:
            self._set_status(str(exc), error=True)
            return
        self._start_pip(lambda: self.runner.install(target, upgrade=self.upgrade_check.isChecked()))

    def uninstall_selected(self) -> None:
        """Uninstall the selected plugin's distribution with pip, after asking."""
        info = self.selected_info()
        if info is None or not self.uninstall_button.isEnabled():
            return
        others = [p.name for p in self.registry.plugins()
                  if p.distribution == info.distribution and p.name != info.name]
        question = translate("PluginsDialog", "Uninstall {distribution} {version} with pip?").format(
            distribution=info.distribution, version=info.version)
        if others:
            question += " " + translate("PluginsDialog", "It also removes the plugins {names}.").format(
                names=", ".join(others))
        if not self.confirm(question):
            return
        self._start_pip(lambda: self.runner.uninstall(info.distribution))

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question (tests replace this)."""
        answer = QMessageBox.question(self, translate("PluginsDialog", "Plugins"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _start_pip(self, start: Any) -> None:
        self._before = installed_versions()
        self._loaded_before = loaded_top_level_modules()
        self._spec_ids_before = self._spec_ids()
        self.log_view.clear()
        self.log_view.show()
        start()
        self._set_status(translate("PluginsDialog", "pip is running…"))
        self.state.show_status(translate("PluginsDialog", "pip is running…"))
        self._update_buttons()

    def _append_log(self, text: str) -> None:
        cursor = self.log_view.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(text)
        self.log_view.setTextCursor(cursor)
        self.log_view.ensureCursorVisible()

    def _on_pip_finished(self, result: PipResult) -> None:
        after = installed_versions()
        imported = imported_distributions(self._loaded_before) if self._before != after else set()
        changes = compare_installs(self._before, after, imported)
        for dist in changes.restart_needed:
            old, new = changes.changed[dist]
            self._restart[dist] = translate(
                "PluginsDialog", "{distribution} {new} is installed, but the running app still uses {old}: restart "
                                 "torchdesk to use {new}.").format(distribution=dist, new=new, old=old)
        rescanned = True
        if result.ok or changes.added or changes.removed or changes.changed:
            rescanned = self.rescan()
        self._update_buttons()
        if not result.ok:
            self._set_status(result.summary, error=True)
            self.state.show_status(result.summary)
            return
        new_ids = sorted(self._spec_ids() - self._spec_ids_before)
        gone_ids = sorted(self._spec_ids_before - self._spec_ids())
        notes = restart_notes(changes)
        if new_ids:
            notes.append(translate("PluginsDialog", "New in the pickers: {components}.").format(
                components=", ".join(f"{kind_text(kind)} {spec_id}" for kind, spec_id in new_ids)))
        if gone_ids:
            notes.append(translate("PluginsDialog", "No longer offered: {components}.").format(
                components=", ".join(f"{kind_text(kind)} {spec_id}" for kind, spec_id in gone_ids)))
        if result.action == "install" and not new_ids and not changes.restart_needed and rescanned:
            notes.append(translate("PluginsDialog", "No new plugin components appeared: the package may be installed "
                                                    "already, or it has no entry point in the 'torchdesk' group."))
        message = f"{result.summary} " + " ".join(notes)
        self._set_status(message, error=not rescanned)
        self.state.show_status(result.summary)
        if result.action == "install":
            self._select_new_plugin(changes.added)

    def _select_new_plugin(self, added: dict[str, str]) -> None:
        for info in self.registry.plugins():
            if canonical_name(info.distribution) in added:
                self.select(info.name)
                return

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {STATE_COLOURS['failed']};" if error else "")

    def copy_details(self) -> None:
        """Put the selected plugin's details (plain text, tracebacks included) on the clipboard."""
        from PySide6.QtWidgets import QApplication

        QApplication.clipboard().setText(self.details.toPlainText())

    def shutdown(self) -> None:
        """Stop a running pip and wait for it (the app is closing)."""
        if self.runner.running:
            self.runner.cancel()
            self.runner.wait(10000)


def show_plugins_dialog(state: Any, parent: QWidget | None = None, pip: PipCommand | None = None) -> PluginsDialog:
    """Open (or bring back) the window's Plugins dialog; one per parent window."""
    dialog = getattr(parent, "_plugins_dialog", None) if parent is not None else None
    if not isinstance(dialog, PluginsDialog):
        dialog = PluginsDialog(state, parent, pip=pip)
        if parent is not None:
            parent._plugins_dialog = dialog  # type: ignore[attr-defined]
    elif not dialog.runner.running:
        dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
