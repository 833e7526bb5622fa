"""What the cost views draw: slices, tangents, grids and ranges of a linear model's cost.

All of it comes from :class:`SufficientStats`, so it costs the same for 100 beans or a million, and
the window can redraw slices and tangents on every frame without touching the beans.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cost import cost_surface_from_stats
from .datasets import Beans
from .models import LineThroughOrigin, Model, SufficientStats


@dataclass(frozen=True)
class Box:
    """A rectangle of parameter space: w in [w_lo, w_hi], b in [b_lo, b_hi]."""

    w_lo: float
    w_hi: float
    b_lo: float = 0.0
    b_hi: float = 0.0

    def contains(self, w: np.ndarray, b: np.ndarray | None = None) -> bool:
        inside = np.all((w >= self.w_lo) & (w <= self.w_hi))
        if b is not None:
            inside = inside and np.all((b >= self.b_lo) & (b <= self.b_hi))
        return bool(inside)


class Landscape:
    """The cost e of a linear model (``wx`` or ``wx+b``) on a fixed set of beans."""

    def __init__(self, beans: Beans, model: Model) -> None:
        self.model = model
        self.stats = SufficientStats.of(beans.x, beans.y)
        self.has_bias = model.n_params == 2
        self.optimum = model.optimum(beans.x, beans.y)

    def cost(self, params) -> float:
        """e at one point of parameter space."""
        return float(self.model.losses_from_stats(np.asarray(params, float).reshape(1, -1), self.stats)[0])

    def gradient(self, params) -> np.ndarray:
        """The full-batch gradient (∂e/∂w[, ∂e/∂b]) at ``params``: the slope of the cost views' tangents."""
        s = self.stats
        w = float(params[0])
        if not self.has_bias:
            return np.array([2 * (s.sxx * w - s.sxy)])
        b = float(params[1])
        return np.array([2 * (s.sxx * w + s.mean_x * b - s.sxy), 2 * (b + s.mean_x * w - s.mean_y)])

    def curve_w(self, w_values: np.ndarray, b: float = 0.0) -> np.ndarray:
        """e(w) for ``wx``, or the slice e(w | b) through a fixed b for ``wx+b``."""
        if not self.has_bias:
            return LineThroughOrigin.losses_from_stats(np.asarray(w_values, float)[:, None], self.stats)
        return cost_surface_from_stats(self.stats, w_values, [b])[:, 0]

    def curve_b(self, b_values: np.ndarray, w: float) -> np.ndarray:
        """The slice e(b | w) through a fixed w."""
        return cost_surface_from_stats(self.stats, [w], b_values)[0]

    def grid(self, box: Box, size: int = 80) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """w values, b values and e on a size×size grid over ``box`` (e[i, j] = e(w_i, b_j))."""
        w = np.linspace(box.w_lo, box.w_hi, size)
        b = np.linspace(box.b_lo, box.b_hi, size)
        return w, b, cost_surface_from_stats(self.stats, w, b)

    def box_around(self, path: np.ndarray, margin: float = 0.25) -> Box:
        """A rectangle holding the optimum and every point of ``path`` (rows of parameters), with a margin."""
        points = np.vstack([path, self.optimum[None, :]])
        points = points[np.all(np.isfinite(points), axis=1)]
        lo, hi = points.min(axis=0), points.max(axis=0)
        span = np.maximum(hi - lo, 0.5)  # never narrower than half a unit, so the bowl's shape shows
        lo, hi = lo - margin * span, hi + margin * span
        if not self.has_bias:
            return Box(float(lo[0]), float(hi[0]))
        return Box(float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def thin_indices(count: int, at_most: int) -> np.ndarray:
    """At most ``at_most`` indices spread evenly over ``range(count)``, always keeping the first and last."""
    if count <= at_most:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, at_most).round().astype(np.intp))
