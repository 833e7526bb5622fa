"""Models of toxicity from size: each keeps prediction, loss and gradient side by side.

Parameters are a 1-D float array in the order of ``param_names``. Loss is the mean squared error
with no ½, as the course writes it; ``grad`` is the mean over the given beans of each bean's slope.
The sigmoid neuron and the hidden-layer network (neurons.py) subclass :class:`Model` too; the
trainer needs no change for them.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy as np

from ..i18n import tr
from .compute_graph import ComputeGraph, GraphBuilder
from .telling import GENERAL, LINE, Telling


@dataclass(frozen=True)
class SufficientStats:
    """The few numbers of the beans that fix a linear model's cost anywhere: n, means and central moments.

    Centring (rather than raw sums such as Σx²) keeps the cost accurate near the optimum.
    """

    n: int
    mean_x: float
    mean_y: float
    cxx: float  # mean((x − x̄)²)
    cxy: float  # mean((x − x̄)(y − ȳ))
    cyy: float  # mean((y − ȳ)²)
    sxx: float  # mean(x²), for the no-bias model
    sxy: float  # mean(x·y)
    syy: float  # mean(y²)

    @classmethod
    def of(cls, x: np.ndarray, y: np.ndarray) -> SufficientStats:
        """Compute the statistics of 1-D beans in one pass over the data."""
        with np.errstate(all="ignore"):
            mx, my = float(np.mean(x)), float(np.mean(y))
            dx, dy = x - mx, y - my
            return cls(len(x), mx, my, float(np.mean(dx * dx)), float(np.mean(dx * dy)),
                       float(np.mean(dy * dy)), float(np.mean(x * x)), float(np.mean(x * y)),
                       float(np.mean(y * y)))


@dataclass(frozen=True)
class Diagram:
    """A model drawn as a network: node labels layer by layer, each weight a line, each bias a number."""

    layers: tuple[tuple[str, ...], ...]
    edges: tuple[tuple[int, int, int, int, int], ...]   # (layer, node, layer, node, parameter index)
    biases: dict                                         # (layer, node) → parameter index


class Model:
    """Base class: a named, parametrised prediction of toxicity with its loss and gradient.

    A subclass describes itself in its class attributes (menus, explanation, settings, lessons read
    them) and is added to ``beanlab.core.MODELS`` with one ``MODELS.register``.
    """

    name: str = ""
    label: str = ""                        # in the model menu (marked for translation, or a formula)
    aliases: tuple[str, ...] = ()          # other names it answers to on the command line
    param_names: tuple[str, ...] = ()
    n_features: int = 1
    # for the explanation: how it predicts, each parameter's slope of one bean's loss as the course
    # writes it (none: the slopes are told as numbers), the loss when those formulas do not say it,
    # and the sentences that tell an update (telling.py)
    prediction: str = "f(x)"
    slope_formulas: dict[str, str] = {}
    loss_formula: str = ""
    telling: Telling = GENERAL
    output: str = "ŷ"                       # the prediction's symbol, in the network diagram
    # settings and lessons
    lesson_dataset: str = "line-bias"      # the beans of its lesson: where the model goes when the beans do not fit it
    chooses_loss: bool = False             # the loss setting (mse or cross-entropy) applies to it
    chooses_hidden: bool = False           # the hidden-width setting applies to it
    activation_twin: str = ""              # a network: the same shape with its activations off (or on)
    activations_on: bool = True            # False: a network whose layers are bare weighted sums
    editable_start: tuple[str, ...] = ()   # the parameters whose start the user types in
    random_start: bool = False             # starts from random weights of its own: no start is carried over
    has_beans: bool = True                 # False: a landscape's f(w, b), with no beans to fit or count
    classifies: bool = False               # its output is a probability: toxic when above 0.5
    fit_shape: str = "curve"               # as the scatter plot draws it: "line", "curve" or "boundary"

    @classmethod
    def from_settings(cls, loss: str = "mse", hidden: int = 2) -> Model:
        """The model for a run's settings; those it does not use must be left at their defaults."""
        if loss != "mse":
            raise ValueError(tr("model {name} learns with the mean squared error only").format(name=cls.name))
        return cls()

    @property
    def n_params(self) -> int:
        return len(self.param_names)

    @property
    def writes_slopes(self) -> bool:
        """Whether the explanation can write every parameter's slope as a formula (else as numbers)."""
        return set(self.param_names) <= set(self.slope_formulas)

    def diagram(self) -> Diagram:
        """The model as one neuron: its inputs, each weighted by w (w1, w2 …), and its bias b."""
        index = {name: i for i, name in enumerate(self.param_names)}
        if self.n_features == 1:
            inputs, weights = ("x",), ("w",)
        else:
            inputs = tuple(f"x{i}" for i in range(1, self.n_features + 1))
            weights = tuple(f"w{i}" for i in range(1, self.n_features + 1))
        edges = tuple((0, node, 1, 0, index[w]) for node, w in enumerate(weights) if w in index)
        return Diagram((inputs, (self.output,)), edges, {(1, 0): index["b"]} if "b" in index else {})

    def predict(self, params: np.ndarray, x: np.ndarray) -> np.ndarray:
        """Predicted toxicity of beans of size ``x``."""
        raise NotImplementedError

    def grad(self, params: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Mean over the beans of the slope of each bean's squared error, one entry per parameter."""
        raise NotImplementedError

    def loss(self, params: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
        """Mean squared error over the beans (no ½)."""
        with np.errstate(all="ignore"):
            error = self.predict(params, x) - y
            return float(np.mean(error * error))

    def loss_function(self, x: np.ndarray, y: np.ndarray):
        """A function giving the loss on these beans at each row of a (k, n_params) array.

        The trainer builds it once per dataset; linear models answer from sufficient statistics,
        so the loss of every update costs the same however many beans there are.
        """
        return lambda param_rows: np.array([self.loss(p, x, y) for p in param_rows])

    def sgd_path(self, params: np.ndarray, xs: np.ndarray, ys: np.ndarray, lr: float) -> np.ndarray:
        """Per-sample SGD through the beans ``xs, ys`` in turn; row i holds the parameters after update i."""
        path = np.empty((len(ys), self.n_params))
        for i in range(len(ys)):
            params = params - lr * self.grad(params, xs[i:i + 1], ys[i:i + 1])
            path[i] = params
        return path

    def rosenblatt_path(self, params: np.ndarray, xs: np.ndarray, ys: np.ndarray, alpha: float) -> np.ndarray:
        """Lesson 1's rule through the beans in turn: e = y − ŷ; each parameter += α·e·(its input)."""
        path = np.empty((len(ys), self.n_params))
        for i in range(len(ys)):
            error = ys[i] - self.predict(params, xs[i])
            params = params + alpha * error * self.inputs(xs[i])
            path[i] = params
        return path

    def inputs(self, x: float) -> np.ndarray:
        """What each parameter multiplies in the prediction (x for w, 1 for b)."""
        raise NotImplementedError

    def optimum(self, x: np.ndarray, y: np.ndarray) -> np.ndarray | None:
        """The parameters of least loss in closed form, or None where the model has none."""
        return None

    def initial_params(self, seed: int) -> np.ndarray:
        """Where a run starts when no start is given: the course's 0.1 for every parameter."""
        return np.full(self.n_params, 0.1)

    def __repr__(self) -> str:
        return f"<model {self.name}>"


class LinearModel(Model):
    """A model linear in its parameters, whose cost is a quadratic fixed by :class:`SufficientStats`."""

    telling = LINE
    fit_shape = "line"

    def loss_function(self, x, y):
        stats = SufficientStats.of(x, y)
        return lambda param_rows: self.losses_from_stats(param_rows, stats)

    @staticmethod
    def losses_from_stats(param_rows: np.ndarray, stats: SufficientStats) -> np.ndarray:
        raise NotImplementedError


class LineThroughOrigin(LinearModel):
    """y = w·x, lessons 1–3."""

    name = "wx"
    label = "y = w·x"
    param_names = ("w",)
    prediction = "w·x"
    slope_formulas = {"w": "2x²w − 2xy"}    # course.md's k = 2·x²·w − 2·x·y
    lesson_dataset = "line"
    editable_start = ("w",)

    def predict(self, params, x):
        return params[0] * x

    def compute_graph(self, params, x: float, y: float) -> ComputeGraph:
        """e = (w·x − y)² for one bean, as operations."""
        g = GraphBuilder()
        prediction = g.mul(g.param("w", params[0]), g.bean("x", x))
        return g.squared_error(prediction, g.bean("y", y))

    def grad(self, params, x, y):
        # The course's k = 2·x²·w − 2·x·y, averaged over the beans.
        (w,) = params
        with np.errstate(all="ignore"):
            return np.array([(2 * np.sum(x ** 2) * w + np.sum(-2 * x * y)) / len(x)])

    @staticmethod
    def losses_from_stats(param_rows: np.ndarray, stats: SufficientStats) -> np.ndarray:
        """e(w) = Σx²/n·w² − 2·Σxy/n·w + Σy²/n for every row, at a cost independent of the number of beans."""
        w = param_rows[:, 0]
        with np.errstate(all="ignore"):
            return stats.sxx * w * w - 2 * stats.sxy * w + stats.syy

    def sgd_path(self, params, xs, ys, lr):
        # Plain Python floats and the bean terms 2x², 2xy worked out beforehand: the course's
        # k = 2·x²·w − 2·x·y to the last bit, at a fraction of the per-element cost of numpy scalars.
        w = float(params[0])
        path = array("d")
        record = path.append
        for two_x2, two_xy in zip((2 * xs * xs).tolist(), (2 * xs * ys).tolist()):
            k = two_x2 * w - two_xy
            w = w - lr * k
            record(w)
        return np.frombuffer(path, dtype=np.float64).reshape(-1, 1)

    def rosenblatt_path(self, params, xs, ys, alpha):
        # The course's lesson-1 loop to the last bit: e = y - w*x; w = w + alpha*e*x, in plain floats.
        w = float(params[0])
        path = array("d")
        for x, y in zip(xs.tolist(), ys.tolist()):
            e = y - w * x
            w = w + alpha * e * x
            path.append(w)
        return np.frombuffer(path, dtype=np.float64).reshape(-1, 1)

    def inputs(self, x):
        return np.array([x])

    def optimum(self, x, y):
        """w* = Σxy / Σx² (least squares through the origin)."""
        sxx = float(np.sum(x * x))
        return np.array([float(np.sum(x * y)) / sxx if sxx > 0 else 0.0])


class Line(LinearModel):
    """y = w·x + b, lesson 4."""

    name = "wx+b"
    label = "y = w·x + b"
    param_names = ("w", "b")
    prediction = "w·x + b"
    slope_formulas = {"w": "2x²w + 2xb − 2xy", "b": "2b + 2xw − 2y"}
    lesson_dataset = "line-bias"
    editable_start = ("w", "b")

    def predict(self, params, x):
        return params[0] * x + params[1]

    def compute_graph(self, params, x: float, y: float) -> ComputeGraph:
        """e = (w·x + b − y)² for one bean, as operations."""
        g = GraphBuilder()
        prediction = g.add(g.mul(g.param("w", params[0]), g.bean("x", x)), g.param("b", params[1]))
        return g.squared_error(prediction, g.bean("y", y))

    def grad(self, params, x, y):
        # dw = 2·x²·w + 2·x·b − 2·x·y and db = 2·b + 2·x·w − 2·y, averaged over the beans.
        w, b = params
        n = len(x)
        with np.errstate(all="ignore"):
            dw = 2 * np.sum(x ** 2) * w + 2 * np.sum(x) * b - 2 * np.sum(x * y)
            db = 2 * b * n + 2 * np.sum(x) * w - 2 * np.sum(y)
            return np.array([dw, db]) / n

    @staticmethod
    def losses_from_stats(param_rows: np.ndarray, stats: SufficientStats) -> np.ndarray:
        """e(w, b) = cyy − 2w·cxy + w²·cxx + (ȳ − w·x̄ − b)² for every row, independent of n."""
        w, b = param_rows[:, 0], param_rows[:, 1]
        with np.errstate(all="ignore"):
            residual = stats.mean_y - w * stats.mean_x - b
            return stats.cyy - 2 * w * stats.cxy + w * w * stats.cxx + residual * residual

    def inputs(self, x):
        return np.array([x, 1.0])

    def sgd_path(self, params, xs, ys, lr):
        # Plain Python floats, with the bean terms 2x, 2x², 2xy, 2y worked out beforehand; the
        # remaining operations run in the course's order, so the floats match its script exactly.
        w, b = float(params[0]), float(params[1])
        doubled_x = 2 * xs
        terms = zip(doubled_x.tolist(), (doubled_x * xs).tolist(), (doubled_x * ys).tolist(), (2 * ys).tolist())
        path = array("d")
        record = path.append
        for two_x, two_x2, two_xy, two_y in terms:
            dw = two_x2 * w + two_x * b - two_xy    # 2·x²·w + 2·x·b − 2·x·y
            db = 2.0 * b + two_x * w - two_y        # 2·b + 2·x·w − 2·y (2.0: no int-to-float per bean)
            w = w - lr * dw
            b = b - lr * db
            record(w)
            record(b)
        return np.frombuffer(path, dtype=np.float64).reshape(-1, 2)

    def optimum(self, x, y):
        """Least squares (w*, b*); with all sizes equal, the minimum-norm solution."""
        stats = SufficientStats.of(x, y)
        if stats.cxx > 1e-12 * max(stats.sxx, 1e-300):
            w = stats.cxy / stats.cxx
            return np.array([w, stats.mean_y - w * stats.mean_x])
        design = np.column_stack([x, np.ones_like(x)])
        return np.linalg.lstsq(design, y, rcond=None)[0]

