"""A lesson's script: the steps a teacher walks with Page Down (a presenter remote's "next").

Each step may say something in the caption's place (a checkpoint: "pause here: which way will b
move?") and do one thing to the run: ask one of the lesson's questions, play until its answer, play
to an update, skip ahead to the point the caption promises, or play on. Nothing here touches the run:
the window's teacher mode carries the steps out (beanlab.gui.teacher_mode).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_

# what a step can do to the run, in the order a file's reader meets them; at most one a step
ACTIONS = {
    "ask": N_("ask the lesson's question N (1: its first) and wait for the class's guess"),
    "watch": N_("play until the update the question asked about, and pause there"),
    "play_to": N_("play at the lesson's pace and pause at update N"),
    "skip_ahead": N_("fast-forward to the point the caption promises, and pause there"),
    "play": N_("play on at the lesson's pace"),
}


# the controls a lesson can keep in teacher mode (the projector strip's), and what each does; Reset and
# everything else that would restart the run are never among them
CONTROLS = {
    "play": N_("Play / Pause"),
    "step": N_("Step: one update"),
    "back": N_("Step back: undo one update"),
    "predict": N_("Predict: ask the lesson's next question"),
    "speed": N_("the speed slider"),
    "lr": N_("the learning rate (changing it does not restart the run)"),
}


def default_controls(questions, uses_lr: bool) -> tuple[str, ...]:
    """The controls of a lesson whose file names none: playing and stepping, the speed; Predict if it
    asks anything; the learning rate if a question invites trying another one (what will the run do?)."""
    invites_rate = uses_lr and any(question.name == "fate" for question in questions)
    return ("play", "step", "back", *(("predict",) if questions else ()), "speed", *(("lr",) if invites_rate else ()))


@dataclass(frozen=True)
class Step:
    """One press of Page Down: ``say`` (English, marked for translation by the lesson file; None:
    the caption stays), and at most one action with its value (see :data:`ACTIONS`)."""

    say: str | None = None
    action: str | None = None
    value: int | bool | None = None

    def __post_init__(self) -> None:
        if self.action is not None and self.action not in ACTIONS:
            raise ValueError(f"unknown step action {self.action!r}")


def default_script(questions) -> tuple[Step, ...]:
    """The script of a lesson whose file writes none: each question asked and watched, then on to
    the promised point."""
    steps: list[Step] = []
    for number, _question in enumerate(questions, start=1):
        steps += [Step(action="ask", value=number), Step(action="watch", value=True)]
    return (*steps, Step(action="skip_ahead", value=True))
