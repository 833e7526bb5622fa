"""Issue 19: backpropagation on the computation graph, for lessons 3–6's models: the graph's forward
value at e is the bean's loss, and its backward slopes at the parameters are the model's gradient."""
import numpy as np
import pytest
from gui_helpers import latest

from beanlab.core import LESSONS, MODELS, make_dataset
from beanlab.core.compute_graph import GraphBuilder
from beanlab.core.deep_network import NetworkShape, network_class

DRAWN = [("wx", {}), ("wx+b", {}), ("sigmoid", {}), ("net", {"hidden": 2}), ("net", {"hidden": 5}),
         ("net-2-1", {}), ("net-2-2-1", {})]   # and the small networks on two features


@pytest.mark.parametrize(("name", "settings"), DRAWN, ids=lambda v: str(v))
def test_the_graph_s_slopes_are_the_model_s_gradient_for_one_bean(name, settings):
    model = MODELS.lookup(name)(**settings)
    beans = make_dataset(model.lesson_dataset, 20, seed=4)
    rng = np.random.default_rng(7)
    for bean in (0, 7, 19):
        params = rng.normal(0, 1, model.n_params)
        x = float(beans.x[bean]) if beans.x.ndim == 1 else beans.x[bean]
        graph = model.compute_graph(params, x, float(beans.y[bean]))
        assert graph.nodes[graph.loss].value == pytest.approx(model.loss(params, beans.x[bean:bean + 1],
                                                                         beans.y[bean:bean + 1]), rel=1e-12)
        slopes = [graph.slope_of(p) for p in model.param_names]
        np.testing.assert_allclose(slopes, model.grad(params, beans.x[bean:bean + 1], beans.y[bean:bean + 1]),
                                   rtol=1e-12, atol=1e-15)


def test_every_node_s_slope_is_the_sum_over_its_users_of_their_slope_times_the_local_one():
    g = GraphBuilder()
    w, x = g.param("w", 0.5), g.bean("x", 2.0)
    product = g.mul(w, x)
    used_twice = g.add(product, product)          # w·x twice: its slope gathers from both uses
    graph = g.squared_error(used_twice, g.bean("y", 1.0))
    # e = (2wx − y)² = (2 − 1)²: ∂e/∂w = 2(2wx − y)·2x = 8
    assert graph.nodes[graph.loss].value == 1.0 and graph.slope_of("w") == pytest.approx(8.0)
    assert graph.nodes[product].slope == pytest.approx(4.0) and graph.nodes[graph.loss].slope == 1.0
    depths = graph.depths()
    assert depths[w] == depths[x] == 0 and depths[used_twice] == 2 and depths[graph.loss] == 4


def test_cross_entropy_runs_draw_no_graph():
    assert MODELS.lookup("sigmoid")("cross-entropy").compute_graph(np.zeros(2), 0.5, 1.0) is None
    assert MODELS.lookup("net-2-2-1")("cross-entropy").compute_graph(np.zeros(9), (0.5, 1.0), 1.0) is None


def test_a_networks_graph_draws_each_activation_and_a_big_network_none():
    shape = NetworkShape(1, (2, 1), per_layer=("relu", "tanh"))
    model = network_class("graph-test", "test", shape, "window")()
    graph = model.compute_graph(np.full(model.n_params, 0.5), 1.0, 0.0)
    assert [node.label for node in graph.nodes if node.kind == "op" and len(node.inputs) == 1][:4] == [
        "ReLU", "ReLU", "tanh", "σ"]
    # lesson 9's 177 parameters, or even two inputs into three neurons: columns of too many boxes to read
    assert MODELS.lookup("deep-relu").compute_graph is None and MODELS.lookup("net-2-3-1").compute_graph is None


def test_the_window_draws_the_last_update_s_graph_with_the_slopes_it_moved_by(qtbot, window):
    window.lesson_actions["lesson4"].trigger()
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[4].config and latest(window).restarted)
    window.window_menus.plots.actions["graph"].trigger()   # one click away, under View → Plots
    view = window.plots.view("graph")
    assert view.isVisible()
    for update in (1, 2, 3):
        window.controller.step()
        qtbot.waitUntil(lambda update=update: latest(window).snapshot.step == update)
        qtbot.waitUntil(lambda update=update: view.title.startswith(f"Backprop: update {update},"))
        moved_by = latest(window).snapshot.gradient   # the readouts' ∂e/∂w and ∂e/∂b (this bean)
        np.testing.assert_allclose([view.graph.slope_of("w"), view.graph.slope_of("b")], moved_by, rtol=1e-12)
        assert view.title.endswith(f"bean {latest(window).snapshot.beans[0] + 1}")
    window.lesson_actions["lesson9"].trigger()   # 177 parameters: no graph to draw, the view is not offered
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[9].config and latest(window).restarted)
    assert not window.plots.suits("graph")


def graph_in_stages(qtbot, window, number):
    window.lesson_actions[f"lesson{number}"].trigger()
    qtbot.waitUntil(lambda: window.controller.config == LESSONS[number].config and latest(window).restarted)
    window.window_menus.plots.actions["graph"].trigger()
    window.view_actions["stages"].trigger()            # View → Step in stages
    assert window.stepper.enabled
    return window.plots.view("graph")


@pytest.mark.parametrize("number", [4, 6])
def test_stepping_in_stages_fills_the_graph_forward_left_to_right_then_back_from_e(qtbot, window, number):
    view = graph_in_stages(qtbot, window, number)
    before = latest(window).snapshot
    window.stepper.step()                                # stage 1: the bean, and its graph with nothing computed
    qtbot.waitUntil(lambda: window.stepper.stage == 1 and view.stages is not None)
    bean = 0                                             # lessons 4 and 6 take the beans in order: update 1, bean 1
    columns, n = view.graph.columns(), view.stages.n_columns
    assert view.title == f"Next update, bean {bean + 1}: forward 0 of {n}"
    assert all(slope == "" and "=" not in forward for forward, slope in view.shown_texts())
    for stage in range(1, n + 1):                        # forward, a column a press, left to right
        window.stepper.step()
        texts = view.shown_texts()
        assert [("=" in texts[i][0] or "  " in texts[i][0]) for i in range(len(texts))] == [
            column < stage for column in columns]
        assert all(slope == "" for _, slope in texts)
    assert view.shown_texts()[view.graph.loss][0].startswith("e = ")
    for stage in range(1, n + 1):                        # then back from e, a column a press, right to left
        window.stepper.step()
        texts = view.shown_texts()
        assert [bool(texts[i][1]) for i in range(len(texts))] == [
            column >= n - stage and node.kind != "bean" for column, node in zip(columns, view.graph.nodes)]
        assert window.stepper.stage == 1 and latest(window).snapshot.step == before.step   # nothing moved yet
    assert view.title == f"Next update, bean {bean + 1}: back {n} of {n}"
    told = {node.label: node.slope for node in view.graph.nodes if node.kind == "param"}
    window.stepper.step()                                # stage 2: the slope's text, the graph's numbers
    assert window.stepper.stage == 2
    window.stepper.step()                                # stage 3: the move
    qtbot.waitUntil(lambda: latest(window).snapshot.step == before.step + 1)
    qtbot.waitUntil(lambda: view.title.startswith(f"Backprop: update {before.step + 1},"))
    moved_by = latest(window).snapshot.gradient           # the update made moved by the slopes the graph showed
    names = window.controller.landscape.model.param_names
    np.testing.assert_allclose([told[name] for name in names], moved_by, rtol=1e-12)
