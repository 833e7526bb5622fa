"""Optimizers with a memory: momentum, Nesterov, AdaGrad, RMSProp and Adam.

Each moves on mini-batches of ``batch_size`` beans (as Keras does in lesson 8; a batch size of 1
is per-sample, of the number of beans full-batch), with the hyper-parameters these methods usually
come with. Their memory (velocity, running squares) lives in the optimizer: ``reset()`` forgets it,
and the trainer rebuilds it when it steps back, from a ``memory()`` it kept and the recorded updates since.
"""
from __future__ import annotations

import numpy as np

from .optimizers import MiniBatch


class StatefulOptimizer(MiniBatch):
    """Base class: a mini-batch optimizer whose move depends on the updates before."""

    stateful = True

    def __init__(self, lr: float = 0.01, batch_size: int = 10) -> None:
        super().__init__(lr, batch_size)
        self.reset()

    memory_names: tuple[str, ...] = ()   # what reset() sets besides the count

    def reset(self) -> None:
        self.count = 0   # updates made since the start

    def memory(self) -> dict:
        """A copy of what the optimizer remembers, to restore later (see the trainer's stepping back)."""
        return {name: np.array(getattr(self, name)) for name in ("count", *self.memory_names)}

    def restore_memory(self, memory: dict) -> None:
        for name in ("count", *self.memory_names):
            value = np.array(memory[name], dtype=np.float64)
            setattr(self, name, int(value) if name == "count" else value if value.ndim else float(value))

    def next_params(self, model, params, gradient, x, y, update):
        self.count += 1
        return params + self.move(gradient)


class Momentum(StatefulOptimizer):
    """v ← β·v − α·g;  θ ← θ + v  (heavy ball, β = 0.9)."""

    name = "momentum"
    beta = 0.9
    memory_names = ("velocity",)

    def reset(self):
        super().reset()
        self.velocity = 0.0

    def move(self, gradient):
        self.velocity = self.beta * self.velocity - self.lr * gradient
        return self.velocity


class Nesterov(StatefulOptimizer):
    """Momentum with the slope taken where the velocity is about to carry the parameters:
    g = ∇e(θ + β·v);  v ← β·v − α·g;  θ ← θ + v."""

    name = "nesterov"
    beta = 0.9
    memory_names = ("velocity",)

    def reset(self):
        super().reset()
        self.velocity = 0.0

    def next_params(self, model, params, gradient, x, y, update):
        self.count += 1
        ahead = model.grad(params + self.beta * self.velocity, x, y)
        self.velocity = self.beta * self.velocity - self.lr * ahead
        return params + self.velocity


class AdaGrad(StatefulOptimizer):
    """s ← s + g²;  θ ← θ − α·g / (√s + ε): each parameter slows down by how far it has come."""

    name = "adagrad"
    epsilon = 1e-8
    memory_names = ("squares",)

    def reset(self):
        super().reset()
        self.squares = 0.0

    def move(self, gradient):
        self.squares = self.squares + gradient * gradient
        return -self.lr * gradient / (np.sqrt(self.squares) + self.epsilon)


class RMSProp(StatefulOptimizer):
    """s ← ρ·s + (1 − ρ)·g²;  θ ← θ − α·g / (√s + ε)  (ρ = 0.9): AdaGrad that forgets."""

    name = "rmsprop"
    rho, epsilon = 0.9, 1e-8
    memory_names = ("squares",)

    def reset(self):
        super().reset()
        self.squares = 0.0

    def move(self, gradient):
        self.squares = self.rho * self.squares + (1 - self.rho) * gradient * gradient
        return -self.lr * gradient / (np.sqrt(self.squares) + self.epsilon)


class Adam(StatefulOptimizer):
    """m ← β1·m + (1 − β1)·g;  s ← β2·s + (1 − β2)·g²;  θ ← θ − α·m̂ / (√ŝ + ε), with m̂, ŝ corrected
    for starting at zero (β1 = 0.9, β2 = 0.999, ε = 1e-8)."""

    name = "adam"
    beta1, beta2, epsilon = 0.9, 0.999, 1e-8
    memory_names = ("mean", "squares")

    def reset(self):
        super().reset()
        self.mean = self.squares = 0.0

    def next_params(self, model, params, gradient, x, y, update):
        self.count += 1
        self.mean = self.beta1 * self.mean + (1 - self.beta1) * gradient
        self.squares = self.beta2 * self.squares + (1 - self.beta2) * gradient * gradient
        mean_hat = self.mean / (1 - self.beta1 ** self.count)
        squares_hat = self.squares / (1 - self.beta2 ** self.count)
        return params - self.lr * mean_hat / (np.sqrt(squares_hat) + self.epsilon)


STATEFUL = {cls.name: cls for cls in (Momentum, Nesterov, AdaGrad, RMSProp, Adam)}
