"""Keeps the cost views (slices, contour map, 3-D bowl) in step with the run.

It draws the descent path from the frame hub's one sample of the run, and recomputes the grid only when the data or
model change or when the path leaves the ranges drawn so far (the ranges grow with the path). For a
model with more parameters than the views show, the grid is a slice through the current point: it
is computed again when the run pauses there, or when another pair of parameters is chosen.
"""
from __future__ import annotations

import numpy as np

from beanlab.core import Frame, Landscape, RunState
from beanlab.core.symbols import whole_cost_of
from beanlab.gui.frame_hub import SampledRun
from beanlab.gui.plots.contour_plot import ContourPlot
from beanlab.gui.plots.cost_slices_plot import CostSlicesPlot
from beanlab.gui.plots.surface_view import SurfaceView

GRID_SIZE = 40   # vertices a side: finer costs frame rate on software OpenGL and looks no smoother


class CostViews:
    """The slices, contour map and 3-D bowl of one run; any of them may be absent (None)."""

    def __init__(self, slices: CostSlicesPlot | None, contour: ContourPlot | None,
                 surface: SurfaceView | None) -> None:
        self.slices, self.contour, self.surface = slices, contour, surface
        self._landscape: Landscape | None = None
        self._box = None
        self._held_at: np.ndarray | None = None   # where the slice's other parameters were held
        self.surface_computations = 0   # how often a grid was computed (the tests check it stays rare)

    def set_run(self, landscape: Landscape) -> None:
        """A new run, or the same one seen through another pair of parameters: new names, a new grid."""
        self._landscape = landscape
        self._box = None
        for view in (self.contour, self.surface):   # (the slices take their titles from the landscape)
            if view is not None:
                view.set_names(landscape.names, whole_cost_of(landscape.model).cost)
        if self.slices is not None:
            self.slices.set_run(landscape)

    def show_frame(self, frame: Frame, history: SampledRun) -> None:
        """The path of the whole run, from ``history`` (which already holds ``frame``'s rows)."""
        if self._landscape is None:
            return
        # the sample may skip the latest rows; the ball must sit exactly on the current point
        path = np.vstack([history.params, frame.snapshot.params])
        costs = np.append(history.loss, frame.snapshot.loss)
        landscape = self._landscape
        current = np.asarray(frame.snapshot.params)
        moved_off_slice = not landscape.complete and frame.state != RunState.PLAYING and \
            (self._held_at is None or not np.array_equal(self._held_at, current))
        if self._box is None or moved_off_slice or not self._box.contains(*self._pair_columns(frame.params)):
            self._recompute(path, current)
        shown = landscape.project(path)
        if self.slices is not None:
            self.slices.show_frame(frame)
        if self.surface is not None:
            self.surface.show_path(shown, costs)
        if self.contour is not None and landscape.two_d:
            self.contour.show_path(shown)

    def _pair_columns(self, params: np.ndarray):
        shown = self._landscape.project(params)
        return (shown[:, 0], shown[:, 1]) if shown.shape[1] > 1 else (shown[:, 0], None)

    def _recompute(self, path: np.ndarray, at: np.ndarray) -> None:
        landscape = self._landscape
        self._box = landscape.box_around(path)
        self._held_at = at.copy()
        self.surface_computations += 1
        if self.slices is not None:
            self.slices.set_box(self._box)
        if landscape.two_d:
            w, b, cost = landscape.grid(self._box, GRID_SIZE, at)
            if self.contour is not None:
                self.contour.set_surface(landscape, self._box, w, b, cost, at)
            if self.surface is not None:
                self.surface.set_surface(landscape, self._box, w, b, cost, at)
        elif self.surface is not None:
            w = np.linspace(self._box.w_lo, self._box.w_hi, 200)
            self.surface.set_curve(landscape, self._box, w, landscape.curve(0, w, at), at)
