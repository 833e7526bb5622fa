"""Colours and sizes shared by every plot, chosen to read from the back of a classroom."""
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from beanlab.colours import BEAN, BEAN_ACTIVE, FIT, OPTIMUM, SMOOTH, TANGENT  # noqa: F401 - re-exported


def configure_pyqtgraph() -> None:
    """White background and antialiasing, set once before any plot is made."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k")


def pen(colour, width: float = 2.0, dashed: bool = False):
    return pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def set_title(widget: pg.PlotWidget, title: str) -> None:
    """A plot title that never makes the plot wider than its space: too long, and it is cut."""
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
    widget.setTitle(title, size="12pt")


def titled_plot(title: str, x_label: str, y_label: str) -> pg.PlotWidget:
    """A PlotWidget with a title and labelled axes."""
    widget = pg.PlotWidget()
    set_title(widget, title)
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
