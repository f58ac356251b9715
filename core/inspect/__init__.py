"""Looking inside a model without a screen: layer table, graph, layout, weights, activations, norms.

The model panel draws what these functions compute; scripts and tests use them
directly. Nothing here imports Qt.
"""

from torchdesk.core.inspect.graph import GraphEdge, GraphNode, ModelGraph, build_graph, collapse_graph
from torchdesk.core.inspect.inspection import Inspection, build_and_inspect, inspect_model, registry_identity
from torchdesk.core.inspect.layout import GraphLayout, layout_graph
from torchdesk.core.inspect.norms import GradNormMonitor, NormRecord, layer_norms
from torchdesk.core.inspect.probe import fit_to_shape, sample_batch
from torchdesk.core.inspect.summary import LayerRow, ModelSummary, summarize
from torchdesk.core.inspect.weights import (
    WeightStats,
    capture_activations,
    feature_maps,
    filter_images,
    mosaic,
    weight_stats,
)

__all__ = [
    "GraphEdge",
    "GraphNode",
    "ModelGraph",
    "build_graph",
    "collapse_graph",
    "Inspection",
    "build_and_inspect",
    "inspect_model",
    "registry_identity",
    "GraphLayout",
    "layout_graph",
    "GradNormMonitor",
    "NormRecord",
    "layer_norms",
    "fit_to_shape",
    "sample_batch",
    "LayerRow",
    "ModelSummary",
    "summarize",
    "WeightStats",
    "capture_activations",
    "feature_maps",
    "filter_images",
    "mosaic",
    "weight_stats",
]
