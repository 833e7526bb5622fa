"""Every update explained in words, with the course's formula and its numbers filled in.

A teacher stops after an update and says what happened: which bean(s), the prediction and its
error, the slope of the cost (the formula as the course writes it), and the move it makes. The
numbers here are the trainer's own: the explanation recomputes nothing the update did not use.

What is said comes from the model and the optimizer themselves: the model's formulas and
sentences (``Model.prediction``, ``slope_formulas``, ``telling``), the optimizer's move
(``Optimizer.tell_move``) or, for lesson 1's rule and lesson 2's search, its whole telling
(``Optimizer.tell``). An explanation keeps templates and numbers and is put into words in the
current language when read (message.py).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..i18n import N_
from .datasets import Beans
from .message import Joined, plain, say
from .models import Model
from .numbers import bean_number, beans_span, number
from .optimizers import Optimizer, direction
from .symbols import LANDSCAPE, WHOLE_COST, SlopeName, slope_of_update
from .trainer import Snapshot


@dataclass(frozen=True)
class Explanation:
    """The sentences to show (templates with their values) and the numbers in them (named, for checking)."""

    messages: tuple
    numbers: dict[str, float] = field(default_factory=dict)

    @property
    def lines(self) -> tuple[str, ...]:
        """The sentences in the current language."""
        return tuple(str(message) for message in self.messages)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class UpdateSeen:
    """One update as the explanation tells it: its beans and what the model made of them."""

    step: int
    beans: tuple[int, ...]
    x: np.ndarray
    y: np.ndarray
    before: np.ndarray
    after: np.ndarray
    predictions: np.ndarray
    gradient: np.ndarray       # the slope the update moves by
    loss: float
    model: Model
    slope: SlopeName = WHOLE_COST   # whose slope that is: this bean's, this batch's, the whole cost's

    def bean_line(self, template: str | None = None):
        """The one bean of this update, in the model's words (or ``template``'s)."""
        x = self.x[0]
        return say(template or self.model.telling.bean, update=self.step, index=bean_number(self.beans[0]),
                   x=float(np.ravel(x)[0]), values=_bean_values(x), y=self.y[0])


def _bean_values(x) -> str:
    return f"x = ({number(x[0])}, {number(x[1])})" if np.ndim(x) else f"x = {number(x)}"


def _bean_list(indices: tuple[int, ...]):
    if len(indices) == 1:
        return say(N_("bean {index}"), index=bean_number(indices[0]))
    return say(N_("beans {span} ({count} beans)"), span=beans_span(indices), count=len(indices))


def _numbers(names, gradient, before, after) -> dict[str, float]:
    return {**{f"d{n}": float(g) for n, g in zip(names, gradient)},
            **{f"{n}_before": float(v) for n, v in zip(names, before)},
            **{f"{n}_after": float(v) for n, v in zip(names, after)}}


def explain_update(snapshot: Snapshot, before: np.ndarray | None, beans: Beans, model: Model,
                   optimizer: Optimizer) -> Explanation:
    """What the update that led to ``snapshot`` did, from the parameters ``before`` it."""
    names = model.param_names
    after = np.asarray(snapshot.params)
    if snapshot.step == 0 or before is None or not snapshot.beans:
        values = ", ".join(f"{n} = {number(v)}" for n, v in zip(names, after))
        on_landscape = getattr(model, "is_landscape", False)
        start = N_("The start: {values}; f = {loss:.5f}.") if on_landscape else \
            N_("The start: {values}; cost E = {loss:.5f}.")
        return Explanation((say(start, values=values, loss=snapshot.loss), say(optimizer.first_step)),
                           {"loss": snapshot.loss})
    before = np.asarray(before, dtype=float)
    gradient = np.asarray(optimizer.slope_moved_by(np.asarray(snapshot.gradient, dtype=float)), dtype=float)
    if getattr(model, "is_landscape", False):
        return _explain_landscape(snapshot, before, after, gradient, model, optimizer)
    used = tuple(int(i) for i in snapshot.beans)
    x, y = beans.x[np.asarray(used)], beans.y[np.asarray(used)]
    predictions = model.predict(before, x)
    update = UpdateSeen(snapshot.step, used, x, y, before, after, predictions, gradient, snapshot.loss, model,
                        slope_of_update(len(used), len(beans)))
    numbers = {"x": float(np.ravel(x[0])[0]), "y": float(y[0]), "prediction": float(predictions[0]),
               "error": float(predictions[0] - y[0]), **_numbers(names, gradient, before, after)}
    told = optimizer.tell(update)
    if told is not None:
        messages, more = told
        return Explanation(messages, {**numbers, **more})
    return Explanation(_told_by_the_model(update, optimizer), numbers)


def _told_by_the_model(update: UpdateSeen, optimizer: Optimizer) -> tuple:
    """The bean(s) and the prediction, the slopes, the move: in the model's words."""
    model, telling = update.model, update.model.telling
    errors = update.predictions - update.y
    several = len(update.beans) > 1
    if not several:
        lines = [update.bean_line(), say(telling.prediction, formula=model.prediction,
                                         prediction=update.predictions[0], error=errors[0])]
    else:
        lines = [say(telling.mean_error, update=update.step, beans=_bean_list(update.beans), error=errors.mean())]
        if telling.for_each_bean:
            lines.append(say(telling.for_each_bean, formula=model.prediction))
    lines.append(_slopes(model, update.gradient, several, update.slope))
    lines += optimizer.tell_move(model.param_names, update.gradient, update.before, update.after, update.slope.cost,
                                 detailed=model.writes_slopes)
    return tuple(lines)


def _slope(model: Model, name: str, value: float, several: bool, slope: SlopeName = WHOLE_COST):
    """One parameter's slope with the model's formula for it."""
    formula = model.slope_formulas[name]
    if several:
        return say(N_("{symbol} = mean over the beans of {formula} = {value:+.5f}"),
                   symbol=slope.symbol(name), formula=formula, value=value)
    return plain("{symbol} = {formula} = {value:+.5f}", symbol=slope.symbol(name), formula=formula, value=value)


SLOPES_LISTED_UP_TO = 6   # parameters; with more (lesson 8 has 25), the largest few, and how many more
LARGEST_SHOWN = 3


def _largest_slopes(names, gradient, slope: SlopeName = WHOLE_COST):
    """Every slope as a number, or for many parameters the largest few (in size) and a count of the rest:
    a line a class can read, where 25 numbers would run off the screen (the readouts list them all)."""
    pairs = tuple(zip(names, gradient))
    if len(pairs) > SLOPES_LISTED_UP_TO:
        largest = sorted(np.argsort(-np.abs(np.asarray(gradient, dtype=float)), kind="stable")[:LARGEST_SHOWN])
        shown = tuple(plain("{symbol} = {value:+.5f}", symbol=slope.symbol(names[i]), value=gradient[i])
                      for i in largest)
        return say(N_("the {count} largest: {slopes}; and {more} more, all in the readouts"), count=LARGEST_SHOWN,
                   slopes=Joined(shown), more=len(pairs) - LARGEST_SHOWN)
    return Joined(tuple(plain("{symbol} = {value:+.5f}", symbol=slope.symbol(n), value=g) for n, g in pairs))


def _slopes(model: Model, gradient, several: bool, slope: SlopeName = WHOLE_COST):
    """Every slope, named whose it is: with the model's formulas, or as numbers in the model's words."""
    names = model.param_names
    if not model.writes_slopes:
        return say(N_("{slopes}  ({whose})"), whose=say(slope.whose),
                   slopes=say(model.telling.slopes, slopes=_largest_slopes(names, gradient, slope)))
    slopes = Joined(tuple(_slope(model, n, g, several, slope) for n, g in zip(names, gradient)))
    if model.loss_formula:   # a loss other than the course's: say which
        return say(N_("Slopes of {cost} = {loss}: {slopes}  ({whose})"), whose=say(slope.whose), cost=slope.cost,
                   loss=model.loss_formula, slopes=slopes)
    return say(N_("{slopes}  ({whose})"), whose=say(slope.whose), slopes=slopes)


def _explain_landscape(snapshot, before, after, gradient, model, optimizer) -> Explanation:
    """An update on a landscape f(w, b): no beans, only the slope of f where the run stands."""
    names = model.param_names
    lines = [say(N_("Update {update:,} on {formula}: f = {loss:.5f}."), update=snapshot.step,
                 formula=model.terrain.formula, loss=snapshot.loss)]
    slopes = Joined(tuple(plain("{symbol} = {value:+.5f}", symbol=LANDSCAPE.symbol(n), value=g)
                          for n, g in zip(names, gradient)))
    if model.noise:
        slopes = Joined((slopes, say(N_(" (each with Gaussian noise of σ = {noise:g}, as stochastic descent would "
                                        "have)"), noise=model.noise)), separator="")
    lines.append(say(N_("{slopes}."), slopes=slopes))
    lines += optimizer.tell_move(names, gradient, before, after, "f", detailed=True)
    if np.all(np.abs(gradient) < 1e-6):
        if model.is_valley(after):
            lines.append(say(N_("The slope is zero here, at the bottom of a valley: descent stops, whether or not "
                                "a deeper valley lies elsewhere.")))
        else:
            lines.append(say(N_("The slope is zero here, yet this is no valley: plain descent has nowhere to go.")))
    return Explanation(tuple(lines), _numbers(names, gradient, before, after))


def explain_next_update_in_stages(trainer) -> tuple[Explanation, Explanation]:
    """The coming update told in two stages before it is made: which bean(s), then the slope.

    (The third stage, the move, is the update itself, explained by :func:`explain_update`.)
    """
    model, optimizer = trainer.model, trainer.optimizer
    names, telling = model.param_names, model.telling
    step = trainer.step_count + 1
    used = tuple(int(i) for i in trainer.beans_of_update(step))
    x, y = trainer.beans.x[np.asarray(used)], trainer.beans.y[np.asarray(used)]
    params = trainer.params
    predictions = model.predict(params, x)
    errors = predictions - y
    gradient = optimizer.slope_to_move_by(model, params, x, y)
    n_beans = trainer.beans.x.shape[0]
    whose = slope_of_update(len(used), n_beans, getattr(model, "is_landscape", False))
    coming = UpdateSeen(step, used, x, y, params, params, predictions, gradient, math.nan, model, whose)
    numbers = {"x": float(np.ravel(x[0])[0]), "y": float(y[0]), "prediction": float(predictions[0]),
               **{f"d{n}": float(g) for n, g in zip(names, gradient)}}
    several = len(used) > 1
    if not several:
        pick = (coming.bean_line(telling.pick_bean),
                say(telling.predicts, formula=model.prediction, prediction=predictions[0], error=errors[0]))
    else:
        pick = (say(N_("Stage 1 of 3 · update {update:,}: take {beans}."), update=step, beans=_bean_list(used)),
                say(N_("Their mean error ŷ − y = {error:+.4f}."), error=errors.mean()))
    slope = optimizer.tell_slope_stage(coming)
    if slope is None and not model.writes_slopes:
        slope = (say(telling.slopes_stage, update=step), _slopes(model, gradient, several, whose))
    elif slope is None:
        if whose is WHOLE_COST or whose is LANDSCAPE:
            heading = N_("Stage 2 of 3 · update {update:,}: {whose} (the green tangent):")
        else:
            heading = N_("Stage 2 of 3 · update {update:,}: {whose} (the thick orange line through the ball; the "
                         "thin green tangent is the whole cost's):")
        slope = (say(heading, update=step, whose=say(whose.whose)),
                 *(Joined((_slope(model, n, g, several, whose), plain("  → "),
                           say(N_("{name} goes {direction}"), name=n, direction=direction(-g))), separator="")
                   for n, g in zip(names, gradient)))
    if whose is not WHOLE_COST and whose is not LANDSCAPE and slope is not None and optimizer.uses_slope:
        # the tangents on the cost curves are the whole cost's: say their slopes too, named as such
        whole = model.grad(params, trainer.beans.x, trainer.beans.y)
        numbers.update({f"dE{n}": float(g) for n, g in zip(names, whole)})
        slope = (*slope, say(N_("The slope of the whole cost, for comparison: {slopes}."), slopes=Joined(tuple(
            plain("{symbol} = {value:+.5f}", symbol=WHOLE_COST.symbol(n), value=g) for n, g in zip(names, whole)))))
    return Explanation(pick, numbers), Explanation(slope, numbers)
