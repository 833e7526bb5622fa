"""Frames rebuilt from a recorded run, as the worker would have sent them at those updates."""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from beanlab.core import Frame, FrameMaker, RunState, Snapshot, Trainer


def replay_frames(trainer: Trainer, updates: np.ndarray) -> Iterator[Frame]:
    """One frame at each of ``updates`` (increasing update numbers), or at the nearest kept update
    before it: the record keeps the middle of a very long run as a sample.

    The first frame carries the history from update 0, so the loss plot and the descent path show
    the run up to there; each later frame carries the rows since the one before.
    """
    kept, params, loss = trainer.history.rows_from(0)
    rows = np.unique(np.maximum(np.searchsorted(kept, np.asarray(updates), side="right") - 1, 0))
    frames = FrameMaker()
    previous = -1
    for row in (int(r) for r in rows):
        update = int(kept[row])
        epoch, position = trainer.bean_order.epoch_and_position(update)
        snapshot = Snapshot(step=update, epoch=epoch, position=position,
                            params=tuple(float(p) for p in params[row]), loss=float(loss[row]),
                            gradient=None, beans=tuple(int(i) for i in trainer.beans_of_update(update)),
                            diverged=False)
        new = slice(previous + 1, row + 1)
        yield frames.make_frame(snapshot, RunState.PLAYING, kept[new], params[new], loss[new])
        previous = row
