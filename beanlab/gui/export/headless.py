"""``beanlab export``: an animation or picture of a trained run or a race, drawn without a window.

It needs a QApplication already made (the command line makes it, as the composition root).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEventLoop

from beanlab.core import RunConfig, Trainer
from beanlab.core.lessons import LANDSCAPE_VIEWS
from beanlab.export.request import ExportRequest
from beanlab.gui.export.animation_export import AnimationExport, RunFrames
from beanlab.gui.export.frame_renderer import opengl_available
from beanlab.gui.export.race_export import RaceFrames
from beanlab.gui.signal_wakeup import SignalWakeup
from beanlab.interrupts import exception_for
from beanlab.terminal_progress import ProgressBar


def export_run(trainer: Trainer, request: ExportRequest, say: Callable[[str], None] = print) -> None:
    """Export ``trainer``'s whole recorded run as ``request`` says; ValueError with the reason."""
    if request.views_within is None and getattr(trainer.model, "is_landscape", False):
        request = replace(request, views_within=LANDSCAPE_VIEWS)   # no beans to draw
    source = RunFrames(trainer, 0, trainer.step_count, request, opengl_available())
    _run_to_end(AnimationExport(source, request), say)


def export_race(config: RunConfig, request: ExportRequest, say: Callable[[str], None] = print,
                beans=None) -> None:
    """Race ``request.race`` on ``config`` (on ``beans``, else its dataset) and export it; ValueError
    with the reason."""
    _run_to_end(AnimationExport(RaceFrames(config, request, opengl_available(), beans), request), say)


def _run_to_end(job: AnimationExport, say: Callable[[str], None]) -> None:
    """Run the export in an event loop of its own. Ctrl+C or SIGTERM cancels it (nothing is written)
    and is raised again, as KeyboardInterrupt or Terminated, once the loop is left."""
    loop, failure = QEventLoop(), []
    bar = ProgressBar(0, "frames")
    job.planned.connect(lambda text: say(f"{text}."))
    job.progress.connect(lambda done, total, what: (setattr(bar, "total", max(1, total)), bar.show(done, what)))
    job.finished.connect(lambda text: (bar.close(), say(text), loop.quit()))
    job.failed.connect(lambda text: (bar.close(), failure.append(text), loop.quit()))
    wakeup = SignalWakeup()
    wakeup.received.connect(lambda _signum: job.cancel())
    try:
        job.start()
        if not job.done:
            loop.exec()
    finally:
        wakeup.close()
    if wakeup.first is not None:
        raise exception_for(wakeup.first)
    if failure:
        raise ValueError(failure[0])
