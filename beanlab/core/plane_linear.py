"""Linear regression on two features, the textbook's first model: ŷ = w1·x1 + w2·x2 + b.

It learns, as the textbook (d2l, "Linear Regression Implementation from Scratch") does, with half
the squared error, ``squared_loss = (y_hat - y)**2 / 2`` averaged over the beans: so its learning
rate 0.03 moves as the book's does, and its loss is the number the book prints. (The course's
models keep the course's error with no ½.)

Its cost, like the straight line's, is a quadratic fixed by a few statistics of the data (the
means, the 2×2 covariance of the features, their covariances with y and y's variance), so the
loss of every update and every point of a cost grid costs the same however many samples there are.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .models import Model


@dataclass(frozen=True)
class PlaneStats:
    """Centred moments of two-feature data: enough for the mean squared error anywhere."""

    mean_x: np.ndarray   # (2,)
    mean_y: float
    cxx: np.ndarray      # (2, 2): mean((x − x̄)(x − x̄)ᵀ)
    cxy: np.ndarray      # (2,):   mean((x − x̄)(y − ȳ))
    cyy: float           # mean((y − ȳ)²)

    @classmethod
    def of(cls, x: np.ndarray, y: np.ndarray) -> PlaneStats:
        mean_x, mean_y = x.mean(axis=0), float(y.mean())
        dx, dy = x - mean_x, y - mean_y
        return cls(mean_x, mean_y, dx.T @ dx / len(y), dx.T @ dy / len(y), float(dy @ dy / len(y)))

    def losses(self, rows: np.ndarray) -> np.ndarray:
        """Mean squared error (no ½) at each row (w1, w2, b): (ȳ − w·x̄ − b)² + wᵀCw − 2w·c + var(y)."""
        w, b = rows[:, :2], rows[:, 2]
        # element by element, not matmul or einsum: a row's loss must not depend on how many rows come with it
        w1, w2 = w[:, 0], w[:, 1]
        (c11, c12), (c21, c22) = self.cxx
        with np.errstate(all="ignore"):
            residual = self.mean_y - (w1 * self.mean_x[0] + w2 * self.mean_x[1]) - b
            quadratic = w1 * (c11 * w1 + c12 * w2) + w2 * (c21 * w1 + c22 * w2)
            spread = quadratic - 2 * (w1 * self.cxy[0] + w2 * self.cxy[1]) + self.cyy
            return residual * residual + np.maximum(spread, 0.0)


class PlaneLinear(Model):
    """ŷ = w1·x1 + w2·x2 + b, learned with half the squared error, ½(ŷ − y)², as the textbook does."""

    name = "plane-linear"
    label = "ŷ = w1·x1 + w2·x2 + b"
    param_names = ("w1", "w2", "b")
    n_features = 2
    prediction = "w1·x1 + w2·x2 + b"
    slope_formulas = {"w1": "(ŷ − y)·x1", "w2": "(ŷ − y)·x2", "b": "ŷ − y"}   # of ½(ŷ − y)²: the 2 cancels
    loss_formula = "½(ŷ − y)²"
    lesson_dataset = "d2l"
    fit_shape = "boundary"

    def predict(self, params, x):
        x = np.asarray(x, dtype=np.float64).reshape(-1, 2)
        return x @ params[:2] + params[2]

    def loss(self, params, x, y):
        """The textbook's loss: the mean over the beans of ½(ŷ − y)²."""
        with np.errstate(all="ignore"):
            error = self.predict(params, x) - y
            return float(np.mean(error * error) / 2)

    def grad(self, params, x, y):
        x = np.asarray(x, dtype=np.float64).reshape(-1, 2)
        error = x @ params[:2] + params[2] - y
        return np.array([np.mean(error * x[:, 0]), np.mean(error * x[:, 1]), np.mean(error)])

    def loss_function(self, x, y):
        stats = PlaneStats.of(np.asarray(x, dtype=np.float64).reshape(-1, 2), np.asarray(y, dtype=np.float64))
        return lambda rows: stats.losses(rows) / 2

    def sgd_path(self, params, xs, ys, lr):
        """Per-sample SGD in plain floats: the same floats as the generic loop, without numpy per step."""
        w1, w2, b = (float(p) for p in params)
        path = np.empty((len(ys), 3))
        for i, ((x1, x2), y) in enumerate(zip(np.asarray(xs).reshape(-1, 2).tolist(), ys.tolist())):
            error = w1 * x1 + w2 * x2 + b - y
            w1, w2, b = w1 - lr * error * x1, w2 - lr * error * x2, b - lr * error
            path[i] = (w1, w2, b)
        return path

    def inputs(self, x):
        return np.array([x[0], x[1], 1.0])

    def optimum(self, x, y):
        """Least squares through ``np.linalg.lstsq`` on the design [x1, x2, 1]."""
        x = np.asarray(x, dtype=np.float64).reshape(-1, 2)
        return np.linalg.lstsq(np.column_stack([x, np.ones(len(x))]), y, rcond=None)[0]
