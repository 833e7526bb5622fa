"""A classifier's output over the plane of two features: what the beans plot shades, live, for a network
whose boundary a = 0.5 is no straight line (lesson 9's spiral)."""
from __future__ import annotations

import numpy as np


def plane_grid(x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """Every (x1[i], x2[j]) as rows of two features, x1 the slower: row i·len(x2) + j."""
    return np.column_stack([np.repeat(x1, len(x2)), np.tile(x2, len(x1))])


def output_on_grid(model, params, x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """``model``'s prediction a at every (x1[i], x2[j]): an array of shape (len(x1), len(x2))."""
    grid = plane_grid(x1, x2)
    return model.predict(np.asarray(params, dtype=np.float64), grid).reshape(len(x1), len(x2))
