"""Beans with the live fitted line, the bean(s) of the current update, and the optimum line.

For a sigmoid neuron or a network the line is the prediction curve a(x) (an S, a bump); for beans
with two features the plot is the plane of size and colour depth, the toxic beans marked, and the
line is the decision boundary a = 0.5 (where w1·x1 + w2·x2 + b = 0). For a deeper network (fit shape
"map") the plane is shaded by the network's output, toxic's colour where a > 0.5, and the boundary is
the curve a = 0.5 through that map, drawn anew for each frame shown.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from beanlab.core import Beans, Frame, Landscape, thin_indices
from beanlab.core.decision_map import output_on_grid
from beanlab.gui import style
from beanlab.gui.plots.hooked_view_box import HookedViewBox
from beanlab.i18n import N_, tr

MAX_BEANS_DRAWN = 5_000   # beyond this, draw an even sample (a denser cloud says no more); the numbers use every bean
CURVE_POINTS = 200        # along the prediction curve of a neuron
MAP_POINTS = 64          # the output map's grid, each way: finer than a projector shows a network's curve
MAP_ALPHA = 90           # the map's shading stays light: the beans on it are the story
FIT_NAMES = {"line": N_("fitted line"), "curve": N_("prediction a"), "boundary": N_("boundary a = 0.5"),
             "map": N_("boundary a = 0.5")}
TITLES = {"line": N_("Beans and the fitted line"), "curve": N_("Beans and the prediction"),
          "boundary": N_("Beans and the boundary"), "map": N_("Beans and the network's output")}
# where the whole title does not fit (a row of three plots on a projector): the whole one is its tooltip
SHORT_TITLES = {"line": N_("Beans, fitted line"), "curve": N_("Beans, prediction"), "boundary": N_("Beans, boundary"),
                "map": N_("Beans, output")}
TWO_FEATURES = ("boundary", "map")
EDITING_TITLE = N_("Editing beans: click adds, drag moves, right-click removes")
BEANS, NOT_TOXIC, TOXIC = N_("beans"), N_("not toxic"), N_("toxic")
THIS_UPDATE = N_("this update's bean(s)")
HOLLOW = (0, 0, 0, 0)   # (None would be pyqtgraph's default fill in the legend)
RING_WIDTH, RING_SIZE, FEW_BEANS = 3.0, 18, 10   # this update's bean(s): an orange ring round them, not a dot that reads as one more bean


def map_colours(colours) -> np.ndarray:
    """The output map's colour table: not toxic's colour at a = 0, white at 0.5, toxic's at 1, light."""
    ramp = np.linspace(0.0, 1.0, 256)[:, None]
    white = np.array([255.0, 255.0, 255.0])
    below = white + (np.array(colours.bean[:3], dtype=float) - white) * np.clip(1 - 2 * ramp, 0, 1)
    above = white + (np.array(colours.toxic[:3], dtype=float) - white) * np.clip(2 * ramp - 1, 0, 1)
    rgb = np.where(ramp < 0.5, below, above)
    return np.column_stack([rgb, np.full(256, MAP_ALPHA)]).astype(np.ubyte)


PREDICTION_WIDTH = 3   # px: the predicted line, as thick as the fitted one
CHOSEN_SIZE, ANSWER_SIZE = 24, 30   # px: the ring round the bean the class chose, the square round the run's
PICK_WITHIN = 30   # px: a click this close to a bean chooses it


def _reach_px(ring: pg.ScatterPlotItem) -> float:
    """How far a ring of ``ring`` reaches from its bean's centre, in pixels (its radius, pen and 2 px)."""
    return ring.opts["size"] / 2 + ring.opts["pen"].widthF() + 2


def _margin(span: float, share: float, reach_px: float, length_px: float) -> float:
    """The margin each side of a span of data: ``share`` of it, or more if that is fewer than
    ``reach_px`` pixels of a view ``length_px`` long."""
    span = max(span, 1e-9)
    margin = span * share
    if length_px > 4 * reach_px:   # (laid out: before, any margin will do until the first resize)
        margin = max(margin, reach_px * span / (length_px - 2 * reach_px))
    return margin


class ScatterPlot(pg.PlotWidget):
    """Size against toxicity, with the line y = w·x (+ b) as it learns."""

    def __init__(self) -> None:
        super().__init__(viewBox=HookedViewBox())
        style.set_title(self, N_("Beans and the fitted line"))
        style.label_axes(self, N_("bean size x"), N_("toxicity y"))
        self.showGrid(x=True, y=True, alpha=0.2)
        style.plain_axes(self)
        self.setMinimumSize(160, 120)
        self._legend = style.legend_below(self)
        self._beans_item = self.plot([], [], pen=None, symbol="o", symbolSize=7, symbolPen=None,
                                     symbolBrush=pg.mkBrush(*style.BEAN, 170), name=BEANS)
        # toxic beans are drawn by the beans' own item (in the toxic colour); this item only names them in the legend
        # (a ScatterPlotItem: the legend draws a PlotDataItem's marker from its data, and this one has none)
        self._toxic_key = pg.ScatterPlotItem([], [], symbol="o", size=7, pen=None, brush=pg.mkBrush(*style.TOXIC),
                                             name=TOXIC)
        self._toxic: np.ndarray | None = None   # per bean drawn: toxic or not, when the beans are classes
        self._optimum_item = self.plot([], [], pen=style.pen(style.OPTIMUM, 2, dashed=True), name=N_("optimum"))
        self._fit_item = self.plot([], [], pen=style.pen(style.FIT, 3), name=N_("fitted line"))
        self._active_item = pg.ScatterPlotItem([], [], symbol="o", size=18, brush=pg.mkBrush(HOLLOW),
                                               pen=pg.mkPen(*style.BEAN_ACTIVE, width=RING_WIDTH), name=THIS_UPDATE)
        self.addItem(self._active_item)   # (a named item: the plot puts it in the legend)
        self._selected_item = pg.ScatterPlotItem(size=18, pen=pg.mkPen(*style.FIT, width=2.5), brush=None)
        self.addItem(self._selected_item)   # the bean the editor has selected (not in the legend)
        self._selected: int | None = None
        # the class's prediction of the line (predict, then watch): yellow over a black edge, not in the legend
        self._prediction_edge = self.plot([], [], pen=style.pen(style.PREDICTION_EDGE, PREDICTION_WIDTH + 3))
        self._prediction_item = self.plot([], [], pen=style.pen(style.PREDICTION, PREDICTION_WIDTH))
        self._prediction_ends: tuple[tuple[float, float], tuple[float, float]] | None = None
        # a bean question (predict, then watch): the class's bean in a yellow ring, the run's answer in a square
        self._chosen_edge = pg.ScatterPlotItem(size=CHOSEN_SIZE, brush=None,
                                               pen=pg.mkPen(*style.PREDICTION_EDGE, width=RING_WIDTH + 3))
        self._chosen_item = pg.ScatterPlotItem(size=CHOSEN_SIZE, brush=None, pen=pg.mkPen(*style.PREDICTION, width=RING_WIDTH))
        # (a square, in the optimum's dark grey: the orange rings are this update's bean(s), the line is orange)
        self._answer_item = pg.ScatterPlotItem(size=ANSWER_SIZE, symbol="s", brush=None,
                                               pen=pg.mkPen(*style.OPTIMUM, width=RING_WIDTH))
        for item in (self._chosen_edge, self._chosen_item, self._answer_item):
            self.addItem(item)
        self._chosen_bean: tuple[float, float] | None = None
        # a network's output over the plane (fit shape "map"), under everything, and its a = 0.5 curve
        self._map_image = pg.ImageItem(axisOrder="col-major")
        self._map_image.setZValue(-10)
        self.addItem(self._map_image)
        self._map_curve = pg.IsocurveItem(level=0.5, pen=style.pen(style.FIT, 3))
        self._map_curve.setParentItem(self._map_image)   # in the image's coordinates, as pyqtgraph's example
        self._map_x1 = self._map_x2 = np.zeros(0)
        self._map_lut = map_colours(style.NORMAL.palette)
        # a left click on a bean is taken by the beans' own item before the view box sees it
        self._beans_item.scatter.sigClicked.connect(self._on_bean_clicked)
        # The beans, the optimum line and the legend stay put while the run moves: kept as pixmaps,
        # they are not redrawn point by point at every frame (live or exported).
        for item in (self._beans_item, self._optimum_item, self._legend):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._beans: Beans | None = None
        self._shown = np.empty(0, dtype=np.intp)   # the beans drawn (all, or an even sample)
        self._model = None
        self._x_ends = np.array([0.0, 1.0])
        self._curve_x = self._x_ends
        self._kind = "line"
        self._optimum_in_legend = True
        self._toxic_in_legend = False
        self._editing = False
        self._look = style.NORMAL
        self._optimum = None
        self._bean_box = (0.0, 1.0, 0.0, 1.0)   # the beans' extent: x from, to, y from, to
        self._last_params = None                 # the fit drawn last (drawn again when the range changes)
        self.getViewBox().sigResized.connect(self._refit_if_unmoved)

    def apply_look(self, look: style.Look) -> None:
        colours = look.palette
        self._look = look
        self._paint_beans()
        self._toxic_key.setBrush(pg.mkBrush(*colours.toxic))
        self._toxic_key.setSize(look(7))
        self._optimum_item.setPen(style.pen(colours.optimum, look(2), dashed=True))
        self._fit_item.setPen(style.pen(colours.fit, look(3)))
        self._map_curve.setPen(style.pen(colours.fit, look(3)))
        self._map_lut = map_colours(colours)
        self._active_item.setSize(look(RING_SIZE))
        self._active_item.setBrush(pg.mkBrush(HOLLOW))
        self._active_item.setPen(pg.mkPen(*colours.active, width=look(RING_WIDTH)))
        self._chosen_edge.setSize(look(CHOSEN_SIZE))
        self._chosen_edge.setPen(pg.mkPen(*style.PREDICTION_EDGE, width=look(RING_WIDTH + 3)))
        self._chosen_item.setSize(look(CHOSEN_SIZE))
        self._chosen_item.setPen(pg.mkPen(*style.PREDICTION, width=look(RING_WIDTH)))
        self._answer_item.setSize(look(ANSWER_SIZE))
        self._answer_item.setPen(pg.mkPen(*colours.optimum, width=look(RING_WIDTH)))
        style.apply_legend_look(self._legend, look)
        style.apply_axes_look(self, look)
        self._refit_if_unmoved()   # (bigger rings, a wider margin)

    def show_legend(self, visible: bool) -> None:
        self._legend.setVisible(visible)

    def use_picture_style(self) -> None:
        """For exported animations: no grid, and a plain (not antialiased) moving line.

        A GIF stores each frame as what changed since the last one; grid lines under a moving line
        and the blended edge colours of antialiasing make every change bigger (measured: 20 % of
        the file).
        """
        self.showGrid(x=False, y=False)
        self._fit_item.opts["antialias"] = False
        self._fit_item.updateItems(styleUpdate=True)

    def set_run(self, beans: Beans, landscape: Landscape) -> None:
        """New beans or model: draw the beans and the optimum line."""
        self._beans, self._model = beans, landscape.model
        self._kind = landscape.model.fit_shape   # "line", "curve" or "boundary": the model says
        shown = self._shown = thin_indices(len(beans), MAX_BEANS_DRAWN)
        across, up = self._coordinates(shown)
        # beans that are classes (toxic 1 or not 0) are drawn and named as such, wherever they are drawn
        classes = (not getattr(landscape.model, "is_landscape", False) and bool(len(beans.y))
                   and bool(np.all((beans.y == 0) | (beans.y == 1))))
        self._toxic = None
        self._paint_beans()   # one style for all first: the old beans' per-bean colours do not fit the new ones
        self._beans_item.setData(across, up)
        self._toxic = beans.y[shown] > 0.5 if classes else None
        self._paint_beans()
        self._beans_item.opts["name"] = NOT_TOXIC if classes else BEANS
        self._show_toxic_in_legend(classes)
        if self._kind in TWO_FEATURES:
            style.label_axes(self, N_("bean size x1"), N_("colour depth x2"))
        else:
            style.label_axes(self, N_("bean size x"), N_("toxicity y"))
        style.set_title(self, EDITING_TITLE if self._editing else TITLES[self._kind],
                        None if self._editing else SHORT_TITLES[self._kind])
        self._fit_item.opts["name"] = FIT_NAMES[self._kind]
        self._optimum = landscape.optimum if landscape.linear else None
        self._last_params = None   # (another model's: this run's first frame draws its fit)
        self._bean_box = (float(across.min()), float(across.max()), float(up.min()), float(up.max()))
        self._fit_view(move_view=not self._editing)
        self.show_selected(self._selected)
        style.retranslate_plot(self)

    def _fit_view(self, move_view: bool = True) -> None:
        """The plot's range: the beans' with a margin (5 % of x's span, 15 % of y's, and 0 in view), at
        least wide enough that this update's ring round a bean at the edge is drawn whole; the lines,
        the optimum and the output map span it. ``move_view``: show that range (not while drawing beans)."""
        lo, hi, y_lo, y_hi = self._bean_box
        box = self.getViewBox()
        ring = _reach_px(self._active_item)
        x_pad = _margin(hi - lo, 0.05, ring, box.width())
        y_pad = _margin(y_hi - y_lo, 0.15, ring, box.height())
        self._x_ends = np.array([min(lo - x_pad, 0.0), hi + x_pad])
        self._y_range = (min(y_lo - y_pad, 0.0), y_hi + y_pad)
        self._curve_x = self._x_ends if self._kind != "curve" else np.linspace(*self._x_ends, CURVE_POINTS)
        self._show_optimum(self._optimum)
        if move_view:
            self.setRange(xRange=self._x_ends, yRange=self._y_range, padding=0)
        self._set_map_grid()
        if self._last_params is not None:
            self._show_fit(self._last_params)

    def _refit_if_unmoved(self) -> None:
        """A new size or look: the margin that keeps edge rings whole is a number of pixels, so the range
        follows, unless the view was panned or zoomed away from it."""
        if self._beans is None or self._editing:
            return
        (x_lo, x_hi), (y_lo, y_hi) = self.getViewBox().viewRange()
        if np.allclose([x_lo, x_hi, y_lo, y_hi], [*self._x_ends, *self._y_range], rtol=1e-9, atol=1e-12):
            self._fit_view()

    def _paint_beans(self) -> None:
        """Every bean in the bean colour; toxic beans, when the beans are classes, in the toxic colour.

        (Only the colour differs: pyqtgraph crashes painting a marker shape per point.)"""
        colours, look = self._look.palette, self._look
        if self._toxic is None:
            style_ = {"symbolBrush": pg.mkBrush(*colours.bean, 170), "symbol": "o", "symbolSize": look(7)}
        else:   # per bean, kept in the item's options: pyqtgraph applies them again at every redraw
            bean, toxic = pg.mkBrush(*colours.bean, 190), pg.mkBrush(*colours.toxic, 220)
            style_ = {"symbolBrush": [toxic if t else bean for t in self._toxic], "symbol": "o",
                      "symbolSize": look(7)}
        self._beans_item.opts.update(style_)
        self._beans_item.updateItems(styleUpdate=True)

    def _show_toxic_in_legend(self, shown: bool) -> None:
        if shown and not self._toxic_in_legend:
            self._legend.addItem(self._toxic_key, TOXIC)
        elif not shown and self._toxic_in_legend:
            self._legend.removeItem(self._toxic_key)
        self._toxic_in_legend = shown
        for sample, label in self._legend.items:   # the beans' own entry: "not toxic" or "beans"
            if sample.item is self._beans_item:
                label.setText(tr(self._beans_item.opts["name"]))

    def legend_entries(self) -> list[str]:
        """The legend's words, as shown (in the current language)."""
        return [label.text for _sample, label in self._legend.items]

    def legend_item(self, name: str):
        """The plot item the legend entry ``name`` (English) stands for."""
        for sample, _label in self._legend.items:
            if sample.item.name() == name:
                return sample.item
        raise KeyError(name)

    def _show_optimum(self, optimum) -> None:
        """The least-squares line, dashed, where there is one (not for a neuron)."""
        if optimum is None:
            self._optimum_item.setData([], [])
            if self._optimum_in_legend:
                self._legend.removeItem(self._optimum_item)
        else:
            self._optimum_item.setData(self._x_ends, self._line(optimum))
            if not self._optimum_in_legend:
                self._legend.addItem(self._optimum_item, self._optimum_item.name())
        self._optimum_in_legend = optimum is not None

    def show_selected(self, bean: int | None) -> None:
        """Ring the bean the editor has selected (None: no ring)."""
        self._selected = bean
        if bean is None or self._beans is None or bean >= len(self._beans):
            self._selected_item.setData([], [])
        else:
            self._selected_item.setData(*self._coordinates(np.array([bean])))

    def set_mouse_hook(self, hook, editing_beans: bool = True) -> None:
        """Let ``hook`` (see ``HookedViewBox``) have the mouse first; None gives it back to panning.
        ``editing_beans``: the title says how to draw beans (the bean editor's; not a prediction's)."""
        self.getViewBox().hook = hook
        self._editing = hook is not None   # while the mouse draws, the axes hold still under it
        self.setCursor(Qt.CursorShape.CrossCursor if self._editing else Qt.CursorShape.ArrowCursor)
        titled = self._editing and editing_beans
        style.set_title(self, EDITING_TITLE if titled else TITLES[self._kind], None if titled else SHORT_TITLES[self._kind])
        style.retranslate_plot(self)

    @property
    def line_ends_x(self) -> tuple[float, float]:
        """The sizes x where the fitted line is drawn from and to."""
        return float(self._x_ends[0]), float(self._x_ends[-1])

    def show_prediction(self, ends: tuple[tuple[float, float], tuple[float, float]] | None) -> None:
        """Draw the class's predicted line through its two ends (data coordinates); None takes it away."""
        self._prediction_ends = ends
        xs, ys = ([], []) if ends is None else ([ends[0][0], ends[1][0]], [ends[0][1], ends[1][1]])
        self._prediction_edge.setData(xs, ys)
        self._prediction_item.setData(xs, ys)

    @property
    def prediction(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """The predicted line's two ends as drawn, or None."""
        return self._prediction_ends

    def show_chosen_bean(self, bean: tuple[float, float] | None, answer: tuple[float, float] | None = None) -> None:
        """Ring the bean the class chose (yellow) and, once known, frame the run's answer (a dark square)."""
        self._chosen_bean = bean
        for item in (self._chosen_edge, self._chosen_item):
            item.setData(*(([], []) if bean is None else ([bean[0]], [bean[1]])))
        self._answer_item.setData(*(([], []) if answer is None else ([answer[0]], [answer[1]])))
        marked = [(point, item) for point, item in ((bean, self._chosen_edge), (answer, self._answer_item))
                  if point is not None]
        if marked:
            self._make_room_for(marked)

    def _make_room_for(self, marked) -> None:
        """Widen the view so that rings round beans at its edge are drawn whole (the hardest-pulling bean
        is often the last, at the corner): by each ring's radius in pixels, turned into data units."""
        box = self.getViewBox()
        (x_lo, x_hi), (y_lo, y_hi) = box.viewRange()
        width, height = box.viewPixelSize()   # data units per pixel
        for (x, y), item in marked:
            reach = _reach_px(item)
            x_lo, x_hi = min(x_lo, x - reach * width), max(x_hi, x + reach * width)
            y_lo, y_hi = min(y_lo, y - reach * height), max(y_hi, y + reach * height)
        if ((x_lo, x_hi), (y_lo, y_hi)) != tuple(map(tuple, box.viewRange())):
            box.setRange(xRange=(x_lo, x_hi), yRange=(y_lo, y_hi), padding=0)

    @property
    def chosen_bean(self) -> tuple[float, float] | None:
        """The bean the class chose, as ringed (its size and toxicity), or None."""
        return self._chosen_bean

    @property
    def answer_bean(self) -> tuple[float, float] | None:
        """The bean ringed as the run's answer, or None."""
        xs, ys = self._answer_item.getData()
        return (float(xs[0]), float(ys[0])) if len(xs) else None

    def nearest_bean(self, scene_pos) -> tuple[float, float] | None:
        """The bean drawn nearest a point of the scene, if one is within PICK_WITHIN pixels: its (x, y)."""
        if self._beans is None or not len(self._shown) or self._kind in TWO_FEATURES:
            return None
        xs, ys = self._coordinates(self._shown)
        x, y = self.to_data(scene_pos)
        width, height = self.getViewBox().viewPixelSize()   # data units per pixel, each way
        apart = np.hypot((xs - x) / width, (ys - y) / height)
        nearest = int(np.argmin(apart))
        return (float(xs[nearest]), float(ys[nearest])) if apart[nearest] <= PICK_WITHIN else None

    def _on_bean_clicked(self, _item, _points, event) -> None:
        hook = self.getViewBox().hook
        if hook is not None:
            hook.click(event)

    def to_data(self, scene_pos) -> tuple[float, float]:
        """The (size, toxicity) under a point of the scene."""
        point = self.getViewBox().mapSceneToView(scene_pos)
        return point.x(), point.y()

    def bean_at(self, scene_pos) -> int | None:
        """The bean drawn under a point of the scene (the top one), if any."""
        view = self.getViewBox().mapSceneToView(scene_pos)
        spots = self._beans_item.scatter.pointsAt(view)
        return int(self._shown[spots[-1].index()]) if len(spots) else None

    def show_frame(self, frame: Frame) -> None:
        snap = frame.snapshot
        self._last_params = snap.params
        self._show_fit(snap.params)
        self.highlight_beans(snap.beans)
        style.settle(self)

    def _show_fit(self, params) -> None:
        if self._kind == "map":
            self._show_map(params)
        else:
            self._fit_item.setData(self._curve_x, self._line(params))

    def _set_map_grid(self) -> None:
        """The grid the output map is computed on: the plot's range of x1 and x2 (none for other shapes)."""
        if self._kind != "map":
            self._map_x1 = self._map_x2 = np.zeros(0)
            self._map_image.clear()
            self._map_curve.setData(None)
            return
        self._fit_item.setData([], [])   # the boundary is the map's curve: the fit's item only names it in the legend
        self._map_x1 = np.linspace(*self._x_ends, MAP_POINTS)
        self._map_x2 = np.linspace(*self._y_range, MAP_POINTS)

    def _show_map(self, params) -> None:
        values = output_on_grid(self._model, params, self._map_x1, self._map_x2)
        values = np.nan_to_num(values, nan=0.5)   # a run blown up: no colour rather than a crash
        self._map_image.setImage(values, levels=(0.0, 1.0), lut=self._map_lut, autoLevels=False)
        (x_lo, x_hi), (y_lo, y_hi) = self._x_ends, self._y_range
        self._map_image.setRect(float(x_lo), float(y_lo), float(x_hi - x_lo), float(y_hi - y_lo))
        self._map_curve.setData(values, 0.5)

    def output_map(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The output map as drawn (x1, x2 and a on their grid), or None where the plot draws none."""
        image = self._map_image.image
        return None if self._kind != "map" or image is None else (self._map_x1, self._map_x2, image)

    def highlight_beans(self, indices) -> None:
        """Point at these beans (the update's, or the next update's in a stage) with the current-bean marker."""
        if self._beans is not None and 0 < len(indices) < len(self._beans):
            # (every bean at once, full batch or a search's try: nothing to single out, and a ring round
            # each bean would bury them; the readouts say "all")
            used = np.asarray(indices, dtype=int)[:200]  # a whole batch can be large; the first 200 tell the story
            # a few beans get a wide ring; a whole batch thin ones, or the rings would hide the beans
            ring = self._look(RING_SIZE if len(used) <= FEW_BEANS else RING_SIZE * 0.6)
            self._active_item.setData(*self._coordinates(used), size=ring)
        else:
            self._active_item.setData([], [])

    def fitted_line(self) -> tuple[np.ndarray, np.ndarray]:
        """The fitted line (or prediction curve, or boundary) as drawn: its xs and ys."""
        return self._fit_item.getData()

    def fitted_line_width(self) -> float:
        """How thick the fitted line is drawn, in pixels (thicker in the projector view)."""
        return self._fit_item.opts["pen"].widthF()

    def highlighted_beans(self) -> tuple[np.ndarray, np.ndarray]:
        """Where the current-bean markers are drawn (see ``highlight_beans``)."""
        return self._active_item.getData()

    def _coordinates(self, indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where these beans are drawn: (size, toxicity), or (size, colour depth) for two features."""
        x = self._beans.x[indices]
        return (x[:, 0], x[:, 1]) if x.ndim == 2 else (x, self._beans.y[indices])

    def _line(self, params) -> np.ndarray:
        params = np.asarray(params, dtype=float)
        if self._kind != "boundary":
            return self._model.predict(params, self._curve_x)
        w1, w2, b = params
        with np.errstate(all="ignore"):   # w2 = 0: a vertical boundary, drawn off the chart
            return -(w1 * self._curve_x + b) / w2
