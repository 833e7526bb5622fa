"""The seed → bean order of a run: every update's beans, against the orders drawn directly."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beanlab.core.bean_order import BeanOrder


def drawn_orders(n_beans, order, seed, epochs):
    """Each epoch's order as the course's loops would draw it: a fresh permutation per epoch, or 0, 1, …"""
    rng = np.random.default_rng(seed)
    return [rng.permutation(n_beans) if order == "shuffle" else np.arange(n_beans) for _ in range(epochs)]


@settings(max_examples=150, deadline=None)
@given(n_beans=st.integers(1, 25), data=st.data(), order=st.sampled_from(["sequential", "shuffle"]),
       seed=st.integers(0, 2 ** 32 - 1))
def test_every_update_takes_its_slice_of_its_epoch_in_any_order_asked(n_beans, data, order, seed):
    per_update = data.draw(st.integers(1, n_beans))
    beans = BeanOrder(n_beans, per_update, order, seed)
    orders = drawn_orders(n_beans, order, seed, 6)
    slices = [(e, start) for e in range(6) for start in range(0, n_beans, per_update)]
    assert beans.updates_per_epoch == len(slices) // 6
    asked = data.draw(st.lists(st.integers(0, len(slices)), max_size=40))   # any order: back and forth
    for update in asked:
        if update == 0:
            assert len(beans.beans_of_update(0)) == 0
            continue
        epoch, start = slices[update - 1]
        np.testing.assert_array_equal(beans.beans_of_update(update), orders[epoch][start:start + per_update])
        assert beans.epoch_and_position(update) == ((epoch + 1, 0) if start + per_update >= n_beans
                                                    else (epoch, start + per_update))


@settings(max_examples=100, deadline=None)
@given(n_beans=st.integers(1, 12), order=st.sampled_from(["sequential", "shuffle"]), seed=st.integers(0, 99),
       places=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 40)), min_size=1, max_size=10))
def test_beans_from_a_place_run_on_across_epochs(n_beans, order, seed, places):
    beans = BeanOrder(n_beans, 1, order, seed)
    stream = np.concatenate(drawn_orders(n_beans, order, seed, 110 // n_beans + 2))
    for place, count in places:
        np.testing.assert_array_equal(beans.beans_from(place, count), stream[place:place + count])
        if count:   # one bean per update: update u uses the bean at place u − 1
            np.testing.assert_array_equal(beans.beans_of_update(place + 1), stream[place:place + 1])


def test_an_epoch_visits_every_bean_once_and_the_seed_decides_the_shuffle():
    first, other = BeanOrder(50, 7, "shuffle", seed=1), BeanOrder(50, 7, "shuffle", seed=2)
    epoch = np.concatenate([first.beans_of_update(u) for u in range(1, first.updates_per_epoch + 1)])
    assert sorted(epoch) == list(range(50)) and list(epoch) != list(range(50))
    assert len(first.beans_of_update(first.updates_per_epoch)) == 50 - 7 * 7   # the leftover beans
    assert not np.array_equal(first.epoch_order(0), other.epoch_order(0))
    assert not np.array_equal(first.epoch_order(0), first.epoch_order(1))
    np.testing.assert_array_equal(BeanOrder(50, 7).epoch_order(3), np.arange(50))


def test_the_orders_handed_out_cannot_be_changed_and_a_wrong_order_is_refused():
    beans = BeanOrder(10, 3, "shuffle", 0)
    with pytest.raises(ValueError):
        beans.beans_of_update(2)[0] = 5
    with pytest.raises(ValueError, match="unknown bean order"):
        BeanOrder(10, 3, "random", 0)


@pytest.mark.parametrize("order", ["sequential", "shuffle"])
def test_the_history_csv_names_the_beans_each_update_used(order):
    from beanlab.core import RunConfig
    from beanlab.core.run_history import history_csv_text

    trainer = RunConfig(optimizer="minibatch", batch_size=7, order=order, n=40).build_trainer()
    snapshots = [trainer.step() for _ in range(20)]   # epochs of 6 updates, the last of 5 beans
    rows = [line.split(",")[2] for line in history_csv_text(trainer).splitlines()[1:]]
    for snapshot, named in zip(snapshots, rows):
        beans = list(snapshot.beans)
        assert named == (f"{beans[0]}-{beans[-1]}" if order == "sequential" else " ".join(map(str, beans)))
