"""Lesson 9's story (issue 19), presets 14–20: what a network needs, bean set by bean set, checked on the
runs' numbers; and the switch that takes a network's activations out, driven in the window."""
import numpy as np
import pytest
from gui_helpers import latest
from PySide6.QtCore import Qt

from beanlab.core import LESSONS, MODELS, make_dataset, make_model

STORY = {14: "net-2-1", 15: "net-2-3-1", 16: "net-2-3-1", 17: "deep-sigmoid-4", 18: "deep-relu-4",
         19: "deep-relu-4", 20: "deep-linear"}


def train(number, updates):
    trainer = LESSONS[number].config.build_trainer()
    trainer.run(updates)
    return trainer


def report(trainer):
    return trainer.model.layer_report(trainer.params, trainer.beans.x, trainer.beans.y)


def straightness(model, params, points):
    """How far the network's output neuron's input z (a = σ(z)) over ``points`` is from an affine function
    of them: the RMS residual of a least-squares plane through z, relative to z's spread. 0 for a straight
    boundary."""
    z = model.output_z(params, points)
    design = np.column_stack([points, np.ones(len(points))])
    residual = z - design @ np.linalg.lstsq(design, z, rcond=None)[0]
    return float(np.sqrt(np.mean(residual ** 2)) / np.std(z))


def test_the_story_is_told_in_the_courses_order_on_the_networks_it_names():
    assert {number: LESSONS[number].config.model for number in STORY} == STORY
    assert [LESSONS[number].config.dataset for number in STORY] == [
        "plane", "circle", "xor", "spiral", "spiral", "spiral", "spiral"]
    assert make_model("net-2-1").n_params == 3   # no hidden layer: σ(w1·x1 + w2·x2 + b)
    for number in STORY:
        assert not LESSONS[number].course and LESSONS[number].caption.startswith("Lesson 9's story")


def test_the_sigmoid_stall_is_seen_in_the_first_layer_s_slopes():
    # the first layer learns 100× slower than the output layer of the same run while the run stalls,
    # and at least 10× slower than the same network with ReLU at the same update
    sigmoid, relu = LESSONS[17].config.build_trainer(), LESSONS[18].config.build_trainer()
    for until in (1, 10, 100, 1_000, 5_000):
        sigmoid.run(until - sigmoid.step_count)
        relu.run(until - relu.step_count)
        sigmoid_slopes, relu_slopes = report(sigmoid).weight_slopes, report(relu).weight_slopes
        assert sigmoid_slopes[-1] > 50 * sigmoid_slopes[0], (until, sigmoid_slopes)
        if until <= 1_000:
            assert sigmoid_slopes[-1] > 100 * sigmoid_slopes[0], (until, sigmoid_slopes)
        assert relu_slopes[0] > 10 * sigmoid_slopes[0], (until, relu_slopes[0], sigmoid_slopes[0])
    assert sigmoid.loss > 0.245   # a coin toss: every bean predicted about 0.5


def test_relu_moves_where_sigmoid_stalls():
    sigmoid, relu = train(17, 36_000), train(18, 36_000)
    assert relu.loss < 0.2 < 0.235 < sigmoid.loss


def test_adams_first_steps_kill_a_whole_layer_of_relus_and_leaky_relu_keeps_them_alive():
    dead = report(train(19, 1_000))
    assert max(n_dead / width for n_dead, width in zip(dead.dead, dead.widths)) == 1.0, dead
    leaky = LESSONS[19].config.replace(model="deep-leaky-4").build_trainer()
    leaky.run(1_000)
    assert report(leaky).dead == (0, 0, 0) and leaky.loss < 0.24


def test_without_activations_any_depth_is_one_straight_boundary():
    points = make_dataset("xor", 200, seed=1).x * 4 - 4
    rng = np.random.default_rng(3)
    for name in ("deep-linear", "deep-linear-4"):
        model = make_model(name)
        assert straightness(model, rng.normal(0, 1, model.n_params), points) < 1e-9
    relu = make_model("deep-relu")
    assert straightness(relu, relu.initial_params(0), points) > 0.01   # with them, it bends
    trained = train(20, 3_000)
    assert trained.loss > 0.23 and straightness(trained.model, trained.params, points) < 1e-9


def test_every_network_s_activation_twin_has_its_shape_and_points_back():
    for name, model in MODELS.items():
        twin = model.activation_twin
        if not twin:
            continue
        twin_model = MODELS.lookup(twin)
        assert twin_model.shape.widths == model.shape.widths and twin_model.activations_on != model.activations_on
        assert MODELS.lookup(twin_model.activation_twin).activation_twin == twin


def load(qtbot, window, number):
    window.lesson_actions[f"lesson{number}"].trigger()
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[number].config and latest(window).restarted)


def test_switching_the_activations_off_collapses_lesson_9_to_a_straight_boundary(qtbot, window):
    load(qtbot, window, 9)
    switch = window.model_panel.activations
    assert switch.isVisible() and switch.isChecked()
    window.model_panel.switch_activations(False)
    qtbot.waitUntil(lambda: window.controller.config.model == "deep-linear" and latest(window).restarted)
    assert window.controller.config.replace(model="deep-relu") == LESSONS[9].config   # nothing else changed
    qtbot.waitUntil(lambda: window.plots.view("scatter").output_map() is not None)
    x1, x2, values = window.plots.view("scatter").output_map()   # the map as drawn
    grid = np.column_stack([np.repeat(x1, len(x2)), np.tile(x2, len(x1))])
    logit = np.log(values.ravel() / (1 - values.ravel()))
    design = np.column_stack([grid, np.ones(len(grid))])
    residual = logit - design @ np.linalg.lstsq(design, logit, rcond=None)[0]
    assert np.sqrt(np.mean(residual ** 2)) < 1e-6 * np.std(logit)   # σ of a plane: its edge a straight line
    window.model_panel.switch_activations(True)
    qtbot.waitUntil(lambda: window.controller.config.model == "deep-relu")
    assert window.model_panel.activations.isChecked()


def test_the_switch_brings_back_the_network_it_switched_off(qtbot, window):
    load(qtbot, window, 17)
    window.model_panel.switch_activations(False)
    qtbot.waitUntil(lambda: window.controller.config.model == "deep-linear-4")
    window.model_panel.switch_activations(True)
    qtbot.waitUntil(lambda: window.controller.config.model == "deep-sigmoid-4")   # not the twin's ReLU
    load(qtbot, window, 4)
    assert not window.model_panel.activations.isVisible()   # a straight line has no activations to take out


@pytest.mark.slow
def test_the_dead_relu_preset_counts_a_dead_layer_on_its_bars(qtbot, window):
    load(qtbot, window, 19)
    layers = window.plots.view("layers")
    assert layers.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)   # skip ahead to the freeze
    qtbot.waitUntil(lambda: latest(window).state == "paused" and latest(window).snapshot.step >= 1_000,
                    timeout=60_000)
    qtbot.waitUntil(lambda: len(layers.dead) == 3 and 4 in layers.dead)
