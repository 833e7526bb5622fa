"""A learning rate control: a log-scale slider from 1e-4 to 10 beside an exact numeric field."""
from __future__ import annotations

import math

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSlider, QWidget

from beanlab.i18n import tr

LOW, HIGH = 1e-4, 10.0
TICKS_PER_DECADE = 100


class LogScaleField(QWidget):
    """Emits ``value_chosen`` with a valid value; rejects typing outside [LOW, HIGH] with ``rejected``."""

    value_chosen = Signal(float)
    rejected = Signal(str)

    def __init__(self, value: float, low: float = LOW, high: float = HIGH) -> None:
        super().__init__()
        self.low, self.high = low, high
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, round(math.log10(high / low) * TICKS_PER_DECADE))
        self.field = QLineEdit()
        self.field.setMaximumWidth(90)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.field)
        self.set_value(value)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.field.editingFinished.connect(self._on_field_edited)

    def set_value(self, value: float) -> None:
        """Show ``value`` without emitting anything."""
        self._value = value
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(math.log10(value / self.low) * TICKS_PER_DECADE))
        self.field.setText(f"{value:g}")

    def value(self) -> float:
        return self._value

    def _on_slider_moved(self, tick: int) -> None:
        value = float(f"{self.low * 10 ** (tick / TICKS_PER_DECADE):.3g}")  # round to 3 digits: readable
        self._value = value
        self.field.setText(f"{value:g}")
        self.value_chosen.emit(value)

    def _on_field_edited(self) -> None:
        text = self.field.text().strip()
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (self.low <= value <= self.high):
            self.rejected.emit(tr("“{text}” is not a number from {low:g} to {high:g}; kept {kept:g}").format(
                text=text, low=self.low, high=self.high, kept=self._value))
            self.set_value(self._value)
            return
        if value != self._value:
            self.set_value(value)
            self.value_chosen.emit(value)
