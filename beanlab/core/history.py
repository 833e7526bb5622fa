"""The record of a run: parameters and loss after every update, in compact growable arrays."""
from __future__ import annotations

import numpy as np


class History:
    """Parameters and loss per update; entry 0 is the starting point.

    Appending is amortised O(1): the arrays double when full, as in pyqtgraph's scrolling-plot
    example. A million updates of a two-parameter model take 24 MB of float64.
    """

    def __init__(self, n_params: int, capacity: int = 1024) -> None:
        self._params = np.empty((capacity, n_params))
        self._loss = np.empty(capacity)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    @property
    def params(self) -> np.ndarray:
        """Parameters after each update, shape (len, n_params); a read-only view."""
        view = self._params[: self._count]
        view.flags.writeable = False
        return view

    @property
    def loss(self) -> np.ndarray:
        """Loss over all beans after each update; a read-only view."""
        view = self._loss[: self._count]
        view.flags.writeable = False
        return view

    @property
    def nbytes(self) -> int:
        """Memory held by the record, spare capacity included."""
        return self._params.nbytes + self._loss.nbytes

    def append(self, param_rows: np.ndarray, losses: np.ndarray) -> None:
        """Add the parameters (shape (k, n_params)) and losses (shape (k,)) of k updates."""
        k = len(losses)
        needed = self._count + k
        if needed > len(self._loss):
            capacity = max(needed, 2 * len(self._loss))
            self._params = np.resize(self._params, (capacity, self._params.shape[1]))
            self._loss = np.resize(self._loss, capacity)
        self._params[self._count:needed] = param_rows
        self._loss[self._count:needed] = losses
        self._count = needed

    def clear(self) -> None:
        """Forget every entry (the memory is kept for the next run)."""
        self._count = 0
