"""The cost curve E(w) (model wx), or the bowl cut along w and along b through the current point
(model wx+b); each with the current point and its tangent, whose slope is the partial derivative of
the whole cost, ∂E/∂w (green). While a stage tells this bean's slope ∂e/∂w, a line of that slope goes
through the ball too, in this update's orange (symbols.py: one symbol and colour per meaning)."""
from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QWidget

from beanlab.core import Box, Frame, Landscape, RunState
from beanlab.core.numbers import number
from beanlab.core.symbols import COST, WHOLE_COST, whole_cost_of
from beanlab.gui import style
from beanlab.i18n import N_, tr

# the tangent's slope is where the ball is now; the readouts' is the one the last update moved by
# (the same while stepping in stages, apart by one move while playing): each says which it is
WHOLE_COST_LABEL = N_("{symbol} = {value} (whole cost, at the ball)")
AT_THE_BALL_LABEL = N_("{symbol} = {value} (at the ball)")
UPDATE_SLOPE_LABEL = N_("{symbol} = {value} (this update)")

CURVE_POINTS = 200
# While a run plays, curves that cost time to cut (a network's cost on 200 points, twice) are cut
# again at most 4 times a second; the ball, its cost and its tangent follow every frame. Curves
# as cheap as a line's (from the beans' sums) are cut every frame; a paused frame's always.
CHEAP_CUT_S, CURVE_AGE_S = 0.0005, 0.25


class _Slice:
    """One cut: a curve, a ball on it and the tangent line through the ball."""

    def __init__(self, title: str, axis_label: str) -> None:
        self.widget = style.titled_plot(title, axis_label, COST)
        self.widget.beanlab_x_label_optional = True   # the title names the axis: "Cost along w"
        self.curve = self.widget.plot([], [], pen=style.pen(style.BEAN, 3))
        self.tangent = self.widget.plot([], [], pen=style.pen(style.TANGENT, TANGENT_WIDTH))
        self.ball = self.widget.plot([], [], pen=None, symbol="o", symbolSize=16,
                                     symbolBrush=pg.mkBrush(*style.FIT), symbolPen=pg.mkPen("k", width=1.5))
        self.optimum = pg.InfiniteLine(angle=90, pen=style.pen(style.OPTIMUM, 1.5, dashed=True))
        self.widget.addItem(self.optimum)
        self.label = pg.TextItem(color=style.TANGENT, anchor=(0, 0))
        self.widget.addItem(self.label)
        # this update's slope (this bean's, or this batch's), shown while a stage talks about it
        self.update_line = self.widget.plot([], [], pen=style.pen(style.BEAN_ACTIVE, TANGENT_WIDTH, dashed=True))
        self.update_label = pg.TextItem(color=style.BEAN_ACTIVE, anchor=(0, 0))
        self.widget.addItem(self.update_label)
        self.update_slope: float | None = None
        # the class's prediction of where the ball goes (predict, then watch): yellow edged in black
        self.prediction = self.widget.plot([], [], pen=None, symbol="o", symbolSize=16,
                                           symbolBrush=pg.mkBrush(*style.PREDICTION),
                                           symbolPen=pg.mkPen(*style.PREDICTION_EDGE, width=2.5))
        self.symbols = (WHOLE_COST.symbol("w"), "")   # (the tangent's, this update's), set by show
        self.shows_tangent = True   # False for a run that moves by no slope (a search): no tangent, no label
        self._x_range, self._top, self._bottom = (0.0, 0.0), 0.0, 0.0

    def apply_look(self, look: style.Look, emphasized: str | None) -> None:
        colours = look.palette
        self.curve.setPen(style.pen(colours.bean, look(3)))
        self.tangent.setPen(style.pen(colours.tangent, look(TANGENT_EMPHASIS if emphasized == TANGENT
                                                            else TANGENT_WIDTH)))
        self.update_line.setPen(style.pen(colours.active, look(TANGENT_EMPHASIS if emphasized == UPDATE
                                                               else TANGENT_WIDTH), dashed=True))
        self.update_label.setColor(colours.active)
        self.ball.setSymbolSize(look(16))
        self.ball.setSymbolBrush(pg.mkBrush(*colours.fit))
        self.ball.setSymbolPen(pg.mkPen(look.foreground, width=look(1.5)))
        self.optimum.setPen(style.pen(colours.optimum, look(1.5), dashed=True))
        self.label.setColor(colours.tangent)
        font = QFont()
        font.setPointSizeF(look(10))
        self.label.setFont(font)
        self.update_label.setFont(font)
        style.apply_axes_look(self.widget, look)

    def show(self, values: np.ndarray, costs: np.ndarray | None, at: float, cost: float, slope: float,
             name: str, whole=WHOLE_COST, update=None) -> None:
        """The ball at ``at``, the whole cost's tangent, the curve too unless ``costs`` is None (keep the
        last); and ``update`` (a SlopeName), this update's slope (``self.update_slope``) through the ball
        too, when one is being told."""
        if costs is not None:
            self.curve.setData(values, costs)
            self._fit_range(values, float(np.nanmax(costs)), float(np.nanmin(costs)))
            self._place_labels(values, costs, at, cost)
        self.ball.setData([at], [cost])
        half = (values[-1] - values[0]) * 0.12
        self.symbols = (whole.symbol(name), "" if update is None else update.symbol(name))
        if self.shows_tangent:
            self.tangent.setData([at - half, at + half], [cost - slope * half, cost + slope * half])
            self._fit(self.label, tr(WHOLE_COST_LABEL).format(symbol=self.symbols[0], value=number(slope, signed=True))
                      if whole is WHOLE_COST else tr(AT_THE_BALL_LABEL).format(symbol=self.symbols[0],
                                                                              value=number(slope, signed=True)))
        else:
            self.tangent.setData([], [])
            self.label.setText("")
        own = self.update_slope
        if own is None or update is None:
            self.update_line.setData([], [])
            self.update_label.setText("")
        else:
            self.update_line.setData([at - half, at + half], [cost - own * half, cost + own * half])
            self._fit(self.update_label, tr(UPDATE_SLOPE_LABEL).format(symbol=self.symbols[1],
                                                                       value=number(own, signed=True)))
        style.settle(self.widget)

    def _fit(self, item: pg.TextItem, text: str) -> None:
        """``text`` on one line if it fits the plot's width; else broken before its remark, then after
        "="; else without its remark (the readouts and the title keep it). A narrow plot in the
        projector view: the text keeps its size and is never cut at the edge."""
        room = self.widget.getPlotItem().getViewBox().width() - 8   # a little air at the right edge
        remark = text.replace(" (", "\n(").replace("（", "\n（")   # the remark: "(whole cost)", "（整个代价）"
        # past two lines the text would cover the curve: then the bare slope, its remark left to the
        # plot's title and the readouts
        bare = remark.split("\n", 1)[0]
        candidates = (text, remark, remark.replace(" = ", " =\n"), bare, bare.replace(" = ", " =\n"))
        for candidate in candidates:
            if candidate != item.toPlainText():
                item.setText(candidate)
            if room <= 0 or item.textItem.boundingRect().width() <= room:
                return
        # a plot too small for any: the whole meaning, from the right edge leftwards so it stays inside
        item.setText(candidates[2])
        item.setAnchor((1.0, item.anchor.y()))
        item.setPos(self._x_range[1], item.pos().y())

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

    def _place_labels(self, values: np.ndarray, costs: np.ndarray, at: float, cost: float) -> None:
        """The slopes' text in the corner the curve and the ball leave emptiest (top left unless
        another is clearly emptier): a saddle's cut is high at the left, a bowl's at both top corners."""
        (left, right), top, bottom = self._x_range, self._top, self._bottom
        width, height = (right - left) or 1.0, (top - bottom) or 1.0
        xs, ys = (np.append(values, [at] * 20), np.append(costs, [cost] * 20))   # the ball weighs 20 points
        def crowd(on_right: bool, on_bottom: bool) -> int:
            near_side = (xs - left > 0.45 * width) if on_right else (right - xs > 0.45 * width)
            near_edge = (ys - bottom < 0.35 * height) if on_bottom else (top - ys < 0.35 * height)
            return int(np.count_nonzero(near_side & near_edge & np.isfinite(ys)))
        corners = [(False, False), (True, False), (False, True), (True, True)]   # top left first: ties keep it
        on_right, on_bottom = min(corners, key=lambda corner: crowd(*corner))
        x = right if on_right else left
        self.label.setAnchor((1.0 if on_right else 0.0, 1.0 if on_bottom else 0.0))
        self.update_label.setAnchor((1.0 if on_right else 0.0, 1.0 if on_bottom else 0.0))
        self.label.setPos(x, bottom if on_bottom else top)
        inward = 0.15 * height   # this update's slope just inside the whole cost's
        self.update_label.setPos(x, bottom + inward if on_bottom else top - inward)


TANGENT_WIDTH, TANGENT_EMPHASIS = 2.5, 6.0
TANGENT, UPDATE = "whole cost", "this update"   # which line a stage draws thick


class CostSlicesPlot(QWidget):
    """e(w) for ``wx``; e(w | b) and e(b | w) for ``wx+b``."""

    def __init__(self) -> None:
        super().__init__()
        self._along_w = _Slice(N_("Cost along w"), "w")
        self._along_b = _Slice(N_("Cost along b"), "b")
        layout = self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._along_w.widget)
        layout.addWidget(self._along_b.widget)
        self._landscape: Landscape | None = None
        self._box = Box(0.0, 1.0)
        self.short_titles = False   # for small exported pictures
        self._look, self._emphasized = style.NORMAL, None
        self._update_slope_name = None   # whose slope the orange line shows (symbols.SlopeName), when shown
        self._last_frame: Frame | None = None
        self._cut_at, self._cut_took = -float("inf"), 0.0   # when the curves were last cut, and how long it took
        self.curves_cut = 0   # how often the curves were computed (the tests check a playing network's stays rare)
        self._on_click: Callable[[float], None] | None = None   # a prediction's answer: see answer_clicks
        self._prediction: tuple[float, float] | None = None

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # the two cuts side by side in a wide cell, one above the other in a tall one (a row of three
        # views on a projector): each keeps room for its curve either way
        tall = self.height() > self.width()
        direction = QBoxLayout.Direction.TopToBottom if tall else QBoxLayout.Direction.LeftToRight
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)

    def set_run(self, landscape: Landscape) -> None:
        self._landscape = landscape
        self._cut_at = -float("inf")
        self._last_frame, self._update_slope_name = None, None
        for cut in (self._along_w, self._along_b):
            cut.update_slope = None
        whole = whole_cost_of(landscape.model)   # E of the beans, or a landscape's f: titles and axes agree
        cost_name = COST if whole is WHOLE_COST else N_("f(w, b)")
        symbol = whole.cost
        names, two_d = landscape.names, landscape.two_d
        self._along_b.widget.setVisible(two_d)
        cuts = ((self._along_w, names[0], names[-1]), (self._along_b, names[-1], names[0]))
        for cut, name, other in cuts[:len(names)]:
            style.label_axes(cut.widget, name, cost_name)
            if self.short_titles:
                style.set_title(cut.widget, f"{symbol}({name} | {other})" if two_d else f"{symbol}({name})")
            elif not landscape.complete:   # a short formula where the words do not fit
                style.set_title(cut.widget, N_("Cost along {name} (others held)"), f"{symbol}({name} | …)", name=name)
            elif two_d:
                style.set_title(cut.widget, N_("Cost along {name}, {other} held") if whole is WHOLE_COST
                                else N_("f along {name}, {other} held"), f"{symbol}({name} | {other})",
                                name=name, other=other)
            else:
                style.set_title(cut.widget, N_("Cost curve E({name})"), f"{symbol}({name})", name=name)
        for index, cut in enumerate((self._along_w, self._along_b)[:len(names)]):
            cut.optimum.setVisible(landscape.optimum is not None)
            if landscape.optimum is not None:
                cut.optimum.setValue(landscape.optimum[index])

    def answer_clicks(self, on_click: Callable[[float], None] | None) -> None:
        """Hand a left click on the first cut (E(w), or E(w | b)) to ``on_click(w)``, w where it was clicked
        (a prediction's answer); None gives the mouse back to the plot."""
        scene = self._along_w.widget.scene()
        if self._on_click is not None:
            scene.sigMouseClicked.disconnect(self._clicked)
        self._on_click = on_click
        if on_click is not None:
            scene.sigMouseClicked.connect(self._clicked)
        self._along_w.widget.setCursor(Qt.CursorShape.CrossCursor if on_click else Qt.CursorShape.ArrowCursor)

    def _clicked(self, event) -> None:
        box = self._along_w.widget.getViewBox()
        if event.button() != Qt.MouseButton.LeftButton or not box.sceneBoundingRect().contains(event.scenePos()):
            return
        event.accept()
        self._on_click(box.mapSceneToView(event.scenePos()).x())

    def show_prediction(self, value: float | None, params=None) -> None:
        """Draw the class's predicted ball at ``value`` on the first cut, at the cost there with the other
        parameters as in ``params`` (where the run was asked); None takes it away."""
        self._prediction = None
        if value is not None and self._landscape is not None:
            params = np.array(params, dtype=float)
            params[0] = value
            self._prediction = (float(value), float(self._landscape.cost(params)))
        self._along_w.prediction.setData(*(([], []) if self._prediction is None else
                                           ([self._prediction[0]], [self._prediction[1]])))

    @property
    def first_cut(self) -> pg.PlotWidget:
        """The plot of the cut along the first parameter (E(w), or E(w | b)): where a prediction is clicked."""
        return self._along_w.widget

    @property
    def prediction(self) -> tuple[float, float] | None:
        """Where the predicted ball is drawn (the parameter, its cost), or None."""
        return self._prediction

    def set_slope_used(self, used: bool) -> None:
        """Whether the run moves by a slope: a search (lesson 2) or the perceptron rule uses none, so no
        tangent and no "∂E/∂w = 0" are drawn (the curve and the ball still are)."""
        for cut in (self._along_w, self._along_b):
            cut.shows_tangent = used
        if self._last_frame is not None:
            self.show_frame(self._last_frame)

    def tangent_shown(self) -> bool:
        """Whether the tangent (the whole cost's slope) is drawn."""
        x, _y = self._along_w.tangent.getData()
        return x is not None and len(x) > 0

    def emphasize_tangents(self, on: bool) -> None:
        """Draw the whole cost's tangents thick while a stage talks about that slope."""
        self.emphasize(TANGENT if on else None)

    def emphasize(self, line: str | None) -> None:
        """Draw ``line`` (TANGENT: the whole cost's; UPDATE: this update's) thick: the slope a stage talks about."""
        self._emphasized = line
        self.apply_look(self._look)

    def show_update_slope(self, slopes: dict[str, float] | None, whose=None) -> None:
        """Draw this update's slope (``slopes`` by parameter name; ``whose``: a SlopeName) through the ball
        beside the whole cost's tangent; None takes it away."""
        self._update_slope_name = whose if slopes else None
        for cut, name in zip((self._along_w, self._along_b), self._landscape.names if self._landscape else ()):
            cut.update_slope = None if not slopes else slopes.get(name)
        if self._last_frame is not None:
            self.show_frame(self._last_frame)

    def tangent_width(self) -> float:
        """How thick the whole cost's tangents are drawn, in pixels (thick while a stage talks about that slope)."""
        return self._along_w.tangent.opts["pen"].widthF()

    def update_slope_width(self) -> float:
        """How thick this update's slope line is drawn (thick while a stage talks about it)."""
        return self._along_w.update_line.opts["pen"].widthF()

    def slope_labels(self) -> tuple[str, ...]:
        """What the plot says beside its lines (the whole cost's slope; this update's, when drawn), each
        on one line however a narrow plot breaks it."""
        cuts = (self._along_w, self._along_b)[:len(self._landscape.names) if self._landscape else 1]
        return tuple(text.replace("\n（", "（").replace("\n", " ") for cut in cuts
                     for text in (cut.label.toPlainText(), cut.update_label.toPlainText()) if text)

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
        self._last_frame = frame
        whole = whole_cost_of(landscape.model)
        update = self._update_slope_name
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
        self._along_w.show(first, along_w, here[0], cost, slope[0], landscape.names[0], whole, update)
        if landscape.two_d:
            self._along_b.show(second, along_b, here[1], cost, slope[1], landscape.names[1], whole, update)
