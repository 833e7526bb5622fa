"""Beans with two features in 3-D (lesson 7): size and colour depth across, toxicity up, and the
model's prediction a(x1, x2) as a surface that bends into place while it learns.

The beans are drawn once per run; each frame only the surface's heights change (a 30×30 grid,
computed by the model in one call).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from beanlab import colours
from beanlab.core import Beans, Frame, Landscape, thin_indices
from beanlab.gui import style
from beanlab.gui.language import Retranslating
from beanlab.gui.plots.guarded_gl_view import GuardedGLView
from beanlab.i18n import N_, tr

GRID = 30
MAX_BEANS_DRAWN = 5000
TITLE = N_("Beans in 3-D: size x1, colour depth x2, toxicity up; the surface is the prediction a")
# the palette's bean and toxic-bean colours (colours.py), as OpenGL's fractions
SAFE, TOXIC = ((*(c / 255 for c in colours.BEAN), 1.0), (*(c / 255 for c in colours.TOXIC), 1.0))


class Beans3DView(Retranslating, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.view = GuardedGLView()
        self.view.setMinimumSize(160, 120)   # in a layout a GLViewWidget may otherwise get no width
        self.view.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)   # drawn on its own: see SurfaceView
        self.view.setBackgroundColor("w")
        # pixels: as easy to see near or far; "translucent", as the default "additive" vanishes on white
        self._beans = gl.GLScatterPlotItem(size=9, pxMode=True, glOptions="translucent")
        self._surface = gl.GLSurfacePlotItem(computeNormals=False, smooth=False, glOptions="translucent")
        self._grid = gl.GLGridItem(color=(0, 0, 0, 60))
        self._grid.setSize(1.2, 1.2)
        self._grid.setSpacing(0.1, 0.1)
        for item in (self._grid, self._surface, self._beans):
            self.view.addItem(item)
        self._colours = pg.colormap.get("viridis")
        self.title = style.ElidedLabel(wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self._model = None
        self._y_lo, self._y_span = 0.0, 1.0
        self._x1 = self._x2 = np.zeros(GRID)
        self._lo, self._span = np.zeros(2), np.ones(2)
        self._heights = np.zeros((GRID, GRID))   # the surface as drawn, 0 to 1 up the view
        self.view.setCameraPosition(distance=2.4, elevation=22, azimuth=-120)
        self.view.opts["center"] = pg.Vector(0, 0, 0.4)   # halfway up: the toxic beans sit at the top
        self.retranslate()

    def retranslate(self) -> None:
        self.title.set_full_text(tr(TITLE))

    def apply_look(self, look) -> None:
        self.title.setStyleSheet(f"font-size: {look(12):.1f}pt; font-weight: bold;")
        self.view.setBackgroundColor(look.background)
        self._grid.setColor((220, 220, 220, 60) if look.dark else (0, 0, 0, 60))

    def set_run(self, beans: Beans, landscape: Landscape) -> None:
        """Draw the beans (two features only; for one feature this view is not shown)."""
        self._model = landscape.model
        if beans.n_features != 2:
            return
        x = beans.x
        shown, self._lo, self._span, self._y_lo, self._y_span = bean_box(beans)
        across = (x[shown] - self._lo) / self._span - 0.5
        up = self._up(beans.y[shown])
        colours = bean_colours(beans.y, shown, up, self._colours)
        self._beans.setData(pos=np.column_stack([across, up * 0.8]), color=colours)
        self._x1 = np.linspace(self._lo[0], self._lo[0] + self._span[0], GRID)
        self._x2 = np.linspace(self._lo[1], self._lo[1] + self._span[1], GRID)

    def _up(self, y: np.ndarray) -> np.ndarray:
        return (y - self._y_lo) / self._y_span

    def show_frame(self, frame: Frame) -> None:
        if self._model is None or self._model.n_features != 2:
            return
        grid = np.column_stack([np.repeat(self._x1, GRID), np.tile(self._x2, GRID)])
        heights = self._heights = self._up(self._model.predict(np.asarray(frame.snapshot.params), grid)
                                           .reshape(GRID, GRID))
        colours = self._colours.map(np.clip(heights, 0, 1), mode="float")
        colours[..., 3] = 0.6
        self._surface.setData(x=(self._x1 - self._lo[0]) / self._span[0] - 0.5,
                              y=(self._x2 - self._lo[1]) / self._span[1] - 0.5,
                              z=heights * 0.8, colors=colours.reshape(-1, 4))

    def beans_shown(self) -> np.ndarray:
        """The beans as drawn: one row (across x1, across x2, up) each, in the view's coordinates."""
        return self._beans.pos

    def prediction_surface(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The surface as drawn, in the beans' units: the x1 and x2 of its grid and its height a there."""
        return self._x1, self._x2, self._heights * self._y_span + self._y_lo


def bean_box(beans: Beans) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float]:
    """The beans drawn (an even sample), their features' lowest values and spans, and the heights'
    lowest and span: 0 to 1 for toxic or not, a regression's y (the textbook's, prices) as it comes."""
    x = beans.x
    lo = x.min(axis=0)
    span = np.maximum(x.max(axis=0) - lo, 1e-12)
    y_lo = min(0.0, float(beans.y.min()))
    return thin_indices(len(beans), MAX_BEANS_DRAWN), lo, span, y_lo, max(1.0, float(beans.y.max())) - y_lo


def bean_colours(y: np.ndarray, shown: np.ndarray, up: np.ndarray, colour_map) -> np.ndarray:
    """Toxic or not in the palette's two colours; other values by height (``up``, 0 to 1) on the map."""
    if np.isin(y, (0.0, 1.0)).all():
        return np.where((y[shown] > 0.5)[:, None], TOXIC, SAFE)
    return colour_map.map(np.clip(up, 0, 1), mode="float")
