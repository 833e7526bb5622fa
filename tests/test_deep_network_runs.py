"""A deep network is a model like any other (issue 19): every optimizer, run() equal to steps, stepping
back, sessions and export give the same floats as for the lines; and the block recording of stepwise
optimizers keeps a stateful optimizer's memory where step back needs it."""
import numpy as np
import pytest

from beanlab.core import OPTIMIZERS, RunConfig, open_session, session_json

STEPWISE = [name for name in OPTIMIZERS if name not in ("rosenblatt", "sweep")]   # those two are for lines


def config_for(optimizer, **changes):
    return RunConfig(dataset="spiral", model="deep-relu-4", optimizer=optimizer, lr=0.05, batch_size=10,
                     epochs=1000, **changes)


@pytest.mark.parametrize("optimizer", STEPWISE)
def test_every_optimizer_runs_a_deep_network_with_the_floats_of_single_steps(optimizer):
    config = config_for(optimizer)
    stepped = config.build_trainer()
    snapshots = [stepped.snapshot()] + [stepped.step() for _ in range(1_234)]   # across a kept memory (1,000)
    run = config.build_trainer()
    run.run(1_234)
    assert run.snapshot() == snapshots[-1]
    np.testing.assert_array_equal(run.history.params, stepped.history.params)
    for back_to in (1_100, 999, 1_000, 300, 0):
        assert run.rewind(back_to) == snapshots[back_to]
        assert run.run(1_234 - back_to) == snapshots[-1]


@pytest.mark.parametrize("optimizer", ["adam", "minibatch"])
def test_a_deep_network_s_session_goes_on_with_the_same_floats(optimizer):
    config = config_for(optimizer, order="shuffle")
    uninterrupted = config.build_trainer()
    uninterrupted.run(1_500)
    trainer = config.build_trainer()
    trainer.run(1_111)
    session = open_session(session_json(trainer, config, lesson=None))
    assert session.trainer.run(1_500 - 1_111) == uninterrupted.snapshot()
    assert session.trainer.rewind(1_050) == uninterrupted.rewind(1_050)


def test_a_deep_network_exports_headless(tmp_path, capsys):
    from beanlab.cli import main

    out = tmp_path / "l18.gif"
    assert main(["export", "--lesson", "18", "--epochs", "20", "--out", str(out)]) == 0
    assert out.stat().st_size > 1000 and out.read_bytes()[:6] in (b"GIF89a", b"GIF87a")
    history = tmp_path / "l18.csv"
    assert main(["train", "--lesson", "18", "--epochs", "20", "--history", str(history)]) == 0
    rows = history.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 20 * 10 + 1 and rows[0].startswith("update,epoch,beans,w1_11,")   # a header, 200 updates
    assert rows[1].startswith("1,1,0-9,") and rows[-1].startswith("200,20,90-99,")


def test_a_network_with_a_straight_output_fits_a_curve_through_lesson_4_s_beans():
    config = RunConfig(dataset="line-bias", model="net-1-4-4-1", optimizer="minibatch", lr=0.05, batch_size=10,
                       epochs=2000)
    trainer = config.build_trainer()
    assert not trainer.model.classifies and trainer.model.activations_on
    x, y = trainer.beans.x, trainer.beans.y
    np.testing.assert_array_equal(trainer.model.predict(trainer.params, x), trainer.model.output_z(trainer.params, x))
    trainer.run(20_000)
    design = np.column_stack([x, np.ones_like(x)])
    best_line = np.mean((design @ np.linalg.lstsq(design, y, rcond=None)[0] - y) ** 2)
    assert trainer.loss == pytest.approx(np.mean((trainer.model.predict(trainer.params, x) - y) ** 2), rel=1e-12)
    assert trainer.loss < 1.05 * best_line   # the beans lie on a line: the curve finds (about) it


def test_the_window_draws_a_regression_network_s_curve(qtbot, window):
    from gui_helpers import latest

    window.model_panel.choose("net-1-4-4-1")
    qtbot.waitUntil(lambda: window.controller.config.model == "net-1-4-4-1" and latest(window).restarted)
    assert window.controller.config.dataset == "line-bias"
    window.controller.step()
    qtbot.waitUntil(lambda: latest(window).snapshot.step == 1)
    xs, ys = window.scatter.fitted_line()
    model = window.controller.landscape.model
    np.testing.assert_allclose(ys, model.predict(np.array(latest(window).snapshot.params), xs), rtol=1e-9)
    assert window.readouts.values["parameters"].text() == "33"
