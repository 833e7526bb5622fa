"""Exponential moving average of a loss history, extended chunk by chunk as the run grows."""
from __future__ import annotations

import numpy as np

_LARGEST_BLOCK = 4096   # values per vectorised block: a frame of 100,000 losses takes 25 numpy rounds
_LARGEST_WEIGHT = 1e150  # (1 − α)^−block stays below this, far from overflow (and losses are ≤ 1e12)


def ema(values: np.ndarray, alpha: float, previous: float | None = None) -> np.ndarray:
    """s_k = α·v_k + (1 − α)·s_(k−1), starting from ``previous`` (or from the first value).

    Vectorised in blocks (up to 512 values) through s_k = (1−α)^(k+1)·s_(−1) + α·Σ_(j≤k) (1−α)^(k−j)·v_j, so a
    frame of thousands of new losses costs a few numpy calls instead of a Python loop.
    """
    values = np.asarray(values, dtype=np.float64)
    out = np.empty_like(values)
    if len(values) == 0:
        return out
    last = float(values[0]) if previous is None else float(previous)
    decay = 1.0 - alpha
    if decay <= 0.0:
        return values.copy()   # α = 1: no memory at all
    block_size = int(min(_LARGEST_BLOCK, max(1, np.log(_LARGEST_WEIGHT) // -np.log(decay)))) if decay < 1 \
        else _LARGEST_BLOCK
    powers = decay ** np.arange(1, block_size + 1)      # (1−α)^(k+1)
    inverse = decay ** -np.arange(block_size)           # (1−α)^(−j)
    with np.errstate(all="ignore"):
        for start in range(0, len(values), block_size):
            block = values[start:start + block_size]
            m = len(block)
            weighted = np.cumsum(block * inverse[:m]) * (alpha * powers[:m] / decay)
            out[start:start + m] = powers[:m] * last + weighted
            last = out[start + m - 1]
    return out
