"""What the cost views draw: slices, tangents, grids and ranges of a model's cost.

The views show at most two parameters at a time: the *pair*. For the straight lines that is all of
them, and everything comes from :class:`SufficientStats`, so it costs the same for 100 beans or a
million and the window can redraw slices on every frame. For a neuron or a network the pair is a
slice through parameter space: the other parameters are held where the run is (``at``), and the
cost is computed from the beans.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cost import cost_surface_from_stats
from .datasets import Beans
from .models import Line, LinearModel, LineThroughOrigin, Model, SufficientStats


@dataclass(frozen=True)
class Box:
    """A rectangle of the pair's plane: first parameter in [w_lo, w_hi], second in [b_lo, b_hi]."""

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
    """The cost e of a model on a fixed set of beans, seen through a pair of its parameters."""

    def __init__(self, beans: Beans, model: Model, pair: tuple[int, ...] = (0, 1)) -> None:
        self.model = model
        self.linear = isinstance(model, LinearModel)
        self.pair = tuple(i for i in pair if i < model.n_params)[:2]
        if len(set(self.pair)) != len(self.pair):
            raise ValueError("the two parameters of a slice must differ")
        self.names = tuple(model.param_names[i] for i in self.pair)
        self.two_d = len(self.pair) == 2
        #: the whole model is in view: nothing is held (the straight lines, the neuron on one input)
        self.complete = len(self.pair) == model.n_params
        self._beans = beans
        self.stats = SufficientStats.of(beans.x, beans.y) if self.linear else None
        self._losses = None if self.linear else model.loss_function(beans.x, beans.y)   # lines: from stats
        best = model.optimum(beans.x, beans.y)
        #: the parameters of least cost (all of them), where known in closed form; and in the pair's coordinates
        self.lowest = best
        self.optimum = None if best is None else best[list(self.pair)]

    @property
    def has_beans(self) -> bool:
        """Whether the cost is the beans' (a model fitted to them) or a landscape's f with no beans."""
        return getattr(self.model, "has_beans", True)

    # -- the cost through the current point ------------------------------------------------------
    def cost(self, params) -> float:
        """e at one point of parameter space (all the parameters)."""
        return float(self.costs(np.asarray(params, dtype=np.float64)[None, :])[0])

    def costs(self, rows: np.ndarray) -> np.ndarray:
        """e at each row of parameters."""
        if self.linear:
            return self.model.losses_from_stats(rows, self.stats)
        return self._losses(rows)

    def gradient(self, params) -> np.ndarray:
        """The full-batch slope of e along the pair at ``params``: the tangents' slopes."""
        params = np.asarray(params, dtype=np.float64)
        if isinstance(self.model, LineThroughOrigin):
            s = self.stats
            return np.array([2 * (s.sxx * params[0] - s.sxy)])
        if isinstance(self.model, Line):
            s = self.stats
            w, b = params
            return np.array([2 * (s.sxx * w + s.mean_x * b - s.sxy), 2 * (b + s.mean_x * w - s.mean_y)])
        return self.model.grad(params, self._beans.x, self._beans.y)[list(self.pair)]

    def curve(self, which: int, values: np.ndarray, at) -> np.ndarray:
        """e along the pair's parameter ``which`` (0 or 1) over ``values``, the others held at ``at``."""
        rows = np.tile(np.asarray(at, dtype=np.float64), (len(values), 1))
        rows[:, self.pair[which]] = values
        return self.costs(rows)

    def grid(self, box: Box, size: int, at) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The pair's values and e on a size×size grid over ``box`` (e[i, j] at first_i, second_j),
        the other parameters held at ``at``."""
        first = np.linspace(box.w_lo, box.w_hi, size)
        second = np.linspace(box.b_lo, box.b_hi, size)
        if self.linear and self.complete:
            return first, second, cost_surface_from_stats(self.stats, first, second)
        rows = np.tile(np.asarray(at, dtype=np.float64), (size * size, 1))
        rows[:, self.pair[0]] = np.repeat(first, size)
        rows[:, self.pair[1]] = np.tile(second, size)
        return first, second, self.costs(rows).reshape(size, size)

    # -- where to look ---------------------------------------------------------------------------
    def project(self, rows: np.ndarray) -> np.ndarray:
        """Rows of all the parameters → rows of the pair's."""
        return np.asarray(rows)[:, list(self.pair)]

    def box_around(self, path: np.ndarray, margin: float = 0.25) -> Box:
        """A rectangle holding the optimum (if known) and every point of ``path`` (rows of all the
        parameters), with a margin."""
        points = self.project(path)
        if self.optimum is not None:
            points = np.vstack([points, self.optimum[None, :]])
        points = points[np.all(np.isfinite(points), axis=1)]
        lo, hi = points.min(axis=0), points.max(axis=0)
        span = np.maximum(hi - lo, 0.5)  # never narrower than half a unit, so the bowl's shape shows
        lo, hi = lo - margin * span, hi + margin * span
        if not self.two_d:
            return Box(float(lo[0]), float(hi[0]))
        return Box(float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]))


def thin_indices(count: int, at_most: int) -> np.ndarray:
    """At most ``at_most`` indices spread evenly over ``range(count)``, always keeping the first and last."""
    if count <= at_most:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, at_most).round().astype(np.intp))
