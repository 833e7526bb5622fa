"""How an update moves the parameters, and how many beans each update looks at.

An optimizer says how many beans one update uses (``beans_per_update``) and turns the mean gradient
of those beans into a move (``move``). Optimizers with memory (momentum, Adam) keep it here and
clear it in ``reset``. ``lr`` and ``step`` may be changed between updates and apply at once.
"""
from __future__ import annotations

import math

import numpy as np

from ..i18n import N_, tr


def _check_positive(name: str, value: float) -> float:
    value = float(value)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(tr("the {name} must be a positive number, not {value}").format(name=tr(name), value=repr(value)))
    return value


class Optimizer:
    """Base class: plain gradient descent, ``params -= lr · gradient``."""

    name = ""
    #: True when each update uses one bean and moves by −lr·gradient, so a model's fast
    #: ``sgd_path`` can run many updates in one call with exactly the same floats.
    per_sample_descent = False
    #: True when a move depends on the moves before (momentum, Adam …): see adaptive.py
    stateful = False

    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr

    @property
    def lr(self) -> float:
        """The learning rate α."""
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        self._lr = _check_positive(N_("learning rate"), value)

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


class SGD(Optimizer):
    """Per-sample stochastic gradient descent: one bean per update."""

    name = "sgd"
    per_sample_descent = True

    def beans_per_update(self, n_beans):
        return 1


class Rosenblatt(Optimizer):
    """Lesson 1's perceptron rule, one bean at a time: e = y − ŷ, then w ← w + α·e·x (and b ← b + α·e).

    No cost and no slope: the error itself says which way to go. (It is per-sample descent on half
    the squared error, so it moves like SGD with half the learning rate.)
    """

    name = "rosenblatt"
    per_sample_descent = True

    def beans_per_update(self, n_beans):
        return 1

    def per_sample_path(self, model, params, xs, ys):
        return model.rosenblatt_path(params, xs, ys, self.lr)


class Sweep(Optimizer):
    """Lesson 2's exhaustive search (穷举法): try w = 0, 0.1, …, 2.9 in turn, then jump to the
    closed-form minimum w* = Σxy / Σx². Not descent at all: it shows the cost curve point by point."""

    name = "sweep"
    GRID = tuple(round(0.1 * i, 1) for i in range(30))   # the course's np.arange(0, 3, 0.1)

    def beans_per_update(self, n_beans):
        return n_beans   # every try is judged on all the beans

    def next_params(self, model, params, gradient, x, y, update):
        if update <= len(self.GRID):
            return np.array([self.GRID[update - 1], *params[1:]])
        best = model.optimum(x, y)
        return params.copy() if best is None else best

    def describe(self):
        return f"{self.name} of w over 0 … 2.9, then the closed form"


class MiniBatch(Optimizer):
    """Mini-batch descent: consecutive chunks of ``batch_size`` beans; the last chunk may be smaller."""

    name = "minibatch"

    def __init__(self, lr: float = 0.01, batch_size: int = 10) -> None:
        super().__init__(lr)
        if isinstance(batch_size, bool) or int(batch_size) != batch_size or batch_size < 1:
            raise ValueError(tr("the batch size must be a whole number >= 1, not {value}").format(value=repr(batch_size)))
        self.batch_size = int(batch_size)

    def beans_per_update(self, n_beans):
        return min(self.batch_size, n_beans)

    def describe(self):
        return f"{super().describe()}, batch size {self.batch_size}"


class Batch(Optimizer):
    """Full-batch gradient descent: one update per epoch with the mean slope over all beans."""

    name = "batch"

    def beans_per_update(self, n_beans):
        return n_beans


class FixedStep(Optimizer):
    """Fixed-step descent: move each parameter by ``step`` against the sign of its full-batch slope."""

    name = "fixed-step"

    def __init__(self, step: float = 0.01) -> None:
        super().__init__(1.0)  # unused: the step size alone sets how far a move goes
        self.step = step

    @property
    def step(self) -> float:
        return self._step

    @step.setter
    def step(self, value: float) -> None:
        self._step = _check_positive(N_("step size"), value)

    def beans_per_update(self, n_beans):
        return n_beans

    def move(self, gradient):
        # np.sign(0) is 0: a parameter whose slope is exactly flat stays where it is.
        return -self.step * np.sign(gradient)

    def describe(self):
        return f"{self.name}, step {self.step:g}"


OPTIMIZERS = ("sgd", "minibatch", "batch", "fixed-step", "rosenblatt", "sweep",
              "momentum", "nesterov", "adagrad", "rmsprop", "adam")


def make_optimizer(name: str, lr: float = 0.01, step: float = 0.01, batch_size: int = 10) -> Optimizer:
    """The optimizer called ``name`` with its settings; settings it does not use are ignored."""
    if name == "sgd":
        return SGD(lr)
    if name == "minibatch":
        return MiniBatch(lr, batch_size)
    if name == "batch":
        return Batch(lr)
    if name == "fixed-step":
        return FixedStep(step)
    if name == "rosenblatt":
        return Rosenblatt(lr)
    if name == "sweep":
        return Sweep(lr)
    from .adaptive import STATEFUL  # (adaptive builds on this module's MiniBatch)

    if name in STATEFUL:
        return STATEFUL[name](lr, batch_size)
    raise ValueError(f"unknown optimizer {name!r}; choose one of: {', '.join(OPTIMIZERS)}")
