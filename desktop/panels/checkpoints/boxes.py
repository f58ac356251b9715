"""The Checkpoints panel's two settings boxes: autosave while training, and verified export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from torchdesk.core.export import DEFAULT_TOLERANCE, FORMATS, ExportResult, unavailable_reason
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.checkpoints.browser import button
from torchdesk.desktop.widgets.param_form import ScientificSpinBox

EXPORT_STEPS = 5  # prepare, export, write, reload, compare


class AutosaveBox(QGroupBox):
    """Whether runs trained in the app save every epoch and keep their best, and what was saved last."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("AutosaveBox", "Autosave while training"), parent)
        self.autosave_check = QCheckBox(translate("AutosaveBox", "Save after every epoch"))
        self.autosave_check.setChecked(True)
        self.autosave_check.setToolTip(translate("AutosaveBox", "Write <model>-<dataset>-<time>-latest.pt into the "
                                                                "folder at each epoch end (atomically: a crash keeps "
                                                                "the previous one)"))
        self.keep_best_check = QCheckBox(translate("AutosaveBox", "Keep the best by test accuracy"))
        self.keep_best_check.setChecked(True)
        self.keep_best_check.setToolTip(translate("AutosaveBox", "Also write …-best.pt whenever an epoch beats every "
                                                                 "earlier one of the run"))
        self.label = QLabel(translate("AutosaveBox", "No run yet."))
        self.label.setWordWrap(True)
        self.label.setToolTip(translate("AutosaveBox", "The last autosave"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.autosave_check)
        layout.addWidget(self.keep_best_check)
        layout.addWidget(self.label)
        self.setMinimumWidth(280)


class ExportBox(QGroupBox):
    """Format, tolerance, Export…/Cancel and the export's progress and verdict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("ExportBox", "Export"), parent)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        for fmt in FORMATS.values():
            reason = unavailable_reason(fmt.id)
            self.format_combo.addItem(fmt.label(), fmt.id)
            index = self.format_combo.count() - 1
            self.format_combo.setItemData(index, reason or fmt.shown_description(), Qt.ItemDataRole.ToolTipRole)
            if reason:
                self.format_combo.model().item(index).setEnabled(False)
        self.format_combo.setToolTip(translate("ExportBox", "The file format to export to (greyed out: a package it "
                                                            "needs is missing)"))
        # The longest entry ("TorchScript … deprecated …") must not set the window's minimum width.
        self.format_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.format_combo.setMinimumContentsLength(20)
        self.tolerance_spin = ScientificSpinBox()
        self.tolerance_spin.setRange(1e-9, 1.0)
        self.tolerance_spin.setValue(DEFAULT_TOLERANCE)
        self.tolerance_spin.setToolTip(translate("ExportBox", "The export fails when its outputs differ from the "
                                                              "model's by more than this"))
        self.export_button = button(translate("ExportBox", "Export…"),
                                    translate("ExportBox", "Export the selected checkpoint (or, with none selected, "
                                                           "the current model), then reload it and compare its "
                                                           "outputs"),
                                    "exportButton")
        self.cancel_button = button(translate("ExportBox", "Cancel"),
                                    translate("ExportBox", "Stop the export; nothing is written"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, EXPORT_STEPS)
        self.progress.setValue(0)
        self.progress.setFormat(translate("ExportBox", "Ready"))
        self.progress.setToolTip(translate("ExportBox", "Export steps: prepare, export, write, reload, compare"))
        self.label = QLabel(translate("ExportBox", "Exports are verified: reloaded and run next to the model on "
                                                   "sample inputs."))
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("ExportBox", "Format:")))
        row.addWidget(self.format_combo, 1)
        row.addWidget(QLabel(translate("ExportBox", "Tolerance:")))
        row.addWidget(self.tolerance_spin)
        row.addWidget(self.export_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.label)

    def format_id(self) -> str:
        """The chosen format's id."""
        return str(self.format_combo.currentData())

    def set_exporting(self, exporting: bool) -> None:
        """Export… while idle, Cancel while an export runs."""
        self.export_button.setEnabled(not exporting)
        self.cancel_button.setEnabled(exporting)

    def show_started(self, format_name: str, path: str) -> None:
        """An export to ``path`` began."""
        self.progress.setValue(0)
        self.progress.setFormat(translate("ExportBox", "Exporting {format}…").format(format=format_name))
        self.label.setText(translate("ExportBox", "Exporting to {path}…").format(path=path))

    def show_done(self, result: ExportResult) -> None:
        """The export was written and verified."""
        self.progress.setValue(self.progress.maximum())
        self.progress.setFormat(translate("ExportBox", "Verified · max |difference| {difference:.2e}")
                                .format(difference=result.max_abs_diff))
        self.label.setText(result.summary())

    def show_refused(self, message: str) -> None:
        """Nothing was exported (a missing extra, nothing to export): no earlier verdict stays on the bar."""
        self.progress.setValue(0)
        self.progress.setFormat(translate("ExportBox", "Not exported"))
        self.label.setText(message)

    def show_failed(self, message: str) -> None:
        """The export failed; ``message`` says why."""
        self.progress.setFormat(translate("ExportBox", "Failed"))
        self.label.setText(message)

    def show_cancelled(self) -> None:
        """The export was cancelled before anything was written."""
        self.progress.setFormat(translate("ExportBox", "Cancelled"))
        self.label.setText(translate("ExportBox", "The export was cancelled; nothing was written."))
