"""The course's lesson-3 and lesson-4 loops, as its scripts write them with numpy scalars, reproduced
float for float by BeanLab's trainer on the same data."""
import numpy as np

from beanlab.core import Trainer, make_dataset, make_model, make_optimizer


def test_lesson3_per_sample_sgd():
    beans = make_dataset("line", 100, seed=0)
    xs, ys = beans.x, beans.y
    w, alpha = 0.1, 0.1
    for _ in range(100):
        for i in range(100):
            x, y = xs[i], ys[i]
            k = 2 * x ** 2 * w - 2 * x * y
            w = w - alpha * k
    trainer = Trainer(beans, make_model("wx"), make_optimizer("sgd", lr=alpha), init=0.1)
    assert trainer.run(100 * 100).params == (w,)


def test_lesson3_batch_gradient_descent():
    beans = make_dataset("line", 100, seed=0)
    xs, ys = beans.x, beans.y
    w, alpha = 0.1, 0.1
    for _ in range(100):
        k = 2 * np.sum(xs ** 2) * w + np.sum(-2 * xs * ys)
        k = k / 100
        w = w - alpha * k
    trainer = Trainer(beans, make_model("wx"), make_optimizer("batch", lr=alpha), init=0.1)
    assert trainer.run(100).params == (w,)


def test_lesson3_fixed_step():
    beans = make_dataset("line", 100, seed=0)
    xs, ys = beans.x, beans.y
    w, step = 0.1, 0.1
    for _ in range(100):
        k = (2 * np.sum(xs ** 2) * w + np.sum(-2 * xs * ys)) / 100
        if k > 0:
            w = w - step
        else:
            w = w + step
    trainer = Trainer(beans, make_model("wx"), make_optimizer("fixed-step", step=step), init=0.1)
    assert trainer.run(100).params == (w,)


def test_lesson4_sgd_on_w_and_b():
    beans = make_dataset("line-bias", 100, seed=0)
    xs, ys = beans.x, beans.y
    w, b, alpha = 0.1, 0.1, 0.01
    for _ in range(500):
        for i in range(100):
            x, y = xs[i], ys[i]
            dw = 2 * x ** 2 * w + 2 * x * b - 2 * x * y
            db = 2 * b + 2 * x * w - 2 * y
            w = w - alpha * dw
            b = b - alpha * db
    trainer = Trainer(beans, make_model("wx+b"), make_optimizer("sgd", lr=alpha), init=(0.1, 0.1))
    snap = trainer.run(500 * 100)
    assert snap.params == (w, b)
    assert snap.epoch == 500 and snap.step == 50_000


def test_lesson1_rosenblatt_rule():
    """Lesson 1: e = y - w*x; w = w + alpha*e*x per bean, alpha 0.05, w0 0.5, 100 epochs."""
    beans = make_dataset("line", 100, 0)
    w, alpha = 0.5, 0.05
    for _ in range(100):
        for i in range(100):
            x, y = beans.x[i], beans.y[i]
            e = y - w * x
            w = w + alpha * e * x
    trainer = Trainer(beans, make_model("wx"), make_optimizer("rosenblatt", lr=alpha), init=0.5)
    assert trainer.run(100 * 100).params == (w,)


def test_rosenblatt_with_a_bias_moves_b_by_the_error():
    beans = make_dataset("line-bias", 3, 0)
    trainer = Trainer(beans, make_model("wx+b"), make_optimizer("rosenblatt", lr=0.1), init=(0.0, 0.0))
    w, b = 0.0, 0.0
    for i in range(3):
        e = beans.y[i] - (w * beans.x[i] + b)
        w, b = w + 0.1 * e * beans.x[i], b + 0.1 * e
    np.testing.assert_allclose(trainer.run(3).params, (w, b), rtol=1e-15)


def test_lesson2_tries_the_courses_own_grid_to_the_last_bit():
    """Lesson 2: for w in np.arange(0, 3, 0.1): the cost at each w (0.30000000000000004 included)."""
    import pytest

    from beanlab.core import LESSONS

    trainer = LESSONS[2].config.build_trainer()
    beans = trainer.beans
    for w in np.arange(0, 3, 0.1):
        snapshot = trainer.step()
        assert snapshot.params == (w,)
        assert snapshot.loss == pytest.approx(np.mean((beans.y - w * beans.x) ** 2), rel=1e-12)
    assert trainer.step().params[0] == pytest.approx(np.sum(beans.x * beans.y) / np.sum(beans.x * beans.x), rel=1e-15)
