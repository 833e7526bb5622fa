import numpy as np
import pytest

from beanlab.core import History, Trainer, make_dataset, make_model, make_optimizer


def default_trainer(**kwargs):
    beans = make_dataset("line-bias", 100, 0)
    options = dict(optimizer=make_optimizer("sgd", lr=0.01))
    options.update(kwargs)
    return Trainer(beans, make_model("wx+b"), options.pop("optimizer"), **options)


def test_step_is_exactly_one_update_and_run_equals_many_steps():
    one_at_a_time, at_once = default_trainer(), default_trainer()
    for _ in range(250):
        one_at_a_time.step()
    assert at_once.run(250) == one_at_a_time.snapshot()
    assert one_at_a_time.snapshot().step == 250 and len(one_at_a_time.history) == 251
    np.testing.assert_array_equal(one_at_a_time.history.params, at_once.history.params)


def test_snapshot_reports_epoch_position_beans_and_gradient():
    trainer = default_trainer()
    snap = trainer.run(130)
    assert (snap.epoch, snap.position, snap.beans) == (1, 30, (29,))
    before = trainer.history.params[-2]
    x, y = trainer.beans.x[29], trainer.beans.y[29]
    np.testing.assert_allclose(snap.gradient, [2 * x * x * before[0] + 2 * x * before[1] - 2 * x * y,
                                               2 * before[1] + 2 * x * before[0] - 2 * y])
    assert snap.loss == pytest.approx(trainer.model.loss(trainer.params, trainer.beans.x, trainer.beans.y))
    with pytest.raises(AttributeError):
        snap.step = 3  # immutable


def test_reset_restores_the_start():
    trainer = default_trainer(order="shuffle", seed=4)
    first = trainer.run(345)
    start = trainer.reset()
    assert start.step == 0 and start.params == (0.1, 0.1) and start.gradient is None and len(trainer.history) == 1
    assert trainer.run(345) == first  # the shuffles replay from the seed too


def test_shuffle_visits_every_bean_once_per_epoch_and_depends_on_the_seed():
    trainer = default_trainer(order="shuffle", seed=1)
    seen = [trainer.step().beans[0] for _ in range(100)]
    assert sorted(seen) == list(range(100)) and seen != list(range(100))
    other = default_trainer(order="shuffle", seed=2)
    assert [other.step().beans[0] for _ in range(100)] != seen


@pytest.mark.parametrize("optimizer", ["sgd", "minibatch", "batch"])
def test_divergence_stops_at_the_last_finite_point(optimizer):
    trainer = default_trainer(optimizer=make_optimizer(optimizer, lr=5.0))
    snap = trainer.run(10_000)
    assert snap.diverged and snap.step < 10_000
    assert np.all(np.isfinite(snap.params)) and snap.loss <= 1e12
    assert np.all(np.isfinite(trainer.history.loss)) and trainer.history.loss.max() <= 1e12
    assert trainer.run(10).step == snap.step  # a diverged run stays stopped
    assert not trainer.reset().diverged


def test_history_grows_in_amortised_constant_time_and_stays_compact():
    history = History(2)
    rows = np.ones((1000, 2))
    for _ in range(1000):
        history.append(rows, rows[:, 0])
    assert len(history) == 1_000_000
    assert history.nbytes <= 40 * 2 ** 20
    trainer = default_trainer()
    trainer.run(1_000_000)
    assert trainer.history.nbytes <= 40 * 2 ** 20
    assert not trainer.history.params.flags.writeable


def test_trainer_refuses_mismatched_data_and_settings():
    with pytest.raises(ValueError, match="feature"):
        Trainer(make_dataset("plane", 10), make_model("wx+b"), make_optimizer("sgd"))
    with pytest.raises(ValueError, match="order"):
        default_trainer(order="random")
    with pytest.raises(ValueError, match="finite"):
        default_trainer(init=(np.nan, 0))


@pytest.mark.parametrize("changes", [{}, {"order": "shuffle"}, {"optimizer": "minibatch", "batch_size": 30},
                                     {"optimizer": "minibatch", "batch_size": 7, "order": "shuffle"},
                                     {"optimizer": "batch"}, {"optimizer": "fixed-step", "step": 0.01},
                                     {"model": "wx"}])
def test_stepping_back_then_forward_gives_the_same_floats(changes):
    from beanlab.core import RunConfig

    config = RunConfig().with_model("wx") if "model" in changes else RunConfig().replace(**changes)
    reference = config.build_trainer()
    snapshots = [reference.snapshot()] + [reference.step() for _ in range(537)]
    trainer = config.build_trainer()
    trainer.run(537)
    for back_to in (536, 400, 100, 1, 0, 299):
        assert trainer.rewind(back_to) == snapshots[back_to]
        assert len(trainer.history) == back_to + 1
        assert trainer.run(537 - back_to) == snapshots[537]
        np.testing.assert_array_equal(trainer.history.params, reference.history.params)
    with pytest.raises(ValueError):
        trainer.rewind(538)
