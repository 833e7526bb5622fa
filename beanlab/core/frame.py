"""One moment of a run as the views draw it, and the one way frames are made from a run's record.

The training worker sends frames live, the export replays them from a finished record, the tests
make their own: all through :class:`FrameMaker`, so each frame carries exactly the record's rows
since the frame before, and the smoothed loss goes on from where the last frame left it.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from .explain import Explanation
from .smoothing import ema
from .trainer import Snapshot

LOSS_SMOOTHING = 0.05   # α of the loss plot's moving average


class RunState(StrEnum):
    """Where a run is; a StrEnum, so its value reads as the plain word ("paused" …) too."""

    PAUSED = "paused"
    PLAYING = "playing"
    FINISHED = "finished"   # reached the epoch limit
    DIVERGED = "diverged"   # the loss blew up: training stopped at the last finite point


@dataclass(frozen=True)
class Frame:
    """What the GUI needs to draw one moment of a run; its arrays are copies, safe across threads."""

    generation: int            # which trainer this came from; frames of a replaced trainer are dropped
    snapshot: Snapshot
    state: RunState
    restarted: bool            # True: the GUI must forget the history it has and start from these rows
    updates: np.ndarray        # the update numbers of the new rows (a long run's older ones are a sample)
    params: np.ndarray         # new rows of parameters since the last frame
    loss: np.ndarray           # their losses
    smoothed_loss: np.ndarray  # the moving average of the losses
    explanation: Explanation | None = None   # the last update in words and numbers


def sample_stride(last_update: int, max_rows: int) -> int:
    """The stride of an even sample (:class:`SampledHistory` of ``max_rows``) once it holds updates 0 … last."""
    stride = 1
    while last_update // stride + 1 > max_rows:
        stride *= 2
    return stride


class FrameMaker:
    """Makes the frames of one run in order; :meth:`restart` when the run starts again.

    ``sample_rows``: the frames go to an even sample of at most that many rows (the window's), so
    each carries only the rows that sample will keep: at full speed a frame may follow 100,000
    updates, and copying, sending and sampling them all would cost more than drawing them.
    """

    def __init__(self, generation: int = 0, sample_rows: int | None = None) -> None:
        self.generation = generation
        self.sample_rows = sample_rows
        self.restart()

    def restart(self) -> None:
        """The next frame starts the history afresh (a new, reset or rewound run)."""
        self.next_update = 0   # the first update the next frame carries: those before it were sent
        self._smoothed: float | None = None

    def make_frame(self, snapshot: Snapshot, state: RunState, updates: np.ndarray, params: np.ndarray,
                   loss: np.ndarray, explanation: Explanation | None = None) -> Frame:
        """The frame at ``snapshot``, carrying the record's rows of updates from ``next_update`` on."""
        smoothed = ema(loss, LOSS_SMOOTHING, self._smoothed)
        if len(smoothed):
            self._smoothed = float(smoothed[-1])
        restarted = self.next_update == 0
        if len(updates):
            self.next_update = int(updates[-1]) + 1
            if self.sample_rows is not None:
                kept = updates % sample_stride(int(updates[-1]), self.sample_rows) == 0
                updates, params, loss, smoothed = updates[kept], params[kept], loss[kept], smoothed[kept]
        return Frame(self.generation, snapshot, RunState(state), restarted, updates, params, loss, smoothed,
                     explanation)
