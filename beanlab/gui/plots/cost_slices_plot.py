"""The cost curve e(w) (model wx), or the bowl cut along w and along b through the current point
(model wx+b); each with the current point and its tangent, whose slope is the partial derivative."""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QWidget

from beanlab.core import Box, Frame, Landscape, RunState
from beanlab.gui import style
from beanlab.i18n import N_

CURVE_POINTS = 200
# While a run plays, curves that cost time to cut (a network's cost on 200 points, twice) are cut
# again at most 4 times a second; the ball, its cost and its tangent follow every frame. Curves
# as cheap as a line's (from the beans' sums) are cut every frame; a paused frame's always.
CHEAP_CUT_S, CURVE_AGE_S = 0.0005, 0.25


class _Slice:
    """One cut: a curve, a ball on it and the tangent line through the ball."""

    def __init__(self, title: str, axis_label: str) -> None:
        self.widget = style.titled_plot(title, axis_label, N_("cost e"))
        self.curve = self.widget.plot([], [], pen=style.pen(style.BEAN, 3))
        self.tangent = self.widget.plot([], [], pen=style.pen(style.TANGENT, TANGENT_WIDTH))
        self.ball = self.widget.plot([], [], pen=None, symbol="o", symbolSize=16,
                                     symbolBrush=pg.mkBrush(*style.FIT), symbolPen=pg.mkPen("k", width=1.5))
        self.optimum = pg.InfiniteLine(angle=90, pen=style.pen(style.OPTIMUM, 1.5, dashed=True))
        self.widget.addItem(self.optimum)
        self.label = pg.TextItem(color=style.TANGENT, anchor=(0, 0))
        self.widget.addItem(self.label)
        self._x_range, self._top, self._bottom = (0.0, 0.0), 0.0, 0.0

    def apply_look(self, look: style.Look, emphasized: bool) -> None:
        colours = look.palette
        self.curve.setPen(style.pen(colours.bean, look(3)))
        self.tangent.setPen(style.pen(colours.tangent, look(TANGENT_EMPHASIS if emphasized else TANGENT_WIDTH)))
        self.ball.setSymbolSize(look(16))
        self.ball.setSymbolBrush(pg.mkBrush(*colours.fit))
        self.ball.setSymbolPen(pg.mkPen(look.foreground, width=look(1.5)))
        self.optimum.setPen(style.pen(colours.optimum, look(1.5), dashed=True))
        self.label.setColor(colours.tangent)
        font = QFont()
        font.setPointSizeF(look(10))
        self.label.setFont(font)
        style.apply_axes_look(self.widget, look)

    def show(self, values: np.ndarray, costs: np.ndarray | None, at: float, cost: float, slope: float,
             name: str) -> None:
        """The ball at ``at`` and its tangent; the curve too unless ``costs`` is None (keep the last)."""
        if costs is not None:
            self.curve.setData(values, costs)
            self._fit_range(values, float(np.nanmax(costs)), float(np.nanmin(costs)))
        self.ball.setData([at], [cost])
        half = (values[-1] - values[0]) * 0.12
        self.tangent.setData([at - half, at + half], [cost - slope * half, cost + slope * half])
        self.label.setText(f"∂e/∂{name} = {slope:+.4g}")
        style.settle(self.widget)

    def _fit_range(self, values: np.ndarray, top: float, low: float) -> None:
        """Keep the axes still while the cut moves; rescale only when it leaves or shrinks far within.

        Still axes read better, and pyqtgraph redraws an axis (ticks, labels) whenever its range moves.
        From zero up for a loss; down below zero too for a landscape's f.
        """
        x_range = (float(values[0]), float(values[-1]))
        top, bottom = max(top, 1e-12), min(low, 0.0)
        bottom_holds = self._bottom <= bottom and (self._bottom == 0 or bottom < self._bottom / 2)
        if x_range == self._x_range and self._top / 2 < top <= self._top and bottom_holds:
            return
        self._x_range, self._top, self._bottom = x_range, top * 1.1, bottom * 1.1
        self.widget.setRange(xRange=x_range, yRange=(self._bottom, self._top), padding=0.02)
        self.label.setPos(x_range[0], self._top)


TANGENT_WIDTH, TANGENT_EMPHASIS = 2.5, 6.0


class CostSlicesPlot(QWidget):
    """e(w) for ``wx``; e(w | b) and e(b | w) for ``wx+b``."""

    def __init__(self) -> None:
        super().__init__()
        self._along_w = _Slice(N_("Cost along w"), "w")
        self._along_b = _Slice(N_("Cost along b"), "b")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._along_w.widget)
        layout.addWidget(self._along_b.widget)
        self._landscape: Landscape | None = None
        self._box = Box(0.0, 1.0)
        self.short_titles = False   # for small exported pictures
        self._look, self._emphasized = style.NORMAL, False
        self._cut_at, self._cut_took = -float("inf"), 0.0   # when the curves were last cut, and how long it took
        self.curves_cut = 0   # how often the curves were computed (the tests check a playing network's stays rare)

    def set_run(self, landscape: Landscape) -> None:
        self._landscape = landscape
        self._cut_at = -float("inf")
        names, two_d = landscape.names, landscape.two_d
        self._along_b.widget.setVisible(two_d)
        cuts = ((self._along_w, names[0], names[-1]), (self._along_b, names[-1], names[0]))
        for cut, name, other in cuts[:len(names)]:
            style.label_axes(cut.widget, name, N_("cost e"))
            if self.short_titles:
                style.set_title(cut.widget, f"e({name} | {other})" if two_d else f"e({name})")
            elif not landscape.complete:   # a short formula where the words do not fit
                style.set_title(cut.widget, N_("Cost along {name} (others held)"), f"e({name} | …)", name=name)
            elif two_d:
                style.set_title(cut.widget, N_("Cost along {name}, {other} held"), f"e({name} | {other})",
                                name=name, other=other)
            else:
                style.set_title(cut.widget, N_("Cost curve e({name})"), f"e({name})", name=name)
        for index, cut in enumerate((self._along_w, self._along_b)[:len(names)]):
            cut.optimum.setVisible(landscape.optimum is not None)
            if landscape.optimum is not None:
                cut.optimum.setValue(landscape.optimum[index])

    def emphasize_tangents(self, on: bool) -> None:
        """Draw the tangents thick while a stage talks about the slope."""
        self._emphasized = on
        self.apply_look(self._look)

    def tangent_width(self) -> float:
        """How thick the tangents are drawn, in pixels (thick while a stage talks about the slope)."""
        return self._along_w.tangent.opts["pen"].widthF()

    def apply_look(self, look: style.Look) -> None:
        self._look = look
        for cut in (self._along_w, self._along_b):
            cut.apply_look(look, self._emphasized)

    def set_box(self, box: Box) -> None:
        """The parameter ranges to draw (they grow with the descent path; the curves follow at their next cut)."""
        self._box = box

    def show_frame(self, frame: Frame) -> None:
        landscape = self._landscape
        if landscape is None:
            return
        params = np.asarray(frame.snapshot.params)
        slope = landscape.gradient(params)
        cost = landscape.cost(params)
        here = landscape.project(params[None, :])[0]
        now = time.perf_counter()
        age = now - self._cut_at
        cut = frame.state != RunState.PLAYING or self._cut_took < CHEAP_CUT_S or age >= CURVE_AGE_S
        first = np.linspace(self._box.w_lo, self._box.w_hi, CURVE_POINTS)
        second = np.linspace(self._box.b_lo, self._box.b_hi, CURVE_POINTS) if landscape.two_d else None
        along_w = landscape.curve(0, first, params) if cut else None
        along_b = landscape.curve(1, second, params) if cut and landscape.two_d else None
        if cut:
            self._cut_at, self._cut_took = now, time.perf_counter() - now
            self.curves_cut += 1
        self._along_w.show(first, along_w, here[0], cost, slope[0], landscape.names[0])
        if landscape.two_d:
            self._along_b.show(second, along_b, here[1], cost, slope[1], landscape.names[1])
