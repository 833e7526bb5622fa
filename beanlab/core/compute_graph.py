"""One bean's loss as a graph of operations, with backpropagation on it (the study notes: "把这个网络看成
一个图, 在这个图上进行传播梯度, 最终根据链式法则把梯度求出来").

Each model that can draw its computation builds it from :class:`GraphBuilder` in its ``compute_graph``
(models.py, neurons.py): leaves for the bean (x, y) and the parameters, one node per operation —
multiply, add, σ, subtract, square — each remembering its inputs and its local slopes ∂out/∂in. Then
:meth:`ComputeGraph.backward` runs the chain rule from the loss back, as micrograd does: every node's
slope ∂e/∂node is the sum, over the nodes that use it, of their slope times the local one. The
parameters' slopes come out as the model's ``grad`` for that one bean (tests/test_compute_graph.py).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Node:
    label: str                        # what it is: "x", "w", "×", "+", "σ", "−", "²"
    value: float                      # forward: its value for this bean
    kind: str = "op"                  # "bean" (x, y), "param" or "op"
    inputs: tuple[int, ...] = ()      # the nodes it is computed from
    local: tuple[float, ...] = ()     # ∂(this node)/∂(each input), at these values
    slope: float = 0.0                # backward: ∂e/∂(this node), set by ComputeGraph.backward


@dataclass
class ComputeGraph:
    nodes: list[Node] = field(default_factory=list)   # in the order computed: inputs before their users
    loss: int = -1                                      # the node of the bean's loss e

    def backward(self) -> ComputeGraph:
        """Every node's ∂e/∂node by the chain rule, from the loss back to the leaves."""
        for node in self.nodes:
            node.slope = 0.0
        self.nodes[self.loss].slope = 1.0
        for node in reversed(self.nodes):
            for source, local in zip(node.inputs, node.local):
                self.nodes[source].slope += node.slope * local
        return self

    def slope_of(self, name: str) -> float:
        """∂e/∂(parameter ``name``) for this bean."""
        return next(node.slope for node in self.nodes if node.kind == "param" and node.label == name)

    def depths(self) -> list[int]:
        """Each node's distance from the leaves: leaves at 0, an operation one past its inputs."""
        depth: list[int] = []
        for node in self.nodes:
            depth.append(1 + max((depth[i] for i in node.inputs), default=-1))
        return depth

    def columns(self) -> list[int]:
        """Each node's column when drawn left to right: an operation one past its inputs, a leaf just
        before its first user (b joins where it is added, not beside x)."""
        depth = self.depths()
        users: dict[int, list[int]] = {}
        for index, node in enumerate(self.nodes):
            for source in node.inputs:
                users.setdefault(source, []).append(index)
        return [depth[i] if node.inputs else max(0, min(depth[u] for u in users.get(i, [i])) - 1)
                for i, node in enumerate(self.nodes)]


class GraphStages:
    """Backpropagation told in stages, as a teacher steps through it: stages 1 … n fill the forward
    values column by column, left to right; stages n + 1 … 2n send the slopes back from e, column by
    column, right to left (n: the graph's columns). Stage 0 shows the graph with nothing computed."""

    def __init__(self, graph: ComputeGraph) -> None:
        self.graph = graph
        self._columns = graph.columns()
        self.n_columns = max(self._columns) + 1

    @property
    def count(self) -> int:
        return 2 * self.n_columns

    def forward_shown(self, index: int, stage: int) -> bool:
        return self._columns[index] < stage

    def slope_shown(self, index: int, stage: int) -> bool:
        return self._columns[index] >= self.n_columns - (stage - self.n_columns)

    def is_backward(self, stage: int) -> bool:
        return stage > self.n_columns


class GraphBuilder:
    """Builds a ComputeGraph operation by operation (each method returns the new node's index)."""

    def __init__(self) -> None:
        self.graph = ComputeGraph()

    def _add(self, node: Node) -> int:
        self.graph.nodes.append(node)
        return len(self.graph.nodes) - 1

    def value(self, index: int) -> float:
        return self.graph.nodes[index].value

    def bean(self, label: str, value: float) -> int:
        return self._add(Node(label, float(value), "bean"))

    def param(self, label: str, value: float) -> int:
        return self._add(Node(label, float(value), "param"))

    def mul(self, a: int, b: int) -> int:
        va, vb = self.value(a), self.value(b)
        return self._add(Node("×", va * vb, inputs=(a, b), local=(vb, va)))

    def add(self, *terms: int) -> int:
        return self._add(Node("+", sum(self.value(t) for t in terms), inputs=terms, local=(1.0,) * len(terms)))

    def sub(self, a: int, b: int) -> int:
        return self._add(Node("−", self.value(a) - self.value(b), inputs=(a, b), local=(1.0, -1.0)))

    def sigmoid(self, z: int) -> int:
        vz = self.value(z)
        a = 1.0 / (1.0 + math.exp(-vz)) if vz >= 0 else math.exp(vz) / (1.0 + math.exp(vz))
        return self._add(Node("σ", a, inputs=(z,), local=(a * (1.0 - a),)))

    def activate(self, z: int, symbol: str, function, slope) -> int:
        """Any activation: ``function`` and ``slope(z, a)`` as a network's layers have them (numpy, one value)."""
        vz = np.float64(self.value(z))
        a = np.float64(function(vz))
        return self._add(Node(symbol, float(a), inputs=(z,), local=(float(slope(vz, a)),)))

    def square(self, a: int) -> int:
        va = self.value(a)
        return self._add(Node("²", va * va, inputs=(a,), local=(2.0 * va,)))

    def squared_error(self, prediction: int, y: int) -> ComputeGraph:
        """The course's loss e = (ŷ − y)², the graph's end; backpropagated."""
        self.graph.loss = self.square(self.sub(prediction, y))
        return self.graph.backward()
