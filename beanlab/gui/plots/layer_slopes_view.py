"""A deep network's layers at work: one bar per weight layer, the mean size of its slopes |∂E/∂w| on a
log scale (in the green of the whole cost's slope, as the tangents), and each hidden layer's dead
ReLUs written over its bar.

Three sigmoid layers of four on the spiral show it at once: the first layer's slopes a hundred times
smaller than the output layer's, a vanishing gradient seen rather than told; ReLU layers keep them
within a few times of each other, and now and then a neuron dies (0 for every bean, learning nothing).
The numbers come from the model (``DeepNetwork.layer_report``), for each frame drawn.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from beanlab.core import Beans, Frame, Landscape
from beanlab.gui import style
from beanlab.i18n import N_, tr

TITLE = N_("Slopes per layer, mean |∂E/∂w|")
SHORT_TITLE = N_("Slopes per layer")
LAYER, OUTPUT = N_("layer"), N_("out")   # the axis's name; its ticks 1, 2, 3 … and the output layer's "out"
DEAD = N_("{count} dead")
FLOOR = 1e-9   # slopes below this are drawn at it: a bar needs a bottom on a log scale


def power_of_ten(exponent: int) -> str:
    """10⁻³ and so on, as the loss plot's log axis writes them."""
    return "10" + str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


class LayerSlopesView(pg.PlotWidget):
    def __init__(self) -> None:
        super().__init__()
        style.set_title(self, TITLE, SHORT_TITLE)
        style.label_axes(self, LAYER, N_("mean |∂E/∂w|"))
        style.plain_axes(self)
        self.setMinimumSize(160, 120)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=pg.mkBrush(*style.TANGENT))
        # (the whole cost's slope has one colour, the tangents' green, wherever it is drawn: symbols.py)
        self.addItem(self._bars)
        self._dead_labels: list[pg.TextItem] = []
        self._beans: Beans | None = None
        self._model = None
        self._look = style.NORMAL
        self.slopes: tuple[float, ...] = ()   # as drawn: each weight layer's mean |∂E/∂w| (tests read them)
        self.dead: tuple[int, ...] = ()       # as drawn: each hidden layer's dead ReLUs

    def apply_look(self, look: style.Look) -> None:
        self._look = look
        self._bars.setOpts(brush=pg.mkBrush(*look.palette.tangent))
        style.apply_axes_look(self, look)
        for label in self._dead_labels:
            label.setColor(look.foreground)

    def set_run(self, beans: Beans, landscape: Landscape) -> None:
        self._beans, self._model = beans, landscape.model
        for label in self._dead_labels:
            self.removeItem(label)
        self._dead_labels = []
        if not hasattr(self._model, "layer_report"):
            return
        layers = len(self._model.shape.hidden) + 1
        names = [str(number) for number in range(1, layers)] + [tr(OUTPUT)]
        self.getAxis("bottom").setTicks([list(enumerate(names, start=1))])
        for _layer in range(layers - 1):
            label = pg.TextItem(anchor=(0.5, 1.0), color=self._look.foreground)
            self.addItem(label)
            self._dead_labels.append(label)
        self.setXRange(0.4, layers + 0.6, padding=0)

    def show_frame(self, frame: Frame) -> None:
        if self._model is None or not hasattr(self._model, "layer_report"):
            return
        report = self._model.layer_report(np.asarray(frame.snapshot.params), self._beans.x, self._beans.y)
        self.slopes, self.dead = report.weight_slopes, report.dead
        heights = np.log10(np.maximum(np.nan_to_num(np.array(self.slopes), nan=FLOOR), FLOOR))
        low = float(np.floor(heights.min())) - 1
        top = max(float(np.ceil(heights.max())), low + 2)
        xs = np.arange(1, len(heights) + 1)
        self._bars.setOpts(x=xs, y0=np.full(len(xs), low), height=heights - low)
        self.getAxis("left").setTicks([[(e, power_of_ten(int(e))) for e in range(int(low), int(top) + 1)]])
        self.setYRange(low, top, padding=0.02)
        for x, label, count, width in zip(xs, self._dead_labels, report.dead, report.widths):
            label.setText(tr(DEAD).format(count=f"{count}/{width}") if count else "")
            label.setPos(float(x), float(heights[x - 1]))
        style.settle(self)
