"""The cost curve e(w) (model wx), or the bowl cut along w and along b through the current point
(model wx+b); each with the current point and its tangent, whose slope is the partial derivative."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QWidget

from beanlab.core import Box, Landscape
from beanlab.gui import style
from beanlab.gui.training_worker import Frame
from beanlab.i18n import N_

CURVE_POINTS = 200


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
        self._x_range, self._top = (0.0, 0.0), 0.0

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

    def show(self, values: np.ndarray, costs: np.ndarray, at: float, cost: float, slope: float,
             name: str) -> None:
        self.curve.setData(values, costs)
        self.ball.setData([at], [cost])
        half = (values[-1] - values[0]) * 0.12
        self.tangent.setData([at - half, at + half], [cost - slope * half, cost + slope * half])
        self.label.setText(f"∂e/∂{name} = {slope:+.4g}")
        self._fit_range(values, float(np.nanmax(costs)))
        style.settle(self.widget)

    def _fit_range(self, values: np.ndarray, top: float) -> None:
        """Keep the axes still while the cut moves; rescale only when it leaves or shrinks far within.

        Still axes read better, and pyqtgraph redraws an axis (ticks, labels) whenever its range moves.
        """
        x_range = (float(values[0]), float(values[-1]))
        if x_range == self._x_range and self._top / 2 < top <= self._top:
            return
        self._x_range, self._top = x_range, top * 1.1
        self.widget.setRange(xRange=x_range, yRange=(0, self._top), padding=0.02)
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

    def set_run(self, landscape: Landscape) -> None:
        self._landscape = landscape
        bias = landscape.has_bias
        self._along_b.widget.setVisible(bias)
        if self.short_titles:
            style.set_title(self._along_w.widget, "e(w | b)" if bias else "e(w)")
        else:
            style.set_title(self._along_w.widget, N_("Cost along w, with b held (e(w | b))") if bias else N_("Cost curve e(w)"))
        self._along_w.optimum.setValue(landscape.optimum[0])
        if bias:
            style.set_title(self._along_b.widget, "e(b | w)" if self.short_titles else N_("Cost along b, with w held (e(b | w))"))
            self._along_b.optimum.setValue(landscape.optimum[1])

    def emphasize_tangents(self, on: bool) -> None:
        """Draw the tangents thick while a stage talks about the slope."""
        self._emphasized = on
        self.apply_look(self._look)

    def apply_look(self, look: style.Look) -> None:
        self._look = look
        for cut in (self._along_w, self._along_b):
            cut.apply_look(look, self._emphasized)

    def set_box(self, box: Box) -> None:
        """The parameter ranges to draw (they grow with the descent path)."""
        self._box = box

    def show_frame(self, frame: Frame) -> None:
        landscape = self._landscape
        if landscape is None:
            return
        params = np.asarray(frame.snapshot.params)
        slope = landscape.gradient(params)
        cost = landscape.cost(params)
        w_values = np.linspace(self._box.w_lo, self._box.w_hi, CURVE_POINTS)
        b = params[1] if landscape.has_bias else 0.0
        self._along_w.show(w_values, landscape.curve_w(w_values, b), params[0], cost, slope[0], "w")
        if landscape.has_bias:
            b_values = np.linspace(self._box.b_lo, self._box.b_hi, CURVE_POINTS)
            self._along_b.show(b_values, landscape.curve_b(b_values, params[0]), params[1], cost, slope[1], "b")
