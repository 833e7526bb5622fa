"""Issue 19 in the window: lesson 9 (Ctrl+9) shades the network's output over the bean plane, live,
and its boundary a = 0.5 winds between the spiral's arms once the network has learnt."""
import numpy as np
import pytest
from gui_helpers import latest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from beanlab.core import LESSONS, RunConfig


def wait_for_lesson_9(qtbot, window):
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[9].config and latest(window).restarted
                    and window.plots.view("scatter").output_map() is not None)   # its first frame drawn


def map_at_the_beans(window):
    """The map's a at the grid point nearest each bean, as the plot draws it."""
    x1, x2, values = window.plots.view("scatter").output_map()
    beans = window.controller.beans
    i = np.abs(beans.x[:, 0, None] - x1[None, :]).argmin(axis=1)
    j = np.abs(beans.x[:, 1, None] - x2[None, :]).argmin(axis=1)
    return values[i, j], beans.y


def test_lesson_9_shades_the_networks_output_and_names_its_boundary(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    wait_for_lesson_9(qtbot, window)
    scatter = window.plots.view("scatter")
    assert scatter.isVisible() and window.plots.view("network").isVisible() and window.plots.view("layers").isVisible()
    assert "boundary a = 0.5" in scatter.legend_entries() and "toxic" in scatter.legend_entries()
    at_start = scatter.output_map()
    assert at_start is not None and at_start[2].shape == (len(at_start[0]), len(at_start[1]))
    before = at_start[2].copy()
    window.controller.step()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    qtbot.waitUntil(lambda: not np.array_equal(scatter.output_map()[2], before))   # live: each update moves it


@pytest.mark.slow
def test_a_trained_network_s_map_is_toxic_where_the_toxic_beans_are(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    wait_for_lesson_9(qtbot, window)
    untrained, toxic = map_at_the_beans(window)
    assert np.mean((untrained > 0.5) == (toxic > 0.5)) < 0.7   # at the start: about a coin toss
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)   # skip to the promise
    qtbot.waitUntil(lambda: latest(window).state == "paused" and latest(window).snapshot.step > 0, timeout=120_000)
    trained, toxic = map_at_the_beans(window)
    assert np.mean((trained > 0.5) == (toxic > 0.5)) >= 0.9


def test_lesson_9_counts_its_177_parameters_instead_of_listing_them(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    wait_for_lesson_9(qtbot, window)
    assert window.readouts.values["parameters"].text() == "177"
    assert "w1_11" not in window.readouts.values   # the network diagram draws every weight instead


def test_in_the_projector_column_a_long_named_parameter_s_slope_gets_a_line_of_its_own(qtbot, window):
    """"w11  -0.00455" fits the stacked column's line; "w1_11  +0.00000431" did not (1024×768)."""
    from test_layout import problems_of, settle

    window.resize(1024, 768)
    window.view_actions["projector"].trigger()
    window.controller.load_config(RunConfig(dataset="xor", model="net-2-3-1", optimizer="sgd", lr=0.5), "xor")
    qtbot.waitUntil(lambda: window.controller.config.model == "net-2-3-1" and latest(window).restarted)
    window.controller.step()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    settle()
    readouts = window.readouts
    name = next(label for label in readouts.findChildren(QLabel) if label.text() == "w1_11")
    value, slope = readouts.values["w1_11"], readouts.values["dw1_11"]
    assert name.geometry().bottom() < value.geometry().top() < value.geometry().bottom() < slope.geometry().top()
    assert problems_of(window, projector=True) == []
    # lesson 8's short names keep their slope beside them
    window.lesson_actions["lesson8"].trigger()
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[8].config and latest(window).restarted)
    settle()
    name = next(label for label in readouts.findChildren(QLabel) if label.text() == "w11")
    assert abs(readouts.values["dw11"].geometry().center().y() - name.geometry().center().y()) < name.height()


def test_the_vanishing_gradient_preset_shows_the_first_layer_s_slopes_far_below_the_output_s(qtbot, window):
    window.lesson_actions["lesson17"].trigger()
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[17].config and latest(window).restarted)
    layers = window.plots.view("layers")
    assert layers.isVisible() and window.plots.view("scatter").isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)   # to the stall, paused
    qtbot.waitUntil(lambda: latest(window).state == "paused" and latest(window).snapshot.step >= 5_000,
                    timeout=60_000)
    qtbot.waitUntil(lambda: len(layers.slopes) == 4)
    first, *_middle, output = layers.slopes
    assert output > 20 * first, layers.slopes   # the bars as drawn: the gradient vanishing towards the input
    assert layers.dead == (0, 0, 0)             # sigmoids never die; they saturate
    # a model without layers has nothing for the view: it is not offered
    window.lesson_actions["lesson4"].trigger()
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[4].config and latest(window).restarted)
    assert not window.plots.suits("layers")


def test_the_network_diagram_shows_what_each_neuron_sees_of_the_bean_plane(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    wait_for_lesson_9(qtbot, window)
    window.window_menus.plots.actions["network"].trigger()
    diagram = window.plots.view("network")
    window.controller.step()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1 and len(diagram.thumbnails) == 8 + 8 + 8 + 1)
    # the output's picture is the beans plot's map: toxic's colour where a > 0.5, at the same places
    x1, x2, values = window.plots.view("scatter").output_map()
    model, params = window.controller.landscape.model, np.asarray(latest(window).snapshot.params)
    output = model.neuron_maps(params, x1[::8], x2[::8])[-1][0]
    np.testing.assert_allclose(output, values[::8, ::8], rtol=1e-12)
    # a one-input network (lesson 6) has no plane to picture: its neurons keep their names
    window.lesson_actions["lesson6"].trigger()
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[6].config and latest(window).restarted)
    qtbot.waitUntil(lambda: diagram.thumbnails == {})
