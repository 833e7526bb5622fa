"""Reference numerics for the tests: what the core's hand-written slopes are checked against."""
import numpy as np


def finite_differences(model, params, x, y, h=1e-6):
    """Central differences of ``model.loss`` in each parameter."""
    slope = np.empty_like(params)
    for i in range(len(params)):
        step = np.zeros_like(params)
        step[i] = h
        slope[i] = (model.loss(params + step, x, y) - model.loss(params - step, x, y)) / (2 * h)
    return slope
