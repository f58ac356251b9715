"""The Checkpoints panel's export box: what the format list says, and no stale verdict after a refused export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from desktop_helpers import click, make_window

from torchdesk.core.bundled import load_bundled
from torchdesk.core.export import unavailable_reason


def test_the_format_list_says_torchscript_is_deprecated(qtbot: Any) -> None:
    window = make_window(qtbot)
    combo = window.panels["checkpoints"].export_box.format_combo
    texts = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert "deprecated" in texts["torchscript"] and "deprecated" not in texts["pt2"]
    assert combo.currentData() == "pt2"  # the default is the maintained format


def test_forcing_onnx_without_its_extra_clears_the_last_verified_export(qtbot: Any, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(qtbot)
    window.state.set_predictor(load_bundled("mnist"))
    window.show_panel("checkpoints")
    panel = window.panels["checkpoints"]
    box = panel.export_box
    box.format_combo.setCurrentIndex(box.format_combo.findData("safetensors"))
    panel.ask_export_path = lambda suggestion: str(tmp_path / "weights.safetensors")
    click(qtbot, box.export_button)
    qtbot.waitUntil(lambda: not panel.exporting() and panel.last_export is not None, timeout=60_000)
    assert box.progress.format().startswith("Verified")

    missing = "ONNX export needs onnx, which is not installed. Install them with: pip install 'torchdesk[onnx]'"
    monkeypatch.setattr("torchdesk.desktop.panels.checkpoints.panel.unavailable_reason",
                        lambda format_id: missing if format_id == "onnx" else unavailable_reason(format_id))
    box.format_combo.setCurrentIndex(box.format_combo.findData("onnx"))  # forced, as if the item were enabled
    click(qtbot, box.export_button)
    assert "Verified" not in box.progress.format() and box.progress.value() == 0
    assert "pip install" in box.label.text()
