"""Exponential moving average of a loss history, extended chunk by chunk as the run grows."""
from __future__ import annotations

import numpy as np

_BLOCK = 64  # (1 − α)^−64 stays far from overflow for any α ≤ 0.5


def ema(values: np.ndarray, alpha: float, previous: float | None = None) -> np.ndarray:
    """s_k = α·v_k + (1 − α)·s_(k−1), starting from ``previous`` (or from the first value).

    Vectorised in blocks of 64 through s_k = (1−α)^(k+1)·s_(−1) + α·Σ_(j≤k) (1−α)^(k−j)·v_j, so a
    frame of thousands of new losses costs a few numpy calls instead of a Python loop.
    """
    values = np.asarray(values, dtype=np.float64)
    out = np.empty_like(values)
    if len(values) == 0:
        return out
    last = float(values[0]) if previous is None else float(previous)
    decay = 1.0 - alpha
    powers = decay ** np.arange(1, _BLOCK + 1)      # (1−α)^(k+1)
    inverse = decay ** -np.arange(_BLOCK)           # (1−α)^(−j)
    with np.errstate(all="ignore"):
        for start in range(0, len(values), _BLOCK):
            block = values[start:start + _BLOCK]
            m = len(block)
            weighted = np.cumsum(block * inverse[:m]) * (alpha * powers[:m] / decay)
            out[start:start + m] = powers[:m] * last + weighted
            last = out[start + m - 1]
    return out
