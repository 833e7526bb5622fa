"""How long the worker trains between two frames at full speed, and in what chunks: arithmetic only.

Training and drawing share one GIL, so at full speed they take turns: the worker trains while the
window waits for the next frame, then the window draws while the worker waits for it to finish.
The share of each turn spent training is what the window's speed is, against the core's alone
(``beanlab train``): training for ``TRAINING_SHARE`` of every cycle keeps the window at about that
fraction of the core's rate, whatever a frame costs to draw. The budget follows the time the rest
of the last cycle took (making the frame, drawing it, the hand-over); the cheaper the drawing, the
shorter the budget and the higher the frame rate.

Within the budget, training goes in chunks sized from the rate measured so far to take about
``CHUNK_S``: large enough that a chunk's own cost (recording, the loss over all beans) is small,
small enough that a command (Space) waits at most that long.
"""
from __future__ import annotations

TRAINING_SHARE = 0.65                # of every full-speed cycle (frame made, drawn, next frame trained)
SHORTEST_BUDGET_S, LONGEST_BUDGET_S = 0.004, 0.080
CHUNK_S = 0.004                      # a command waits at most about this long for the chunk under way
FIRST_RATE = 1_000.0                 # updates/s assumed before any chunk of this run was timed (it doubles fast)
SMALLEST_CHUNK, LARGEST_CHUNK = 1, 1 << 16


class FullSpeedBudget:
    """The training budget per frame and the chunk sizes of one played run; times are seconds of any clock."""

    def __init__(self) -> None:
        self.rate = FIRST_RATE          # updates per second of the trainer, as last measured
        self.rest_s = SHORTEST_BUDGET_S  # the rest of the last cycle: everything but training
        self._trained_until: float | None = None

    def start(self) -> None:
        """Playing again: the pause in between is not part of any cycle."""
        self._trained_until = None

    def budget_s(self, now: float) -> float:
        """How long to train now: the rest of the last cycle (since training stopped) scaled to the share."""
        if self._trained_until is not None:
            self.rest_s = now - self._trained_until
        share = TRAINING_SHARE / (1 - TRAINING_SHARE)
        return min(max(self.rest_s * share, SHORTEST_BUDGET_S), LONGEST_BUDGET_S)

    def chunk(self, seconds_left: float) -> int:
        """Updates for the next trainer.run: about ``CHUNK_S`` of training, no more than the budget left."""
        updates = self.rate * min(max(seconds_left, 0.0), CHUNK_S)
        return int(min(max(updates, SMALLEST_CHUNK), LARGEST_CHUNK))

    def chunk_took(self, updates: int, seconds: float) -> None:
        """A chunk of ``updates`` took ``seconds``: the rate the next chunks are sized from (smoothed)."""
        if updates > 0 and seconds > 0:
            self.rate = 0.5 * self.rate + 0.5 * updates / seconds

    def trained(self, now: float) -> None:
        """Training for this frame is over: the rest of the cycle starts now."""
        self._trained_until = now
