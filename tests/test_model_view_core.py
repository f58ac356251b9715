"""Model inspection without a screen: graphs, layer table, layout, fallback, weights, norms, torchvision models."""

from __future__ import annotations

import urllib.error

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from torchdesk.core.inspect import (
    GradNormMonitor,
    build_graph,
    collapse_graph,
    filter_images,
    layer_norms,
    layout_graph,
    mosaic,
    summarize,
    weight_stats,
)
from torchdesk.core.registry import get_registry
from torchdesk.plugins import torchvision_models

SMALL = (1, 28, 28)


def _built_in(model_id: str, shape=SMALL, classes: int = 10) -> nn.Module:
    spec = get_registry().model(model_id)
    return spec.factory(input_shape=shape, num_classes=classes, **spec.defaults())


def _call_order(model: nn.Module, shape) -> list[str]:
    """The leaf modules a real forward pass calls, in order."""
    order: list[str] = []
    handles = [m.register_forward_hook(lambda mod, i, o, name=name: order.append(name))
               for name, m in model.named_modules() if not any(True for _ in m.children())]
    with torch.no_grad():
        model.eval()(torch.rand(1, *shape))
    for h in handles:
        h.remove()
    return order


def _reaches(graph, start: str, goal: str) -> bool:
    seen, stack = set(), [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(graph.successors(node))
    return False


@pytest.mark.parametrize("model_id", ["mlp", "cnn", "logreg"])
def test_built_in_models_trace_as_a_chain_of_their_layers(model_id: str) -> None:
    model = _built_in(model_id)
    graph = build_graph(model, SMALL)
    assert graph.method == "fx" and not graph.fallback
    modules = [n.module for n in graph.nodes if n.op == "module"]
    called = _call_order(model, SMALL)
    # The MLP flattens with a Flatten module, so every layer call is a module node, in call order.
    assert modules == called
    # A plain stack: input -> every layer -> output, one arrow each.
    assert len(graph.edges) == len(graph.nodes) - 1
    order = [graph.nodes_of("input")[0].id]
    while graph.successors(order[-1]):
        (nxt,) = graph.successors(order[-1])
        order.append(nxt)
    assert order == [n.id for n in graph.nodes]
    assert graph.nodes[-1].op == "output" and graph.nodes[-1].shapes == ((1, 10),)


def test_resnet18_for_mnist_traces_residual_blocks() -> None:
    model = torchvision_models.model_specs()[0].factory(input_shape=SMALL, num_classes=10)
    graph = build_graph(model, SMALL)
    assert graph.method == "fx"
    convs = [n for n in graph.nodes if n.type == "Conv2d"]
    assert len(convs) == 20  # stem + 8 blocks x 2 + 3 downsampling shortcuts
    adds = [n for n in graph.nodes if n.op == "function" and n.type == "add"]
    assert len(adds) == 8  # one residual sum per BasicBlock
    for add in adds:
        preds = graph.predecessors(add.id)
        assert len(preds) == 2, add
    first_add = adds[0]
    # The first block's shortcut comes straight from the stem (maxpool), its main path from bn2.
    assert set(graph.predecessors(first_add.id)) == {"maxpool", "layer1_0_bn2"}
    assert {"layer2_0_downsample_0", "layer2_0_bn2"} <= {
        p for a in adds for p in graph.predecessors(a.id)} | {
        p for p in graph.predecessors("layer2_0_downsample_1")}
    assert _reaches(graph, "x", "output")
    assert graph.node("fc").shapes == ((1, 10),)
    assert graph.node("conv1").shapes == ((1, 64, 28, 28),)  # stride-1 stem for small images
    # Folding to blocks keeps the chain of eight BasicBlocks.
    blocks = collapse_graph(graph, 2, model)
    labels = [n.label for n in blocks.nodes if n.op == "group"]
    assert labels == [f"layer{i}.{j}" for i in range(1, 5) for j in range(2)]
    assert all(n.type == "BasicBlock" for n in blocks.nodes if n.op == "group")
    assert not any(e.src == e.dst for e in blocks.edges)


def test_layer_table_shapes_match_a_forward_pass() -> None:
    model = torchvision_models.model_specs()[0].factory(input_shape=SMALL, num_classes=7).eval()
    summary = summarize(model, SMALL)
    assert not summary.error
    x = torch.rand(1, *SMALL)
    with torch.no_grad():
        steps = {}
        h = model.relu(model.bn1(model.conv1(x)))
        steps["relu"] = h
        for name in ("layer1", "layer2", "layer3", "layer4"):
            h = getattr(model, name)(h)
            steps[name] = h
        pooled = model.avgpool(h)
        steps["avgpool"] = pooled
        steps["fc"] = model.fc(torch.flatten(pooled, 1))
    for name, tensor in steps.items():
        assert summary.row(name).output_shapes == (tuple(tensor.shape),), name
    assert summary.output_shapes == ((1, 7),)
    assert summary.row("").params == summary.total_params == sum(p.numel() for p in model.parameters())
    assert summary.param_bytes == 4 * summary.total_params
    assert summary.row("layer1.0.relu").calls == 2  # BasicBlock reuses its ReLU
    conv = model.layer1[0].conv1
    assert summary.row("layer1.0.conv1").macs == 64 * 28 * 28 * 64 * 3 * 3
    assert summary.macs >= summary.row("layer4").macs > 0
    assert "ResNet(" in summary.text and "(fc): Linear" in summary.text
    assert conv.weight.requires_grad and summary.row("layer1.0.conv1").trainable_text == "yes"


def test_mlp_table_matches_layer_by_layer() -> None:
    model = _built_in("mlp", (3, 32, 32), 5).eval()
    summary = summarize(model, (3, 32, 32))
    x = torch.rand(1, 3, 32, 32)
    with torch.no_grad():
        h = model.flatten(x)
        assert summary.row("flatten").output_shapes == (tuple(h.shape),)
        for index, layer in enumerate(model.linear_relu_stack):
            h = layer(h)
            assert summary.row(f"linear_relu_stack.{index}").output_shapes == (tuple(h.shape),)
    assert summary.macs == 3072 * 512 + 512 * 512 + 512 * 5


class DataDependent(nn.Module):
    """A forward that branches on a tensor's value: torch.fx cannot trace it."""

    def __init__(self) -> None:
        super().__init__()
        self.first = nn.Linear(4, 4)
        self.positive = nn.Linear(4, 4)
        self.head = nn.Linear(4, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.flatten(1)
        h = self.first(x)
        if h.sum() > -1e9:  # always true, but only a real tensor can tell
            h = self.positive(h)
        return self.head(h + x)


def test_untraceable_model_falls_back_to_hooks_with_a_flag() -> None:
    graph = build_graph(DataDependent(), (1, 2, 2))
    assert graph.fallback and graph.method == "hooks"
    assert "control flow" in graph.fallback_reason
    modules = [n.module for n in graph.nodes if n.op == "module"]
    assert modules == ["first", "positive", "head"]
    edges = {(e.src, e.dst) for e in graph.edges}
    assert ("first", "positive") in edges
    add = next(n for n in graph.nodes if n.type == "add")
    assert set(graph.predecessors(add.id)) == {"positive", "flatten"}  # the skip from the flattened input
    assert (add.id, "head") in edges and ("head", "output") in edges
    assert not any(n.type in ("sum", "gt") for n in graph.nodes)  # the tested value leads nowhere: pruned
    assert graph.node("head").shapes == ((1, 3),)


def test_layout_has_no_overlaps_and_routes_shortcuts_around() -> None:
    model = torchvision_models.model_specs()[0].factory(input_shape=SMALL, num_classes=10)
    graph = build_graph(model, SMALL)
    sizes = {n.id: (140.0, 50.0) for n in graph.nodes}
    layout = layout_graph([n.id for n in graph.nodes], [(e.src, e.dst) for e in graph.edges], sizes)
    boxes = [layout.box(n.id) for n in graph.nodes]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap_x = a[0] < b[0] + b[2] and b[0] < a[0] + a[2]
            overlap_y = a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
            assert not (overlap_x and overlap_y)
    for edge in graph.edges:
        assert layout.ranks[edge.dst] > layout.ranks[edge.src]
        route = layout.routes[(edge.src, edge.dst)]
        assert route[0][1] < route[-1][1]  # every arrow points down
    # The identity shortcut skips the block's layers: it bends through waypoints beside them.
    shortcut = layout.routes[("maxpool", "add")]
    assert len(shortcut) > 2
    assert layout.crossings == 0
    # The main path runs straight: the block's convolutions sit under the stem.
    assert abs(layout.positions["layer1_0_conv1"][0] - layout.positions["conv1"][0]) < 20


def test_layout_breaks_cycles_and_handles_disconnected_nodes() -> None:
    layout = layout_graph(["a", "b", "c", "lonely"], [("a", "b"), ("b", "c"), ("c", "a")],
                          {n: (50.0, 20.0) for n in "abc"} | {"lonely": (50.0, 20.0)})
    assert set(layout.positions) == {"a", "b", "c", "lonely"}
    assert len(layout.routes) == 3


def test_weight_stats_filters_and_mosaic() -> None:
    model = _built_in("cnn")
    stats = weight_stats(model, "features.0")
    assert int(stats.counts.sum()) == sum(p.numel() for p in model.features[0].parameters())
    assert stats.tensors[0].name == "weight"
    images = filter_images(model.features[0])
    assert images is not None and images.shape == (32, 3, 3)
    assert images.min() >= 0 and images.max() <= 1
    picture = mosaic(images, pad=1)
    assert picture.dtype.name == "uint8" and picture.shape == (6 * 4 + 1, 6 * 4 + 1)
    rgb = filter_images(nn.Conv2d(3, 5, 3))
    assert rgb is not None and rgb.shape == (5, 3, 3, 3)
    assert filter_images(nn.Linear(3, 3)) is None
    assert weight_stats(model, "features.2").empty  # a ReLU: nothing to show
    one_by_one = filter_images(nn.Conv2d(8, 16, 1))
    assert one_by_one is not None and one_by_one.shape == (1, 16, 8)  # the weight matrix as one picture


def test_norm_monitor_matches_direct_norms() -> None:
    model = _built_in("mlp")
    monitor = GradNormMonitor(model)
    loss = nn.functional.cross_entropy(model(torch.rand(4, *SMALL)), torch.tensor([0, 1, 2, 3]))
    loss.backward()
    recorded = {r.module: r for r in monitor.snapshot()}
    direct = {r.module: r for r in layer_norms(model)}
    assert monitor.backwards == 1
    assert set(recorded) == set(direct) == {"linear_relu_stack.0", "linear_relu_stack.2", "linear_relu_stack.4"}
    for name, record in direct.items():
        assert recorded[name].grad_norm == pytest.approx(record.grad_norm, rel=1e-5)
        assert recorded[name].param_norm == pytest.approx(record.param_norm, rel=1e-5)
    monitor.close()
    model.zero_grad()
    model(torch.rand(2, *SMALL)).sum().backward()
    assert monitor.backwards == 1  # closed: no longer watching


def test_norm_monitor_records_at_most_once_per_interval() -> None:
    model = _built_in("mlp")
    monitor = GradNormMonitor(model, min_interval_s=3600)
    first_layer = model.linear_relu_stack[0].weight
    for step in range(3):
        model.zero_grad()
        with torch.no_grad():
            first_layer.mul_(2.0)  # each step's parameter norm differs
        nn.functional.cross_entropy(model(torch.rand(4, *SMALL)), torch.tensor([0, 1, 2, 3])).backward()
        if step == 0:
            recorded_first = {r.module: r.param_norm for r in monitor.snapshot()}["linear_relu_stack.0"]
    assert monitor.backwards == 3  # every pass is counted...
    recorded = {r.module: r for r in monitor.snapshot()}
    assert recorded["linear_relu_stack.0"].param_norm == pytest.approx(recorded_first)  # ...one is measured
    assert recorded["linear_relu_stack.0"].grad_norm is not None
    monitor.close()


@pytest.mark.parametrize("spec", torchvision_models.model_specs(), ids=lambda s: s.id)
def test_torchvision_models_fit_small_inputs(spec) -> None:
    shapes = [SMALL, (3, 32, 32)] if spec.id == "resnet18" else [SMALL]
    for shape in shapes:
        model = spec.factory(input_shape=shape, num_classes=10).eval()
        with torch.no_grad():
            assert model(torch.rand(1, *shape)).shape == (1, 10)


def test_torchvision_plugin_is_registered_through_its_entry_point() -> None:
    registry = get_registry(reload=True)
    spec = registry.model("resnet18")
    assert spec.plugin == "builtin-torchvision"
    assert {p.name for p in spec.params} >= {"pretrained", "freeze_backbone", "stem"}


def test_pretrained_offline_gives_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import torchvision.models._api as api

    monkeypatch.setattr(torch.hub, "_hub_dir", str(tmp_path / "hub"))

    def offline(*args, **kwargs):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(api, "load_state_dict_from_url", offline)
    spec = torchvision_models.model_specs()[0]
    with pytest.raises(torchvision_models.PretrainedWeightsUnavailable) as info:
        spec.factory(input_shape=SMALL, num_classes=10, pretrained=True)
    message = str(info.value)
    assert "resnet18-f37072fd.pth" in message and str(tmp_path / "hub") in message
    assert "pretrained" in message


def test_pretrained_weights_from_the_cache_are_adapted(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from torchvision.models import resnet18

    monkeypatch.setattr(torch.hub, "_hub_dir", str(tmp_path / "hub"))
    reference = resnet18()
    cached = tmp_path / "hub" / "checkpoints" / "resnet18-f37072fd.pth"
    cached.parent.mkdir(parents=True)
    torch.save(reference.state_dict(), cached)
    model = torchvision_models.model_specs()[0].factory(input_shape=SMALL, num_classes=10, pretrained=True,
                                                        freeze_backbone=True)
    assert torch.equal(model.layer3[1].conv2.weight, reference.layer3[1].conv2.weight)
    # The grey stem sums the RGB filters, so a grey image gives the ImageNet stem's response.
    assert torch.allclose(model.conv1.weight[:, 0], reference.conv1.weight.sum(dim=1), atol=1e-6)
    assert model.fc.out_features == 10 and model.fc.weight.requires_grad
    assert not model.layer1[0].conv1.weight.requires_grad
    summary = summarize(model, SMALL)
    assert summary.trainable_params == 512 * 10 + 10
    assert summary.row("layer1").trainable_text == "no"


def test_norms_follow_a_real_training_run(mnist_root) -> None:
    from torchdesk.core.events import BatchEnd
    from torchdesk.core.run_config import ComponentChoice, RunConfig
    from torchdesk.core.session import build_run

    config = RunConfig(dataset=ComponentChoice("mnist"), model=ComponentChoice("mlp", {"hidden": 32}),
                       optimizer=ComponentChoice("sgd"), epochs=1, batch_size=100, lr=0.1, seed=0,
                       data_dir=str(mnist_root), device="cpu", train_subset=300, test_subset=100)
    seen: list[list] = []

    def listener(event) -> None:  # what a training listener can call
        if isinstance(event, BatchEnd):
            seen.append(layer_norms(run.model))

    run = build_run(config, listeners=[listener])
    monitor = GradNormMonitor(run.model)
    run.trainer.run()
    monitor.close()
    assert len(seen) == 3 and monitor.backwards == 3
    records = monitor.snapshot()
    assert [r.module for r in records] == ["linear_relu_stack.0", "linear_relu_stack.2", "linear_relu_stack.4"]
    assert all(r.grad_norm is not None and r.grad_norm > 0 for r in records)
    assert seen[0][0].param_norm != seen[-1][0].param_norm  # the weights moved between steps



@st.composite
def random_dags(draw):
    count = draw(st.integers(min_value=1, max_value=25))
    nodes = [f"n{i}" for i in range(count)]
    edges = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=40))
    return nodes, [(nodes[a], nodes[b]) for a, b in edges if a < b]


@settings(max_examples=60, deadline=None)
@given(random_dags(), st.integers(min_value=20, max_value=200))
def test_layout_of_any_dag_is_tidy(dag, width) -> None:
    nodes, edges = dag
    sizes = {n: (float(width if i % 3 else 60), 30.0) for i, n in enumerate(nodes)}
    layout = layout_graph(nodes, edges, sizes, h_gap=10)
    by_rank: dict[int, list[str]] = {}
    for n in nodes:
        by_rank.setdefault(layout.ranks[n], []).append(n)
    for members in by_rank.values():
        spans = sorted((layout.positions[n][0] - sizes[n][0] / 2, layout.positions[n][0] + sizes[n][0] / 2)
                       for n in members)
        for (_, right), (left, _) in zip(spans, spans[1:]):
            assert left >= right + 10 - 1e-6  # boxes in one layer keep their gap
    for src, dst in set(edges):
        assert layout.ranks[dst] > layout.ranks[src]
        points = layout.routes[(src, dst)]
        assert all(b[1] > a[1] for a, b in zip(points, points[1:]))  # arrows only go down
    assert all(x >= -1e-6 for x, _ in layout.positions.values())


def test_a_plugin_model_is_built_for_its_identity_and_samples_fit_its_shape() -> None:
    from torchdesk.core.inspect import build_and_inspect, fit_to_shape, registry_identity

    identity = registry_identity("cifar10", [str(i) for i in range(7)], (3, 32, 32))
    inspection = build_and_inspect(get_registry().model("mlp"), {"hidden": 16}, identity)
    assert inspection.identity == identity and inspection.input_shape == (3, 32, 32)
    assert inspection.summary.row("").output_shapes == ((1, 7),)
    grey = torch.rand(28, 28)
    assert tuple(fit_to_shape(grey, (3, 32, 32)).shape) == (3, 32, 32)
    assert tuple(fit_to_shape(torch.rand(3, 32, 32), (1, 28, 28)).shape) == (1, 28, 28)
