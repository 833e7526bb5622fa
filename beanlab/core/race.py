"""A race: several optimizers on the same beans from the same start, side by side.

Each racer is the run's configuration with another optimizer (on a landscape, perhaps with
gradient noise: ``batch@0.01``); all train for the same number of
epochs. The table says where each one ended and how soon it first got within reach of the bottom:
the threshold is the least loss known (the closed-form optimum's, or else the best any racer
reached) plus 1% of the way down from the start, unless one is given.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..i18n import tr
from .datasets import Beans
from .run_config import RunConfig
from .trainer import Trainer

MAX_RACERS = 4
CHUNK = 2_000   # updates between checks of the clock


@dataclass(frozen=True)
class RaceResult:
    optimizer: str
    final_loss: float
    updates: int
    seconds: float
    diverged: bool
    updates_to_threshold: int | None   # the first update at or below the threshold; None: never
    seconds_to_threshold: float | None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Race:
    threshold: float
    results: tuple[RaceResult, ...]
    paths: tuple[np.ndarray, ...] = ()    # each racer's parameters after the updates its record keeps
    losses: tuple[np.ndarray, ...] = ()   # and its loss there
    updates: tuple[np.ndarray, ...] = ()  # those updates' numbers (all of them, unless the race is very long)


def racers(config: RunConfig, optimizers: list[str], beans: Beans | None = None) -> list[Trainer]:
    """One trainer per optimizer, on the same beans (``beans``, else the config's dataset) from the
    same start; ValueError for a bad list."""
    if not 1 <= len(optimizers) <= MAX_RACERS:
        raise ValueError(tr("a race has 1 to {most} optimizers, not {count}").format(
            most=MAX_RACERS, count=len(optimizers)))
    if len(set(optimizers)) != len(optimizers):
        raise ValueError(tr("each optimizer may run once in a race"))
    beans = config.make_beans() if beans is None else beans
    start = config.build_trainer(beans).init
    return [racer_config(config, racer).replace(init=tuple(start)).build_trainer(beans) for racer in optimizers]


def racer_config(config: RunConfig, racer: str) -> RunConfig:
    """The settings of one racer: an optimizer's name, or ``name@noise`` for a landscape with
    gradient noise (``batch@0.01`` beside ``batch``: does noise get past the saddle?)."""
    name, _, noise = racer.partition("@")
    if not noise:
        return config.replace(optimizer=name)
    try:
        return config.replace(optimizer=name, noise=float(noise))
    except ValueError:
        raise ValueError(tr("{racer}: the noise after @ must be a number").format(racer=racer)) from None


def run_race(config: RunConfig, optimizers: list[str], threshold: float | None = None,
             beans: Beans | None = None, stop_after: Callable[[int, int], bool] | None = None) -> Race:
    """Train each racer for ``config.epochs`` epochs (on ``beans``, else the config's dataset), timing
    it, and compare them.

    ``stop_after(done, total)``, if given, is asked after every chunk with the updates made so far by
    all racers and in all; True stops the race there: the racers compare as far as they got (a racer
    not yet started has made no update).
    """
    trainers = racers(config, optimizers, beans)
    timings = []
    totals = [config.epochs * trainer.updates_per_epoch for trainer in trainers]
    done_before, stopped = 0, False
    for trainer, total in zip(trainers, totals):
        marks = []   # (update, seconds since the start) after each chunk
        started = time.perf_counter()
        while trainer.step_count < total and not trainer.diverged and not stopped:
            trainer.run(min(CHUNK, total - trainer.step_count))
            marks.append((trainer.step_count, time.perf_counter() - started))
            stopped = stop_after is not None and stop_after(done_before + trainer.step_count, sum(totals))
        done_before += total
        timings.append(marks)
    if threshold is None:
        threshold = default_threshold(trainers)
    results, records = [], [t.history.rows_from(0) for t in trainers]
    for racer, trainer, marks, (updates, _params, losses) in zip(optimizers, trainers, timings, records):
        below = np.flatnonzero(losses <= threshold)
        reached = int(updates[below[0]]) if len(below) else None
        seconds = marks[-1][1] if marks else 0.0
        results.append(RaceResult(racer, float(losses[-1]), trainer.step_count, seconds,
                                  trainer.diverged, reached, _time_at(marks, reached)))
    return Race(float(threshold), tuple(results), tuple(r[1] for r in records), tuple(r[2] for r in records),
                tuple(r[0] for r in records))


def default_threshold(trainers: list[Trainer]) -> float:
    """The least known loss plus 1% of the way down to it from the start."""
    first = trainers[0]
    best = first.model.optimum(first.beans.x, first.beans.y)
    start = first.history.loss_at(0)
    finals = [float(np.min(t.history.rows_from(0)[2])) for t in trainers]
    floor = first.model.loss(best, first.beans.x, first.beans.y) if best is not None else min(finals)
    return floor + 0.01 * max(start - floor, 0.0)


def _time_at(marks: list[tuple[int, float]], update: int | None) -> float | None:
    """When the racer made update ``update``, from the clock read after each chunk (interpolated)."""
    if update is None:
        return None
    updates = [0] + [m[0] for m in marks]
    seconds = [0.0] + [m[1] for m in marks]
    return float(np.interp(update, updates, seconds))
