"""Colours and sizes shared by every plot, chosen to read from the back of a classroom.

A :class:`Look` is how big and in which colours everything is drawn: the normal window, or the
projector view (larger, thicker, colour-blind-safe). Each view has ``apply_look(look)``.
"""
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QLabel, QSizePolicy

from beanlab.colours import BEAN, BEAN_ACTIVE, FIT, OPTIMUM, PREDICTION, SMOOTH, TANGENT, TOXIC, WEIGHT
from beanlab.i18n import tr

PREDICTION_EDGE = (0, 0, 0)   # the black edge that keeps the yellow prediction visible on white


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
TEXT_FILL_LIMITS = [(0, 0.5), (2, 0.4), (4, 0.3), (6, 0.2)]   # pyqtgraph's default starts at (0, 0.8)


def apply_axes_look(widget: pg.PlotWidget, look: Look) -> None:
    """Title, tick numbers and axis labels at the look's size."""
    font = QFont()
    font.setPointSizeF(look(9))
    widget.setBackground(look.background)
    for side in ("bottom", "left"):
        axis = widget.getAxis(side)
        # text may fill half the axis at most: large tick numbers on a narrow plot never run together
        axis.setStyle(tickFont=font, tickLength=round(look(5)), textFillLimits=TEXT_FILL_LIMITS)
        axis.setPen(pg.mkPen(look.foreground, width=look(1)))
        axis.setTextPen(pg.mkPen(look.foreground))
        if axis.labelText:
            axis.setLabel(axis.labelText, color=look.foreground, **{"font-size": f"{look(10):.1f}pt"})
    widget.beanlab_title_size = f"{look(12):.1f}pt"
    widget.beanlab_title_colour = look.foreground
    fit_title(widget)
    fit_axis_labels(widget)


SHORT_PLOT_LINES = 7   # a plot fewer text lines high than this drops an x-axis label its title names


def fit_axis_labels(widget: pg.PlotWidget) -> None:
    """In a short plot, the x axis's label gives way to the data where the title already names the axis
    (``widget.beanlab_x_label_optional``: "Cost along w" over an axis labelled w): a projector's row
    of three views leaves each cost slice about 190 px, and the label would take a sixth of it."""
    if not getattr(widget, "beanlab_x_label_optional", False):
        return
    axis = widget.getAxis("bottom")
    line = axis.label.boundingRect().height() or QFontMetricsF(widget.font()).height()
    wanted = widget.height() >= SHORT_PLOT_LINES * line
    if axis.labelText and wanted != axis.label.isVisible():
        axis.showLabel(wanted)


def configure_pyqtgraph() -> None:
    """White background and antialiasing, set once before any plot is made."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k")


def pen(colour, width: float = 2.0, dashed: bool = False):
    return pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


TITLE_MARGIN = 12   # px left free beside a plot's title


class _TitleFitter(QObject):
    """Fits a plot's title to its width again whenever the plot is resized."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            fit_title(watched)
            fit_axis_labels(watched)
            legend = watched.getPlotItem().legend
            if isinstance(legend, _LegendInLayout):
                legend.fit_columns(legend_room(watched))
        return False


def title_room(widget: pg.PlotWidget) -> float:
    """The width a plot's title has: pyqtgraph centres it over the data area, right of the left axis."""
    return widget.getPlotItem().vb.width() - TITLE_MARGIN / 2


def fit_title(widget: pg.PlotWidget) -> None:
    """The title as long as the plot is wide: elided ("Beans and the fi…") with the whole title as the
    plot's tooltip, by design, rather than cut or pushed out of sight."""
    full = getattr(widget, "beanlab_title_text", None)
    if full is None:
        return
    size = getattr(widget, "beanlab_title_size", "12pt")
    font = QFont(widget.font())
    font.setPointSizeF(float(size.rstrip("pt")))
    room = max(title_room(widget), 10)
    metrics = QFontMetricsF(font)
    short = getattr(widget, "beanlab_short_title", None)   # e.g. "E(w | b)" for "Cost along w, b held"
    short = tr(short) if short else short   # a formula has no translation and stays as it is
    if short and metrics.horizontalAdvance(full) > room:
        full_shown = short
    else:
        full_shown = full
    shown = metrics.elidedText(full_shown, Qt.TextElideMode.ElideRight, room)
    colour = getattr(widget, "beanlab_title_colour", "k")
    if (shown, size, colour) != getattr(widget, "beanlab_title_shown", None):
        widget.beanlab_title_shown = (shown, size, colour)
        widget.setTitle(shown, size=size, color=colour)
        # pyqtgraph gives the title row a fixed 30 px: a projector's larger title would rise out of the plot
        item = widget.getPlotItem()
        height = max(30.0, item.titleLabel.item.boundingRect().height())
        item.titleLabel.setMaximumHeight(height)
        item.layout.setRowFixedHeight(0, height)
    widget.setToolTip(full if shown != full else "")


def set_title(widget: pg.PlotWidget, title: str, short: str | None = None, **fields) -> None:
    """A plot title that never makes the plot wider than its space: too long, and it is elided.

    ``title`` is English, marked for translation, with ``{fields}`` filled in after translating;
    ``short``: what to show instead where the title does not fit (words marked for translation, or a
    formula, which stays as it is).
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
        widget.beanlab_title_fitter = _TitleFitter(widget)
        widget.installEventFilter(widget.beanlab_title_fitter)
        # the data area also narrows when the left axis's numbers grow wider (a new range)
        widget.getPlotItem().vb.sigResized.connect(lambda _box, widget=widget: fit_title(widget))
    widget.beanlab_title, widget.beanlab_title_fields = title, fields
    widget.beanlab_title_text = tr(title).format(**fields)
    widget.beanlab_short_title = short
    fit_title(widget)


def titled_plot(title: str, x_label: str, y_label: str, view_box: pg.ViewBox | None = None) -> pg.PlotWidget:
    """A PlotWidget with a title and labelled axes (and ``view_box``, if given, for its mouse)."""
    widget = pg.PlotWidget(viewBox=view_box)
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
    fit_axis_labels(widget)


def retranslate_plot(widget: pg.PlotWidget) -> None:
    """The plot's title, axis labels and legend entries again, in the current language."""
    title = getattr(widget, "beanlab_title", None)
    if title is not None:
        set_title(widget, title, getattr(widget, "beanlab_short_title", None), **widget.beanlab_title_fields)
    for side in ("bottom", "left"):
        axis = widget.getAxis(side)
        source = getattr(axis, "beanlab_label", None)
        if source is not None:
            axis.setLabel(tr(source), **axis.labelStyle)
    fit_axis_labels(widget)
    legend = widget.getPlotItem().legend
    if legend is not None:
        for sample, label in legend.items:
            label.setText(tr(sample.item.name()))   # the item keeps its English name
        if isinstance(legend, _LegendInLayout):
            legend.fit_columns()   # Chinese entries are narrower, German ones wider


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


class _LegendInLayout(pg.LegendItem):
    """A legend placed by its plot's layout: it asks for its size instead of setting its geometry, and
    takes as many columns as the width under its plot holds.

    Its size is read from its own grid as Qt lays it out (each column as wide as its widest entry), so a
    row never falls below a short plot; entries are placed row by row anew whenever one comes or goes
    (pyqtgraph's placing leaves holes after a removal).
    """

    room = 0.0   # the width under the plot, px

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.layout.setContentsMargins(*LEGEND_MARGINS)

    def addItem(self, item, name) -> None:
        super().addItem(item, name)
        self.fit_columns()

    def removeItem(self, item) -> None:
        super().removeItem(item)
        self.fit_columns()

    def _lay_out_grid(self, columns: int) -> None:
        for index in range(self.layout.count() - 1, -1, -1):
            self.layout.removeAt(index)
        for index, (sample, label) in enumerate(self.items):
            row, column = divmod(index, columns)
            self.layout.addItem(sample, row, 2 * column, alignment=Qt.AlignmentFlag.AlignVCenter)
            self.layout.addItem(label, row, 2 * column + 1)
        self.columnCount, self.rowCount = columns, max(1, -(-len(self.items) // columns))

    def _grid_size(self) -> tuple[float, float]:
        self.layout.invalidate()
        hint = self.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize)
        return hint.width(), hint.height()

    def fit_columns(self, room: float | None = None) -> None:
        """As many columns as fit in ``room`` px (the last room given, if None); one at least."""
        self.room = self.room if room is None else room
        columns = len(self.items)
        while columns > 1:
            self._lay_out_grid(columns)
            if self._grid_size()[0] <= self.room - LEGEND_ROOM_KEPT:
                break
            columns -= 1
        if self.items:
            self._lay_out_grid(max(columns, 1))
        self.updateSize()

    def updateSize(self) -> None:
        width, height = self._grid_size() if self.items else (0.0, 0.0)
        self.setMinimumSize(0, height)
        self.setPreferredSize(width, height)
        self.setMaximumHeight(height)
        self.updateGeometry()


LEGEND_MARGINS = (2, 0, 2, 2)   # left, top, right, bottom: close under the axis label
LEGEND_ROOM_KEPT = 4            # px: rounding between the hint and what the plot's layout gives


def legend_room(widget: pg.PlotWidget) -> float:
    """The width a legend has under its plot: the plot's, less the margins (it spans the axis's column too)."""
    return widget.width() - 2 * TITLE_MARGIN


def legend_below(widget: pg.PlotWidget, columns: int = 4) -> pg.LegendItem:
    """A legend in a row of its own under the plot's axes, outside the data: it never covers a bean,
    and no marker of it sits among them."""
    item = widget.getPlotItem()
    legend = _LegendInLayout(colCount=columns, horSpacing=14, verSpacing=-4)
    # pyqtgraph's PlotItem grid: row 3 holds the bottom axis; the legend spans the left axis's column
    # too, for a narrow plot's long entries ("this update's bean(s)" on a projector)
    item.layout.addItem(legend, 4, 0, 1, 3)
    item.legend = legend                # plot(name=…) adds its items here, as with addLegend
    return legend


def apply_legend_look(legend: pg.LegendItem, look: Look) -> None:
    """Legend text in the look's colour and size (pyqtgraph keeps old labels' colour otherwise).

    Below the axes, it can grow with the rest of the text: it covers nothing.
    """
    size = f"{look(9):.1f}pt"
    legend.setLabelTextSize(size)
    legend.setLabelTextColor(look.foreground)
    for _, label in legend.items:
        label.setText(label.text, color=look.foreground, size=size)
    if isinstance(legend, _LegendInLayout):
        legend.fit_columns()


class ElidedLabel(QLabel):
    """A one-line label that never asks for more width than it gets: too long, its text ends in "…",
    and the whole text is its tooltip."""

    def __init__(self, text: str = "", wrap: bool = False) -> None:
        """``wrap``: a text too long goes on to a next line instead (a 3-D view's title, whose words
        say how to read the view), and is never elided."""
        super().__init__()
        self._full = text
        self._extra_tip = ""
        self._wrap = wrap
        self.setWordWrap(wrap)
        self.setSizePolicy(QSizePolicy.Policy.Ignored,
                           QSizePolicy.Policy.Minimum if wrap else QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._fit()

    def set_full_text(self, text: str, tooltip: str = "") -> None:
        """``tooltip``: said after the text in the tooltip (e.g. how to drag a 3-D view)."""
        self._full, self._extra_tip = text, tooltip
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        room = max(self.contentsRect().width(), 10)
        shown = self._full if self._wrap else self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                                            room)
        super().setText(shown)
        tip = self._full if shown != self._full else ""
        self.setToolTip("".join(part for part in (tip, self._extra_tip) if part))


def fit_to_screen(widget, width: int, height: int, share: float = 0.9) -> None:
    """Resize ``widget`` to ``width``×``height``, or to ``share`` of the available screen where that is
    smaller (a race window or a dialog on a 1280×720 projector), and keep it on the screen."""
    from PySide6.QtGui import QGuiApplication

    screen = (widget.screen() if widget.screen() is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    width, height = min(width, round(room.width() * share)), min(height, round(room.height() * share))
    widget.resize(width, height)
    widget.move(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2)


COMBO_CHARACTERS = 14   # what a closed choice box shows at least before eliding; its list shows all


def narrow_combo(combo: QComboBox) -> QComboBox:
    """A choice box whose longest entry ("network: 3 hidden layers of 8, ReLU (lesson 9)") does not
    widen the side panel: the closed box elides it, the open list shows every entry whole."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARACTERS)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)

    def whole_entries_in_the_list() -> None:
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 2 * combo.view().frameWidth())
        combo.setToolTip(combo.currentText())
    combo.currentIndexChanged.connect(lambda _index: combo.setToolTip(combo.currentText()))
    combo.beanlab_fit_list = whole_entries_in_the_list
    return combo
