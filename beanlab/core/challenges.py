"""Challenges that check themselves: a task for a student at home, with a goal measured from the run.

"Find a learning rate that reaches loss 0.004 in under 50 updates without diverging": a challenge
names a test on the run's numbers (one of the promise tests, see promises.py, or one of
:data:`RUN_TESTS`: the run zig-zags, the run blows up), the update it must hold by, and what the run
must be to count (``require``: optimizer = "sgd"; ``at_most``: hidden = 4). A challenge is played on
the lesson's own beans unless it lets the student move some (``moves``: "move two beans so the best
line passes through (0.5, 1.0)"); beans moved, added or removed beyond that make a run not count. :meth:`Challenge.result`
reads a trainer's own record and says in one line whether the goal is met, where, or why not. Each
built-in challenge carries a ``solution`` — settings that meet it, and for a challenge that moves
beans, the beans' new places (``solution_beans``) — which the tests play, so that no challenge is
impossible.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..i18n import N_, tr
from .bean_edits import move_bean
from .datasets import Beans
from .numbers import number
from .predictions import fate_of, stretch_of
from .promises import RunNumbers
from .run_config import RunConfig

ROWS_CHECKED = 400   # a long run's record is looked at in this many rows at most (and its last)


def zig_zags(trainer, by_update: int) -> int | None:
    """w jumped across its optimum and back (predictions.fate_of) by ``by_update``: that update, or None."""
    stretch = stretch_of(trainer, 0, by_update)
    return min(by_update, trainer.step_count) if fate_of(stretch) == 1 else None


def blows_up(trainer, by_update: int) -> int | None:
    """The run diverged at or before ``by_update``: the update it stopped at, or None."""
    return trainer.step_count if trainer.diverged and trainer.step_count <= by_update else None


# goals read from the whole run rather than from one update's numbers
RUN_TESTS: dict[str, Callable] = {"zig_zag": zig_zags, "diverges": blows_up}


@dataclass(frozen=True)
class Result:
    """What a run made of a challenge: ``met``, and one line saying so, in the current language."""

    met: bool
    line: str
    at_update: int | None = None


@dataclass(frozen=True)
class Challenge:
    id: str                      # unique within its lesson: what the star is remembered by
    task: str                    # in English, marked for translation: what the student is asked to do
    test_name: str
    test: Callable               # RunNumbers → bool, or (trainer, by_update) → update or None (RUN_TESTS)
    by_update: int
    require: dict = field(default_factory=dict)    # RunConfig field → the value the run must have
    at_most: dict = field(default_factory=dict)    # RunConfig field → its largest allowed value
    at_least: dict = field(default_factory=dict)   # … smallest
    solution: dict = field(default_factory=dict)   # RunConfig changes that meet it (the tests play them)
    moves: int = 0                                 # how many of the lesson's beans the student may move
    solution_beans: tuple = ()                     # ((bean index, size, toxicity), …): moves that meet it

    def solved_beans(self, beans: Beans) -> Beans:
        """``beans`` with the solution's moves made (unchanged for a challenge that moves none)."""
        for index, x, y in self.solution_beans:
            beans = move_bean(beans, int(index), x, y)
        return beans

    def beans_problem(self, beans: Beans, config: RunConfig) -> str | None:
        """Why a run on ``beans`` does not count: more of the lesson's beans changed than the challenge
        lets the student move (its beans are those ``config`` names); None if it counts."""
        if config.landscape is not None:
            return None   # a landscape's one bean is a placeholder
        own = config.make_beans()
        if len(own) != len(beans):
            return tr("this challenge is played on the lesson's {own:,} beans; the run has {have:,} "
                      "(Regenerate, in the Beans panel, brings them back)").format(own=len(own), have=len(beans))
        x_now, x_own = beans.x.reshape(len(beans), -1), own.x.reshape(len(own), -1)
        moved = int(np.count_nonzero((x_now != x_own).any(axis=1) | (beans.y != own.y)))
        if moved <= self.moves:
            return None
        if self.moves == 0:
            return tr("this challenge is played on the lesson's own beans, unmoved (moved: {moved:,}; "
                      "Regenerate, in the Beans panel, brings them back)").format(moved=moved)
        return tr("this challenge lets you move at most {moves} beans; {moved:,} have moved").format(
            moves=self.moves, moved=moved)

    def settings_problem(self, config: RunConfig) -> str | None:
        """Why a run of ``config`` does not count for this challenge, or None if it does."""
        for key, wanted in self.require.items():
            have = getattr(config, key)
            if (tuple(wanted) if isinstance(wanted, list) else wanted) != have:
                return tr("this challenge asks for {key} = {wanted}; the run has {have}").format(
                    key=key, wanted=wanted, have=have)
        for limits, allowed, words in ((self.at_most, lambda have, limit: have <= limit, N_("at most")),
                                       (self.at_least, lambda have, limit: have >= limit, N_("at least"))):
            for key, limit in limits.items():
                have = getattr(config, key)
                if not allowed(have, limit):
                    return tr("this challenge asks for {key} {limit_words} {limit}; the run has {have}").format(
                        key=key, limit_words=tr(words), limit=number(limit), have=number(have))
        return None

    def result(self, trainer, config: RunConfig) -> Result:
        """Whether ``trainer``'s run (made with ``config``) meets the challenge, in one line."""
        problem = self.settings_problem(config) or self.beans_problem(trainer.beans, config)
        if problem is not None:
            return Result(False, tr("Not counted: {problem}.").format(problem=problem))
        finished = trainer.step_count >= config.epochs * trainer.updates_per_epoch
        if self.test_name in RUN_TESTS:
            at = self.test(trainer, self.by_update)
        else:
            at = self._first_update_kept(trainer, config)
        if at is not None:
            loss = trainer.history.rows_from(at)[2][0] if at < trainer.step_count else trainer.loss
            return Result(True, tr("★ Met at update {update:,} (loss {loss}).").format(
                update=at, loss=number(float(loss))), at)
        if trainer.diverged:
            return Result(False, tr("Not met: the run blew up at update {update:,}. Try again: Reset, change a "
                                    "setting, play.").format(update=trainer.step_count))
        if trainer.step_count < self.by_update and not finished:
            return Result(False, tr("Not yet: play on. The goal counts up to update {by:,}; the run is at {now:,}.")
                          .format(by=self.by_update, now=trainer.step_count))
        return Result(False, tr("Not met by update {by:,}. Try again: Reset, change a setting, play.").format(
            by=self.by_update))

    def _first_update_kept(self, trainer, config: RunConfig) -> int | None:
        """The first recorded update, up to ``by_update``, whose numbers pass the test (a long run's
        record is looked at in :data:`ROWS_CHECKED` rows, evenly spread, and its last)."""
        updates, params, losses = trainer.history.rows_from(0)
        kept = updates <= self.by_update
        updates, params, losses = updates[kept], params[kept], losses[kept]
        if len(updates) > ROWS_CHECKED:
            chosen = np.unique(np.r_[np.linspace(0, len(updates) - 1, ROWS_CHECKED).astype(int), len(updates) - 1])
            updates, params, losses = updates[chosen], params[chosen], losses[chosen]
        epoch_end = config.epochs * trainer.updates_per_epoch
        for update, row, loss in zip(updates, params, losses):
            if not np.isfinite(loss):
                return None
            numbers = RunNumbers(trainer.model, trainer.beans, row, loss, int(update), finished=update >= epoch_end)
            if self.test(numbers):
                return int(update)
        return None
