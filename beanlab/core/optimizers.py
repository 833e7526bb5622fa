"""How an update moves the parameters, and how many beans each update looks at.

An optimizer says how many beans one update uses (``beans_per_update``) and turns the mean gradient
of those beans into a move (``move``). Optimizers with memory (momentum, Adam) keep it here and
clear it in ``reset``. ``lr`` and ``step`` may be changed between updates and apply at once.
"""
from __future__ import annotations

import math

import numpy as np


def _check_positive(name: str, value: float) -> float:
    value = float(value)
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"the {name} must be a positive number, not {value!r}")
    return value


class Optimizer:
    """Base class: plain gradient descent, ``params -= lr · gradient``."""

    name = ""
    #: True when each update uses one bean and moves by −lr·gradient, so a model's fast
    #: ``sgd_path`` can run many updates in one call with exactly the same floats.
    per_sample_descent = False

    def __init__(self, lr: float = 0.01) -> None:
        self.lr = lr

    @property
    def lr(self) -> float:
        """The learning rate α."""
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        self._lr = _check_positive("learning rate", value)

    def beans_per_update(self, n_beans: int) -> int:
        raise NotImplementedError

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


class MiniBatch(Optimizer):
    """Mini-batch descent: consecutive chunks of ``batch_size`` beans; the last chunk may be smaller."""

    name = "minibatch"

    def __init__(self, lr: float = 0.01, batch_size: int = 10) -> None:
        super().__init__(lr)
        if isinstance(batch_size, bool) or int(batch_size) != batch_size or batch_size < 1:
            raise ValueError(f"the batch size must be a whole number >= 1, not {batch_size!r}")
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
        self._step = _check_positive("step size", value)

    def beans_per_update(self, n_beans):
        return n_beans

    def move(self, gradient):
        # np.sign(0) is 0: a parameter whose slope is exactly flat stays where it is.
        return -self.step * np.sign(gradient)

    def describe(self):
        return f"{self.name}, step {self.step:g}"


OPTIMIZERS = ("sgd", "minibatch", "batch", "fixed-step")


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
    raise ValueError(f"unknown optimizer {name!r}; choose one of: {', '.join(OPTIMIZERS)}")
