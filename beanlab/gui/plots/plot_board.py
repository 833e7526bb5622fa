"""All the views of a run in one widget, laid out as the window shows them.

The main window shows one; the animation exporter builds its own, never shown, with only the views
it draws, and renders it frame by frame into images.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from beanlab.core import Beans, Frame, Landscape
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

VIEWS = ("scatter", "loss", "cost", "contour", "surface", "network", "beans3d")
OPENGL_VIEWS = ("surface", "beans3d")
SHOWN_FIRST = ("scatter", "loss", "cost", "contour", "surface")   # the network diagram waits for a lesson that wants it


class PlotBoard(Retranslating, QWidget):
    """Beans and line, cost slices / loss, contour map, 3-D bowl; each made only if asked for."""

    def __init__(self, views: tuple[str, ...] = VIEWS, controls: bool = True) -> None:
        """``controls=False``: for pictures, without the log-scale box, camera button or minimum sizes."""
        super().__init__()
        unknown = set(views) - set(VIEWS)
        if unknown:
            raise ValueError(f"unknown view(s): {', '.join(sorted(unknown))}")
        self.scatter = ScatterPlot() if "scatter" in views else None
        self.loss_plot = LossPlot() if "loss" in views else None
        self.cost_slices = CostSlicesPlot() if "cost" in views else None
        self.contour = ContourPlot() if "contour" in views else None
        self.surface = SurfaceView() if "surface" in views else None
        self.network = NetworkView() if "network" in views else None
        self.beans_3d = Beans3DView() if "beans3d" in views else None
        self.cost_views = CostViews(self.cost_slices, self.contour, self.surface)
        self._history = SampledRun()   # empty until the board follows a hub: see follow
        for view in (self.loss_plot, self.surface):
            if view is not None:
                view.set_controls_visible(controls)
        self._shown = set(SHOWN_FIRST) if tuple(views) == VIEWS else set(views)
        self._two_d = True
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
        for splitter, widgets in ((top, (self.scatter, self.cost_slices, self.beans_3d)),
                                  (bottom, (self.loss_plot, self.contour, self.surface, self.network))):
            for widget in widgets:
                if widget is not None:
                    splitter.addWidget(widget)
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
        for name in VIEWS:
            view = self.view(name)
            if view is not None:
                view.apply_look(look)

    def view(self, name: str) -> QWidget | None:
        return {"scatter": self.scatter, "loss": self.loss_plot, "cost": self.cost_slices,
                "contour": self.contour, "surface": self.surface, "network": self.network,
                "beans3d": self.beans_3d}[name]

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
        self._two_d = landscape.two_d
        self._apply_visibility()

    def set_pair(self, landscape: Landscape) -> None:
        """The same run seen through another pair of parameters."""
        self.cost_views.set_run(landscape)
        self._two_d = landscape.two_d
        self._apply_visibility()

    def show_views(self, views: tuple[str, ...]) -> None:
        """Show only these plots (a lesson's choice); the others are hidden, not destroyed."""
        self._shown = set(views)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        for name in VIEWS:
            widget = self.view(name)
            if widget is not None:
                # the contour map needs two parameters: for y = w·x there is no map to draw
                widget.setVisible(name in self._shown and (name != "contour" or self._two_d))

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
