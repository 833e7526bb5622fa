"""Where a run's frames arrive in the GUI: one sampled history for every view, then each view draws.

The window's hub gets the worker's frames and, once they are drawn, tells the worker it may send
the next; an export's renderer has a hub of its own, fed with replayed frames.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QTimer

from beanlab.core import Frame, SampledHistory

MAX_ROWS = 4000   # enough for the descent path to keep its corners; the loss plot thins it further


class SampledRun:
    """An even sample of the whole run so far (update, parameters, loss, smoothed loss), bounded in size.

    The loss plot and the cost views both draw from it: one copy, however many views.
    """

    def __init__(self, max_rows: int = MAX_ROWS) -> None:
        self._max_rows = max_rows
        self._rows = SampledHistory(0, max_rows)

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, frame: Frame) -> None:
        """The frame's new rows; a restarted run's first frame starts the sample again."""
        if frame.restarted:
            self._rows = SampledHistory(frame.params.shape[1] + 2, self._max_rows)
        self._rows.append(frame.updates, np.column_stack([frame.params, frame.loss, frame.smoothed_loss]))

    @property
    def updates(self) -> np.ndarray:
        return self._rows.updates

    @property
    def params(self) -> np.ndarray:
        return self._rows.values[:, :-2]

    @property
    def loss(self) -> np.ndarray:
        return self._rows.values[:, -2]

    @property
    def smoothed_loss(self) -> np.ndarray:
        return self._rows.values[:, -1]


class FrameHub:
    """Receives frames, keeps the run's one :class:`SampledRun`, and has every subscriber draw each frame."""

    def __init__(self, acknowledge: Callable[[], None] | None = None) -> None:
        """``acknowledge``: called once a frame is on screen (the worker's cue for the next one)."""
        self.history = SampledRun()
        self.frames_shown = 0
        self._acknowledge = acknowledge
        self._subscribers: list[Callable[[Frame], None]] = []

    def subscribe(self, show: Callable[[Frame], None]) -> None:
        """Call ``show(frame)`` for every frame from now on, after the history has its rows."""
        self._subscribers.append(show)

    def receive(self, frame: Frame) -> None:
        self.history.add(frame)
        for show in self._subscribers:
            show(frame)
        self.frames_shown += 1
        if self._acknowledge is not None:
            # Acknowledge from a real (1 ms) timer, which Qt runs only once the events queued
            # meanwhile, painting included, are handled: the worker can never get ahead of the screen.
            QTimer.singleShot(1, self._acknowledge)
