from unittest import mock

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import beanlab.core.trainer as trainer_module
from beanlab.core import History, Trainer, make_dataset, make_model, make_optimizer

# each model on beans of its lessons: (model, dataset, hidden neurons)
MODELS = [("wx", "line", 2), ("wx+b", "line-bias", 2), ("sigmoid", "threshold", 2), ("net", "window", 2),
          ("net", "two-windows", 3), ("plane", "plane", 2), ("plane-linear", "d2l", 2)]
OPTIMIZERS = ["sgd", "minibatch", "batch", "fixed-step", "rosenblatt", "sweep", "adam", "nesterov"]


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


def same_records(one, other):
    for mine, theirs in zip(one.history.rows_from(0), other.history.rows_from(0)):
        np.testing.assert_array_equal(mine, theirs)


@settings(max_examples=250, deadline=None)
@given(case=st.sampled_from(MODELS), optimizer=st.sampled_from(OPTIMIZERS),
       order=st.sampled_from(["sequential", "shuffle"]), n_beans=st.integers(1, 9), batch_size=st.integers(1, 4),
       lr=st.sampled_from([0.01, 0.5, 40.0]), seed=st.integers(0, 9), chunk=st.integers(1, 7),
       runs=st.lists(st.integers(0, 25), min_size=1, max_size=4))
def test_run_makes_the_same_floats_as_that_many_steps(case, optimizer, order, n_beans, batch_size, lr, seed,
                                                      chunk, runs):
    """run(n), the fast path in chunks, against n steps: across epochs, and into divergence (lr 40)."""
    name, dataset, hidden = case
    assume(optimizer != "rosenblatt" or name in ("wx", "wx+b", "plane-linear"))   # the lines' rule only

    def trainer():
        model = make_model(name, hidden=hidden)
        return Trainer(make_dataset(dataset, n_beans, seed), model,
                       make_optimizer(optimizer, lr=lr, step=lr / 10, batch_size=batch_size),
                       order=order, init=model.initial_params(seed), seed=seed)

    stepped, ran = trainer(), trainer()
    with mock.patch.object(trainer_module, "_LARGEST_CHUNK", chunk):
        for count in runs:
            for _ in range(count):
                stepped.step()
            assert ran.run(count) == stepped.snapshot()
            np.testing.assert_array_equal(ran.params, stepped.params)
            same_records(ran, stepped)
    assert ran.loss == stepped.loss and ran.diverged == stepped.diverged


@pytest.mark.parametrize(("optimizer", "lr"), [("sgd", 0.8), ("minibatch", 0.8), ("rosenblatt", 1.5),
                                               ("momentum", 0.3), ("nesterov", 0.5)])
def test_run_and_steps_stop_at_the_same_update_when_the_run_blows_up_epochs_later(optimizer, lr):
    def trainer():
        return Trainer(make_dataset("line-bias", 7, 0), make_model("wx+b"),
                       make_optimizer(optimizer, lr=lr, batch_size=3))

    stepped, ran = trainer(), trainer()
    while not stepped.diverged:
        stepped.step()
    assert ran.run(100_000) == stepped.snapshot() and stepped.epoch > 20
    same_records(ran, stepped)


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
