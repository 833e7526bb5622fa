"""A classifier's output over the plane of two features: what the beans plot shades, live, for a network
whose boundary a = 0.5 is no straight line (lesson 9's spiral)."""
from __future__ import annotations

import numpy as np


def output_on_grid(model, params, x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """``model``'s prediction a at every (x1[i], x2[j]): an array of shape (len(x1), len(x2))."""
    grid = np.column_stack([np.repeat(x1, len(x2)), np.tile(x2, len(x1))])
    return model.predict(np.asarray(params, dtype=np.float64), grid).reshape(len(x1), len(x2))
