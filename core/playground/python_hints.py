"""What to do next, for the errors a learner typing the walkthrough verbatim meets in full Python.

The walkthrough's text defines names its code never does (``training_data`` and
``test_data`` before the DataLoader block, ``learning_rate`` before the optimizer block),
and two of its blocks cannot run as written on a modern offline machine
(``models.vgg16(pretrained=True)`` downloads weights; ``torch.load('model.pth')`` of a whole
model is refused by ``weights_only``, the default since torch 2.6). :func:`hint_for` turns
those errors into a sentence that says why and shows the line that works.
"""

from __future__ import annotations

import re

from torchdesk.core.i18n import QT_TRANSLATE_NOOP, translate

NAMES_FROM_THE_TEXT = {
    "training_data": QT_TRANSLATE_NOOP(
        "python_hints",
        "The walkthrough makes training_data in its text, not in a code block. Run the Examples entry "
        "'Datasets and DataLoader' first, or: training_data = datasets.FashionMNIST(root=\"data\", train=True, "
        "download=True, transform=ToTensor())"),
    "test_data": QT_TRANSLATE_NOOP(
        "python_hints",
        "The walkthrough makes test_data in its text, not in a code block. Run the Examples entry "
        "'Datasets and DataLoader' first, or: test_data = datasets.FashionMNIST(root=\"data\", train=False, "
        "download=True, transform=ToTensor())"),
    "train_dataloader": QT_TRANSLATE_NOOP(
        "python_hints",
        "train_dataloader comes from the DataLoader block, which needs training_data first (see the Examples "
        "entry 'Datasets and DataLoader')."),
    "learning_rate": QT_TRANSLATE_NOOP(
        "python_hints",
        "The walkthrough sets learning_rate in its text (learning_rate = 1e-3, with batch_size = 64 and epochs = 5); "
        "run that line first, or the Examples entry 'The optimisation loop'."),
}
"""Names the walkthrough's text defines -> what to do (English; translated when the hint is given)."""

_NAME_ERROR = re.compile(r"name '(\w+)' is not defined")


def hint_for(exc: BaseException) -> str:
    """A sentence for an error the walkthrough's verbatim code meets, or ''."""
    text = str(exc)
    if isinstance(exc, NameError):
        match = _NAME_ERROR.search(text)
        if match and match.group(1) in NAMES_FROM_THE_TEXT:
            return translate("python_hints", NAMES_FROM_THE_TEXT[match.group(1)])
    lowered = text.lower()
    if "weights only load failed" in lowered or "weights_only" in lowered:
        return translate("python_hints",
                         "torch.load reads only weights by default since torch 2.6, and this file holds a whole pickled "
                         "model, which can run code when loaded. If you made the file yourself or trust where it came "
                         "from: model = torch.load('model.pth', weights_only=False). Better: save model.state_dict() "
                         "and load it into a new model with load_state_dict.")
    if "error downloading" in lowered or "dataset not found" in lowered:
        return translate("python_hints",
                         "The data set is not in the data folder and could not be downloaded. root=\"data\" here is "
                         "the app's data folder: download the data set from the Data panel, or copy its files under "
                         "data/<Name>/raw, then run the block again.")
    if _is_download_failure(exc, lowered):
        return translate("python_hints",
                         "This line downloads pretrained weights from the internet, which is not reachable here; and "
                         "pretrained=True is deprecated. With the network: "
                         "models.vgg16(weights=models.VGG16_Weights.DEFAULT). Without it: models.vgg16(weights=None) "
                         "builds the same model untrained.")
    return ""


def _is_download_failure(exc: BaseException, lowered: str) -> bool:
    names = {type(e).__name__ for e in _chain(exc)}
    network = {"URLError", "HTTPError", "ConnectionError", "gaierror", "TimeoutError", "RemoteDisconnected"}
    return bool(names & network) or "urlopen error" in lowered or "name or service not known" in lowered


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and len(seen) < 20:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen
