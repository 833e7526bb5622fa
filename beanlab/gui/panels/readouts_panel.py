"""The numbers of the current update, large enough to read from the back of the room."""
from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel

from beanlab.core import Landscape
from beanlab.gui.language import Retranslating
from beanlab.gui.training_worker import Frame
from beanlab.i18n import N_, tr

FIELDS = (("epoch", N_("epoch")), ("update", N_("update")), ("beans", N_("bean(s)")), ("loss", N_("loss e")),
          ("w", "w"), ("b", "b"), ("dw", N_("∂e/∂w (update)")), ("db", N_("∂e/∂b (update)")),
          ("w_star", N_("optimum w*")), ("b_star", N_("optimum b*")))


VALUE_PT, NAME_PT = 16, 13
VALUE_STYLE = "font-size: {size:.1f}pt; font-family: monospace;"
NAME_STYLE = "font-size: {size:.1f}pt;"


class ReadoutsPanel(Retranslating, QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        for row, (key, title) in enumerate(FIELDS):
            name, value = QLabel(), QLabel("–")
            value.setStyleSheet(VALUE_STYLE.format(size=VALUE_PT))
            name.setStyleSheet(NAME_STYLE.format(size=NAME_PT))
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key], self._names[key] = value, name
        self._has_bias = True
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Now"))
        for key, title in FIELDS:
            self._names[key].setText(tr(title))

    def apply_look(self, look) -> None:
        """The numbers at the look's size (the projector view makes them 24 pt and more)."""
        for key in self.values:
            self.values[key].setStyleSheet(VALUE_STYLE.format(size=look(VALUE_PT)))
            self._names[key].setStyleSheet(NAME_STYLE.format(size=look(NAME_PT)))

    def set_run(self, landscape: Landscape) -> None:
        self._has_bias = landscape.has_bias
        for key in ("b", "db", "b_star"):
            self.values[key].setVisible(self._has_bias)
            self._names[key].setVisible(self._has_bias)
        self.values["w_star"].setText(f"{landscape.optimum[0]:.5f}")
        if self._has_bias:
            self.values["b_star"].setText(f"{landscape.optimum[1]:.5f}")

    def show_frame(self, frame: Frame) -> None:
        snap = frame.snapshot
        self.values["epoch"].setText(f"{snap.epoch + 1 if snap.position else snap.epoch}")
        self.values["update"].setText(f"{snap.step:,}")
        beans = snap.beans
        self.values["beans"].setText("–" if not beans else f"{beans[0]}" if len(beans) == 1
                                     else f"{beans[0]}…{beans[-1]} ({len(beans)})")
        self.values["loss"].setText(f"{snap.loss:.6f}")
        self.values["w"].setText(f"{snap.params[0]:.5f}")
        gradient = snap.gradient or (None, None)
        self.values["dw"].setText("–" if gradient[0] is None else f"{gradient[0]:+.5f}")
        if self._has_bias:
            self.values["b"].setText(f"{snap.params[1]:.5f}")
            self.values["db"].setText("–" if gradient[1] is None else f"{gradient[1]:+.5f}")
