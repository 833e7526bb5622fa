"""A run's history as CSV: one row per update, with the beans it used, its parameters and its loss."""
from __future__ import annotations

import io

import numpy as np

from .trainer import Trainer


def beans_column(trainer: Trainer, updates: np.ndarray) -> list[str]:
    """The bean(s) of each update: ``7``, a range ``10-19`` in visiting order, or indices ``3 41 8``."""
    order = trainer.bean_order
    if order.order == "sequential":   # each update's beans are a run of indices: say first-last
        first = order.epoch_and_position(updates - 1)[1]
        last = np.minimum(first + order.per_update, order.n_beans) - 1
        return [f"{a}" if a == b else f"{a}-{b}" for a, b in zip(first.tolist(), last.tolist())]
    return [" ".join(map(str, order.beans_of_update(update).tolist())) for update in updates.tolist()]


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
