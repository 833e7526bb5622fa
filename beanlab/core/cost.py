"""The cost landscape of the linear models: e(w), e(w, b) on a grid, and the optimum.

Everything here is computed from :class:`SufficientStats`, so a grid over a million beans costs
the same as over a hundred once the statistics are known.
"""
from __future__ import annotations

import numpy as np

from .model_catalogue import make_model
from .models import LineThroughOrigin, Model, SufficientStats


def cost_curve(x: np.ndarray, y: np.ndarray, w_values: np.ndarray) -> np.ndarray:
    """e(w) = mean((y − w·x)²) of the model y = w·x at each of ``w_values``."""
    w_values = np.asarray(w_values, dtype=np.float64)
    stats = SufficientStats.of(np.asarray(x, float), np.asarray(y, float))
    return LineThroughOrigin.losses_from_stats(w_values.reshape(-1, 1), stats).reshape(w_values.shape)


def cost_surface(x: np.ndarray, y: np.ndarray, w_values: np.ndarray, b_values: np.ndarray) -> np.ndarray:
    """e(w, b) = mean((y − w·x − b)²) on a grid: shape (len(w_values), len(b_values)), ``[i, j] = e(w_i, b_j)``."""
    stats = SufficientStats.of(np.asarray(x, float), np.asarray(y, float))
    return cost_surface_from_stats(stats, w_values, b_values)


def cost_surface_from_stats(stats: SufficientStats, w_values: np.ndarray, b_values: np.ndarray) -> np.ndarray:
    """:func:`cost_surface` when the statistics of the beans are already known."""
    w = np.asarray(w_values, dtype=np.float64)[:, None]
    b = np.asarray(b_values, dtype=np.float64)[None, :]
    with np.errstate(all="ignore"):
        residual = stats.mean_y - w * stats.mean_x - b
        return (stats.cyy - 2 * w * stats.cxy + w * w * stats.cxx) + residual * residual


def optimum(x: np.ndarray, y: np.ndarray, model: Model | str = "wx+b") -> np.ndarray:
    """The closed-form least-squares parameters: w* = Σxy/Σx² for ``wx``, (w*, b*) for ``wx+b``."""
    if isinstance(model, str):
        model = make_model(model)
    best = model.optimum(np.asarray(x, float), np.asarray(y, float))
    if best is None:
        raise ValueError(f"model {model.name} has no closed-form optimum")
    return best
