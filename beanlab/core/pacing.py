"""How far and how fast a played run goes: the worker's arithmetic, without threads or clocks of its own.

At a watchable speed the run owes ``speed × elapsed`` updates at each tick (fractions carry over);
at full speed it trains in chunks sized to take about a millisecond on this machine; either way it
never goes past the epoch limit, nor past the update ``play_until`` asked for.
"""
from __future__ import annotations

from .frame import RunState

FRAME_INTERVAL_S = 0.016   # at most one frame per refresh of a 60 Hz screen
CATCH_UP_S = 0.25          # after a stall, a slow run never makes up more than this much time
FIRST_CHUNK, SMALLEST_CHUNK, LARGEST_CHUNK = 256, 16, 1 << 16
CHUNK_TOO_SHORT_S, CHUNK_TOO_LONG_S = 0.0005, 0.002


class Pacing:
    """The speed, the limits and what is owed of one played run; times are seconds of any clock."""

    def __init__(self, speed: float = 0.0, epoch_limit: int = 100) -> None:
        self.speed = speed                 # updates per second; 0 means as fast as the machine goes
        self.epoch_limit = epoch_limit
        self.updates_per_epoch = 1
        self.stop_at: int | None = None    # play_until: pause when the run reaches this update
        self.chunk = FIRST_CHUNK           # updates per trainer.run call at full speed
        self.last_tick = 0.0
        self._owed = 0.0                   # fractional updates owed at slow speeds

    @property
    def full_speed(self) -> bool:
        return self.speed == 0

    def set_speed(self, updates_per_second: float) -> None:
        self.speed = updates_per_second
        self._owed = 0.0

    def start(self, now: float) -> None:
        """Playing from now on: nothing owed yet."""
        self._owed = 0.0
        self.last_tick = now

    def epoch_updates_left(self, step: int) -> int:
        return self.epoch_limit * self.updates_per_epoch - step

    def updates_left(self, step: int) -> int:
        """Updates before the run must stop: at the epoch limit, or where play_until asked."""
        left = self.epoch_updates_left(step)
        if self.stop_at is not None:
            left = min(left, self.stop_at - step)
        return left

    def due(self, now: float, step: int) -> int:
        """At a watchable speed: the whole updates owed since the last tick (at most the updates left)."""
        owed = self._owed + self.speed * (now - self.last_tick)
        self._owed = min(owed, self.speed * CATCH_UP_S + 1)
        due = int(self._owed)
        self._owed -= due
        self.last_tick = now
        return max(0, min(due, self.updates_left(step)))

    def next_chunk(self, step: int) -> int:
        """At full speed: how many updates the next trainer.run makes."""
        return max(0, min(self.chunk, self.updates_left(step)))

    def chunk_took(self, seconds: float) -> None:
        """Grow or shrink the chunk toward about a millisecond a call (so a pause stays prompt)."""
        grow = 2 if seconds < CHUNK_TOO_SHORT_S else 0.5 if seconds > CHUNK_TOO_LONG_S else 1
        self.chunk = int(min(max(self.chunk * grow, SMALLEST_CHUNK), LARGEST_CHUNK))

    def wait_s(self, now: float) -> float:
        """Until the next tick: one frame interval after the last (≤ 0: it is due already)."""
        return FRAME_INTERVAL_S - (now - self.last_tick)

    def state_at(self, step: int, diverged: bool, playing: bool) -> RunState:
        """The run's state at ``step``: playing on, or why it stopped (reaching play_until's update pauses it)."""
        if diverged:
            return RunState.DIVERGED
        if self.epoch_updates_left(step) <= 0:
            return RunState.FINISHED
        if playing and self.updates_left(step) > 0:
            return RunState.PLAYING
        return RunState.PAUSED
