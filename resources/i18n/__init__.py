"""torchdesk's translation catalogs: Qt ``.ts`` files, one per area of the code and language.

:data:`AREAS` says which source files each catalog covers; ``python -m
torchdesk.resources.i18n.update`` runs ``pyside6-lupdate`` over them. The catalogs
are read at run time by :mod:`torchdesk.core.i18n`.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
TRANSLATED_LANGUAGES = ("ko",)

AREAS: dict[str, tuple[str, ...]] = {
    "engine": (
        "core/checkpoint.py", "core/checkpoint_components.py", "core/checkpoint_fields.py",
        "core/checkpoint_index.py", "core/model_files.py", "core/model_file_readers.py",
        "core/safe_write.py", "core/safetensors_io.py", "core/safe_pickle.py", "core/untrusted.py",
        "core/export.py", "core/idx_format.py", "core/image_limits.py", "core/folder_walk.py",
        "core/data.py", "core/sample_source.py", "core/subsets.py", "core/download.py",
        "core/dataset_stats.py", "core/preprocess.py", "core/describe.py", "core/inspect/*.py",
        "core/compatibility.py", "core/bundled.py", "core/userdirs.py", "core/evaluate.py",
        "core/predictor.py", "core/model_fit.py",
    ),
    "runs": (
        "core/cli.py", "core/cli_types.py", "core/text_progress.py", "core/registry.py", "core/specs.py",
        "core/plugin_errors.py", "core/plugin_guard.py", "core/plugin_install.py", "core/hookspecs.py",
        "core/trainer.py", "core/run_config.py", "core/run_defaults.py", "core/run_file.py",
        "core/precision.py", "core/thread_tuner.py", "core/threads.py", "core/devices.py",
        "core/distributed.py", "core/session.py", "core/callbacks.py", "core/metrics.py",
        "core/schedulers.py", "core/autosave.py", "core/events.py", "core/errors.py", "core/api.py",
        "core/progress.py", "core/formatting.py", "core/omp_env.py", "core/i18n.py", "core/logfile.py",
        "desktop/launch.py",
    ),
    "playground": (
        "core/playground/*.py", "desktop/panels/playground.py", "desktop/playground_worker.py",
        "desktop/widgets/tensor_viewer.py", "desktop/widgets/variables_table.py",
        "desktop/widgets/autograd_graph_view.py", "desktop/widgets/code_editor.py",
    ),
    "plugins": (
        "plugins/*.py", "desktop/plugins_dialog.py", "desktop/plugin_list.py", "desktop/pip_runner.py",
    ),
    "shell": (
        "desktop/app.py", "desktop/main_window.py", "desktop/state.py", "desktop/tasks.py",
        "desktop/error_bar.py", "desktop/problem_report.py", "desktop/checkpoint_dialogs.py",
        "desktop/theme.py", "desktop/screenshot.py", "desktop/i18n.py", "desktop/training_worker.py",
        "desktop/panels/base.py", "desktop/panels/checkpoints/*.py", "desktop/panels/model_view/*.py",
        "desktop/widgets/layer_inspector.py", "desktop/widgets/model_graph_view.py",
        "desktop/widgets/checkpoint_table.py", "desktop/widgets/component_picker.py",
        "desktop/widgets/param_form.py", "desktop/widgets/message_bar.py", "desktop/widgets/norms_view.py",
    ),
    "workbench": (
        "desktop/panels/train/*.py", "desktop/panels/data/*.py", "desktop/panels/classify/*.py",
        "desktop/dataview/*.py", "desktop/widgets/training_plots.py", "desktop/widgets/confusion_matrix.py",
        "desktop/widgets/draw_canvas.py", "desktop/widgets/probability_bars.py", "desktop/widgets/series.py",
        "desktop/widgets/steady_label.py", "desktop/widgets/themed_plot.py",
    ),
}
"""Catalog area → the source files (globs relative to the repository) whose strings it holds."""


def area_sources(area: str, root: Path = REPOSITORY) -> list[Path]:
    """The source files of one area, sorted, without ``__init__`` files that hold no text."""
    found: set[Path] = set()
    for pattern in AREAS[area]:
        found.update(path for path in root.glob(pattern) if path.is_file())
    return sorted(found)


def catalog_path(area: str, language: str, directory: Path = HERE) -> Path:
    """Where the catalog of one area and language lives."""
    return directory / f"{area}_{language}.ts"
