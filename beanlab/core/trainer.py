"""Training: one update at a time, as the course's loops do, with a record of every step."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import tr
from .datasets import Beans
from .history import History
from .models import Model
from .optimizers import Optimizer

#: A loss above this counts as diverged even while it is still finite.
DIVERGENCE_LOSS = 1e12
ORDERS = ("sequential", "shuffle")
# A stateful optimizer's memory is kept this often: stepping back replays at most this many updates.
MEMORY_EVERY = 1000
# Per-sample updates run in chunks of at most this many, which bounds the memory of one chunk.
_LARGEST_CHUNK = 1 << 16


@dataclass(frozen=True)
class Snapshot:
    """An immutable picture of a run after some update; safe to hand to another thread."""

    step: int                      # updates made so far
    epoch: int                     # whole passes over the beans completed
    position: int                  # beans used so far in the current epoch
    params: tuple[float, ...]      # parameters after the last update, in the model's order
    loss: float                    # loss over all beans at ``params``
    gradient: tuple[float, ...] | None  # mean gradient the last update moved by (None before any)
    beans: tuple[int, ...]         # indices of the beans the last update used
    diverged: bool                 # the run stopped because loss or parameters blew up

    def param(self, name: str, names: tuple[str, ...]) -> float:
        """The parameter called ``name``, given the model's ``param_names``."""
        return self.params[names.index(name)]


class Trainer:
    """Runs an optimizer on a model and beans, exactly one update per ``step()``.

    All parameters of an update are computed from the old values, then replaced together. Bean
    order is ``sequential`` (as the course does) or ``shuffle`` (a new permutation each epoch from
    ``seed``). When the loss or a parameter stops being finite, or the loss passes 1e12, the
    offending update is discarded and the run stops as ``diverged`` at the last finite point.
    """

    def __init__(self, beans: Beans, model: Model, optimizer: Optimizer, *, order: str = "sequential",
                 init: float | tuple[float, ...] | np.ndarray = 0.1, seed: int = 0) -> None:
        if beans.n_features != model.n_features:
            raise ValueError(f"model {model.name} needs beans with {model.n_features} feature(s); "
                             f"{beans.name} has {beans.n_features}")
        if order not in ORDERS:
            raise ValueError(f"unknown bean order {order!r}; choose one of: {', '.join(ORDERS)}")
        init = np.broadcast_to(np.asarray(init, dtype=np.float64), (model.n_params,)).copy()
        if not np.all(np.isfinite(init)):
            raise ValueError(tr("the starting parameters must be finite numbers"))
        self.beans, self.model, self.optimizer = beans, model, optimizer
        self.order, self.seed, self.init = order, seed, init
        self._losses_at = model.loss_function(beans.x, beans.y)
        self.history = History(model.n_params)
        self.reset()

    # -- state -----------------------------------------------------------------------------
    def reset(self) -> Snapshot:
        """Go back to the starting parameters, update 0, and the seed's first bean order."""
        self._rng = np.random.default_rng(self.seed)
        self.optimizer.reset()
        self._memories: dict[int, dict] = {}   # a stateful optimizer's memory every MEMORY_EVERY updates
        self.params = self.init.copy()
        self.step_count = self.epoch = self.position = 0
        self.gradient: np.ndarray | None = None
        self.last_beans = np.empty(0, dtype=np.intp)
        self._epoch_order = np.arange(len(self.beans))
        loss = self._losses_at(self.params[None, :])
        self.history.clear()
        self.history.append(self.params[None, :], loss)
        self.diverged = not bool(np.isfinite(loss[0]) and loss[0] <= DIVERGENCE_LOSS)
        return self.snapshot()

    def rewind(self, update: int) -> Snapshot:
        """Go back to just after update ``update`` (0: the start), as if the later ones never happened.

        Everything comes from the record and the seed, so stepping forward again gives the same
        floats as the first time.
        """
        if not 0 <= update <= self.step_count:
            raise ValueError(f"cannot go back to update {update}: the run has made {self.step_count}")
        if update == self.step_count:
            return self.snapshot()
        if not self.history.holds(update) or not self._can_replay_optimizer(update):
            raise ValueError(tr("a long run keeps only its last {count:,} updates exactly, so it cannot go back "
                                "to update {update:,}").format(count=self.history.exact_rows, update=update))
        self.history.truncate(update + 1)
        return self._take_state_from_history()

    def load_history(self, params: np.ndarray, losses: np.ndarray, updates: np.ndarray | None = None,
                     memories: dict[int, dict] | None = None) -> Snapshot:
        """Continue a recorded run (a saved session); the run goes on from its last row.

        The rows are updates 0, 1, … or, for a long run, the ``updates`` its record kept (the last
        ones unbroken). Row 0 must be this trainer's starting point; the rest is trusted to be what
        this trainer would have made. A stateful optimizer needs ``memories`` (see
        :meth:`optimizer_memories`) unless every update is there to replay.
        """
        params = np.asarray(params, dtype=np.float64).reshape(len(losses), self.model.n_params)
        if len(losses) < 1 or not np.array_equal(params[0], self.init):
            raise ValueError(tr("the recorded run does not start from this run's starting point"))
        if not (np.isfinite(params).all() and np.isfinite(losses).all()):
            raise ValueError(tr("the recorded run holds numbers that are not finite"))
        if updates is None:
            self.history.clear()
            self.history.append(params, np.asarray(losses, dtype=np.float64))
        else:
            self.history.load_kept(updates, params, losses)
        self._memories = dict(memories or {})
        return self._take_state_from_history()

    def optimizer_memories(self) -> dict[int, dict]:
        """The stateful optimizer's memory at some updates the record keeps exactly (for sessions)."""
        return {update: memory for update, memory in self._memories.items() if self.history.holds(update)}

    def _take_state_from_history(self) -> Snapshot:
        """Set everything else (position, bean order, gradient) for the last update the history holds."""
        update = len(self.history) - 1
        n_beans = len(self.beans)
        per_update = self.optimizer.beans_per_update(n_beans)
        self.params = self.history.params_at(update)
        self.step_count = update
        self.epoch, within = divmod(update, self.updates_per_epoch)
        self.position = min(within * per_update, n_beans)
        # the bean order: the trainer draws one permutation at the start of each epoch it begins
        self._rng = np.random.default_rng(self.seed)
        self._epoch_order = np.arange(n_beans)
        if self.order == "shuffle":
            for _ in range(self.epoch + (1 if self.position else 0)):
                self._epoch_order = self._rng.permutation(n_beans)
        self.optimizer.reset()
        if self.optimizer.stateful:
            self._replay_optimizer(update)
        self.last_beans = self.beans_of_update(update)
        self.gradient = None if not self.history.holds(update - 1) else self.model.grad(
            self.history.params_at(update - 1), self.beans.x[self.last_beans], self.beans.y[self.last_beans])
        self.diverged = False
        return self.snapshot()

    def _can_replay_optimizer(self, updates: int) -> bool:
        """Whether a stateful optimizer's memory after ``updates`` can be rebuilt from what is kept."""
        return not self.optimizer.stateful or self._replay_start(updates) is not None

    def _replay_start(self, updates: int) -> int | None:
        """Where to rebuild the memory from: the latest memory kept, else the start; None if neither will do."""
        since = max((u for u in self._memories if u <= updates and self.history.holds(u)), default=0)
        return since if since > 0 or self.history.holds_all(0, updates - 1) else None

    def _replay_optimizer(self, updates: int) -> None:
        """Rebuild a stateful optimizer's memory (velocity, running squares) after ``updates`` updates:
        from the latest memory kept at or before it, make each recorded update's move again from the
        record, the same floats in order."""
        since = self._replay_start(updates)
        if since is None:
            raise ValueError(tr("the recorded run lacks the optimizer's memory"))
        if since:
            self.optimizer.restore_memory(self._memories[since])
        x, y, history = self.beans.x, self.beans.y, self.history
        for update, beans in enumerate(self._bean_batches(since, updates), start=since + 1):
            before = history.params_at(update - 1)
            gradient = self.model.grad(before, x[beans], y[beans])
            self.optimizer.next_params(self.model, before, gradient, x[beans], y[beans], update)
        self._memories = {u: m for u, m in self._memories.items() if u <= updates}

    def _bean_batches(self, after: int, updates: int):
        """The beans of updates ``after + 1`` … ``updates`` in turn, drawn from the seed as the run drew them."""
        n_beans = len(self.beans)
        per_update = self.optimizer.beans_per_update(n_beans)
        rng = np.random.default_rng(self.seed)
        per_epoch = self.updates_per_epoch
        made = after // per_epoch * per_epoch
        if self.order == "shuffle":
            for _ in range(after // per_epoch):
                rng.permutation(n_beans)   # the orders of the epochs before, drawn to keep the sequence
        while made < updates:
            order = rng.permutation(n_beans) if self.order == "shuffle" else np.arange(n_beans)
            for start in range(0, n_beans, per_update):
                if made == updates:
                    return
                if made >= after:
                    yield order[start:start + per_update]
                made += 1

    @property
    def loss(self) -> float:
        """Loss over all beans at the current parameters."""
        return self.history.loss_at(len(self.history) - 1)

    @property
    def updates_per_epoch(self) -> int:
        per_update = self.optimizer.beans_per_update(len(self.beans))
        return -(-len(self.beans) // per_update)

    def beans_of_update(self, update: int) -> np.ndarray:
        """Indices of the beans update number ``update`` (1, 2, …) used, worked out from the order and seed.

        For replaying a recorded run (the export draws the bean of each frame's update).
        """
        if update < 1:
            return np.empty(0, dtype=np.intp)
        n_beans = len(self.beans)
        per_update = self.optimizer.beans_per_update(n_beans)
        epoch, within = divmod(update - 1, self.updates_per_epoch)
        start = within * per_update
        order = np.arange(n_beans)
        if self.order == "shuffle":
            rng = np.random.default_rng(self.seed)   # the trainer draws one permutation per epoch
            for _ in range(epoch + 1):
                order = rng.permutation(n_beans)
        return order[start:min(start + per_update, n_beans)]

    def snapshot(self) -> Snapshot:
        """An immutable copy of the current state."""
        return Snapshot(
            step=self.step_count, epoch=self.epoch, position=self.position,
            params=tuple(float(p) for p in self.params), loss=self.loss,
            gradient=None if self.gradient is None else tuple(float(g) for g in self.gradient),
            beans=tuple(int(i) for i in self.last_beans), diverged=self.diverged)

    # -- training --------------------------------------------------------------------------
    def step(self) -> Snapshot:
        """Make exactly one update."""
        return self.run(1)

    def run(self, n_updates: int) -> Snapshot:
        """Make ``n_updates`` updates (fewer if the run diverges) and return the final snapshot."""
        remaining = int(n_updates)
        while remaining > 0 and not self.diverged:
            remaining -= self._advance(min(remaining, _LARGEST_CHUNK))
        return self.snapshot()

    def _next_beans(self, count: int) -> np.ndarray:
        """Indices of the next ``count`` beans in visiting order, drawing a new order at each epoch start."""
        n_beans = len(self.beans)
        pieces, position = [], self.position
        while count > 0:
            if position == 0 and self.order == "shuffle":
                self._epoch_order = self._rng.permutation(n_beans)
            take = min(count, n_beans - position)
            pieces.append(self._epoch_order[position:position + take])
            position = (position + take) % n_beans
            count -= take
        return pieces[0] if len(pieces) == 1 else np.concatenate(pieces)

    def _advance(self, at_most: int) -> int:
        """Make up to ``at_most`` updates in one go; return how many were kept."""
        x, y = self.beans.x, self.beans.y
        n_beans = len(self.beans)
        if self.optimizer.per_sample_descent:
            # Many one-bean updates in one call of the model's fast loop: same floats as one at a time.
            indices = self._next_beans(at_most)
            path = self.optimizer.per_sample_path(self.model, self.params, x[indices], y[indices])
            beans_of_update = indices[:, None]
            gradient = None  # worked out below for the last update kept
        else:
            per_update = min(self.optimizer.beans_per_update(n_beans), n_beans - self.position)
            indices = self._next_beans(per_update)
            gradient = self.model.grad(self.params, x[indices], y[indices])
            with np.errstate(all="ignore"):
                path = self.optimizer.next_params(self.model, self.params, gradient, x[indices], y[indices],
                                                  self.step_count + 1)[None, :]
            beans_of_update = indices[None, :]

        with np.errstate(all="ignore"):
            losses = self._losses_at(path)
            bad = ~np.isfinite(path).all(axis=1) | ~np.isfinite(losses) | (losses > DIVERGENCE_LOSS)
        kept = int(np.argmax(bad)) if bad.any() else len(path)
        self.diverged = kept < len(path)
        if kept == 0:
            return 0

        self.last_beans = beans_of_update[kept - 1].copy()
        if gradient is None:
            before_last = path[kept - 2] if kept >= 2 else self.params
            gradient = self.model.grad(before_last, x[self.last_beans], y[self.last_beans])
        self.gradient = gradient
        self.params = path[kept - 1].copy()
        self.history.append(path[:kept], losses[:kept])
        self.step_count += kept
        if self.optimizer.stateful and self.step_count % MEMORY_EVERY == 0:
            # stepping back replays from here; the record no longer holds what came before the oldest
            self._memories = {u: m for u, m in self._memories.items() if self.history.holds(u)}
            self._memories[self.step_count] = self.optimizer.memory()
        epochs_done, self.position = divmod(self.position + kept * beans_of_update.shape[1], n_beans)
        self.epoch += epochs_done
        return kept
