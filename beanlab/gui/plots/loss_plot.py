"""Loss after every update, raw and smoothed, with a log-scale toggle."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from beanlab.core import Frame, thin_indices
from beanlab.core.numbers import number
from beanlab.gui import style
from beanlab.gui.frame_hub import SampledRun
from beanlab.gui.plots.hooked_view_box import HookedViewBox
from beanlab.i18n import N_

LOSS_AXIS = N_("cost E (MSE)")
SKETCH_DECADES = 3   # a sketch on the log scale has room for the loss to fall this many powers of ten
SKETCH_WIDTH = 3     # px: the class's sketched loss curve
MINOR_TICKS_FROM_PX = 60   # the 2 … 9 ticks of a decade are drawn where it spans at least this many pixels
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class PowersOfTenAxis(pg.AxisItem):
    """On a log scale, numbers only at the powers of ten ("10⁻³", "1", "10²"); the ticks between them
    (2, 3 … 9 times a power) are drawn but not written, which would run into a smear of digits."""

    def tickValues(self, minVal, maxVal, size):
        levels = super().tickValues(minVal, maxVal, size)
        if not self.logMode or maxVal <= minVal:
            return levels
        if not any(len(values) for _spacing, values in levels):
            # a sliver of a decade (the loss of the first update or two) holds neither a power of ten nor
            # one of its multiples: tick round losses, evenly, as on a linear axis
            low, high = 10.0 ** minVal, 10.0 ** maxVal
            spacing = self.tickSpacing(low, high, size)[0][0]   # the major ticks' spacing
            losses = np.arange(np.ceil(low / spacing), np.floor(high / spacing) + 1) * spacing
            return [(None, list(np.log10(losses[losses > 0])))]
        per_decade = size / (maxVal - minVal)   # pixels a power of ten spans
        if per_decade >= MINOR_TICKS_FROM_PX:
            return levels
        # a short axis: the ticks between the powers would crowd into a black bar; keep the powers
        # themselves (whole exponents), if the range holds one
        powers = [(spacing, [v for v in values if abs(v - round(v)) < 1e-6]) for spacing, values in levels]
        return powers if any(values for _spacing, values in powers) else levels

    def tickStrings(self, values, scale, spacing):
        if not self.logMode:
            return super().tickStrings(values, scale, spacing)
        low, high = sorted(self.range)
        if np.floor(high) < low:
            # a range within one decade (0.18 … 0.56) holds no power of ten: write the losses themselves,
            # or the axis would have no number on it at all
            losses = 10.0 ** np.asarray(values, dtype=np.float64)
            gap = np.min(np.diff(np.sort(losses))) if len(losses) > 1 else 0.0
            # enough digits that neighbouring ticks read differently (0.542, 0.544), two at least
            digits = max(2, int(np.ceil(np.log10(losses.max() / gap)))) if gap > 0 else 2
            return [number(loss, digits=digits, trim=True) for loss in losses]
        return [power_of_ten(v) if abs(v - round(v)) < 1e-6 else "" for v in values]


def power_of_ten(exponent: float) -> str:
    """10 to the whole number ``exponent``, written as a teacher would: "1", "10", "10⁻³"."""
    exponent = int(round(exponent))
    return {0: "1", 1: "10"}.get(exponent, "10" + str(exponent).translate(_SUPERSCRIPT))


class LossPlot(QWidget):
    """The loss history of the run, however long, drawn from an even sample of its updates."""

    def __init__(self) -> None:
        super().__init__()
        self.plot_widget = style.titled_plot(N_("Loss per update"), N_("update"), LOSS_AXIS, view_box=HookedViewBox())
        self.plot_widget.setAxisItems({"left": PowersOfTenAxis("left")})
        style.label_axes(self.plot_widget, N_("update"), LOSS_AXIS)
        style.plain_axes(self.plot_widget)
        self.plot_widget.getViewBox().setLimits(xMin=0)   # updates start at 0: an empty plot starts there too
        self._legend = style.legend_below(self.plot_widget)
        self._raw = self.plot_widget.plot([], [], pen=pg.mkPen((*style.BEAN, 110), width=1), name=N_("loss"))
        self._smooth = self.plot_widget.plot([], [], pen=style.pen(style.SMOOTH, 2.5), name=N_("moving average"))
        # the class's sketch of the loss to come (predict, then watch): yellow over a black edge, not in the legend
        self._sketch_edge = self.plot_widget.plot([], [], pen=style.pen(style.PREDICTION_EDGE, SKETCH_WIDTH + 3))
        self._sketch_item = self.plot_widget.plot([], [], pen=style.pen(style.PREDICTION, SKETCH_WIDTH))
        self._sketch: tuple[np.ndarray, np.ndarray] | None = None
        # the thin raw line keeps its peaks; the wide smooth one gets a point per pixel (below)
        self._raw.setDownsampling(auto=True, method="peak")
        self.log_scale = QCheckBox()   # its words: PlotBoard.retranslate
        self.log_scale.setChecked(True)
        self.log_scale.toggled.connect(self._on_log_scale_toggled)
        self._on_log_scale_toggled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        layout.addWidget(self.log_scale)

    def show_frame(self, frame: Frame, history: SampledRun) -> None:
        """The loss of the whole run, from ``history`` (which already holds ``frame``'s rows)."""
        updates = history.updates
        self._raw.setData(updates, history.loss)
        # A wide antialiased line costs Qt per segment, not per pixel: one point per pixel of width
        # looks the same as thousands and is several times faster to draw.
        smooth = thin_indices(len(updates), max(int(self.plot_widget.getViewBox().width()), 100))
        self._smooth.setData(updates[smooth], history.smoothed_loss[smooth])
        style.settle(self.plot_widget)

    def set_run(self, landscape) -> None:
        """A landscape's f can be negative (the saddle's valleys): a linear scale then, and f on the axis."""
        on_landscape = getattr(landscape.model, "is_landscape", False)
        if on_landscape:
            self.log_scale.setChecked(False)
        style.label_axes(self.plot_widget, N_("update"), N_("f(w, b)") if on_landscape else LOSS_AXIS)
        style.retranslate_plot(self.plot_widget)

    def apply_look(self, look: style.Look) -> None:
        self._raw.setPen(pg.mkPen((*look.palette.bean, 110), width=look(1)))
        self._smooth.setPen(style.pen(look.palette.smooth, look(2.5)))
        self._sketch_edge.setPen(style.pen(style.PREDICTION_EDGE, look(SKETCH_WIDTH + 3)))
        self._sketch_item.setPen(style.pen(style.PREDICTION, look(SKETCH_WIDTH)))
        style.apply_legend_look(self._legend, look)
        style.apply_axes_look(self.plot_widget, look)

    def set_controls_visible(self, visible: bool) -> None:
        """Show or hide the log-scale box (an exported picture has no use for it)."""
        self.log_scale.setVisible(visible)

    def axis_labels(self, side: str = "left") -> list[str]:
        """The numbers written on an axis now (empty strings for ticks drawn without one)."""
        axis = self.plot_widget.getAxis(side)
        low, high = axis.range
        labels = []
        for spacing, values in axis.tickValues(low, high, axis.size().height() if side == "left"
                                               else axis.size().width()):
            labels += axis.tickStrings(values, axis.scale, spacing)
        return labels

    def x_range(self) -> tuple[float, float]:
        """The updates the plot spans now."""
        low, high = self.plot_widget.getViewBox().viewRange()[0]
        return float(low), float(high)

    @property
    def point_count(self) -> int:
        return len(self.drawn_updates)

    @property
    def drawn_updates(self) -> np.ndarray:
        """The update numbers the plot draws (an even sample of the whole run)."""
        updates = self._raw.xData
        return np.empty(0, dtype=np.int64) if updates is None else updates

    # -- predict, then watch: the class sketches the loss to come -------------------------------------
    def set_mouse_hook(self, hook) -> None:
        """Let ``hook`` (see HookedViewBox) have the mouse first; None gives it back to panning."""
        self.plot_widget.getViewBox().hook = hook
        self.plot_widget.setCursor(Qt.CursorShape.CrossCursor if hook is not None else Qt.CursorShape.ArrowCursor)

    def make_room_to_sketch(self, until_update: int, loss_now: float) -> None:
        """Hold the axes still from update 0 to ``until_update``, with room above and below the loss now
        (on the log scale, SKETCH_DECADES powers of ten below it), for a sketch; ``end_sketch`` lets go."""
        box = self.plot_widget.getViewBox()
        self.plot_widget.getPlotItem().hideButtons()   # (its "A" would show while the axes hold still)
        box.disableAutoRange()
        box.setXRange(0, max(until_update, 1), padding=0.02)
        if self.log_scale.isChecked() and loss_now > 0:
            top = np.log10(loss_now)
            box.setYRange(top - SKETCH_DECADES, top + 0.5, padding=0)
        else:
            box.setYRange(0, 1.3 * max(loss_now, 1e-12), padding=0)
        style.settle(self.plot_widget)   # the mouse maps through the new range from its first move

    def end_sketch(self) -> None:
        """The axes follow the run again."""
        self.plot_widget.getViewBox().enableAutoRange()
        self.plot_widget.getPlotItem().showButtons()

    def to_data(self, scene_pos) -> tuple[float, float]:
        """The (update, loss) under a point of the scene, on either scale."""
        point = self.plot_widget.getViewBox().mapSceneToView(scene_pos)
        return point.x(), (10.0 ** point.y() if self.log_scale.isChecked() else max(point.y(), 0.0))   # (no loss is negative)

    def show_sketch(self, sketch: tuple[np.ndarray, np.ndarray] | None) -> None:
        """Draw the class's sketch ((updates, losses)); None takes it away."""
        self._sketch = sketch
        xs, ys = ([], []) if sketch is None else sketch
        self._sketch_edge.setData(xs, ys)
        self._sketch_item.setData(xs, ys)

    @property
    def sketch(self) -> tuple[np.ndarray, np.ndarray] | None:
        """The sketch as drawn: its updates and losses, or None."""
        return self._sketch

    def _on_log_scale_toggled(self, on: bool) -> None:
        self.plot_widget.setLogMode(y=on)
