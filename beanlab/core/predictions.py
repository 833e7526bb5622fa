"""Predict, then watch: a question the class answers before the run moves, and how far off it was.

Students who predict a demonstration's outcome before they see it understand it better than those
who only watch (Crouch et al., Am. J. Phys. 72, 835, 2004). A lesson carries a few questions, in
its data; each names the view where the class answers and the gesture (click a point, drag the
line), how many updates the run then makes, and how to read the truth from the run's parameters.
Nothing here draws: the GUI turns the mouse into a guess, shows the guess beside the result, and
shows :meth:`Question.verdict` in words.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, replace

import numpy as np

from ..i18n import N_, tr
from .numbers import number
from .registry import Registry


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
    updates: np.ndarray | None = None   # the update number of each row of ``path``
    losses: np.ndarray | None = None    # the loss after each row of ``path``
    sizes: np.ndarray | None = None     # the beans' sizes x and toxicities y (for questions about beans)
    toxicities: np.ndarray | None = None
    pulls: np.ndarray | None = None     # per bean: how far w would move, had that bean alone made the next update
    used: np.ndarray | None = None      # the beans the next update used


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
                   diverged=bool(trainer.diverged and upto >= trainer.step_count),
                   updates=updates[kept][1:], losses=losses[1:])


def pulls_on_w(trainer, params: np.ndarray, update: int) -> np.ndarray:
    """How far each bean alone would move w (the first parameter) if it made update ``update`` from
    ``params``: the run's own optimizer and model, bean by bean. A batch update moves w by their mean;
    a one-bean update by the pull of its bean."""
    model, beans = trainer.model, trainer.beans
    moves = np.empty(len(beans))
    with np.errstate(all="ignore"):
        for bean in range(len(beans)):
            x, y = beans.x[bean:bean + 1], beans.y[bean:bean + 1]
            optimizer = copy.deepcopy(trainer.optimizer)   # (its memory, if any, stays the run's)
            after = optimizer.next_params(model, params, model.grad(params, x, y), x, y, update)
            moves[bean] = after[0] - params[0]
    return moves


@dataclass(frozen=True)
class Question:
    """A prediction to make before ``updates`` more updates (0: to the end of the current epoch)."""

    prompt: str       # in English, marked for translation: what the class is asked
    updates: int = 1
    name = ""         # what a lesson file calls it (kind = "ball")
    label = ""
    default_prompt = ""   # the prompt when a lesson file gives none ("" : the file must)
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

    def read_run(self, trainer, asked: int, upto: int) -> Stretch:
        """What the run did that the verdict compares with (``trainer``: a copy of the run, past ``upto``)."""
        return stretch_of(trainer, asked, upto)

    def answer_point(self, run: Stretch) -> tuple[float, float] | None:
        """A point to mark as the run's answer beside the guess, where the run itself does not show it."""
        return None


@dataclass(frozen=True)
class WhereWillTheBallBe(Question):
    """Click on the cost curve where the ball will be: which way w moves, and how far."""

    name = "ball"
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

    name = "line"
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
NEARLY = 0.9     # a bean pulling w at least this share of the hardest pull is nearly right
BLOWS_UP = 10.0   # the loss grew this many times over: the run is blowing up, whether or not it overflowed yet


@dataclass(frozen=True)
class WhatWillTheRunDo(Question):
    """Choose what this learning rate does in the next updates: settle, zig-zag, or blow up."""

    name = "fate"
    # asked with whatever learning rate the teacher has set: try it again after changing the rate
    default_prompt = N_("Predict: with this learning rate, what will the run do by the end of this epoch? "
                        "Choose one.")
    view = "cost"   # where the ball shows what the learning rate does; the answer is a button
    gesture = "choice"
    choices = FATES

    def guess_from(self, points):
        return int(points[-1][0])

    def verdict(self, guess, run: Stretch) -> str:
        fate = fate_of(run)
        said = tr("Right: {fate}.") if guess == fate else tr("You said {guess}; in fact {fate}.")
        return said.format(guess=tr(FATES[guess]), fate=tr(FATES[fate]))


@dataclass(frozen=True)
class WhichBeanMovesWMost(Question):
    """Click the bean that, alone, would move w most in the next update: the beans far from the line
    and large pull hardest (each bean's slope is its error times its size)."""

    name = "bean"
    default_prompt = N_("Predict: which bean pulls w hardest in the next update? Click that bean.")
    view = "scatter"
    gesture = "bean"

    def guess_from(self, points):
        return float(points[-1][0]), float(points[-1][1])

    def read_run(self, trainer, asked, upto):
        run = stretch_of(trainer, asked, upto)
        return replace(run, sizes=np.asarray(trainer.beans.x, dtype=float).reshape(len(trainer.beans), -1)[:, 0],
                       toxicities=np.asarray(trainer.beans.y, dtype=float),
                       pulls=pulls_on_w(trainer, run.before, asked + 1),
                       used=np.asarray(trainer.bean_order.beans_of_update(asked + 1)))

    def strongest(self, run: Stretch) -> int:
        return int(np.argmax(np.abs(run.pulls)))

    def chosen(self, guess, run: Stretch) -> int:
        x, y = guess
        return int(np.argmin(np.hypot(run.sizes - x, run.toxicities - y)))

    def answer_point(self, run):
        best = self.strongest(run)
        return float(run.sizes[best]), float(run.toxicities[best])

    def verdict(self, guess, run: Stretch) -> str:
        name, chosen, best = run.names[0], self.chosen(guess, run), self.strongest(run)
        x, pull = number(float(run.sizes[chosen])), number(float(run.pulls[chosen]), signed=True)
        best_x, best_pull = number(float(run.sizes[best])), number(float(run.pulls[best]), signed=True)
        if abs(run.pulls[chosen]) >= abs(run.pulls[best]):   # (a tie is right too)
            said = tr("Right: the bean at x = {x} pulls {name} hardest, by {pull} alone.").format(
                x=x, name=name, pull=pull)
        elif abs(run.pulls[chosen]) >= NEARLY * abs(run.pulls[best]):
            said = tr("Nearly: your bean at x = {x} alone moves {name} by {pull}; the hardest pull, the bean at "
                      "x = {best_x}: {best_pull}.").format(x=x, name=name, pull=pull, best_x=best_x, best_pull=best_pull)
        else:
            said = tr("Your bean at x = {x} alone moves {name} by {pull}; the hardest pull: the bean at "
                      "x = {best_x}, {best_pull}.").format(x=x, name=name, pull=pull, best_x=best_x, best_pull=best_pull)
        move = number(float(run.after[0] - run.before[0]), signed=True)
        if run.used is not None and len(run.used) == 1:   # one bean an update: which one it was
            moved = tr("This update's bean (x = {x}) moved {name} by {move}.").format(
                x=number(float(run.sizes[run.used[0]])), name=name, move=move)
        else:
            moved = tr("The update moved {name} by {move}: its {count:,} beans' pulls, averaged.").format(
                name=name, move=move, count=len(run.used) if run.used is not None else len(run.pulls))
        return f"{said} {moved}"


@dataclass(frozen=True)
class SketchTheLoss(Question):
    """Sketch the loss curve until the run pauses (press, drag left to right): read at halfway and at the end."""

    name = "sketch"
    updates: int = 200
    default_prompt = N_("Predict: how will the loss go until the run pauses? Sketch it on the loss plot: "
                        "press and drag from left to right.")
    view = "loss"
    gesture = "sketch"

    def guess_from(self, points):
        """The sketch as (updates, losses), left to right (a stroke that turns back keeps its first pass)."""
        updates, losses = [], []
        for update, loss in points:
            if not updates or update > updates[-1]:
                updates.append(float(update))
                losses.append(float(loss))
        return np.array(updates), np.array(losses)

    def verdict(self, guess, run: Stretch) -> str:
        sketch_updates, sketch_losses = guess
        if not len(run.updates):   # (the run had stopped already: nothing happened to compare)
            return tr("The run made no update to compare the sketch with.")
        start, end = int(run.updates[0]) - 1, int(run.updates[-1])
        middle = start + (end - start) // 2
        read = [u for u in (middle, end) if u > start]
        theirs = [float(run.losses[np.searchsorted(run.updates, u)]) for u in read]
        # outside the stroke, its nearest end (np.interp's way): a sketch that stops short says "flat from there"
        yours = [float(np.interp(u, sketch_updates, sketch_losses)) for u in read]
        at = tr("; ").join(tr("update {update:,}: yours {guess}, the run's {actual}").format(
            update=u, guess=number(g), actual=number(a)) for u, g, a in zip(read, yours, theirs))
        return tr("The loss at {points}.").format(points=at)


QUESTIONS = Registry(N_("unknown question kind {name}; the kinds are {names}"),
                     (WhereWillTheBallBe, WhereWillTheLineBe, WhatWillTheRunDo, WhichBeanMovesWMost, SketchTheLoss))


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
