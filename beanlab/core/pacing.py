"""How far and how fast a played run goes: the worker's arithmetic, without threads or clocks of its own.

At a watchable speed the run owes ``speed × elapsed`` updates at each tick (fractions carry over);
at full speed it trains in chunks sized to take about a millisecond on this machine; either way it
never goes past the epoch limit, nor past the update ``play_until`` asked for.

A lesson tells its story at its own pace: a :class:`Plan` of phases, each a speed up to an update
(lesson 3: the first 20 updates one by one, then faster; lesson 6: fast-forward through the long
flat start, then slow enough to watch the bump form). The plan sets the speed until the teacher
chooses one; a full-speed phase of a plan, and *skip ahead*, fast-forward: they train longer
between frames, since only the result matters.
"""
from __future__ import annotations

from dataclasses import dataclass

from .frame import RunState

FRAME_INTERVAL_S = 0.016   # at most one frame per refresh of a 60 Hz screen
CATCH_UP_S = 0.25          # after a stall, a slow run never makes up more than this much time
FIRST_CHUNK, SMALLEST_CHUNK, LARGEST_CHUNK = 256, 16, 1 << 16
CHUNK_TOO_SHORT_S, CHUNK_TOO_LONG_S = 0.0005, 0.002
FAST_FORWARD_BUDGET_S = 0.05   # fast-forwarding, train this long between frames: ~10 frames a second
PROMISE_CHECK_EVERY = 10       # skipping ahead, look whether the promise is kept this often (updates)


@dataclass(frozen=True)
class Phase:
    """One stretch of a plan: ``speed`` updates per second (0: fast-forward) until update ``until``
    (None: to the end of the run)."""

    speed: float
    until: int | None = None


@dataclass(frozen=True)
class Plan:
    """A lesson's pace: phases in order, the last one open-ended."""

    phases: tuple[Phase, ...]

    def __post_init__(self) -> None:
        if not self.phases or self.phases[-1].until is not None:
            raise ValueError("a plan's last phase must last to the end of the run")
        ends = [phase.until for phase in self.phases[:-1]]
        if any(end is None or end <= 0 for end in ends) or ends != sorted(set(ends)):
            raise ValueError("a plan's phases must end at increasing updates")
        if any(phase.speed < 0 for phase in self.phases):
            raise ValueError("a plan's speeds must be >= 0 updates per second")

    @classmethod
    def steady(cls, speed: float) -> Plan:
        """One speed all along."""
        return cls((Phase(speed),))

    @classmethod
    def of(cls, *stretches: tuple[float, int] | float) -> Plan:
        """Plan.of((2, 20), 30): 2 updates a second up to update 20, then 30 a second."""
        return cls(tuple(Phase(*s) if isinstance(s, tuple) else Phase(s) for s in stretches))

    def phase_at(self, step: int) -> Phase:
        """The phase the next update (after ``step``) belongs to."""
        return next(phase for phase in self.phases if phase.until is None or step < phase.until)

    def speed_at(self, step: int) -> float:
        return self.phase_at(step).speed

    @property
    def first_speed(self) -> float:
        return self.phases[0].speed

    def seconds_to(self, update: int, fast_forward_rate: float) -> float:
        """How long the plan takes to reach ``update``, fast-forwarding at ``fast_forward_rate`` updates/s."""
        seconds, start = 0.0, 0
        for phase in self.phases:
            end = update if phase.until is None else min(phase.until, update)
            if end > start:
                seconds += (end - start) / (phase.speed or fast_forward_rate)
            start = max(start, end)
        return seconds


class Pacing:
    """The speed, the limits and what is owed of one played run; times are seconds of any clock."""

    def __init__(self, speed: float = 0.0, epoch_limit: int = 100) -> None:
        self.speed = speed                 # updates per second now; 0 means as fast as the machine goes
        self.plan = Plan.steady(speed)     # the lesson's pace, followed unless the teacher chose a speed
        self.chosen: float | None = None   # the speed the teacher chose (it overrides the plan)
        self.skipping = False              # skip ahead: full speed, fast-forwarding, until told otherwise
        self.epoch_limit = epoch_limit
        self.updates_per_epoch = 1
        self.stop_at: int | None = None    # play_until: pause when the run reaches this update
        self.chunk = FIRST_CHUNK           # updates per trainer.run call at full speed
        self.last_tick = 0.0
        self._owed = 0.0                   # fractional updates owed at slow speeds

    @property
    def full_speed(self) -> bool:
        return self.speed == 0

    @property
    def fast_forward(self) -> bool:
        """Full speed that a plan or skip ahead asked for: train longer between frames."""
        return self.full_speed and (self.skipping or self.chosen is None)

    def set_speed(self, updates_per_second: float) -> None:
        """The teacher's choice: it holds, whatever the plan says, until a new plan."""
        self.chosen = updates_per_second
        self.speed = updates_per_second
        self._owed = 0.0

    def set_plan(self, plan: Plan, step: int = 0) -> None:
        """Follow ``plan`` from now on (forgetting the teacher's choice)."""
        self.plan, self.chosen = plan, None
        self.follow(step)

    def follow(self, step: int) -> None:
        """The speed for the update after ``step``: skip ahead's, the teacher's, or the plan's."""
        speed = 0.0 if self.skipping else self.chosen if self.chosen is not None else self.plan.speed_at(step)
        if speed != self.speed:
            self.speed = speed
            self._owed = 0.0

    def plan_changes_speed(self, step: int) -> bool:
        """Whether the speed for the update after ``step`` differs from the speed now."""
        if self.skipping or self.chosen is not None:
            return False
        return self.plan.speed_at(step) != self.speed

    def _phase_left(self, step: int) -> int:
        """Updates before the plan changes speed (unbounded when the plan is not in control)."""
        if self.skipping or self.chosen is not None:
            return 1 << 62
        until = self.plan.phase_at(step).until
        return 1 << 62 if until is None else until - step

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
        return max(0, min(due, self.updates_left(step), self._phase_left(step)))

    def next_chunk(self, step: int) -> int:
        """At full speed: how many updates the next trainer.run makes (skipping: few, to stop at the promise)."""
        chunk = min(self.chunk, PROMISE_CHECK_EVERY) if self.skipping else self.chunk
        return max(0, min(chunk, self.updates_left(step), self._phase_left(step)))

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
