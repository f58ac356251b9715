"""Random test-set samples for "Random test sample", read from the app's one data folder.

The test split is opened in the background (a task) the first time it is asked
for, kept, and dropped when the data folder changes. A split that is not on disk
is reported with :class:`~torchdesk.core.data.DatasetMissingError`'s own message:
which files are needed, and in which folder.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QObject

from torchdesk.core.data import DatasetMissingError, open_dataset
from torchdesk.core.i18n import component_text
from torchdesk.desktop.i18n import translate
from torchdesk.desktop.state import AppState
from torchdesk.desktop.tasks import Cpu, TaskRunner, TaskState


@dataclass(frozen=True)
class Sample:
    """A test-set image as the data set has it (floats 0..1), its true class name and where it came from."""

    image: np.ndarray
    label: str
    description: str


@dataclass(frozen=True)
class _Opened:
    dataset: Any
    class_names: tuple[str, ...]
    name: str


class RandomSamples(QObject):
    """The test splits opened from ``state.data_dir``, one random sample at a time."""

    def __init__(self, state: AppState, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._runner = runner
        self._opened: dict[str, _Opened] = {}
        state.data_dir_changed.connect(self._forget)

    def pick(self, dataset_id: str, on_sample: Callable[[Sample], None],
             on_problem: Callable[[str, bool], None]) -> None:
        """Hand a random test sample of ``dataset_id`` to ``on_sample``, at once when the split is open.

        ``on_problem(message, missing)`` hears why there is none; ``missing`` is True
        when the files are not in the data folder.
        """
        if dataset_id in self._opened:
            on_sample(self._random(self._opened[dataset_id]))
            return
        folder = self.state.data_dir

        def open_split(_: TaskState) -> _Opened | DatasetMissingError:
            spec = self.state.registry.dataset(dataset_id)
            try:
                dataset = open_dataset(spec, folder, train=False)
            except DatasetMissingError as exc:
                return exc
            names = tuple(spec.class_names or getattr(dataset, "classes", ()) or ())
            return _Opened(dataset, names, spec.name)

        def opened(result: _Opened | DatasetMissingError) -> None:
            if isinstance(result, DatasetMissingError):
                on_problem(str(result), True)
                return
            self._opened[dataset_id] = result
            on_sample(self._random(result))

        self._runner.start(open_split, f"classify-open-{dataset_id}-test", cpu=Cpu.LIGHT, on_success=opened,
                           on_failure=lambda message, detail: on_problem(message, False))

    def _forget(self) -> None:
        self._runner.cancel()
        self._opened.clear()

    @staticmethod
    def _random(opened: _Opened) -> Sample:
        index = random.randrange(len(opened.dataset))
        image, label = opened.dataset[index]
        gray = np.asarray(image.convert("L") if hasattr(image, "convert") else image, dtype=np.float32) / 255.0
        names = opened.class_names
        name = names[int(label)] if 0 <= int(label) < len(names) else str(int(label))
        return Sample(gray, name, translate("RandomSamples", "Test sample #{index} of the {dataset} test set.").format(
            index=index, dataset=component_text(opened.name)))
