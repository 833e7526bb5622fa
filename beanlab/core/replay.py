"""Going back in a recorded run, and going on from a saved one, with the same floats as the first time.

The parameters and losses come from the record (:class:`History`), the beans of each update from the
seed (:class:`BeanOrder`). The one other thing an update depends on is a stateful optimizer's memory
(velocity, running squares): it is kept every ``MEMORY_EVERY`` updates, and rebuilt by making the
recorded updates' moves again from the latest memory kept, the same floats in order.
"""
from __future__ import annotations

import numpy as np

from ..i18n import tr
from .bean_order import BeanOrder
from .datasets import Beans
from .history import History
from .models import Model
from .optimizers import Optimizer

# A stateful optimizer's memory is kept this often: stepping back replays at most this many updates.
MEMORY_EVERY = 1000


class Replay:
    """A run's record and what going back in it needs: the history, and the optimizer's memories."""

    def __init__(self, history: History, beans: Beans, model: Model, optimizer: Optimizer,
                 bean_order: BeanOrder) -> None:
        self.history, self.beans, self.model, self.optimizer = history, beans, model, optimizer
        self.bean_order = bean_order
        self.memories: dict[int, dict] = {}   # update → the stateful optimizer's memory just after it

    def start(self, params: np.ndarray, loss: np.ndarray) -> None:
        """Begin a new record: the starting point only, and nothing remembered."""
        self.history.clear()
        self.history.append(params[None, :], loss)
        self.memories = {}

    def updates_to_next_memory(self, update: int) -> int:
        """How many updates after ``update`` the next memory is kept at: a block of updates recorded
        together ends there, so the memory is the optimizer's at that very update."""
        return MEMORY_EVERY - update % MEMORY_EVERY if self.optimizer.stateful else MEMORY_EVERY

    def remember(self, update: int) -> None:
        """After update ``update``: keep the optimizer's memory if this is an update to keep it at."""
        if self.optimizer.stateful and update % MEMORY_EVERY == 0:
            # stepping back replays from here; the record no longer holds what came before the oldest
            self.memories = {u: m for u, m in self.memories.items() if self.history.holds(u)}
            self.memories[update] = self.optimizer.memory()

    def kept_memories(self) -> dict[int, dict]:
        """The optimizer's memory at the updates the record keeps exactly (for sessions)."""
        return {update: memory for update, memory in self.memories.items() if self.history.holds(update)}

    def go_back(self, update: int) -> None:
        """Forget every update after ``update`` and bring the optimizer's memory back to just after it."""
        made = len(self.history) - 1
        if not 0 <= update <= made:
            raise ValueError(f"cannot go back to update {update}: the run has made {made}")
        if not self.history.holds(update) or self._replay_start(update) is None:
            raise ValueError(tr("a long run keeps only its last {count:,} updates exactly, so it cannot go back "
                                "to update {update:,}").format(count=self.history.exact_rows, update=update))
        self.history.truncate(update + 1)
        self._rebuild_optimizer(update)

    def load(self, init: np.ndarray, params: np.ndarray, losses: np.ndarray, updates: np.ndarray | None,
             memories: dict[int, dict] | None) -> None:
        """Set the record to a saved run's (see :meth:`Trainer.load_history`) and the optimizer to its end."""
        params = np.asarray(params, dtype=np.float64).reshape(len(losses), self.model.n_params)
        if len(losses) < 1 or not np.array_equal(params[0], init):
            raise ValueError(tr("the recorded run does not start from this run's starting point"))
        if not (np.isfinite(params).all() and np.isfinite(losses).all()):
            raise ValueError(tr("the recorded run holds numbers that are not finite"))
        if updates is None:
            self.history.clear()
            self.history.append(params, np.asarray(losses, dtype=np.float64))
        else:
            self.history.load_kept(updates, params, losses)
        self.memories = dict(memories or {})
        self._rebuild_optimizer(len(self.history) - 1)

    def _replay_start(self, updates: int) -> int | None:
        """Where the memory after ``updates`` is rebuilt from: the latest memory kept, else the start;
        None if neither will do (a long run whose updates since are no longer all kept)."""
        if not self.optimizer.stateful:
            return 0
        since = max((u for u in self.memories if u <= updates and self.history.holds(u)), default=0)
        return since if since > 0 or self.history.holds_all(0, updates - 1) else None

    def _rebuild_optimizer(self, updates: int) -> None:
        """The optimizer as it was after ``updates`` updates: from the latest memory kept at or before it,
        each recorded update's move made again from the record (its result is the recorded row)."""
        self.optimizer.reset()
        if not self.optimizer.stateful:
            return
        since = self._replay_start(updates)
        if since is None:
            raise ValueError(tr("the recorded run lacks the optimizer's memory"))
        if since:
            self.optimizer.restore_memory(self.memories[since])
        x, y = self.beans.x, self.beans.y
        for update in range(since + 1, updates + 1):
            beans = self.bean_order.beans_of_update(update)
            before = self.history.params_at(update - 1)
            slope = self.model.grad(before, x[beans], y[beans])
            self.optimizer.next_params(self.model, before, slope, x[beans], y[beans], update)
        self.memories = {u: m for u, m in self.memories.items() if u <= updates}
