"""Which beans each update uses: the one place that turns a seed into a bean order."""
from __future__ import annotations

import numpy as np

ORDERS = ("sequential", "shuffle")


class BeanOrder:
    """The beans of every update of a run, epoch after epoch, ``per_update`` beans at a time.

    Within an epoch the beans are visited in index order (``sequential``, as the course does) or, for
    ``shuffle``, in a new permutation each epoch: epoch e's is the (e + 1)-th ``permutation`` drawn from
    ``default_rng(seed)``. An epoch's last update takes the beans left over, so it may take fewer.
    The latest epoch's order is kept, so asking in running order costs no more than slicing (and, like
    the trainer that owns it, it is for one thread at a time).
    """

    def __init__(self, n_beans: int, per_update: int, order: str = "sequential", seed: int = 0) -> None:
        if order not in ORDERS:
            raise ValueError(f"unknown bean order {order!r}; choose one of: {', '.join(ORDERS)}")
        self.n_beans, self.per_update, self.order, self.seed = n_beans, per_update, order, seed
        self.updates_per_epoch = -(-n_beans // per_update)
        self._in_index_order = np.arange(n_beans)
        self._in_index_order.flags.writeable = False
        self._start_drawing()

    def _start_drawing(self) -> None:
        self._rng = np.random.default_rng(self.seed)
        self._drawn_epoch, self._drawn = -1, self._in_index_order

    def epoch_order(self, epoch: int) -> np.ndarray:
        """The order of the beans in epoch ``epoch`` (0, 1, …), read-only."""
        if self.order == "sequential":
            return self._in_index_order
        if epoch < self._drawn_epoch:
            self._start_drawing()   # an earlier epoch: draw again from the seed
        while self._drawn_epoch < epoch:
            self._drawn = self._rng.permutation(self.n_beans)
            self._drawn.flags.writeable = False
            self._drawn_epoch += 1
        return self._drawn

    def beans_of_update(self, update: int) -> np.ndarray:
        """Indices of the beans update ``update`` (1, 2, …) uses; none for update 0, the start."""
        if update < 1:
            return self._in_index_order[:0]
        epoch, within = divmod(update - 1, self.updates_per_epoch)
        start = within * self.per_update
        return self.epoch_order(epoch)[start:start + self.per_update]

    def beans_from(self, place: int, count: int) -> np.ndarray:
        """The ``count`` beans from ``place`` (0, 1, …) on of the endless visiting order, epoch after epoch.

        With one bean per update, update u uses the bean at place u − 1.
        """
        pieces = [self._in_index_order[:0]]
        while count > 0:
            epoch, within = divmod(place, self.n_beans)
            take = min(count, self.n_beans - within)
            pieces.append(self.epoch_order(epoch)[within:within + take])
            place, count = place + take, count - take
        return pieces[-1] if len(pieces) <= 2 else np.concatenate(pieces)

    def epoch_and_position(self, updates: int) -> tuple[int, int]:
        """After ``updates`` updates: the whole epochs done, and the beans used of the current one."""
        epoch, within = divmod(updates, self.updates_per_epoch)
        return epoch, within * self.per_update
