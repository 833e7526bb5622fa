"""The numbers of the current update, large enough to read from the back of the room.

Above, where the run is (epoch, update, bean(s), loss); below, one row per parameter of the model:
its value and the slope this update moved it by; then, for the straight lines, the least-squares
optimum. The parameter rows are built anew for each model (two for a line, seven for lesson 6's net).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel

from beanlab.core import Frame, Landscape
from beanlab.core.numbers import DIGITS, beans_span, bean_number, count, number
from beanlab.core.symbols import COST, WHOLE_COST, SlopeName
from beanlab.gui.language import Retranslating
from beanlab.i18n import N_, tr

RUN_FIELDS = (("epoch", N_("epoch")), ("update", N_("update")), ("beans", N_("bean(s)")), ("loss", COST))
LANDSCAPE_COST = N_("f(w, b)")
SLOPE_NAME = N_("{symbol} ({whose})")     # "∂e/∂w (this bean)": whose slope, beside its symbol
SYMBOL_ONLY = "{symbol}"                  # a slope whose symbol says all: "∂f/∂w" (not translated)
SLOPE_HEADING = N_("{whose}")   # above the slope column: "this bean"
OPTIMUM_NAME = N_("optimum {name}*")
COMPACT = (0.72, 0.87)   # values' and names' size in the stacked column, of the look's: 24 px in the projector view
GRID_DIGITS = 3
SLOPE_ROWS_UP_TO = 3   # parameters; with more, the slopes stand beside the values, to keep the panel short
LISTED_UP_TO = 32      # parameters; a deeper network's (lesson 9: 177) are counted, and drawn by its diagram
BESIDE_NAMES_UP_TO = 3   # characters of a name ("w11") a slope fits beside in the stacked column; else below
PARAMETERS = N_("parameters")

VALUE_PT, NAME_PT = 16, 13
VALUE_STYLE = "font-size: {size:.1f}pt; font-family: monospace;"
NAME_STYLE = "font-size: {size:.1f}pt;"


class ReadoutsPanel(Retranslating, QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, QLabel] = {}
        self._named: dict[str, QLabel] = {}                      # key → the label naming its value
        self._titles: list[tuple[QLabel, str, dict]] = []        # every name shown: (label, English, fields)
        self._grid = QGridLayout(self)
        self._param_names: tuple[str, ...] = ()
        self._built_for: tuple = ()
        self._slope: SlopeName | None = WHOLE_COST   # whose slope the rows show; None: the run moves by none
        self._digits = DIGITS
        self._size = self._look_sizes = (VALUE_PT, NAME_PT)
        self._cells: dict[QLabel, tuple[int, int]] = {}   # each label's row and column in the wide layout
        self._stacked = False
        self._lines_per_row = 2   # stacked: name and value, or name, value and slope for long names
        for key, title in RUN_FIELDS:
            self._add_row(key, title)
        self._first_param_row = self._grid.rowCount()
        self.retranslate()

    def _add_row(self, key: str, title: str, column: int = 0, row: int | None = None, **fields) -> None:
        row = self._grid.rowCount() if row is None else row
        name = self._add_name(title, row, column, **fields)
        self._add_value(key, row, column + 1)
        self._named[key] = name

    def _add_name(self, title: str, row: int, column: int, **fields) -> QLabel:
        label = QLabel(self._words(title, fields))
        label.setStyleSheet(NAME_STYLE.format(size=self._size[1]))
        self._place(label, row, column)
        self._titles.append((label, title, fields))
        return label

    def _add_value(self, key: str, row: int, column: int) -> None:
        value = QLabel("–")
        value.setStyleSheet(VALUE_STYLE.format(size=self._size[0]))
        self.values[key] = value
        self._place(value, row, column)

    def _place(self, label: QLabel, row: int, column: int) -> None:
        """Side by side (name, value, slope) in a row; stacked, for a narrow column, the value on a line
        of its own under its name, and a slope beside the name (names of many parameters are short:
        "w11"), under the slopes' heading (empty grid rows take no room)."""
        self._cells[label] = (row, column)
        lines = self._lines_per_row
        if not self._stacked:
            self._grid.addWidget(label, row, column)
        elif column == 2 and lines == 2:   # a slope (or the slopes' heading), at the right of its name's line
            self._grid.addWidget(label, lines * row, 1, Qt.AlignmentFlag.AlignRight)
        elif column == 2:   # beside a long name ("w1_11") it would not fit: on a line of its own, at the right
            self._grid.addWidget(label, lines * row + 2, 1, Qt.AlignmentFlag.AlignRight)
        else:               # a name, or a value on the line below it: the column's whole width
            self._grid.addWidget(label, lines * row + column, 0, 1, 2)
        # in the narrow column a long name ("∂e/∂w1 (update)") or value ("459…264 (10)") takes two lines
        label.setWordWrap(self._stacked)

    def set_stacked(self, on: bool) -> None:
        """Names above their values: a column a fifth of a projector's width holds large numbers."""
        if on == self._stacked:
            return
        self._stacked = on
        margin = 2 if on else 9
        self._grid.setContentsMargins(margin, margin, margin, margin)
        self._relayout()
        self._show_sizes()

    def _relayout(self) -> None:
        """Every label placed again, as the current layout (wide or stacked) places it."""
        for label in self._cells:
            self._grid.removeWidget(label)
        for label, (row, column) in list(self._cells.items()):
            self._place(label, row, column)

    @staticmethod
    def _words(title: str, fields: dict) -> str:
        """A row's name in the current language; a field marked ``whose`` is translated too."""
        return tr(title).format(**{k: tr(v) if k == "whose" and v else v for k, v in fields.items()})

    def retranslate(self) -> None:
        self.setTitle(tr("Now"))
        for label, title, fields in self._titles:
            label.setText(self._words(title, fields))

    def apply_look(self, look) -> None:
        """The numbers at the look's size (the projector view makes them 24 pt and more)."""
        self._look_sizes = (look(VALUE_PT), look(NAME_PT))
        self._show_sizes()

    def _show_sizes(self) -> None:
        compact = COMPACT if self._stacked else (1.0, 1.0)
        self._size = tuple(size * share for size, share in zip(self._look_sizes, compact))
        for value in self.values.values():
            value.setStyleSheet(VALUE_STYLE.format(size=self._size[0]))
        for label, _title, _fields in self._titles:
            label.setStyleSheet(NAME_STYLE.format(size=self._size[1]))

    def set_run(self, landscape: Landscape, slope: SlopeName | None = WHOLE_COST) -> None:
        """Rows for this model's parameters, the slope the run moves by (``slope`` names whose it is; None:
        the run moves by no slope, lesson 1's rule, lesson 2's search) and the optimum, where known."""
        names = landscape.model.param_names
        with_optimum = landscape.optimum is not None
        if (names, with_optimum, slope) != self._built_for:
            self._slope = slope
            self._rebuild(names, with_optimum)
            self._built_for = (names, with_optimum, slope)
        on_landscape = not landscape.has_beans
        for widget in (self._named["beans"], self.values["beans"]):   # no beans, no "bean(s) 1"
            widget.setVisible(landscape.has_beans)
        for label, title, fields in self._titles:
            if label is self._named["loss"]:
                label.setText(tr(LANDSCAPE_COST if on_landscape else COST))
        self._titles = [(label, (LANDSCAPE_COST if on_landscape else COST) if label is self._named["loss"]
                         else title, fields) for label, title, fields in self._titles]
        if with_optimum:
            for name, value in zip(names, landscape.lowest):
                self.values[f"{name}_star"].setText(number(value))

    def _rebuild(self, names: tuple[str, ...], with_optimum: bool) -> None:
        run_keys = dict(RUN_FIELDS)
        keep = {self.values[k] for k in run_keys} | {self._named[k] for k in run_keys}
        for widget in [*self.values.values(), *(label for label, _t, _f in self._titles)]:
            if widget not in keep:
                self._grid.removeWidget(widget)
                self._cells.pop(widget, None)
                widget.deleteLater()
        self.values = {k: v for k, v in self.values.items() if k in run_keys}
        self._titles = [entry for entry in self._titles if entry[0] in keep]
        row = self._first_param_row
        if len(names) > LISTED_UP_TO:   # a count, not a list a class could read: the diagram draws them
            self._param_names = ()
            self._lines_per_row = 2
            self._relayout()
            self._add_row("parameters", PARAMETERS, row=row)
            self.values["parameters"].setText(count(len(names)))
            return
        self._param_names = names
        lines = 3 if max(map(len, names)) > BESIDE_NAMES_UP_TO else 2
        if lines != self._lines_per_row:
            self._lines_per_row = lines
            self._relayout()
        slope = self._slope
        beside = len(names) > SLOPE_ROWS_UP_TO and slope is not None
        # a grid of many parameters and their slopes: 3 significant digits each, so two columns fit the panel
        self._digits = GRID_DIGITS if beside else DIGITS
        if beside:   # a row per parameter and its slope under one heading: "∂e/∂w11 (this bean)" would crowd
            self._add_name(SLOPE_HEADING, row, 2, whose=slope.short)
            row += 1
        for name in names:
            self._add_row(name, name, row=row)
            if beside:
                self._add_value(f"d{name}", row, 2)
            row += 1
        if not beside and slope is not None:
            for name in names:
                # "∂e/∂w (this bean)"; a landscape's "∂f/∂w" alone (one f: nothing to tell apart)
                self._add_row(f"d{name}", SLOPE_NAME if slope.short else SYMBOL_ONLY, row=row,
                              symbol=slope.symbol(name), whose=slope.short)
                row += 1
        if with_optimum:
            for name in names:
                self._add_row(f"{name}_star", OPTIMUM_NAME, row=row, name=name)
                row += 1

    def show_frame(self, frame: Frame) -> None:
        snap = frame.snapshot
        self.values["epoch"].setText(count(snap.epoch_shown))
        self.values["update"].setText(count(snap.step))
        beans = snap.beans
        self.values["beans"].setText("–" if not beans or not snap.step else str(bean_number(beans[0]))
                                     if len(beans) == 1 else f"{beans_span(beans)} ({count(len(beans))})")
        self.values["loss"].setText(number(snap.loss))
        gradient = snap.gradient or (None,) * len(snap.params)
        for name, value, slope in zip(self._param_names, snap.params, gradient):
            self.values[name].setText(number(value, self._digits))
            if f"d{name}" in self.values:
                self.values[f"d{name}"].setText("–" if slope is None else number(slope, self._digits, signed=True))
