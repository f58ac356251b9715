"""A layered (Sugiyama-style) layout so a model graph reads top to bottom.

The steps are the classic ones: reverse any cycle, give each node a layer by its
longest path from the inputs, put invisible waypoints on edges that skip layers
(the shortcut of a residual block), order each layer to reduce crossings with
barycenter sweeps, then place nodes horizontally so that each sits above what it
feeds while never overlapping (a weighted isotonic regression per layer, where
waypoints give way to real boxes so the main path runs straight and shortcuts
bend around it). Pure Python: the panel draws the result, tests check it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

Point = tuple[float, float]

VIRTUAL_WEIGHT = 0.05  # how hard a waypoint holds its place against a real box
VIRTUAL_WIDTH = 14.0


@dataclass
class GraphLayout:
    """Where every node goes (centre points) and the polyline each edge follows (source to target)."""

    positions: dict[str, Point]
    sizes: dict[str, tuple[float, float]]
    ranks: dict[str, int]
    routes: dict[tuple[str, str], list[Point]] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0
    crossings: int = 0

    def box(self, node_id: str) -> tuple[float, float, float, float]:
        """``(left, top, width, height)`` of a node."""
        (x, y), (w, h) = self.positions[node_id], self.sizes[node_id]
        return (x - w / 2, y - h / 2, w, h)


def layout_graph(
    nodes: Sequence[str],
    edges: Iterable[tuple[str, str]],
    sizes: Mapping[str, tuple[float, float]],
    h_gap: float = 28.0,
    v_gap: float = 44.0,
    sweeps: int = 12,
) -> GraphLayout:
    """Lay out ``nodes`` (ids, in a sensible reading order) joined by ``edges`` (``(src, dst)`` pairs).

    ``sizes`` gives each node's ``(width, height)``. Edges naming unknown nodes and
    self-loops are ignored.
    """
    nodes = list(dict.fromkeys(nodes))
    known = set(nodes)
    edge_list = [(s, d) for s, d in dict.fromkeys(edges) if s in known and d in known and s != d]
    forward, reversed_edges = _break_cycles(nodes, edge_list)
    rank = _assign_ranks(nodes, forward)

    # Chains of waypoints for edges spanning more than one layer.
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    pred: dict[str, list[str]] = {n: [] for n in nodes}
    chains: dict[tuple[str, str], list[str]] = {}
    virtual: set[str] = set()
    widths = {n: float(sizes[n][0]) for n in nodes}
    heights = {n: float(sizes[n][1]) for n in nodes}
    for s, d in forward:
        chain = [s]
        for r in range(rank[s] + 1, rank[d]):
            v = f"\0{s}->{d}@{r}"
            virtual.add(v)
            rank[v] = r
            widths[v], heights[v] = VIRTUAL_WIDTH, 0.0
            succ[v], pred[v] = [], []
            chain.append(v)
        chain.append(d)
        for a, b in zip(chain, chain[1:]):
            succ[a].append(b)
            pred[b].append(a)
        chains[(s, d)] = chain

    layers = _initial_order(nodes, succ, rank)
    layers = _reduce_crossings(layers, succ, pred, sweeps)
    crossings = _count_all_crossings(layers, succ)

    x = _place_horizontally(layers, succ, pred, widths, virtual, h_gap)
    y: dict[str, float] = {}
    top = 0.0
    for layer in layers:
        tallest = max((heights[n] for n in layer), default=0.0) or 8.0
        for n in layer:
            y[n] = top + tallest / 2
        top += tallest + v_gap
    left = min((x[n] - widths[n] / 2 for n in x), default=0.0)
    for n in x:
        x[n] -= left
    width = max((x[n] + widths[n] / 2 for n in x), default=0.0)
    height = max(top - v_gap, 0.0)

    positions = {n: (x[n], y[n]) for n in nodes}
    layout = GraphLayout(positions, {n: (widths[n], heights[n]) for n in nodes},
                         {n: rank[n] for n in nodes}, width=width, height=height, crossings=crossings)
    layout.routes = _route_edges(chains, reversed_edges, x, y, widths, heights)
    return layout


def _break_cycles(nodes: list[str], edges: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """Edges with every back edge of a depth-first search turned around."""
    out: dict[str, list[str]] = {n: [] for n in nodes}
    for s, d in edges:
        out[s].append(d)
    state: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    for root in nodes:
        if root in state:
            continue
        stack = [(root, iter(out[root]))]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                back.add((node, nxt))
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(out[nxt])))
    forward = [(d, s) if (s, d) in back else (s, d) for s, d in edges]
    return list(dict.fromkeys(forward)), back


def _assign_ranks(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Longest path from the sources; sources other than the first are pulled down next to their use."""
    preds: dict[str, list[str]] = {n: [] for n in nodes}
    succs: dict[str, list[str]] = {n: [] for n in nodes}
    for s, d in edges:
        preds[d].append(s)
        succs[s].append(d)
    indegree = {n: len(preds[n]) for n in nodes}
    order: list[str] = []
    ready = [n for n in nodes if indegree[n] == 0]
    while ready:
        n = ready.pop(0)
        order.append(n)
        for d in succs[n]:
            indegree[d] -= 1
            if indegree[d] == 0:
                ready.append(d)
    rank = {n: 0 for n in nodes}
    for n in order:
        for d in succs[n]:
            rank[d] = max(rank[d], rank[n] + 1)
    first = nodes[0] if nodes else None
    for n in reversed(order):
        if not preds[n] and succs[n] and n != first:
            rank[n] = min(rank[d] for d in succs[n]) - 1
    low = min(rank.values(), default=0)
    return {n: r - low for n, r in rank.items()}


def _initial_order(nodes: list[str], succ: dict[str, list[str]], rank: dict[str, int]) -> list[list[str]]:
    """Layers ordered by a depth-first walk from the sources, which keeps chains together."""
    seen: set[str] = set()
    visit: list[str] = []
    has_pred = {d for s in succ for d in succ[s]}
    roots = [n for n in nodes if n not in has_pred] + nodes
    for root in roots:
        if root in seen:
            continue
        stack = [root]
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            visit.append(n)
            stack.extend(reversed(succ[n]))
    count = max(rank[n] for n in visit) + 1 if visit else 0
    layers: list[list[str]] = [[] for _ in range(count)]
    for n in visit:
        layers[rank[n]].append(n)
    return layers


def _crossings(upper: list[str], lower: list[str], succ: dict[str, list[str]]) -> int:
    pos = {n: i for i, n in enumerate(lower)}
    pairs = [(i, pos[d]) for i, n in enumerate(upper) for d in succ[n] if d in pos]
    count = 0
    for a in range(len(pairs)):
        for b in range(a + 1, len(pairs)):
            (u1, l1), (u2, l2) = pairs[a], pairs[b]
            if (u1 - u2) * (l1 - l2) < 0:
                count += 1
    return count


def _count_all_crossings(layers: list[list[str]], succ: dict[str, list[str]]) -> int:
    return sum(_crossings(a, b, succ) for a, b in zip(layers, layers[1:]))


def _reduce_crossings(layers: list[list[str]], succ: dict[str, list[str]], pred: dict[str, list[str]],
                      sweeps: int) -> list[list[str]]:
    best = [list(layer) for layer in layers]
    best_count = _count_all_crossings(best, succ)
    current = [list(layer) for layer in layers]
    for sweep in range(sweeps):
        if best_count == 0:
            break
        down = sweep % 2 == 0
        indices = range(1, len(current)) if down else range(len(current) - 2, -1, -1)
        for i in indices:
            fixed = current[i - 1] if down else current[i + 1]
            neighbours = pred if down else succ
            pos = {n: k for k, n in enumerate(fixed)}

            def barycenter(n: str, k: int) -> float:
                linked = [pos[m] for m in neighbours[n] if m in pos]
                return sum(linked) / len(linked) if linked else float(k)

            keyed = [(barycenter(n, k), k, n) for k, n in enumerate(current[i])]
            current[i] = [n for _, _, n in sorted(keyed)]
        count = _count_all_crossings(current, succ)
        if count < best_count:
            best, best_count = [list(layer) for layer in current], count
    return best


def _isotonic(targets: list[float], weights: list[float]) -> list[float]:
    """Weighted least squares fit of a non-decreasing sequence (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [value, weight, count]
    for t, w in zip(targets, weights):
        blocks.append([t, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            v2, w2, c2 = blocks.pop()
            v1, w1, c1 = blocks.pop()
            blocks.append([(v1 * w1 + v2 * w2) / (w1 + w2), w1 + w2, c1 + c2])
    fitted: list[float] = []
    for value, _, count in blocks:
        fitted.extend([value] * int(count))
    return fitted


def _place_layer(layer: list[str], desired: dict[str, float], weights: dict[str, float],
                 widths: dict[str, float], gap: float) -> dict[str, float]:
    offsets = [0.0]
    for a, b in zip(layer, layer[1:]):
        offsets.append(offsets[-1] + (widths[a] + widths[b]) / 2 + gap)
    fitted = _isotonic([desired[n] - o for n, o in zip(layer, offsets)], [weights[n] for n in layer])
    return {n: f + o for n, f, o in zip(layer, fitted, offsets)}


def _place_horizontally(layers: list[list[str]], succ: dict[str, list[str]], pred: dict[str, list[str]],
                        widths: dict[str, float], virtual: set[str], gap: float) -> dict[str, float]:
    x: dict[str, float] = {}
    for layer in layers:
        x.update(_place_layer(layer, {n: 0.0 for n in layer}, {n: 1.0 for n in layer}, widths, gap))
    weights = {n: (VIRTUAL_WEIGHT if n in virtual else 1.0) for layer in layers for n in layer}

    def desired_from(layer: list[str], neighbours: dict[str, list[str]]) -> dict[str, float]:
        wanted: dict[str, float] = {}
        for n in layer:
            linked = neighbours[n]
            real = [m for m in linked if m not in virtual]
            chosen = real or linked
            wanted[n] = sum(x[m] for m in chosen) / len(chosen) if chosen else x[n]
        return wanted

    for sweep in range(8):
        down = sweep % 2 == 0
        order = layers[1:] if down else list(reversed(layers[:-1]))
        for layer in order:
            x.update(_place_layer(layer, desired_from(layer, pred if down else succ), weights, widths, gap))
    for layer in layers[1:]:
        x.update(_place_layer(layer, desired_from(layer, pred), weights, widths, gap))
    return x


def _route_edges(chains: dict[tuple[str, str], list[str]], reversed_edges: set[tuple[str, str]],
                 x: dict[str, float], y: dict[str, float], widths: dict[str, float],
                 heights: dict[str, float]) -> dict[tuple[str, str], list[Point]]:
    """Polylines from the bottom of each source to the top of each target, ports spread along the edges."""
    outgoing: dict[str, list[tuple[float, tuple[str, str]]]] = {}
    incoming: dict[str, list[tuple[float, tuple[str, str]]]] = {}
    for key, chain in chains.items():
        outgoing.setdefault(chain[0], []).append((x[chain[1]], key))
        incoming.setdefault(chain[-1], []).append((x[chain[-2]], key))

    def ports(table: dict[str, list[tuple[float, tuple[str, str]]]]) -> dict[tuple[str, tuple[str, str]], float]:
        result = {}
        for node, items in table.items():
            items.sort()
            k = len(items)
            span = min(widths[node] * 0.6, 16.0 * (k - 1))
            for i, (_, key) in enumerate(items):
                offset = 0.0 if k == 1 else -span / 2 + span * i / (k - 1)
                result[(node, key)] = x[node] + offset
        return result

    out_port, in_port = ports(outgoing), ports(incoming)
    routes: dict[tuple[str, str], list[Point]] = {}
    for key, chain in chains.items():
        s, d = chain[0], chain[-1]
        points: list[Point] = [(out_port[(s, key)], y[s] + heights[s] / 2)]
        points += [(x[v], y[v]) for v in chain[1:-1]]
        points.append((in_port[(d, key)], y[d] - heights[d] / 2))
        original = (d, s) if (d, s) in reversed_edges else key
        if original != key:
            points.reverse()
        routes[original] = points
    return routes
