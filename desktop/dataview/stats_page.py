"""The Statistics tab of the Data panel: samples per class, and the per-channel mean/std with a button that
stores them as the Normalize defaults. Layout only: the panel fills it in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from torchdesk.desktop.dataview.class_chart import ClassDistributionChart
from torchdesk.desktop.i18n import translate


class StatsPage(QWidget):
    """The class-distribution chart above the mean/std measurement."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = ClassDistributionChart()
        self.chart.setObjectName("class_chart")
        self.stats_label = QLabel(translate("StatsPage", "Mean and std: not measured yet."))
        self.stats_label.setObjectName("stats_label")
        self.stats_label.setWordWrap(True)
        self.stats_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stats_progress = QProgressBar()
        self.stats_progress.setToolTip(translate("StatsPage", "Measuring the per-channel mean and std over every "
                                                              "image."))
        self.stats_progress.hide()
        self.use_stats_button = QPushButton(translate("StatsPage", "Use as Normalize defaults"))
        self.use_stats_button.setObjectName("use_stats")
        self.use_stats_button.setToolTip(translate("StatsPage", "Store the measured mean/std for this dataset: "
                                                                "Normalize set to 'auto' uses them here and in the "
                                                                "Train panel."))
        self.use_stats_button.setEnabled(False)
        self.known_stats_label = QLabel()
        self.known_stats_label.setWordWrap(True)
        self.known_stats_label.setStyleSheet("color: gray")

        chart_box = QGroupBox(translate("StatsPage", "Samples per class"))
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.chart)
        stats_box = QGroupBox(translate("StatsPage", "Per-channel mean and std (pixels in 0..1)"))
        stats_layout = QVBoxLayout(stats_box)
        stats_layout.addWidget(self.stats_label)
        stats_layout.addWidget(self.stats_progress)
        stats_layout.addWidget(self.known_stats_label)
        stats_layout.addWidget(self.use_stats_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(chart_box, 1)
        layout.addWidget(stats_box)
