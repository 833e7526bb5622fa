"""The run's record stays bounded however long the run, and what it keeps is exact."""
import functools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import beanlab.core.replay as replay_module
import beanlab.core.trainer as trainer_module
from beanlab.core import RunConfig, open_session, session_json
from beanlab.core.history import History

SMALL = {"exact_bytes": 24 * 400, "head_rows": 50, "middle_rows": 64}   # an exact tail of 200–400 rows


def filled(total, pieces, n_params=2, seed=0):
    """A small History and the full record it was given, appended in pieces of random sizes."""
    rng = np.random.default_rng(seed)
    params, loss = rng.random((total, n_params)), rng.random(total)
    history, start = History(n_params, **SMALL), 0
    for size in pieces:
        history.append(params[start:start + size], loss[start:start + size])
        start += size
    history.append(params[start:], loss[start:])
    return history, params, loss


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 3000), st.lists(st.integers(1, 700), max_size=30))
def test_what_is_kept_is_exact_and_bounded(total, pieces):
    history, params, loss = filled(total, pieces)
    updates, kept_params, kept_loss = history.rows_from(0)
    assert len(history) == total and updates[-1] == total - 1
    np.testing.assert_array_equal(kept_params, params[updates])
    np.testing.assert_array_equal(kept_loss, loss[updates])
    assert len(updates) <= 50 + 64 + 400
    assert history.nbytes <= 8 * 3 * (50 + 2 * 64 + 400) + 16 * 2 * 64
    # every update from `start` on is there, and so is the first of the head
    assert history.holds_all(history.start, total - 1) and history.holds(min(49, total - 1))
    assert total < 400 or history.start >= total - 400
    tail = history.rows_from(history.start)[0]
    np.testing.assert_array_equal(tail, np.arange(history.start, total))


def test_the_whole_record_is_refused_once_part_is_dropped():
    history, params, _ = filled(300, [])
    np.testing.assert_array_equal(history.params, params)
    history, *_ = filled(5000, [])
    with pytest.raises(ValueError, match="rows_from"):
        _ = history.loss


def test_truncating_within_the_tail_and_back_into_the_head():
    history, params, loss = filled(3000, [])
    history.truncate(2900)
    assert len(history) == 2900 and history.loss_at(2899) == loss[2899]
    with pytest.raises(ValueError):
        history.truncate(history.start - 10)   # in the sampled middle: not exact
    history.truncate(30)                       # back into the exact head
    np.testing.assert_array_equal(history.params, params[:30])
    history.append(params[30:40], loss[30:40])
    np.testing.assert_array_equal(history.loss, loss[:40])


def test_loading_kept_rows_gives_the_same_record_that_goes_on_sampling_alike():
    history, *_ = filled(5000, [])
    again = History(2, **SMALL)
    again.load_kept(*history.rows_from(0))
    for a, b in zip(again.rows_from(0), history.rows_from(0)):
        np.testing.assert_array_equal(a, b)
    assert again.start == history.start
    rng = np.random.default_rng(1)
    more_params, more_loss = rng.random((2000, 2)), rng.random(2000)
    history.append(more_params, more_loss)
    again.append(more_params, more_loss)
    for a, b in zip(again.rows_from(0), history.rows_from(0)):
        np.testing.assert_array_equal(a, b)


@pytest.fixture
def small_records(monkeypatch):
    """Trainers whose record keeps only a few hundred updates exactly, so a long run is short to make."""
    monkeypatch.setattr(trainer_module, "History", functools.partial(History, **SMALL))
    monkeypatch.setattr(replay_module, "MEMORY_EVERY", 100)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_long_run_steps_back_exactly_within_what_it_keeps(small_records, optimizer):
    config = RunConfig(dataset="line-bias", model="wx+b", optimizer=optimizer, lr=0.01, batch_size=10, n=40)
    trainer = config.build_trainer()
    trainer.run(2537)
    assert trainer.history.start > 0
    reference = config.build_trainer()
    reference.run(2500)
    trainer.rewind(2500)
    assert trainer.snapshot() == reference.snapshot()
    np.testing.assert_array_equal(trainer.run(37).params, reference.run(37).params)
    with pytest.raises(ValueError, match="keeps only its last"):
        trainer.rewind(trainer.history.start - 1)
    assert trainer.step_count == 2537   # refused: nothing changed


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_a_long_session_goes_on_with_the_same_floats(small_records, optimizer):
    config = RunConfig(dataset="line-bias", model="wx+b", optimizer=optimizer, lr=0.01, batch_size=10, n=40,
                       order="shuffle")
    trainer = config.build_trainer()
    trainer.run(3001)
    opened = open_session(session_json(trainer, config)).trainer
    assert opened.snapshot() == trainer.snapshot() and opened.history.start == trainer.history.start
    np.testing.assert_array_equal(opened.run(250).params, trainer.run(250).params)
