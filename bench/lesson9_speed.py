"""Lesson 9 (the spiral, 2 → 8 → 8 → 8 → 1 ReLU) with the course's settings: BeanLab against plain numpy.

    python bench/lesson9_speed.py [EPOCHS] [--quick]

Both train the course's network from the same start (BeanLab's Glorot weights from seed 0) on the same
100 spiral beans, mean squared error, SGD at 0.05 in batches of 10 taken in order, as the course's
Keras ``fit(..., batch_size=10, shuffle=False)``. The plain-numpy loop is the network written as a
student of the course would after lesson 8: each layer's matrices, a forward pass and the chain rule
back through it per batch, and no record of anything. BeanLab's trainer also keeps every update's
parameters and the loss over all 100 beans (the window's plots need them). Both are timed in the same
run, taking turns (best of three); then the course's whole fit, 5,000 epochs, in BeanLab alone (the
issue asks under 30 s), with the beans it gets wrong.
``--quick``: 20 epochs timed, a 100-epoch fit: that it runs, not how fast.
"""
from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from beanlab.core import RunConfig
from lesson6_speed import best_of_each   # (bench/ is the script's folder: on the path)

REPEATS = 3
CONFIG = RunConfig(dataset="spiral", model="deep-relu", optimizer="minibatch", lr=0.05, batch_size=10, epochs=5000)


def plain_numpy(x, y, layers, epochs, lr=0.05, batch=10):
    """The course's network by hand: ``layers`` is [(W, b), …] (copied), ReLU hidden, sigmoid output."""
    layers = [(w.copy(), b.copy()) for w, b in layers]
    for _ in range(epochs):
        for start in range(0, len(y), batch):
            xb, yb = x[start:start + batch], y[start:start + batch]
            activations, zs = [xb], []
            for i, (w, b) in enumerate(layers):   # forward, layer by layer
                z = activations[-1] @ w + b
                zs.append(z)
                activations.append(1 / (1 + np.exp(-z)) if i == len(layers) - 1 else np.maximum(z, 0))
            a = activations[-1][:, 0]
            delta = (2 * (a - yb) * a * (1 - a))[:, None] / len(yb)   # ∂(mean squared error)/∂z at the output
            for i in range(len(layers) - 1, -1, -1):                     # back, layer by layer
                w, b = layers[i]
                dw, db = activations[i].T @ delta, delta.sum(axis=0)
                if i > 0:
                    delta = (delta @ w.T) * (zs[i - 1] > 0)
                layers[i] = (w - lr * dw, b - lr * db)
    return np.concatenate([part.ravel() for pair in layers for part in pair])


def main(epochs: int, fit_epochs: int) -> int:
    beans = CONFIG.make_beans()
    trainer = CONFIG.build_trainer(beans)
    start, updates = trainer.init, epochs * trainer.updates_per_epoch

    def beanlab_run(n_updates):
        run = CONFIG.build_trainer(beans)
        run.run(n_updates)
        return run

    (numpy_s, numpy_params), (ours_s, ours) = best_of_each(
        REPEATS, lambda: plain_numpy(beans.x, beans.y, trainer.model.layers(start), epochs),
        lambda: beanlab_run(updates))
    apart = float(np.max(np.abs(ours.params - numpy_params)))
    print(f"Lesson 9: 2-8-8-8-1 ReLU network, the spiral (100 beans, seed 0), SGD 0.05 in batches of 10, "
          f"{epochs} epochs = {updates:,} updates; best of {REPEATS}, in turn")
    print(f"{'':34}{'BeanLab':>14}{'plain numpy':>14}")
    print(f"{'updates per second':34}{updates / ours_s:>14,.0f}{updates / numpy_s:>14,.0f}")
    print(f"{'  BeanLab / plain numpy':34}{numpy_s / ours_s:>13.2f}x")
    print(f"{'largest parameter difference':34}{apart:>14.1e}   (BeanLab also records every update and its loss)")

    started = time.perf_counter()
    fit = beanlab_run(fit_epochs * trainer.updates_per_epoch)
    fit_s = time.perf_counter() - started
    wrong = int(np.sum((fit.model.predict(fit.params, beans.x) > 0.5) != (beans.y > 0.5)))
    print(f"{f'the course fit, {fit_epochs:,} epochs':34}{fit_s:>13.1f}s{fit_s * numpy_s / ours_s:>13.1f}s "
          f"(plain numpy: estimated from its rate)")
    print(f"{'  final loss, misclassified':34}{fit.loss:>10.4f}, {wrong}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("epochs", type=int, nargs="?", default=200, help="epochs timed (default 200)")
    parser.add_argument("--quick", action="store_true", help="20 epochs timed and a 100-epoch fit")
    args = parser.parse_args()
    sys.exit(main(20, 100) if args.quick else main(args.epochs, CONFIG.epochs))
