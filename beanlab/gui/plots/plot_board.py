"""All the views of a run in one widget, laid out as the window shows them.

The main window shows one; the animation exporter builds its own, never shown, with only the views
it draws, and renders it frame by frame into images.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from beanlab.core import Beans, Frame, Landscape
from beanlab.core import views as core_views
from beanlab.core.views import SHOWN_FIRST
from beanlab.gui import style
from beanlab.gui.frame_hub import FrameHub, SampledRun
from beanlab.gui.language import Retranslating
from beanlab.gui.plots.beans_3d_view import Beans3DView
from beanlab.gui.plots.contour_plot import ContourPlot
from beanlab.gui.plots.cost_slices_plot import CostSlicesPlot
from beanlab.gui.plots.cost_views import CostViews
from beanlab.gui.plots.loss_plot import LossPlot
from beanlab.gui.plots.network_view import NetworkView
from beanlab.gui.plots.scatter_plot import ScatterPlot
from beanlab.gui.plots.surface_view import SurfaceView
from beanlab.i18n import tr

# the widget drawing each view of beanlab.core.views, the board's attribute holding it and its row
WIDGETS = {"scatter": ("scatter", ScatterPlot, 0), "loss": ("loss_plot", LossPlot, 1),
           "cost": ("cost_slices", CostSlicesPlot, 0), "contour": ("contour", ContourPlot, 1),
           "surface": ("surface", SurfaceView, 1), "network": ("network", NetworkView, 1),
           "beans3d": ("beans_3d", Beans3DView, 0)}
VIEWS = tuple(core_views.VIEWS)   # the names, in the window's order
OPENGL_VIEWS = tuple(name for name, view in core_views.VIEWS.items() if view.opengl)


class PlotBoard(Retranslating, QWidget):
    """Beans and line, cost slices / loss, contour map, 3-D bowl; each made only if asked for."""

    def __init__(self, views: tuple[str, ...] = VIEWS, controls: bool = True) -> None:
        """``controls=False``: for pictures, without the log-scale box, camera button or minimum sizes."""
        super().__init__()
        unknown = set(views) - set(VIEWS)
        if unknown:
            raise ValueError(f"unknown view(s): {', '.join(sorted(unknown))}")
        self._widgets: dict[str, QWidget] = {name: WIDGETS[name][1]() for name in VIEWS if name in views}
        for name, (attribute, _widget, _row) in WIDGETS.items():   # self.scatter …, None where not asked for
            setattr(self, attribute, self._widgets.get(name))
        self.cost_views = CostViews(self.cost_slices, self.contour, self.surface)
        self._history = SampledRun()   # empty until the board follows a hub: see follow
        for view in (self.loss_plot, self.surface):
            if view is not None:
                view.set_controls_visible(controls)
        self._shown = set(SHOWN_FIRST) if tuple(views) == VIEWS else set(views)
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

    def retranslate(self) -> None:
        """Titles, axis labels, legends and controls of every plot in the current language."""
        for plot in self.findChildren(pg.PlotWidget):
            style.retranslate_plot(plot)
        if self.loss_plot is not None:
            self.loss_plot.log_scale.setText(tr("log scale"))
        if self.surface is not None:
            self.surface.retranslate()

    def _lay_out(self) -> None:
        top = QSplitter(Qt.Orientation.Horizontal)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        for name, widget in self._widgets.items():
            (top, bottom)[WIDGETS[name][2]].addWidget(widget)
        top.setSizes([500, 700, 500][:top.count()])
        bottom.setSizes([400] * bottom.count())
        rows = QSplitter(Qt.Orientation.Vertical)
        for splitter in (top, bottom):
            if splitter.count():
                rows.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(rows)

    def apply_look(self, look) -> None:
        """Every plot at the look's sizes and colours (the projector view, zooming)."""
        for view in self._widgets.values():
            view.apply_look(look)

    def view(self, name: str) -> QWidget | None:
        """The widget of the view called ``name`` (one of beanlab.core.VIEWS), None if not made."""
        if name not in VIEWS:
            raise KeyError(name)
        return self._widgets.get(name)

    def set_run(self, beans: Beans, landscape: Landscape) -> None:
        """New beans or model: draw what does not move."""
        if self.scatter is not None:
            self.scatter.set_run(beans, landscape)
        self.cost_views.set_run(landscape)
        if self.loss_plot is not None:
            self.loss_plot.set_run(landscape)
        if self.network is not None:
            self.network.set_run(landscape)
        if self.beans_3d is not None:
            self.beans_3d.set_run(beans, landscape)
        self._model = landscape.model
        self._apply_visibility()

    def set_pair(self, landscape: Landscape) -> None:
        """The same run seen through another pair of parameters."""
        self.cost_views.set_run(landscape)

    def show_views(self, views: tuple[str, ...]) -> None:
        """Show only these plots (a lesson's choice); the others are hidden, not destroyed."""
        self._shown = set(views)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        for name, widget in self._widgets.items():
            # e.g. the contour map needs two parameters: for y = w·x there is no map to draw
            suits = self._model is None or core_views.VIEWS[name].suits(self._model)
            widget.setVisible(name in self._shown and suits)

    def follow(self, hub: FrameHub) -> None:
        """Draw every frame the hub receives; the loss plot and the cost views draw from its history."""
        self._history = hub.history
        hub.subscribe(self.show_frame)

    def show_frame(self, frame: Frame) -> None:
        """Move every view to the frame's moment."""
        if self.scatter is not None:
            self.scatter.show_frame(frame)
        if self.loss_plot is not None:
            self.loss_plot.show_frame(frame, self._history)
        self.cost_views.show_frame(frame, self._history)
        for view in (self.network, self.beans_3d):
            if view is not None and view.isVisible():
                view.show_frame(frame)
