"""The course's bean lessons as presets (and the presets beyond it): the run to load, the plots to show,
what to watch, and what to ask. Each is a file in ``beanlab/lessons`` (see lesson_files.py), the
format a teacher's own lesson is written in."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_, tr
from .challenges import Challenge
from .lesson_files import built_in_lessons
from .lesson_script import Step
from .pacing import Plan
from .predictions import Question
from .promises import Promise
from .run_config import RunConfig
from .views import LANDSCAPE_VIEWS, SHOWN_FIRST, VIEWS  # noqa: F401  (LANDSCAPE_VIEWS: for the landscape menu)

ALL_VIEWS = SHOWN_FIRST   # what free play shows, and a lesson unless it chooses (views.py says why these three)


# The caption with no lesson chosen: the projector view always says what the screen is for.
FREE_PLAY_CAPTION = N_("Free play: no lesson chosen. Space plays, → steps one update.\n"
                       "A lesson from the Lessons menu (Ctrl+1 … Ctrl+9) sets its own beans, views and pace.")


@dataclass(frozen=True)
class Lesson:
    number: int
    title: str                   # in English, marked for translation: show tr(title)
    caption: str                 # two lines: the idea, then what to watch (show tr(caption))
    config: RunConfig
    views: tuple[str, ...] = ALL_VIEWS   # the 2–4 that tell its story, the first shown largest
    course: bool = True          # one of the course's lessons; False: a preset beyond it
    pace: Plan = Plan.steady(100)   # how fast it plays until the teacher chooses (see pacing.Plan)
    promise: Promise | None = None  # what the caption promises, as a test on the run's numbers
    questions: tuple[Question, ...] = ()   # predict, then watch: asked in this order (see predictions.py)
    script: tuple[Step, ...] = ()   # what Page Down walks in teacher mode (see lesson_script.py)
    controls: tuple[str, ...] = ()  # what teacher mode leaves on screen (lesson_script.CONTROLS)
    challenges: tuple[Challenge, ...] = ()   # tasks for home that check themselves (see challenges.py)

    def __post_init__(self) -> None:
        unknown = set(self.views) - set(VIEWS)
        if unknown:
            raise ValueError(f"lesson {self.number} shows unknown view(s): {', '.join(sorted(unknown))}")

    def promise_applies_to(self, config: RunConfig) -> bool:
        """Whether the promise can be looked for in a run of ``config``: the lesson's data and model
        (the teacher may have changed its learning rate, optimizer or epochs)."""
        mine = self.config
        return self.promise is not None and (config.dataset, config.model, config.hidden, config.landscape) == (
            mine.dataset, mine.model, mine.hidden, mine.landscape)

    @property
    def menu_text(self) -> str:
        if not self.course:
            return tr(self.title)
        return tr("Lesson {number}: {title}").format(number=self.number, title=tr(self.title))


# one file each in beanlab/lessons (lesson_files.py reads them; its README documents the keys)
LESSONS = built_in_lessons()


def lesson(number: int) -> Lesson:
    """The preset of lesson ``number``; ValueError naming the lessons there are."""
    if number not in LESSONS:
        raise ValueError(tr("there is no lesson {number}; BeanLab has lessons {lessons}").format(
            number=number, lessons=", ".join(map(str, LESSONS))))
    return LESSONS[number]
