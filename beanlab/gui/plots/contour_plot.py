"""A map of the cost bowl e(w, b) seen from above, with contour lines and the descent path."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from beanlab.core import Box, Landscape, thin_indices
from beanlab.gui import style
from beanlab.i18n import N_

MAX_PATH_POINTS = 1500   # about four per pixel across the map: more would not show
CONTOUR_LEVELS = 12


class ContourPlot(pg.PlotWidget):
    """Cost as colour (log scale) over w and b, contour lines, the path so far, the optimum."""

    TITLE = N_("Cost map E({first}, {second}) from above")
    F_TITLE = N_("Map of f({first}, {second}) from above")   # a landscape: its f, no cost of beans

    def __init__(self) -> None:
        super().__init__()
        self.set_names(("w", "b"))
        style.plain_axes(self)
        self.setMinimumSize(140, 110)
        self._image = pg.ImageItem()
        self._image.setColorMap(pg.colormap.get("viridis"))
        self.addItem(self._image)
        self._isocurves = [pg.IsocurveItem(pen=pg.mkPen((255, 255, 255, 150), width=1)) for _ in range(CONTOUR_LEVELS)]
        for curve in self._isocurves:
            self.addItem(curve)
        # Wide antialiased lines are Qt's slowest drawing (a zig-zagging SGD path of 3,000 points took
        # 12 ms a frame); on the coloured map a plain 2 px line reads as well at a quarter of the cost.
        self._path = self.plot([], [], pen=style.pen(style.FIT, 2), antialias=False)
        self._ball = self.plot([], [], pen=None, symbol="o", symbolSize=14, symbolBrush=pg.mkBrush(*style.FIT),
                               symbolPen=pg.mkPen("w", width=2))
        self._optimum = self.plot([], [], pen=None, symbol="star", symbolSize=20, symbolBrush=pg.mkBrush("w"),
                                  symbolPen=pg.mkPen("k", width=1))
        self._path_params = np.empty((0, 2))

    def apply_look(self, look: style.Look) -> None:
        self._path.setPen(style.pen(look.palette.fit, look(2)))
        self._ball.setSymbolSize(look(14))
        self._ball.setSymbolBrush(pg.mkBrush(*look.palette.fit))
        self._ball.setSymbolPen(pg.mkPen("w", width=look(2)))
        self._optimum.setSymbolSize(look(20))
        style.apply_axes_look(self, look)

    def set_names(self, names: tuple[str, ...], cost: str = "E") -> None:
        """The two parameters the map is drawn over; ``cost``: what it maps, E of the beans or a landscape's f."""
        if len(names) == 2:
            style.set_title(self, self.TITLE if cost == "E" else self.F_TITLE, f"{cost}({names[0]}, {names[1]})",
                            first=names[0], second=names[1])
            style.label_axes(self, *names)

    def set_surface(self, landscape: Landscape, box: Box, w: np.ndarray, b: np.ndarray, cost: np.ndarray,
                    at: np.ndarray | None = None) -> None:
        """Draw a new grid (data or model changed, or the path left the old ranges)."""
        shade = self.shade(cost)
        self._image.setImage(shade, autoLevels=True)
        self._image.setRect(QRectF(box.w_lo, box.b_lo, box.w_hi - box.w_lo, box.b_hi - box.b_lo))
        levels = np.linspace(shade.min(), shade.max(), CONTOUR_LEVELS + 2)[1:-1]
        for curve, level in zip(self._isocurves, levels):
            curve.setData(shade, level)
            # contour lines come in grid-cell units; map them to (w, b) as the image is mapped
            curve.setTransform(self._image.transform())
        optimum = landscape.optimum
        self._optimum.setData([] if optimum is None else [optimum[0]], [] if optimum is None else [optimum[1]])
        self.setRange(xRange=(box.w_lo, box.w_hi), yRange=(box.b_lo, box.b_hi), padding=0)

    def show_map(self, visible: bool) -> None:
        """Show or hide the coloured map, its contour lines and the optimum (a stand-in may draw a curve)."""
        for item in (self._image, self._optimum, *self._isocurves):
            item.setVisible(visible)

    def shade(self, cost: np.ndarray) -> np.ndarray:
        """The colour value of each grid point (a subclass may colour by another scale)."""
        return log_shade(cost)

    def show_path(self, path: np.ndarray) -> None:
        shown = thin_indices(len(path), MAX_PATH_POINTS)
        self._path.setData(path[shown, 0], path[shown, 1])
        self._ball.setData([path[-1, 0]], [path[-1, 1]])
        style.settle(self)

    def path_shown(self) -> tuple[np.ndarray, np.ndarray]:
        """The descent path as drawn on the map: its first and second parameters."""
        return self._path.getData()

    def ball_position(self) -> tuple[float, float]:
        """Where the ball (the current point) sits on the map."""
        w, b = self._ball.getData()
        return float(w[0]), float(b[0])


def log_shade(cost: np.ndarray) -> np.ndarray:
    """Colour by the cost's order of magnitude: a bowl shows its valley floor. Where the cost goes
    below zero (a landscape's f), by its height above the lowest point, on the same log scale."""
    low = float(np.nanmin(cost)) if np.isfinite(cost).any() else 0.0
    if low > 0:
        return np.log10(np.maximum(cost, 1e-12))
    span = max(float(np.nanmax(cost)) - low, 1e-12)
    return np.log10(cost - low + 1e-3 * span)
