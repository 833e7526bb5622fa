"""The numbers of the current update, large enough to read from the back of the room.

Above, where the run is (epoch, update, bean(s), loss); below, one row per parameter of the model:
its value and the slope this update moved it by; then, for the straight lines, the least-squares
optimum. The parameter rows are built anew for each model (two for a line, seven for lesson 6's net).
"""
from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel

from beanlab.core import Frame, Landscape
from beanlab.gui.language import Retranslating
from beanlab.i18n import N_, tr

RUN_FIELDS = (("epoch", N_("epoch")), ("update", N_("update")), ("beans", N_("bean(s)")), ("loss", N_("loss e")))
SLOPE_NAME = N_("∂e/∂{name} (update)")
SLOPE_HEADING = N_("slope (update)")
OPTIMUM_NAME = N_("optimum {name}*")
COMPACT = (0.72, 0.87)   # values' and names' size in the stacked column, of the look's: 24 px in the projector view
SLOPE_ROWS_UP_TO = 3   # parameters; with more, the slopes stand beside the values, to keep the panel short

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
        self._size = self._look_sizes = (VALUE_PT, NAME_PT)
        self._cells: dict[QLabel, tuple[int, int]] = {}   # each label's row and column in the wide layout
        self._stacked = False
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
        label = QLabel(tr(title).format(**fields))
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
        """Side by side (name, value, slope) in a row; stacked, for a narrow column, each on a line of
        its own, the name above its value (empty grid rows take no room)."""
        self._cells[label] = (row, column)
        self._grid.addWidget(label, *((3 * row + column, 0) if self._stacked else (row, column)))
        # in the narrow column a long name ("∂e/∂w1 (update)") or value ("459…264 (10)") takes two lines
        label.setWordWrap(self._stacked)

    def set_stacked(self, on: bool) -> None:
        """Names above their values: a column a fifth of a projector's width holds large numbers."""
        if on == self._stacked:
            return
        self._stacked = on
        margin = 2 if on else 9
        self._grid.setContentsMargins(margin, margin, margin, margin)
        for label in self._cells:
            self._grid.removeWidget(label)
        for label, (row, column) in list(self._cells.items()):
            self._place(label, row, column)
        self._show_sizes()

    def retranslate(self) -> None:
        self.setTitle(tr("Now"))
        for label, title, fields in self._titles:
            label.setText(tr(title).format(**fields))

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

    def set_run(self, landscape: Landscape) -> None:
        """Rows for this model's parameters (and the optimum, where one is known)."""
        names = landscape.model.param_names
        with_optimum = landscape.optimum is not None
        if (names, with_optimum) != self._built_for:
            self._rebuild(names, with_optimum)
        if with_optimum:
            for name, value in zip(names, landscape.lowest):
                self.values[f"{name}_star"].setText(f"{value:.5f}")

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
        self._built_for, self._param_names = (names, with_optimum), names
        row = self._first_param_row
        beside = len(names) > SLOPE_ROWS_UP_TO
        if beside:   # a row per parameter and its slope under one heading: "∂e/∂w11 (update)" would crowd
            self._add_name(SLOPE_HEADING, row, 2)
            row += 1
        for name in names:
            self._add_row(name, name, row=row)
            if beside:
                self._add_value(f"d{name}", row, 2)
            row += 1
        if not beside:
            for name in names:
                self._add_row(f"d{name}", SLOPE_NAME, row=row, name=name)
                row += 1
        if with_optimum:
            for name in names:
                self._add_row(f"{name}_star", OPTIMUM_NAME, row=row, name=name)
                row += 1

    def show_frame(self, frame: Frame) -> None:
        snap = frame.snapshot
        self.values["epoch"].setText(f"{snap.epoch + 1 if snap.position else snap.epoch}")
        self.values["update"].setText(f"{snap.step:,}")
        beans = snap.beans
        self.values["beans"].setText("–" if not beans else f"{beans[0]}" if len(beans) == 1
                                     else f"{beans[0]}…{beans[-1]} ({len(beans)})")
        # six decimals while small; large losses (Rosenbrock's 58,156) in six digits, to fit the narrow column
        self.values["loss"].setText(f"{snap.loss:.6f}" if abs(snap.loss) < 1e4 else f"{snap.loss:.6g}")
        gradient = snap.gradient or (None,) * len(snap.params)
        for name, value, slope in zip(self._param_names, snap.params, gradient):
            self.values[name].setText(f"{value:.5f}")
            self.values[f"d{name}"].setText("–" if slope is None else f"{slope:+.5f}")
