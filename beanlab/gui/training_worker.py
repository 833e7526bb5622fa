"""The training worker: runs the core's Trainer on its own thread and reports frames to the GUI.

It batches updates and emits at most one frame per screen refresh (~60 a second), always the
final one; a frame the GUI has not drawn yet is not followed by another, so the GUI never floods.
The GUI talks to it only through queued signals, so every slot here runs on the worker thread.

At full speed the worker trains only between frames, while the GUI waits for the next one: both
sides are Python and share one GIL, and training while the GUI draws would only make each wait
for the other at every call into Qt (measured: several times fewer frames, and no more updates).
"""
from __future__ import annotations

import copy
import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from beanlab.core import (
    Explanation,
    Snapshot,
    Trainer,
    ema,
    explain_next_update_in_stages,
    explain_update,
)
from beanlab.i18n import tr

FRAME_INTERVAL_S = 0.016       # at most one frame per refresh of a 60 Hz screen
FULL_SPEED_BUDGET_S = 0.002    # at full speed, train this long per frame, while the GUI waits for it
LOSS_SMOOTHING = 0.05          # α of the loss plot's moving average


@dataclass(frozen=True)
class Frame:
    """What the GUI needs to draw one moment of a run; its arrays are copies, safe across threads."""

    generation: int            # which trainer this came from; frames of a replaced trainer are dropped
    snapshot: Snapshot
    state: str                 # "paused", "playing", "finished" (epoch limit) or "diverged"
    restarted: bool            # True: the GUI must forget the history it has and start from these rows
    updates: np.ndarray        # the update numbers of the new rows (a long run's older ones are a sample)
    params: np.ndarray         # new rows of parameters since the last frame
    loss: np.ndarray           # their losses
    smoothed_loss: np.ndarray  # the moving average of the losses
    explanation: Explanation | None = None   # the last update in words and numbers


class TrainingWorker(QObject):
    """Owns the Trainer; lives on a QThread."""

    frame_ready = Signal(object)
    run_copied = Signal(object, int, int)   # (a Trainer of its own, the update it was at, request number)
    stages_ready = Signal(int, object, object, object)   # (generation, beans, pick Explanation, slope Explanation)
    refused = Signal(str)   # a request the run cannot carry out, in words
    _woken = Signal()   # emitted by frame_drawn() on the GUI thread, handled here on the worker's

    def __init__(self) -> None:
        super().__init__()
        self._trainer: Trainer | None = None
        self._generation = 0
        self._state = "paused"
        self._speed = 0.0            # updates per second; 0 means as fast as the machine goes
        self._epoch_limit = 100
        self._stop_at: int | None = None   # play_until: pause when the run reaches this update
        self._owed = 0.0             # fractional updates owed at slow speeds
        self._last_tick = 0.0
        self._sent = 0               # history rows already sent to the GUI
        self._last_smoothed: float | None = None
        self._chunk = 256            # updates per trainer.run call at full speed; adapts to the machine
        self._gui_ready = threading.Event()
        self._gui_ready.set()
        self._timer: QTimer | None = None
        self._woken.connect(self._on_woken)

    # -- called from the GUI thread ---------------------------------------------------------
    def frame_drawn(self) -> None:
        """The GUI has drawn the last frame; the next may be sent. Thread-safe."""
        self._gui_ready.set()
        self._woken.emit()

    # -- slots, run on the worker thread -------------------------------------------------------
    @Slot()
    def start(self) -> None:
        """Create the tick timer on the worker thread (a QTimer belongs to the thread that makes it)."""
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)   # each tick schedules the next: see _schedule_tick
        self._timer.timeout.connect(self._on_tick)

    @Slot()
    def stop(self) -> None:
        """Stop ticking before the thread quits."""
        if self._timer is not None:
            self._timer.stop()

    @Slot(object, int, int)
    def load(self, trainer: Trainer, generation: int, epoch_limit: int) -> None:
        """Take a new trainer (new data, model or optimizer) and show its starting point."""
        self._trainer, self._generation, self._epoch_limit = trainer, generation, epoch_limit
        self._set_paused()
        self._restart()

    @Slot()
    def play(self) -> None:
        if self._trainer is None or self._state == "playing":
            return
        if self._trainer.diverged or self._epoch_updates_left() <= 0:
            self._emit(force=True)   # nothing to play: say so again
            return
        self._state = "playing"
        self._owed = 0.0
        self._last_tick = time.perf_counter()
        self._emit(force=True)
        self._schedule_tick()

    @Slot(int)
    def play_until(self, update: int) -> None:
        """Play (at the current speed) and pause exactly when the run reaches ``update``."""
        if self._trainer is not None and update > self._trainer.step_count:
            self._stop_at = update
            self.play()

    @Slot(int, int)
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

    @Slot()
    def pause(self) -> None:
        if self._state == "playing":
            self._set_paused()
            self._emit(force=True)

    @Slot()
    def step(self) -> None:
        """Exactly one update, shown at once (pausing first if playing)."""
        self._advance_paused(1)

    @Slot()
    def preview_stages(self) -> None:
        """Tell the next update in stages before making it (pausing first)."""
        if self._trainer is None:
            return
        if self._state == "playing":
            self._set_paused()
            self._emit(force=True)
        if self._updates_left() <= 0 or self._trainer.diverged:
            return
        pick, slope = explain_next_update_in_stages(self._trainer)
        beans = tuple(int(i) for i in self._trainer.beans_of_update(self._trainer.step_count + 1))
        self.stages_ready.emit(self._generation, beans, pick, slope)

    @Slot()
    def refresh(self) -> None:
        """Send the current frame again, explained anew (after a change of language)."""
        if self._trainer is not None:
            self._emit(force=True)

    @Slot()
    def step_back(self) -> None:
        """Undo the last update (from the record): the run is as if it had never been made."""
        if self._trainer is None:
            return
        self._set_paused()
        try:
            if self._trainer.step_count > 0:
                self._trainer.rewind(self._trainer.step_count - 1)
                self._restart()   # the GUI's copy of the history must lose the undone row
                return
        except ValueError as exc:   # a very long run keeps only its latest updates exactly
            self.refused.emit(tr("Cannot step back: {reason}.").format(reason=exc))
        self._emit(force=True)

    @Slot()
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

    @Slot()
    def reset(self) -> None:
        if self._trainer is not None:
            self._set_paused()
            self._trainer.reset()
            self._restart()

    @Slot(float)
    def set_speed(self, updates_per_second: float) -> None:
        self._speed = updates_per_second
        self._owed = 0.0
        self._schedule_tick()

    @Slot(float)
    def set_learning_rate(self, lr: float) -> None:
        if self._trainer is not None:
            self._trainer.optimizer.lr = lr

    @Slot(float)
    def set_step_size(self, step: float) -> None:
        if self._trainer is not None and hasattr(self._trainer.optimizer, "step"):
            self._trainer.optimizer.step = step

    @Slot(int)
    def set_epoch_limit(self, epochs: int) -> None:
        self._epoch_limit = epochs
        if self._state != "playing":
            self._emit(force=True)

    # -- internals ---------------------------------------------------------------------------
    def _set_paused(self) -> None:
        self._state = "paused"
        self._stop_at = None
        if self._timer is not None:
            self._timer.stop()

    def _restart(self) -> None:
        self._sent = 0
        self._last_smoothed = None
        self._emit(force=True, restarted=True)

    def _epoch_updates_left(self) -> int:
        return self._epoch_limit * self._trainer.updates_per_epoch - self._trainer.step_count

    def _updates_left(self) -> int:
        """Updates before the run must stop: at the epoch limit, or where play_until asked."""
        left = self._epoch_updates_left()
        if self._stop_at is not None:
            left = min(left, self._stop_at - self._trainer.step_count)
        return left

    @Slot()
    def _on_woken(self) -> None:
        """The GUI drew a frame: at full speed, that is the cue for the next one."""
        if self._timer is not None and not self._timer.isActive():
            self._schedule_tick()

    def _schedule_tick(self) -> None:
        """Tick one frame interval after the last tick; at full speed, only once the GUI is ready."""
        if self._state != "playing" or self._timer is None:
            return
        if self._speed == 0 and not self._gui_ready.is_set():
            return   # frame_drawn() will wake us
        wait_s = FRAME_INTERVAL_S - (time.perf_counter() - self._last_tick)
        if wait_s <= 0 and self._speed == 0:
            self._on_tick()   # the GUI is waiting for this frame: no detour through the event loop
        else:
            self._timer.start(max(0, round(wait_s * 1000)))

    def _on_tick(self) -> None:
        if self._state != "playing":
            return
        now = time.perf_counter()
        if self._speed > 0:
            # Slow enough to watch: owe speed × elapsed updates; never catch up more than a quarter second.
            self._owed = min(self._owed + self._speed * (now - self._last_tick), self._speed / 4 + 1)
            due = int(self._owed)
            self._owed -= due
            if due:
                self._trainer.run(min(due, self._updates_left()))
        else:
            self._train_for(FULL_SPEED_BUDGET_S)
        self._last_tick = now
        if self._trainer.diverged:
            self._state = "diverged"
        elif self._epoch_updates_left() <= 0:
            self._state = "finished"
        elif self._updates_left() <= 0:
            self._state = "paused"   # reached the update play_until asked for
            self._stop_at = None
        if self._state != "playing":
            self._timer.stop()
            self._emit(force=True)
        else:
            self._emit()
            self._schedule_tick()

    def _train_for(self, seconds: float) -> None:
        """As many updates as fit in the time, in chunks of about a millisecond (so pause stays prompt)."""
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline and self._updates_left() > 0 and not self._trainer.diverged:
            started = time.perf_counter()
            self._trainer.run(min(self._chunk, self._updates_left()))
            took = time.perf_counter() - started
            grow = 2 if took < 0.0005 else 0.5 if took > 0.002 else 1
            self._chunk = int(min(max(self._chunk * grow, 16), 1 << 16))

    def _emit(self, force: bool = False, restarted: bool = False) -> None:
        """Send the rows recorded since the last frame; unless forced, only once the GUI drew the last one."""
        if not force and not self._gui_ready.is_set():
            return
        trainer = self._trainer
        if not force and len(trainer.history) == self._sent:
            return
        self._gui_ready.clear()
        state = self._state
        if state != "playing":
            state = "diverged" if trainer.diverged else "finished" if self._epoch_updates_left() <= 0 else "paused"
        updates, params, loss = trainer.history.rows_from(self._sent)
        smoothed = ema(loss, LOSS_SMOOTHING, self._last_smoothed)
        if len(smoothed):
            self._last_smoothed = float(smoothed[-1])
        self._sent = len(trainer.history)
        snapshot = trainer.snapshot()
        before = trainer.history.params_at(len(trainer.history) - 2) if trainer.history.holds(
            len(trainer.history) - 2) else None
        explanation = explain_update(snapshot, before, trainer.beans, trainer.model, trainer.optimizer)
        self.frame_ready.emit(Frame(self._generation, snapshot, state, restarted, updates,
                                    params, loss, smoothed, explanation))
