import numpy as np

from beanlab.core import cost_curve, cost_surface, make_dataset, optimum


def test_cost_surface_matches_naive_broadcasting():
    beans = make_dataset("line-bias", 500, 3)
    w, b = np.linspace(-1, 3, 41), np.linspace(-2, 2, 23)
    naive = np.mean((beans.y[None, None, :] - w[:, None, None] * beans.x - b[None, :, None]) ** 2, axis=2)
    surface = cost_surface(beans.x, beans.y, w, b)
    assert surface.shape == (41, 23)
    np.testing.assert_allclose(surface, naive, rtol=1e-12, atol=1e-15)


def test_cost_curve_matches_the_course_lesson2_sweep():
    beans = make_dataset("line", 100, 0)
    ws = np.arange(0, 3, 0.1)
    expected = [np.mean((beans.y - w * beans.x) ** 2) for w in ws]
    np.testing.assert_allclose(cost_curve(beans.x, beans.y, ws), expected, rtol=1e-12)


def test_optimum_is_the_lowest_point_of_the_surface():
    beans = make_dataset("line-bias", 200, 9)
    w_star, b_star = optimum(beans.x, beans.y, "wx+b")
    w, b = np.linspace(w_star - 0.1, w_star + 0.1, 21), np.linspace(b_star - 0.1, b_star + 0.1, 21)
    surface = cost_surface(beans.x, beans.y, w, b)
    assert np.unravel_index(np.argmin(surface), surface.shape) == (10, 10)
    (w1,) = optimum(beans.x, beans.y, "wx")
    assert np.argmin(cost_curve(beans.x, beans.y, [w1 - 0.01, w1, w1 + 0.01])) == 1
