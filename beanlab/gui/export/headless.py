"""``beanlab export``: an animation or picture of a trained run, drawn without showing a window."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QEventLoop

from beanlab.core import Trainer, lesson
from beanlab.core.lessons import LANDSCAPE_VIEWS


def export_run(trainer: Trainer | None, args, say: Callable[[str], None] = print, race_config=None) -> int:
    """Export the whole recorded run of ``trainer`` as ``args`` say, or with ``args.race`` a race on
    ``race_config``; raise ValueError with the reason."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # no screen: draw in memory
    from beanlab.app import make_application
    from beanlab.gui.export.animation_export import AnimationExport, AnimationRequest
    from beanlab.gui.export.frame_renderer import NoOpenGLError, opengl_available

    request = AnimationRequest(path=args.out, view=args.view, frames=args.frames, fps=args.fps,
                               size=args.size, max_mb=args.max_mb)
    request.check()
    folder = os.path.dirname(os.path.abspath(request.path))
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
        raise ValueError(f"cannot write {request.path}: no folder {folder} that can be written to")
    make_application()
    if getattr(args, "race", None):
        from beanlab.gui.export.race_export import export_race
        say(export_race(race_config, args.race, request, opengl_available()))
        return 0
    try:
        within = lesson(args.lesson).views if getattr(args, "lesson", None) else None
        if within is None and getattr(trainer.model, "is_landscape", False):
            within = LANDSCAPE_VIEWS   # no beans to draw
        job = AnimationExport(trainer, 0, trainer.step_count, request, opengl_available(), within=within)
    except NoOpenGLError as exc:
        raise ValueError(str(exc)) from None
    loop, failure = QEventLoop(), []
    bar = _ProgressLine()
    job.planned.connect(lambda text: say(f"{text}."))
    job.progress.connect(bar.show)
    job.finished.connect(lambda text: (bar.close(), say(text), loop.quit()))
    job.failed.connect(lambda text: (bar.close(), failure.append(text), loop.quit()))
    job.start()
    if not job.done:
        loop.exec()
    if failure:
        raise ValueError(failure[0])
    return 0


class _ProgressLine:
    """Frames drawn so far, on one line of a terminal's stderr; silent when stderr is not a terminal."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr   # looked up now: tests and shells may swap stderr
        self.enabled = self.stream.isatty()

    def show(self, done: int, total: int, what: str) -> None:
        if self.enabled:
            self.stream.write(f"\r{what}: {done}/{total}   ")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 50 + "\r")
