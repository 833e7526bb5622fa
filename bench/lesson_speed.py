"""Every lesson at full speed: the window's updates per second beside ``beanlab train``'s, in one run.

    python bench/lesson_speed.py [--seconds 4] [--lessons 1,4,6] [--quick]

For each lesson the real main window loads it (its own views showing), plays it at full speed with
no epoch limit, and counts the updates the run made in ``--seconds`` (after a warm-up). Then the
same run (the lesson's settings, the same beans and start) trains without a window through
``beanlab train``'s own loop (:func:`beanlab.cli.training.train_to_end`), timed just before the
window (for half as long) and just after it (for as many updates as the window made): the mean of
the two is the core's rate, so that the drift of a shared machine's speed falls on both sides. The ratio window / headless is what issue 17 asks to be at least 0.5.

Needs a display; without one it starts a virtual one (see bench/gui_speed.py).
``--quick``: 1 s per lesson: that it runs, not how fast.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

from gui_speed import ensure_display, run_for, stop_display, wait_for_frame
from beanlab.core.limits import MAX_EPOCHS

UNLIMITED_EPOCHS = MAX_EPOCHS   # the most a run may have: far more than a bench trains


def window_rate(window, number: int, seconds: float, warm_up_s: float) -> tuple[float, int, float]:
    """Load lesson ``number`` in the window, play it at full speed; (updates/s measured, updates made in
    all from the start, frames drawn per second)."""
    controller = window.controller
    window.load_lesson(number)
    wait_for_frame(window, lambda frame: frame.snapshot.step == 0 and frame.state != "playing")
    window.playback_panel.set_speed(0)
    controller.set_config(epochs=UNLIMITED_EPOCHS)
    controller.play()
    run_for(warm_up_s)
    step_before, frames_before, started = controller.latest.snapshot.step, window.frames_shown, time.perf_counter()
    run_for(seconds)
    elapsed = time.perf_counter() - started
    step_after, frames_after = controller.latest.snapshot.step, window.frames_shown
    controller.pause()
    wait_for_frame(window, lambda frame: frame.state == "paused")
    return (step_after - step_before) / elapsed, controller.latest.snapshot.step, (frames_after - frames_before) / elapsed


def headless_rate(number: int, updates: int | None = None, seconds: float | None = None) -> float:
    """``beanlab train --lesson N`` for ``updates`` updates (whole epochs, at least one), or for about
    ``seconds`` (the epochs of 10,000 updates at a time that train_to_end would make): updates/s."""
    from beanlab.cli.training import TrainingSetup, train_to_end
    from beanlab.core import lesson

    config = lesson(number).config.replace(epochs=UNLIMITED_EPOCHS)
    beans = config.make_beans()
    trainer = config.build_trainer(beans)
    started = time.perf_counter()
    if seconds is None:
        epochs = max(1, -(-updates // trainer.updates_per_epoch))
        train_to_end(TrainingSetup(beans, trainer, epochs, "bench"))
    else:
        step = max(1, 10_000 // trainer.updates_per_epoch)
        while time.perf_counter() - started < seconds:
            train_to_end(TrainingSetup(beans, trainer, trainer.epoch + step, "bench"))
    return trainer.step_count / (time.perf_counter() - started)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="how long each lesson's window is measured")
    parser.add_argument("--lessons", help="comma-separated lesson numbers (default: all)")
    parser.add_argument("--quick", action="store_true", help="1 s per lesson: that it runs, not how fast")
    args = parser.parse_args(argv)
    warm_up_s = 1.0
    if args.quick:
        args.seconds, warm_up_s = 1.0, 0.3
    settings = tempfile.TemporaryDirectory()   # neither read nor change the user's remembered settings
    os.environ["BEANLAB_SETTINGS"] = os.path.join(settings.name, "beanlab.ini")
    display = ensure_display()
    try:
        from beanlab.app import make_application
        from beanlab.core import LESSONS
        from beanlab.gui.main_window import MainWindow

        app = make_application()   # as the app is set up (shared GL contexts, collection on the GUI thread)
        numbers = [int(n) for n in args.lessons.split(",")] if args.lessons else list(LESSONS)
        window = MainWindow(lesson=numbers[0])
        window.show()
        run_for(1.0)
        rows = []
        for number in numbers:
            # the core's rate just before and just after the window's, averaged: a shared machine's speed drifts
            before = headless_rate(number, seconds=args.seconds / 2)
            ours, made, fps = window_rate(window, number, args.seconds, warm_up_s)
            core = (before + headless_rate(number, made)) / 2
            rows.append((number, ours, core, fps))
        window.close()
        platform = app.platformName()
    finally:
        stop_display(display)
    print(f"Each lesson at full speed, no epoch limit: the window for {args.seconds:g} s (after {warm_up_s:g} s), "
          f"then beanlab train's loop for as many updates; Qt platform {platform}.")
    print(f"{'lesson':>6}{'window upd/s':>14}{'frames/s':>10}{'train upd/s':>14}{'ratio':>8}")
    for number, ours, core, fps in rows:
        print(f"{number:>6}{ours:>14,.0f}{fps:>10.1f}{core:>14,.0f}{ours / core:>8.2f}")
    print(f"{'lowest ratio':>44}{min(ours / core for _, ours, core, _ in rows):>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
