"""What each lesson's caption promises the class will see, as a test on the run's numbers.

A promise is a predicate on :class:`RunNumbers` — the parameters, the loss, how many beans the
model puts on the wrong side of 0.5, how many bumps its prediction makes over the beans — never on
time. The window's *skip ahead* trains until the promise is kept and pauses there; the tests play
each lesson at its own pace and wait for it.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ..i18n import tr
from .datasets import Beans
from .models import Model

BUMP_GRID = 400   # points over the beans' x range where the prediction is looked at for bumps


class RunNumbers:
    """The numbers of a run at one update, worked out only when a promise asks for them."""

    def __init__(self, model: Model, beans: Beans, params, loss: float, step: int, finished: bool = False) -> None:
        self.model, self.beans = model, beans
        self.params = np.asarray(params, dtype=np.float64)
        self.loss, self.step, self.finished = float(loss), int(step), finished

    @classmethod
    def of_trainer(cls, trainer, epoch_limit: int | None = None) -> RunNumbers:
        finished = epoch_limit is not None and trainer.step_count >= epoch_limit * trainer.updates_per_epoch
        return cls(trainer.model, trainer.beans, trainer.params, trainer.loss, trainer.step_count, finished)

    @cached_property
    def misclassified(self) -> int:
        """Beans on the wrong side of 0.5: predicted toxic and not, or the other way round."""
        predicted = self.model.predict(self.params, self.beans.x) > 0.5
        return int(np.count_nonzero(predicted != (self.beans.y > 0.5)))

    @cached_property
    def bumps(self) -> int:
        """Stretches of the beans' x range where the prediction rises above 0.5 and falls back below
        it inside the range (a step up that never comes down is not a bump)."""
        x = np.linspace(float(self.beans.x.min()), float(self.beans.x.max()), BUMP_GRID)
        above = self.model.predict(self.params, x) > 0.5
        change = np.diff(above.astype(np.int8))
        rises, falls = np.flatnonzero(change == 1), np.flatnonzero(change == -1)
        # rises and falls alternate: every rise before the last fall comes back down
        return int(np.count_nonzero(rises < falls.max())) if len(falls) else 0

    @cached_property
    def lowest(self) -> np.ndarray | None:
        """The parameters of least cost, where known in closed form."""
        return self.model.optimum(self.beans.x, self.beans.y)

    def distance_to(self, target) -> float:
        """The largest gap between a parameter and its value in ``target``."""
        return float(np.max(np.abs(self.params - np.asarray(target, dtype=np.float64))))


@dataclass(frozen=True)
class Promise:
    """``name``: the point a lesson gets to, in words (marked for translation: show tr(name));
    ``kept``: whether the run's numbers show it."""

    name: str
    kept: Callable[[RunNumbers], bool]

    def kept_by(self, model: Model, beans: Beans, params, loss: float, step: int, finished: bool = False) -> bool:
        return bool(self.kept(RunNumbers(model, beans, params, loss, step, finished)))

    def kept_in(self, trainer, epoch_limit: int | None = None) -> bool:
        return bool(self.kept(RunNumbers.of_trainer(trainer, epoch_limit)))


# -- the kinds of promise the lessons make -------------------------------------------------------
def near_lowest(within: float) -> Callable[[RunNumbers], bool]:
    """Every parameter within ``within`` of the least-cost parameters (the closed form)."""
    return lambda run: run.distance_to(run.lowest) < within


def near(target: tuple[float, ...], within: float) -> Callable[[RunNumbers], bool]:
    return lambda run: run.distance_to(target) < within


def finished_at_lowest(run: RunNumbers) -> bool:
    """The search is over and stands on the closed-form minimum (lesson 2's last, exact step)."""
    return run.finished and run.distance_to(run.lowest) < 1e-9


def classified(at_most_wrong: int, bumps: int | None = None, loss_below: float = np.inf) -> Callable:
    """At most ``at_most_wrong`` beans on the wrong side of 0.5 (and, if given, that many bumps, and a
    loss under ``loss_below``: a flat S can sit on the right side of 0.5 without being in place)."""
    return lambda run: (run.loss < loss_below and run.misclassified <= at_most_wrong
                        and (bumps is None or run.bumps == bumps))


def at_point(target: tuple[float, ...], within: float, loss: float) -> Callable[[RunNumbers], bool]:
    """Stuck: within ``within`` of ``target`` with a loss within ``within`` of ``loss``."""
    return lambda run: run.distance_to(target) < within and abs(run.loss - loss) < within


def stalled(after: int, loss_above: float) -> Callable[[RunNumbers], bool]:
    """Still stuck: ``after`` updates made and the loss still above ``loss_above`` (a vanishing gradient)."""
    return lambda run: run.step >= after and run.loss > loss_above


def optimum_through(x: float, y: float, within: float) -> Callable[[RunNumbers], bool]:
    """The best line of these beans passes within ``within`` of the point (x, y), and the run stands
    within ``within`` of it (a challenge to move beans: the run must have got there, not passed by)."""
    def kept(run: RunNumbers) -> bool:
        lowest = run.lowest
        if lowest is None:
            return False
        at_x = float(run.model.predict(lowest, np.array([x], dtype=np.float64))[0])
        return abs(at_x - y) < within and run.distance_to(lowest) < within
    return kept


def below(level: float) -> Callable[[RunNumbers], bool]:
    """A loss under ``level``."""
    return lambda run: run.loss < level


# what a lesson file calls each kind of promise ([promise] test = "near_lowest", within = 0.05);
# finished_at_lowest takes no parameters, the others are the functions above that make the test
PROMISE_TESTS = {
    "near_lowest": near_lowest,
    "near": near,
    "finished_at_lowest": None,
    "classified": classified,
    "at_point": at_point,
    "stalled": stalled,
    "below": below,
    "optimum_through": optimum_through,
}


def promise_test(name: str, parameters: dict) -> Callable[[RunNumbers], bool]:
    """The test a lesson file's ``[promise]`` names, made with its parameters; ValueError saying
    which tests and parameters there are."""
    if name not in PROMISE_TESTS:
        raise ValueError(tr("unknown test {name}; the tests are {names}").format(
            name=repr(name), names=", ".join(PROMISE_TESTS)))
    make = PROMISE_TESTS[name]
    if make is None:
        if parameters:
            raise ValueError(tr("{name} takes no parameters").format(name=name))
        return finished_at_lowest
    accepted = inspect.signature(make).parameters
    required = [key for key, p in accepted.items() if p.default is inspect.Parameter.empty]
    unknown = [key for key in parameters if key not in accepted]
    missing = [key for key in required if key not in parameters]
    if unknown or missing:
        raise ValueError(tr("{name} takes {parameters}; {problem}").format(
            name=name, parameters=", ".join(accepted),
            problem=tr("unknown: {keys}").format(keys=", ".join(unknown)) if unknown
            else tr("missing: {keys}").format(keys=", ".join(missing))))
    for key, value in parameters.items():
        numbers = value if isinstance(value, tuple) else (value,)
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers):
            raise ValueError(tr("{name}: {key} must be a number, not {value}").format(
                name=name, key=key, value=repr(value)[:40]))
    return make(**parameters)
