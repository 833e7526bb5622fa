"""Teacher mode (Lessons → Teach this lesson, Ctrl+T; ``beanlab --lesson 4 --teach``): a lesson locked
for the front of a class, driven by its script.

The projector view, with only the controls the lesson uses in its strip (its file's ``controls``);
nothing that would restart the run by accident works meanwhile (Reset, another lesson, other beans,
a landscape, drawing beans). Page Down, a presenter remote's "next", carries out the lesson's next
step (beanlab.core.lesson_script): a checkpoint's words in the caption's place, a question asked, the
run played to its answer, to an update, or skipped ahead to the promised point. Page Up takes the
last step back: the run rewound to where that step began, the step before it shown again.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from beanlab.core import Lesson
from beanlab.core.lesson_script import Step
from beanlab.gui.prediction_mode import PredictionMode
from beanlab.i18n import N_, tr

ACTIONS = {"teach": (N_("&Teach this lesson (teacher mode)"), "Ctrl+T"),
           "next_step": (N_("Next step of the lesson"), "PgDown"),
           "previous_step": (N_("Previous step of the lesson"), "PgUp")}
READOUT = N_("Step {step} of {steps} (Page Down / Page Up)")
START = N_("Teacher mode: Page Down walks the lesson, step by step ({steps} steps). Ctrl+T leaves it.")
END = N_("The end of the lesson's script. Ctrl+T leaves teacher mode.")
WATCH = N_("Page Down to watch: the run pauses at update {update:,}.")
NEXT = N_("Page Down: the next step; the guess stays drawn until the next question.")
NO_LESSON = N_("Teacher mode teaches a lesson: load one first (Lessons menu).")
# the strip's buttons and widgets per control (lesson_script.CONTROLS); Reset is never shown
STRIP_CONTROLS = ("play", "step", "back", "predict", "reset")


class TeacherMode(QObject):
    """The window's teacher mode: which controls show, and the lesson's script under Page Down / Page Up."""

    moved = Signal(int)   # the number of steps carried out (0: none yet), after Page Down or Page Up

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window, self._controller = window, window.controller
        self.lesson: Lesson | None = None   # the lesson being taught (None: teacher mode is off)
        self.done = 0                       # how many of its steps have been carried out
        self._began_at: list[int] = []      # the update each step carried out began at
        self._restore: list[tuple[QAction, bool]] = []   # (action, enabled) to give back on leaving
        self._was_projector = False
        self.actions: dict[str, QAction] = {}
        for name, (_label, keys) in ACTIONS.items():
            action = QAction(window)
            action.setShortcut(QKeySequence(keys))
            window.addAction(action)
            self.actions[name] = action
        self.actions["teach"].setCheckable(True)
        self.actions["teach"].toggled.connect(self._on_toggled)
        self.actions["next_step"].triggered.connect(self.next_step)
        self.actions["previous_step"].triggered.connect(self.previous_step)
        for name in ("next_step", "previous_step"):
            self.actions[name].setEnabled(False)
        self.readout = QLabel()   # "Step 2 of 7 …", at the end of the projector strip
        self.readout.setObjectName("teacher-readout")
        self.readout.hide()
        window.projector_strip.layout().addWidget(self.readout)
        self.retranslate()

    @property
    def active(self) -> bool:
        return self.lesson is not None

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.lesson.script if self.lesson is not None else ()

    def retranslate(self) -> None:
        for name, (label, _keys) in ACTIONS.items():
            self.actions[name].setText(tr(label))
        self._show_readout()

    # -- on and off --------------------------------------------------------------------------------
    def enter(self) -> bool:
        """Teach the window's lesson from its first step; False (and a message) without one."""
        self.actions["teach"].setChecked(True)
        return self.active

    def leave(self) -> None:
        self.actions["teach"].setChecked(False)

    def _on_toggled(self, on: bool) -> None:
        if on and not self.active:
            lesson = self._window.current_lesson
            if lesson is None:
                self._window.statusBar().showMessage(tr(NO_LESSON), 8000)
                self.actions["teach"].setChecked(False)
                return
            self._lock(lesson)
        elif not on and self.active:
            self._unlock()

    def _lock(self, lesson: Lesson) -> None:
        window = self._window
        self.lesson, self.done, self._began_at = lesson, 0, []
        projector = window.view_actions["projector"]
        self._was_projector = projector.isChecked()
        projector.setChecked(True)
        # Page Down and Page Up walk the script now, not Step and Step back (→ and ← still do)
        for name in ("step", "back"):
            action = window.actions[name]
            action.setShortcuts([k for k in action.shortcuts() if k not in (QKeySequence("PgDown"), QKeySequence("PgUp"))])
        self._restore = [(action, action.isEnabled()) for action in window.restarting_actions()]
        for action, _enabled in self._restore:
            action.setEnabled(False)
        for name in ("next_step", "previous_step"):
            self.actions[name].setEnabled(True)
        self.show_controls(lesson.controls)
        window.prediction.hints = {"watch": WATCH, "next": NEXT}
        self.readout.show()
        self._show_readout()
        window.statusBar().showMessage(tr(START).format(steps=len(self.steps)), 8000)
        self.moved.emit(0)

    def _unlock(self) -> None:
        window = self._window
        for action, enabled in self._restore:
            action.setEnabled(enabled)
        self._restore = []
        for name in ("step", "back"):
            action = window.actions[name]
            action.setShortcuts([QKeySequence(k) for k in action.beanlab_spec.shortcuts])
        for name in ("next_step", "previous_step"):
            self.actions[name].setEnabled(False)
        self.lesson = None
        self.show_controls(None)
        window.prediction.hints = PredictionMode.default_hints()
        self.readout.hide()
        window.view_actions["projector"].setChecked(self._was_projector)

    def show_controls(self, controls: tuple[str, ...] | None) -> None:
        """Only ``controls`` in the projector strip (None: all of them again)."""
        strip = self._window.projector_strip
        for name in STRIP_CONTROLS:
            strip.buttons[name].setVisible(controls is None or name in controls)
        strip.show_speed(controls is None or "speed" in controls)
        strip.allow_rate(controls is None or "lr" in controls)

    # -- the script ----------------------------------------------------------------------------------
    def next_step(self) -> None:
        """Page Down: carry out the next step of the script."""
        if not self.active:
            return
        if self.done >= len(self.steps):
            self._window.statusBar().showMessage(tr(END), 8000)
            return
        self._began_at.append(self._update_now())
        step = self.steps[self.done]
        self.done += 1
        self._carry_out(step)
        self._show_readout()
        self.moved.emit(self.done)

    def previous_step(self) -> None:
        """Page Up: take the last step back: the run rewound to where it began, the step before shown again."""
        if not self.active or self.done == 0:
            return
        self.done -= 1
        began = self._began_at.pop()
        prediction = self._window.prediction
        prediction.withdraw()
        self._controller.pause()
        if began < self._update_now():
            self._controller.rewind_to(began)
        self._window.explanation.set_prompt(None)
        if self.done:
            earlier = self.steps[self.done - 1]
            if earlier.action == "ask":
                prediction.ask(earlier.value)
            self._say(earlier)
        self._show_readout()
        self.moved.emit(self.done)

    def _carry_out(self, step: Step) -> None:
        controller, window = self._controller, self._window
        if step.action == "ask":
            window.prediction.ask(step.value)
        elif step.action == "watch":
            question, guessed = window.prediction.question, window.prediction.waiting_for
            if guessed is not None:
                controller.play()   # it pauses at the answer's update (PredictionMode.hold_at)
            elif question is not None:   # no guess made: still show what the question was about
                controller.play_until(question.horizon(self._update_now(), controller.updates_per_epoch))
            else:
                controller.play()
        elif step.action == "play_to":
            controller.play_until(step.value)
        elif step.action == "skip_ahead":
            window.skip_ahead()
        elif step.action == "play":
            controller.play()
        else:   # a checkpoint: the run waits while the class thinks
            controller.pause()
        if step.action not in ("ask", "watch"):
            window.explanation.set_prompt(None)
        self._say(step)

    def _say(self, step: Step) -> None:
        """A step's words in the caption's place (above the question it asks, if it asks one)."""
        if step.say is None:
            return
        question = self._window.prediction.question
        words = tr(step.say)
        if step.action == "ask" and question is not None:
            words = f"{words}\n{tr(question.prompt)}"
        self._window.explanation.set_prompt(words)

    def _update_now(self) -> int:
        latest = self._controller.latest
        return latest.snapshot.step if latest is not None else 0

    def _show_readout(self) -> None:
        if self.active:
            self.readout.setText(tr(READOUT).format(step=self.done, steps=len(self.steps)))
