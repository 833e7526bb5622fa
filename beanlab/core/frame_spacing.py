"""Which updates of a run become the frames of an animation."""
from __future__ import annotations

import numpy as np

#: The share of the frames, at least, that show the first updates one by one.
START_SHARE = 0.25


def spread_frames(first: int, last: int, n_frames: int, period: int = 1) -> np.ndarray:
    """Update numbers from ``first`` to ``last`` (both included) for at most ``n_frames`` frames.

    With room for every update, every update is a frame. Otherwise the first frames show the first
    updates one after another (gradient descent moves most at the start, and a learner must see
    those steps: at least a quarter of the frames), and the rest fall evenly on updates that are
    whole multiples of ``period``, ending on ``last``. With ``period`` the updates of one epoch, the
    later frames are ends of epochs: the course itself redraws once an epoch, and per-sample SGD
    swings through each epoch the same way, so frames at the same point of every epoch show how
    the run settles instead of that swing. Frames the epochs cannot fill go to the start.
    """
    if last < first:
        raise ValueError(f"the span {first}…{last} is empty")
    if n_frames < 1:
        raise ValueError("an animation needs at least one frame")
    if period < 1:
        raise ValueError("the period must be at least one update")
    count = last - first + 1
    if n_frames >= count:
        return np.arange(first, last + 1)
    if n_frames == 1:
        return np.array([last])
    head = max(int(n_frames * START_SHARE), 1)
    after_head = first + head
    # candidates for the rest: multiples of the period after the head, and the last update
    candidates = np.arange(-(-after_head // period) * period, last + 1, period)
    candidates = np.union1d(candidates[candidates < last], [last])
    rest = n_frames - head
    if len(candidates) <= rest:
        # every candidate is a frame; the start takes the rest (and absorbs candidates it reaches)
        head = n_frames - len(candidates)
        while head + len(candidates) - np.searchsorted(candidates, first + head) < n_frames:
            head += 1
        return np.concatenate([np.arange(first, first + head), candidates[candidates >= first + head]])
    chosen = np.linspace(0, len(candidates) - 1, rest).round().astype(np.int64)
    return np.concatenate([np.arange(first, after_head), candidates[chosen]])
