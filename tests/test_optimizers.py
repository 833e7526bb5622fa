"""Every optimizer's exact update sequence on three beans small enough to check by hand."""
import numpy as np
import pytest

from beanlab.core import Beans, Trainer, make_model, make_optimizer

THREE_BEANS = Beans([0.5, 1.0, 2.0], [1.0, 2.0, 3.0], "three")


def path_of(optimizer, model="wx+b", updates=3, **kwargs):
    trainer = Trainer(THREE_BEANS, make_model(model), optimizer, init=0.0, **kwargs)
    for _ in range(updates):
        trainer.step()
    return trainer.history.params[1:]


def test_sgd_one_bean_per_update_in_order():
    # bean 0: dw = -2·0.5·1 = -1, db = -2·1 = -2            -> (0.1, 0.2)
    # bean 1: dw = 2·0.1 + 2·0.2 - 4 = -3.4, db = 0.4 + 0.2 - 4 = -3.4   -> (0.44, 0.54)
    # bean 2: dw = 8·0.44 + 4·0.54 - 12 = -6.32, db = 1.08 + 1.76 - 6 = -3.16 -> (1.072, 0.856)
    np.testing.assert_allclose(path_of(make_optimizer("sgd", lr=0.1)),
                               [[0.1, 0.2], [0.44, 0.54], [1.072, 0.856]], rtol=1e-13)


def test_batch_uses_the_mean_slope_of_all_beans():
    # at (0, 0): dw = mean(-1, -4, -12) = -17/3, db = mean(-2, -4, -6) = -4
    np.testing.assert_allclose(path_of(make_optimizer("batch", lr=0.1), updates=1), [[1.7 / 3, 0.4]], rtol=1e-13)


def test_minibatch_uses_consecutive_chunks_and_a_smaller_last_one():
    # chunk {0, 1} at (0, 0): dw = -2.5, db = -3 -> (0.25, 0.3)
    # chunk {2} at (0.25, 0.3): dw = 2 + 1.2 - 12 = -8.8, db = 0.6 + 1 - 6 = -4.4 -> (1.13, 0.74)
    optimizer = make_optimizer("minibatch", lr=0.1, batch_size=2)
    trainer = Trainer(THREE_BEANS, make_model("wx+b"), optimizer, init=0.0)
    assert trainer.updates_per_epoch == 2
    assert trainer.step().beans == (0, 1)
    snap = trainer.step()
    assert snap.beans == (2,) and snap.epoch == 1 and snap.position == 0
    np.testing.assert_allclose(trainer.history.params[1:], [[0.25, 0.3], [1.13, 0.74]], rtol=1e-13)


def test_fixed_step_moves_by_the_step_against_the_sign():
    np.testing.assert_allclose(path_of(make_optimizer("fixed-step", step=0.1), updates=2),
                               [[0.1, 0.1], [0.2, 0.2]], rtol=1e-13)


def test_fixed_step_does_not_move_on_a_flat_slope():
    flat = Beans([1.0, 1.0], [1.0, 1.0])
    trainer = Trainer(flat, make_model("wx"), make_optimizer("fixed-step", step=0.5), init=1.0)
    trainer.step()
    assert trainer.params[0] == 1.0 and trainer.gradient[0] == 0.0


def test_parameters_update_from_the_old_values_together():
    # if b were updated from the new w, the second coordinate would differ
    snap = Trainer(THREE_BEANS, make_model("wx+b"), make_optimizer("sgd", lr=0.1), init=(1.0, 1.0)).step()
    w, b, x, y = 1.0, 1.0, 0.5, 1.0
    assert snap.params == (w - 0.1 * (2 * x * x * w + 2 * x * b - 2 * x * y), b - 0.1 * (2 * b + 2 * x * w - 2 * y))


def test_learning_rate_changes_apply_to_the_next_update():
    optimizer = make_optimizer("sgd", lr=0.1)
    trainer = Trainer(THREE_BEANS, make_model("wx+b"), optimizer, init=0.0)
    trainer.step()
    optimizer.lr = 0.2
    trainer.step()
    np.testing.assert_allclose(trainer.params, [0.1 + 0.68, 0.2 + 0.68])


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf")])
def test_bad_learning_rates_and_steps_are_refused(bad):
    with pytest.raises(ValueError, match="learning rate"):
        make_optimizer("sgd", lr=bad)
    with pytest.raises(ValueError, match="step size"):
        make_optimizer("fixed-step", step=bad)
    with pytest.raises(ValueError, match="batch size"):
        make_optimizer("minibatch", batch_size=0)
