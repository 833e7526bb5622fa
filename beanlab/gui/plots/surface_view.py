"""The cost bowl e(w, b) in 3-D (OpenGL), with the descent path and the current point as a ball.

For the model y = w·x, which has one parameter, it shows the curve e(w) in the same space.
Drag to rotate, wheel to zoom, "Reset camera" to come back.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pyqtgraph.opengl as gl
from OpenGL import GL
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from beanlab.core import Box, Landscape, thin_indices
from beanlab.gui import style
from beanlab.gui.plots.guarded_gl_view import GuardedGLView
from beanlab.i18n import N_, tr

MAX_PATH_POINTS = 1500
# The path, the ball and the optimum are drawn over the bowl, never hidden inside it: a learner
# must always see where the descent is, even where the translucent surface passes in front of it.
ON_TOP = {GL.GL_DEPTH_TEST: False, GL.GL_BLEND: True, GL.GL_CULL_FACE: False,
          "glBlendFunc": (GL.GL_SRC_ALPHA, GL.GL_ONE_MINUS_SRC_ALPHA)}
HEIGHT = 1.0   # the bowl is drawn this tall, whatever its cost values, and as wide as it is deep


class SurfaceView(QWidget):
    """GLViewWidget with a surface, a path line, a ball and an optimum marker, made once."""

    def __init__(self) -> None:
        super().__init__()
        self.view = GuardedGLView()
        # in a layout a GLViewWidget with no minimum size can be squeezed to zero width
        self.view.setMinimumSize(160, 120)
        # A QOpenGLWidget inside an ordinary window makes Qt compose the *whole* window through
        # OpenGL on every repaint of any plot (measured: ~45 ms a frame on Mesa's software GL). As a
        # native child window it is drawn on its own and the rest of the window stays plain raster.
        self.view.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.view.setBackgroundColor("w")
        self._surface = gl.GLSurfacePlotItem(computeNormals=False, smooth=False, glOptions="translucent")
        self._colours = pg.colormap.get("viridis")
        self._curve = gl.GLLinePlotItem(width=3, color=(0.12, 0.47, 0.71, 1), antialias=True)
        self._path = gl.GLLinePlotItem(width=3, color=(0.84, 0.15, 0.16, 1), antialias=True)
        self._ball = gl.GLScatterPlotItem(size=0.07, pxMode=False, color=(0.84, 0.15, 0.16, 1))
        self._optimum = gl.GLScatterPlotItem(size=0.06, pxMode=False, color=(0.1, 0.1, 0.1, 1))
        self._grid = gl.GLGridItem(color=(0, 0, 0, 60))
        self._grid.setSize(1.2, 1.2)
        self._grid.setSpacing(0.1, 0.1)
        for item in (self._grid, self._surface, self._curve, self._path, self._optimum, self._ball):
            self.view.addItem(item)
        for item in (self._path, self._optimum, self._ball):
            item.setGLOptions(ON_TOP)
        self._heading, self._controls = N_("Cost bowl E({first}, {second}) in 3-D"), True
        self._names: tuple[str, ...] = ("w", "b")   # the parameters the bowl is drawn over
        self.title = style.ElidedLabel(wrap=True)   # a long title wraps: it never makes the view (and window) wider
        self._show_title()
        self.reset_camera_button = QPushButton()
        self.reset_camera_button.clicked.connect(self.reset_camera)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.reset_camera_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        self._landscape: Landscape | None = None
        self._box = Box(0, 1, 0, 1)
        self._z_scale = 1.0
        self.reset_camera()

    def apply_look(self, look) -> None:
        fit = tuple(c / 255 for c in look.palette.fit) + (1.0,)
        self._path.setData(color=fit, width=look(3))
        self._ball.setData(color=fit, size=0.07 * (1 + (look.scale - 1) / 2))
        self.title.setStyleSheet(f"font-size: {look(12):.1f}pt; font-weight: bold;")
        self.view.setBackgroundColor(look.background)
        self._grid.setColor((220, 220, 220, 60) if look.dark else (0, 0, 0, 60))

    def set_controls_visible(self, visible: bool) -> None:
        """Show or hide the "Reset camera" button (an exported picture has no use for it)."""
        self.reset_camera_button.setVisible(visible)
        self._controls = visible
        self._show_title()

    def retranslate(self) -> None:
        """Its words in the current language (the plot board calls this when the language changes)."""
        self.reset_camera_button.setText(tr("Reset camera"))
        self._show_title()

    def _show_title(self) -> None:
        hint = tr(" — drag to rotate, wheel to zoom") if self._controls else ""
        names = self._names
        heading = tr(self._heading).format(first=names[0], second=names[-1])
        self.title.set_full_text(heading, tooltip=hint.strip(" —"))

    def reset_camera(self) -> None:
        self.view.setCameraPosition(distance=2.0, elevation=30, azimuth=-60)
        self.view.opts["center"] = pg.Vector(0, 0, HEIGHT * 0.3)
        self.view.update()

    def set_names(self, names: tuple[str, ...], cost: str = "E") -> None:
        """The parameters the bowl is drawn over (the title says them; set_surface names the cost)."""
        self._names = names

    def set_surface(self, landscape: Landscape, box: Box, w: np.ndarray, b: np.ndarray, cost: np.ndarray,
                    at: np.ndarray | None = None) -> None:
        """Draw a new grid (data or model changed, the path left the old ranges, a slice moved)."""
        self._landscape, self._box = landscape, box
        self._z_scale = HEIGHT / max(float(np.nanmax(cost)), 1e-12)
        xs, ys = self._to_view(w, b)
        heights = cost * self._z_scale
        colours = self._colours.map(np.sqrt(np.clip(heights / HEIGHT, 0, 1)), mode="float")
        colours[..., 3] = 0.85
        # MeshData wants one colour per vertex, flattened in the order of the vertices
        self._surface.setData(x=xs, y=ys, z=heights, colors=colours.reshape(-1, 4))
        self._surface.setVisible(True)
        self._curve.setVisible(False)
        if not landscape.has_beans:   # a landscape: its f, no cost of beans
            self._heading = N_("Landscape f({first}, {second}) in 3-D")
        elif landscape.complete:
            self._heading = N_("Cost bowl E({first}, {second}) in 3-D")
        else:
            self._heading = N_("Cost E({first}, {second}) in 3-D, the other parameters held")
        self._show_title()
        self._show_optimum(landscape)

    def _show_optimum(self, landscape: Landscape) -> None:
        optimum = landscape.optimum
        self._optimum.setVisible(optimum is not None)
        if optimum is not None:   # known in closed form: the straight lines, whose whole cost is in view
            ow, ob = self._to_view(optimum[0], optimum[1] if len(optimum) > 1 else 0.0)
            self._optimum.setData(pos=np.array([[ow, ob, landscape.cost(landscape.lowest) * self._z_scale]]))

    def set_curve(self, landscape: Landscape, box: Box, w: np.ndarray, cost: np.ndarray,
                  at: np.ndarray | None = None) -> None:
        """Model y = w·x: one parameter, so the 3-D view shows the curve e(w) standing in the w–e plane."""
        self._landscape, self._box = landscape, box
        self._z_scale = HEIGHT / max(float(np.nanmax(cost)), 1e-12)
        xs, _ = self._to_view(w, 0.0)
        self._curve.setData(pos=np.column_stack([xs, np.zeros_like(xs), cost * self._z_scale]))
        self._surface.setVisible(False)
        self._curve.setVisible(True)
        self._heading = N_("Cost curve E(w) in 3-D (model wx has one parameter)")
        self._show_title()
        self._show_optimum(landscape)

    def show_path(self, path: np.ndarray, costs: np.ndarray) -> None:
        """The descent so far (rows of parameters) and its costs; the last row is the ball."""
        shown = thin_indices(len(path), MAX_PATH_POINTS)
        w = path[shown, 0]
        b = path[shown, 1] if path.shape[1] > 1 else np.zeros(len(shown))
        xs, ys = self._to_view(w, b)
        # lift the path a hair above the surface so it is not hidden inside it
        points = np.column_stack([xs, ys, costs[shown] * self._z_scale + 0.01])
        self._path.setData(pos=points)
        self._ball.setData(pos=points[-1:])

    def _to_view(self, w, b):
        """Map (w, b) in the current box to a unit square centred on the origin."""
        box = self._box
        w_span = max(box.w_hi - box.w_lo, 1e-12)
        b_span = max(box.b_hi - box.b_lo, 1e-12)
        b = np.asarray(b, float)
        flat = box.b_hi <= box.b_lo   # model wx: no b axis, everything on the w–e plane
        return ((np.asarray(w, float) - box.w_lo) / w_span - 0.5,
                np.zeros_like(b) if flat else (b - box.b_lo) / b_span - 0.5)
