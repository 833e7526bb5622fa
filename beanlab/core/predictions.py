"""Predict, then watch: a question the class answers before the run moves, and how far off it was.

Students who predict a demonstration's outcome before they see it understand it better than those
who only watch (Crouch et al., Am. J. Phys. 72, 835, 2004). A lesson carries a few questions, in
its data; each names the view where the class answers and the gesture (click a point, drag the
line), how many updates the run then makes, and how to read the truth from the run's parameters.
Nothing here draws: the GUI turns the mouse into a guess, shows the guess beside the result, and
shows :meth:`Question.verdict` in words.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import N_, tr
from .numbers import number


@dataclass(frozen=True)
class Stretch:
    """What the run did between the question and its answer: the truth a guess is compared with."""

    names: tuple[str, ...]     # the model's parameter names
    before: np.ndarray         # the parameters when the question was asked
    after: np.ndarray          # … at the update the question is about
    path: np.ndarray           # every recorded row between (updates × parameters), ``after`` last
    loss_before: float
    loss_after: float
    optimum: np.ndarray | None   # least squares' parameters, when known
    diverged: bool = False


def stretch_of(trainer, asked: int, upto: int) -> Stretch:
    """What ``trainer``'s run did from update ``asked`` to ``upto`` (or to where it stopped), from its
    record: every update, as the run made it."""
    updates, params, losses = trainer.history.rows_from(asked)
    kept = updates <= upto
    params, losses = params[kept], losses[kept]
    optimum = trainer.model.optimum(trainer.beans.x, trainer.beans.y)
    return Stretch(names=tuple(trainer.model.param_names), before=params[0], after=params[-1], path=params[1:],
                   loss_before=float(losses[0]), loss_after=float(losses[-1]),
                   optimum=None if optimum is None else np.asarray(optimum, dtype=float),
                   diverged=bool(trainer.diverged and upto >= trainer.step_count))


@dataclass(frozen=True)
class Question:
    """A prediction to make before ``updates`` more updates (0: to the end of the current epoch)."""

    prompt: str       # in English, marked for translation: what the class is asked
    updates: int = 1
    view = ""         # the view where the class answers (see beanlab.core.views)
    gesture = ""      # how: "click" (a point on the view) or "line" (drag either end of a line)

    def horizon(self, step: int, updates_per_epoch: int) -> int:
        """The update after which the answer is read, asked at update ``step``."""
        if self.updates > 0:
            return step + self.updates
        return (step // updates_per_epoch + 1) * updates_per_epoch

    def guess_from(self, points: tuple[tuple[float, float], ...]):
        """The guess the gesture's data points make (one point for a click, two line ends for a line)."""
        raise NotImplementedError

    def verdict(self, guess, run: Stretch) -> str:
        """One line comparing the guess with what the run did."""
        raise NotImplementedError


@dataclass(frozen=True)
class WhereWillTheBallBe(Question):
    """Click on the cost curve where the ball will be: which way w moves, and how far."""

    view = "cost"
    gesture = "click"

    def guess_from(self, points):
        return float(points[-1][0])

    def verdict(self, guess, run: Stretch) -> str:
        names, start, moved = run.names, float(run.before[0]), float(run.after[0])
        said, went = _direction(guess - start), _direction(moved - start)
        # the moves too: a bean of small size moves w by too little to show in w's four digits
        text = tr("Your guess: {name} = {guess}, a move of {guess_move}; the run: {name} = {actual}, "
                  "a move of {move}.").format(name=names[0], guess=number(guess), actual=number(moved),
                                              guess_move=number(guess - start, signed=True),
                                              move=number(moved - start, signed=True))
        right_way = tr("Right way: {direction}.") if said == went else tr("The run went {direction}.")
        return f"{text} {right_way.format(direction=tr(went))}"


@dataclass(frozen=True)
class WhereWillTheLineBe(Question):
    """Drag the fitted line to where it will be (each end moves on its own): w and b at once."""

    view = "scatter"
    gesture = "line"

    def guess_from(self, points):
        return line_through(*points[-2:])

    def verdict(self, guess, run: Stretch) -> str:
        w, b = guess
        return tr("Your line: w = {w}, b = {b}; the run: w = {run_w}, b = {run_b}.").format(
            w=number(w), b=number(b), run_w=number(float(run.after[0])), run_b=number(float(run.after[1])))


FATES = (N_("it settles down"), N_("it zig-zags across the valley"), N_("it blows up (diverges)"))
FAR = 0.1   # of w's starting distance from its optimum: a crossing from further than this is an overshoot
BLOWS_UP = 10.0   # the loss grew this many times over: the run is blowing up, whether or not it overflowed yet


@dataclass(frozen=True)
class WhatWillTheRunDo(Question):
    """Choose what this learning rate does in the next updates: settle, zig-zag, or blow up."""

    view = "cost"   # where the ball shows what the learning rate does; the answer is a button
    gesture = "choice"
    choices = FATES

    def guess_from(self, points):
        return int(points[-1][0])

    def verdict(self, guess, run: Stretch) -> str:
        fate = fate_of(run)
        said = tr("Right: {fate}.") if guess == fate else tr("You said {guess}; in fact {fate}.")
        return said.format(guess=tr(FATES[guess]), fate=tr(FATES[fate]))


def fate_of(run: Stretch) -> int:
    """What the stretch of run did, as an index of FATES: blew up (diverged, or its loss grew
    ``BLOWS_UP`` times), zig-zagged, or settled.

    Zig-zag: w jumped across its optimum and back — at least twice from further than ``FAR`` of its
    starting distance. Crossings close to the optimum are a settled run's noise (one bean pulls a
    little left, the next a little right), not overshooting.
    """
    if run.diverged or not np.isfinite(run.loss_after) or run.loss_after > BLOWS_UP * run.loss_before:
        return 2
    if run.optimum is not None and len(run.path):
        apart = np.concatenate([[run.before[0]], run.path[:, 0]]) - run.optimum[0]
        crossed = np.sign(apart[1:]) * np.sign(apart[:-1]) < 0
        from_far = np.abs(apart[:-1]) > FAR * abs(apart[0])
        if np.count_nonzero(crossed & from_far) >= 2:
            return 1
    return 0


def line_through(first: tuple[float, float], second: tuple[float, float]) -> tuple[float, float]:
    """(w, b) of the line y = w·x + b through two points of different x."""
    (x0, y0), (x1, y1) = first, second
    if x0 == x1:
        raise ValueError("a line through two points needs two different sizes x")
    w = (y1 - y0) / (x1 - x0)
    return float(w), float(y0 - w * x0)


def _direction(change: float) -> str:
    return N_("to the right") if change > 0 else N_("to the left") if change < 0 \
        else N_("nowhere")
