"""The ``torchdesk`` command: the desktop app with no arguments, plus ``train``, ``evaluate`` and ``plugins``.

Every failure a person can cause (a missing dataset, an unknown model, a bad
parameter, an unreadable checkpoint) ends with a readable message and a non-zero
exit, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from torchdesk.core.cli_types import positive_number, whole_number, window_size
from torchdesk.core.i18n import (ENGLISH, LANGUAGES, QT_TRANSLATE_NOOP, class_name_text, component_text,
                                 current_language, set_language, translate)
from torchdesk.core.run_config import MAX_COUNT, PRECISIONS
from torchdesk.core.version import __version__

EXIT_USAGE = 2
EXIT_FAILED = 1


class CliError(Exception):
    """A problem to report to the person and exit with a non-zero status."""


ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
)
"""argparse's own words (headings, its error sentences), translated while it runs (:func:`_argparse_in_language`)."""


@contextmanager
def _argparse_in_language() -> Iterator[None]:
    """Let argparse's own texts (``usage:``, ``options``, its errors) speak the current language.

    argparse looks its texts up through its module's ``_`` (gettext) each time it
    uses one; for the duration of the block that lookup goes to torchdesk's
    catalog instead. English leaves argparse untouched.
    """
    if current_language() == ENGLISH:
        yield
        return
    original = getattr(argparse, "_")

    def lookup(text: str) -> str:
        return translate("argparse", text)

    setattr(argparse, "_", lookup)
    try:
        yield
    finally:
        setattr(argparse, "_", original)


def _key_values(items: Sequence[str] | None, flag: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in items or ():
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CliError(translate("cli", "{flag} expects NAME=VALUE, got {item}").format(flag=flag, item=repr(item)))
        values[key.strip()] = value.strip()
    return values


def _component_list(items: Sequence[str] | None) -> tuple[Any, ...]:
    """``ID`` or ``ID:name=value:name=value`` for each transform flag."""
    from torchdesk.core.run_config import ComponentChoice

    choices = []
    for item in items or ():
        spec_id, *pairs = item.split(":")
        choices.append(ComponentChoice(spec_id.strip(), _key_values(pairs, "--transform/--augment")))
    return tuple(choices)


def _add_train_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="RUN.toml",
                   help=translate("cli", "a run file (Export run… in the app); flags override it"))
    p.add_argument("--dataset", help=translate("cli", "dataset id (see `torchdesk plugins`), default fashion-mnist"))
    p.add_argument("--model", help=translate("cli", "model id, default cnn"))
    p.add_argument("--optimizer", help=translate("cli", "optimizer id, default adamw"))
    p.add_argument("--loss", help=translate("cli", "loss id, default cross-entropy"))
    p.add_argument("--epochs", type=whole_number(1, MAX_COUNT), help=translate("cli", "epochs to train (default 5)"))
    p.add_argument("--batch-size", type=whole_number(1, MAX_COUNT),
                   help=translate("cli", "samples per batch (default 64; with adamw, the model's own: 256 for mlp)"))
    p.add_argument("--lr", type=positive_number,
                   help=translate("cli", "learning rate (default 1e-3; with adamw, the model's own: 3e-3 for mlp)"))
    p.add_argument("--lr-schedule", metavar="ID",
                   help=translate("cli", "learning-rate scheduler id: cosine (default), constant, step, one-cycle "
                                         "or a plugin's"))
    p.add_argument("--lr-schedule-param", action="append", metavar="NAME=VALUE",
                   help=translate("cli", "set a scheduler parameter (repeatable), e.g. gamma=0.5"))
    p.add_argument("--callback", action="append", metavar="ID[:NAME=VALUE...]",
                   help=translate("cli", "a training callback, e.g. early-stopping:patience=2 (repeatable)"))
    p.add_argument("--metric", action="append", metavar="ID[:NAME=VALUE...]",
                   help=translate("cli", "a test metric computed each epoch, e.g. top5-accuracy or macro-f1 "
                                         "(repeatable)"))
    p.add_argument("--device", help=translate("cli", "auto, cpu, cuda, cuda:N or mps (default auto)"))
    p.add_argument("--precision", choices=PRECISIONS,
                   help=translate("cli", "auto: bf16 or fp16 mixed precision where the hardware has it, else fp32 "
                                         "(default for a new run; a run file or checkpoint keeps its own); fp32: "
                                         "full precision; bf16/fp16: refused where the hardware lacks them"))
    p.add_argument("--threads", type=whole_number(1, 4096),
                   help=translate("cli", "train on exactly N CPU threads (default: measured while training; "
                                         "OMP_NUM_THREADS also fixes it)"))
    p.add_argument("--seed", type=whole_number(0, 2 ** 63 - 1),
                   help=translate("cli", "random seed for a repeatable run (default 0)"))
    p.add_argument("--data-dir", help=translate("cli", "folder holding the datasets (torchvision's layout)"))
    p.add_argument("--download", action="store_true", default=None,
                   help=translate("cli", "download the dataset if missing"))
    p.add_argument("--out", help=translate("cli", "checkpoint file to write at the end (and after each epoch)"))
    p.add_argument("--resume", metavar="CHECKPOINT", help=translate("cli", "continue training from this checkpoint"))
    param_help = {
        "model": translate("cli", "set a model parameter (repeatable)"),
        "dataset": translate("cli", "set a dataset parameter (repeatable)"),
        "optimizer": translate("cli", "set an optimizer parameter (repeatable)"),
        "loss": translate("cli", "set a loss parameter (repeatable)"),
    }
    for kind in ("model", "dataset", "optimizer", "loss"):
        p.add_argument(f"--{kind}-param", action="append", metavar="NAME=VALUE", help=param_help[kind])
    p.add_argument("--transform", action="append", metavar="ID[:NAME=VALUE...]",
                   help=translate("cli", "image transforms after ToTensor, in order (default: the dataset's "
                                         "Normalize)"))
    p.add_argument("--augment", action="append", metavar="ID[:NAME=VALUE...]",
                   help=translate("cli", "augmentations for the training split, e.g. random-affine:degrees=10"))
    p.add_argument("--target-transform", action="append", metavar="ID[:NAME=VALUE...]",
                   help=translate("cli", "label transforms, e.g. one-hot"))
    p.add_argument("--train-subset", type=whole_number(0),
                   help=translate("cli", "train on the first N samples only (0: all)"))
    p.add_argument("--test-subset", type=whole_number(0),
                   help=translate("cli", "test on the first N samples only (0: all)"))
    p.add_argument("--no-optimizer-state", action="store_true",
                   help=translate("cli", "leave the optimizer state out of the checkpoint (smaller; cannot resume "
                                         "exactly)"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``torchdesk``, in the current language (see :func:`_set_language_from`)."""
    with _argparse_in_language():
        return _build_parser()


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="torchdesk", description=translate("cli", "A desktop workbench for PyTorch."))
    parser.add_argument("--version", action="version", version=f"torchdesk {__version__}",
                        help=translate("cli", "show program's version number and exit"))
    parser.add_argument("--lang", choices=sorted(LANGUAGES),
                        help=translate("cli", "the language of the window and the messages for this run (default: "
                                              "the system's)"))
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help=translate("cli", "render the window offscreen to a PNG and exit"))
    parser.add_argument("--panel", help=translate("cli", "with --screenshot: the panel to show (playground, data, "
                                                         "model, train, ...)"))
    parser.add_argument("--size", default="1280x800", type=window_size,
                        help=translate("cli", "with --screenshot: window size WxH (default 1280x800)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    train = sub.add_parser("train", help=translate("cli", "train a model headless"),
                           description=translate("cli", "Train a model without the window."))
    _add_train_arguments(train)

    ev = sub.add_parser("evaluate", help=translate("cli", "print a checkpoint's test accuracy"))
    ev.add_argument("checkpoint", nargs="?", help=translate("cli", "checkpoint file"))
    ev.add_argument("--bundled", choices=("mnist", "fashion-mnist"),
                    help=translate("cli", "evaluate a bundled model instead"))
    ev.add_argument("--data-dir", help=translate("cli", "folder holding the datasets"))
    ev.add_argument("--device", default="auto")
    ev.add_argument("--batch-size", type=whole_number(1, MAX_COUNT), default=1000,
                    help=translate("cli", "samples per batch (default 1000)"))

    pl = sub.add_parser("plugins", help=translate("cli", "list plugins, what they provide and their errors"))
    pl.add_argument("action", nargs="?", choices=("enable", "disable"),
                    help=translate("cli", "`plugins enable NAME` / `plugins disable NAME`: the same switch as the "
                                          "app's"))
    pl.add_argument("name", nargs="?", metavar="NAME", help=translate("cli", "the plugin to switch on or off"))
    pl.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    pl.add_argument("--traceback", action="store_true",
                    help=translate("cli", "show the traceback of each plugin problem"))
    pl.add_argument("--strict", action="store_true",
                    help=translate("cli", "exit with status 1 when any plugin has a problem"))
    pl.add_argument("--disable", metavar="NAME",
                    help=translate("cli", "switch the plugin NAME off (remembered, also in the app)"))
    pl.add_argument("--enable", metavar="NAME", help=translate("cli", "switch the plugin NAME back on"))

    ds = sub.add_parser("describe", help=translate("cli", "a component's description and parameters"),
                        description=translate("cli", "Print what a component does and its parameter schema."))
    ds.add_argument("id", help=translate("cli", "a component id, e.g. cnn, adamw, example.lion"))
    ds.add_argument("--kind", help=translate("cli", "only this kind (model, dataset, transform, optimizer, loss, "
                                                    "scheduler, ...)"))

    ins = sub.add_parser("inspect", help=translate("cli", "a model file's layers, shapes and parameters"),
                         description=translate("cli", "Print the layer table of a model file: TorchScript, "
                                                      "torch.export (.pt2), ONNX, a torchdesk checkpoint or a state "
                                                      "dict. Nothing in the file runs unless --trust."))
    ins.add_argument("file", help=translate("cli", "the model file"))
    ins.add_argument("--input-shape", metavar="C,H,W",
                     help=translate("cli", "one sample's shape, where the file does not say it"))
    ins.add_argument("--model", help=translate("cli", "for a plain state dict: the model id its weights belong to "
                                                      "(with --dataset)"))
    ins.add_argument("--dataset", help=translate("cli", "for a state dict or pickled model: the dataset id that sets "
                                                        "the image size"))
    ins.add_argument("--trust", action="store_true",
                     help=translate("cli", "allow code in the file to run (a pickled whole model; loading a .pt2 "
                                           "program)"))
    ins.add_argument("--json", action="store_true", help=translate("cli", "machine-readable output"))
    return parser


def _suggested_batch_and_lr(model_id: str, optimizer_id: str) -> tuple[int, float]:
    """A new run's batch size and learning rate for this model and optimizer (core/run_defaults.py)."""
    from torchdesk.core.registry import get_registry
    from torchdesk.core.run_defaults import GENERAL, suggested_batch_and_lr

    try:
        spec = get_registry().model(model_id)
    except Exception:  # an unknown model: building the run says so, with the ids there are
        return GENERAL
    return suggested_batch_and_lr(spec, optimizer_id)


def config_from_args(args: argparse.Namespace, base: Any = None) -> Any:
    """The :class:`RunConfig` from a run file (or ``base``, or the defaults) plus command-line overrides."""
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.run_file import read_run_file

    if args.config:
        config = read_run_file(args.config)
    else:
        config = base if base is not None else RunConfig()
    changes: dict[str, Any] = {}
    for kind in ("dataset", "model", "optimizer", "loss"):
        current: ComponentChoice = getattr(config, kind)
        new_id = getattr(args, kind)
        params = dict(current.params) if not new_id or new_id == current.id else {}
        params.update(_key_values(getattr(args, f"{kind}_param"), f"--{kind}-param"))
        changes[kind] = ComponentChoice(new_id or current.id, params)
    if args.config is None and base is None:
        from torchdesk.core.precision import NEW_RUN_PRECISION

        changes["precision"] = NEW_RUN_PRECISION  # a new run; a run file or checkpoint keeps its own
        if args.batch_size is None and args.lr is None:  # the model's measured starting values, as a pair
            changes["batch_size"], changes["lr"] = _suggested_batch_and_lr(changes["model"].id,
                                                                           changes["optimizer"].id)
    for name in ("epochs", "batch_size", "lr", "lr_schedule", "device", "precision", "seed", "data_dir", "download",
                 "out", "train_subset", "test_subset"):
        value = getattr(args, name)
        if value is not None:
            changes[name] = value
    if args.lr_schedule is not None and args.lr_schedule != config.lr_schedule:
        changes["lr_schedule_params"] = {}
    if args.lr_schedule_param:
        changes["lr_schedule_params"] = {**changes.get("lr_schedule_params", config.lr_schedule_params),
                                         **_key_values(args.lr_schedule_param, "--lr-schedule-param")}
    if args.callback is not None:
        changes["callbacks"] = _component_list(args.callback)
    if args.metric is not None:
        changes["metrics"] = _component_list(args.metric)
    if args.transform is not None:
        changes["transforms"] = _component_list(args.transform)
    if args.augment is not None:
        changes["augmentations"] = _component_list(args.augment)
    if args.target_transform is not None:
        changes["target_transforms"] = _component_list(args.target_transform)
    config = config.replace(**changes)
    if config.epochs < 1 or config.batch_size < 1 or config.lr <= 0:
        raise CliError(translate("cli", "--epochs and --batch-size must be at least 1 and --lr above 0"))
    return config


def cmd_train(args: argparse.Namespace) -> int:
    """``torchdesk train``: build the run, train with a progress bar, write the checkpoint.

    Under ``torchrun`` every process runs this; rank 0 alone prints and writes.
    """
    from torchdesk.core import distributed
    from torchdesk.core.checkpoint import load_checkpoint
    from torchdesk.core.session import build_run
    from torchdesk.core.text_progress import TrainingProgress

    if args.threads is not None:
        from torchdesk.core.threads import fix_training_threads

        fix_training_threads(args.threads)
    from torchdesk.core.registry import get_registry

    resume = load_checkpoint(args.resume) if args.resume else None
    if resume is not None and resume.kind != "torchdesk":
        raise CliError(translate("cli", "{path} is a plain state dict; --resume needs a torchdesk checkpoint")
                       .format(path=args.resume))
    if resume is not None:  # a missing or switched-off plugin is named before anything is built
        resume.check_plugins(get_registry())
    config = config_from_args(args, base=resume.config_for(get_registry()) if resume is not None else None)
    if config.out:  # a device, pipe or folder is refused now, not after the training it would have saved
        from torchdesk.core.safe_write import check_target

        check_target(config.out)
    is_main = distributed.from_environment().is_main
    progress = TrainingProgress()
    run = build_run(config, listeners=[progress] if is_main else [], resume=resume)
    context = run.dist
    try:
        return _train(run, config, args.no_optimizer_state)
    finally:
        # The DDP model holds the process group: free it first, so the group's threads are joined when it is
        # destroyed here, not torn down at interpreter exit (a rank then aborted, now and then, on a busy machine).
        del run
        gc.collect()
        distributed.shutdown(context)


def _train(run: Any, config: Any, no_optimizer_state: bool) -> int:
    from torchdesk.core.checkpoint import save_checkpoint
    from torchdesk.core.devices import describe_device
    from torchdesk.core.precision import describe_precision
    from torchdesk.core.events import EpochEnd, Failed

    is_main = run.dist.is_main
    world = translate("cli", " × {processes} processes ({backend})").format(
        processes=run.dist.world_size, backend=run.dist.backend) if run.dist.enabled else ""
    if is_main:
        loading = translate("cli", "resident tensor") if run.data.fast_path else "DataLoader"
        print(translate("cli", "Training {model} on {dataset} ({samples:,} samples, {loading}) on {device}{world} "
                               "in {precision}").format(
            model=run.config.model.id, dataset=component_text(run.data.spec.name),
            samples=run.data.train_batches.num_samples, loading=loading, device=describe_device(run.device),
            world=world, precision=describe_precision(run.precision)), file=sys.stderr)
    if config.out and is_main:
        def autosave(event: Any) -> None:
            if isinstance(event, EpochEnd):
                save_checkpoint(config.out, run, include_optimizer=not no_optimizer_state)

        run.trainer.add_listener(autosave)
    result = run.trainer.run()
    if isinstance(result, Failed):
        raise CliError(result.message)
    if config.out and is_main:
        path = save_checkpoint(config.out, run, include_optimizer=not no_optimizer_state)
        print(translate("cli", "Saved {path}").format(path=path), file=sys.stderr)
    epochs = run.trainer.history["epochs"]
    if epochs and is_main:
        print(translate("cli", "test accuracy {accuracy:.2f}%").format(accuracy=100 * epochs[-1]["test_accuracy"]))
    return 0 if not result.cancelled else EXIT_FAILED


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``torchdesk evaluate``: test accuracy and per-class accuracy of a checkpoint or bundled model."""
    from torchdesk.core.evaluate import evaluate_checkpoint

    if args.bundled:
        from torchdesk.core.bundled import bundled_path

        path = bundled_path(args.bundled)
    elif args.checkpoint:
        path = Path(args.checkpoint)
    else:
        raise CliError(translate("cli", "name a checkpoint file, or --bundled mnist / --bundled fashion-mnist"))
    result = evaluate_checkpoint(path, data_dir=args.data_dir, device=args.device, batch_size=args.batch_size)
    print(translate("cli", "{model} on {dataset} test split ({samples:,} samples)").format(
        model=component_text(result.model_name), dataset=component_text(result.dataset_name), samples=result.samples))
    print(translate("cli", "test accuracy {accuracy:.2f}%").format(accuracy=100 * result.accuracy))
    names = [class_name_text(name) for name in result.class_names]
    width = max((len(n) for n in names), default=5)
    for name, acc in zip(names, result.per_class):
        print(f"  {name:<{width}}  {100 * acc:6.2f}%")
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    """``torchdesk plugins``: every plugin, its distribution, version, import time, components and errors.

    ``plugins enable|disable NAME`` (or ``--enable``/``--disable NAME``) switches a plugin
    on or off instead (remembered, and shared with the app), without importing any plugin.
    ``--traceback`` shows each problem's traceback; ``--strict`` exits 1 when any
    plugin that is switched on has a problem.
    """
    from torchdesk.core.registry import get_registry

    if args.action or args.disable or args.enable:
        return _switch_plugins(args)
    plugins = get_registry().plugins()
    if args.json:
        print(json.dumps([{"name": p.name, "distribution": p.distribution, "version": p.version, "state": p.state,
                           "import_seconds": round(p.import_seconds, 3), "provides": p.provides,
                           "errors": [q.message for q in p.problems],
                           **({"tracebacks": [q.detail for q in p.problems]} if args.traceback else {})}
                          for p in plugins], indent=2))
    else:
        from torchdesk.core.specs import kind_plural

        for p in plugins:
            took = ("  " + translate("cli", "imported in {seconds:.2f} s").format(seconds=p.import_seconds)
                    if p.state != "disabled" else "")
            print(f"{p.name}  ({p.distribution} {p.version})  [{p.state_label}]{took}")
            for kind, ids in p.provides.items():
                print(f"    {kind_plural(kind)}: {', '.join(ids)}")
            for problem in p.problems:
                print("    " + translate("cli", "error: {message}").format(message=problem.message))
                if args.traceback and problem.detail:
                    print("      " + problem.detail.rstrip().replace("\n", "\n      "))
    troubled = [p for p in plugins if p.problems and not p.disabled]
    if troubled:
        hint = "" if args.traceback else translate("cli", "; `torchdesk plugins --traceback` shows the tracebacks")
        names = ", ".join(p.name for p in troubled)
        said = (translate("cli", "{count} plugin has problems: {names}{hint}") if len(troubled) == 1 else
                translate("cli", "{count} plugins have problems: {names}{hint}"))
        print("torchdesk: " + said.format(count=len(troubled), names=names, hint=hint), file=sys.stderr)
    return EXIT_FAILED if troubled and args.strict else 0


def _switch_plugins(args: argparse.Namespace) -> int:
    from torchdesk.core.registry import installed_plugin_names, set_plugin_enabled

    switches = [(args.disable, False), (args.enable, True)]
    if args.action:
        if not args.name:
            raise CliError(translate("cli", "`torchdesk plugins {action}` needs the plugin's name: "
                                            "torchdesk plugins {action} NAME").format(action=args.action))
        switches.append((args.name, args.action == "enable"))
    for name, enabled in switches:
        if not name:
            continue
        known = installed_plugin_names()
        if name not in known:
            raise CliError(translate("cli", "there is no plugin called {name}; installed: {installed}").format(
                name=repr(name[:100]), installed=", ".join(sorted(known)) or translate("cli", "none")))
        set_plugin_enabled(name, enabled)
        said = (translate("cli", "{name} is switched on; torchdesk and the app remember this.") if enabled else
                translate("cli", "{name} is switched off; torchdesk and the app remember this."))
        print(said.format(name=name))
    return 0


def cmd_describe(args: argparse.Namespace) -> int:
    """``torchdesk describe ID``: the component's description, plugin and parameter schema."""
    from torchdesk.core.describe import describe_component
    from torchdesk.core.registry import get_registry
    from torchdesk.core.specs import SPEC_KINDS

    registry = get_registry()
    specs = [s for s in registry.find(args.id) if not args.kind or s.kind == args.kind]
    if not specs and args.kind:
        registry.get(args.kind, args.id)  # raises the helpful 'No model called …' message
    if not specs:
        import difflib

        known = sorted({s.id for kind in SPEC_KINDS for s in registry.specs(kind)})
        close = difflib.get_close_matches(args.id, known, n=3)
        if close:
            raise CliError(translate("cli", "no component called {id}; did you mean {close}? `torchdesk plugins` lists "
                                            "every id.").format(id=repr(args.id[:100]), close=", ".join(close)))
        raise CliError(translate("cli", "no component called {id} `torchdesk plugins` lists every id.").format(
            id=repr(args.id[:100])))
    print("\n\n".join(describe_component(spec) for spec in specs))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    """``torchdesk inspect FILE``: the layer table, shapes and parameter counts of any model file."""
    from torchdesk.core.checkpoint import UntrustedFileError
    from torchdesk.core.model_files import format_table, open_model_file, parse_shape

    if bool(args.model) != bool(args.dataset) and args.model:
        raise CliError(translate("cli", "--model needs --dataset too: the dataset sets the image size the weights "
                                        "are loaded for"))
    try:
        opened = open_model_file(args.file, trust=args.trust, input_shape=parse_shape(args.input_shape),
                                 model_id=args.model or "", dataset_id=args.dataset or "")
    except UntrustedFileError as exc:
        raise UntrustedFileError(translate("cli", "{message} If you do trust it: torchdesk inspect FILE --trust "
                                                  "--dataset ID (the dataset sets its image size).").format(
            message=exc)) from None
    print(json.dumps(opened.to_dict(), indent=2) if args.json else format_table(opened))
    return 0


def needs_plugins(args: argparse.Namespace) -> bool:
    """Whether the command imports plugins (``--help``, ``--version`` and bad arguments never reach here)."""
    if args.command == "plugins":
        return not (args.disable or args.enable or args.action)
    return args.command in ("train", "evaluate", "describe", "inspect")


def load_plugins(args: argparse.Namespace) -> None:
    """Import the plugins now and say on stderr which were slow and, for work commands, which failed.

    ``torchdesk plugins`` lists the failures itself, so only the slow ones are added there.
    """
    from torchdesk.core.registry import get_registry, slow_import_warning

    registry = get_registry()
    if args.command != "plugins":
        for info in registry.plugins():
            if info.problems and info.state != "disabled":
                print("torchdesk: " + translate("cli", "{error} (`torchdesk plugins` lists every plugin and its "
                                                       "errors)").format(error=info.error), file=sys.stderr)
    for info in registry.slow_plugins():
        print(f"torchdesk: {slow_import_warning(info)}", file=sys.stderr)


WindowOpener = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None, open_window: WindowOpener | None = None) -> int:
    """Run ``torchdesk`` with ``argv``; with no command, ``open_window`` opens the app.

    The console script (:mod:`torchdesk.desktop.launch`) passes the window opener;
    core itself never imports Qt.
    """
    _set_language_from(argv if argv is not None else sys.argv[1:])
    parser = build_parser()
    with _argparse_in_language():  # --help, usage and argparse's errors
        args = parser.parse_args(argv)
    try:
        if needs_plugins(args):
            if args.command == "plugins" and args.json:
                with _in_english():  # the plugins' problems are worded as they load; --json keeps them English
                    from torchdesk.core.registry import get_registry

                    get_registry()
            load_plugins(args)
        if args.command == "train":
            return cmd_train(args)
        if args.command == "evaluate":
            return cmd_evaluate(args)
        if args.command == "plugins":
            return cmd_plugins(args)
        if args.command == "describe":
            return cmd_describe(args)
        if args.command == "inspect":
            return cmd_inspect(args)
        if open_window is None:
            raise CliError(translate("cli", "no command given; the desktop app opens with `torchdesk` "
                                            "(or `python -m torchdesk.desktop.launch`). See `torchdesk --help`."))
        return open_window(args)
    except CliError as exc:
        print(f"torchdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\ntorchdesk: " + translate("cli", "interrupted"), file=sys.stderr)
        return 130
    except Exception as exc:
        return _report(exc)


@contextmanager
def _in_english() -> Iterator[None]:
    """Speak English inside the block (machine-readable output), then the language in use before."""
    previous = current_language()
    if previous == ENGLISH:
        yield
        return
    set_language(ENGLISH)
    try:
        yield
    finally:
        set_language(previous)


def _set_language_from(argv: Sequence[str]) -> None:
    """Apply ``--lang`` before the parser is built, so its help is in that language too."""
    for index, arg in enumerate(argv):
        if arg == "--":
            return
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        if value in LANGUAGES:
            set_language(value)
            return


def _report(exc: Exception) -> int:
    import os
    import traceback

    from torchdesk.core.errors import readable_error
    from torchdesk.core.logfile import get_logger

    message = readable_error(exc)
    get_logger("cli").error("%s", message, exc_info=exc)  # the log keeps the traceback the terminal leaves out
    print(f"torchdesk: {message}", file=sys.stderr)
    if os.environ.get("TORCHDESK_DEBUG"):
        traceback.print_exception(exc)
    return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
