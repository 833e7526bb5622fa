"""The network as a diagram: inputs, hidden neurons, output; every weight a line that changes live.

A line's thickness is the size of its weight and its stroke the sign (solid positive, dashed
negative), all in the one colour that means "a weight" (colours.py): orange is this update's bean,
and telling a sign by its stroke needs no colour vision at all; each neuron shows its bias. For the single neurons
of lessons 5 and 7 it is the same picture with no hidden layer. Drawing is a handful of lines per
frame, painted directly (no plot items to keep).
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from beanlab.core import Beans, Frame, Landscape
from beanlab.core.numbers import number
from beanlab.gui import style
from beanlab.gui.language import Retranslating
from beanlab.gui.plots.scatter_plot import map_colours
from beanlab.i18n import N_, tr

LABELLED_UP_TO = 3   # neurons in a layer whose weights and biases are written out
THUMBNAIL_POINTS = 24   # each way: a neuron's output over the bean plane, drawn inside its circle
TITLE = N_("The network's weights (solid +, dashed −; thicker = larger)")


class NetworkView(Retranslating, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setMinimumSize(160, 120)
        self._layers: list[list[str]] = []              # node labels per layer
        self._edges: list[tuple[int, int, int, int, int]] = []   # (layer, from, layer, to, parameter index)
        self._biases: dict[tuple[int, int], int] = {}   # (layer, node) → parameter index
        self._params = np.zeros(0)
        self._names: tuple[str, ...] = ()               # the parameters' names, by index
        self._look = style.NORMAL
        self._model = None
        self._plane: tuple[np.ndarray, np.ndarray] | None = None   # x1, x2 of the thumbnails' grid
        self.thumbnails: dict[tuple[int, int], QImage] = {}        # (layer, node) → its output over the plane
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(tr(TITLE))
        self.update()

    def apply_look(self, look: style.Look) -> None:
        self._look = look
        self.update()

    def set_run(self, landscape: Landscape, beans: Beans | None = None) -> None:
        """The shape of this model's network (its own ``diagram``): which parameter is which line or bias."""
        diagram = landscape.model.diagram()
        self._layers = [list(layer) for layer in diagram.layers]
        self._edges = list(diagram.edges)
        self._biases = dict(diagram.biases)
        self._names = tuple(landscape.model.param_names)
        self._params = np.zeros(landscape.model.n_params)
        self._model, self.thumbnails = landscape.model, {}
        # a network on two features shows what each neuron sees of the bean plane (TensorFlow Playground)
        if callable(getattr(self._model, "neuron_maps", None)) and beans is not None and beans.n_features == 2:
            low, high = beans.x.min(axis=0), beans.x.max(axis=0)
            self._plane = (np.linspace(low[0], high[0], THUMBNAIL_POINTS), np.linspace(low[1], high[1], THUMBNAIL_POINTS))
        else:
            self._plane = None
        self.update()

    def show_frame(self, frame: Frame) -> None:
        self._params = np.asarray(frame.snapshot.params, dtype=float)
        if self._plane is not None:
            self._make_thumbnails()
        self.update()

    def _make_thumbnails(self) -> None:
        """Each neuron's output over the plane as a small picture: the output a in the beans plot's map
        colours (not toxic → toxic, 0 to 1); a hidden neuron in greys, white at its own lowest value, dark
        at its highest (its output means no toxicity yet: no toxic colour; a dead ReLU is all grey)."""
        output_colours = map_colours(self._look.palette)
        output_colours[:, 3] = 255
        shade = np.linspace(250, 40, 256)
        greys = np.column_stack([shade, shade, shade, np.full(256, 255)]).astype(np.ubyte)
        self.thumbnails = {}
        for layer, maps in enumerate(self._model.neuron_maps(self._params, *self._plane), start=1):
            for node, values in enumerate(maps):
                values = np.nan_to_num(values)
                hidden = layer < len(self._layers) - 1
                if hidden:
                    span = float(values.max() - values.min())
                    values = (values - values.min()) / span if span > 1e-12 else np.full_like(values, 0.5)
                rgba = (greys if hidden else output_colours)[np.clip((values * 255).astype(int), 0, 255)]
                rows = np.ascontiguousarray(rgba.transpose(1, 0, 2)[::-1])   # x2 upwards, x1 to the right
                image = QImage(rows.data, rows.shape[1], rows.shape[0], 4 * rows.shape[1], QImage.Format.Format_RGBA8888)
                self.thumbnails[(layer, node)] = image.copy()

    def weights_shown(self) -> dict[str, float]:
        """Each line of the diagram: its weight's name and the value it is drawn with."""
        return {self._names[edge[4]]: float(self._params[edge[4]]) for edge in self._edges}

    def biases_shown(self) -> dict[str, float]:
        """Each neuron's bias: its name and the value it is drawn with."""
        return {self._names[index]: float(self._params[index]) for index in self._biases.values()}

    def weight_pen(self, weight: float, width: float = 2.0) -> QPen:
        """How a weight is drawn: the weight colour, solid when positive, dashed when negative."""
        pen = QPen(QColor(*self._look.palette.weight), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if weight < 0:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen

    # -- drawing ---------------------------------------------------------------------------------
    def _position(self, layer: int, node: int, area: QRectF) -> QPointF:
        count = len(self._layers[layer])
        x = area.left() + area.width() * (layer + 0.5) / len(self._layers)
        y = area.top() + area.height() * (node + 0.5) / count
        return QPointF(x, y)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        look = self._look
        painter.fillRect(self.rect(), pg.mkColor(look.background))
        if not self._layers or not len(self._params):
            return
        font = QFont(self.font())
        font.setPointSizeF(look(9))
        painter.setFont(font)
        foreground = pg.mkColor(look.foreground)
        painter.setPen(foreground)
        # the title says how to read the lines: wrapped onto a second line where it is too long, never cut
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        room = QRectF(4, 2, max(self.width() - 8, 10), self.height())
        title_height = painter.boundingRect(room, flags, tr(TITLE)).height() + 6
        painter.drawText(room, flags, tr(TITLE))
        area = QRectF(0, title_height, self.width(), self.height() - title_height)
        largest = max([1e-9, *(abs(float(self._params[edge[4]])) for edge in self._edges)])
        # circles that never touch: a layer of k neurons gets k equal slots of the height
        slot = area.height() / max(map(len, self._layers))
        radius = max(4.0, min(slot / 2.6, look(18)))
        # with many neurons the numbers would pile up: then thickness and colour alone tell the weights
        labelled = max(map(len, self._layers)) <= LABELLED_UP_TO
        for from_layer, from_node, to_layer, to_node, param in self._edges:
            weight = float(self._params[param])
            pen = self.weight_pen(weight, 1 + look(9) * abs(weight) / largest)
            painter.setPen(pen)
            start, end = self._position(from_layer, from_node, area), self._position(to_layer, to_node, area)
            painter.drawLine(start, end)
            if not labelled:
                continue
            middle = start + (end - start) * 0.35
            painter.setPen(foreground)
            painter.drawText(QRectF(middle.x() - 40, middle.y() - 18, 80, 16), Qt.AlignmentFlag.AlignCenter,
                             number(weight, digits=2, signed=True))
        name_font = QFont(font)   # a neuron's name inside its circle, shrunk with a small circle
        name_font.setPixelSize(max(6, min(QFontInfo(font).pixelSize(), round(radius * 1.1))))
        painter.setFont(name_font)
        for layer, labels in enumerate(self._layers):
            for node, label in enumerate(labels):
                centre = self._position(layer, node, area)
                painter.setPen(QPen(foreground, 1.5))
                painter.setBrush(pg.mkColor(look.background))
                painter.drawEllipse(centre, radius, radius)
                square = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
                thumbnail = self.thumbnails.get((layer, node))
                if thumbnail is not None:   # the neuron's picture of the plane instead of its number
                    clip = QPainterPath()
                    clip.addEllipse(centre, radius - 1, radius - 1)
                    painter.save()
                    painter.setClipPath(clip)
                    painter.drawImage(square, thumbnail)
                    painter.restore()
                else:
                    painter.drawText(square, Qt.AlignmentFlag.AlignCenter, label)
                bias = self._biases.get((layer, node))
                if bias is not None and labelled:
                    painter.drawText(QRectF(centre.x() - 50, centre.y() + radius, 100, 16),
                                     Qt.AlignmentFlag.AlignCenter,
                                     f"b {number(self._params[bias], digits=2, signed=True)}")
        painter.end()
