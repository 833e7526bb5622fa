"""Backpropagation drawn on the computation graph of the last update's bean (lessons 3–6).

Left to right, the bean's x and the parameters flow through each operation (×, +, σ, −, ²) to its loss
e; every box shows its forward value, and under it, in this update's orange, the slope ∂e/∂(box) the
chain rule sends back from e: at e it is 1, and each box's is the sum over its users of their slope
times the local one. The parameters' slopes are the readouts' "∂e/∂w (this bean)". The graph comes
from the model (``compute_graph``, core/compute_graph.py), for the frame drawn.

Stepping in stages (gui/stage_stepper.py), the view shows the coming update's bean instead, nothing
computed yet, and each press fills one more column: the forward values left to right, then the slopes
right to left from e (core.GraphStages); then the stepper goes on to the slope's text and the move.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from beanlab.core import Beans, Frame, Landscape
from beanlab.core.compute_graph import ComputeGraph, GraphStages
from beanlab.core.numbers import bean_number, number
from beanlab.gui import style
from beanlab.gui.language import Retranslating
from beanlab.i18n import N_, tr

TITLE = N_("Backprop: update {update}, bean {bean}")
START_TITLE = N_("Backprop at the start, bean {bean}")
FORWARD_TITLE = N_("Next update, bean {bean}: forward {stage} of {count}")
BACKWARD_TITLE = N_("Next update, bean {bean}: back {stage} of {count}")
NEXT_TITLE = N_("Next update, bean {bean}")
KEY = N_("black: forward values · orange ←: ∂e/∂(box), sent back from e")
NOT_DRAWN = N_("This model's graph is drawn for the mean squared error only.")
DIGITS = 3


class ComputeGraphView(Retranslating, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setMinimumSize(200, 140)
        self._model = None
        self._beans: Beans | None = None
        self._look = style.NORMAL
        self.graph: ComputeGraph | None = None   # as drawn (tests read its nodes)
        self.title = ""
        self.stages: GraphStages | None = None   # stepping in stages: the coming update's graph, told in stages
        self.stage = 0                            # how many of them are on screen
        self._bean = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(tr("Forward values left to right, black; the slope ∂e/∂(box) the chain rule sends "
                           "back from the loss e, orange"))
        self.update()

    def apply_look(self, look: style.Look) -> None:
        self._look = look
        self.update()

    def set_run(self, beans: Beans, landscape: Landscape) -> None:
        self._beans, self._model = beans, landscape.model
        self.graph = None
        self.update()

    # -- stepping in stages ---------------------------------------------------------------------
    def begin_stages(self, bean: int, params) -> bool:
        """Show the coming update's graph for ``bean`` at ``params`` with nothing computed; False when this
        model draws no graph (nothing to step through)."""
        graph = self._graph_for(bean, params)
        self.stages = GraphStages(graph) if graph is not None and graph.nodes else None
        if self.stages is not None:
            self.graph, self._bean, self.stage = graph, bean, 0
            self._title_stage()
        return self.stages is not None

    @property
    def stages_left(self) -> int:
        return 0 if self.stages is None else self.stages.count - self.stage

    def next_stage(self) -> None:
        """One column more: forward values, then (once all are in) slopes."""
        if self.stages_left:
            self.stage += 1
            self._title_stage()

    def end_stages(self) -> None:
        """Every value and slope shown (the next frame brings the update made, or the stages were left)."""
        if self.stages is not None:
            self.stages = None
            self.title = tr(NEXT_TITLE).format(bean=bean_number(self._bean))
            self.update()

    def _title_stage(self) -> None:
        stages, n = self.stages, self.stages.n_columns
        backward = stages.is_backward(self.stage)
        self.title = tr(BACKWARD_TITLE if backward else FORWARD_TITLE).format(
            bean=bean_number(self._bean), stage=self.stage - n if backward else self.stage, count=n)
        self.update()

    def shown_texts(self) -> list[tuple[str, str]]:
        """Each box's forward text ("w = 0.100", or just "w" while a stage has not computed it) and its
        slope ("" until a stage sends it back); as the boxes draw them (see _box_lines)."""
        if self.graph is None:
            return []
        return [(self._text(self.graph, index) if value else label, slope)
                for index, (label, value, slope) in enumerate(map(self._box_lines, range(len(self.graph.nodes))))]

    def _box_lines(self, index: int) -> tuple[str, str, str]:
        """A box's three lines: what it is (w, ×, e), its forward value, its slope; "" for what a stage has
        not filled yet (and for the bean's x and y, which are data: no slope)."""
        node = self.graph.nodes[index]
        return (self._label(self.graph, index),
                number(node.value, DIGITS) if self._forward_shown(index) else "",
                self._slope_text(node) if self._slope_shown(index) and node.kind != "bean" else "")

    def _forward_shown(self, index: int) -> bool:
        return self.stages is None or self.stages.forward_shown(index, self.stage)

    def _slope_shown(self, index: int) -> bool:
        return self.stages is None or self.stages.slope_shown(index, self.stage)

    def _draws(self) -> bool:
        """Whether the run's model has a graph to draw (a large network's compute_graph is None)."""
        return self._beans is not None and callable(getattr(self._model, "compute_graph", None))

    def _graph_for(self, bean: int, params) -> ComputeGraph | None:
        if not self._draws():
            return None
        features = np.ravel(self._beans.x[bean])   # one size, or size and colour depth
        x = float(features[0]) if features.size == 1 else features
        return self._model.compute_graph(np.asarray(params, dtype=float), x, float(self._beans.y[bean]))

    # -- the last update ------------------------------------------------------------------------
    def show_frame(self, frame: Frame) -> None:
        if self.stages is not None:
            return   # the coming update is being told: the stepper ends that first
        if not self._draws():
            return
        snapshot, numbers = frame.snapshot, (frame.explanation.numbers if frame.explanation else {})
        names = self._model.param_names
        if snapshot.step and snapshot.beans and all(f"{n}_before" in numbers for n in names):
            params, bean = [numbers[f"{n}_before"] for n in names], int(snapshot.beans[0])   # the update's own
            self.title = tr(TITLE).format(update=f"{snapshot.step:,}", bean=bean_number(bean))
        else:
            params, bean = list(snapshot.params), 0
            self.title = tr(START_TITLE).format(bean=bean_number(bean))
        self.graph = self._graph_for(bean, params)
        self.update()

    # -- drawing -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        look, colours = self._look, self._look.palette
        painter.fillRect(self.rect(), QColor("#111417" if look.dark else "white"))
        foreground = QColor(look.foreground if look.foreground != "k" else "black")
        title_font = QFont(self.font())
        title_font.setPointSizeF(look(12))
        painter.setFont(title_font)
        painter.setPen(foreground)
        title_height = painter.fontMetrics().height() * 1.4
        graph = self.graph
        text = self.title if graph is not None or self._model is None else tr(NOT_DRAWN)
        painter.drawText(QRectF(0, 0, self.width(), title_height), Qt.AlignmentFlag.AlignCenter,
                         painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, self.width() - 8))
        if graph is None or not graph.nodes:
            painter.end()
            return
        columns = graph.columns()
        n_columns = max(columns) + 1
        rows: dict[int, list[int]] = {}
        for index, column in enumerate(columns):
            rows.setdefault(column, []).append(index)
        key_font = QFont(self.font())
        key_font.setPointSizeF(look(9))
        key_height = QFontMetricsF(key_font).height() * 1.4   # the key's line at the bottom
        area = QRectF(4, title_height, self.width() - 8, self.height() - title_height - key_height)
        cell_w, tallest = area.width() / n_columns, max(map(len, rows.values()))
        # three lines a box: what it is (w, ×, e), its forward value, its slope; the room is sized for the
        # texts the boxes hold once filled, so the boxes stay put while the stages fill them
        labels = [self._label(graph, index) for index in range(len(graph.nodes))]
        values = [number(node.value, DIGITS) for node in graph.nodes]
        slopes = [self._slope_text(node) for node in graph.nodes]
        font = QFont(self.font())
        # as large as the look asks, unless a box's room or its widest text asks for less
        size = max(7.0, min(look(10) * 1.33, area.height() / tallest / 4.0))
        font.setPixelSize(int(size))
        widest = max(QFontMetricsF(font).horizontalAdvance(text) for text in (*labels, *values, *slopes))
        size = max(7.0, min(size, size * cell_w * 0.86 / (widest * 1.1)))
        font.setPixelSize(int(size))
        painter.setFont(font)
        line = painter.fontMetrics().height()
        box_w, box_h = min(cell_w * 0.9, QFontMetricsF(font).horizontalAdvance("x") + widest * 1.05), line * 3.2
        centres = {}
        for column, members in rows.items():
            step = area.height() / len(members)
            for place, index in enumerate(members):
                centres[index] = QPointF(area.left() + cell_w * (column + 0.5), area.top() + step * (place + 0.5))
        painter.setPen(QPen(foreground, look(1.2)))
        for index, node in enumerate(graph.nodes):   # the edges first, under the boxes
            for source in node.inputs:
                start, end = centres[source], centres[index]
                painter.drawLine(QPointF(start.x() + box_w / 2, start.y()), QPointF(end.x() - box_w / 2, end.y()))
        active = QColor(*colours.active)
        # the bean's numbers in the beans' colour, the parameters in the model's (the fitted line's)
        fills = {"bean": QColor(*colours.bean, 60), "param": QColor(*colours.fit, 50), "op": QColor(0, 0, 0, 0)}
        for index, node in enumerate(graph.nodes):
            centre = centres[index]
            box = QRectF(centre.x() - box_w / 2, centre.y() - box_h / 2, box_w, box_h)
            painter.setPen(QPen(foreground, look(2.5) if index == graph.loss else look(1.2)))
            painter.setBrush(fills[node.kind])
            painter.drawRoundedRect(box, line * 0.4, line * 0.4)
            for place, (text, pen) in enumerate(zip(self._box_lines(index), (foreground, foreground, active))):
                if text:
                    painter.setPen(pen)
                    painter.drawText(QRectF(box.left(), box.top() + line * (0.1 + place), box_w, line),
                                     Qt.AlignmentFlag.AlignCenter, text)
            painter.setPen(foreground)
        key_font = QFont(self.font())
        key_font.setPointSizeF(look(9))
        painter.setFont(key_font)
        painter.drawText(QRectF(0, self.height() - key_height, self.width(), key_height), Qt.AlignmentFlag.AlignCenter,
                         painter.fontMetrics().elidedText(tr(KEY), Qt.TextElideMode.ElideRight, self.width() - 8))
        painter.end()

    @staticmethod
    def _slope_text(node) -> str:
        return f"← {number(node.slope, DIGITS, signed=True)}"

    @staticmethod
    def _label(graph: ComputeGraph, index: int) -> str:
        """A box not computed yet: what it is, no value ("e", "w", "×")."""
        return "e" if index == graph.loss else graph.nodes[index].label

    @staticmethod
    def _text(graph: ComputeGraph, index: int) -> str:
        """A box's first line: a leaf's name and value ("w = 0.100"), an operation's sign and result."""
        node = graph.nodes[index]
        if index == graph.loss:
            return f"e = {number(node.value, DIGITS)}"
        return f"{node.label} = {number(node.value, DIGITS)}" if node.kind != "op" else \
            f"{node.label}  {number(node.value, DIGITS)}"
