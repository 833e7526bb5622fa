"""Draws frames of a run into images, off screen, with the window's own plot classes."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
)

from beanlab.colours import OPTIMUM
from beanlab.core import Beans, Frame, Landscape
from beanlab.core.numbers import count
from beanlab.export.gif import blend, plot_palette
from beanlab.gui import opengl_support, style
from beanlab.gui.export.picture import to_pillow
from beanlab.gui.frame_hub import FrameHub
from beanlab.gui.plots.flat_stand_ins import stand_in_note
from beanlab.gui.plots.plot_board import OPENGL_VIEWS, VIEWS, PlotBoard
from beanlab.gui.plots.scatter_plot import MAP_ALPHA
from beanlab.i18n import tr

EXPORT_VIEWS = ("all", *VIEWS)


def opengl_available() -> bool:
    """Whether OpenGL views can be drawn here: not on Qt's offscreen platform, which has none, nor
    where PyOpenGL cannot use the context Qt makes (an X server without GLX): see opengl_support."""
    return opengl_support.usable()


def views_for(view: str, gl: bool) -> tuple[tuple[str, ...], str | None]:
    """The plots an export of ``view`` draws, and a note when a 3-D view is drawn by its 2-D stand-in.

    Without usable OpenGL the plot board builds the stand-ins itself (as the window's does), so the
    export draws the same views; the note says why once on the terminal, as the picture says it too.
    """
    if view not in EXPORT_VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of: {', '.join(EXPORT_VIEWS)}")
    views = VIEWS if view == "all" else (view,)
    flat = () if gl else tuple(v for v in views if v in OPENGL_VIEWS)
    return views, (stand_in_note(flat[0]) if flat else None)


def export_palette() -> Image.Image:
    """The shared GIF palette: the plot colours, the cost map's colour ramp and the light tints of a
    network's output map (without them its shading falls into grey bands)."""
    ramp = pg.colormap.get("viridis").map(np.linspace(0, 1, 16), mode="byte")
    strongest = MAP_ALPHA / 255
    shading = [blend(colour, strongest * step / 6) for colour in (style.BEAN, style.TOXIC) for step in range(1, 7)]
    return plot_palette([*ramp, *shading])


class FrameRenderer:
    """A never-shown PlotBoard of the asked views, sized to the picture, drawn frame by frame."""

    def __init__(self, beans: Beans, landscape: Landscape, views: tuple[str, ...], size: tuple[int, int]) -> None:
        style.configure_pyqtgraph()
        self.board = PlotBoard(views, controls=False)
        self._frames = FrameHub()   # the replayed frames, as the window's hub gets the live ones
        self.board.follow(self._frames)
        # "shown" without appearing anywhere: it gets the show and resize events that lay it out
        self.board.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.board.resize(*size)
        self.board.show()
        self.board.set_run(beans, landscape)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if self.board.scatter is not None and self.board.scatter.width() < 400:
            self.board.scatter.show_legend(False)   # in a small panel the legend would hide the beans
        self._image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
        self._font = QFont()
        self._font.setPixelSize(max(11, size[1] // 40))

    def render(self, frame: Frame) -> Image.Image:
        """The frame as an RGB picture of its own."""
        self._frames.receive(frame)
        # A hidden widget's layouts wait for the event loop; lay them out now, before drawing.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._image.fill(Qt.GlobalColor.white)
        self.board.render(self._image)
        self._label(frame)
        return to_pillow(self._image)

    def _label(self, frame: Frame) -> None:
        """Where in the run this frame is, in the bottom right corner: a GIF has no readouts panel."""
        snapshot = frame.snapshot
        painter = QPainter(self._image)
        painter.setFont(self._font)
        painter.setPen(QColor(*OPTIMUM))
        corner = self._image.rect().adjusted(0, 0, -6, -3)
        painter.drawText(corner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                         tr("update {update} · epoch {epoch}").format(update=count(snapshot.step),
                                                                     epoch=count(snapshot.epoch_shown)))
        painter.end()

    def close(self) -> None:
        self.board.deleteLater()
