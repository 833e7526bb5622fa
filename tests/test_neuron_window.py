"""Lessons 5–8 in the window: the prediction curve, the boundary, the parameter rows, the slice chooser."""
import numpy as np
from beanlab.core.numbers import number
import pytest
from gui_helpers import full_speed, latest, wait_state
from PySide6.QtCore import Qt

from beanlab.core import LESSONS


def load(qtbot, window, number):
    window.load_lesson(number)
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[number].config and latest(window).restarted
                    and len(latest(window).snapshot.params) == window.controller.landscape.model.n_params)


def test_the_network_shows_its_bump_its_seven_parameters_and_a_slice_of_its_cost(qtbot, window):
    load(qtbot, window, 6)
    assert window.scatter.getPlotItem().titleLabel.text == "Beans and the prediction"
    assert len(window.scatter.fitted_line()[0]) == 200        # a curve, not a line's two ends
    names = ("w11", "b11", "w12", "b12", "w21", "w22", "b2")
    assert all(window.readouts.values[n].isVisible() for n in names) and "w_star" not in window.readouts.values
    assert window.slice_panel.isVisible() and not window.contour.isVisible()   # not in lesson 6's story
    window.window_menus.plots.actions["contour"].trigger()                     # one click away: View → Plots
    assert window.contour.isVisible()
    full_speed(window)
    window.controller.play_until(20_000)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 20_000, timeout=30_000)
    wait_state(qtbot, window, "paused")
    params = np.array(latest(window).snapshot.params)
    x, curve = window.scatter.fitted_line()
    np.testing.assert_allclose(curve, window.controller.landscape.model.predict(params, x))
    assert window.readouts.values["w21"].text() == number(params[4], 3)   # 3 digits in a grid of many parameters

    # another pair of parameters: the map is redrawn through the current point, along w21 and w22
    computed = window.cost_views.surface_computations
    window.slice_panel.first.setCurrentIndex(4)
    window.slice_panel.second.setCurrentIndex(5)
    qtbot.waitUntil(lambda: window.cost_views.surface_computations > computed)
    assert "E(w21, w22)" in window.contour.getPlotItem().titleLabel.text
    assert window.contour.getAxis("bottom").labelText == "w21"
    assert window.contour.ball_position() == (params[4], params[5])


def test_two_features_show_the_plane_of_beans_and_the_boundary(qtbot, window):
    load(qtbot, window, 7)
    assert window.scatter.getAxis("left").labelText == "colour depth x2"
    full_speed(window)
    window.controller.play_until(30_000)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 30_000, timeout=30_000)
    w1, w2, b = latest(window).snapshot.params
    x1, x2 = window.scatter.fitted_line()
    np.testing.assert_allclose(w1 * x1 + w2 * x2 + b, 0, atol=1e-9)   # the line a = 0.5


def test_choosing_a_model_brings_beans_it_can_take_and_back(qtbot, window):
    window.model_panel.choose("plane")
    qtbot.waitUntil(lambda: window.controller.config.model == "plane")
    assert window.controller.config.dataset == "plane" and window.data_panel.dataset.currentData() == "plane"
    window.data_panel.dataset.setCurrentIndex(window.data_panel.dataset.findData("window"))
    qtbot.waitUntil(lambda: window.controller.config.dataset == "window")
    assert window.controller.config.model == "sigmoid"
    window.model_panel.choose("net")
    qtbot.waitUntil(lambda: window.controller.config.model == "net")
    assert window.model_panel.hidden.isVisible() and window.model_panel.loss.isVisible()
    window.model_panel.hidden.setValue(3)
    window.model_panel.hidden.editingFinished.emit()
    qtbot.waitUntil(lambda: len(latest(window).snapshot.params) == 10)
    assert "w13" in window.readouts.values


def test_adam_in_the_window_steps_back_to_the_same_floats(qtbot, window):
    window.optimizer_panel.optimizer.setCurrentIndex(window.optimizer_panel.optimizer.findData("adam"))
    qtbot.waitUntil(lambda: window.controller.config.optimizer == "adam")
    assert window.optimizer_panel.batch_size.isVisible()
    for _ in range(5):
        window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 5)
    fifth = latest(window).snapshot.params
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 4)
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 5)
    assert latest(window).snapshot.params == fifth
    assert "Adam moves each parameter by its own rule" in window.explanation.plain_text


def test_the_network_diagram_draws_every_weight_live(qtbot, window):
    load(qtbot, window, 6)
    diagram = window.plots.network
    assert diagram.isVisible() and diagram.width() > 100 and not window.plots.surface.isVisible()
    assert list(diagram.weights_shown()) == ["w11", "w12", "w21", "w22"]   # x→h1, x→h2, h1→a, h2→a
    assert sorted(diagram.biases_shown()) == ["b11", "b12", "b2"]
    window.actions["step"].trigger()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    names = window.controller.landscape.model.param_names
    assert diagram.weights_shown() | diagram.biases_shown() == dict(zip(names, latest(window).snapshot.params))
    picture = diagram.grab().toImage()
    colours = {picture.pixelColor(x, y).name() for x in range(0, picture.width(), 3)
               for y in range(0, picture.height(), 3)}
    assert "#56b4e9" in colours   # weights drawn in the one colour meaning "a weight" (sky blue)
    assert diagram.weight_pen(-1.0).style() == Qt.PenStyle.DashLine and diagram.weight_pen(1.0).style() == \
        Qt.PenStyle.SolidLine   # the sign by the stroke: dashed negative
    load(qtbot, window, 4)
    assert not diagram.isVisible()


def test_a_race_in_its_own_window(qtbot, window):
    window.controller.set_config(epochs=50)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    race = window.race_window
    qtbot.waitUntil(race.isVisible)
    race.racers[2].setCurrentIndex(0)        # no third racer
    assert race.chosen() == ["sgd", "minibatch", "adam"]
    race.start.click()
    qtbot.waitUntil(lambda: race.table.rowCount() == 3, timeout=30_000)
    assert [race.table.item(row, 0).text() for row in range(3)] == ["per-sample SGD", "mini-batch", "Adam"]
    assert race.table.item(0, 2).text() == "5,000"          # 50 epochs of one bean per update
    x, _y = race.curves[2].getData()
    assert len(x) > 10 and race.curves[3].getData()[0] is None or len(race.curves[3].getData()[0]) == 0
    path_x, _ = race.paths[0].getData()
    assert path_x[0] == pytest.approx(latest(window).snapshot.params[0])   # every racer from the run's start
    assert "Threshold" in race.status.text()


def test_two_features_in_3d_the_prediction_surface_follows_the_run(qtbot, window):
    load(qtbot, window, 7)
    view = window.plots.beans_3d
    assert view.isVisible() and view.view.width() > 100
    positions = view.beans_shown()
    assert positions.shape == (100, 3)
    assert np.unique(positions[:, 2]) == pytest.approx([0.0, 0.8])   # safe beans down, toxic up
    full_speed(window)
    window.controller.play_until(5_000)
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 5_000, timeout=30_000)
    wait_state(qtbot, window, "paused")
    x1, x2, heights = view.prediction_surface()
    grid = np.column_stack([np.repeat(x1, len(x2)), np.tile(x2, len(x1))])
    expected = window.controller.landscape.model.predict(np.array(latest(window).snapshot.params), grid)
    np.testing.assert_allclose(heights.ravel(), expected)
