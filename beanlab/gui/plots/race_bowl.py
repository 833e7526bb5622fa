"""The race's cost surface in 3-D, with every racer's path on it in the racer's colour.

The same surface as the race window's map, drawn as the main window's bowl is (heights scaled to
one unit, paths drawn over the surface so none hides inside it); drag to rotate, wheel to zoom.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from beanlab.gui.plots.surface_view import HEIGHT, ON_TOP


class RaceBowl(QWidget):
    def __init__(self, colours: tuple[tuple[int, int, int], ...]) -> None:
        super().__init__()
        self.view = gl.GLViewWidget()
        self.view.setMinimumSize(200, 160)   # a GLViewWidget in a layout may otherwise get no width
        self.view.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)   # drawn on its own: see SurfaceView
        self.view.setBackgroundColor("w")
        self._surface = gl.GLSurfacePlotItem(computeNormals=False, smooth=False, glOptions="translucent")
        self._colours = pg.colormap.get("viridis")
        grid = gl.GLGridItem(color=(0, 0, 0, 60))
        grid.setSize(1.2, 1.2)
        grid.setSpacing(0.1, 0.1)
        self.paths = [gl.GLLinePlotItem(width=3, color=tuple(c / 255 for c in colour) + (1.0,), antialias=True)
                      for colour in colours]
        for item in (grid, self._surface, *self.paths):
            self.view.addItem(item)
        for path in self.paths:
            path.setGLOptions(ON_TOP)
        self.view.setCameraPosition(distance=2.0, elevation=30, azimuth=-60)
        self.view.opts["center"] = pg.Vector(0, 0, HEIGHT * 0.3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def draw(self, drawn) -> None:
        """The surface and paths of a :class:`~beanlab.gui.race_window.RaceMap`."""
        box, cost = drawn.box, drawn.cost
        finite = cost[np.isfinite(cost)]
        low = float(finite.min()) if len(finite) else 0.0
        span = max(float(finite.max()) - low, 1e-12) if len(finite) else 1.0
        heights = (np.nan_to_num(cost, nan=low + span) - low) / span * HEIGHT
        across = np.linspace(-0.5, 0.5, cost.shape[0])
        up = np.linspace(-0.5, 0.5, cost.shape[1])
        colours = self._colours.map(np.sqrt(np.clip(heights / HEIGHT, 0, 1)), mode="float")
        colours[..., 3] = 0.7
        self._surface.setData(x=across, y=up, z=heights, colors=colours.reshape(-1, 4))
        for index, item in enumerate(self.paths):
            if index >= len(drawn.paths):
                item.setData(pos=np.zeros((0, 3)))
                continue
            path, losses = drawn.paths[index], drawn.heights[index]
            x = (path[:, 0] - box.w_lo) / max(box.w_hi - box.w_lo, 1e-12) - 0.5
            y = (path[:, 1] - box.b_lo) / max(box.b_hi - box.b_lo, 1e-12) - 0.5
            z = (np.clip(losses, low, low + 2 * span) - low) / span * HEIGHT
            keep = np.isfinite(x) & np.isfinite(y) & np.isfinite(z)
            item.setData(pos=np.column_stack([x, y, z])[keep])
