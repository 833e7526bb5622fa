"""Issue 19: networks of any small shape, the spiral and XOR beans, lesson 9's network against Keras."""
import json
import pathlib

import numpy as np
import pytest

from beanlab.cli import main
from beanlab.core import MODELS, RunConfig, make_dataset
from beanlab.core.deep_network import ACTIVATIONS, DeepNetwork, NetworkShape, network_class

REFERENCE = pathlib.Path(__file__).parent / "reference" / "lesson9_keras.npz"
NETWORK_NAMES = [name for name, model in MODELS.items() if issubclass(model, DeepNetwork)]


def course_spiral(rng, counts=100):
    """The course's dataset.py get_beans, loop for loop, with a seeded generator for random.uniform."""
    xs, ys = [], []
    for delta, label in ((0.0, 1), (np.pi, 0)):
        for i in range(counts // 2):
            r = i / (counts // 2) * 5
            t = 1.75 * i / (counts // 2) * 2 * np.pi + delta
            x1 = r * np.sin(t) + rng.uniform(-0.1, 0.1)
            x2 = r * np.cos(t) + rng.uniform(-0.1, 0.1)
            xs.append([x1, x2])
            ys.append(label)
    return np.array(xs), np.array(ys, dtype=float)


def test_the_spiral_is_the_courses_float_for_float():
    beans = make_dataset("spiral", 100, seed=3)
    x, y = course_spiral(np.random.default_rng(3))
    assert np.array_equal(beans.x, x) and np.array_equal(beans.y, y)
    assert len(make_dataset("spiral", 7)) == 7   # an odd count keeps every bean


def test_xor_beans_are_toxic_where_exactly_one_feature_passes_one():
    beans = make_dataset("xor", 200, seed=1)
    big = beans.x > 1
    assert np.array_equal(beans.y == 1, big[:, 0] != big[:, 1]) and 0.3 < beans.y.mean() < 0.7


def finite_difference_slopes(model, params, x, y, h=1e-6):
    slopes = np.empty_like(params)
    for i in range(len(params)):
        up, down = params.copy(), params.copy()
        up[i] += h
        down[i] -= h
        slopes[i] = (model.loss(up, x, y) - model.loss(down, x, y)) / (2 * h)
    return slopes


SHAPES = [NetworkShape(1, (), "sigmoid"), NetworkShape(1, (3,), "tanh"), NetworkShape(2, (4, 3), "relu"),
          NetworkShape(2, (2, 2, 2, 2), "leaky-relu"), NetworkShape(2, (5,), "linear"),
          NetworkShape(1, (8, 8), "sigmoid"), NetworkShape(2, (3, 4, 2), per_layer=("tanh", "relu", "sigmoid")),
          NetworkShape(1, (3, 2), "tanh", output="linear"), NetworkShape(2, (), output="linear")]


@pytest.mark.parametrize("loss", ["mse", "cross-entropy"])
@pytest.mark.parametrize("shape", SHAPES, ids=lambda shape: f"{shape.widths}-{'-'.join(shape.hidden_activations)}")
def test_backpropagation_matches_finite_differences_for_every_shape_and_activation(shape, loss):
    model = network_class("test-shape", "test", shape, "xor")(loss)
    beans = make_dataset("xor" if shape.inputs == 2 else "window", 30, seed=2)
    rng = np.random.default_rng(5)
    params = rng.normal(0, 0.8, model.n_params)
    analytic = model.grad(params, beans.x, beans.y)
    numeric = finite_difference_slopes(model, params, beans.x, beans.y)
    assert analytic.shape == (model.n_params,)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_every_activation_is_tested():
    assert {name for shape in SHAPES for name in shape.hidden_activations} | {"sigmoid"} == set(ACTIVATIONS)


def test_each_hidden_layer_may_have_its_own_activation():
    shape = NetworkShape(2, (3, 4, 2), per_layer=("tanh", "relu", "sigmoid"))
    assert [activation.name for activation in shape.activations()] == ["tanh", "relu", "sigmoid", "sigmoid"]
    with pytest.raises(ValueError):
        NetworkShape(2, (3, 4), per_layer=("tanh",))   # one per hidden layer
    with pytest.raises(ValueError):
        NetworkShape(2, (3,), per_layer=("swish",))


@pytest.mark.parametrize("name", NETWORK_NAMES)
def test_the_registered_networks_predict_with_keras_layout_weights(name):
    """Parameters are W1, b1, W2, b2 … with a kernel's rows its inputs: the prediction by hand agrees."""
    model = MODELS.lookup(name)()
    beans = make_dataset(model.lesson_dataset, 20, seed=0)
    params = np.random.default_rng(1).normal(0, 0.5, model.n_params)
    a, at = beans.x.reshape(len(beans), -1), 0
    activations = model.shape.activations()
    for layer, (fan_in, fan_out) in enumerate(zip(model.shape.widths, model.shape.widths[1:])):
        weights = params[at:at + fan_in * fan_out].reshape(fan_in, fan_out)
        bias = params[at + fan_in * fan_out:at + fan_in * fan_out + fan_out]
        at += fan_in * fan_out + fan_out
        a = activations[layer](a @ weights + bias)
    assert at == model.n_params
    np.testing.assert_allclose(model.predict(params, beans.x), a[:, 0], rtol=1e-14)
    # many rows at once (the trainer's loss of every update) give each row's own loss
    rows = np.stack([params, params * 0.5, params + 0.1])
    np.testing.assert_allclose(model.loss_function(beans.x, beans.y)(rows),
                               [model.loss(row, beans.x, beans.y) for row in rows], rtol=1e-14)


def test_lesson_9s_network_has_the_courses_177_parameters_and_a_glorot_start():
    model = MODELS.lookup("deep-relu")()
    assert model.n_params == 2 * 8 + 8 + 8 * 8 + 8 + 8 * 8 + 8 + 8 + 1 == 177
    start = model.initial_params(0)
    first_weights, first_bias = model.layers(start)[0]
    assert np.all(np.abs(first_weights) <= np.sqrt(6 / (2 + 8))) and np.all(first_bias == 0)
    assert np.array_equal(start, model.initial_params(0)) and not np.array_equal(start, model.initial_params(1))


def test_lesson_9s_run_follows_keras_update_for_update():
    """tests/reference/make_lesson9_keras.py: the course's Keras model, float64, batches of 10 in order,
    started from BeanLab's seed-0 weights; BeanLab's parameters agree within 1e-9 through update 1,000."""
    reference = np.load(REFERENCE)
    config = RunConfig(dataset="spiral", model="deep-relu", optimizer="minibatch", lr=0.05, batch_size=10)
    trainer = config.build_trainer(config.make_beans())
    assert np.array_equal(trainer.init, reference["start"])
    done = 0
    for update, keras_params in zip(reference["updates"], reference["params"]):
        trainer.run(int(update) - done)
        done = int(update)
        np.testing.assert_allclose(trainer.params, keras_params, rtol=0, atol=1e-9, err_msg=f"update {update}")


def test_lesson_9s_course_run_separates_the_spiral(capsys):
    """`beanlab train --lesson 9 --json`: the course's 5,000 epochs (about 9 s here) leave at most 5 of
    the 100 spiral beans on the wrong side of a = 0.5."""
    assert main(["train", "--lesson", "9", "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["misclassified"] <= 5 and result["steps"] == 5000 * 10, result
