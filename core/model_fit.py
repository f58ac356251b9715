"""Does a model take a dataset's images? One forward pass on a blank batch says so before a run starts.

Built-in and plugin models size themselves from the dataset's shape (their factory gets
``input_shape``); a model typed in the playground was written for one shape and may not
fit another. :func:`forward_problem` builds the model the way a run would and runs one
batch through it, so the pickers can refuse the pair with the error instead of a run
failing after the data has loaded.
"""

from __future__ import annotations

from typing import Any, Sequence

from torchdesk.core.i18n import translate


def forward_problem(spec: Any, input_shape: Sequence[int], num_classes: int) -> str:
    """Why the model of ``spec`` cannot classify ``input_shape`` images into ``num_classes`` classes, or ''."""
    import torch

    shape = tuple(int(s) for s in input_shape)
    try:
        model = spec.factory(input_shape=shape, num_classes=num_classes, **spec.defaults())
        model.eval()
        with torch.no_grad():
            output = model(torch.zeros((2, *shape)))
    except Exception as exc:  # noqa: BLE001 - the person's forward may fail in any way
        return translate("model_fit", "its forward fails on {shape} images: {error}").format(
            shape="×".join(map(str, shape)), error=f"{type(exc).__name__}: {str(exc)[:300]}")
    if not isinstance(output, torch.Tensor) or output.dim() != 2 or output.shape[0] != 2:
        return translate("model_fit", "its forward returns {what}, not one row of class scores per image").format(
            what=translate("model_fit", "a tensor of shape {shape}").format(shape=tuple(output.shape))
            if isinstance(output, torch.Tensor) else type(output).__name__)
    if output.shape[1] != num_classes:
        return translate("model_fit", "it gives {outputs} scores per image, and the dataset has {classes} "
                                      "classes").format(outputs=output.shape[1], classes=num_classes)
    return ""
