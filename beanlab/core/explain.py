"""Every update explained in words, with the course's formula and its numbers filled in.

A teacher stops after an update and says what happened: which bean(s), the prediction and its
error, the slope of the cost (the formula as the course writes it), and the move it makes. The
numbers here are the trainer's own: the explanation recomputes nothing the update did not use.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..i18n import N_, tr
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
        return tr("bean {index}").format(index=indices[0])
    consecutive = indices == tuple(range(indices[0], indices[0] + len(indices)))
    span = f"{indices[0]}–{indices[-1]}" if consecutive else ", ".join(map(str, indices[:4])) + ", …"
    return tr("beans {span} ({count} beans)").format(span=span, count=len(indices))


def _direction(sign: float) -> str:
    return tr("up") if sign > 0 else tr("down") if sign < 0 else tr("nowhere")


def explain_update(snapshot: Snapshot, before: np.ndarray | None, beans: Beans, model: Model,
                   optimizer: Optimizer) -> Explanation:
    """What the update that led to ``snapshot`` did, from the parameters ``before`` it."""
    names = model.param_names
    after = np.asarray(snapshot.params)
    if snapshot.step == 0 or before is None or not snapshot.beans:
        values = ", ".join(f"{n} = {v:.4f}" for n, v in zip(names, after))
        return Explanation((tr("The start: {values}; loss e = {loss:.5f}.").format(values=values, loss=snapshot.loss),
                            tr("Press → (Step) for the first update: one move downhill on the cost.")),
                           {"loss": snapshot.loss})
    before = np.asarray(before, dtype=float)
    if getattr(model, "is_landscape", False):
        return _explain_landscape(snapshot, before, after, model, optimizer)
    used = np.asarray(snapshot.beans)
    x, y = beans.x[used], beans.y[used]
    predictions = model.predict(before, x)
    errors = predictions - y
    gradient = np.asarray(snapshot.gradient, dtype=float)
    numbers = {"x": float(np.ravel(x[0])[0]), "y": float(y[0]), "prediction": float(predictions[0]),
               "error": float(errors[0]), **{f"d{n}": float(g) for n, g in zip(names, gradient)},
               **{f"{n}_before": float(v) for n, v in zip(names, before)},
               **{f"{n}_after": float(v) for n, v in zip(names, after)}}

    if optimizer.name == "rosenblatt":
        return _explain_rosenblatt(snapshot, used, x, y, before, after, predictions, model, optimizer, numbers)
    if model.name not in PREDICTIONS:
        return _explain_neuron(snapshot, used, x, y, before, after, predictions, gradient, model, optimizer, numbers)
    if optimizer.name == "sweep":
        if snapshot.step <= len(optimizer.GRID):
            line = tr("Try {number} of {tries} (exhaustive search): w = {w:.1f} gives cost "
                      "e = (1/n)·Σ(y − w·x)² = {loss:.5f} over all {count} beans.").format(
                number=snapshot.step, tries=len(optimizer.GRID), w=after[0], loss=snapshot.loss, count=len(used))
            watch = tr("The ball walks along the cost curve: the lowest try so far is the best w this search can find.")
            return Explanation((line, watch), numbers)
        return Explanation((tr("Closed form: w* = Σxy / Σx² = {w:.5f}, cost e = {loss:.5f}.").format(
                                w=after[0], loss=snapshot.loss),
                            tr("No search needed: the bottom of the cost curve, worked out exactly.")), numbers)

    lines = []
    if len(used) == 1:
        lines.append(_one_bean(snapshot.step, used[0], x[0], y[0]))
        lines.append(tr("Prediction ŷ = {formula} = {prediction:.4f};  error ŷ − y = {error:+.4f}.").format(
            formula=PREDICTIONS[model.name], prediction=predictions[0], error=errors[0]))
    else:
        lines.append(tr("Update {update:,} · {beans}: mean error ŷ − y = {error:+.4f}.").format(
            update=snapshot.step, beans=_bean_list(tuple(int(i) for i in used)), error=errors.mean()))
    slopes = [_slope(model.name, n, g, several=len(used) > 1) for n, g in zip(names, gradient)]
    lines.append(tr("{slopes}.").format(slopes=tr(";   ").join(slopes)))
    if isinstance(optimizer, FixedStep):
        moves = [tr("∂e/∂{name} {sign} 0 → {name} {direction} by {step:g}: {before:.5f} → {after:.5f}").format(
                     name=n, sign='<' if g < 0 else '>' if g > 0 else '=', direction=_direction(-g),
                     step=optimizer.step, before=b, after=a)
                 for n, g, b, a in zip(names, gradient, before, after)]
        lines.append(tr("Fixed step, against the sign of the slope: ") + tr("{moves}.").format(moves=tr(";   ").join(moves)))
    elif optimizer.stateful:
        lines.append(_move_with_memory(optimizer, names, before, after))
    else:
        lines += _moves_against_slope(names, gradient, before, after, optimizer.lr, "e")
    return Explanation(tuple(lines), numbers)


def _moves_against_slope(names, gradient, before, after, lr: float, cost: str) -> list[str]:
    """One line a parameter: name ← name − α·∂cost/∂name, with the numbers."""
    return [tr("Move against the slope: {name} ← {name} − α·∂{cost}/∂{name} = {before:.5f} − {lr:g}·({slope:+.5f}) "
               "= {after:.5f}").format(name=n, cost=cost, before=b, lr=lr, slope=g, after=a)
            for n, g, b, a in zip(names, gradient, before, after)]


def _explain_landscape(snapshot, before, after, model, optimizer) -> Explanation:
    """An update on a landscape f(w, b): no beans, only the slope of f where the run stands."""
    names = model.param_names
    gradient = np.asarray(snapshot.gradient, dtype=float)
    lines = [tr("Update {update:,} on {formula}: f = {loss:.5f}.").format(
        update=snapshot.step, formula=model.terrain.formula, loss=snapshot.loss)]
    slopes = tr(";   ").join(f"∂f/∂{n} = {g:+.5f}" for n, g in zip(names, gradient))
    if model.noise:
        slopes += tr(" (each with Gaussian noise of σ = {noise:g}, as stochastic descent would have)").format(
            noise=model.noise)
    lines.append(tr("{slopes}.").format(slopes=slopes))
    if optimizer.stateful:
        lines.append(_move_with_memory(optimizer, names, before, after))
    else:
        lines += _moves_against_slope(names, gradient, before, after, optimizer.lr, "f")
    if np.all(np.abs(gradient) < 1e-6):
        lines.append(tr("The slope is zero here: plain descent has nowhere to go, even if this is no valley."))
    numbers = {**{f"d{n}": float(g) for n, g in zip(names, gradient)},
               **{f"{n}_before": float(v) for n, v in zip(names, before)},
               **{f"{n}_after": float(v) for n, v in zip(names, after)}}
    return Explanation(tuple(lines), numbers)


def _one_bean(update: int, index: int, x: float, y: float) -> str:
    return tr("Update {update:,} · bean {index}: x = {x:.4f}, y = {y:.4f}.").format(update=update, index=index, x=x, y=y)


def _slope(model: str, name: str, value: float, several: bool) -> str:
    formula = SLOPE_FORMULAS[(model, name)]
    if several:
        return tr("∂e/∂{name} = mean over the beans of {formula} = {value:+.5f}").format(
            name=name, formula=formula, value=value)
    return f"∂e/∂{name} = {formula} = {value:+.5f}"


def _explain_rosenblatt(snapshot, used, x, y, before, after, predictions, model, optimizer, numbers) -> Explanation:
    error = float(y[0] - predictions[0])
    numbers = {**numbers, "e": error}
    lines = [_one_bean(snapshot.step, used[0], x[0], y[0]),
             tr("Prediction ŷ = {formula} = {prediction:.4f};  error e = y − ŷ = {error:+.4f}.").format(
                 formula=PREDICTIONS[model.name], prediction=predictions[0], error=error)]
    inputs = {"w": ("·x", f"·({x[0]:.4f})"), "b": ("", "")}
    for name, b, a in zip(model.param_names, before, after):
        symbol, value = inputs[name]
        rule = f"{name} ← {name} + α·e{symbol} = {b:.5f} + {optimizer.lr:g}·({error:+.4f}){value} = {a:.5f}"
        lines.append(tr("Perceptron rule: {rule}").format(rule=rule))
    return Explanation(tuple(lines), numbers)


# the optimizers with a memory, by the names they go by
OPTIMIZER_NAMES = {"momentum": N_("Momentum"), "nesterov": "Nesterov", "adagrad": "AdaGrad", "rmsprop": "RMSProp",
                   "adam": "Adam"}
# how the sigmoid models predict, as the course writes them
# (and the textbook's linear regression on two features, told the same way)
NEURON_PREDICTIONS = {"sigmoid": "σ(w·x + b)", "net": "σ(Σ w2j·σ(w1j·x + b1j) + b2)", "plane": "σ(w1·x1 + w2·x2 + b)",
                      "plane-linear": "w1·x1 + w2·x2 + b"}


def _bean_values(x) -> str:
    return f"x = ({x[0]:.4f}, {x[1]:.4f})" if np.ndim(x) else f"x = {x:.4f}"


def _slopes_by_backprop(names, gradient) -> str:
    return tr("Slopes by backpropagation: {slopes}.").format(
        slopes=tr(";   ").join(f"∂e/∂{n} = {g:+.5f}" for n, g in zip(names, gradient)))


def _moves(names, before, after) -> str:
    """Each parameter from where it was to where it went: "w11 0.6370 → 0.6369;   b11 …"."""
    return tr(";   ").join(f"{n} {b:.4f} → {a:.4f}" for n, b, a in zip(names, before, after))


def _move_with_memory(optimizer, names, before, after) -> str:
    """Momentum, Adam …: the move is not −α·slope but the optimizer's own rule, from its memory."""
    return tr("{optimizer} moves each parameter by its own rule: {moves}.").format(
        optimizer=tr(OPTIMIZER_NAMES.get(optimizer.name, optimizer.name)), moves=_moves(names, before, after))


def _explain_neuron(snapshot, used, x, y, before, after, predictions, gradient, model, optimizer,
                    numbers) -> Explanation:
    """A sigmoid neuron or a network: the prediction, the slopes backpropagation found, the move."""
    names = model.param_names
    if len(used) == 1:
        first = tr("Update {update:,} · bean {index}: {values}, y = {y:.4g}.").format(
            update=snapshot.step, index=used[0], values=_bean_values(x[0]), y=y[0])
        second = tr("Prediction a = {formula} = {prediction:.4f};  error a − y = {error:+.4f}.").format(
            formula=NEURON_PREDICTIONS[model.name], prediction=predictions[0], error=predictions[0] - y[0])
    else:
        first = tr("Update {update:,} · {beans}: mean error a − y = {error:+.4f}.").format(
            update=snapshot.step, beans=_bean_list(tuple(int(i) for i in used)), error=np.mean(predictions - y))
        second = tr("Prediction a = {formula}, for each bean.").format(formula=NEURON_PREDICTIONS[model.name])
    if optimizer.stateful:
        move = _move_with_memory(optimizer, names, before, after)
    else:
        move = tr("Move against the slope, α = {lr:g}: {moves}.").format(lr=optimizer.lr,
                                                                         moves=_moves(names, before, after))
    return Explanation((first, second, _slopes_by_backprop(names, gradient), move), numbers)


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
    numbers = {"x": float(np.ravel(x[0])[0]), "y": float(y[0]), "prediction": float(predictions[0]),
               **{f"d{n}": float(g) for n, g in zip(names, gradient)}}
    if len(used) == 1 and model.name not in PREDICTIONS:
        pick = (tr("Stage 1 of 3 · update {update:,}: pick bean {index}: {values}, y = {y:.4g}.").format(
                    update=update, index=used[0], values=_bean_values(x[0]), y=y[0]),
                tr("The neuron predicts a = {formula} = {prediction:.4f}; error a − y = {error:+.4f}.").format(
                    formula=NEURON_PREDICTIONS[model.name], prediction=predictions[0], error=errors[0]))
    elif len(used) == 1:
        prediction = tr("The line predicts ŷ = {formula} = {prediction:.4f}; error ŷ − y = {error:+.4f}.").format(
            formula=PREDICTIONS[model.name], prediction=predictions[0], error=errors[0])
        pick = (tr("Stage 1 of 3 · update {update:,}: pick bean {index}: x = {x:.4f}, y = {y:.4f}.").format(
                    update=update, index=used[0], x=x[0], y=y[0]),
                prediction)
    else:
        pick = (tr("Stage 1 of 3 · update {update:,}: take {beans}.").format(
                    update=update, beans=_bean_list(tuple(int(i) for i in used))),
                tr("Their mean error ŷ − y = {error:+.4f}.").format(error=errors.mean()))
    if model.name not in PREDICTIONS:
        slope = (tr("Stage 2 of 3 · update {update:,}: the slopes, by backpropagation through σ:").format(
                     update=update), _slopes_by_backprop(names, gradient))
    elif optimizer.name == "sweep":
        slope = (tr("Stage 2 of 3: no slope in an exhaustive search; the next try is the next w on the list."),)
    elif optimizer.name == "rosenblatt":
        error = float(-errors[0])
        slope = (tr("Stage 2 of 3 · update {update:,}: no slope needed: the error e = y − ŷ = {error:+.4f} says "
                    "which way.").format(update=update, error=error),
                 tr("e {sign} 0 → w goes {direction}, by α·e·x.").format(
                     sign='>' if error > 0 else '<' if error < 0 else '=', direction=_direction(error * x[0])))
    else:
        if len(used) == trainer.beans.x.shape[0]:
            whose = tr("the slope of the cost over all the beans (the green tangent)")
        elif len(used) == 1:
            whose = tr("the slope of this bean's squared error (the green tangent is the whole cost's)")
        else:
            whose = tr("the mean slope over these beans (the green tangent is the whole cost's)")
        heading = tr("Stage 2 of 3 · update {update:,}: {whose}:").format(update=update, whose=whose)
        slope = (heading,
                 *(_slope(model.name, n, g, several=len(used) > 1) + "  → "
                   + tr("{name} goes {direction}").format(name=n, direction=_direction(-g))
                   for n, g in zip(names, gradient)))
    return Explanation(pick, numbers), Explanation(slope, numbers)
