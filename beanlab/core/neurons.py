"""Beyond the line: a sigmoid neuron (lesson 5), a hidden layer (lesson 6), two features (lesson 7).

Each is a :class:`Model` like the straight lines, so the trainer, the optimizers and the race need no
change. Gradients are backpropagation written out by hand, as the course derives them (the chain
rule, one factor per step); ``tests/test_neurons.py`` checks each against finite differences.

The loss is the course's mean squared error (no ½); the sigmoid models can use cross-entropy
instead, whose slope at the output is simply a − y. Where a per-bean step is needed in bulk
(per-sample SGD) it runs in plain Python floats, several times faster than numpy scalars.
"""
from __future__ import annotations

import math
from array import array

import numpy as np

from ..i18n import N_, tr
from .backprop import per_sample_sgd
from .compute_graph import ComputeGraph, GraphBuilder
from .models import Diagram, Model
from .telling import NEURON

LOSSES = ("mse", "cross-entropy")
LOSS_BLOCK_ROWS = 256


def sigmoid(z):
    """σ(z) = 1 / (1 + e^−z), without overflow for large |z|."""
    with np.errstate(all="ignore"):
        return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=np.float64)))


def _sigmoid_in_place(z: np.ndarray) -> np.ndarray:
    """σ(z) written over ``z``: the loss of every update runs through here, so no temporaries."""
    with np.errstate(over="ignore"):
        np.negative(z, out=z)
        np.exp(z, out=z)          # e^−z (inf for very negative z gives σ = 0, as it should)
        z += 1.0
        np.reciprocal(z, out=z)
    return z


def _sigmoid_float(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class SigmoidModel(Model):
    """A model whose output is a sigmoid a = σ(z): toxic when a > 0.5."""

    telling = NEURON
    output = "a"
    chooses_loss = True
    classifies = True

    @classmethod
    def from_settings(cls, loss="mse", hidden=2):
        return cls(loss)

    def __init__(self, loss: str = "mse") -> None:
        if loss not in LOSSES:
            raise ValueError(tr("unknown loss {name}; choose one of: {names}").format(name=repr(loss),
                                                                                  names=", ".join(LOSSES)))
        self.loss_name = loss

    def output_slope(self, a: np.ndarray, y: np.ndarray) -> np.ndarray:
        """∂(one bean's loss)/∂z at the output: −2(y − a)·a(1 − a) for MSE, a − y for cross-entropy."""
        if self.loss_name == "mse":
            return -2 * (y - a) * a * (1 - a)
        return a - y

    def losses_of(self, z: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Mean loss along the last axis, from the output's z (any leading shape)."""
        with np.errstate(all="ignore"):
            if self.loss_name == "mse":
                error = sigmoid(z) - y
                return np.mean(error * error, axis=-1)
            # −(y·ln a + (1 − y)·ln(1 − a)) with ln σ(z) = −ln(1 + e^−z): exact for any z
            return np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z), axis=-1)

    def output_z(self, params: np.ndarray, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def predict(self, params, x):
        return sigmoid(self.output_z(np.asarray(params, dtype=np.float64), x))

    def loss(self, params, x, y):
        return float(self.losses_of(self.output_z(np.asarray(params, dtype=np.float64), x), y))

    def loss_function(self, x, y):
        # the loss at many parameter rows at once: rows × beans in one numpy expression
        if self.loss_name != "mse":
            return lambda rows: self.losses_of(self.output_z(np.asarray(rows, dtype=np.float64), x), y)

        def mean_squared_errors(rows):
            # The trainer asks for the loss after every update: σ and the error are computed in
            # place, a block of rows at a time, so the arrays stay in the processor's cache.
            rows = np.asarray(rows, dtype=np.float64)
            losses = np.empty(len(rows))
            for start in range(0, len(rows), LOSS_BLOCK_ROWS):
                error = _sigmoid_in_place(self.output_z(rows[start:start + LOSS_BLOCK_ROWS], x))
                error -= y
                losses[start:start + LOSS_BLOCK_ROWS] = np.einsum("rn,rn->r", error, error)
            return losses / len(y)
        return mean_squared_errors

    def inputs(self, x):
        raise ValueError(tr("the perceptron rule is for the straight lines only"))


class SigmoidNeuron(SigmoidModel):
    """a = σ(w·x + b), lesson 5."""

    name = "sigmoid"
    label = "a = σ(w·x + b)"
    param_names = ("w", "b")
    prediction = "σ(w·x + b)"
    lesson_dataset = "threshold"
    editable_start = ("w", "b")

    def output_z(self, params, x):
        return params[..., 0, None] * x + params[..., 1, None]

    def compute_graph(self, params, x: float, y: float) -> ComputeGraph | None:
        """e = (σ(w·x + b) − y)² for one bean, as operations (None for cross-entropy: not drawn)."""
        if self.loss_name != "mse":
            return None
        g = GraphBuilder()
        z = g.add(g.mul(g.param("w", params[0]), g.bean("x", x)), g.param("b", params[1]))
        return g.squared_error(g.sigmoid(z), g.bean("y", y))

    def grad(self, params, x, y):
        dz = self.output_slope(self.predict(params, x), y)   # the course's de/da · da/dz
        return np.array([np.mean(dz * x), np.mean(dz)])

    def sgd_path(self, params, xs, ys, lr):
        w, b = float(params[0]), float(params[1])
        mse = self.loss_name == "mse"
        path = array("d")
        for x, y in zip(xs.tolist(), ys.tolist()):
            a = _sigmoid_float(w * x + b)
            dz = -2 * (y - a) * a * (1 - a) if mse else a - y
            w, b = w - lr * dz * x, b - lr * dz
            path.append(w)
            path.append(b)
        return np.frombuffer(path, dtype=np.float64).reshape(-1, 2)


class HiddenLayerNet(SigmoidModel):
    """Lesson 6's network: one input, a hidden layer of ``hidden`` sigmoid neurons, a sigmoid output.

    Parameters, hidden neuron by neuron, then the output: w1j, b1j (j = 1 … hidden), w2j, b2.
    """

    name = "net"
    label = N_("network: one hidden layer")
    aliases = ("net-1-2-1",)   # the course's name for the network with two hidden neurons
    prediction = "σ(Σ w2j·σ(w1j·x + b1j) + b2)"
    lesson_dataset = "window"
    chooses_hidden = True
    random_start = True
    MAX_HIDDEN = 8

    @classmethod
    def from_settings(cls, loss="mse", hidden=2):
        return cls(loss, hidden)

    def __init__(self, loss: str = "mse", hidden: int = 2) -> None:
        super().__init__(loss)
        if isinstance(hidden, bool) or int(hidden) != hidden or not 1 <= hidden <= self.MAX_HIDDEN:
            raise ValueError(tr("the hidden layer has 1 to {most} neurons, not {value}").format(
                most=self.MAX_HIDDEN, value=repr(hidden)))
        self.hidden = int(hidden)
        self.param_names = (*(f"{kind}1{j}" for j in range(1, self.hidden + 1) for kind in ("w", "b")),
                            *(f"w2{j}" for j in range(1, self.hidden + 1)), "b2")

    def diagram(self) -> Diagram:
        """Input, the hidden neurons h1 … hk, the output a: w1j into hj, w2j out of it."""
        index = {name: i for i, name in enumerate(self.param_names)}
        neurons = range(1, self.hidden + 1)
        return Diagram((("x",), tuple(f"h{j}" for j in neurons), ("a",)),
                       tuple((0, 0, 1, j - 1, index[f"w1{j}"]) for j in neurons)
                       + tuple((1, j - 1, 2, 0, index[f"w2{j}"]) for j in neurons),
                       {**{(1, j - 1): index[f"b1{j}"] for j in neurons}, (2, 0): index["b2"]})

    def _split(self, params: np.ndarray):
        """(w1, b1, w2, b2) with the parameters' leading axes kept: w1, b1, w2 end in ``hidden``."""
        k = self.hidden
        first = params[..., :2 * k].reshape(*params.shape[:-1], k, 2)
        return first[..., 0], first[..., 1], params[..., 2 * k:3 * k], params[..., 3 * k]

    def loss(self, params, x, y):
        if self.loss_name != "mse":
            return super().loss(params, x, y)
        return float(self.loss_function(x, y)(np.asarray(params, dtype=np.float64)[None, :])[0])

    def loss_function(self, x, y):
        # The trainer asks for the loss after every update: a block of updates' rows × the beans in
        # one pass of numpy (bench/lesson6_speed.py), as np.mean((1 / (1 + e^−z2) − y)²) with
        # z2 = b2 + Σ w2j / (1 + e^−(w1j·x + b1j)), term by term in that order; loss() is the same code, so a
        # step's loss and a run's are the same floats (tests/test_neurons.py spells it out in numpy).
        if self.loss_name != "mse":
            return super().loss_function(x, y)
        x, y, k = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64), self.hidden
        minus_inputs = np.stack([-x, -np.ones_like(x)])   # (w1j, b1j) · (−x, −1) = −z1j

        def mean_squared_errors(rows):
            rows = np.asarray(rows, dtype=np.float64).reshape(-1, self.n_params)
            losses = np.empty(len(rows))
            with np.errstate(all="ignore"):   # e^… overflowing to inf gives hj = 0 or a = 0, as it should
                for start in range(0, len(rows), LOSS_BLOCK_ROWS):
                    block = rows[start:start + LOSS_BLOCK_ROWS]
                    # −z1j for every row, neuron and bean as one matrix product, a sum of two terms:
                    # round(round(w1j·(−x)) − b1j), the floats of −(w1j·x + b1j) (the test checks),
                    # faster than numpy broadcasting each parameter over the beans (lesson6_speed.py)
                    weighted = np.matmul(block[:, :2 * k].reshape(-1, 2), minus_inputs).reshape(len(block), k, -1)
                    np.exp(weighted, out=weighted)
                    weighted += 1.0                                               # 1 / hj
                    np.divide(block[:, 2 * k:3 * k, None], weighted, out=weighted)   # w2j·hj, as w2j / (1 / hj)
                    # −z2 = −b2 − w21·h1 − …: the floats of −(b2 + w21·h1 + …), negation being exact
                    error = np.subtract(-block[:, 3 * k, None], weighted[:, 0])
                    for j in range(1, k):
                        error -= weighted[:, j]
                    np.exp(error, out=error)
                    error += 1.0
                    np.divide(1.0, error, out=error)                              # a = σ(z2)
                    error -= y
                    error *= error
                    losses[start:start + LOSS_BLOCK_ROWS] = np.mean(error, axis=1)
            return losses
        return mean_squared_errors

    def output_z(self, params, x):
        w1, b1, w2, b2 = self._split(params)
        hidden = w1[..., :, None] * x                                        # (…, k, n)
        hidden += b1[..., :, None]
        _sigmoid_in_place(hidden)
        z = np.broadcast_to(b2[..., None], hidden.shape[:-2] + hidden.shape[-1:]).copy()   # (…, n)
        for j in range(self.hidden):
            z += w2[..., j, None] * hidden[..., j, :]
        return z

    def compute_graph(self, params, x: float, y: float) -> ComputeGraph | None:
        """Lesson 6's chain for one bean as operations: hj = σ(w1j·x + b1j), a = σ(b2 + Σ w2j·hj),
        e = (a − y)² (None for cross-entropy: not drawn)."""
        if self.loss_name != "mse":
            return None
        g, values = GraphBuilder(), dict(zip(self.param_names, params))
        bean = g.bean("x", x)
        weighted = []
        for j in range(1, self.hidden + 1):
            z = g.add(g.mul(g.param(f"w1{j}", values[f"w1{j}"]), bean), g.param(f"b1{j}", values[f"b1{j}"]))
            weighted.append(g.mul(g.param(f"w2{j}", values[f"w2{j}"]), g.sigmoid(z)))
        a = g.sigmoid(g.add(*weighted, g.param("b2", values["b2"])))
        return g.squared_error(a, g.bean("y", y))

    def grad(self, params, x, y):
        # backprop.ONE_BEAN's chain rule for all the beans at once; the slopes are its means over the beans
        w1, b1, w2, b2 = self._split(np.asarray(params, dtype=np.float64))
        h = sigmoid(w1[:, None] * x + b1[:, None])                  # (k, n) hidden activations hj
        a = sigmoid(w2 @ h + b2)                                     # (n,) output
        dz2 = self.output_slope(a, y)                                # ∂e/∂z2 per bean
        dz1 = dz2 * w2[:, None] * h * (1 - h)                        # ∂e/∂z1j = ∂e/∂z2 · w2j · σ'(z1j)
        d_first = np.stack([np.mean(dz1 * x, axis=1), np.mean(dz1, axis=1)], axis=1).ravel()
        return np.concatenate([d_first, np.mean(dz2 * h, axis=1), [np.mean(dz2)]])

    def sgd_path(self, params, xs, ys, lr):
        return per_sample_sgd(self.param_names, self.loss_name)(params, xs, ys, lr)

    def initial_params(self, seed: int) -> np.ndarray:
        # Equal starting weights would keep the hidden neurons identical for ever: start, as the
        # course does, from uniform random numbers in [0, 1) — drawn from the run's seed.
        return np.random.default_rng(seed).random(self.n_params)


class PlaneNeuron(SigmoidModel):
    """a = σ(w1·x1 + w2·x2 + b), lesson 7: size and colour depth."""

    name = "plane"
    label = "a = σ(w1·x1 + w2·x2 + b)"
    param_names = ("w1", "w2", "b")
    n_features = 2
    prediction = "σ(w1·x1 + w2·x2 + b)"
    lesson_dataset = "plane"
    fit_shape = "boundary"

    def output_z(self, params, x):
        return params[..., 0, None] * x[:, 0] + params[..., 1, None] * x[:, 1] + params[..., 2, None]

    def grad(self, params, x, y):
        dz = self.output_slope(self.predict(params, x), y)
        return np.array([np.mean(dz * x[:, 0]), np.mean(dz * x[:, 1]), np.mean(dz)])

    def sgd_path(self, params, xs, ys, lr):
        w1, w2, b = (float(v) for v in params)
        mse = self.loss_name == "mse"
        path = array("d")
        for (x1, x2), y in zip(xs.tolist(), ys.tolist()):
            a = _sigmoid_float(w1 * x1 + w2 * x2 + b)
            dz = -2 * (y - a) * a * (1 - a) if mse else a - y
            w1, w2, b = w1 - lr * dz * x1, w2 - lr * dz * x2, b - lr * dz
            path.extend((w1, w2, b))
        return np.frombuffer(path, dtype=np.float64).reshape(-1, 3)
