"""Predict, then watch (Run → Predict, P): the lesson asks, the class answers on a plot, the run shows.

The lesson's next question (its data: beanlab.core.predictions) takes the caption's place and the
run pauses; the class answers by direct manipulation — a click on the cost curve where the ball will
be, or dragging either end of the line to where it will be. The guess stays drawn (yellow edged in
black); Play or Step then runs exactly to the update the question is about (Play pauses there), and
the caption's place says, in numbers, how the guess compares with the run. Nothing here computes the
answer: it is the run's own parameters at that update.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from beanlab.core import LESSONS, Frame, Question, RunState
from beanlab.core.predictions import stretch_of
from beanlab.i18n import N_, tr

WATCH = N_("Press Space (Play) or → (Step) to watch: the run pauses at update {update:,}.")
NEXT = N_("P asks the next question; the guess stays drawn until then.")


class PredictionMode(QObject):
    """Asks the current lesson's questions in turn and compares each guess with the run."""

    answered = Signal(str)   # the verdict, in words (also shown in the caption's place)

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window, self._controller = window, window.controller
        self._next = 0                        # which of the lesson's questions comes next
        self.question: Question | None = None  # the one asked now (until the run replaces it)
        self._guess = None
        self._asked_at: Frame | None = None    # the paused frame the guess was made at
        self._target: int | None = None        # the update the answer is read at
        self._line_ends: list[list[float]] | None = None   # a line being dragged: its two ends
        self._dragged_end = 0
        self._gestures = {"click": self._answer_by_click, "line": self._answer_by_line,
                          "choice": self._answer_by_choice}
        self._controller.frame_ready.connect(self._on_frame)
        self._controller.run_replaced.connect(self._on_run_replaced)

    # -- asking ----------------------------------------------------------------------------------
    def ask(self) -> None:
        """Ask the lesson's next question (again from its first after the last)."""
        preset = LESSONS.get(self._window.sessions.lesson)
        questions = preset.questions if preset is not None and preset.promise_applies_to(self._controller.config) \
            else ()
        if not questions:
            with_questions = ", ".join(str(n) for n, p in LESSONS.items() if p.questions)
            self._window.statusBar().showMessage(tr("This run has no predictions to make; lessons {numbers} have.")
                                                 .format(numbers=with_questions), 8000)
            return
        self._clear()
        self.question = questions[self._next % len(questions)]
        self._next += 1
        self._controller.pause()
        plots = self._window.plots
        if self.question.view not in plots.shown:   # the view the class answers on, first
            plots.show_views((self.question.view, *plots.chosen))
        self._gestures[self.question.gesture]()
        self._say(tr(self.question.prompt))

    # -- the gestures: how the class answers (a question names its own) ----------------------------
    def _answer_by_click(self) -> None:
        self._window.cost_slices.answer_clicks(self._clicked)

    def _answer_by_line(self) -> None:
        self._window.bean_editor.actions["edit"].setChecked(False)   # the mouse answers now, it draws no beans
        self._window.scatter.set_mouse_hook(self, editing_beans=False)

    def _answer_by_choice(self) -> None:
        self._window.explanation.set_choices([tr(choice) for choice in self.question.choices],
                                             lambda index: self._guessed(((index, 0.0),)))

    def _clicked(self, value: float) -> None:
        self._guessed(((value, 0.0),))

    # -- the scatter plot's mouse, for a line (see ScatterPlot.set_mouse_hook) -------------------
    def click(self, event) -> bool:
        return False   # a click alone moves no end: the plot's own menu and zoom stay

    def drag(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self._target is not None and self._controller.state == RunState.PLAYING:
            event.accept()
            return True   # the guess is made: it cannot change while the class watches
        scatter = self._window.scatter
        event.accept()
        if event.isStart():
            xs, ys = scatter.fitted_line()
            if scatter.prediction is not None:   # a second drag moves the prediction on
                (x0, y0), (x1, y1) = scatter.prediction
            else:
                x0, x1 = scatter.line_ends_x
                y0, y1 = float(ys[0]), float(ys[-1])
            self._line_ends = [[x0, y0], [x1, y1]]
            pressed_x, _ = scatter.to_data(event.buttonDownScenePos())
            self._dragged_end = 0 if pressed_x < (x0 + x1) / 2 else 1   # the end nearer the mouse moves
        if self._line_ends is None:
            return True
        self._line_ends[self._dragged_end][1] = scatter.to_data(event.scenePos())[1]
        ends = tuple(tuple(end) for end in self._line_ends)
        scatter.show_prediction(ends)
        if event.isFinish():
            self._guessed(ends)
        return True

    # -- watching ----------------------------------------------------------------------------------
    def _guessed(self, points) -> None:
        """The gesture is done (``points``: the clicked point, or the line's two ends, in data coordinates)."""
        frame = self._controller.latest
        if self.question is None or frame is None or frame.state == RunState.PLAYING:
            return
        question = self.question
        self._guess, self._asked_at = question.guess_from(points), frame
        if question.gesture == "click":
            self._window.cost_slices.show_prediction(self._guess, frame.snapshot.params)
        self._target = question.horizon(frame.snapshot.step, self._controller.updates_per_epoch)
        self._controller.hold_at(self._target)
        self._say(f"{tr(question.prompt)}\n{tr(WATCH).format(update=self._target)}")

    @Slot(object)
    def _on_frame(self, frame: Frame) -> None:
        if self.question is None or self._asked_at is None:
            return
        if frame.snapshot.step < self._asked_at.snapshot.step:   # Reset or Step back: before the question
            self._clear()
            self._window.statusBar().showMessage(tr("The run went back before the question: ask again (P)."), 8000)
            return
        if self._target is None:
            return
        if frame.state == RunState.PLAYING:
            self._stop_answering()   # the guess is made: it cannot change while the class watches
            return
        ended = frame.state in (RunState.FINISHED, RunState.DIVERGED)   # it stops short: the answer is there
        if frame.snapshot.step < self._target and not ended:
            return
        target, self._target = self._target, None
        self._controller.hold_at(None)
        self._stop_answering()
        if frame.snapshot.step > target:   # Epoch or skip ahead jumped over it
            self._answered(tr("The run went past update {update:,}: ask again (P).").format(update=target))
        else:   # the run's own record of every update, from the worker's copy of it
            question, guess, asked = self.question, self._guess, self._asked_at.snapshot.step
            self._controller.copy_run(0, lambda trainer, _at: self._answered(
                question.verdict(guess, stretch_of(trainer, asked, target)), question))

    def _answered(self, verdict: str, question: Question | None = None) -> None:
        if question is not None and question is not self.question:
            return   # another question was asked meanwhile
        self._say(f"{verdict}\n{tr(NEXT)}")
        self.answered.emit(verdict)

    @Slot(object, object)
    def _on_run_replaced(self, _beans, _landscape) -> None:
        self._clear()
        self._next = 0

    # -- internals ----------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self._window.explanation.set_prompt(text)

    def _stop_answering(self) -> None:
        self._window.cost_slices.answer_clicks(None)
        for button in self._window.explanation.choice_buttons:   # the choice made stays shown, checked
            button.setEnabled(False)
        if self._window.scatter.getViewBox().hook is self:
            self._window.scatter.set_mouse_hook(None)

    def _clear(self) -> None:
        """No question, no guess drawn, the caption back, Play as usual."""
        self._stop_answering()
        self._window.cost_slices.show_prediction(None)
        self._window.scatter.show_prediction(None)
        self._window.explanation.set_choices(None)
        self._controller.hold_at(None)
        self.question, self._guess, self._asked_at, self._target, self._line_ends = None, None, None, None, None
        self._window.explanation.set_prompt(None)
