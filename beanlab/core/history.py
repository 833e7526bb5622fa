"""The record of a run: parameters and loss after every update, in compact growable arrays."""
from __future__ import annotations

import numpy as np

HEAD_ROWS = 10_000           # a run's first updates, always kept exactly (exports show them one by one)
EXACT_BYTES = 64 * 2 ** 20   # its latest updates are kept exactly in at most this much memory
MIDDLE_ROWS = 20_000         # between the two, an even sample of at most this many updates


class History:
    """Parameters and loss per update; entry 0 is the starting point. Bounded however long the run.

    Three parts, so that however long the run it takes at most ``exact_bytes`` and a little more
    (ten million updates of a line: 68 MB, where keeping them all would take 240 MB):

    * the first ``head_rows`` updates, exact (an export shows a run's first updates one by one);
    * the latest updates, exact (stepping back, the worker's frames, sessions that go on exactly):
      at most ``exact_bytes`` of them. When that fills, its older half moves to
    * the middle: an even sample (:class:`SampledHistory`), enough for the loss plot and exports.

    ``holds(update)`` says whether an update is kept exactly. ``len()`` counts every update made
    (plus the start), kept or not. Appending is amortised O(1).
    """

    def __init__(self, n_params: int, exact_bytes: int = EXACT_BYTES, head_rows: int = HEAD_ROWS,
                 middle_rows: int = MIDDLE_ROWS) -> None:
        self.n_params = n_params
        width = n_params + 1                     # the parameters, then the loss
        self._tail_limit = max(2 * head_rows, exact_bytes // (8 * width), 4)
        self._head = np.empty((head_rows, width))
        self._head_count = 0
        self._middle = SampledHistory(width, middle_rows)
        self._tail = np.empty((min(1024, self._tail_limit), width))
        self._tail_count = 0
        self.start = 0                           # the update of the tail's first row

    def __len__(self) -> int:
        return self.start + self._tail_count

    @property
    def params(self) -> np.ndarray:
        """Parameters after every update, shape (len, n_params), read-only; only while all are kept."""
        return self._whole()[:, : self.n_params]

    @property
    def loss(self) -> np.ndarray:
        """Loss after every update, read-only; only while all are kept."""
        return self._whole()[:, self.n_params]

    def _whole(self) -> np.ndarray:
        if self.start > 0:
            raise ValueError(f"this run keeps updates {self.start:,} to {len(self) - 1:,} exactly, "
                             "not all of them: use rows_from()")
        view = self._tail[: self._tail_count]
        view.flags.writeable = False
        return view

    @property
    def nbytes(self) -> int:
        """Memory held by the record, spare capacity included."""
        return self._head.nbytes + self._tail.nbytes + self._middle.values.nbytes + self._middle.updates.nbytes

    @property
    def exact_rows(self) -> int:
        """How many of the latest updates are kept exactly, at the least, once a run is long."""
        return self._tail_limit // 2

    def holds(self, update: int) -> bool:
        """Whether ``update`` is kept exactly (it can be stepped back to, or replayed from)."""
        return 0 <= update < self._head_count or self.start <= update < len(self)

    def holds_all(self, first: int, last: int) -> bool:
        """Whether every update from ``first`` to ``last`` is kept exactly."""
        return last < first or (self.holds(first) and self.holds(last)
                                and (first >= self.start or last < self._head_count))

    def params_at(self, update: int) -> np.ndarray:
        """The parameters after ``update`` (a copy); it must be kept exactly."""
        return self._row(update)[: self.n_params].copy()

    def loss_at(self, update: int) -> float:
        return float(self._row(update)[self.n_params])

    def _row(self, update: int) -> np.ndarray:
        if self.start <= update < len(self):
            return self._tail[update - self.start]
        if 0 <= update < self._head_count:
            return self._head[update]
        raise ValueError(f"update {update:,} is not kept exactly")

    def rows_from(self, update: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The kept updates from ``update`` on: (update numbers, parameters, losses), copies.

        Every update from ``start`` on; before it, the exact first ones and the middle's sample.
        """
        update = max(int(update), 0)
        if update >= self.start:
            rows = self._tail[update - self.start: self._tail_count]
            return np.arange(update, len(self)), rows[:, : self.n_params].copy(), rows[:, self.n_params].copy()
        head_end = min(self._head_count, self.start)
        middle = self._middle.updates >= max(update, head_end)
        numbers = np.concatenate([np.arange(update, head_end), self._middle.updates[middle],
                                  np.arange(self.start, len(self))])
        rows = np.concatenate([self._head[update:head_end], self._middle.values[middle],
                               self._tail[: self._tail_count]])
        return numbers, rows[:, : self.n_params].copy(), rows[:, self.n_params].copy()

    def append(self, param_rows: np.ndarray, losses: np.ndarray) -> None:
        """Add the parameters (shape (k, n_params)) and losses (shape (k,)) of k updates."""
        losses = np.asarray(losses, dtype=np.float64)
        params = np.asarray(param_rows, dtype=np.float64).reshape(len(losses), self.n_params)
        piece = self._tail_limit // 2
        for begin in range(0, len(losses), piece):
            self._append_piece(params[begin:begin + piece], losses[begin:begin + piece])

    def _append_piece(self, params: np.ndarray, losses: np.ndarray) -> None:
        # written straight into the record's arrays, parameters then loss: no row array in between
        # (per-sample runs append tens of thousands of rows at a time)
        first, count, n = len(self), len(losses), self.n_params
        if first < len(self._head):
            into_head = min(count, len(self._head) - first)
            self._head[first:first + into_head, :n] = params[:into_head]
            self._head[first:first + into_head, n] = losses[:into_head]
            self._head_count = first + into_head
        needed = self._tail_count + count
        if needed > len(self._tail) and len(self._tail) < self._tail_limit:
            # doubling, but straight to the limit from a quarter of it: one large copy fewer
            size = self._tail_limit if 4 * len(self._tail) >= self._tail_limit else max(needed, 2 * len(self._tail))
            grown = np.empty((min(self._tail_limit, size), self._tail.shape[1]))
            grown[: self._tail_count] = self._tail[: self._tail_count]
            self._tail = grown
        if needed > len(self._tail):
            self._drop_older_half()
        self._tail[self._tail_count:self._tail_count + count, :n] = params
        self._tail[self._tail_count:self._tail_count + count, n] = losses
        self._tail_count += count

    def _drop_older_half(self) -> None:
        """Move the older half of the exact tail to the middle's sample (the head has those it needs).

        Done in place, in pieces that never overlap, so it takes no memory beyond the tail's own."""
        drop = self._tail_count // 2
        while len(self._middle) + drop // self._middle.stride > self._middle.max_rows:
            self._middle.coarsen()   # sample as sparsely as the sample will end up, before copying rows
        stride = self._middle.stride
        first = max(-(-self.start // stride) * stride, len(self._head))
        first = -(-first // stride) * stride                 # the first update the sample would keep
        sampled = np.arange(first, self.start + drop, stride)
        self._middle.append(sampled, self._tail[sampled - self.start])
        left = self._tail_count - drop
        for begin in range(0, left, drop):
            end = min(begin + drop, left)
            self._tail[begin:end] = self._tail[drop + begin:drop + end]
        self._tail_count = left
        self.start += drop

    def load_kept(self, updates: np.ndarray, param_rows: np.ndarray, losses: np.ndarray) -> None:
        """Set the record to the rows another record kept (a saved session's ``rows_from(0)``)."""
        updates = np.asarray(updates, dtype=np.int64)
        rows = np.column_stack([np.asarray(param_rows, dtype=np.float64).reshape(len(losses), self.n_params),
                                np.asarray(losses, dtype=np.float64)])
        if len(updates) != len(rows) or len(updates) == 0 or updates[0] != 0 or np.any(np.diff(updates) <= 0):
            raise ValueError("the kept updates must start at 0 and increase")
        self.clear()
        gaps = np.flatnonzero(np.diff(updates) != 1)
        tail_first = 0 if len(gaps) == 0 else int(gaps[-1]) + 1   # the exact tail: the last unbroken run
        head = int(np.count_nonzero(updates[:tail_first] < len(self._head)))
        if not np.array_equal(updates[:head], np.arange(head)):
            raise ValueError("the first kept updates must be unbroken")
        self._head[:head], self._head_count = rows[:head], head
        middle = updates[head:tail_first]
        self._middle.append(middle, rows[head:tail_first])
        while len(middle) and self._middle.stride < 2 ** 40 and not np.any(middle % (2 * self._middle.stride)):
            self._middle.stride *= 2   # go on sampling as sparsely as the saved record did
        self.start = int(updates[tail_first])
        self.append(rows[tail_first:, : self.n_params], rows[tail_first:, self.n_params])

    def clear(self) -> None:
        """Forget every entry (the memory is kept for the next run)."""
        self.start = self._tail_count = self._head_count = 0
        self._middle.clear()

    def truncate(self, count: int) -> None:
        """Keep only the first ``count`` entries (stepping back); update ``count - 1`` must be kept exactly."""
        if not 0 <= count <= len(self) or (count > 0 and not self.holds(count - 1)):
            raise ValueError(f"cannot keep {count:,} of {len(self):,} entries")
        self._head_count = min(self._head_count, count)
        if count == 0 or count - 1 >= self.start:
            self._tail_count = count - self.start
            return
        # back into the head, before the exact tail: the head becomes the tail again
        self._middle.clear()
        self._tail[:count] = self._head[:count]
        self.start, self._tail_count = 0, count


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

    def append(self, updates: np.ndarray, rows: np.ndarray) -> None:
        """Add the rows of these (increasing) update numbers."""
        updates = np.asarray(updates, dtype=np.int64)
        keep = updates % self.stride == 0
        self._updates = np.concatenate([self._updates, updates[keep]])
        self._values = np.concatenate([self._values, rows[keep]])
        while len(self._updates) > self.max_rows:
            self.coarsen()

    def coarsen(self) -> None:
        """Keep every other row: double the stride."""
        self.stride *= 2
        keep = self._updates % self.stride == 0
        self._updates, self._values = self._updates[keep], self._values[keep]
