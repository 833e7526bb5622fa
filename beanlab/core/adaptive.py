"""Optimizers with a memory: momentum, Nesterov, AdaGrad, RMSProp and Adam.

Each moves on mini-batches of ``batch_size`` beans (as Keras does in lesson 8; a batch size of 1
is per-sample, of the number of beans full-batch), with the hyper-parameters these methods usually
come with. Their memory (velocity, running squares) lives in the optimizer: ``reset()`` forgets it,
and the trainer rebuilds it when it steps back, from a ``memory()`` it kept and the recorded updates since.
"""
from __future__ import annotations

import numpy as np

from ..i18n import N_
from .message import say
from .optimizers import MiniBatch, moves_made


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

    def tell_move(self, names, gradient, before, after, cost, detailed):
        # not −α·slope: the optimizer's own rule, from its memory
        return [say(N_("{optimizer} moves each parameter by its own rule: {moves}."), optimizer=say(self.called),
                    moves=moves_made(names, before, after))]


class Momentum(StatefulOptimizer):
    """v ← β·v − α·g;  θ ← θ + v  (heavy ball, β = 0.9)."""

    name = "momentum"
    label = N_("momentum")
    convention = N_("v ← β·v − α·g;  θ ← θ + v, with β = 0.9 and v starting at 0 (heavy ball, as in Sutskever et al. "
                    "2013 and Keras's SGD(momentum)).")
    called = N_("Momentum")
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
    label = N_("Nesterov")
    convention = N_("g taken at the look-ahead point θ + β·v;  v ← β·v − α·g;  θ ← θ + v, with β = 0.9 and v "
                    "starting at 0 (Sutskever et al. 2013).")
    beta = 0.9
    memory_names = ("velocity", "slope")   # slope: the look-ahead slope the last update moved by

    def reset(self):
        super().reset()
        self.velocity = 0.0
        self.slope = 0.0

    def restore_memory(self, memory):
        # sessions saved before the look-ahead slope was remembered lack it; only the explanation reads it
        super().restore_memory({"slope": 0.0, **memory})

    def next_params(self, model, params, gradient, x, y, update):
        self.count += 1
        self.slope = self.slope_to_move_by(model, params, x, y)
        self.velocity = self.beta * self.velocity - self.lr * self.slope
        return params + self.velocity

    def slope_to_move_by(self, model, params, x, y):
        return model.grad(params + self.beta * self.velocity, x, y)

    def slope_moved_by(self, gradient):
        return np.asarray(self.slope, dtype=float) if self.count else gradient


class AdaGrad(StatefulOptimizer):
    """s ← s + g²;  θ ← θ − α·g / (√s + ε): each parameter slows down by how far it has come."""

    name = "adagrad"
    label = N_("AdaGrad")
    convention = N_("s ← s + g²;  θ ← θ − α·g / (√s + ε), with s starting at 0 and ε = 1e-8 outside the root "
                    "(Duchi et al. 2011, as PyTorch's Adagrad; Keras and optax start s at 0.1).")
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
    label = N_("RMSProp")
    convention = N_("s ← ρ·s + (1 − ρ)·g²;  θ ← θ − α·g / (√s + ε), with ρ = 0.9, s starting at 0 and ε = 1e-8 "
                    "outside the root (Hinton's lecture 6e, as PyTorch's RMSprop).")
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
    label = N_("Adam")
    convention = N_("m ← β1·m + (1 − β1)·g;  s ← β2·s + (1 − β2)·g²;  θ ← θ − α·m̂ / (√ŝ + ε), with the bias "
                    "corrections m̂ = m / (1 − β1ᵗ), ŝ = s / (1 − β2ᵗ), β1 = 0.9, β2 = 0.999, ε = 1e-8 "
                    "(Kingma and Ba 2015, Algorithm 1).")
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

