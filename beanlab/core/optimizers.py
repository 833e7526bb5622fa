"""How an update moves the parameters, and how many beans each update looks at.

An optimizer says how many beans one update uses (``beans_per_update``) and turns the mean gradient
of those beans into a move (``move``). Optimizers with memory (momentum, Adam) keep it here and
clear it in ``reset``. ``lr`` and ``step`` may be changed between updates and apply at once.

Each class also describes itself (label, convention, the settings it uses, how its move is told)
and is added to ``beanlab.core.OPTIMIZERS`` with one ``OPTIMIZERS.register``.
"""
from __future__ import annotations

import math

import numpy as np

from ..i18n import N_, tr
from .message import Joined, plain, say
from .numbers import DIGITS, same_on_screen


class PositiveSetting:
    """A setting that must be a positive finite number (the learning rate, the step size): a wrong
    value raises ValueError naming the setting, and the old value stays."""

    def __init__(self, name: str) -> None:
        self.name = name   # marked for translation

    def __set_name__(self, owner, attribute: str) -> None:
        self.attribute = "_" + attribute

    def __get__(self, optimizer, owner=None):
        return self if optimizer is None else getattr(optimizer, self.attribute)

    def __set__(self, optimizer, value: float) -> None:
        value = float(value)
        if not math.isfinite(value) or value <= 0:
            raise ValueError(tr("the {name} must be a positive number, not {value}").format(
                name=tr(self.name), value=repr(value)))
        setattr(optimizer, self.attribute, value)


def moves_made(names, before, after) -> Joined:
    """Each parameter from where it was to where it went: "w11 0.6370 → 0.6369;   b11 …"."""
    return Joined(tuple(Joined((plain("{name} {before:.4f} → {after:.4f}", name=n, before=b, after=a),
                                unseen_move(b, a)), separator="")
                        for n, b, a in zip(names, before, after)))


def unseen_move(before: float, after: float):
    """" (no visible change at 4 digits)" after a move too small to show, else nothing: "w 22.45 → 22.45"
    alone would look like a stuck run."""
    if before != after and same_on_screen(before, after):
        return say(N_(" (no visible change at {digits} digits)"), digits=DIGITS)
    return plain("")


class Optimizer:
    """Base class: plain gradient descent, ``params -= lr · gradient``."""

    name = ""
    label = ""              # in the optimizer menu, marked for translation
    convention = ""         # its rule in one sentence, with its reference (tooltip, --help, README)
    uses_step = False       # the settings it reads besides the learning rate: the step size instead, the batch size
    uses_batch_size = False
    can_race = True         # a descent the race can time (not lesson 1's rule or lesson 2's search)
    uses_lr = True          # reads a learning rate (not lesson 2's search, nor the fixed step): the panels show it
    uses_slope = True       # moves by a slope (not lesson 1's rule nor lesson 2's search): the readouts show it
    #: what the window says when the run reaches its epoch limit (marked for translation), and whether
    #: that is the end it was meant to reach (a search that has tried everything) or just where it stopped
    finished = N_("Reached the epoch limit ({epochs}). Raise it to go on, or press Reset (R).")
    #: said instead, when the run has done all it is made to do (a search that has tried everything)
    done = ""

    @classmethod
    def done_after(cls, updates: int) -> bool:
        """Whether ``updates`` updates are all this optimizer is made to do (a descent is never done)."""
        return False
    #: the start's hint of what the first press of Step does, marked for translation
    first_step = N_("Press → (Step) for the first update: one move downhill on the cost.")
    #: True when each update uses one bean and moves by −lr·gradient, so a model's fast
    #: ``sgd_path`` can run many updates in one call with exactly the same floats.
    per_sample_descent = False
    #: True when a move depends on the moves before (momentum, Adam …): see adaptive.py
    stateful = False
    tries = False    # each update is a try of its own, not a move (the speed control counts tries)

    lr = PositiveSetting(N_("learning rate"))   # α

    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr

    @classmethod
    def from_settings(cls, lr: float = 0.01, step: float = 0.01, batch_size: int = 10) -> Optimizer:
        """The optimizer for a run's settings; those it does not use are ignored."""
        return cls(lr)

    @property
    def called(self) -> str:
        """Its name in a sentence (marked for translation)."""
        return self.label or self.name

    def beans_per_update(self, n_beans: int) -> int:
        raise NotImplementedError

    def next_params(self, model, params: np.ndarray, gradient: np.ndarray, x: np.ndarray, y: np.ndarray,
                    update: int) -> np.ndarray:
        """The parameters after update number ``update``, which uses the beans ``x, y``."""
        if self.per_sample_descent:   # one bean: the model's own loop, the floats a run makes many at a time
            return self.per_sample_path(model, params, x, y)[-1]
        return params + self.move(gradient)

    def per_sample_path(self, model, params: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """For ``per_sample_descent`` optimizers: the parameters after each of these one-bean updates."""
        return model.sgd_path(params, xs, ys, self.lr)

    def move(self, gradient: np.ndarray) -> np.ndarray:
        """How far to move the parameters, given the mean gradient of this update's beans."""
        return -self.lr * gradient

    def reset(self) -> None:
        """Forget any memory of earlier updates (none for plain descent)."""

    def describe(self) -> str:
        return f"{self.name}, learning rate {self.lr:g}"

    # -- told in the explanation (explain.py) ---------------------------------------------------
    def tell(self, update) -> tuple | None:
        """The whole explanation of ``update`` (explain.UpdateSeen) when this optimizer tells it
        its own way; None: the model's sentences and :meth:`tell_move`."""
        return None

    def tell_slope_stage(self, stage) -> tuple | None:
        """Stage 2 of the coming update, when this optimizer needs no slope; None: the slopes."""
        return None

    def slope_moved_by(self, gradient: np.ndarray) -> np.ndarray:
        """The slope the last update moved by, given the slope where it started (the same, but for Nesterov)."""
        return gradient

    def slope_to_move_by(self, model, params: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The slope the coming update from ``params`` on the beans ``x, y`` will move by."""
        return model.grad(params, x, y)

    def tell_move(self, names, gradient, before, after, cost: str, detailed: bool) -> list:
        """The move, a line per parameter with the formula (``detailed``) or all in one line."""
        if not detailed:
            return [say(N_("Move against the slope, α = {lr:g}: {moves}."), lr=self.lr,
                        moves=moves_made(names, before, after))]
        return [Joined((say(N_("Move against the slope: {name} ← {name} − α·∂{cost}/∂{name} = {before:.5f} − {lr:g}·"
                                "({slope:+.5f}) = {after:.5f}"), name=n, cost=cost, before=b, lr=self.lr, slope=g,
                            after=a), unseen_move(b, a)), separator="")
                for n, g, b, a in zip(names, gradient, before, after)]


class SGD(Optimizer):
    """Per-sample stochastic gradient descent: one bean per update."""

    name = "sgd"
    label = N_("per-sample SGD")
    convention = N_("θ ← θ − α·g, with g the slope of one bean's squared error (no ½), bean after bean "
                    "(the course, lesson 3).")
    per_sample_descent = True

    def beans_per_update(self, n_beans):
        return 1


class Rosenblatt(Optimizer):
    """Lesson 1's perceptron rule, one bean at a time: e = y − ŷ, then w ← w + α·e·x (and b ← b + α·e).

    No cost and no slope: the error itself says which way to go. (It is per-sample descent on half
    the squared error, so it moves like SGD with half the learning rate.)
    """

    name = "rosenblatt"
    label = N_("perceptron rule (lesson 1)")
    convention = N_("e = y − ŷ;  w ← w + α·e·x and b ← b + α·e, bean after bean (Rosenblatt's perceptron "
                    "rule, the course, lesson 1).")
    can_race = False
    uses_slope = False
    per_sample_descent = True
    first_step = N_("Press → (Step) for the first update: one bean nudges w by the perceptron rule.")

    def beans_per_update(self, n_beans):
        return 1

    def per_sample_path(self, model, params, xs, ys):
        return model.rosenblatt_path(params, xs, ys, self.lr)

    def tell(self, update):
        x, error = update.x[0], float(update.y[0] - update.predictions[0])
        lines = [update.bean_line(),
                 say(N_("Prediction ŷ = {formula} = {prediction:.4f};  error e = y − ŷ = {error:+.4f}."),
                     formula=update.model.prediction, prediction=update.predictions[0], error=error)]
        for name, b, a in zip(update.model.param_names, update.before, update.after):
            symbol, value = ("", "") if name == "b" else ("·x", f"·({x:.4f})")   # b's input is 1
            rule = plain("{name} ← {name} + α·e{symbol} = {before:.5f} + {lr:g}·({error:+.4f}){value} = {after:.5f}",
                         name=name, symbol=symbol, before=b, lr=self.lr, error=error, value=value, after=a)
            lines.append(say(N_("Perceptron rule: {rule}"), rule=rule))
        return tuple(lines), {"e": error}

    def tell_slope_stage(self, stage):
        error = float(stage.y[0] - stage.predictions[0])
        sign = ">" if error > 0 else "<" if error < 0 else "="
        return (say(N_("Stage 2 of 3 · update {update:,}: no slope needed: the error e = y − ŷ = {error:+.4f} says "
                       "which way."), update=stage.step, error=error),
                say(N_("e {sign} 0 → w goes {direction}, by α·e·x."), sign=sign,
                    direction=direction(error * stage.x[0])))


class Sweep(Optimizer):
    """Lesson 2's exhaustive search (穷举法): try w = 0, 0.1, …, 2.9 in turn, then jump to the
    closed-form minimum w* = Σxy / Σx². Not descent at all: it shows the cost curve point by point."""

    name = "sweep"
    label = N_("try every w (lesson 2)")
    convention = N_("w = 0, 0.1, …, 2.9 in turn, the course's np.arange(0, 3, 0.1) to the last bit, each judged on "
                    "all the beans; then the closed form w* = Σxy / Σx² (the course, lesson 2).")
    can_race = False
    uses_lr = False         # a search: each try is the next w on the list, whatever the learning rate
    uses_slope = False
    first_step = N_("Press → (Step) for the first try: w = 0, and its cost over all the beans.")
    done = N_("Done: the lowest try and the exact bottom, w* = Σxy / Σx², found by trying every w.")
    tries = True
    GRID = tuple(np.arange(0, 3, 0.1).tolist())   # the course's own grid, unrounded: 0.30000000000000004 …

    def beans_per_update(self, n_beans):
        return n_beans   # every try is judged on all the beans

    def next_params(self, model, params, gradient, x, y, update):
        if update <= len(self.GRID):
            return np.array([self.GRID[update - 1], *params[1:]])
        best = model.optimum(x, y)
        return params.copy() if best is None else best

    def describe(self):
        return f"{self.name} of w over 0 … 2.9, then the closed form"

    @classmethod
    def done_after(cls, updates):
        return updates > len(cls.GRID)   # every try, then the bottom

    def tell(self, update):
        w = update.after[0]
        if update.step <= len(self.GRID):
            return (say(N_("Try {number} of {tries} (exhaustive search): w = {w:.1f} gives cost "
                           "E = (1/n)·Σ(y − w·x)² = {loss:.5f} over all {count} beans."),
                        number=update.step, tries=len(self.GRID), w=w, loss=update.loss, count=len(update.beans)),
                    say(N_("The ball walks along the cost curve: the lowest try so far is the best w this search "
                           "can find."))), {}
        return (say(N_("Closed form: w* = Σxy / Σx² = {w:.5f}, cost E = {loss:.5f}."), w=w, loss=update.loss),
                say(N_("No search needed: the bottom of the cost curve, worked out exactly."))), {}

    def tell_slope_stage(self, stage):
        return (say(N_("Stage 2 of 3: no slope in an exhaustive search; the next try is the next w on the list.")),)


class MiniBatch(Optimizer):
    """Mini-batch descent: consecutive chunks of ``batch_size`` beans; the last chunk may be smaller."""

    name = "minibatch"
    label = N_("mini-batch")
    convention = N_("θ ← θ − α·g, with g the mean slope over a batch of beans taken in turn; an epoch's last "
                    "batch may be smaller (as the textbook d2l's data_iter).")
    uses_batch_size = True

    def __init__(self, lr: float = 0.01, batch_size: int = 10) -> None:
        super().__init__(lr)
        if isinstance(batch_size, bool) or int(batch_size) != batch_size or batch_size < 1:
            raise ValueError(tr("the batch size must be a whole number >= 1, not {value}").format(value=repr(batch_size)))
        self.batch_size = int(batch_size)

    @classmethod
    def from_settings(cls, lr=0.01, step=0.01, batch_size=10):
        return cls(lr, batch_size)

    def beans_per_update(self, n_beans):
        return min(self.batch_size, n_beans)

    def describe(self):
        return f"{super().describe()}, batch size {self.batch_size}"


class Batch(Optimizer):
    """Full-batch gradient descent: one update per epoch with the mean slope over all beans."""

    name = "batch"
    label = N_("full batch")
    convention = N_("θ ← θ − α·g, with g the mean slope over all the beans: one update an epoch (the course, "
                    "lesson 3).")

    def beans_per_update(self, n_beans):
        return n_beans


class FixedStep(Optimizer):
    """Fixed-step descent: move each parameter by ``step`` against the sign of its full-batch slope."""

    name = "fixed-step"
    label = N_("fixed step")
    convention = N_("θ ← θ − step·sign(g), with g the mean slope over all the beans: the same distance whatever "
                    "the slope's size; a flat slope stays (the course, lesson 3).")
    uses_step = True
    uses_lr = False
    step = PositiveSetting(N_("step size"))

    def __init__(self, step: float = 0.01) -> None:
        super().__init__(1.0)  # unused: the step size alone sets how far a move goes
        self.step = step

    @classmethod
    def from_settings(cls, lr=0.01, step=0.01, batch_size=10):
        return cls(step)

    def beans_per_update(self, n_beans):
        return n_beans

    def move(self, gradient):
        # np.sign(0) is 0: a parameter whose slope is exactly flat stays where it is.
        return -self.step * np.sign(gradient)

    def describe(self):
        return f"{self.name}, step {self.step:g}"

    def tell_move(self, names, gradient, before, after, cost, detailed):
        moves = Joined(tuple(
            say(N_("∂{cost}/∂{name} {sign} 0 → {name} {direction} by {step:g}: {before:.5f} → {after:.5f}"),
                cost=cost, name=n, sign="<" if g < 0 else ">" if g > 0 else "=", direction=direction(-g), step=self.step,
                before=b, after=a)
            for n, g, b, a in zip(names, gradient, before, after)))
        return [Joined((say(N_("Fixed step, against the sign of the slope: ")), say(N_("{moves}."), moves=moves)),
                       separator="")]


def direction(sign: float):
    """Up, down or nowhere, as a parameter goes for a move of this sign."""
    return say(N_("up") if sign > 0 else N_("down") if sign < 0 else N_("nowhere"))
