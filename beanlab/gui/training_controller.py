"""The GUI side of training: owns the worker thread, turns the user's intents into core calls.

Panels call the controller's verbs (``play``, ``set_config`` …); the controller checks settings
with the core's :class:`RunConfig`, builds beans and trainers, and sends the worker commands
through one queued signal; it passes the worker's frames on as ``frame_ready``. Nothing here runs
a training step.
"""
from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from beanlab.core import (Beans, Frame, Landscape, Plan, Promise, RunConfig, RunState, Session, Trainer,
                          describe_columns)
from beanlab.core.landscape_models import TERRAINS
from beanlab.core.speed_words import SpeedWords
from beanlab.i18n import N_, tr

from .training_worker import TrainingWorker

# RunConfig's fields as the panels name them, for messages
SETTING_NAMES = {"dataset": N_("dataset"), "n": N_("number of beans"), "seed": N_("seed"), "model": N_("model"),
                 "optimizer": N_("optimizer"), "lr": N_("learning rate"), "step": N_("step size"),
                 "batch_size": N_("batch size"), "order": N_("bean order"), "epochs": N_("epoch limit"),
                 "init": N_("starting values"), "loss": N_("loss"), "hidden": N_("hidden neurons"),
                 "landscape": N_("landscape"), "noise": N_("gradient noise")}
GIL_SWITCH_INTERVAL_S = 0.0005


class TrainingController(QObject):
    """Starts, steers and stops the training worker."""

    frame_ready = Signal(object)             # Frame, latest of the current run only
    run_replaced = Signal(object, object)    # (Beans, Landscape): data, model or optimizer changed
    message = Signal(str)                    # a sentence for the status bar
    beans_previewed = Signal(object, object)  # (Beans, Landscape): beans being edited, not yet trained on
    stages_ready = Signal(object, object, object)   # (beans, pick, slope) of the next update: see preview_stages
    plan_changed = Signal(object)            # Plan: a lesson's (or landscape's) pace, followed from now on

    _command = Signal(object)   # (name, arguments) for the worker, queued to its thread: see TrainingWorker

    def __init__(self, config: RunConfig | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.config = config or RunConfig()
        self.beans: Beans | None = None
        self.own_beans: str | None = None   # the file the beans came from, when they are the user's own
        self.beans_edited = False           # the beans were edited by hand since they were made or read
        self.landscape: Landscape | None = None
        self._beans_run: RunConfig | None = None   # the last run on beans before a landscape: where "beans again" goes
        self.state = RunState.PAUSED
        self.latest: Frame | None = None
        self.speed_words = SpeedWords()   # how to say this run's speeds (beans, epochs, tries …)
        self._generation = 0
        self._copy_requests = 0
        self._waiting_for_copy: dict[int, Callable[[Trainer, int], None]] = {}
        self._hold_at: int | None = None   # Play pauses there (see hold_at)
        self.updates_per_epoch = 1         # of the current run

        # The worker's pure-Python loop holds the GIL; a short switch interval (default 5 ms) lets
        # the GUI thread take it back promptly, so drawing does not wait behind training.
        sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
        self._thread = QThread()
        self._thread.setObjectName("beanlab-training")
        self._worker = TrainingWorker()
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        self._thread.finished.connect(self._worker.deleteLater)
        self._command.connect(self._worker.run_command)
        # the latest live settings (learning rate …), sent once the event loop is free: a dragged
        # slider's many values in a row reach the worker as one
        self._live_settings_pending = QTimer(self)
        self._live_settings_pending.setSingleShot(True)
        self._live_settings_pending.setInterval(0)
        self._live_settings_pending.timeout.connect(self._send_live_settings)
        self._worker.frame_ready.connect(self._on_worker_frame_ready)
        self._worker.run_copied.connect(self._on_run_copied)
        self._worker.stages_ready.connect(self._on_stages_ready)
        self._worker.refused.connect(self.message)
        self._worker.skipped.connect(self.message)
        QCoreApplication.instance().aboutToQuit.connect(self.shutdown)  # however the app ends
        self._thread.start()

    # -- verbs for the panels ---------------------------------------------------------------
    def play(self) -> None:
        if self._hold_at is not None and (self.latest is None or self.latest.snapshot.step < self._hold_at):
            self._send("play_until", self._hold_at)   # a prediction waits for that update: see hold_at
        else:
            self._send("play")

    def hold_at(self, update: int | None) -> None:
        """Make Play pause at update ``update`` (a prediction is answered there); None: play on as usual."""
        self._hold_at = update

    def play_until(self, update: int) -> None:
        """Play, and pause exactly at update number ``update`` (unless the run ends first)."""
        self._send("play_until", int(update))

    def pause(self) -> None:
        self._send("pause")

    def toggle_play(self) -> None:
        (self.pause if self.state == RunState.PLAYING else self.play)()

    def step(self) -> None:
        self._send("step")

    def preview_stages(self) -> None:
        """Ask for the next update told in stages (it arrives as ``stages_ready``)."""
        self._send("preview_stages")

    @Slot(int, object, object, object)
    def _on_stages_ready(self, generation: int, beans, pick, slope) -> None:
        if generation == self._generation:
            self.stages_ready.emit(beans, pick, slope)

    def step_back(self) -> None:
        """Undo the last update."""
        self._send("step_back")

    def rewind_to(self, update: int) -> None:
        """Undo every update after ``update``, paused there."""
        self._send("rewind_to", int(update))

    def step_epoch(self) -> None:
        """Run to the end of the current epoch."""
        self._send("step_epoch")

    def reset(self) -> None:
        self._send("reset")

    def set_speed(self, updates_per_second: float) -> None:
        """Updates per second, the teacher's choice (it overrides the plan); 0 for as fast as the machine goes."""
        self._send("set_speed", float(updates_per_second))

    def set_plan(self, plan: Plan) -> None:
        """Play at ``plan``'s pace from now on (until the teacher chooses a speed)."""
        self._send("set_plan", plan)
        self.plan_changed.emit(plan)

    def skip_ahead(self, promise: Promise) -> None:
        """Fast-forward until the run keeps ``promise``, and pause there; ``message`` says where it stopped."""
        self._send("skip_ahead", promise)

    def set_config(self, **changes) -> bool:
        """Apply changed settings: live ones at once, others by restarting the run (and saying so).

        Returns False, changing nothing, when the settings do not make a valid run; the reason goes
        to ``message``.
        """
        try:
            new_config, restarts = self.config.apply(changes)   # checked without beans: cheap
            changed = self.config.differences(new_config)
            if restarts:
                self._load(new_config, regenerate=bool({"dataset", "n", "seed", "landscape"} & set(changed)))
        except ValueError as exc:
            self.message.emit(tr("Not changed: {reason}.").format(reason=exc))
            return False
        if restarts:
            names = tr(", ").join(tr(SETTING_NAMES[name]) for name in changed)
            self.message.emit(tr("Changed {settings}: the run restarted from the beginning.").format(settings=names))
        elif changed:
            self.config = new_config
            self._live_settings_pending.start()   # latest wins: see _send_live_settings
        return True

    def _send_live_settings(self) -> None:
        self._worker.command_coming()
        self._command.emit(("set_live", (self.config.lr, self.config.step, self.config.epochs)))

    def copy_run(self, extra_updates: int, then: Callable[[Trainer, int], None]) -> None:
        """Ask the worker for a copy of the run, trained ``extra_updates`` further; ``then(copy, start)``
        gets it, with the update the run was at when asked. The live run goes on untouched."""
        self._copy_requests += 1
        self._waiting_for_copy[self._copy_requests] = then
        self._send("copy_run", int(extra_updates), self._copy_requests)

    @Slot(object, int, int)
    def _on_run_copied(self, trainer: Trainer, start: int, request: int) -> None:
        then = self._waiting_for_copy.pop(request, None)
        if then is not None:
            then(trainer, start)

    def load_config(self, config: RunConfig, message: str, plan: Plan | None = None) -> None:
        """Start over on a whole new configuration (a lesson preset), saying ``message``; play it at
        ``plan``'s pace (if given)."""
        self._load(config, regenerate=True)
        if plan is not None:
            self.set_plan(plan)
        self.message.emit(message)

    def load_session(self, session: Session, message: str) -> None:
        """Go on with a saved run: its settings, beans and record, paused where it was saved."""
        self._load(session.config, regenerate=False, trainer=session.trainer)
        self.message.emit(message)

    def use_trainer(self, trainer: Trainer, config: RunConfig, name: str) -> None:
        """Train on the user's own beans (read from the file ``name``): ``trainer`` is the run on them,
        made with ``config`` (see :meth:`RunConfig.for_beans`)."""
        self.own_beans = name
        self._load(config, regenerate=False, trainer=trainer, edited=False)
        columns = describe_columns(trainer.beans)   # a header of 大小, 毒性: which became which
        text = tr("{count:,} beans from {name} ({columns}): the run starts on them.") if columns else \
            tr("{count:,} beans from {name}: the run starts on them.")
        self.message.emit(text.format(count=len(trainer.beans), name=name, columns=columns))

    def preview_beans(self, beans: Beans) -> None:
        """Show these beans and their cost in the views (a bean being dragged); the run is not touched."""
        self.beans_previewed.emit(beans, Landscape(beans, self.landscape.model))

    def use_edited_beans(self, beans: Beans, words: str) -> None:
        """Train on beans edited by hand (``words`` says the edit): the run restarts on them."""
        config = self.config.for_beans(beans)
        self._load(config, regenerate=False, trainer=config.build_trainer(beans), edited=True)
        self.message.emit(tr("{edit}: the run restarts on {count:,} beans.").format(edit=words, count=len(beans)))

    def set_landscape(self, name: str | None) -> None:
        """Train on the landscape ``name`` (from its own start), or on beans again (None)."""
        if name == self.config.landscape:
            return
        self.load_config(self.config.with_landscape(name, self._beans_run), tr("Landscape {name}: the run starts again.").format(
            name=tr(TERRAINS[name].title)) if name else tr("Beans again: the run starts again."),
            plan=Plan.steady(TERRAINS[name].speed) if name else None)

    def regenerate(self) -> None:
        """Draw the beans again from the same seed (e.g. after the dataset or count changed)."""
        if self.config.landscape is not None:
            self.config = self.config.with_landscape(None, self._beans_run)   # beans again
        self._load(self.config, regenerate=True)
        self.message.emit(tr("New beans: the run restarted from the beginning."))

    def refresh(self) -> None:
        """Ask the worker to send the current frame again (its explanation in a new language)."""
        self._send("refresh")

    def start(self) -> None:
        """Load the first run."""
        self._load(self.config, regenerate=True)

    @property
    def is_running(self) -> bool:
        """Whether the training thread still runs (it stops on ``shutdown``)."""
        return self._thread.isRunning()

    def shutdown(self) -> None:
        """Stop the worker and its thread cleanly (on quit)."""
        if self._thread.isRunning():
            self._send("stop")
            self._thread.quit()
            self._thread.wait()

    # -- internals ----------------------------------------------------------------------------
    def _send(self, name: str, *arguments) -> None:
        """Have the worker run its method ``name`` on its own thread (after any live settings still due)."""
        if self._live_settings_pending.isActive():
            self._live_settings_pending.stop()
            self._send_live_settings()
        self._worker.command_coming()   # the worker stops training at once to take it
        self._command.emit((name, arguments))

    def _load(self, config: RunConfig, regenerate: bool, trainer: Trainer | None = None,
              edited: bool | None = None) -> None:
        if trainer is None:
            beans = config.make_beans() if regenerate or self.beans is None else self.beans
            trainer = config.build_trainer(beans)  # raises ValueError on settings that do not fit
        if regenerate:
            self.own_beans = None   # the course's beans again
        if regenerate or edited is not None:
            self.beans_edited = bool(edited)
        beans = trainer.beans
        if self.config.landscape is None and config.landscape is not None:
            self._beans_run = self.config   # as it is now, live changes (learning rate …) included
        self.config, self.beans = config, beans  # the trainer itself now belongs to the worker
        self.landscape = Landscape(beans, trainer.model)
        self.speed_words = SpeedWords.of_trainer(trainer)
        self.updates_per_epoch = trainer.updates_per_epoch
        self._hold_at = None   # a new run: no prediction waits
        self._generation += 1
        self.run_replaced.emit(beans, self.landscape)
        self._send("load", trainer, self._generation, config.epochs)

    @Slot(object)
    def _on_worker_frame_ready(self, frame: Frame) -> None:
        if frame.generation != self._generation:
            self.frame_drawn()   # a frame of a replaced run: drop it
            return
        self.state = frame.state
        self.latest = frame
        self.frame_ready.emit(frame)

    def frame_drawn(self) -> None:
        """The window has drawn the latest frame; let the worker send the next."""
        if self._thread.isRunning():   # after shutdown the worker is gone; a late timer may still call
            self._worker.frame_drawn()
