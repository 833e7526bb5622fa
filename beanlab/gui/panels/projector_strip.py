"""The projector view's one row of controls: play, step, reset, the speed and the learning rate.

In front of a class the side panel is hidden (its room goes to the plots); these are the teacher's
most used controls, kept reachable in one row above the plots. The speed slider and the learning-rate
field are twins of the playback panel's and the optimizer panel's: moving one moves the other.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, QSignalBlocker, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from beanlab.core import OPTIMIZERS, RunConfig
from beanlab.gui.language import Retranslating
from beanlab.gui.panels.learning_rate_field import LogScaleField
from beanlab.gui.panels.playback_panel import SPEEDS
from beanlab.i18n import tr


class ProjectorStrip(Retranslating, QWidget):
    def __init__(self, actions: dict, playback_panel, optimizer_panel, controller) -> None:
        super().__init__()
        self._playback, self._optimizer, self._controller = playback_panel, optimizer_panel, controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        self.buttons = {}
        for name in ("play", "step", "back", "reset", "predict"):
            button = QToolButton()
            button.setDefaultAction(actions[name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            layout.addWidget(button)
            self.buttons[name] = button
        self.speed_name, self.speed_text, self.rate_name = QLabel(), QLabel(), QLabel()
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed.setValue(playback_panel.speed.value())
        self.learning_rate = LogScaleField(controller.config.lr)
        self._rate_allowed = True   # teacher mode may leave the learning rate out (show_config)
        self._uses_rate = True
        layout.addSpacing(12)
        layout.addWidget(self.speed_name)
        layout.addWidget(self.speed, 1)
        layout.addWidget(self.speed_text)
        layout.addSpacing(12)
        layout.addWidget(self.rate_name)
        layout.addWidget(self.learning_rate, 1)
        # twins: each follows the other without echoing back
        self.speed.valueChanged.connect(playback_panel.speed.setValue)
        playback_panel.speed.valueChanged.connect(self._follow_speed)
        self.learning_rate.value_chosen.connect(self._on_rate_chosen)
        self.learning_rate.rejected.connect(controller.message)
        optimizer_panel.learning_rate.value_chosen.connect(self.learning_rate.set_value)
        self.retranslate()

    def retranslate(self) -> None:
        self.speed_name.setText(tr("Speed"))
        self._playback.retranslate()   # its words first: Qt tells the widgets of a language change in no set order
        self.speed_text.setText(self._playback.speed_words)
        # the playback panel may put its words in the new language after this: copy them once it has
        QTimer.singleShot(0, self, lambda: self._follow_speed(self._playback.speed.value()))
        self.rate_name.setText(tr("Learning rate"))
        self.learning_rate.setToolTip(tr("learning rate α: how far each update moves (applies at once)"))
        self.buttons["play"].setText(self._playback.buttons["play"].text())

    def show_config(self, config: RunConfig) -> None:
        """The run's learning rate, shown only where its optimizer reads one."""
        self.learning_rate.set_value(config.lr)
        uses_rate = OPTIMIZERS[config.optimizer].uses_lr   # not a search (lesson 2), nor a fixed step
        self._uses_rate = uses_rate
        for widget in (self.rate_name, self.learning_rate):
            widget.setVisible(uses_rate and self._rate_allowed)

    def show_speed(self, shown: bool) -> None:
        for widget in (self.speed_name, self.speed, self.speed_text):
            widget.setVisible(shown)

    def allow_rate(self, allowed: bool) -> None:
        """Whether the learning rate is shown at all (where the run's optimizer reads one)."""
        self._rate_allowed = allowed
        for widget in (self.rate_name, self.learning_rate):
            widget.setVisible(allowed and self._uses_rate)

    def show_frame(self, _frame) -> None:
        self.buttons["play"].setText(self._playback.buttons["play"].text())   # Play or Pause, as the panel says
        # a lesson's plan moves the panel's slider without a signal: follow its notch and its words
        self._follow_speed(self._playback.speed.value())

    def _follow_speed(self, notch: int) -> None:
        if notch != self.speed.value():
            with QSignalBlocker(self.speed):
                self.speed.setValue(notch)
        if self.speed_text.text() != self._playback.speed_words:
            self.speed_text.setText(self._playback.speed_words)

    def _on_rate_chosen(self, value: float) -> None:
        self._optimizer.learning_rate.set_value(value)
        self._controller.set_config(lr=value)
