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
            params, loss = self._params, self._loss
            self._params = np.empty((capacity, params.shape[1]))
            self._loss = np.empty(capacity)
            self._params[:self._count] = params[:self._count]
            self._loss[:self._count] = loss[:self._count]
        self._params[self._count:needed] = param_rows
        self._loss[self._count:needed] = losses
        self._count = needed

    def clear(self) -> None:
        """Forget every entry (the memory is kept for the next run)."""
        self._count = 0

    def truncate(self, count: int) -> None:
        """Keep only the first ``count`` entries (stepping back)."""
        if not 0 <= count <= self._count:
            raise ValueError(f"cannot keep {count} of {self._count} entries")
        self._count = count


class SampledHistory:
    """An evenly spaced sample of a growing record, never more than ``max_rows`` rows.

    It keeps every ``stride``-th update; when full, it drops every other row and doubles the stride.
    The window draws long runs from it: memory and drawing time stay bounded however long the run.
    """

    def __init__(self, n_columns: int, max_rows: int = 5000) -> None:
        self.max_rows = max_rows
        self.stride = 1
        self._updates = np.empty(0, dtype=np.int64)
        self._values = np.empty((0, n_columns))

    def __len__(self) -> int:
        return len(self._updates)

    @property
    def updates(self) -> np.ndarray:
        """Update numbers of the kept rows."""
        return self._updates

    @property
    def values(self) -> np.ndarray:
        """The kept rows, shape (len, n_columns)."""
        return self._values

    def clear(self) -> None:
        self.stride = 1
        self._updates = self._updates[:0]
        self._values = self._values[:0]

    def append(self, first_update: int, rows: np.ndarray) -> None:
        """Add the rows of updates ``first_update``, ``first_update + 1``, …"""
        updates = first_update + np.arange(len(rows))
        keep = updates % self.stride == 0
        self._updates = np.concatenate([self._updates, updates[keep]])
        self._values = np.concatenate([self._values, rows[keep]])
        while len(self._updates) > self.max_rows:
            self.stride *= 2
            keep = self._updates % self.stride == 0
            self._updates, self._values = self._updates[keep], self._values[keep]
