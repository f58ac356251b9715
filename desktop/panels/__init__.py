"""The panels of the main window, in tab order.

Adding a panel is one module in this package plus one line here:
``(panel id, "module:ClassName")``. Modules are imported when the window builds.
"""

PANELS: list[tuple[str, str]] = [
    ("playground", "playground:PlaygroundPanel"),
    ("data", "data:DataPanel"),
    ("model", "model_view:ModelPanel"),
    ("train", "train:TrainPanel"),
    ("checkpoints", "checkpoints:CheckpointsPanel"),
    ("classify", "classify:ClassifyPanel"),
]
