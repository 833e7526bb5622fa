"""2-D stand-ins for the 3-D views, for computers without usable OpenGL (or ``beanlab --no-3d``).

Each takes the place of its 3-D view on the plot board, answers the same calls, and says in one line
above the plot why it is flat: the cost bowl becomes the bowl seen from straight above (colour is its
height, as on the 3-D surface); the beans in 3-D become the plane of the two features, the model's
prediction a as colour under the beans.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from beanlab.core import Beans, Box, Frame, Landscape
from beanlab.gui import style
from beanlab.gui.opengl_support import support
from beanlab.gui.plots.beans_3d_view import GRID, bean_box, bean_colours
from beanlab.gui.plots.contour_plot import ContourPlot
from beanlab.i18n import N_, tr

NO_OPENGL_MAP = N_("3-D needs OpenGL 2.1; this computer offers none — showing the map instead")
TURNED_OFF_MAP = N_("3-D is turned off (beanlab --no-3d) — showing the map instead")
NO_OPENGL_BEANS = N_("3-D needs OpenGL 2.1; this computer offers none — showing the beans from above instead")
TURNED_OFF_BEANS = N_("3-D is turned off (beanlab --no-3d) — showing the beans from above instead")
NO_OPENGL_SIDE = N_("3-D needs OpenGL 2.1; this computer offers none — showing the bowl from the side instead")
TURNED_OFF_SIDE = N_("3-D is turned off (beanlab --no-3d) — showing the bowl from the side instead")
# each stand-in's note: (no usable OpenGL here, turned off by the user); "race": the race window's bowl
NOTES = {"surface": (NO_OPENGL_MAP, TURNED_OFF_MAP), "beans3d": (NO_OPENGL_BEANS, TURNED_OFF_BEANS),
         "race": (NO_OPENGL_SIDE, TURNED_OFF_SIDE)}


def stand_in_note(view: str) -> str:
    """The line the stand-in of the 3-D view ``view`` shows above its plot, in the current language."""
    return tr(NOTES[view][support().turned_off])


class StandInNote(QLabel):
    """The one line saying why the view is flat (the computer lacks OpenGL, or the user asked)."""

    def __init__(self, view: str) -> None:
        super().__init__()
        self._view = view
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(stand_in_note(self._view))

    def apply_look(self, look) -> None:
        self.setStyleSheet(f"font-size: {look(9):.1f}pt; color: {'#ddd' if look.dark else '#444'};")


class _Column(QVBoxLayout):
    """The note above the plot. The wrapped note's height-for-width would make the plot board's grid
    (which asks every cell) give this cell the room of the others; the note's own height is enough."""

    def hasHeightForWidth(self) -> bool:
        return False


def _column(note: QLabel, plot: QWidget, owner: QWidget) -> None:
    layout = _Column(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(note)
    layout.addWidget(plot, 1)


class _BowlFromAbove(ContourPlot):
    """The map of the bowl, coloured by height as the 3-D surface is (not by order of magnitude)."""

    TITLE = N_("Bowl E({first}, {second}) by height")
    F_TITLE = N_("f({first}, {second}) by height")

    def shade(self, cost: np.ndarray) -> np.ndarray:
        low = float(np.nanmin(cost))
        return np.sqrt(np.maximum(cost - low, 0.0))


class FlatBowl(QWidget):
    """Stands in for :class:`~beanlab.gui.plots.surface_view.SurfaceView`: the same calls, in 2-D."""

    is_stand_in = True

    def __init__(self) -> None:
        super().__init__()
        self.note = StandInNote("surface")
        self.plot = _BowlFromAbove()
        self._curve = self.plot.plot([], [], pen=style.pen(style.FIT, 2))   # model wx: the curve e(w)
        self._one_parameter = False
        self._names: tuple[str, ...] = ("w", "b")
        self._cost = "E"
        _column(self.note, self.plot, self)

    def set_controls_visible(self, visible: bool) -> None:
        """No camera to reset in 2-D: nothing to hide."""

    def retranslate(self) -> None:
        self.note.retranslate()

    def apply_look(self, look) -> None:
        self.note.apply_look(look)
        self.plot.apply_look(look)

    def reset_camera(self) -> None:
        self.plot.autoRange()

    def set_names(self, names: tuple[str, ...], cost: str = "E") -> None:
        self._names, self._cost = names, cost
        self.plot.set_names(names, cost)

    def set_surface(self, landscape: Landscape, box: Box, w: np.ndarray, b: np.ndarray, cost: np.ndarray,
                    at: np.ndarray | None = None) -> None:
        if self._one_parameter:   # back from a curve: the map's own title and axes
            self._one_parameter = False
            self.plot.set_names(self._names, self._cost)
        self._curve.setData([], [])
        self.plot.show_map(True)
        self.plot.set_surface(landscape, box, w, b, cost, at)

    def set_curve(self, landscape: Landscape, box: Box, w: np.ndarray, cost: np.ndarray,
                  at: np.ndarray | None = None) -> None:
        """Model y = w·x: one parameter, so the curve e(w) with the path on it."""
        self._one_parameter = True
        self.plot.show_map(False)
        style.set_title(self.plot, N_("Cost curve E(w) (model wx has one parameter)"))
        style.label_axes(self.plot, "w", N_("cost E"))
        self._curve.setData(w, cost)
        self.plot.setRange(xRange=(box.w_lo, box.w_hi), yRange=(float(np.nanmin(cost)), float(np.nanmax(cost))))

    def show_path(self, path: np.ndarray, costs: np.ndarray) -> None:
        """The descent so far (rows of parameters) and its costs; the last row is the ball."""
        self.plot.show_path(np.column_stack([path[:, 0], costs]) if self._one_parameter else path)

    def path_shown(self) -> tuple[np.ndarray, np.ndarray]:
        return self.plot.path_shown()


class FlatBeans(QWidget):
    """Stands in for :class:`~beanlab.gui.plots.beans_3d_view.Beans3DView`: size across, colour depth up,
    the prediction a as colour beneath the beans."""

    is_stand_in = True

    def __init__(self) -> None:
        super().__init__()
        self.note = StandInNote("beans3d")
        self.plot = style.titled_plot(N_("Beans from above: size x1 across, colour depth x2 up; colour is the "
                                         "prediction a"), N_("bean size x1"), N_("colour depth x2"))
        self._image = pg.ImageItem()
        self._image.setColorMap(pg.colormap.get("viridis"))
        self._image.setLevels((0.0, 1.0))
        self.plot.addItem(self._image)
        self._beans = pg.ScatterPlotItem(size=8, pen=pg.mkPen("w", width=1))
        self.plot.addItem(self._beans)
        _column(self.note, self.plot, self)
        self._model = None
        self._x1 = self._x2 = np.zeros(GRID)
        self._lo, self._span = np.zeros(2), np.ones(2)
        self._y_lo, self._y_span = 0.0, 1.0
        self._heights = np.zeros((GRID, GRID))
        self._shown = np.empty((0, 3))

    def retranslate(self) -> None:
        self.note.retranslate()

    def apply_look(self, look) -> None:
        self.note.apply_look(look)
        style.apply_axes_look(self.plot, look)

    def set_run(self, beans: Beans, landscape: Landscape) -> None:
        self._model = landscape.model
        if beans.n_features != 2:
            return
        x = beans.x
        shown, self._lo, self._span, self._y_lo, self._y_span = bean_box(beans)
        up = (beans.y[shown] - self._y_lo) / self._y_span
        colours = bean_colours(beans.y, shown, up, pg.colormap.get("viridis"))
        brushes = [pg.mkBrush(*(np.asarray(c[:3]) * 255).astype(int)) for c in colours]
        self._beans.setData(x=x[shown, 0], y=x[shown, 1], brush=brushes)
        self._shown = np.column_stack([(x[shown] - self._lo) / self._span - 0.5, up * 0.8])
        self._x1 = np.linspace(self._lo[0], self._lo[0] + self._span[0], GRID)
        self._x2 = np.linspace(self._lo[1], self._lo[1] + self._span[1], GRID)
        self._image.setRect(QRectF(self._lo[0], self._lo[1], self._span[0], self._span[1]))
        self.plot.setRange(xRange=(self._lo[0], self._lo[0] + self._span[0]),
                           yRange=(self._lo[1], self._lo[1] + self._span[1]))

    def show_frame(self, frame: Frame) -> None:
        if self._model is None or self._model.n_features != 2:
            return
        grid = np.column_stack([np.repeat(self._x1, GRID), np.tile(self._x2, GRID)])
        predicted = self._model.predict(np.asarray(frame.snapshot.params), grid).reshape(GRID, GRID)
        self._heights = (predicted - self._y_lo) / self._y_span
        self._image.setImage(np.clip(self._heights, 0, 1), autoLevels=False)

    def beans_shown(self) -> np.ndarray:
        """The beans as the 3-D view would place them: (across x1, across x2, up) each."""
        return self._shown

    def prediction_surface(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self._x1, self._x2, self._heights * self._y_span + self._y_lo
