"""Play/Pause, Step, Reset and the speed: from one update a second up to as fast as the machine goes.

The speed is said in the run's own words ("one bean a second", "10 epochs a second"). A lesson
plays at its own pace (its plan): the control follows the plan, showing each phase's speed, until
the teacher moves it; from then on the teacher's speed holds, until the next lesson.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QSlider, QToolButton

from beanlab.core import Frame, Plan, RunState
from beanlab.gui.language import Retranslating
from beanlab.gui.training_controller import TrainingController
from beanlab.i18n import tr

# updates per second at each notch of the speed slider; 0 = as fast as the machine goes
SPEEDS = (1, 2, 5, 10, 30, 100, 300, 1_000, 3_000, 10_000, 100_000, 0)


def nearest_notch(updates_per_second: float) -> int:
    """The notch of the slider closest to a speed (a plan's speeds are notches; others round)."""
    if updates_per_second == 0:
        return len(SPEEDS) - 1
    return min(range(len(SPEEDS) - 1), key=lambda notch: abs(SPEEDS[notch] - updates_per_second))


class PlaybackPanel(Retranslating, QGroupBox):
    def __init__(self, controller: TrainingController, actions: dict[str, QAction]) -> None:
        super().__init__()
        self._controller = controller
        self._state = RunState.PAUSED
        self._plan: Plan | None = None   # the lesson's pace, shown while the teacher has not chosen a speed
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
        controller.plan_changed.connect(self.follow_plan)
        controller.run_replaced.connect(lambda *_: self._show_speed())   # its words: beans, epochs, tries …
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(tr("Playback"))
        self.speed_name.setText(tr("Speed"))
        self._show_speed()
        self._show_state()

    def faster(self) -> None:
        self.speed.setValue(min(self.speed.value() + 1, self.speed.maximum()))

    def slower(self) -> None:
        self.speed.setValue(max(self.speed.value() - 1, 0))

    def set_speed(self, updates_per_second: float) -> None:
        """Choose a speed, as the teacher would with the slider."""
        if self.speed.value() == SPEEDS.index(updates_per_second):
            self._on_speed_moved(self.speed.value())   # the same notch, now chosen over the plan
        self.speed.setValue(SPEEDS.index(updates_per_second))

    @property
    def following_plan(self) -> bool:
        """Whether the speed is the lesson's plan's (the teacher has not chosen one since it loaded)."""
        return self._plan is not None

    @property
    def speed_words(self) -> str:
        """What the speed control says now."""
        return self.speed_text.text()

    def follow_plan(self, plan: Plan) -> None:
        """Show the plan's speeds from now on (the worker follows the plan itself)."""
        self._plan = plan
        self._show_notch(plan.first_speed)

    def show_frame(self, frame: Frame) -> None:
        self._state = frame.state
        self._show_state()
        if self._plan is not None:
            self._show_notch(self._plan.speed_at(frame.snapshot.step))
            self._show_speed()

    def _show_notch(self, updates_per_second: float) -> None:
        """Move the slider to a speed without choosing it (the plan chose it)."""
        notch = nearest_notch(updates_per_second)
        if notch != self.speed.value():
            self.speed.blockSignals(True)
            self.speed.setValue(notch)
            self.speed.blockSignals(False)
            self._show_speed()

    def _show_speed(self) -> None:
        words = self._controller.speed_words
        speed = SPEEDS[self.speed.value()]
        step = self._controller.latest.snapshot.step if self._controller.latest is not None else 0
        phase = self._plan.phase_at(step) if self._plan is not None else None
        if phase is not None and phase.speed == 0 and phase.until is not None:
            text = words.fast_forward_to(phase.until)   # the plan's fast-forward, and where it ends
        else:
            text = words.say(speed)
        if text != self.speed_text.text():
            self.speed_text.setText(text)
        self.speed.setToolTip(tr("Speed: {exactly}; the right end is as fast as the machine goes").format(
            exactly=words.exactly(speed)))

    def _show_state(self) -> None:
        self.buttons["play"].setText(tr("Pause") if self._state == RunState.PLAYING else tr("Play"))

    def _on_speed_moved(self, notch: int) -> None:
        self._plan = None   # the teacher's choice holds from now on
        self._show_speed()
        self._controller.set_speed(SPEEDS[notch])
