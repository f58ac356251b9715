"""The generated parameter form: one widget per schema entry, values round-trip into the spec."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSpinBox

from torchdesk.core.specs import ModelSpec, Param
from torchdesk.desktop.widgets.param_form import ParamForm, ScientificSpinBox, _step_leading_digit

SPEC = ModelSpec(
    id="demo",
    name="Demo",
    description="A model with one parameter of each type.",
    factory=lambda **kw: None,
    params=(
        Param("hidden", "int", 512, "Width of the hidden layers", minimum=8, maximum=4096),
        Param("dropout", "float", 0.25, "Dropout probability", minimum=0.0, maximum=0.9),
        Param("weight_decay", "float", 1e-4, "L2 penalty", minimum=0.0),
        Param("batch_norm", "bool", True, "Use batch normalisation"),
        Param("activation", "choice", "relu", "Non-linearity", choices=("relu", "gelu", "tanh")),
        Param("name", "str", "net", "A label"),
        Param("data_root", "path", "", "Folder holding the images"),
    ),
)


def test_form_builds_one_widget_per_param_with_bounds_and_tooltips(qtbot):
    form = ParamForm.for_spec(SPEC)
    qtbot.addWidget(form)
    hidden = form.widget("hidden")
    assert isinstance(hidden, QSpinBox) and (hidden.minimum(), hidden.maximum()) == (8, 4096)
    assert isinstance(form.widget("dropout"), QDoubleSpinBox)
    assert isinstance(form.widget("batch_norm"), QCheckBox)
    combo = form.widget("activation")
    assert isinstance(combo, QComboBox) and [combo.itemText(i) for i in range(combo.count())] == ["relu", "gelu", "tanh"]
    for param in SPEC.params:
        assert param.help in form.widget(param.name).toolTip()
    assert form.values() == SPEC.defaults()


def test_values_round_trip_into_the_spec(qtbot):
    form = ParamForm.for_spec(SPEC)
    qtbot.addWidget(form)
    wanted = {"hidden": 256, "dropout": 0.5, "weight_decay": 3e-5, "batch_norm": False,
              "activation": "gelu", "name": "mine", "data_root": "/tmp/images"}
    assert form.set_values(wanted) == []
    assert form.values() == wanted
    assert SPEC.resolve_params(form.values()) == wanted


def test_user_edits_show_up_in_values(qtbot):
    form = ParamForm.for_spec(SPEC)
    qtbot.addWidget(form)
    form.show()
    hidden = form.widget("hidden")
    hidden.lineEdit().selectAll()
    qtbot.keyClicks(hidden.lineEdit(), "1024")
    qtbot.keyClick(hidden.lineEdit(), Qt.Key.Key_Return)
    check = form.widget("batch_norm")
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(6, check.height() // 2))
    with qtbot.waitSignal(form.changed):
        form.widget("activation").setCurrentIndex(2)
    values = form.values()
    assert values["hidden"] == 1024 and values["batch_norm"] is False and values["activation"] == "tanh"


def test_bad_and_unknown_values_are_skipped_with_a_reason(qtbot):
    form = ParamForm.for_spec(SPEC)
    qtbot.addWidget(form)
    skipped = form.set_values({"hidden": 99999, "activation": "swish", "gone": 1, "dropout": "0.1"})
    assert len(skipped) == 3 and any("gone" in s for s in skipped)
    assert form.values()["hidden"] == 512 and form.values()["dropout"] == 0.1


def test_small_floats_keep_their_precision_and_step_by_leading_digit(qtbot):
    box = ScientificSpinBox()
    qtbot.addWidget(box)
    box.setRange(0, 10)
    box.setValue(3e-5)
    assert box.value() == 3e-5 and box.text() == "3e-05"
    box.stepBy(1)
    assert abs(box.value() - 4e-5) < 1e-12
    assert _step_leading_digit(0.001, up=False, fallback=0.1) == 0.0009
    assert _step_leading_digit(0.001, up=True, fallback=0.1) == 0.002


def test_empty_schema_shows_a_note(qtbot):
    form = ParamForm(())
    qtbot.addWidget(form)
    assert form.values() == {}
