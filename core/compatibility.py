"""Does this model fit this data? One answer for every place a model meets images.

The Classify panel's drawing mode, the Data panel's predictions and the Model
panel's activations all ask :func:`check_fit` before they run a model on data. A
Fashion-MNIST model shown a drawn digit answers "Sandal 82.8%", and predicting all
of MNIST with it reports "14.4% right" under MNIST's class names: numbers that
mean nothing. When the model does not fit, the answer says why in a sentence and
the caller offers the way out (switch modes, pick the model's dataset, predict
anyway on request).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from torchdesk.core.i18n import class_name_text, component_text, translate


@dataclass(frozen=True)
class ModelIdentity:
    """What a model was made for: its dataset (id, '' when unknown), class names and input shape ``(C, H, W)``."""

    dataset_id: str
    class_names: tuple[str, ...]
    input_shape: tuple[int, int, int]


@dataclass(frozen=True)
class DataIdentity:
    """What a set of images is: dataset id, display name, class names and one sample's shape (when known)."""

    dataset_id: str
    name: str
    class_names: tuple[str, ...]
    sample_shape: tuple[int, int, int] | None = None


def data_identity(spec: Any, class_names: Sequence[str] | None = None,
                  sample_shape: tuple[int, int, int] | None = None) -> DataIdentity:
    """The identity of a dataset plugin's data (a ``DatasetSpec``); an opened split may know more."""
    names = tuple(class_names) if class_names else tuple(getattr(spec, "class_names", ()) or ())
    shape = sample_shape or getattr(spec, "input_shape", None)
    return DataIdentity(dataset_id=spec.id, name=spec.name, class_names=names,
                        sample_shape=tuple(int(v) for v in shape) if shape else None)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Fit:
    """The answer: ``fits``, and when not, ``reason`` (a sentence for the person)."""

    fits: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.fits


def _sample(names: Sequence[str], count: int = 3) -> str:
    shown = ", ".join(class_name_text(name) for name in names[:count])
    return f"{shown}, …" if len(names) > count else shown


def check_fit(model: ModelIdentity, data: DataIdentity, model_dataset_name: str = "") -> Fit:
    """Whether ``model``'s predictions mean something on ``data``.

    It fits when it predicts the same classes (by name, or by count where either side
    has no names) and takes images with the data's channel count. The dataset ids may
    differ: a model trained on a copy of MNIST in an image folder fits MNIST.
    ``model_dataset_name`` is the display name of the model's dataset, for the sentence.
    """
    trained_on = component_text(model_dataset_name) or model.dataset_id or translate("compatibility", "other data")
    what = translate("compatibility", "The model was trained on {dataset}").format(dataset=trained_on)
    if model.dataset_id and model.dataset_id == data.dataset_id:
        return Fit(True)
    name = component_text(data.name)
    model_names, data_names = tuple(model.class_names), tuple(data.class_names)
    if model_names and data_names and len(model_names) != len(data_names):
        return Fit(False, translate("compatibility", "{what} and predicts {model_count} classes; {data} has "
                                                     "{data_count}.").format(
                                        what=what, model_count=len(model_names), data=name,
                                        data_count=len(data_names)))
    if model_names and data_names and model_names != data_names and not _numbered(model_names):
        return Fit(False, translate("compatibility", "{what} ({model_classes}); {data}'s classes are different "
                                                     "({data_classes}), so its answers would be names of the wrong "
                                                     "things.").format(
                                        what=what, model_classes=_sample(list(model_names)), data=name,
                                        data_classes=_sample(list(data_names))))
    if data.sample_shape is not None and model.input_shape and data.sample_shape[0] != model.input_shape[0]:
        return Fit(False, translate("compatibility", "{what} on {model_channels}-channel images; {data} has "
                                                     "{data_channels}-channel images.").format(
                                        what=what, model_channels=model.input_shape[0], data=name,
                                        data_channels=data.sample_shape[0]))
    return Fit(True)


def _numbered(names: Sequence[str]) -> bool:
    """Names that are only the class numbers ('0', '1', …): a model whose real names are unknown."""
    return all(name == str(index) for index, name in enumerate(names))
