"""The training worker: runs the core's Trainer on its own thread and reports frames to the GUI.

It batches updates and emits at most one frame per screen refresh (~60 a second), always the
final one; a frame the GUI has not drawn yet is not followed by another, so the GUI never floods.
The GUI talks to it through one queued signal carrying commands (see :meth:`TrainingWorker.run_command`),
so every command runs on the worker thread. How many updates each tick makes is the core's
:class:`~beanlab.core.Pacing`.

At full speed the worker trains only between frames, while the GUI waits for the next one: both
sides are Python and share one GIL, and training while the GUI draws would only make each wait
for the other at every call into Qt (measured: several times fewer frames, and no more updates).
How long it trains per frame, and in what chunks, is the core's :class:`FullSpeedBudget`; a command
arriving meanwhile (Space) cuts the training short at the end of the chunk under way.
"""
from __future__ import annotations

import copy
import threading
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from beanlab.core import (
    FrameMaker,
    Pacing,
    Plan,
    Promise,
    RunState,
    Trainer,
    explain_next_update_in_stages,
    explain_update,
)
from beanlab.core.full_speed import FullSpeedBudget
from beanlab.core.pacing import FAST_FORWARD_BUDGET_S, PROMISE_CHECK_EVERY
from beanlab.gui.frame_hub import MAX_ROWS
from beanlab.i18n import tr


class TrainingWorker(QObject):
    """Owns the Trainer; lives on a QThread."""

    frame_ready = Signal(object)
    run_copied = Signal(object, int, int)   # (a Trainer of its own, the update it was at, request number)
    stages_ready = Signal(int, object, object, object)   # (generation, beans, pick Explanation, slope Explanation)
    refused = Signal(str)   # a request the run cannot carry out, in words
    skipped = Signal(str)   # skip ahead is over: where it stopped, in words
    _woken = Signal()   # emitted by frame_drawn() on the GUI thread, handled here on the worker's

    def __init__(self) -> None:
        super().__init__()
        self._trainer: Trainer | None = None
        self._frames = FrameMaker(sample_rows=MAX_ROWS)   # the window keeps no more: see SampledRun
        self._state = RunState.PAUSED
        self._pacing = Pacing()
        self._budget = FullSpeedBudget()
        self._command_waiting = threading.Event()   # set by command_coming(): training stops early for it
        self._gui_ready = threading.Event()
        self._gui_ready.set()
        self._timer: QTimer | None = None
        self._skip_to: Promise | None = None   # skip ahead: the promise to stop at
        self._woken.connect(self._on_woken)
        # what the GUI may ask, by name: see run_command
        self._commands = {command.__name__: command for command in (
            self.load, self.play, self.play_until, self.pause, self.step, self.step_back, self.rewind_to, self.step_epoch,
            self.preview_stages, self.refresh, self.reset, self.copy_run, self.set_speed, self.set_plan,
            self.skip_ahead, self.set_live, self.stop)}

    # -- called from the GUI thread ---------------------------------------------------------
    def frame_drawn(self) -> None:
        """The GUI has drawn the last frame; the next may be sent. Thread-safe."""
        self._gui_ready.set()
        self._woken.emit()

    def command_coming(self) -> None:
        """A command is on its way (see run_command): cut the training under way short. Thread-safe."""
        self._command_waiting.set()

    # -- run on the worker thread -------------------------------------------------------------
    @Slot(object)
    def run_command(self, command: tuple) -> None:
        """Carry out one command from the GUI: (name of one of the methods below, its arguments)."""
        self._command_waiting.clear()
        name, arguments = command
        self._commands[name](*arguments)

    @Slot()
    def start(self) -> None:
        """Create the tick timer on the worker thread (a QTimer belongs to the thread that makes it)."""
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)   # each tick schedules the next: see _schedule_tick
        self._timer.timeout.connect(self._on_tick)

    def stop(self) -> None:
        """Stop ticking before the thread quits."""
        if self._timer is not None:
            self._timer.stop()

    def load(self, trainer: Trainer, generation: int, epoch_limit: int) -> None:
        """Take a new trainer (new data, model or optimizer) and show its starting point."""
        self._trainer, self._frames.generation = trainer, generation
        self._budget = FullSpeedBudget()   # its rate was another trainer's: a lesson 1 chunk would take seconds in lesson 8
        self._pacing.epoch_limit, self._pacing.updates_per_epoch = epoch_limit, trainer.updates_per_epoch
        self._set_paused()
        self._restart()

    def play(self) -> None:
        if self._trainer is None or self._state == RunState.PLAYING:
            return
        if self._trainer.diverged or self._pacing.epoch_updates_left(self._trainer.step_count) <= 0:
            self._emit(force=True)   # nothing to play: say so again
            return
        self._state = RunState.PLAYING
        self._pacing.start(time.perf_counter())
        self._budget.start()
        self._emit(force=True)
        self._schedule_tick()

    def play_until(self, update: int) -> None:
        """Play (at the current speed) and pause exactly when the run reaches ``update``."""
        if self._trainer is not None and update > self._trainer.step_count:
            self._pacing.stop_at = update
            self.play()

    def copy_run(self, extra_updates: int, request: int) -> None:
        """Send the GUI a copy of the run (for export), first trained ``extra_updates`` further.

        The copy is the GUI's to keep: the live run goes on untouched.
        """
        if self._trainer is None:
            return
        start = self._trainer.step_count
        duplicate = copy.deepcopy(self._trainer)
        if extra_updates > 0:
            duplicate.run(extra_updates)
        self.run_copied.emit(duplicate, start, request)

    def pause(self) -> None:
        if self._state == RunState.PLAYING:
            self._set_paused()
            self._emit(force=True)

    def step(self) -> None:
        """Exactly one update, shown at once (pausing first if playing)."""
        self._advance_paused(1)

    def preview_stages(self) -> None:
        """Tell the next update in stages before making it (pausing first)."""
        if self._trainer is None:
            return
        if self._state == RunState.PLAYING:
            self._set_paused()
            self._emit(force=True)
        if self._updates_left() <= 0 or self._trainer.diverged:
            return
        pick, slope = explain_next_update_in_stages(self._trainer)
        beans = tuple(int(i) for i in self._trainer.beans_of_update(self._trainer.step_count + 1))
        self.stages_ready.emit(self._frames.generation, beans, pick, slope)

    def refresh(self) -> None:
        """Send the current frame again, explained anew (after a change of language)."""
        if self._trainer is not None:
            self._emit(force=True)

    def step_back(self) -> None:
        """Undo the last update (from the record): the run is as if it had never been made."""
        if self._trainer is not None:
            self.rewind_to(self._trainer.step_count - 1)

    def rewind_to(self, update: int) -> None:
        """Pause, and undo every update after ``update`` (teacher mode's Page Up: back to where a step began)."""
        if self._trainer is None:
            return
        self._set_paused()
        try:
            if 0 <= update < self._trainer.step_count:
                self._trainer.rewind(update)
                self._restart()   # the GUI's copy of the history must lose the undone rows
                return
        except ValueError as exc:   # a very long run keeps only its latest updates exactly
            self.refused.emit(tr("Cannot step back: {reason}.").format(reason=exc))
        self._emit(force=True)

    def step_epoch(self) -> None:
        """Updates up to the end of the current epoch (a whole epoch from its start), shown at once."""
        if self._trainer is not None:
            per_epoch = self._trainer.updates_per_epoch
            self._advance_paused(per_epoch - self._trainer.step_count % per_epoch)

    def _advance_paused(self, updates: int) -> None:
        """Pause, make up to ``updates`` updates (no further than the epoch limit), show the result."""
        if self._trainer is None:
            return
        self._set_paused()
        self._trainer.run(max(0, min(updates, self._updates_left())))
        self._emit(force=True)

    def reset(self) -> None:
        if self._trainer is not None:
            self._set_paused()
            self._trainer.reset()
            self._restart()

    def set_speed(self, updates_per_second: float) -> None:
        self._pacing.set_speed(updates_per_second)
        self._schedule_tick()

    def set_plan(self, plan: Plan) -> None:
        """Follow a lesson's pace from where the run is (the teacher's last choice of speed is forgotten)."""
        self._pacing.set_plan(plan, self._trainer.step_count if self._trainer is not None else 0)
        self._schedule_tick()

    def skip_ahead(self, promise: Promise) -> None:
        """Fast-forward until the run keeps ``promise``, and pause there (or where the run ends)."""
        if self._trainer is None:
            return
        if promise.kept_in(self._trainer, self._pacing.epoch_limit):
            self.skipped.emit(tr("Already there: {point}.").format(point=tr(promise.name)))
            return
        if self._trainer.diverged or self._pacing.epoch_updates_left(self._trainer.step_count) <= 0:
            self.skipped.emit(tr("The run stopped before {point}.").format(point=tr(promise.name)))
            return
        self._skip_to = promise
        self._pacing.skipping = True
        self._pacing.follow(self._trainer.step_count)
        if self._state == RunState.PLAYING:
            self._schedule_tick()
        else:
            self.play()

    def set_live(self, lr: float, step: float, epochs: int) -> None:
        """The settings a run takes as it goes (the latest the GUI has): learning rate, step size, epoch limit."""
        new_limit = epochs != self._pacing.epoch_limit
        self._pacing.epoch_limit = epochs
        if self._trainer is not None:
            self._trainer.optimizer.lr = lr
            if self._trainer.optimizer.uses_step:
                self._trainer.optimizer.step = step
            if new_limit and self._state != RunState.PLAYING:
                self._emit(force=True)   # the new limit may have finished the run, or freed it

    # -- internals ---------------------------------------------------------------------------
    def _set_paused(self) -> None:
        self._state = RunState.PAUSED
        self._pacing.stop_at = None
        self._stop_skipping()
        if self._timer is not None:
            self._timer.stop()

    def _stop_skipping(self) -> None:
        self._skip_to = None
        self._pacing.skipping = False
        if self._trainer is not None:
            self._pacing.follow(self._trainer.step_count)

    def _restart(self) -> None:
        self._pacing.follow(self._trainer.step_count)   # the plan from the start again
        self._frames.restart()
        self._emit(force=True)

    def _updates_left(self) -> int:
        return self._pacing.updates_left(self._trainer.step_count)

    @Slot()
    def _on_woken(self) -> None:
        """The GUI drew a frame: at full speed, that is the cue for the next one."""
        if self._timer is not None and not self._timer.isActive():
            self._schedule_tick()

    def _schedule_tick(self) -> None:
        """Tick one frame interval after the last tick; at full speed, only once the GUI is ready."""
        if self._state != RunState.PLAYING or self._timer is None:
            return
        full_speed = self._pacing.full_speed
        if full_speed and not self._gui_ready.is_set():
            return   # frame_drawn() will wake us
        wait_s = self._pacing.wait_s(time.perf_counter())
        if wait_s <= 0 and full_speed:
            self._on_tick()   # the GUI is waiting for this frame: no detour through the event loop
        else:
            self._timer.start(max(0, round(wait_s * 1000)))

    def _on_tick(self) -> None:
        if self._state != RunState.PLAYING:
            return
        now = time.perf_counter()
        if self._pacing.full_speed:
            budget = self._budget.budget_s(now)   # fast-forwarding (a plan, skip ahead): at least the pacing's
            self._train_for(max(budget, FAST_FORWARD_BUDGET_S) if self._pacing.fast_forward else budget)
            self._budget.trained(time.perf_counter())
            self._pacing.last_tick = now
        else:
            due = self._pacing.due(now, self._trainer.step_count)
            if due:
                self._trainer.run(due)
        self._state = self._pacing.state_at(self._trainer.step_count, self._trainer.diverged, playing=True)
        if self._skip_to is not None and self._state == RunState.PLAYING and self._skip_kept():
            self._state = RunState.PAUSED
        self._pacing.follow(self._trainer.step_count)   # the plan's next phase, if one began
        if self._state != RunState.PLAYING:
            self._pacing.stop_at = None   # (reached, if that is why it stopped)
            self._timer.stop()
            self._end_skip()
            self._emit(force=True)
        else:
            self._emit()
            self._schedule_tick()

    def _train_for(self, seconds: float) -> None:
        """As many updates as fit in the time, in chunks the budget sizes, until a command is waiting;
        skipping ahead, only until the promise is kept."""
        trainer, budget = self._trainer, self._budget
        started = time.perf_counter()
        deadline = started + seconds
        while (started < deadline and not self._command_waiting.is_set() and not trainer.diverged
               and self._updates_left() > 0):
            before = trainer.step_count
            # the pacing adds its limits (epochs, plan, promise); skipping, it looks every PROMISE_CHECK_EVERY
            # updates exactly, as a headless run checking as often would
            self._pacing.chunk = max(budget.chunk(deadline - started), PROMISE_CHECK_EVERY)
            trainer.run(self._pacing.next_chunk(trainer.step_count))
            finished = time.perf_counter()
            budget.chunk_took(trainer.step_count - before, finished - started)
            started = finished
            if self._skip_to is not None and self._skip_kept():
                break
            if self._pacing.plan_changes_speed(self._trainer.step_count):
                break   # the plan's fast-forward is over: the next tick goes on at its next speed

    def _skip_kept(self) -> bool:
        return self._skip_to.kept_in(self._trainer, self._pacing.epoch_limit)

    def _end_skip(self) -> None:
        """Skip ahead stopped (promise kept, run ended or diverged): say where, and follow the plan again."""
        if self._skip_to is None:
            return
        point = tr(self._skip_to.name)
        kept = self._skip_kept()
        self._stop_skipping()
        self.skipped.emit(tr("Skipped to {point}: paused at update {update:,}.").format(
            point=point, update=self._trainer.step_count) if kept else
            tr("The run stopped before {point}.").format(point=point))

    def _emit(self, force: bool = False) -> None:
        """Send the rows recorded since the last frame; unless forced, only once the GUI drew the last one."""
        if not force and not self._gui_ready.is_set():
            return
        trainer = self._trainer
        if not force and len(trainer.history) == self._frames.next_update:
            return
        self._gui_ready.clear()
        state = self._pacing.state_at(trainer.step_count, trainer.diverged, self._state == RunState.PLAYING)
        snapshot = trainer.snapshot()
        before = trainer.history.params_at(len(trainer.history) - 2) if trainer.history.holds(
            len(trainer.history) - 2) else None
        explanation = explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer)
        self.frame_ready.emit(self._frames.make_frame(
            snapshot, state, *trainer.history.rows_from(self._frames.next_update), explanation=explanation))
