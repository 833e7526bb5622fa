"""Play/Pause, Step, Reset and the speed: from one update a second up to as fast as the machine goes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSlider, QToolButton

from beanlab.core import Frame, RunState
from beanlab.gui.language import Retranslating
from beanlab.gui.training_controller import TrainingController
from beanlab.i18n import tr

# updates per second at each notch of the speed slider; 0 = as fast as the machine goes
SPEEDS = (1, 2, 5, 10, 30, 100, 300, 1_000, 10_000, 100_000, 0)


def speed_label(updates_per_second: float) -> str:
    if updates_per_second == 0:
        return tr("full speed")
    if updates_per_second == 1:
        return tr("1 update/s")
    return tr("{count:,.0f} updates/s").format(count=updates_per_second)


class PlaybackPanel(Retranslating, QGroupBox):
    def __init__(self, controller: TrainingController, actions: dict[str, QAction]) -> None:
        super().__init__()
        self._controller = controller
        self._state = RunState.PAUSED
        layout = QGridLayout(self)
        self.buttons = {}
        for column, name in enumerate(("play", "step", "reset")):
            button = QToolButton()
            button.setDefaultAction(actions[name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumHeight(34)
            layout.addWidget(button, 0, column)
            self.buttons[name] = button
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setPageStep(1)
        self.speed_text = QLabel()
        self.speed_name = QLabel()
        layout.addWidget(self.speed_name, 1, 0)
        layout.addWidget(self.speed, 1, 1)
        layout.addWidget(self.speed_text, 1, 2)
        self.speed.valueChanged.connect(self._on_speed_moved)
        self.speed.setValue(SPEEDS.index(100))
        self._on_speed_moved(self.speed.value())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Playback"))
        self.speed.setToolTip(tr("updates per second; the right end is as fast as the machine goes"))
        self.speed_name.setText(tr("Speed"))
        self.speed_text.setText(speed_label(SPEEDS[self.speed.value()]))
        self._show_state()

    def faster(self) -> None:
        self.speed.setValue(min(self.speed.value() + 1, self.speed.maximum()))

    def slower(self) -> None:
        self.speed.setValue(max(self.speed.value() - 1, 0))

    def set_speed(self, updates_per_second: float) -> None:
        self.speed.setValue(SPEEDS.index(updates_per_second))

    def show_frame(self, frame: Frame) -> None:
        self._state = frame.state
        self._show_state()

    def _show_state(self) -> None:
        self.buttons["play"].setText(tr("Pause") if self._state == RunState.PLAYING else tr("Play"))

    def _on_speed_moved(self, notch: int) -> None:
        self.speed_text.setText(speed_label(SPEEDS[notch]))
        self._controller.set_speed(SPEEDS[notch])
