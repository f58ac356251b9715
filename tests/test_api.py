"""The script API documented in the README."""

from __future__ import annotations

from pathlib import Path

import torch

from torchdesk.core.api import build_model, load_model, train


def test_train_save_and_load_a_model_for_prediction(mnist_root: Path, tmp_path: Path) -> None:
    result = train(dataset="mnist", model="logreg", epochs=1, data_dir=str(mnist_root), device="cpu",
                   out=tmp_path / "run.pt")
    assert result.epochs_done == 1 and result.history["epochs"][0]["test_accuracy"] > 0.5
    predictor = load_model(tmp_path / "run.pt")
    top = predictor.predict(torch.zeros(28, 28), k=3)[0]
    assert len(top) == 3 and all(name in predictor.class_names for name, _ in top)
    assert abs(sum(p for _, p in predictor.predict(torch.zeros(28, 28), k=10)[0]) - 1) < 1e-5


def test_build_model_from_the_registry() -> None:
    model = build_model("mlp", input_shape=(3, 32, 32), num_classes=5, hidden=16)
    assert model(torch.rand(2, 3, 32, 32)).shape == (2, 5)


def test_a_live_predictor_never_switches_the_training_model_to_eval(mnist_root: Path) -> None:
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run

    run = build_run(RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("cnn", {"width": 4}),
                              epochs=1, data_dir=str(mnist_root), device="cpu"))
    run.model.train()
    calls = []
    run.model.register_forward_pre_hook(lambda module, args: calls.append(module.training))
    probs = run.predictor().probabilities(torch.zeros(28, 28))
    assert probs.shape == (1, 10) and run.model.training
    assert calls == [False]  # the snapshot ran in eval mode; the training model kept its mode
