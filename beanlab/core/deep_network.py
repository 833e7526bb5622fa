"""Networks of any small shape (lesson 9): 1–2 inputs, 0–4 hidden layers of 1–8 neurons, an activation
per layer, a sigmoid output — trained by backpropagation written once, layer by layer.

Lesson 6's network keeps its own hand-written chain rule (backprop.py, float for float the course's);
this is the same rule for any number of layers, in the order a textbook writes it:

    forward   z_l = a_(l−1) · W_l + b_l,   a_l = act_l(z_l)          (a_0 = the beans' x)
    backward  δ_L = ∂e/∂z_L at the output;  δ_(l−1) = (δ_l · W_lᵀ) ⊙ act'_(l−1)(z_(l−1))
    slopes    ∂e/∂W_l = a_(l−1)ᵀ · δ_l / n,  ∂e/∂b_l = mean of δ_l over the beans

A weight matrix W_l has one row per neuron of the layer before and one column per neuron of this
layer, as a Keras Dense layer's kernel; the parameters are W_1, b_1, W_2, b_2 … flattened row by row,
in that order, so a Keras model's weights read straight into BeanLab's (tests/test_deep_network.py).
Each shape is a class of its own (a data entry: :func:`network_class`), registered like any model.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..i18n import N_, tr
from .decision_map import plane_grid
from .compute_graph import ComputeGraph, GraphBuilder
from .models import Diagram
from .neurons import SigmoidModel, sigmoid

MAX_HIDDEN_LAYERS, MAX_WIDTH = 4, 8
# A network whose backprop graph stacks more boxes than this in a column draws none: lesson 6's with five
# hidden neurons (x and five weights) is about the most whose numbers stay readable in a row of the window
GRAPH_MAX_ROWS = 6
LEAK = 0.01   # leaky ReLU's slope below zero


@dataclass(frozen=True)
class Activation:
    """One layer's activation: its name, the function, and its slope from z and a = act(z) (the
    sigmoid's and tanh's are cheapest from a)."""

    name: str
    formula: str   # for the explanation and the diagram's caption
    function: Callable[[np.ndarray], np.ndarray]
    slope_of: Callable[[np.ndarray, np.ndarray], np.ndarray]
    dies: bool = False   # a neuron that outputs 0 for every bean has slope 0 there too: it never learns again
    symbol: str = ""     # its box in the backprop graph ("" for none: the linear layer's z passes on as it is)

    def __call__(self, z: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return self.function(z)

    def slope(self, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """act'(z)."""
        return self.slope_of(z, a)


ACTIVATIONS = {activation.name: activation for activation in (
    Activation("sigmoid", "σ(z)", sigmoid, lambda z, a: a * (1.0 - a), symbol="σ"),
    Activation("tanh", "tanh(z)", np.tanh, lambda z, a: 1.0 - a * a, symbol="tanh"),
    Activation("relu", "max(0, z)", lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(np.float64),
               dies=True, symbol="ReLU"),
    Activation("leaky-relu", "max(0.01·z, z)", lambda z: np.where(z > 0, z, LEAK * z),
               lambda z, a: np.where(z > 0, 1.0, LEAK), symbol="leaky"),
    Activation("linear", "z", lambda z: z, lambda z, a: np.ones_like(z)))}


@dataclass(frozen=True)
class NetworkShape:
    """How many inputs, the hidden layers' widths and their activations (one per layer)."""

    inputs: int
    hidden: tuple[int, ...]
    activation: str = "sigmoid"            # every hidden layer's, unless ``per_layer`` names each
    per_layer: tuple[str, ...] = ()        # one activation per hidden layer, the first first
    output: str = "sigmoid"                # "sigmoid": a classifier (toxic when a > 0.5); "linear": ŷ = z

    def __post_init__(self) -> None:
        if self.inputs not in (1, 2):
            raise ValueError(tr("a network has 1 or 2 inputs, not {value}").format(value=repr(self.inputs)))
        if len(self.hidden) > MAX_HIDDEN_LAYERS or any(not 1 <= width <= MAX_WIDTH for width in self.hidden):
            raise ValueError(tr("a network has up to {layers} hidden layers of 1 to {width} neurons, not {value}")
                             .format(layers=MAX_HIDDEN_LAYERS, width=MAX_WIDTH, value=repr(self.hidden)))
        for name in (self.activation, *self.per_layer):
            if name not in ACTIVATIONS:
                raise ValueError(tr("unknown activation {name}; choose one of: {names}").format(
                    name=repr(name), names=", ".join(ACTIVATIONS)))
        if self.output not in ("sigmoid", "linear"):   # (OUTPUT_CLASSES, below, has their classes)
            raise ValueError(f"a network's output is sigmoid or linear, not {self.output!r}")
        if self.per_layer and len(self.per_layer) != len(self.hidden):
            raise ValueError(f"{len(self.per_layer)} activations for {len(self.hidden)} hidden layers")

    @property
    def widths(self) -> tuple[int, ...]:
        """Every layer's width, the inputs first and the one output last."""
        return (self.inputs, *self.hidden, 1)

    @property
    def hidden_activations(self) -> tuple[str, ...]:
        """Each hidden layer's activation, by name."""
        return self.per_layer or (self.activation,) * len(self.hidden)

    def activations(self) -> tuple[Activation, ...]:
        """Each layer's activation after the inputs: the hidden layers', then the output's."""
        return (*(ACTIVATIONS[name] for name in self.hidden_activations), ACTIVATIONS[self.output])


@dataclass(frozen=True)
class LayerReport:
    """What a network's layers are doing now (``DeepNetwork.layer_report``)."""

    weight_slopes: tuple[float, ...]   # mean |∂E/∂w| of each weight layer, the first (from the inputs) first
    dead: tuple[int, ...]              # each hidden layer's ReLUs that are 0 for every bean
    widths: tuple[int, ...]            # each hidden layer's neurons


class DeepNetwork(SigmoidModel):
    """a = σ(… act(act(x·W1 + b1)·W2 + b2) …): a network of the class's ``shape``."""

    shape = NetworkShape(2, (8, 8, 8), "relu")
    n_features = 2
    random_start = True
    fit_shape = "map"   # the beans plot shades the network's output; its boundary is no straight line

    def __init__(self, loss: str = "mse") -> None:
        super().__init__(loss)
        names = []
        for layer, (fan_in, fan_out) in enumerate(zip(self.shape.widths, self.shape.widths[1:]), start=1):
            names += [f"w{layer}_{i}{j}" for i in range(1, fan_in + 1) for j in range(1, fan_out + 1)]
            names += [f"b{layer}_{j}" for j in range(1, fan_out + 1)]
        self.param_names = tuple(names)

    # -- the parameters as layers ---------------------------------------------------------------
    def layers(self, params: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """(W, b) of each layer, as views into ``params`` (any leading axes are kept: rows of runs)."""
        params = np.asarray(params, dtype=np.float64)
        lead, out, at = params.shape[:-1], [], 0
        for fan_in, fan_out in zip(self.shape.widths, self.shape.widths[1:]):
            weights = params[..., at:at + fan_in * fan_out].reshape(*lead, fan_in, fan_out)
            at += fan_in * fan_out
            out.append((weights, params[..., at:at + fan_out]))
            at += fan_out
        return out

    def _inputs(self, x: np.ndarray) -> np.ndarray:
        """The beans as rows of inputs: (n, 1) for sizes, (n, 2) for two features."""
        x = np.asarray(x, dtype=np.float64)
        return x.reshape(-1, 1) if x.ndim <= 1 else x

    def forward(self, params: np.ndarray, x: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """(z, a) of every layer after the inputs, for every bean: each (…, n, width)."""
        with np.errstate(all="ignore"):
            return self._forward(self.layers(params), self._inputs(x))

    def _forward(self, layers, a: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        out = []
        for (weights, bias), activation in zip(layers, self.shape.activations()):
            z = a @ weights + bias[..., None, :]
            a = activation.function(z)   # (the caller ignores floating-point errors: e^… overflows to inf)
            out.append((z, a))
        return out

    # -- what every model answers ---------------------------------------------------------------
    def output_z(self, params, x):
        return self.forward(params, x)[-1][0][..., 0]

    def grad(self, params, x, y):
        """Backpropagation, layer by layer from the output back (the module's formulas)."""
        params = np.asarray(params, dtype=np.float64)
        inputs, y = self._inputs(x), np.asarray(y, dtype=np.float64)
        layers, activations, n = self.layers(params), self.shape.activations(), len(y)
        slopes = []
        with np.errstate(all="ignore"):
            passes = self._forward(layers, inputs)
            a_out = passes[-1][1][:, 0]
            delta = self.output_slope(a_out, y)[:, None]                     # ∂e/∂z at the output, per bean
            for index in range(len(layers) - 1, -1, -1):
                before = passes[index - 1][1] if index > 0 else inputs          # a of the layer before
                # ∂e/∂W, ∂e/∂b: means over the beans (a sum over n, the floats of np.mean)
                slopes.append((before.T @ delta / n, delta.sum(axis=0) / n))
                if index > 0:
                    z, a = passes[index - 1]
                    delta = (delta @ layers[index][0].T) * activations[index - 1].slope(z, a)
        return np.concatenate([part.ravel() for pair in reversed(slopes) for part in pair])

    def compute_graph(self, params, x, y: float) -> ComputeGraph | None:
        """One bean's loss as operations, layer by layer: zj = bj + Σ wij·ai, aj = act(zj), then e = (a − y)²
        (None for cross-entropy, and for networks too large to draw: network_class leaves them none)."""
        if self.loss_name != "mse":
            return None
        g, values = GraphBuilder(), dict(zip(self.param_names, np.asarray(params, dtype=np.float64).tolist()))
        features = np.atleast_1d(np.asarray(x, dtype=np.float64)).tolist()
        names = ("x",) if len(features) == 1 else tuple(f"x{i}" for i in range(1, len(features) + 1))
        layer_out = [g.bean(name, value) for name, value in zip(names, features)]
        for layer, (width, activation) in enumerate(zip(self.shape.widths[1:], self.shape.activations()), start=1):
            outputs = []
            for j in range(1, width + 1):
                terms = [g.mul(g.param(f"w{layer}_{i}{j}", values[f"w{layer}_{i}{j}"]), a)
                         for i, a in enumerate(layer_out, start=1)]
                z = g.add(*terms, g.param(f"b{layer}_{j}", values[f"b{layer}_{j}"]))
                outputs.append(g.activate(z, activation.symbol, activation.function, activation.slope)
                               if activation.symbol else z)
            layer_out = outputs
        return g.squared_error(layer_out[0], g.bean("y", y))

    def layer_report(self, params, x, y) -> LayerReport:
        """Each weight layer's mean |∂E/∂w| over these beans, and each hidden layer's dead neurons (a ReLU
        that outputs 0 for every bean learns nothing more): a vanishing gradient seen, not told."""
        params = np.asarray(params, dtype=np.float64)
        slopes = self.layers(self.grad(params, x, y))
        passes = self.forward(params, x)
        dead = tuple(int(np.count_nonzero(np.all(a == 0, axis=0))) if activation.dies else 0
                     for (_z, a), activation in zip(passes[:-1], self.shape.activations()))
        return LayerReport(tuple(float(np.mean(np.abs(weights))) for weights, _bias in slopes), dead,
                           self.shape.hidden)

    def neuron_maps(self, params, x1: np.ndarray, x2: np.ndarray) -> list[np.ndarray]:
        """Every neuron's output over the bean plane (two inputs): one array (width, len(x1), len(x2)) per
        layer after the inputs, the output last, for the diagram's thumbnails (TensorFlow Playground's)."""
        grid = plane_grid(x1, x2)
        return [a.T.reshape(a.shape[1], len(x1), len(x2)) for _z, a in self.forward(params, grid)]

    def loss_function(self, x, y):
        # many rows at once: every row's network over every bean in one batched matrix product a layer
        inputs, y = self._inputs(x), np.asarray(y, dtype=np.float64)

        def losses(rows):
            rows = np.asarray(rows, dtype=np.float64).reshape(-1, self.n_params)
            return self.losses_of(self.output_z(rows, inputs), y)
        return losses

    def loss(self, params, x, y):
        return float(self.loss_function(x, y)(np.asarray(params, dtype=np.float64)[None, :])[0])

    def initial_params(self, seed: int) -> np.ndarray:
        """Keras's start for a Dense layer, from the run's seed: weights uniform in ±√(6 / (in + out))
        (Glorot), biases 0."""
        rng = np.random.default_rng(seed)
        parts = []
        for fan_in, fan_out in zip(self.shape.widths, self.shape.widths[1:]):
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            parts += [rng.uniform(-limit, limit, fan_in * fan_out), np.zeros(fan_out)]
        return np.concatenate(parts)

    def diagram(self) -> Diagram:
        """Inputs, each hidden layer's neurons numbered 1 … (their column says the layer: "h1_3" would not
        fit a neuron's circle), the output a; one line per weight."""
        widths = self.shape.widths
        inputs = ("x",) if widths[0] == 1 else tuple(f"x{i}" for i in range(1, widths[0] + 1))
        hidden = tuple(tuple(str(j) for j in range(1, width + 1)) for width in widths[1:-1])
        index = {name: i for i, name in enumerate(self.param_names)}
        edges, biases = [], {}
        for layer, (fan_in, fan_out) in enumerate(zip(widths, widths[1:]), start=1):
            for i in range(fan_in):
                for j in range(fan_out):
                    edges.append((layer - 1, i, layer, j, index[f"w{layer}_{i + 1}{j + 1}"]))
            for j in range(fan_out):
                biases[(layer, j)] = index[f"b{layer}_{j + 1}"]
        return Diagram((inputs, *hidden, ("a",)), tuple(edges), biases)


class RegressionNetwork(DeepNetwork):
    """ŷ = z of the last layer: a network that fits a curve through the beans, as the lines of lessons 1–4
    do, with the course's e = (ŷ − y)² (no ½); not a classifier."""

    classifies = False
    chooses_loss = False
    output = "ŷ"
    fit_shape = "curve"

    def __init__(self, loss: str = "mse") -> None:
        super().__init__("mse")   # (a straight output has no cross-entropy)

    def output_slope(self, a, y):
        return 2 * (a - y)   # ∂(ŷ − y)²/∂z with ŷ = z

    def losses_of(self, z, y):
        with np.errstate(all="ignore"):
            error = z - y
            return np.mean(error * error, axis=-1)

    def predict(self, params, x):
        return self.output_z(np.asarray(params, dtype=np.float64), x)

    def loss_function(self, x, y):
        return lambda rows: self.losses_of(self.output_z(np.asarray(rows, dtype=np.float64), x), y)


OUTPUT_CLASSES = {"sigmoid": DeepNetwork, "linear": RegressionNetwork}


def network_class(name: str, label: str, shape: NetworkShape, lesson_dataset: str,
                  aliases: tuple[str, ...] = (), activation_twin: str = "") -> type[DeepNetwork]:
    """A model class for one network shape: a data entry, registered like any model. ``activation_twin``:
    the model of the same shape with the activations switched off (a linear one's: switched on)."""
    layers = " → ".join(str(width) for width in shape.widths)
    named = ", ".join(dict.fromkeys(shape.hidden_activations))
    cls = type(f"DeepNetwork_{name.replace('-', '_')}", (OUTPUT_CLASSES[shape.output],), {
        "name": name, "label": label, "aliases": aliases, "shape": shape, "lesson_dataset": lesson_dataset,
        "n_features": shape.inputs, "activation_twin": activation_twin,
        "activations_on": set(shape.hidden_activations) != {"linear"},
        "prediction": ("σ(…), " if shape.output == "sigmoid" else "ŷ = …, ") + layers + (f" ({named})" if named else ""),
        "__doc__": f"{layers}, {'/'.join(shape.hidden_activations)} hidden layers, {shape.output} output."})
    if not _graph_fits(cls()):
        cls.compute_graph = None   # no graph to draw: the view is not offered, as for a model without one
    return cls


def _graph_fits(model: DeepNetwork) -> bool:
    """Whether the network's backprop graph stays readable: no more than GRAPH_MAX_ROWS boxes in a column."""
    graph = model.compute_graph(np.zeros(model.n_params), np.zeros(model.shape.inputs), 0.0)
    columns = graph.columns()
    return max(columns.count(column) for column in set(columns)) <= GRAPH_MAX_ROWS


# Lesson 9's network (the course's Keras model) and the steps of its story (TensorFlow Playground)
SPIRAL_NET = network_class("deep-relu", N_("network: 3 hidden layers of 8, ReLU (lesson 9)"),
                           NetworkShape(2, (8, 8, 8), "relu"), "spiral", ("net-2-8-8-8-1",), "deep-linear")
SPIRAL_SIGMOID_NET = network_class("deep-sigmoid-4", N_("network: 3 hidden layers of 4, sigmoid"),
                                   NetworkShape(2, (4, 4, 4), "sigmoid"), "spiral", activation_twin="deep-linear-4")
SPIRAL_RELU_NARROW = network_class("deep-relu-4", N_("network: 3 hidden layers of 4, ReLU"),
                                   NetworkShape(2, (4, 4, 4), "relu"), "spiral", activation_twin="deep-linear-4")
SPIRAL_LEAKY_NARROW = network_class("deep-leaky-4", N_("network: 3 hidden layers of 4, leaky ReLU"),
                                    NetworkShape(2, (4, 4, 4), "leaky-relu"), "spiral", activation_twin="deep-linear-4")
# the notes' point, "不加的话, 无论多少层都没意义": without activations the layers multiply into one linear map
SPIRAL_LINEAR_NET = network_class("deep-linear", N_("network: 3 hidden layers of 8, no activation"),
                                  NetworkShape(2, (8, 8, 8), "linear"), "spiral", activation_twin="deep-relu")
SPIRAL_LINEAR_NARROW = network_class("deep-linear-4", N_("network: 3 hidden layers of 4, no activation"),
                                     NetworkShape(2, (4, 4, 4), "linear"), "spiral", activation_twin="deep-relu-4")
NO_HIDDEN_NET = network_class("net-2-1", N_("network: two inputs, no hidden layer"),
                              NetworkShape(2, (), "sigmoid"), "plane")
TWO_INPUT_NET = network_class("net-2-3-1", N_("network: two inputs, 3 hidden neurons"),
                              NetworkShape(2, (3,), "sigmoid"), "xor")
# lesson 8's last network: two inputs, two hidden sigmoid neurons, on the circle beans (dataset F)
CIRCLE_NET = network_class("net-2-2-1", N_("network: two inputs, 2 hidden neurons"),
                           NetworkShape(2, (2,), "sigmoid"), "circle")
# a curve through lesson 4's beans: two tanh layers of 4 and a straight output, fitted by the course's error
CURVE_NET = network_class("net-1-4-4-1", N_("network: 2 hidden layers of 4, tanh, output ŷ (a curve)"),
                          NetworkShape(1, (4, 4), "tanh", output="linear"), "line-bias")
NETWORKS = (SPIRAL_NET, SPIRAL_SIGMOID_NET, SPIRAL_RELU_NARROW, SPIRAL_LEAKY_NARROW, SPIRAL_LINEAR_NET,
            SPIRAL_LINEAR_NARROW, NO_HIDDEN_NET, CIRCLE_NET, TWO_INPUT_NET, CURVE_NET)
