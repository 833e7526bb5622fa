import numpy as np
import pytest

from beanlab.core import DATASETS, make_dataset


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_dataset_is_reproducible_from_its_seed(name):
    a, b, c = make_dataset(name, 50, seed=7), make_dataset(name, 50, seed=7), make_dataset(name, 50, seed=8)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.x, c.x)


@pytest.mark.parametrize("name", list(DATASETS))
@pytest.mark.parametrize("n", [1, 2, 100, 1001])
def test_shapes_and_sorted_sizes(name, n):
    beans = make_dataset(name, n, seed=1)
    assert len(beans) == n and beans.y.shape == (n,)
    if DATASETS[name].n_features == 1:
        assert beans.x.shape == (n,)
        assert np.all(np.diff(beans.x) >= 0)
    else:
        assert beans.x.shape == (n, 2)


def test_formulas_follow_the_course():
    rng = np.random.default_rng(5)
    x = np.sort(rng.random(200))
    np.testing.assert_array_equal(make_dataset("line", 200, 5).y, 1.2 * x + rng.random(200) / 10)

    a = make_dataset("line", 10_000, 2)
    noise = a.y - 1.2 * a.x
    assert noise.min() >= 0 and noise.max() < 0.1
    b = make_dataset("line-bias", 10_000, 2)
    residual = b.y - 0.7 * b.x - 0.5
    assert residual.min() >= -0.1 and residual.max() <= 0.1
    for name in ("threshold", "window", "plane", "circle", "two-windows"):
        assert set(np.unique(make_dataset(name, 500, 3).y)) == {0.0, 1.0}
    e = make_dataset("plane", 500, 3)
    np.testing.assert_array_equal(e.y, (e.x[:, 0] - 0.5 * e.x[:, 1] - 0.1 > 0))
    d = make_dataset("window", 2000, 3)
    assert d.x.max() < 2 and d.y[(d.x > 0.6) & (d.x < 1.1)].min() == 1 and d.y[d.x < 0.3].max() == 0


@pytest.mark.parametrize("bad", [0, -3, 2.5, "10"])
def test_bad_counts_and_names_are_refused(bad):
    with pytest.raises(ValueError):
        make_dataset("line", bad)
    with pytest.raises(ValueError, match="unknown dataset"):
        make_dataset("lines", 10)


def test_beans_are_read_only_copies():
    beans = make_dataset("line", 5)
    with pytest.raises(ValueError):
        beans.x[0] = 3.0
