"""Lessons → Challenges…: the lesson's tasks for home, each checked against the student's own run.

The student changes what the task allows (the learning rate, the optimizer, the order of the beans …)
in the panels, plays, and presses *Check my run*: the run's own record says whether the goal was met
(beanlab.core.challenges), in one line, and a met challenge keeps its star on this computer. The
check runs on a copy of the run, on a thread of the pool: the window goes on drawing meanwhile.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QPushButton, QVBoxLayout

from beanlab.core import LESSONS, Lesson, RunConfig
from beanlab.core.challenges import Challenge, Result
from beanlab.gui import style
from beanlab.i18n import N_, tr

MET, NOT_MET = "★", "☆"
NO_CHALLENGES = N_("This lesson has no challenges; lessons {numbers} have. Choose one from the Lessons menu.")
HOW = N_("Change what the task allows in the panels (the learning rate, the optimizer, the order of the beans …), "
         "play, then press Check my run.")


def challenge_key(lesson: Lesson, challenge: Challenge) -> str:
    """What a challenge's star is remembered by: its lesson (a built-in's number, a file's title) and its id."""
    owner = f"lesson{lesson.number}" if LESSONS.get(lesson.number) is lesson else \
        "".join(c if c.isalnum() else "-" for c in lesson.title.lower())
    return f"{owner}/{challenge.id}"


class _Checked(QObject):
    """Carries a result from the pool's thread back to the window's (a queued signal)."""

    done = Signal(int, object)   # (check number, Result)


class ChallengesWindow(QDialog):
    checked = Signal(object)   # the Result of the last check, once it is shown

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window, self._controller, self._settings = window, window.controller, window.settings
        self.lesson: Lesson | None = None
        self._checks = 0
        self._carrier = _Checked(self)
        self._carrier.done.connect(self._on_checked)
        self.heading, self.how, self.task, self.result = QLabel(), QLabel(), QLabel(), QLabel()
        for label in (self.how, self.task, self.result):
            label.setWordWrap(True)
        self.heading.setObjectName("challenge-heading")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_chosen)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.how, self.list, self.task, self.check_button, self.result):
            layout.addWidget(widget)
        self._controller.run_replaced.connect(lambda *_: self.show_lesson(self._window.current_lesson))
        style.fit_to_screen(self, 640, 520, share=0.8)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Challenges"))
        self.how.setText(tr(HOW))
        self.check_button.setText(tr("Check my run"))
        self.show_lesson(self.lesson)

    @property
    def challenges(self) -> tuple[Challenge, ...]:
        return self.lesson.challenges if self.lesson is not None else ()

    def stars(self) -> list[bool]:
        """Which of the lesson's challenges have been met (their stars), in order."""
        return [self._settings.challenge_met(challenge_key(self.lesson, c)) for c in self.challenges]

    def show_lesson(self, lesson: Lesson | None) -> None:
        """The challenges of ``lesson`` (the window's current one), with their stars."""
        changed = lesson is not self.lesson
        self.lesson = lesson
        row = 0 if changed else max(self.list.currentRow(), 0)
        self.list.clear()
        if not self.challenges:
            with_some = ", ".join(str(n) for n, p in LESSONS.items() if p.challenges)
            self.heading.setText(tr(NO_CHALLENGES).format(numbers=with_some))
            self.task.clear()
            self.check_button.setEnabled(False)
            return
        self.heading.setText(tr("{lesson}: challenges").format(lesson=lesson.menu_text))
        self.list.addItems([""] * len(self.challenges))
        self._show_stars()
        self.check_button.setEnabled(True)
        self.list.setCurrentRow(row)
        if changed:
            self.result.clear()

    def _show_stars(self) -> None:
        for row, (challenge, met) in enumerate(zip(self.challenges, self.stars())):
            self.list.item(row).setText(f"{MET if met else NOT_MET}  {tr(challenge.task)}")

    @Slot(int)
    def _on_chosen(self, row: int) -> None:
        if 0 <= row < len(self.challenges):
            self.task.setText(tr(self.challenges[row].task))
            self.result.clear()

    @property
    def chosen(self) -> Challenge | None:
        row = self.list.currentRow()
        return self.challenges[row] if 0 <= row < len(self.challenges) else None

    def check(self) -> None:
        """Check the run as it is now against the chosen challenge (the answer arrives as ``checked``)."""
        challenge, lesson = self.chosen, self.lesson
        if challenge is None:
            return
        self._checks += 1
        number, config = self._checks, self._controller.config
        self.result.setText(tr("Checking…"))
        self._controller.copy_run(0, lambda trainer, _start: QThreadPool.globalInstance().start(
            lambda: self._carrier.done.emit(number, (lesson, challenge, challenge.result(trainer, config)))))

    @Slot(int, object)
    def _on_checked(self, number: int, outcome) -> None:
        if number != self._checks:
            return   # an older check, overtaken
        lesson, challenge, result = outcome
        result: Result
        if result.met and not self._settings.remember_challenge(challenge_key(lesson, challenge)):
            self._window.statusBar().showMessage(tr("The star could not be saved: the settings file is not writable."),
                                                 8000)
        self.result.setText(result.line)
        if lesson is self.lesson:
            self._show_stars()   # the star, at once
        self.checked.emit(result)


__all__ = ["ChallengesWindow", "RunConfig", "challenge_key"]
