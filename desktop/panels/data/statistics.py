"""The Statistics tab's behaviour: measure the open split's per-channel mean/std, offer them as Normalize defaults.

Measuring reads every image, so it is heavy work: all CPU threads, or one while a
training run holds them (:class:`~torchdesk.desktop.tasks.Cpu`).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from torchdesk.core.dataset_stats import ChannelStats, channel_mean_std, class_distribution
from torchdesk.core.i18n import component_text
from torchdesk.core.specs import DatasetSpec
from torchdesk.desktop.dataview.normalize_defaults import load_normalize_defaults, save_normalize_defaults
from torchdesk.desktop.dataview.stats_page import StatsPage
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.panels.data.opening import OpenedSplit
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import TaskRunner


class SplitStatistics(QObject):
    """Fills the :class:`StatsPage`: the class chart at once, the mean/std in the background.

    ``changed()`` says the measured or stored statistics changed (Normalize 'auto' follows them).
    """

    changed = Signal()

    def __init__(self, state: AppState, page: StatsPage, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.page = page
        self.runner = runner
        self.stats: ChannelStats | None = None
        self._spec: DatasetSpec | None = None
        page.use_stats_button.clicked.connect(self.use_as_defaults)

    def clear(self) -> None:
        """Forget the split: stop measuring, empty the chart."""
        self.runner.cancel()
        self.stats = None
        self.page.stats_progress.hide()
        self.page.chart.set_counts([], [])

    def show_split(self, spec: DatasetSpec | None, split: OpenedSplit, train: bool) -> None:
        """Chart the class counts of ``split`` and start measuring its mean/std."""
        self._spec = spec
        self.page.chart.set_counts(class_distribution(split.labels, len(split.class_names)), split.class_names)
        self.show_known(spec)
        self.start(split, train)

    def start(self, split: OpenedSplit, train: bool) -> None:
        """Measure the per-channel mean/std of ``split`` in the background."""
        page, source = self.page, split.source
        page.stats_progress.setRange(0, 1000)
        page.stats_progress.setValue(0)
        page.stats_progress.show()
        page.stats_label.setText(translate("SplitStatistics", "Measuring mean and std…"))
        page.use_stats_button.setEnabled(False)
        self.runner.start(lambda s: channel_mean_std(source, progress=s.progress, cancel=s.cancelled),
                          "dataset statistics", lambda stats: self._on_measured(stats, train), self._on_failed,
                          lambda done, total: page.stats_progress.setValue(int(1000 * done / max(1, total))))

    def _on_measured(self, stats: ChannelStats, train: bool) -> None:
        self.stats = stats
        self.page.stats_progress.hide()
        if train:
            text = translate("SplitStatistics", "Measured on the training split ({images:,} images): {stats}")
        else:
            text = translate("SplitStatistics", "Measured on the test split ({images:,} images): {stats}")
        self.page.stats_label.setText(text.format(images=stats.samples, stats=stats.describe()))
        self.page.use_stats_button.setEnabled(self._spec is not None)
        self.changed.emit()

    def _on_failed(self, message: str, _detail: str) -> None:
        self.page.stats_progress.hide()
        self.page.stats_label.setText(translate("SplitStatistics", "Mean and std could not be measured: {reason}")
                                      .format(reason=message))

    def show_known(self, spec: DatasetSpec | None) -> None:
        """Show the dataset's published mean/std and the stored Normalize defaults."""
        parts = []
        if spec is not None and spec.mean:
            parts.append(translate("SplitStatistics", "Published for {dataset}: {stats}.").format(
                dataset=component_text(spec.name), stats=ChannelStats(tuple(spec.mean), tuple(spec.std), 0).describe()))
        stored = load_normalize_defaults(spec.id) if spec is not None else None
        if stored is not None:
            parts.append(translate("SplitStatistics", "Stored Normalize defaults: {stats}.").format(
                stats=ChannelStats(stored[0], stored[1], 0).describe()))
        self.page.known_stats_label.setText(" ".join(parts))

    def use_as_defaults(self) -> None:
        """Store the measured mean/std as this dataset's Normalize defaults (read by the Train panel too)."""
        if self.stats is None or self._spec is None:
            return
        save_normalize_defaults(self._spec.id, self.stats.mean, self.stats.std)
        self.show_known(self._spec)
        self.changed.emit()
        self.state.show_status(translate("SplitStatistics", "Normalize defaults for {dataset}: {stats}").format(
            dataset=component_text(self._spec.name), stats=self.stats.describe()))
