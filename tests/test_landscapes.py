"""Issue 9: two-feature linear regression (the textbook's data, made-up house prices) and rough
landscapes (saddle, two wells, Rosenbrock, plateau) with gradient noise, from core to window."""
import numpy as np
import pytest
from gui_helpers import full_speed, latest, wait_state
from numeric_helpers import finite_differences

from beanlab.cli import main
from beanlab.core import RunConfig, make_dataset, run_race
from beanlab.core.landscape_models import TERRAINS, LandscapeModel
from beanlab.core.plane_linear import PlaneLinear


def test_the_plane_model_matches_finite_differences_lstsq_and_its_own_slow_path():
    beans = make_dataset("d2l", 200, 3)
    model, params = PlaneLinear(), np.array([0.4, -1.1, 0.7])
    np.testing.assert_allclose(model.grad(params, beans.x, beans.y), finite_differences(model, params, beans.x, beans.y),
                               rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(model.loss_function(beans.x, beans.y)(params[None, :])[0],
                               model.loss(params, beans.x, beans.y), rtol=1e-12)
    design = np.column_stack([beans.x, np.ones(len(beans))])
    np.testing.assert_allclose(model.optimum(beans.x, beans.y), np.linalg.lstsq(design, beans.y, rcond=None)[0])
    fast = model.sgd_path(params, beans.x[:20], beans.y[:20], 0.03)
    slow = params.copy()
    for i in range(20):
        slow = slow - 0.03 * model.grad(slow, beans.x[i:i + 1], beans.y[i:i + 1])
    np.testing.assert_allclose(fast[-1], slow, rtol=1e-13)


def test_the_textbook_command_lands_within_001_of_the_true_values(capsys):
    assert main(["train", "--dataset", "d2l", "--model", "plane-linear", "--optimizer", "minibatch",
                 "--batch-size", "10", "--lr", "0.03", "--epochs", "3", "--order", "shuffle", "--json"]) == 0
    import json

    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["steps"] == 300   # 1,000 samples, batches of 10, three epochs
    for name, true in (("w1", 2.0), ("w2", -3.4), ("b", 4.2)):
        assert abs(result[name] - true) < 0.01, (name, result[name])


def test_house_prices_train_standardised_and_say_the_formula_in_their_own_units():
    beans = make_dataset("house", 100, 0)
    assert np.allclose(beans.x.mean(axis=0), 0) and np.allclose(beans.x.std(axis=0), 1)
    best = PlaneLinear().optimum(beans.x, beans.y)
    w1, w2, b = beans.scale.raw_formula(best)
    raw = beans.x * np.array(beans.scale.stds) + np.array(beans.scale.means)
    np.testing.assert_allclose(raw @ [w1, w2] + b, beans.x @ best[:2] + best[2])   # the same prices
    assert abs(w1 - 2.0) < 0.3 and abs(w2 + 1.5) < 0.3   # near the made-up rule
    assert "area (m²)" in beans.scale.describe(best) and "−" in beans.scale.describe(best)


@pytest.mark.parametrize("name", list(TERRAINS))
def test_each_landscape_slope_is_its_derivative_and_its_lowest_point_is_flat(name):
    model = LandscapeModel(name)
    for point in ([0.3, -0.7], [1.2, 0.4], [-0.9, 1.6]):
        point = np.array(point)
        np.testing.assert_allclose(model.grad(point), finite_differences(model, point, None, None),
                                   rtol=1e-5, atol=1e-6)
    lowest = np.array(TERRAINS[name].lowest)
    assert np.abs(model.grad(lowest)).max() < 1e-6


def test_noise_is_reproducible_point_by_point_and_seeded():
    noisy = LandscapeModel("saddle", 0.01, seed=4)
    point = np.array([0.25, 0.0])
    np.testing.assert_array_equal(noisy.grad(point), noisy.grad(point.copy()))
    assert not np.array_equal(noisy.grad(point), LandscapeModel("saddle", 0.01, seed=5).grad(point))
    assert noisy.grad(point)[1] != 0 and LandscapeModel("saddle").grad(point)[1] == 0


def run(noise):
    config = RunConfig(landscape="saddle", init=(1.0, 0.0), optimizer="batch", lr=0.1, epochs=2000, noise=noise)
    trainer = config.build_trainer()
    trainer.run(2000)
    return trainer


def test_plain_descent_sticks_at_the_saddle_and_noise_escapes_it():
    stuck, escaped = run(0.0), run(0.01)
    assert abs(stuck.loss) < 1e-9 and stuck.params[1] == 0.0
    assert escaped.loss == pytest.approx(-0.5, abs=1e-3) and abs(abs(escaped.params[1]) - 1) < 0.01
    escaped.rewind(700)   # stepping back and forward again: the same floats
    np.testing.assert_array_equal(escaped.run(1300).params, run(0.01).params)


def test_the_pair_races_side_by_side():
    config = RunConfig(landscape="saddle", init=(1.0, 0.0), lr=0.1, epochs=2000)
    race = run_race(config, ["batch", "batch@0.01"])
    plain, noisy = race.results
    assert plain.updates_to_threshold is None and abs(plain.final_loss) < 1e-9
    assert noisy.updates_to_threshold is not None and noisy.final_loss == pytest.approx(-0.5, abs=1e-3)


def test_local_minimum_and_rosenbrock_behave_as_their_captions_say():
    wells = RunConfig(landscape="two-wells", init=(1.5, 0.8), optimizer="batch", lr=0.05, epochs=500).build_trainer()
    wells.run(500)
    shallow_well = np.roots([4, 0, -4, 0.3]).real.max()   # the slope 4w(w² − 1) + 0.3 is zero there
    assert wells.params[0] == pytest.approx(shallow_well, abs=1e-6) and wells.loss > 0
    valley = RunConfig(landscape="rosenbrock", optimizer="adam", lr=0.02, epochs=20000).build_trainer()
    valley.run(20000)
    np.testing.assert_allclose(valley.params, [1, 1], atol=0.05)


def test_noise_is_refused_away_from_landscapes_and_an_unknown_landscape_is_named():
    with pytest.raises(ValueError, match="landscape"):
        RunConfig(noise=0.1).build_trainer()
    with pytest.raises(ValueError, match="unknown landscape"):
        RunConfig(landscape="volcano").build_trainer()


def test_the_window_plays_the_saddle_preset_and_the_noise_slider_gets_it_out(qtbot, window):
    window.load_lesson(10)
    qtbot.waitUntil(lambda: latest(window) is not None and latest(window).restarted
                    and window.controller.config.landscape == "saddle")
    assert not window.plots.view("scatter").isVisible() and window.plots.view("surface").isVisible()
    assert window.optimizer_panel.noise.isVisible() and not window.model_panel.isEnabled()
    full_speed(window, epochs=2000)
    window.actions["play"].trigger()
    wait_state(qtbot, window, "finished")
    assert abs(latest(window).snapshot.loss) < 1e-9
    assert "nowhere to go" in window.explanation.plain_text
    window.optimizer_panel.noise.setValue(10)   # σ = 0.010, as a click on the slider's track would
    qtbot.waitUntil(lambda: window.controller.config.noise == 0.01 and latest(window).snapshot.step == 0)
    window.actions["play"].trigger()
    wait_state(qtbot, window, "finished")
    assert latest(window).snapshot.loss == pytest.approx(-0.5, abs=1e-3)
    window.data_panel.regenerate.click()   # beans again
    qtbot.waitUntil(lambda: window.controller.config.landscape is None)
    assert window.model_panel.isEnabled() and not window.optimizer_panel.noise.isVisible()


def test_the_race_window_offers_the_noisy_pair_on_a_landscape(qtbot, window):
    window.load_lesson(10)
    qtbot.waitUntil(lambda: window.controller.config.landscape == "saddle")
    window.open_race()   # Run → Race optimizers…
    race_window = window.race_window
    assert race_window.chosen() == ["batch", "batch@0.01"]
    race_window.start_race()
    qtbot.waitUntil(lambda: race_window.table.rowCount() == 2, timeout=30_000)
    assert "noise 0.01" in race_window.table.item(1, 0).text()
    plain, noisy = race_window.race.results
    assert abs(plain.final_loss) < 1e-9 and noisy.final_loss == pytest.approx(-0.5, abs=1e-3)
    # both paths on the 3-D surface too: the noisy one ends lowest (f = −1/2 is the bottom of the map)
    plain_path, noisy_path = (race_window.bowl.paths[i].pos for i in (0, 1))
    assert len(plain_path) > 10 and len(noisy_path) > 10 and len(race_window.bowl.paths[2].pos) == 0
    assert noisy_path[-1, 2] < plain_path[-1, 2]


def test_the_landscape_menu_switches_views_and_back(qtbot, window):
    window.landscapes.actions["rosenbrock"].trigger()
    qtbot.waitUntil(lambda: window.controller.config.landscape == "rosenbrock" and latest(window).restarted)
    assert window.controller.config.init == TERRAINS["rosenbrock"].start
    assert "Rosenbrock" in window.data_panel.source.text()
    window.landscapes.actions[None].trigger()
    qtbot.waitUntil(lambda: window.controller.config.landscape is None and latest(window).restarted)
    assert window.plots.view("scatter").isVisible()


def test_a_landscape_exports_without_beans_to_draw(tmp_path):
    from PIL import Image

    out = tmp_path / "saddle.gif"
    assert main(["export", "--landscape", "saddle", "--init=1,0", "--optimizer", "batch", "--lr", "0.1",
                 "--epochs", "100", "--noise", "0.01", "--frames", "12", "--out", str(out)]) == 0
    with Image.open(out) as gif:
        assert gif.n_frames == 12


def test_house_prices_on_one_house_do_not_divide_by_zero():
    beans = make_dataset("house", 1, 0)
    assert np.isfinite(beans.x).all()
