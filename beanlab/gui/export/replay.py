"""Frames rebuilt from a recorded run, as the worker would have sent them at those updates."""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from beanlab.core import Snapshot, Trainer, ema
from beanlab.gui.training_worker import LOSS_SMOOTHING, Frame


def replay_frames(trainer: Trainer, updates: np.ndarray) -> Iterator[Frame]:
    """One frame at each of ``updates`` (increasing update numbers the trainer's history holds).

    The first frame carries the history from update 0, so the loss plot and the descent path show
    the run up to there; each later frame carries the rows since the one before.
    """
    history = trainer.history
    smoothed = ema(history.loss[: int(updates[-1]) + 1], LOSS_SMOOTHING)
    per_epoch = trainer.updates_per_epoch
    previous = -1
    for update in (int(u) for u in updates):
        first = previous + 1
        params = history.params[update]
        snapshot = Snapshot(step=update, epoch=update // per_epoch, position=update % per_epoch,
                            params=tuple(float(p) for p in params), loss=float(history.loss[update]),
                            gradient=None, beans=tuple(int(i) for i in trainer.beans_of_update(update)),
                            diverged=False)
        yield Frame(0, snapshot, "playing", previous < 0, first, history.params[first:update + 1],
                    history.loss[first:update + 1], smoothed[first:update + 1])
        previous = update
