"""The straight lines: gradients against central finite differences, optima against np.linalg.lstsq.
(The neurons of lessons 5–8 have their own checks in test_neurons.py.)"""
import numpy as np
import pytest
from numeric_helpers import finite_differences

from beanlab.core import (
    Trainer,
    make_dataset,
    make_model,
    make_optimizer,
    optimum,
)

LINES = ("wx", "wx+b")


@pytest.mark.parametrize("name", LINES)
@pytest.mark.parametrize("seed", range(5))
def test_gradient_matches_finite_differences(name, seed):
    rng = np.random.default_rng(seed)
    model = make_model(name)
    beans = make_dataset("line-bias", 37, seed)
    params = rng.normal(size=model.n_params)
    for subset in (slice(None), slice(3, 4), slice(5, 15)):
        x, y = beans.x[subset], beans.y[subset]
        np.testing.assert_allclose(model.grad(params, x, y), finite_differences(model, params, x, y),
                                   rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("name", LINES)
def test_sgd_path_equals_one_gradient_step_per_bean(name):
    model = make_model(name)
    beans = make_dataset("line-bias", 20, 4)
    params = np.full(model.n_params, 0.3)
    path = model.sgd_path(params, beans.x, beans.y, 0.05)
    for i in range(len(beans)):
        params = params - 0.05 * model.grad(params, beans.x[i:i + 1], beans.y[i:i + 1])
        np.testing.assert_array_equal(path[i], params)  # bit for bit


@pytest.mark.parametrize("name, columns", [("wx", lambda x: x[:, None]),
                                           ("wx+b", lambda x: np.column_stack([x, np.ones_like(x)]))])
def test_optimum_and_batch_descent_agree_with_lstsq(name, columns):
    beans = make_dataset("line-bias", 100, 11)
    reference = np.linalg.lstsq(columns(beans.x), beans.y, rcond=None)[0]
    np.testing.assert_allclose(optimum(beans.x, beans.y, name), reference, rtol=1e-12)
    trainer = Trainer(beans, make_model(name), make_optimizer("batch", lr=0.5))
    trainer.run(20_000)
    np.testing.assert_allclose(trainer.params, reference, rtol=1e-9)


def test_loss_function_from_sufficient_statistics_matches_direct_mean():
    beans = make_dataset("line-bias", 300, 2)
    rng = np.random.default_rng(0)
    for name in LINES:
        model = make_model(name)
        rows = rng.normal(size=(50, model.n_params)) * 3
        direct = [model.loss(p, beans.x, beans.y) for p in rows]
        np.testing.assert_allclose(model.loss_function(beans.x, beans.y)(rows), direct, rtol=1e-12)


def test_optimum_of_degenerate_data_is_the_minimum_norm_solution():
    x, y = np.full(4, 2.0), np.array([1.0, 2.0, 3.0, 4.0])
    reference = np.linalg.lstsq(np.column_stack([x, np.ones(4)]), y, rcond=None)[0]
    np.testing.assert_allclose(optimum(x, y, "wx+b"), reference)
    assert optimum(np.zeros(3), y[:3], "wx")[0] == 0.0
