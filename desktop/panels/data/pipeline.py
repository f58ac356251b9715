"""The transform pipeline applied to the inspected sample: the editor's steps as an engine :class:`Pipeline`.

Normalize 'auto' means: this dataset's stored defaults, else its published mean/std,
else what the Statistics tab measured.
"""

from __future__ import annotations

from typing import Callable

from torchdesk.core.data import Pipeline
from torchdesk.core.dataset_stats import ChannelStats
from torchdesk.core.specs import DatasetSpec
from torchdesk.desktop.dataview.inspector import SampleInspector
from torchdesk.desktop.dataview.normalize_defaults import load_normalize_defaults, normalize_params
from torchdesk.desktop.dataview.pipeline_editor import PipelineEditor
from torchdesk.desktop.i18n import translate

MeanStd = tuple[tuple[float, ...], tuple[float, ...]]


class PipelinePreview:
    """Keeps the inspector's pipeline in step with the editor, the chosen dataset and its statistics."""

    def __init__(self, editor: PipelineEditor, inspector: SampleInspector,
                 spec: Callable[[], DatasetSpec | None], stats: Callable[[], ChannelStats | None]) -> None:
        self.editor = editor
        self.inspector = inspector
        self._spec = spec
        self._stats = stats
        editor.changed.connect(self.update)

    def reset_for_dataset(self) -> None:
        """Start the chosen dataset with Normalize when its mean/std are known, else with nothing."""
        spec = self._spec()
        steps = [("normalize", {})] if spec is not None and (spec.mean or self._stored()) else []
        self.editor.blockSignals(True)
        self.editor.set_steps(steps)
        self.editor.blockSignals(False)

    def _stored(self) -> MeanStd | None:
        spec = self._spec()
        return load_normalize_defaults(spec.id) if spec is not None else None

    def normalize_defaults(self) -> MeanStd | None:
        """What Normalize 'auto' means here: stored defaults, else the dataset's published values, else measured."""
        stored = self._stored()
        if stored is not None:
            return stored
        spec, stats = self._spec(), self._stats()
        if spec is not None and spec.mean and spec.std:
            return tuple(spec.mean), tuple(spec.std)
        if stats is not None:
            return stats.mean, stats.std
        return None

    def build(self) -> tuple[Pipeline, str]:
        """The editor's steps as an engine :class:`Pipeline` (Normalize 'auto' filled in) and any problem."""
        pipeline = Pipeline()
        problem = ""
        for spec, params in self.editor.steps():
            if spec.id == "normalize" and "auto" in (str(params.get("mean")), str(params.get("std"))):
                defaults = self.normalize_defaults()
                if defaults is None:
                    problem = translate("PipelinePreview", "Normalize is 'auto' but this dataset's mean/std are not "
                                                           "known yet; they are being measured (Statistics tab), or "
                                                           "enter numbers.")
                    continue
                filled = normalize_params(*defaults)
                params = {k: (filled[k] if str(v) == "auto" else v) for k, v in params.items()}
            (pipeline.target if spec.target else pipeline.image).append((spec, params))
        return pipeline, problem

    def update(self) -> None:
        """Hand the inspector the current pipeline (or say why it cannot be built)."""
        pipeline, problem = self.build()
        try:
            image_fn = pipeline.sample_image_fn()
            target_fn = pipeline.sample_target_fn()
        except Exception as exc:  # a transform refused its parameters
            self.inspector.set_pipeline(None, None, False, translate("PipelinePreview", "The pipeline cannot be built: "
                                                                                        "{error}").format(error=exc))
            return
        self.inspector.set_pipeline(image_fn, target_fn, self.editor.has_random(), problem)
