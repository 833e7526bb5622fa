"""Colours and sizes shared by every plot, chosen to read from the back of a classroom.

A :class:`Look` is how big and in which colours everything is drawn: the normal window, or the
projector view (larger, thicker, colour-blind-safe). Each view has ``apply_look(look)``.
"""
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGraphicsItem

from beanlab.colours import BEAN, BEAN_ACTIVE, FIT, OPTIMUM, SMOOTH, TANGENT, TOXIC, WEIGHT
from beanlab.i18n import tr


@dataclass(frozen=True)
class Palette:
    bean: tuple[int, int, int]
    active: tuple[int, int, int]
    fit: tuple[int, int, int]
    optimum: tuple[int, int, int]
    tangent: tuple[int, int, int]
    smooth: tuple[int, int, int]
    toxic: tuple[int, int, int] = TOXIC
    weight: tuple[int, int, int] = WEIGHT


# One palette, Okabe and Ito's (colours.py says what each colour means), in the window and on the
# projector alike; there the grey is darker, so the optimum line survives a washed-out projector.
CLASSROOM = Palette(BEAN, BEAN_ACTIVE, FIT, OPTIMUM, TANGENT, SMOOTH)
PROJECTOR_PALETTE = Palette(bean=BEAN, active=BEAN_ACTIVE, fit=FIT, optimum=(70, 70, 70), tangent=TANGENT,
                            smooth=SMOOTH)


# For a dark room: the same roles, lighter colours that hold up on black (still one meaning each).
DARK_PALETTE = Palette(bean=(86, 180, 233), active=(240, 228, 66), fit=(240, 100, 70), optimum=(190, 190, 190),
                       tangent=(0, 210, 150), smooth=(240, 240, 240), toxic=(230, 150, 200), weight=(200, 200, 255))


@dataclass(frozen=True)
class Look:
    scale: float = 1.0           # text, lines and markers are this many times their normal size
    palette: Palette = CLASSROOM
    dark: bool = False

    def __call__(self, size: float) -> float:
        """A size in this look."""
        return size * self.scale

    @property
    def background(self) -> str:
        return "#111417" if self.dark else "w"

    @property
    def foreground(self) -> str:
        return "#e8e8e8" if self.dark else "k"


NORMAL = Look()


def apply_axes_look(widget: pg.PlotWidget, look: Look) -> None:
    """Title, tick numbers and axis labels at the look's size."""
    font = QFont()
    font.setPointSizeF(look(9))
    widget.setBackground(look.background)
    for side in ("bottom", "left"):
        axis = widget.getAxis(side)
        axis.setStyle(tickFont=font, tickLength=round(look(5)))
        axis.setPen(pg.mkPen(look.foreground, width=look(1)))
        axis.setTextPen(pg.mkPen(look.foreground))
        if axis.labelText:
            axis.setLabel(axis.labelText, color=look.foreground, **{"font-size": f"{look(10):.1f}pt"})
    widget.beanlab_title_size = f"{look(12):.1f}pt"
    widget.beanlab_title_colour = look.foreground
    title = getattr(widget, "beanlab_title", None)
    if title is not None:
        widget.setTitle(tr(title).format(**widget.beanlab_title_fields), size=widget.beanlab_title_size,
                        color=look.foreground)


def configure_pyqtgraph() -> None:
    """White background and antialiasing, set once before any plot is made."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k")


def pen(colour, width: float = 2.0, dashed: bool = False):
    return pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def set_title(widget: pg.PlotWidget, title: str, **fields) -> None:
    """A plot title that never makes the plot wider than its space: too long, and it is cut.

    ``title`` is English, marked for translation, with ``{fields}`` filled in after translating.
    """
    label = widget.getPlotItem().titleLabel
    if not getattr(label, "beanlab_may_shrink", False):
        # pyqtgraph makes a title's width the plot's minimum width, again at every resize, which
        # pushes the right side of the plot out of sight in a narrow window or exported picture
        keep_height_only = label.updateMin

        def update_min() -> None:
            keep_height_only()
            label.setMinimumWidth(0)

        label.updateMin = update_min
        label.beanlab_may_shrink = True
    widget.beanlab_title, widget.beanlab_title_fields = title, fields
    widget.setTitle(tr(title).format(**fields), size=getattr(widget, "beanlab_title_size", "12pt"),
                    color=getattr(widget, "beanlab_title_colour", "k"))


def titled_plot(title: str, x_label: str, y_label: str) -> pg.PlotWidget:
    """A PlotWidget with a title and labelled axes."""
    widget = pg.PlotWidget()
    set_title(widget, title)
    label_axes(widget, x_label, y_label)
    # no grid: pyqtgraph repaints its lines with the axes on every frame, at several ms a plot
    widget.setMinimumSize(140, 110)
    plain_axes(widget)
    return widget


def label_axes(widget: pg.PlotWidget, x_label: str, y_label: str) -> None:
    """Axis labels, given in English (marked for translation) and shown translated."""
    for side, text in (("bottom", x_label), ("left", y_label)):
        widget.getAxis(side).beanlab_label = text
        widget.setLabel(side, tr(text))


def retranslate_plot(widget: pg.PlotWidget) -> None:
    """The plot's title, axis labels and legend entries again, in the current language."""
    title = getattr(widget, "beanlab_title", None)
    if title is not None:
        set_title(widget, title, **widget.beanlab_title_fields)
    for side in ("bottom", "left"):
        axis = widget.getAxis(side)
        source = getattr(axis, "beanlab_label", None)
        if source is not None:
            axis.setLabel(tr(source), **axis.labelStyle)
    legend = widget.getPlotItem().legend
    if legend is not None:
        for sample, label in legend.items:
            label.setText(tr(sample.item.name()))   # the item keeps its English name


def plain_axes(widget: pg.PlotWidget) -> None:
    """Plain numbers on the axes, kept as pixmaps between range changes.

    SI scaling such as "(x0.001)" confuses learners. The cache matters for speed: every frame
    repaints the plot area, and with it pyqtgraph would redraw each axis's text from scratch.
    """
    for side in ("bottom", "left"):
        axis = widget.getAxis(side)
        axis.enableAutoSIPrefix(False)
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def settle(widget: pg.PlotWidget) -> None:
    """Apply pending range and axis changes now, before Qt paints the widget.

    pyqtgraph defers them to the start of the paint; applied there they invalidate what is being
    painted and ask for a second paint of every changed plot (measured: twice the drawing).
    """
    widget.scene().prepareForPaint()


def apply_legend_look(legend: pg.LegendItem, look: Look) -> None:
    """Legend text in the look's colour (pyqtgraph keeps old labels' colour otherwise).

    It grows only a little with the look: a large legend would hide the beans it describes.
    """
    size = f"{9 * min(look.scale, 1.2):.1f}pt"
    legend.setLabelTextSize(size)
    legend.setLabelTextColor(look.foreground)
    for _, label in legend.items:
        label.setText(label.text, color=look.foreground, size=size)
