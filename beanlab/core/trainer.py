"""Training: one update at a time, as the course's loops do, with a record of every step."""
from __future__ import annotations

import numpy as np

from ..i18n import tr
from .bean_order import ORDERS, BeanOrder
from .datasets import Beans
from .history import History
from .models import Model
from .optimizers import Optimizer
from .replay import Replay
from .snapshot import Snapshot

__all__ = ["DIVERGENCE_LOSS", "ORDERS", "Snapshot", "Trainer"]

#: A loss above this counts as diverged even while it is still finite.
DIVERGENCE_LOSS = 1e12
# Per-sample updates run in chunks of at most this many, which bounds the memory of one chunk.
_LARGEST_CHUNK = 1 << 16
# Other updates are made one by one but recorded in blocks, the loss of a block's rows over all the beans
# in one numpy pass: at most this many rows × beans, so a block's arrays stay in the processor's cache
# (a deep network's loss per update cost as much as the update itself: bench/lesson9_speed.py)
_BLOCK_ROWS_X_BEANS = 1 << 15


def _blown_up(rows: np.ndarray, losses: np.ndarray) -> np.ndarray:
    """Which rows end a run: a parameter or the loss not finite, or the loss past DIVERGENCE_LOSS."""
    return ~np.isfinite(rows).all(axis=1) | ~np.isfinite(losses) | (losses > DIVERGENCE_LOSS)


class Trainer:
    """Runs an optimizer on a model and beans, exactly one update per ``step()``.

    All parameters of an update are computed from the old values, then replaced together. Bean
    order is ``sequential`` (as the course does) or ``shuffle`` (a new permutation each epoch from
    ``seed``): see :class:`BeanOrder`. When the loss or a parameter stops being finite, or the loss
    passes 1e12, the offending update is discarded and the run stops as ``diverged`` at the last
    finite point. Going back and going on from a saved run: see :class:`Replay`.
    """

    def __init__(self, beans: Beans, model: Model, optimizer: Optimizer, *, order: str = "sequential",
                 init: float | tuple[float, ...] | np.ndarray = 0.1, seed: int = 0) -> None:
        if beans.n_features != model.n_features:
            raise ValueError(f"model {model.name} needs beans with {model.n_features} feature(s); "
                             f"{beans.name} has {beans.n_features}")
        self.bean_order = BeanOrder(len(beans), optimizer.beans_per_update(len(beans)), order, seed)
        init = np.broadcast_to(np.asarray(init, dtype=np.float64), (model.n_params,)).copy()
        if not np.all(np.isfinite(init)):
            raise ValueError(tr("the starting parameters must be finite numbers"))
        self.beans, self.model, self.optimizer = beans, model, optimizer
        self.order, self.seed, self.init = order, seed, init
        self._losses_at = model.loss_function(beans.x, beans.y)
        self.history = History(model.n_params)
        self.replay = Replay(self.history, beans, model, optimizer, self.bean_order)
        self.reset()

    # -- training --------------------------------------------------------------------------
    def step(self) -> Snapshot:
        """Make exactly one update, as the course does: pick the beans, compute the slope, move, record."""
        if not self.diverged:
            self._run_steps(1)
        return self.snapshot()

    def run(self, n_updates: int) -> Snapshot:
        """Make ``n_updates`` updates (fewer if the run diverges): the same floats as that many ``step()``s,
        with per-sample descent many at a time in one call of the model's fast loop (``sgd_path``)."""
        remaining = int(n_updates)
        while remaining > 0 and not self.diverged:
            if self.optimizer.per_sample_descent:
                remaining -= self._run_per_sample(min(remaining, _LARGEST_CHUNK))
            else:
                remaining -= self._run_steps(min(remaining, max(1, _BLOCK_ROWS_X_BEANS // len(self.beans))))
        return self.snapshot()

    def _run_steps(self, count: int) -> int:
        """Up to ``count`` updates, each from the last, recorded together; return how many were made
        (it stops short where the optimizer's memory is kept, and after a move that is not finite)."""
        count = min(count, self.replay.updates_to_next_memory(self.step_count))
        params, rows, used, slopes = self.params, [], [], []
        with np.errstate(all="ignore"):   # (a move that blows up is discarded when recorded)
            for update in range(self.step_count + 1, self.step_count + count + 1):
                beans = self.bean_order.beans_of_update(update)                    # pick the beans
                x, y = self.beans.x[beans], self.beans.y[beans]
                slope = self.model.grad(params, x, y)                              # compute the slope
                params = self.optimizer.next_params(self.model, params, slope, x, y, update)   # move
                rows.append(params)
                used.append(beans)
                slopes.append(slope)
                if not np.isfinite(params).all():
                    break                                    # no slope from here: the run ends before it
        return self._record(np.array(rows), used, slopes)                 # record

    def _run_per_sample(self, count: int) -> int:
        """Up to ``count`` one-bean updates in one go; return how many were kept."""
        beans = self.bean_order.beans_from(self.step_count, count)   # update u uses the bean at place u − 1
        path = self.optimizer.per_sample_path(self.model, self.params, self.beans.x[beans], self.beans.y[beans])
        return self._record(path, beans[:, None], slopes=None)

    def _record(self, path: np.ndarray, beans, slopes: list[np.ndarray] | None) -> int:
        """Keep the updates of ``path`` (parameters after each; ``beans``: the beans of each) up to the
        first that blew up, and return how many were kept. ``slopes``: each update's, if known."""
        with np.errstate(all="ignore"):
            losses = self._losses_at(path)
            bad = _blown_up(path, losses)
        kept = int(np.argmax(bad)) if bad.any() else len(path)
        self.diverged = kept < len(path)
        if kept:
            self.history.append(path[:kept], losses[:kept])
            self.step_count += kept
            self.params = path[kept - 1].copy()
            self.last_beans = beans[kept - 1]
            self.gradient = slopes[kept - 1] if slopes is not None else self._slope_of_last_update()
            if kept == len(path):   # (else the optimizer's memory is that of later, discarded, updates)
                self.replay.remember(self.step_count)
        return kept

    def _slope_of_last_update(self) -> np.ndarray | None:
        """The mean gradient the last update moved by, from the record (None at the start)."""
        if not self.history.holds(self.step_count - 1):
            return None
        before, x, y = self.history.params_at(self.step_count - 1), self.beans.x, self.beans.y
        return self.model.grad(before, x[self.last_beans], y[self.last_beans])

    # -- state -----------------------------------------------------------------------------
    def reset(self) -> Snapshot:
        """Go back to the starting parameters, update 0, and the seed's first bean order."""
        self.optimizer.reset()
        self.params = self.init.copy()
        self.step_count = 0
        self.gradient: np.ndarray | None = None
        self.last_beans = self.bean_order.beans_of_update(0)
        loss = self._losses_at(self.params[None, :])
        self.replay.start(self.params, loss)
        self.diverged = bool(_blown_up(self.params[None, :], loss)[0])
        return self.snapshot()

    def rewind(self, update: int) -> Snapshot:
        """Go back to just after update ``update`` (0: the start), as if the later ones never happened:
        stepping forward again gives the same floats as the first time."""
        if update != self.step_count:
            self.replay.go_back(update)
            self._continue_from_record()
        return self.snapshot()

    def load_history(self, params: np.ndarray, losses: np.ndarray, updates: np.ndarray | None = None,
                     memories: dict[int, dict] | None = None) -> Snapshot:
        """Continue a recorded run (a saved session); the run goes on from its last row.

        The rows are updates 0, 1, … or, for a long run, the ``updates`` its record kept (the last
        ones unbroken). Row 0 must be this trainer's starting point; the rest is trusted to be what
        this trainer would have made. A stateful optimizer needs ``memories`` (see
        :meth:`optimizer_memories`) unless every update is there to replay.
        """
        self.replay.load(self.init, params, losses, updates, memories)
        self._continue_from_record()
        return self.snapshot()

    def optimizer_memories(self) -> dict[int, dict]:
        """The stateful optimizer's memory at some updates the record keeps exactly (for sessions)."""
        return self.replay.kept_memories()

    def _continue_from_record(self) -> None:
        """Take the state after the record's last update (the optimizer's memory is the replay's to restore)."""
        self.step_count = len(self.history) - 1
        self.params = self.history.params_at(self.step_count)
        self.last_beans = self.bean_order.beans_of_update(self.step_count)
        self.gradient = self._slope_of_last_update()
        self.diverged = False

    @property
    def epoch(self) -> int:   # whole passes over the beans completed
        return self.bean_order.epoch_and_position(self.step_count)[0]

    @property
    def position(self) -> int:   # beans used so far in the current epoch
        return self.bean_order.epoch_and_position(self.step_count)[1]

    @property
    def loss(self) -> float:
        """Loss over all beans at the current parameters."""
        return self.history.loss_at(len(self.history) - 1)

    @property
    def updates_per_epoch(self) -> int:
        return self.bean_order.updates_per_epoch

    def beans_of_update(self, update: int) -> np.ndarray:
        """Indices of the beans update ``update`` (1, 2, …) used, from the order and seed (for exports)."""
        return self.bean_order.beans_of_update(update).copy()

    def snapshot(self) -> Snapshot:
        """An immutable copy of the current state."""
        epoch, position = self.bean_order.epoch_and_position(self.step_count)
        return Snapshot(
            step=self.step_count, epoch=epoch, position=position, params=tuple(self.params.tolist()),
            loss=self.loss, gradient=None if self.gradient is None else tuple(self.gradient.tolist()),
            beans=tuple(self.last_beans.tolist()), diverged=self.diverged)
