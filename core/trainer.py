"""The walkthrough's optimisation loop (train loop + test loop per epoch), observable and controllable.

The :class:`Trainer` never touches Qt. It reports :mod:`torchdesk.core.events` to
listeners, can be paused, resumed and cancelled between batches from any thread, and
stops with a clear message when the loss stops being a finite number.
"""

from __future__ import annotations

import math
import threading
import time
import traceback
from typing import Any, Callable, Iterable

import torch
from torch import nn

from torchdesk.core.events import BatchEnd, EpochEnd, Event, Failed, Finished, Listener, StateChanged, TestBatchEnd
from torchdesk.core.i18n import translate
from torchdesk.core.plugin_errors import blame
from torchdesk.core.plugin_guard import PluginError, describe_abort
from torchdesk.core.precision import MixedPrecision


class TrainingDiverged(RuntimeError):
    """The loss became NaN or infinite; training cannot continue meaningfully."""


class TrainingCancelled(Exception):
    """Raised inside the loop when :meth:`Trainer.cancel` was called."""


def new_history() -> dict[str, Any]:
    """An empty run history: per-epoch metrics and the per-batch training loss."""
    return {"epochs": [], "batch_loss": []}


class Trainer:
    """Runs epochs of training and testing on one device and tells listeners what happens."""

    def __init__(
        self,
        model: nn.Module,
        optimizer: torch.optim.Optimizer,
        loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor],
        train_batches: Iterable[tuple[torch.Tensor, torch.Tensor]],
        test_batches: Iterable[tuple[torch.Tensor, torch.Tensor]],
        epochs: int,
        class_names: list[str],
        start_epoch: int = 0,
        history: dict[str, Any] | None = None,
        listeners: Iterable[Listener] = (),
        reduce_sum: Callable[[torch.Tensor], torch.Tensor] | None = None,
        lr_schedule: str | Callable[[float], float] = "constant",
        metrics: Any = None,
        precision: Any = None,
    ) -> None:
        self.model = model
        self.optimizer = optimizer
        self.loss_fn = loss_fn
        self.train_batches = train_batches
        self.test_batches = test_batches
        self.epochs = int(epochs)
        self.class_names = list(class_names)
        self.epoch = int(start_epoch)  # epochs completed so far
        self.start_epoch = int(start_epoch)  # epochs completed before this run (a resumed checkpoint's)
        self.history = history if history is not None else new_history()
        self._listeners: list[Listener] = list(listeners)
        # Sums a tensor over the processes of a distributed run; None in a single process.
        self.reduce_sum = reduce_sum
        # A built-in schedule's name, or a scheduler plugin's factor(epochs done) (torchdesk.core.schedulers).
        self.lr_schedule = lr_schedule if callable(lr_schedule) else check_lr_schedule(lr_schedule)
        self.metrics = metrics  # a torchdesk.core.metrics.MetricSet fed by each test pass, or None
        # Autocast and the backward-and-step that goes with it (torchdesk.core.precision); fp32 when not given.
        self.precision = precision if precision is not None else MixedPrecision("fp32", torch.device("cpu"))
        self.stop_reason = ""  # set by request_stop (a callback): the run ends after the current epoch
        self._base_lrs = [float(group["lr"]) for group in optimizer.param_groups]
        self._resume = threading.Event()
        self._resume.set()
        self._cancel = threading.Event()
        self._step = len(self.history.get("batch_loss", []))

    # -- control (any thread) ---------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(event)`` for every event from now on (on the training thread)."""
        self._listeners.append(listener)

    def pause(self) -> None:
        """Hold the run before the next batch."""
        if self._resume.is_set():
            self._resume.clear()
            self._emit(StateChanged(paused=True))

    def resume(self) -> None:
        """Continue a paused run."""
        if not self._resume.is_set():
            self._resume.set()
            self._emit(StateChanged(paused=False))

    def cancel(self) -> None:
        """Stop the run before the next batch; the model keeps the weights it has."""
        self._cancel.set()
        self._resume.set()

    def request_stop(self, reason: str) -> None:
        """End the run normally after the current epoch (a callback such as early stopping asks)."""
        self.stop_reason = self.stop_reason or reason

    @property
    def paused(self) -> bool:
        """Whether the run is held."""
        return not self._resume.is_set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancel.is_set()

    # -- the loop -----------------------------------------------------------------------
    def run(self) -> Finished | Failed:
        """Train until ``epochs`` epochs are done, cancelled or failed; returns the final event."""
        final: Finished | Failed
        try:
            while self.epoch < self.epochs and not self.stop_reason:
                self._run_epoch(self.epoch + 1)
                self.epoch += 1
            final = Finished(cancelled=False, epochs_done=self.epoch, history=self.history,
                             stopped_by=self.stop_reason)
        except TrainingCancelled:
            final = Finished(cancelled=True, epochs_done=self.epoch, history=self.history)
        except Exception as exc:  # reported to listeners, never lost
            final = Failed(message=failure_message(exc) + blame(exc, self.model, self.optimizer, self.loss_fn),
                           detail="".join(traceback.format_exception(exc)), error_type=type(exc).__name__)
        except BaseException as exc:
            if isinstance(exc, GeneratorExit) or (isinstance(exc, KeyboardInterrupt)
                                                  and threading.current_thread() is threading.main_thread()):
                raise  # Python closing a generator, or the person's Ctrl+C on the CLI
            # A plugin's optimizer step, loss, transform or dataset called sys.exit() or raised its own BaseException.
            final = Failed(message=translate("trainer", "Training stopped: {reason}").format(reason=describe_abort(exc))
                           + blame(exc, self.model, self.optimizer, self.loss_fn),
                           detail="".join(traceback.format_exception(exc)), error_type=type(exc).__name__)
        self._emit(final)
        return final

    def _checkpoint(self) -> None:
        if not self._resume.is_set():
            self._resume.wait()
        if self._cancel.is_set():
            raise TrainingCancelled()

    def _run_epoch(self, epoch: int) -> None:
        started = time.perf_counter()
        train_loss = self.train_loop(epoch)
        test_loss, accuracy, per_class, confusion = self.test_loop()
        metrics = self._metric_values()
        record = {"epoch": epoch, "train_loss": train_loss, "test_loss": test_loss, "test_accuracy": accuracy,
                  "seconds": time.perf_counter() - started, **metrics}
        self.history["epochs"].append(record)
        self.history["confusion"] = confusion  # the last epoch's only: a resumed run shows it again
        self._emit(EpochEnd(epoch=epoch, epochs=self.epochs, train_loss=train_loss, test_loss=test_loss,
                            test_accuracy=accuracy, per_class_accuracy=per_class, confusion=confusion,
                            class_names=self.class_names, seconds=record["seconds"], metrics=metrics))

    def train_loop(self, epoch: int) -> float:
        """One pass over the training batches (the walkthrough's ``train_loop``); mean loss."""
        self.model.train()
        batches = len(self.train_batches)  # type: ignore[arg-type]
        per_epoch = getattr(self.train_batches, "num_samples", 0)
        total = per_epoch * (self.epochs - self.epoch)
        started = time.perf_counter()
        seen = 0
        loss_sum = 0.0
        batch_losses = self.history["batch_loss"]
        for index, (x, y) in enumerate(self.train_batches, start=1):
            self._checkpoint()
            self._apply_lr_schedule((epoch - 1 + (index - 1) / max(batches, 1)) / max(self.epochs, 1))
            with self.precision.autocast():
                pred = self.model(x)
                loss = self.loss_fn(pred, y)
            self.optimizer.zero_grad(set_to_none=True)
            self.precision.backward_and_step(loss, self.optimizer, TrainingDiverged)
            if self.reduce_sum is None:
                value = loss.item()
            else:
                both = self.reduce_sum(torch.stack([loss.detach().float(), torch.ones((), device=loss.device)]))
                value = float(both[0] / both[1])
            if not math.isfinite(value):
                raise TrainingDiverged(translate(
                    "trainer", "The loss became {value} at epoch {epoch}, batch {batch}. Training stopped. Lower the "
                               "learning rate, check the data's normalisation, or pick another loss.").format(
                    value=value, epoch=epoch, batch=index))
            self._step += 1
            seen += int(x.shape[0])
            loss_sum += value * int(x.shape[0])
            batch_losses.append(value)
            elapsed = time.perf_counter() - started
            rate = seen / elapsed if elapsed > 0 else 0.0
            left = max(total - seen, 0)
            self._emit(BatchEnd(epoch=epoch, step=self._step, batch=index, batches_per_epoch=batches, loss=value,
                                samples_per_s=rate, samples_done=seen, samples_total=total,
                                seconds_left=left / rate if rate > 0 else float("nan")))
        return loss_sum / max(seen, 1)

    def test_loop(self) -> tuple[float, float, list[float], list[list[int]]]:
        """The walkthrough's ``test_loop``: mean loss, accuracy, per-class accuracy, confusion matrix."""
        epoch = self.epoch + 1

        def report(batch: int, predicted: torch.Tensor, true: torch.Tensor) -> None:
            self._emit(TestBatchEnd(epoch=epoch, batch=batch, predicted=predicted, true=true))

        if self.metrics:
            self.metrics.reset()
        with self.precision.autocast():
            return evaluate_batches(self.model, self.test_batches, self.loss_fn, len(self.class_names),
                                    between_batches=self._checkpoint, reduce_sum=self.reduce_sum,
                                    on_batch=report if self._listeners else None,
                                    on_outputs=self.metrics.update if self.metrics else None)

    def _metric_values(self) -> dict[str, float]:
        """The metrics of the test pass just run, by record key (``metric:<id>``); {} without metrics."""
        return self.metrics.compute() if self.metrics else {}

    def _apply_lr_schedule(self, progress: float) -> None:
        if callable(self.lr_schedule):  # a scheduler plugin's factor of the epochs done so far
            factor = self.lr_schedule(progress * max(self.epochs, 1))
            for group, base in zip(self.optimizer.param_groups, self._base_lrs):
                group["lr"] = base * factor
            return
        if self.lr_schedule == "constant":
            return
        factor = 0.5 * (1.0 + math.cos(math.pi * min(max(progress, 0.0), 1.0)))
        for group, base in zip(self.optimizer.param_groups, self._base_lrs):
            group["lr"] = base * factor

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)


@torch.no_grad()
def evaluate_batches(model: nn.Module, batches: Iterable[tuple[torch.Tensor, torch.Tensor]],
                     loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] | None, num_classes: int,
                     between_batches: Callable[[], None] | None = None,
                     reduce_sum: Callable[[torch.Tensor], torch.Tensor] | None = None,
                     on_batch: Callable[[int, torch.Tensor, torch.Tensor], None] | None = None,
                     on_outputs: Callable[[torch.Tensor, torch.Tensor], None] | None = None,
                     ) -> tuple[float, float, list[float], list[list[int]]]:
    """Mean loss, accuracy, per-class accuracy and confusion matrix (``[true][predicted]``) of ``model``.

    ``on_batch(batch, predicted, true)`` hears each batch's predicted and true classes (CPU tensors);
    ``on_outputs(logits, labels)`` each batch's logits and class indices (for metrics).
    """
    was_training = model.training
    model.eval()
    n_classes = max(int(num_classes), 1)
    confusion: torch.Tensor | None = None
    loss_sum, count = 0.0, 0
    try:
        for index, (x, y) in enumerate(batches, start=1):
            if between_batches is not None:
                between_batches()
            pred = model(x)
            if loss_fn is not None:
                loss_sum += loss_fn(pred, y).item() * int(x.shape[0])
            labels = (y.argmax(1) if y.dim() > 1 else y).long()
            n_classes = max(n_classes, int(pred.shape[1]))
            predicted = pred.argmax(1)
            if on_batch is not None:
                on_batch(index, predicted.cpu(), labels.cpu())
            if on_outputs is not None:
                on_outputs(pred.detach(), labels)
            flat = (labels * n_classes + predicted).cpu()
            counts = torch.bincount(flat, minlength=n_classes * n_classes)[: n_classes * n_classes]
            counts = counts.view(n_classes, n_classes)
            confusion = counts if confusion is None or confusion.shape != counts.shape else confusion + counts
            count += int(x.shape[0])
    finally:
        model.train(was_training)
    if reduce_sum is not None:  # every rank saw part of the test split: add the parts up
        if confusion is None:
            confusion = torch.zeros(n_classes, n_classes, dtype=torch.long)
        device = next((p.device for p in model.parameters()), torch.device("cpu"))
        confusion = reduce_sum(confusion.to(device)).cpu()
        totals = reduce_sum(torch.tensor([loss_sum, float(count)], dtype=torch.float64, device=device)).cpu()
        loss_sum, count = float(totals[0]), int(totals[1])
    if confusion is None or count == 0:
        return float("nan"), float("nan"), [], []
    correct = confusion.diag()
    per_class = (correct.float() / confusion.sum(1).clamp(min=1).float()).tolist()
    mean_loss = loss_sum / count if loss_fn is not None else float("nan")
    return mean_loss, float(correct.sum()) / count, per_class, confusion.tolist()


LR_SCHEDULES = ("constant", "cosine")


def check_lr_schedule(name: str) -> str:
    """``name`` if it is a known learning-rate schedule, else a clear error."""
    if name not in LR_SCHEDULES:
        raise ValueError(translate("trainer", "unknown learning-rate schedule {name}; choose one of {names}").format(
            name=repr(name), names=", ".join(LR_SCHEDULES)))
    return name


def failure_message(exc: BaseException) -> str:
    """A sentence a person can act on, for an exception raised during training."""
    if isinstance(exc, TrainingDiverged):
        return str(exc)
    if isinstance(exc, torch.cuda.OutOfMemoryError if hasattr(torch.cuda, "OutOfMemoryError") else MemoryError):
        return translate("trainer", "The device ran out of memory. Use a smaller batch size or model.")
    if isinstance(exc, MemoryError):
        return translate("trainer", "The computer ran out of memory. Use a smaller batch size, model or dataset.")
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, PluginError):  # its message already names the plugin and says what it did
        return translate("trainer", "Training stopped: {reason}").format(reason=text)
    return translate("trainer", "Training stopped: {reason}").format(reason=f"{type(exc).__name__}: {text}")
