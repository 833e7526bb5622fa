"""Every update explained in words, with the course's formula and its numbers filled in.

A teacher stops after an update and says what happened: which bean(s), the prediction and its
error, the slope of the cost (the formula as the course writes it), and the move it makes. The
numbers here are the trainer's own: the explanation recomputes nothing the update did not use.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .datasets import Beans
from .models import Model
from .optimizers import FixedStep, Optimizer
from .trainer import Snapshot

# The slope of one bean's squared error, as course.md writes it, per model and parameter.
SLOPE_FORMULAS = {
    ("wx", "w"): "2x²w − 2xy",
    ("wx+b", "w"): "2x²w + 2xb − 2xy",
    ("wx+b", "b"): "2b + 2xw − 2y",
}
PREDICTIONS = {"wx": "w·x", "wx+b": "w·x + b"}


@dataclass(frozen=True)
class Explanation:
    """The lines to show, and the numbers in them (named, for checking)."""

    lines: tuple[str, ...]
    numbers: dict[str, float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _bean_list(indices: tuple[int, ...]) -> str:
    if len(indices) == 1:
        return f"bean {indices[0]}"
    consecutive = indices == tuple(range(indices[0], indices[0] + len(indices)))
    span = f"{indices[0]}–{indices[-1]}" if consecutive else ", ".join(map(str, indices[:4])) + ", …"
    return f"beans {span} ({len(indices)} beans)"


def explain_update(snapshot: Snapshot, before: np.ndarray | None, beans: Beans, model: Model,
                   optimizer: Optimizer) -> Explanation:
    """What the update that led to ``snapshot`` did, from the parameters ``before`` it."""
    names = model.param_names
    after = np.asarray(snapshot.params)
    if snapshot.step == 0 or before is None or not snapshot.beans:
        values = ", ".join(f"{n} = {v:.4f}" for n, v in zip(names, after))
        return Explanation((f"The start: {values}; loss e = {snapshot.loss:.5f}.",
                            "Press → (Step) for the first update: one move downhill on the cost."),
                           {"loss": snapshot.loss})
    before = np.asarray(before, dtype=float)
    used = np.asarray(snapshot.beans)
    x, y = beans.x[used], beans.y[used]
    predictions = model.predict(before, x)
    errors = predictions - y
    gradient = np.asarray(snapshot.gradient, dtype=float)
    numbers = {"x": float(x[0]), "y": float(y[0]), "prediction": float(predictions[0]),
               "error": float(errors[0]), **{f"d{n}": float(g) for n, g in zip(names, gradient)},
               **{f"{n}_before": float(v) for n, v in zip(names, before)},
               **{f"{n}_after": float(v) for n, v in zip(names, after)}}

    if optimizer.name == "rosenblatt":
        return _explain_rosenblatt(snapshot, used, x, y, before, after, predictions, model, optimizer, numbers)
    if optimizer.name == "sweep":
        if snapshot.step <= len(optimizer.GRID):
            line = (f"Try {snapshot.step} of {len(optimizer.GRID)} (exhaustive search, 穷举法): w = {after[0]:.1f} "
                    f"gives cost e = mean((y − w·x)²) = {snapshot.loss:.5f} over all {len(used)} beans.")
            watch = "The ball walks along the cost curve: the lowest try so far is the best w this search can find."
            return Explanation((line, watch), numbers)
        return Explanation((f"Closed form: w* = Σxy / Σx² = {after[0]:.5f}, cost e = {snapshot.loss:.5f}.",
                            "No search needed: the bottom of the cost curve, worked out exactly."), numbers)

    lines = []
    if len(used) == 1:
        lines.append(f"Update {snapshot.step:,} · bean {used[0]}: x = {x[0]:.4f}, y = {y[0]:.4f}.")
        lines.append(f"Prediction ŷ = {PREDICTIONS[model.name]} = {predictions[0]:.4f};  "
                     f"error ŷ − y = {errors[0]:+.4f}.")
        mean = ""
    else:
        lines.append(f"Update {snapshot.step:,} · {_bean_list(tuple(int(i) for i in used))}: "
                     f"mean error ŷ − y = {errors.mean():+.4f}.")
        mean = "mean over the beans of "
    slopes = [f"∂e/∂{n} = {mean}{SLOPE_FORMULAS[(model.name, n)]} = {g:+.5f}" for n, g in zip(names, gradient)]
    lines.append(";   ".join(slopes) + ".")
    if isinstance(optimizer, FixedStep):
        moves = [f"∂e/∂{n} {'<' if g < 0 else '>' if g > 0 else '='} 0 → {n} "
                 f"{'up' if g < 0 else 'down' if g > 0 else 'stays'} by {optimizer.step:g}: {b:.5f} → {a:.5f}"
                 for n, g, b, a in zip(names, gradient, before, after)]
        lines.append("Fixed step, against the sign of the slope: " + ";  ".join(moves) + ".")
    else:
        lines += [f"Move against the slope: {n} ← {n} − α·∂e/∂{n} = {b:.5f} − {optimizer.lr:g}·({g:+.5f}) = {a:.5f}"
                  for n, g, b, a in zip(names, gradient, before, after)]
    return Explanation(tuple(lines), numbers)


def _explain_rosenblatt(snapshot, used, x, y, before, after, predictions, model, optimizer, numbers) -> Explanation:
    error = float(y[0] - predictions[0])
    numbers = {**numbers, "e": error}
    lines = [f"Update {snapshot.step:,} · bean {used[0]}: x = {x[0]:.4f}, y = {y[0]:.4f}.",
             f"Prediction ŷ = {PREDICTIONS[model.name]} = {predictions[0]:.4f};  error e = y − ŷ = {error:+.4f}."]
    inputs = {"w": ("·x", f"·({x[0]:.4f})"), "b": ("", "")}
    for name, b, a in zip(model.param_names, before, after):
        symbol, value = inputs[name]
        lines.append(f"Perceptron rule: {name} ← {name} + α·e{symbol} = {b:.5f} + {optimizer.lr:g}·({error:+.4f})"
                     f"{value} = {a:.5f}")
    return Explanation(tuple(lines), numbers)


def explain_next_update_in_stages(trainer) -> tuple[Explanation, Explanation]:
    """The coming update told in two stages before it is made: which bean(s), then the slope.

    (The third stage, the move, is the update itself, explained by :func:`explain_update`.)
    """
    model, optimizer = trainer.model, trainer.optimizer
    names = model.param_names
    update = trainer.step_count + 1
    used = trainer.beans_of_update(update)
    x, y = trainer.beans.x[used], trainer.beans.y[used]
    params = trainer.params
    predictions = model.predict(params, x)
    errors = predictions - y
    gradient = model.grad(params, x, y)
    numbers = {"x": float(x[0]), "y": float(y[0]), "prediction": float(predictions[0]),
               **{f"d{n}": float(g) for n, g in zip(names, gradient)}}
    if len(used) == 1:
        prediction = f"The line predicts ŷ = {PREDICTIONS[model.name]} = {predictions[0]:.4f}; error ŷ − y = {errors[0]:+.4f}."
        pick = (f"Stage 1 of 3 · update {update:,}: pick bean {used[0]}: x = {x[0]:.4f}, y = {y[0]:.4f}.",
                prediction)
        mean = ""
    else:
        pick = (f"Stage 1 of 3 · update {update:,}: take {_bean_list(tuple(int(i) for i in used))}.",
                f"Their mean error ŷ − y = {errors.mean():+.4f}.")
        mean = "mean over the beans of "
    if optimizer.name == "sweep":
        slope = ("Stage 2 of 3: no slope in an exhaustive search; the next try is the next w on the list.",)
    elif optimizer.name == "rosenblatt":
        error = float(-errors[0])
        slope = (f"Stage 2 of 3 · update {update:,}: no slope needed: the error e = y − ŷ = {error:+.4f} says which way.",
                 (f"e {'>' if error > 0 else '<' if error < 0 else '='} 0 → w goes "
                  f"{'up' if error * x[0] > 0 else 'down' if error * x[0] < 0 else 'nowhere'}, by α·e·x."))
    else:
        if len(used) == trainer.beans.x.shape[0]:
            whose = "the slope of the cost over all the beans (the green tangent)"
        elif len(used) == 1:
            whose = "the slope of this bean's squared error (the green tangent is the whole cost's)"
        else:
            whose = "the mean slope over these beans (the green tangent is the whole cost's)"
        heading = f"Stage 2 of 3 · update {update:,}: {whose}:"
        slope = (heading,
                 *(f"∂e/∂{n} = {mean}{SLOPE_FORMULAS[(model.name, n)]} = {g:+.5f}"
                   + (f"  → {n} goes up" if g < 0 else f"  → {n} goes down" if g > 0 else f"  → {n} stays")
                   for n, g in zip(names, gradient)))
    return Explanation(pick, numbers), Explanation(slope, numbers)
