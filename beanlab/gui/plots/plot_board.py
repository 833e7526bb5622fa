"""All the views of a run in one widget, laid out as the window shows them.

The main window shows one; the animation exporter builds its own, never shown, with only the views
it draws, and renders it frame by frame into images.
"""
from __future__ import annotations

import logging

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from beanlab.core import Beans, Frame, Landscape
from beanlab.core import views as core_views
from beanlab.core.views import SHOWN_FIRST
from beanlab.gui import opengl_support, style
from beanlab.gui.frame_hub import FrameHub, SampledRun
from beanlab.gui.language import Retranslating
from beanlab.gui.plots.beans_3d_view import Beans3DView
from beanlab.gui.plots.compute_graph_view import ComputeGraphView
from beanlab.gui.plots.contour_plot import ContourPlot
from beanlab.gui.plots.cost_slices_plot import CostSlicesPlot
from beanlab.gui.plots.cost_views import CostViews
from beanlab.gui.plots.flat_stand_ins import FlatBeans, FlatBowl
from beanlab.gui.plots.layer_slopes_view import LayerSlopesView
from beanlab.gui.plots.loss_plot import LossPlot
from beanlab.gui.plots.network_view import NetworkView
from beanlab.gui.plots.scatter_plot import ScatterPlot
from beanlab.gui.plots.surface_view import SurfaceView
from beanlab.i18n import tr

# the widget drawing each view of beanlab.core.views, and the board's attribute holding it
WIDGETS = {"scatter": ("scatter", ScatterPlot), "loss": ("loss_plot", LossPlot),
           "cost": ("cost_slices", CostSlicesPlot), "contour": ("contour", ContourPlot),
           "surface": ("surface", SurfaceView), "network": ("network", NetworkView),
           "beans3d": ("beans_3d", Beans3DView), "layers": ("layer_slopes", LayerSlopesView),
           "graph": ("compute_graph", ComputeGraphView)}
VIEWS = tuple(core_views.VIEWS)   # the names, in the window's order
OPENGL_VIEWS = tuple(name for name, view in core_views.VIEWS.items() if view.opengl)
# what draws each OpenGL view where there is no usable OpenGL (or beanlab --no-3d): a 2-D plot
STAND_INS = {"surface": FlatBowl, "beans3d": FlatBeans}
LOG = logging.getLogger("beanlab.plots")


# A board at least this many times as wide as it is high lays three views in one row: the projector
# view at 1280×720 leaves the plots about 1020×400 px, and stacked two high each would keep a strip of
# data under its title, axis and legend (measured: 38 px). The text around a plot grows with the look's
# scale, so a larger look turns to a row sooner (the projector's 1.6: from 1.74, e.g. 1024×768's 815×437).
WIDE_BOARD = 2.2


def grid_cells(count: int, wide: bool = False) -> list[tuple[int, int, int, int]]:
    """(row, column, rows spanned, columns spanned) for ``count`` views, in the order they are given.

    One or two side by side; three: the first (the lesson's main view) large on the left, the other two
    stacked beside it, or all three in a row on a ``wide`` board; four: two by two; more: three columns,
    a last one alone in its row made wider.
    """
    if count <= 2 or (count == 3 and wide):
        return [(0, column, 1, 1) for column in range(count)]
    if count == 3:
        return [(0, 0, 2, 1), (0, 1, 1, 1), (1, 1, 1, 1)]
    if count == 4:
        return [(index // 2, index % 2, 1, 1) for index in range(count)]
    cells = [(index // 3, index % 3, 1, 1) for index in range(count)]
    if count % 3 == 2:   # the last one takes the rest of its row
        cells[-1] = (*cells[-1][:3], 2)
    return cells


class PlotBoard(Retranslating, QWidget):
    """Beans and line, cost slices / loss, contour map, 3-D bowl; each made only if asked for.

    The views shown are laid out anew in a grid whenever the choice changes (a lesson, View → Plots),
    so no size left over from an earlier lesson survives into the next one.
    """

    shown_changed = Signal()   # the views chosen to show changed (View → Plots follows)

    def __init__(self, views: tuple[str, ...] = VIEWS, controls: bool = True) -> None:
        """``controls=False``: for pictures, without the log-scale box, camera button or minimum sizes."""
        super().__init__()
        unknown = set(views) - set(VIEWS)
        if unknown:
            raise ValueError(f"unknown view(s): {', '.join(sorted(unknown))}")
        self._widgets: dict[str, QWidget] = {name: self._make(name) for name in VIEWS if name in views}
        for name, (attribute, _widget) in WIDGETS.items():   # self.scatter …, None where not asked for
            setattr(self, attribute, self._widgets.get(name))
        self.cost_views = CostViews(self.cost_slices, self.contour, self.surface)
        self._controls, self._look, self._run, self._last_frame = controls, None, None, None
        self._history = SampledRun()   # empty until the board follows a hub: see follow
        for view in (self.loss_plot, self.surface):
            if view is not None:
                view.set_controls_visible(controls)
        self._shown = list(SHOWN_FIRST if tuple(views) == VIEWS else views)   # in the order laid out
        self._model = None   # the run's model: each view shows only if it suits it
        self._lay_out()
        if not controls and self.cost_slices is not None:
            self.cost_slices.short_titles = True
        if not controls and self.scatter is not None:
            self.scatter.use_picture_style()
        if not controls:
            # an exported picture may be smaller than the window's plots are allowed to get
            for widget in (self, *self.findChildren(QWidget)):
                widget.setMinimumSize(0, 0)
        self.retranslate()

    def _make(self, name: str) -> QWidget:
        """The view's widget: its 2-D stand-in where an OpenGL view cannot draw here."""
        if name in STAND_INS and not opengl_support.usable():
            LOG.info("the %s view is drawn in 2-D (%s)", name, opengl_support.support().details)
            return STAND_INS[name]()
        widget = WIDGETS[name][1]()
        if name in STAND_INS:   # a context that fails later: the stand-in takes its place then
            widget.view.failed.connect(lambda details, name=name: self._fall_back(name, details),
                                       Qt.ConnectionType.QueuedConnection)
        return widget

    def _fall_back(self, name: str, details: str) -> None:
        """Put the 2-D stand-in where the 3-D view ``name`` failed, drawing what it drew."""
        old = self._widgets.get(name)
        if old is None or getattr(old, "is_stand_in", False):
            return
        opengl_support.report_failure(details)
        new = STAND_INS[name]()
        self._grid.replaceWidget(old, new)   # same cell; a view not shown now is not in the grid
        old.hide()
        old.deleteLater()
        self._widgets[name] = new
        if name not in self._laid_out:
            new.hide()
        setattr(self, WIDGETS[name][0], new)
        self.cost_views.surface = self.surface
        if self._look is not None:
            new.apply_look(self._look)
        if self._run is not None:
            self.set_run(*self._run)
        if self._last_frame is not None:
            self.show_frame(self._last_frame)

    def stand_ins(self) -> tuple[str, ...]:
        """The views drawn in 2-D in place of 3-D (no usable OpenGL here, or beanlab --no-3d)."""
        return tuple(name for name, widget in self._widgets.items() if getattr(widget, "is_stand_in", False))

    def retranslate(self) -> None:
        """Titles, axis labels, legends and controls of every plot in the current language."""
        for plot in self.findChildren(pg.PlotWidget):
            style.retranslate_plot(plot)
        if self.loss_plot is not None:
            self.loss_plot.log_scale.setText(tr("log scale"))
        for name in STAND_INS:
            if self._widgets.get(name) is not None and hasattr(self._widgets[name], "retranslate"):
                self._widgets[name].retranslate()

    def _lay_out(self) -> None:
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(4)
        self._apply_visibility()

    def apply_look(self, look) -> None:
        """Every plot at the look's sizes and colours (the projector view, zooming)."""
        self._look = look
        for view in self._widgets.values():
            view.apply_look(look)
        self._apply_visibility()   # a row of three or stacked: see WIDE_BOARD

    def view(self, name: str) -> QWidget | None:
        """The widget of the view called ``name`` (one of beanlab.core.VIEWS), None if not made."""
        if name not in VIEWS:
            raise KeyError(name)
        return self._widgets.get(name)

    def set_run(self, beans: Beans, landscape: Landscape) -> None:
        """New beans or model: draw what does not move."""
        self._run = (beans, landscape)
        if self.scatter is not None:
            self.scatter.set_run(beans, landscape)
        self.cost_views.set_run(landscape)
        if self.loss_plot is not None:
            self.loss_plot.set_run(landscape)
        if self.network is not None:
            self.network.set_run(landscape, beans)
        for view in (self.beans_3d, self.layer_slopes, self.compute_graph):
            if view is not None:
                view.set_run(beans, landscape)
        self._model = landscape.model
        self._apply_visibility()

    def set_pair(self, landscape: Landscape) -> None:
        """The same run seen through another pair of parameters."""
        self.cost_views.set_run(landscape)

    def show_views(self, views: tuple[str, ...]) -> None:
        """Show only these plots (a lesson's choice), in this order; the others are hidden, not destroyed."""
        self._shown = [name for name in views if name in self._widgets]
        self._apply_visibility()
        self.shown_changed.emit()

    def set_view_shown(self, name: str, on: bool) -> None:
        """One view more or less (View → Plots); the others keep their places."""
        if on and name not in self._shown:
            self.show_views((*self._shown, name))
        elif not on and name in self._shown:
            self.show_views(tuple(view for view in self._shown if view != name))

    @property
    def made(self) -> tuple[str, ...]:
        """The views this board has widgets for, in the window's order."""
        return tuple(self._widgets)

    @property
    def chosen(self) -> tuple[str, ...]:
        """The views chosen to show, in their order (some may not suit the run's model)."""
        return tuple(self._shown)

    def suits(self, name: str) -> bool:
        """Whether the view has something to draw for the run's model (a map needs two parameters)."""
        return self._model is None or core_views.VIEWS[name].suits(self._model)

    @property
    def shown(self) -> tuple[str, ...]:
        """The views on screen, in the grid's order."""
        return tuple(name for name in self._shown if self.suits(name))

    def _is_wide(self) -> bool:
        scale = self._look.scale if self._look is not None else 1.0
        return self.height() > 0 and self.width() >= WIDE_BOARD / max(scale, 1.0) ** 0.5 * self.height()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._is_wide() != getattr(self, "_laid_out_wide", False):
            self._apply_visibility()   # three views: stacked, or a row of three

    def _apply_visibility(self) -> None:
        shown, wide = self.shown, self._is_wide()
        if (shown, wide) == (getattr(self, "_laid_out", None), getattr(self, "_laid_out_wide", None)):
            return   # moving an OpenGL view for nothing costs a redraw of it
        self._laid_out, self._laid_out_wide = shown, wide
        ordinary = [name for name in shown if not core_views.VIEWS[name].full_row]
        cell_of = dict(zip(ordinary, grid_cells(len(ordinary), wide)))
        rows = max((row + span for row, _c, span, _s in cell_of.values()), default=0)
        columns = max((column + span for _r, column, _s, span in cell_of.values()), default=1)
        row_stretch = [1] * rows
        for name in shown:
            if name not in cell_of:   # a row of its own under the others, across the board
                cell_of[name] = (len(row_stretch), 0, 1, columns)
                row_stretch.append(1)
        cells = [cell_of[name] for name in shown]
        for name, widget in self._widgets.items():
            self._grid.removeWidget(widget)   # a view shown again may take another cell
            if name not in shown:
                widget.hide()
        for name, cell in zip(shown, cells):
            self._grid.addWidget(self._widgets[name], *cell)
            if self._widgets[name].isHidden():
                self._widgets[name].show()
        for index in range(5):   # every row and column of the grid equally large
            self._grid.setRowStretch(index, row_stretch[index] if index < len(row_stretch) else 0)
            self._grid.setColumnStretch(index, 1 if index < columns else 0)

    def follow(self, hub: FrameHub) -> None:
        """Draw every frame the hub receives; the loss plot and the cost views draw from its history."""
        self._history = hub.history
        hub.subscribe(self.show_frame)

    def show_frame(self, frame: Frame) -> None:
        """Move every view to the frame's moment."""
        self._last_frame = frame
        if self.scatter is not None:
            self.scatter.show_frame(frame)
        if self.loss_plot is not None:
            self.loss_plot.show_frame(frame, self._history)
        self.cost_views.show_frame(frame, self._history)
        for view in (self.network, self.beans_3d, self.layer_slopes, self.compute_graph):
            if view is not None and view.isVisible():
                view.show_frame(frame)
