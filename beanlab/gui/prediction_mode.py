"""Predict, then watch (Run → Predict, P): the lesson asks, the class answers on a plot, the run shows.

The lesson's next question (its data: beanlab.core.predictions) takes the caption's place and the
run pauses; the class answers by direct manipulation — a click on the cost curve where the ball will
be, dragging either end of the line to where it will be, a click on the bean that pulls w hardest, a
stroke sketching the loss to come, or one of a few buttons. The guess stays drawn (yellow edged in
black); Play or Step then runs exactly to the update the question is about (Play pauses there), and
the caption's place says, in numbers, how the guess compares with the run. Nothing here computes the
answer: it is read from the run's own record (beanlab.core.predictions).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from beanlab.core import LESSONS, Frame, Question, RunState
from beanlab.core.predictions import Stretch
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
        self._stroke: list[tuple[float, float]] = []   # a loss curve being sketched: its points so far
        self._views_before: tuple[str, ...] | None = None   # the views before a question brought its own in
        self.hints = self.default_hints()   # how to go on (teacher mode says Page Down instead)
        self._gestures = {"click": self._answer_by_click, "line": self._answer_by_line,
                          "choice": self._answer_by_choice, "bean": self._answer_by_bean,
                          "sketch": self._answer_by_sketch}
        self._controller.frame_ready.connect(self._on_frame)
        self._controller.run_replaced.connect(self._on_run_replaced)

    @staticmethod
    def default_hints() -> dict[str, str]:
        return {"watch": WATCH, "next": NEXT}

    # -- asking ----------------------------------------------------------------------------------
    def ask(self, number: int | None = None) -> None:
        """Ask the lesson's question ``number`` (1: its first), or its next (again from its first after the last)."""
        preset = self._window.current_lesson
        questions = preset.questions if preset is not None and preset.promise_applies_to(self._controller.config) \
            else ()
        if not questions:
            with_questions = ", ".join(str(n) for n, p in LESSONS.items() if p.questions)
            self._window.statusBar().showMessage(tr("This run has no predictions to make; lessons {numbers} have.")
                                                 .format(numbers=with_questions), 8000)
            return
        self._clear()
        self._next = self._next if number is None else number - 1
        self.question = questions[self._next % len(questions)]
        self._next += 1
        self._controller.pause()
        plots = self._window.plots
        if self.question.view not in plots.shown:   # the view the class answers on, first, while it is asked
            self._views_before = plots.chosen
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

    def _answer_by_bean(self) -> None:
        self._answer_by_line()   # on the scatter plot too: a click there chooses a bean

    def _answer_by_sketch(self) -> None:
        frame, loss_plot = self._controller.latest, self._window.plots.loss_plot
        until = self.question.horizon(frame.snapshot.step, self._controller.updates_per_epoch)
        loss_plot.make_room_to_sketch(until, frame.snapshot.loss)
        loss_plot.set_mouse_hook(self)

    def _clicked(self, value: float) -> None:
        self._guessed(((value, 0.0),))

    # -- a plot's mouse, for a line, a bean or a sketch (see HookedViewBox) -----------------------
    def click(self, event) -> bool:
        if self.question is None or self.question.gesture != "bean" or event.button() != Qt.MouseButton.LeftButton:
            return False   # a click alone moves no line's end: the plot's own menu and zoom stay
        event.accept()
        if self._watching():
            return True
        scatter = self._window.scatter
        bean = scatter.nearest_bean(event.scenePos())
        if bean is None:
            self._window.statusBar().showMessage(tr("Click on a bean: the one you think pulls w hardest."), 5000)
            return True
        scatter.show_chosen_bean(bean)
        self._guessed((bean,))
        return True

    def drag(self, event) -> bool:
        if event.button() != Qt.MouseButton.LeftButton or self.question is None:
            return False
        event.accept()
        if self._watching() or self.question.gesture == "bean":
            return True   # a bean question: the plot holds still under the mouse
        if self.question.gesture == "sketch":
            return self._sketch(event)
        scatter = self._window.scatter
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

    def _sketch(self, event) -> bool:
        loss_plot = self._window.plots.loss_plot
        if event.isStart():
            self._stroke = [loss_plot.to_data(event.buttonDownScenePos())]
        self._stroke.append(loss_plot.to_data(event.scenePos()))
        loss_plot.show_sketch(self.question.guess_from(self._stroke))
        if event.isFinish():
            self._guessed(tuple(self._stroke))
        return True

    def _watching(self) -> bool:
        """The guess is made and the run plays: it cannot change while the class watches."""
        return self._target is not None and self._controller.state == RunState.PLAYING

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
        elif question.gesture == "sketch":
            self._window.plots.loss_plot.show_sketch(self._guess)
        self._target = question.horizon(frame.snapshot.step, self._controller.updates_per_epoch)
        self._controller.hold_at(self._target)
        self._say(f"{tr(question.prompt)}\n{tr(self.hints['watch']).format(update=self._target)}")

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
            self._controller.copy_run(0, lambda trainer, _at: self._read_answer(
                question, guess, question.read_run(trainer, asked, target)))

    def _read_answer(self, question: Question, guess, run: Stretch) -> None:
        if question is not self.question:
            return   # another question was asked meanwhile
        answer = question.answer_point(run)
        if answer is not None:   # the run's answer marked beside the guess (a bean question's)
            self._window.scatter.show_chosen_bean(self._window.scatter.chosen_bean, answer)
        self._answered(question.verdict(guess, run), question)

    def _answered(self, verdict: str, question: Question | None = None) -> None:
        if question is not None and question is not self.question:
            return   # another question was asked meanwhile
        self._say(f"{verdict}\n{tr(self.hints['next'])}")
        self.answered.emit(verdict)

    def withdraw(self) -> None:
        """No question any more (teacher mode's Page Up): the guess and its prompt taken away."""
        self._clear()

    @property
    def waiting_for(self) -> int | None:
        """The update the asked question's answer is read at, once the class has guessed (else None)."""
        return self._target

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
        loss_plot = self._window.plots.loss_plot
        if loss_plot is not None and loss_plot.plot_widget.getViewBox().hook is self:
            loss_plot.set_mouse_hook(None)
            loss_plot.end_sketch()

    def _clear(self) -> None:
        """No question, no guess drawn, the caption back, Play as usual."""
        self._stop_answering()
        self._window.cost_slices.show_prediction(None)
        self._window.scatter.show_prediction(None)
        self._window.scatter.show_chosen_bean(None)
        if self._window.plots.loss_plot is not None:
            self._window.plots.loss_plot.show_sketch(None)
        if self._views_before is not None:   # the views as they were before the question brought its own
            views, self._views_before = self._views_before, None
            self._window.plots.show_views(views)
        self._window.explanation.set_choices(None)
        self._controller.hold_at(None)
        self.question, self._guess, self._asked_at, self._target, self._line_ends = None, None, None, None, None
        self._stroke = []
        self._window.explanation.set_prompt(None)
