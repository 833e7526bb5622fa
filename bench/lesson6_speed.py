"""Lesson 6 (the 1-2-1 network) with the course's settings: BeanLab against the course's own loop.

    python bench/lesson6_speed.py [EPOCHS] [--quick]

Both train the same network from the same start on the same 100 beans (dataset D, seed 0) with
per-sample SGD at alpha 0.03, and are timed in the same run, taking turns (best of five). The course's loop is
``one_hidden_layer_net.py`` as the course writes it: a forward function returning every activation,
the chain rule spelled out one factor at a time, numpy scalars throughout, no drawing. BeanLab's
trainer also records every update's parameters and loss over all the beans (the plots need them):
the step in plain floats (beanlab/core/backprop.py), the loss of each block of updates in one numpy
pass (HiddenLayerNet.loss_function). "Same parameters" means equal to about 1e-15 relative, not bit
for bit: the course's np.exp on a numpy scalar and math.exp differ in the last bit for about 5 % of
arguments, and calling np.exp per bean would cost the loop several times its time; the grouping of
the products is otherwise the chain rule's (tests/test_backprop.py checks the loop float for float).
Then both go on to the course's fit (5,000 epochs): the time to reach it, and where they ended.
``--quick``: 20 epochs timed and a 200-epoch fit, in seconds: that it runs, not how fast.
"""
from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from beanlab.core import RunConfig


REPEATS = 5


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def course_loop(xs: np.ndarray, ys: np.ndarray, start: np.ndarray, epochs: int, alpha: float = 0.03):
    """The course's lesson-6 loop (one_hidden_layer_net.py), drawing removed."""
    w11_a, b1_a, w12_a, b2_a, w21_b, w22_b, b3_b = (np.float64(v) for v in start)

    def forward_propgation(x):
        z1_a = w11_a * x + b1_a
        a1_a = sigmoid(z1_a)
        z2_a = w12_a * x + b2_a
        a2_a = sigmoid(z2_a)
        z1_b = w21_b * a1_a + w22_b * a2_a + b3_b
        a1_b = sigmoid(z1_b)
        return a1_b, z1_b, a2_a, z2_a, a1_a, z1_a

    for _ in range(epochs):
        for i in range(len(xs)):
            x, y = xs[i], ys[i]
            a1_b, _z1_b, a2_a, _z2_a, a1_a, _z1_a = forward_propgation(x)
            deda1_b = -2 * (y - a1_b)
            da1_bdz1_b = a1_b * (1 - a1_b)
            dz1_bdw21_b = a1_a
            dz1_bdw22_b = a2_a
            dedw21_b = deda1_b * da1_bdz1_b * dz1_bdw21_b
            dedw22_b = deda1_b * da1_bdz1_b * dz1_bdw22_b
            dedb3_b = deda1_b * da1_bdz1_b
            dz1_bda1_a = w21_b
            da1_adz1_a = a1_a * (1 - a1_a)
            dedw11_a = deda1_b * da1_bdz1_b * dz1_bda1_a * da1_adz1_a * x
            dedb1_a = deda1_b * da1_bdz1_b * dz1_bda1_a * da1_adz1_a
            dz1_bda2_a = w22_b
            da2_adz2_a = a2_a * (1 - a2_a)
            dedw12_a = deda1_b * da1_bdz1_b * dz1_bda2_a * da2_adz2_a * x
            dedb2_a = deda1_b * da1_bdz1_b * dz1_bda2_a * da2_adz2_a
            w11_a = w11_a - alpha * dedw11_a
            b1_a = b1_a - alpha * dedb1_a
            w12_a = w12_a - alpha * dedw12_a
            b2_a = b2_a - alpha * dedb2_a
            w21_b = w21_b - alpha * dedw21_b
            w22_b = w22_b - alpha * dedw22_b
            b3_b = b3_b - alpha * dedb3_b
    return np.array([w11_a, b1_a, w12_a, b2_a, w21_b, w22_b, b3_b], dtype=np.float64)


def best_of_each(repeats: int, *functions):
    """(fastest time, result) of each function, timed in turn ``repeats`` times: taking turns, both see
    the same drift of a shared machine's speed."""
    best, results = [float("inf")] * len(functions), [None] * len(functions)
    for _ in range(repeats):
        for i, function in enumerate(functions):
            started = time.perf_counter()
            results[i] = function()
            best[i] = min(best[i], time.perf_counter() - started)
    return list(zip(best, results))


def main(epochs: int = 100, fit_epochs: int = 5000) -> None:
    config = RunConfig(dataset="window", model="net", optimizer="sgd", lr=0.03, epochs=5000)
    beans = config.make_beans()
    start = config.build_trainer(beans).init
    updates = epochs * len(beans)

    def beanlab_run(n_updates):
        trainer = config.build_trainer(beans)
        trainer.run(n_updates)
        return trainer

    (course_s, course_params), (ours_s, trainer) = best_of_each(
        REPEATS, lambda: course_loop(beans.x, beans.y, start, epochs), lambda: beanlab_run(updates))
    same = np.allclose(trainer.params, course_params, rtol=1e-9, atol=1e-12)
    apart = float(np.max(np.abs(trainer.params - course_params) / np.maximum(np.abs(course_params), 1e-300)))
    print(f"Lesson 6: 1-2-1 network, dataset D (100 beans, seed 0), per-sample SGD, alpha 0.03, {epochs} epochs "
          f"= {updates:,} updates; best of {REPEATS}, in turn")
    print(f"{'':34}{'BeanLab':>14}{'course loop':>14}")
    print(f"{'updates per second':34}{updates / ours_s:>14,.0f}{updates / course_s:>14,.0f}")
    print(f"{'  BeanLab / course':34}{course_s / ours_s:>13.1f}x")
    print(f"{'same parameters at the end':34}{'yes' if same else 'NO':>14}   (largest relative difference {apart:.1e})")

    full = fit_epochs * len(beans)
    started = time.perf_counter()
    trainer = beanlab_run(full)
    ours_full = time.perf_counter() - started
    predicted = trainer.model.predict(trainer.params, beans.x) > 0.5
    wrong = int(np.sum(predicted != (beans.y > 0.5)))
    print(f"{f'the course fit, {fit_epochs:,} epochs':34}{ours_full:>13.1f}s{full / (updates / course_s):>13.0f}s "
          f"(course: estimated from its rate)")
    print(f"{'  final loss, misclassified':34}{trainer.loss:>10.4f}, {wrong}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("epochs", type=int, nargs="?", default=100, help="epochs timed (default 100)")
    parser.add_argument("--quick", action="store_true", help="20 epochs timed and a 200-epoch fit")
    args = parser.parse_args()
    sys.exit(main(20, 200) if args.quick else main(args.epochs))
