"""Lessons 5–8's models: hand-written backprop against finite differences, and the course's fits."""
import json

import numpy as np
import pytest
from numeric_helpers import finite_differences

from beanlab.cli import main
from beanlab.core import (
    LOSSES,
    RunConfig,
    Trainer,
    make_dataset,
    make_model,
    make_optimizer,
    sigmoid,
)

CASES = [("sigmoid", "threshold", {}), ("net", "window", {"hidden": 2}), ("net", "two-windows", {"hidden": 5}),
         ("plane", "plane", {}), ("plane", "circle", {})]


# every model on its lesson's beans, with each loss
every_case = pytest.mark.parametrize(("name", "dataset", "options", "loss"),
                                     [(*case, loss) for case in CASES for loss in LOSSES])


@every_case
def test_backprop_matches_finite_differences(name, dataset, options, loss):
    model = make_model(name, loss, **options)
    beans = make_dataset(dataset, 40, seed=3)
    rng = np.random.default_rng(7)
    for _ in range(3):
        params = rng.normal(scale=2.0, size=model.n_params)
        assert model.grad(params, beans.x, beans.y) == pytest.approx(
            finite_differences(model, params, beans.x, beans.y), abs=1e-7)


@every_case
def test_bulk_loss_and_fast_sgd_agree_with_the_plain_definitions(name, dataset, options, loss):
    model = make_model(name, loss, **options)
    beans = make_dataset(dataset, 30, seed=1)
    rng = np.random.default_rng(2)
    rows = rng.normal(scale=3.0, size=(300, model.n_params))
    assert model.loss_function(beans.x, beans.y)(rows) == pytest.approx(
        [model.loss(row, beans.x, beans.y) for row in rows], rel=1e-12)
    params = rng.normal(size=model.n_params)
    path = model.sgd_path(params, beans.x, beans.y, 0.1)
    for i in range(len(beans)):   # one bean at a time with the gradient: the same parameters
        params = params - 0.1 * model.grad(params, beans.x[i:i + 1], beans.y[i:i + 1])
        np.testing.assert_allclose(path[i], params, rtol=1e-11, atol=1e-12)


def test_the_losses_are_the_course_s():
    model = make_model("sigmoid")
    x, y = np.array([0.2, 0.9]), np.array([0.0, 1.0])
    a = sigmoid(0.5 * x - 0.1)
    assert model.loss(np.array([0.5, -0.1]), x, y) == pytest.approx(np.mean((a - y) ** 2))
    entropy = make_model("sigmoid", "cross-entropy")
    assert entropy.loss(np.array([0.5, -0.1]), x, y) == pytest.approx(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
    assert np.isfinite(entropy.loss(np.array([500.0, -300.0]), x, y))   # no log(0) for saturated neurons


def test_the_network_starts_from_seeded_random_weights_and_its_names_follow_its_size():
    assert make_model("net-1-2-1").param_names == ("w11", "b11", "w12", "b12", "w21", "w22", "b2")
    assert make_model("net", hidden=3).n_params == 10
    first, again = RunConfig(model="net", dataset="window").build_trainer(), \
        RunConfig(model="net", dataset="window").build_trainer()
    assert np.array_equal(first.init, again.init) and len(set(first.init)) == 7
    with pytest.raises(ValueError, match="1 to 8"):
        make_model("net", hidden=9)


@pytest.mark.parametrize("name", ["momentum", "nesterov", "adagrad", "rmsprop", "adam"])
@pytest.mark.parametrize("order", ["sequential", "shuffle"])
def test_stepping_back_with_a_memory_gives_the_same_floats_again(name, order):
    trainer = RunConfig(optimizer=name, lr=0.05, batch_size=7, order=order).build_trainer()
    trainer.run(123)
    first = trainer.history.params.copy()
    trainer.rewind(57)
    trainer.run(66)
    assert np.array_equal(trainer.history.params, first)


def test_adam_follows_its_formula():
    beans = make_dataset("line-bias", 20, 0)
    model, adam = make_model("wx+b"), make_optimizer("adam", lr=0.1, batch_size=20)
    trainer = Trainer(beans, model, adam, init=(0.1, 0.1))
    trainer.run(3)
    theta, m, v = np.array([0.1, 0.1]), 0.0, 0.0
    for t in range(1, 4):
        g = model.grad(theta, beans.x, beans.y)
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        theta = theta - 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    np.testing.assert_allclose(trainer.params, theta, rtol=1e-13)


def test_momentum_beats_plain_descent_down_the_long_valley():
    losses = {}
    for name in ("batch", "momentum"):
        trainer = RunConfig(optimizer=name, lr=0.1, batch_size=100).build_trainer()
        trainer.run(200)
        losses[name] = trainer.loss
    assert losses["momentum"] < losses["batch"]


def test_lesson_6_reaches_the_course_fit(capsys):
    assert main(["train", "--lesson", "6", "--epochs", "5000", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert result["loss"] < 0.05 and result["misclassified"] == 0 and result["steps"] == 500_000


def test_a_race_compares_optimizers_on_the_same_start(capsys):
    assert main(["race", "--lesson", "4", "--optimizers", "sgd,minibatch,batch,adam", "--epochs", "100",
                 "--json"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out.splitlines()[-1])
    assert [r["optimizer"] for r in result["results"]] == ["sgd", "minibatch", "batch", "adam"]
    assert [r["updates"] for r in result["results"]] == [10_000, 1_000, 100, 1_000]
    sgd = next(r for r in result["results"] if r["optimizer"] == "sgd")
    assert sgd["updates_to_threshold"] is not None and sgd["final_loss"] <= result["threshold"]
    assert "to threshold" in out


@pytest.mark.parametrize(("argv", "words"), [
    (["race", "--optimizers", "sgd,sgd"], "different"),
    (["race", "--optimizers", "sgd,warp"], "unknown optimizer"),
    (["race", "--optimizers", "sgd,batch,adam,momentum,rmsprop"], "one to four"),
    (["train", "--model", "net", "--hidden", "12", "--dataset", "window"], "1 to 8"),
    (["train", "--model", "plane", "--dataset", "window"], "two features"),
])
def test_bad_requests_are_one_clear_line(argv, words, capsys):
    assert main(argv) == 2
    assert words in capsys.readouterr().err


@pytest.mark.parametrize("hidden", [1, 2, 3])
def test_the_network_s_recorded_losses_are_np_mean_of_its_loss_spelled_out(hidden):
    """The trainer's loss after every update (a block at a time, bench/lesson6_speed.py) is, float for
    float, np.mean of the squared error written term by term in numpy, one update at a time."""
    beans = make_dataset("window", 100, 0)
    trainer = Trainer(beans, make_model("net", hidden=hidden), make_optimizer("sgd", lr=0.03),
                      init=make_model("net", hidden=hidden).initial_params(0))
    trainer.run(700)
    x, y, k = beans.x, beans.y, hidden
    for params, loss in zip(trainer.history.params, trainer.history.loss):
        z2 = params[3 * k]
        for j in range(k):
            z2 = z2 + params[2 * k + j] / (1 + np.exp(-(params[2 * j] * x + params[2 * j + 1])))
        assert loss == np.mean((1 / (1 + np.exp(-z2)) - y) ** 2)
    assert trainer.loss == trainer.model.loss(trainer.params, x, y)
