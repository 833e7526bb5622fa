"""Colours and sizes shared by every plot, chosen to read from the back of a classroom."""
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

BEAN = (31, 119, 180)          # blue beans
BEAN_ACTIVE = (255, 127, 14)   # orange: the bean(s) of the current update
FIT = (214, 39, 40)            # red: the line being learnt
OPTIMUM = (120, 120, 120)      # grey: where least squares puts it
PATH = (214, 39, 40)
TANGENT = (44, 160, 44)        # green tangent: its slope is the partial derivative
SMOOTH = (0, 0, 0)


def configure_pyqtgraph() -> None:
    """White background and antialiasing, set once before any plot is made."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k")


def pen(colour, width: float = 2.0, dashed: bool = False):
    return pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def titled_plot(title: str, x_label: str, y_label: str) -> pg.PlotWidget:
    """A PlotWidget with a title and labelled axes."""
    widget = pg.PlotWidget()
    widget.setTitle(title, size="12pt")
    widget.setLabel("bottom", x_label)
    widget.setLabel("left", y_label)
    # no grid: pyqtgraph repaints its lines with the axes on every frame, at several ms a plot
    widget.setMinimumSize(220, 160)
    plain_axes(widget)
    return widget


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
