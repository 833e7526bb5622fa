"""Beans with the live fitted line, the bean(s) of the current update, and the optimum line."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from beanlab.core import Beans, Landscape, thin_indices
from beanlab.gui import style
from beanlab.gui.training_worker import Frame
from beanlab.i18n import N_

MAX_BEANS_DRAWN = 20_000  # beyond this, draw an even sample; the numbers still use every bean


class ScatterPlot(pg.PlotWidget):
    """Size against toxicity, with the line y = w·x (+ b) as it learns."""

    def __init__(self) -> None:
        super().__init__()
        style.set_title(self, N_("Beans and the fitted line"))
        style.label_axes(self, N_("bean size x"), N_("toxicity y"))
        self.showGrid(x=True, y=True, alpha=0.2)
        style.plain_axes(self)
        self.setMinimumSize(160, 120)
        self._legend = self.addLegend(offset=(10, 10))
        self._beans_item = self.plot([], [], pen=None, symbol="o", symbolSize=7, symbolPen=None,
                                     symbolBrush=pg.mkBrush(*style.BEAN, 170), name=N_("beans"))
        self._optimum_item = self.plot([], [], pen=style.pen(style.OPTIMUM, 2, dashed=True), name=N_("optimum"))
        self._fit_item = self.plot([], [], pen=style.pen(style.FIT, 3), name=N_("fitted line"))
        self._active_item = self.plot([], [], pen=None, symbol="o", symbolSize=14,
                                      symbolPen=pg.mkPen("k", width=1.5), symbolBrush=pg.mkBrush(*style.BEAN_ACTIVE),
                                      name=N_("this update's bean(s)"))
        # The beans, the optimum line and the legend stay put while the run moves: kept as pixmaps,
        # they are not redrawn point by point at every frame (live or exported).
        for item in (self._beans_item, self._optimum_item, self._legend):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._beans: Beans | None = None
        self._model = None
        self._x_ends = np.array([0.0, 1.0])

    def apply_look(self, look: style.Look) -> None:
        colours = look.palette
        self._beans_item.setSymbolSize(look(7))
        self._beans_item.setSymbolBrush(pg.mkBrush(*colours.bean, 170))
        self._optimum_item.setPen(style.pen(colours.optimum, look(2), dashed=True))
        self._fit_item.setPen(style.pen(colours.fit, look(3)))
        self._active_item.setSymbolSize(look(14))
        self._active_item.setSymbolBrush(pg.mkBrush(*colours.active))
        self._active_item.setSymbolPen(pg.mkPen(look.foreground, width=look(1.5)))
        style.apply_legend_look(self._legend, look)
        style.apply_axes_look(self, look)

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
        shown = thin_indices(len(beans), MAX_BEANS_DRAWN)
        self._beans_item.setData(beans.x[shown], beans.y[shown])
        lo, hi = float(beans.x.min()), float(beans.x.max())
        pad = max(hi - lo, 1e-9) * 0.05
        self._x_ends = np.array([min(lo - pad, 0.0), hi + pad])
        self._optimum_item.setData(self._x_ends, self._line(landscape.optimum))
        y_lo, y_hi = float(beans.y.min()), float(beans.y.max())
        y_pad = max(y_hi - y_lo, 1e-9) * 0.15
        self.setRange(xRange=self._x_ends, yRange=(min(y_lo - y_pad, 0.0), y_hi + y_pad), padding=0)

    def show_frame(self, frame: Frame) -> None:
        snap = frame.snapshot
        self._fit_item.setData(self._x_ends, self._line(snap.params))
        if self._beans is not None and snap.beans:
            used = np.asarray(snap.beans)[:200]  # a whole batch can be large; the first 200 tell the story
            self._active_item.setData(self._beans.x[used], self._beans.y[used])
        else:
            self._active_item.setData([], [])
        style.settle(self)

    def highlight_beans(self, indices) -> None:
        """Point at these beans (the next update's, in a stage) with the current-bean marker."""
        if self._beans is not None:
            used = np.asarray(indices, dtype=int)[:200]
            self._active_item.setData(self._beans.x[used], self._beans.y[used])

    def _line(self, params) -> np.ndarray:
        return self._model.predict(np.asarray(params, dtype=float), self._x_ends)
