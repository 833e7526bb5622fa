"""A run's history as CSV: one row per update, with the beans it used, its parameters and its loss."""
from __future__ import annotations

import io

import numpy as np

from .trainer import Trainer


def beans_column(trainer: Trainer, updates: np.ndarray) -> list[str]:
    """The bean(s) of each update: ``7``, a range ``10-19`` in visiting order, or indices ``3 41 8``."""
    n_beans = len(trainer.beans)
    per_update = trainer.optimizer.beans_per_update(n_beans)
    within = (updates - 1) % trainer.updates_per_epoch
    if trainer.order == "sequential":
        first = within * per_update
        last = np.minimum(first + per_update, n_beans) - 1
        return [f"{a}" if a == b else f"{a}-{b}" for a, b in zip(first.tolist(), last.tolist())]
    epochs = (updates - 1) // trainer.updates_per_epoch
    rng = np.random.default_rng(trainer.seed)   # the trainer's permutations, one per epoch, in order
    orders = [rng.permutation(n_beans) for _ in range(int(epochs.max()) + 1)] if len(updates) else []
    return [" ".join(map(str, orders[e][w * per_update:(w + 1) * per_update].tolist()))
            for e, w in zip(epochs.tolist(), within.tolist())]


def history_csv_text(trainer: Trainer) -> str:
    """Header ``update,epoch,beans,<parameters>,loss``; epoch counts from 1 (the one the update is in).

    One row per update the record keeps: every one, unless the run is so long that its middle is
    kept as a sample (see :class:`~beanlab.core.history.History`)."""
    updates, params, loss = (part[1:] for part in trainer.history.rows_from(0))
    epochs = (updates - 1) // trainer.updates_per_epoch + 1
    beans = beans_column(trainer, updates)
    numbers = np.column_stack([params, loss])
    out = io.StringIO()
    out.write(",".join(["update", "epoch", "beans", *trainer.model.param_names, "loss"]) + "\n")
    for update, epoch, used, row in zip(updates.tolist(), epochs.tolist(), beans, numbers.tolist()):
        out.write(f"{update},{epoch},{used}," + ",".join(repr(v) for v in row) + "\n")
    return out.getvalue()
