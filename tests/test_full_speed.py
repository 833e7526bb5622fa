"""The full-speed budget on its own (a clock turned by hand) and the frames that carry only the sampled rows."""
import numpy as np

from beanlab.core import FrameMaker, RunState, SampledHistory
from beanlab.core.frame import sample_stride
from beanlab.core.full_speed import (CHUNK_S, LONGEST_BUDGET_S, SHORTEST_BUDGET_S, TRAINING_SHARE,
                                     FullSpeedBudget)
from beanlab.core.snapshot import Snapshot


def test_training_takes_its_share_of_each_cycle():
    budget = FullSpeedBudget()
    budget.start()
    budget.budget_s(0.0)
    budget.trained(1.0)
    rest = 0.020                       # the frame took 20 ms to make and draw
    train = budget.budget_s(1.0 + rest)
    assert abs(train / (train + rest) - TRAINING_SHARE) < 1e-9


def test_the_budget_stays_within_its_bounds():
    budget = FullSpeedBudget()
    budget.budget_s(0.0)
    budget.trained(0.0)
    assert budget.budget_s(10.0) == LONGEST_BUDGET_S   # a stall is not a frame to match
    budget.trained(10.0)
    assert budget.budget_s(10.0) == SHORTEST_BUDGET_S


def test_chunks_follow_the_measured_rate_and_the_time_left():
    budget = FullSpeedBudget()
    for _ in range(40):
        budget.chunk_took(1000, 0.001)     # a million updates a second
    assert abs(budget.chunk(1.0) - 1e6 * CHUNK_S) <= 2
    assert budget.chunk(0.001) <= 1001
    assert budget.chunk(-1.0) == 1         # always at least one update


def _snapshot(step):
    return Snapshot(step=step, epoch=0, position=0, params=(0.0,), loss=1.0, gradient=None, beans=(0,),
                    diverged=False)


def test_a_frame_carries_only_the_rows_the_window_sample_keeps():
    rows, max_rows = 50_000, 100
    loss = np.linspace(1, 2, rows)
    params = np.arange(rows, dtype=float)[:, None]
    whole, thinned = SampledHistory(2, max_rows), SampledHistory(2, max_rows)
    everything, sampled = FrameMaker(), FrameMaker(sample_rows=max_rows)
    for start in range(0, rows, 7_000):
        part = slice(start, min(start + 7_000, rows))
        updates = np.arange(part.start, part.stop)
        for maker, sample in ((everything, whole), (sampled, thinned)):
            frame = maker.make_frame(_snapshot(part.stop - 1), RunState.PLAYING, updates, params[part], loss[part])
            sample.append(frame.updates, np.column_stack([frame.params, frame.smoothed_loss]))
        assert len(frame.updates) <= 7_000 // sample_stride(part.stop - 1, max_rows) + 1
    assert sampled.next_update == everything.next_update == rows
    np.testing.assert_array_equal(thinned.updates, whole.updates)
    np.testing.assert_array_equal(thinned.values, whole.values)   # the smoothing saw every loss
