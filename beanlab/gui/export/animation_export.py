"""Exporting an animation (GIF) or a picture (PNG) from the window or headless, within a size budget.

The work itself (:mod:`beanlab.export.budget`) needs no Qt; this job runs it on the GUI thread in
slices of a few tens of milliseconds (Qt widgets draw only there), so the window stays responsive
and Cancel works. A run's frames are replayed from its history, never taken from the screen, so the
live training is not disturbed and the same run always gives the same file.
"""
from __future__ import annotations

import time
from collections.abc import Iterator

import numpy as np
from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal

from beanlab.core import Landscape, Trainer
from beanlab.export.budget import WAIT, ExportCancelled, FrameSource, export_steps
from beanlab.export.request import ExportRequest
from beanlab.gui.export.frame_renderer import FrameRenderer, export_palette, views_for
from beanlab.gui.export.replay import replay_frames
from beanlab.i18n import tr

SLICE_S = 0.03           # work this long per turn of the event loop
POLL_MS = 5              # while the encoder thread works, look again this often


class RunFrames:
    """A recorded run's frames, replayed and drawn with the window's plot classes (a FrameSource)."""

    def __init__(self, trainer: Trainer, first_update: int, last_update: int, request: ExportRequest,
                 opengl: bool) -> None:
        self.views, self.note = views_for(request.view, opengl)
        if request.views_within is not None and request.view == "all":
            self.views = tuple(v for v in self.views if v in request.views_within) or self.views
        self.first, self.last = first_update, last_update
        self.period = trainer.updates_per_epoch   # later frames fall on ends of epochs
        self._trainer = trainer
        self._renderer = FrameRenderer(trainer.beans, Landscape(trainer.beans, trainer.model), self.views,
                                       request.size)

    def frames(self, updates: np.ndarray) -> Iterator[Image.Image]:
        for frame in replay_frames(self._trainer, updates):
            yield self._renderer.render(frame)

    def palette(self) -> Image.Image:
        return export_palette()

    def close(self) -> None:
        self._renderer.close()


class AnimationExport(QObject):
    """One export of what ``source`` draws: ``start()``, then watch the signals; ``cancel()`` at any time."""

    progress = Signal(int, int, str)   # frames done, frames in all, what is happening
    planned = Signal(str)              # what it chose (frame count, estimated size), before writing
    finished = Signal(str)             # a sentence saying what was written
    failed = Signal(str)               # a sentence saying why nothing was written (cancelling included)

    def __init__(self, source: FrameSource, request: ExportRequest) -> None:
        super().__init__()
        request.check()
        self.request, self._source = request, source
        self._cancelled = False
        self._steps: Iterator[str | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._work_a_slice)
        self.done = False

    @classmethod
    def of_run(cls, trainer: Trainer, first_update: int, last_update: int, request: ExportRequest,
               opengl: bool) -> AnimationExport:
        """The export of updates ``first_update``…``last_update`` of ``trainer``'s recorded run."""
        request.check()
        return cls(RunFrames(trainer, first_update, last_update, request, opengl), request)

    def start(self) -> None:
        self._steps = export_steps(self._source, self.request, self.planned.emit, self.progress.emit)
        self._timer.start(0)

    def cancel(self) -> None:
        self._cancelled = True

    def _work_a_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_S
        pause_ms = 0
        try:
            while time.perf_counter() < deadline:
                if self._cancelled:
                    raise ExportCancelled
                if next(self._steps) == WAIT:
                    pause_ms = POLL_MS   # leave the GIL to the encoder
                    break
        except StopIteration as finished:
            self._end()
            self.finished.emit(finished.value)
            return
        except ExportCancelled:
            self._fail(tr("Export cancelled: nothing was written."))
            return
        except OSError as exc:
            self._fail(tr("Could not write {path}: {reason}. Nothing was written.").format(
                path=self.request.path, reason=exc.strerror or exc))
            return
        except (ValueError, MemoryError) as exc:
            self._fail(tr("Export failed: {reason}. Nothing was written.").format(reason=exc))
            return
        self._timer.start(pause_ms)

    def _end(self) -> None:
        self.done = True
        self._steps.close()   # a step left half-way lets its encoder thread go
        self._source.close()

    def _fail(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
