"""The network's per-bean backprop (core/backprop.py), written out for each size, against plain loops."""
import math

import numpy as np
import pytest

from beanlab.core import make_dataset, make_model


def sigma(z):
    """The course's 1 / (1 + e^−z); 0 where e^−z overflows, as numpy's 1 / (1 + inf) gives."""
    return 1.0 / (1.0 + math.exp(-z)) if -z < 709.0 or z != z else 1.0 / (1.0 + np.exp(-z))


def looped_sgd(model, params, xs, ys, lr):
    """Per-sample SGD looping over the hidden neurons, the course's chain rule one bean at a time."""
    k = model.hidden
    w1, b1, w2, b2 = list(params[0:2 * k:2]), list(params[1:2 * k:2]), list(params[2 * k:3 * k]), params[3 * k]
    path = []
    for x, y in zip(xs.tolist(), ys.tolist()):
        h = [sigma(w1[j] * x + b1[j]) for j in range(k)]
        z2 = b2
        for j in range(k):
            z2 += w2[j] * h[j]
        a = sigma(z2)
        dz2 = -2 * (y - a) * a * (1 - a) if model.loss_name == "mse" else a - y
        dz1 = [dz2 * w2[j] * h[j] * (1 - h[j]) for j in range(k)]   # every slope before any move
        for j in range(k):
            w2[j] -= lr * dz2 * h[j]
            w1[j] -= lr * dz1[j] * x
            b1[j] -= lr * dz1[j]
        b2 -= lr * dz2
        path.append([v for j in range(k) for v in (w1[j], b1[j])] + w2 + [b2])
    return np.array(path)


@pytest.mark.parametrize("hidden", [1, 2, 3, 8])
@pytest.mark.parametrize("loss", ["mse", "cross-entropy"])
def test_the_written_out_loop_makes_the_floats_of_the_plain_loop(hidden, loss):
    model = make_model("net", loss, hidden=hidden)
    beans = make_dataset("two-windows", 60, seed=2)
    params = np.random.default_rng(hidden).normal(scale=3.0, size=model.n_params)
    np.testing.assert_array_equal(model.sgd_path(params, beans.x, beans.y, 0.3),
                                  looped_sgd(model, params.tolist(), beans.x, beans.y, 0.3))


def test_lesson_6_follows_the_course_s_own_loop():
    """one_hidden_layer_net.py's loop, numpy scalars and the chain rule one factor at a time."""
    beans, model = make_dataset("window", 100, 0), make_model("net")
    w11, b11, w12, b12, w21, w22, b2 = start = model.initial_params(0)
    for x, y in zip(beans.x, beans.y):
        h1, h2 = 1 / (1 + np.exp(-(w11 * x + b11))), 1 / (1 + np.exp(-(w12 * x + b12)))
        a = 1 / (1 + np.exp(-(w21 * h1 + w22 * h2 + b2)))
        dz2 = -2 * (y - a) * (a * (1 - a))
        dz11, dz12 = dz2 * w21 * (h1 * (1 - h1)), dz2 * w22 * (h2 * (1 - h2))
        w11, b11, w12, b12 = w11 - 0.03 * dz11 * x, b11 - 0.03 * dz11, w12 - 0.03 * dz12 * x, b12 - 0.03 * dz12
        w21, w22, b2 = w21 - 0.03 * dz2 * h1, w22 - 0.03 * dz2 * h2, b2 - 0.03 * dz2
    path = model.sgd_path(start, beans.x, beans.y, 0.03)
    np.testing.assert_allclose(path[-1], [w11, b11, w12, b12, w21, w22, b2], rtol=1e-12)
