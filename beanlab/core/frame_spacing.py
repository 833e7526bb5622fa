"""Which updates of a run become the frames of an animation."""
from __future__ import annotations

import numpy as np

#: The share of the frames that show the first updates one by one, where the line moves fastest.
START_SHARE = 0.25


def spread_frames(first: int, last: int, n_frames: int) -> np.ndarray:
    """Update numbers from ``first`` to ``last`` (both included) for ``n_frames`` frames.

    With room for every update, every update is a frame. Otherwise a quarter of the frames show the
    first updates one after another (gradient descent moves most at the start, and a learner must
    see those steps), and the rest are spread evenly over the remainder, ending on ``last``.
    """
    if last < first:
        raise ValueError(f"the span {first}…{last} is empty")
    if n_frames < 1:
        raise ValueError("an animation needs at least one frame")
    count = last - first + 1
    if n_frames >= count:
        return np.arange(first, last + 1)
    if n_frames == 1:
        return np.array([last])
    at_start = int(n_frames * START_SHARE)
    head = np.arange(first, first + at_start)
    rest = np.linspace(first + at_start, last, n_frames - at_start).round().astype(np.int64)
    return np.concatenate([head, rest])
