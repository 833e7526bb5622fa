"""The loss plot's moving average against the plain recurrence it stands for."""
import numpy as np
import pytest

from beanlab.core import ema


def recurrence(values, alpha, previous=None):
    out, last = [], values[0] if previous is None else previous
    for v in values:
        last = alpha * v + (1 - alpha) * last
        out.append(last)
    return np.array(out)


@pytest.mark.parametrize("alpha", [0.001, 0.05, 0.3, 0.5, 0.9, 1.0])
def test_ema_equals_the_recurrence_over_many_blocks(alpha):
    values = np.random.default_rng(1).lognormal(-3, 2, 5_000)   # losses: positive, many magnitudes
    np.testing.assert_allclose(ema(values, alpha), recurrence(values, alpha), rtol=1e-9, atol=0)


def test_ema_continues_chunk_by_chunk_as_the_worker_sends_it():
    values = np.random.default_rng(2).lognormal(-3, 1, 3_001)
    whole = ema(values, 0.05)
    first = ema(values[:1_234], 0.05)
    rest = ema(values[1_234:], 0.05, first[-1])
    np.testing.assert_allclose(np.concatenate([first, rest]), whole, rtol=1e-12)
    assert len(ema(values[:0], 0.05)) == 0
