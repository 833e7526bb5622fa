"""Exporting an animation (GIF) or a picture (PNG) of a recorded run, within a size budget.

The job runs on the GUI thread in slices of a few tens of milliseconds (Qt widgets draw only
there), so the window stays responsive and Cancel works; the GIF encoding itself, plain Pillow,
runs on a helper thread. Frames are replayed from the run's history, never taken from the screen,
so the live training is not disturbed and the same run always gives the same file. Nothing is
written until the whole file is ready and fits the budget; it then goes in atomically.
"""
from __future__ import annotations

import io
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal

from beanlab.core import Landscape, Trainer, spread_frames, write_bytes_atomically
from beanlab.export.gif import encode_gif, frames_within_budget
from beanlab.gui.export.frame_renderer import FrameRenderer, export_palette, views_for
from beanlab.gui.export.replay import replay_frames
from beanlab.i18n import tr

SAMPLE_FRAMES = 12       # frames encoded first to estimate the bytes a frame costs
SLICE_S = 0.03           # work this long per turn of the event loop
POLL_MS = 5              # while the encoder thread works, look again this often
WAIT = "wait"            # yielded by the work when it waits for the encoder thread
QUEUED_FRAMES = 32       # drawn frames waiting for the encoder, at most
MAX_ATTEMPTS = 4         # if the estimate was too low, fewer frames and again
MB = 1_000_000


class ExportCancelled(Exception):
    """The user pressed Cancel."""


@dataclass(frozen=True)
class AnimationRequest:
    """What to export: where, which view, how many frames, how fast, how big, within how many MB."""

    path: str
    view: str = "all"
    frames: int = 300
    fps: float = 20.0
    size: tuple[int, int] = (640, 480)
    max_mb: float = 5.0

    @property
    def is_picture(self) -> bool:
        return self.path.lower().endswith(".png")

    def check(self) -> None:
        """Raise ValueError, in words for the user, if the request cannot be carried out."""
        if not (self.is_picture or self.path.lower().endswith(".gif")):
            raise ValueError(tr("the file name must end in .gif (animation) or .png (final picture): {path}").format(
                path=self.path))
        if self.frames < 1:
            raise ValueError(tr("an animation needs at least 1 frame"))
        if not 0.5 <= self.fps <= 50:
            raise ValueError(tr("frames per second must be from 0.5 to 50, not {fps:g}").format(fps=self.fps))
        if not (160 <= self.size[0] <= 4000 and 120 <= self.size[1] <= 4000):
            raise ValueError(tr("{width}x{height} pixels is outside 160x120 … 4000x4000").format(
                width=self.size[0], height=self.size[1]))
        if not self.max_mb > 0:
            raise ValueError(tr("the size budget must be more than 0 MB, not {mb:g}").format(mb=self.max_mb))


class AnimationExport(QObject):
    """One export: ``start()``, then watch the signals; ``cancel()`` at any time."""

    progress = Signal(int, int, str)   # frames done, frames in all, what is happening
    planned = Signal(str)              # what it chose (frame count, estimated size), before writing
    finished = Signal(str)             # a sentence saying what was written
    failed = Signal(str)               # a sentence saying why nothing was written (cancelling included)

    def __init__(self, trainer: Trainer, first_update: int, last_update: int, request: AnimationRequest,
                 opengl: bool, within: tuple[str, ...] | None = None) -> None:
        """``within``: for view "all", only these plots (a lesson's)."""
        super().__init__()
        request.check()
        self.request = request
        self.views, self.note = views_for(request.view, opengl)
        if within is not None and request.view == "all":
            self.views = tuple(v for v in self.views if v in within) or self.views
        self._trainer, self._first, self._last = trainer, first_update, last_update
        self._period = trainer.updates_per_epoch   # later frames fall on ends of epochs
        self._cancelled = False
        self._steps: Iterator[None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._work_a_slice)
        self.done = False

    def start(self) -> None:
        self._steps = self._run()
        self._timer.start(0)

    def cancel(self) -> None:
        self._cancelled = True

    # -- the work, one slice per turn of the event loop -------------------------------------------
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
        except StopIteration:
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

    def _fail(self, message: str) -> None:
        self.done = True
        self.failed.emit(message)

    def _run(self) -> Iterator[str | None]:
        request = self.request
        trainer = self._trainer
        renderer = FrameRenderer(trainer.beans, Landscape(trainer.beans, trainer.model), self.views, request.size)
        try:
            if request.is_picture:
                yield from self._write_picture(renderer)
            else:
                yield from self._write_animation(renderer)
        finally:
            renderer.close()

    def _write_picture(self, renderer: FrameRenderer) -> Iterator[None]:
        frame = next(replay_frames(self._trainer, spread_frames(self._first, self._last, 1)))
        picture = renderer.render(frame)
        yield
        out = io.BytesIO()
        picture.save(out, format="PNG", optimize=True)
        write_bytes_atomically(self.request.path, out.getvalue())
        self.done = True
        self.finished.emit(tr("Wrote the picture at update {update:,} to {path}.").format(
            update=frame.snapshot.step, path=self.request.path))

    def _write_animation(self, renderer: FrameRenderer) -> Iterator[None]:
        request = self.request
        budget = request.max_mb * MB
        palette = export_palette()
        wanted = min(request.frames, self._last - self._first + 1)

        # 1. a small sample over the same span: what does a frame cost?
        sample = []
        sample_updates = spread_frames(self._first, self._last, min(SAMPLE_FRAMES, wanted), self._period)
        for frame in replay_frames(self._trainer, sample_updates):
            sample.append(renderer.render_in_palette(frame, palette))
            yield
        first_bytes = len(encode_gif(sample[:1], request.fps))
        sample_bytes = len(encode_gif(sample, request.fps))
        per_frame = (sample_bytes - first_bytes) / max(len(sample) - 1, 1)
        count = frames_within_budget(wanted, first_bytes, sample_bytes, len(sample), budget)
        if count < min(2, wanted):
            raise ValueError(tr("{mb:g} MB is too small for even 2 frames of {width}x{height} (one frame takes "
                                "{frame_mb:.2f} MB); allow more MB or choose a smaller size").format(
                mb=request.max_mb, width=request.size[0], height=request.size[1], frame_mb=first_bytes / MB))

        best: tuple[int, bytes] | None = None      # the most frames that fitted so far
        too_many: tuple[int, int] | None = None    # the fewest frames that did not fit, and their bytes
        for attempt in range(MAX_ATTEMPTS):
            estimate = first_bytes + (count - 1) * per_frame
            plan = tr("Exporting {count} frames of updates {first:,}–{last:,} at {fps:g} fps, about {mb:.2f} MB "
                      "(budget {budget:g} MB)") if attempt == 0 else \
                tr("Trying {count} frames of updates {first:,}–{last:,} at {fps:g} fps, about {mb:.2f} MB "
                   "(budget {budget:g} MB)")
            plan = plan.format(count=count, first=self._first, last=self._last, fps=request.fps,
                               mb=min(estimate, budget) / MB, budget=request.max_mb)
            self.planned.emit(plan + (f"; {self.note}" if self.note else ""))
            data = yield from self._draw_and_encode(renderer, palette, count)
            if len(data) <= budget:
                best = (count, data)
            else:
                too_many = (count, len(data))
            count = self._next_count(best, too_many, wanted, budget)
            if count is None:
                break
        if best is None:
            raise ValueError(tr("could not bring the animation under {mb:g} MB").format(mb=request.max_mb))
        count, data = best
        write_bytes_atomically(request.path, data)
        self.done = True
        seconds = count / request.fps
        self.finished.emit(tr("Wrote {count} frames ({seconds:.1f} s at {fps:g} fps, {mb:.2f} MB) to {path}.").format(
            count=count, seconds=seconds, fps=request.fps, mb=len(data) / MB, path=request.path))

    @staticmethod
    def _next_count(best: tuple[int, bytes] | None, too_many: tuple[int, int] | None, wanted: int,
                    budget: float) -> int | None:
        """The frame count to try next, or None to stop with the best so far.

        The first count comes from a sample whose frames are further apart than the real ones, so it
        usually errs low: when the budget held frames back and room is left, try more; past the
        budget, fewer. In between, interpolate.
        """
        if best is not None:
            count, data = best
            if count == wanted or len(data) > budget * 0.85:
                return None                   # all of them, or close enough to the budget
            if too_many is None:
                return min(wanted, int(count * budget * 0.95 / len(data)))
            over, over_bytes = too_many
            between = count + (over - count) * (budget * 0.95 - len(data)) / (over_bytes - len(data))
            step = int(between)
            return step if count < step < over else None
        over, over_bytes = too_many
        return max(2, int(over * budget / over_bytes * 0.95))

    def _draw_and_encode(self, renderer: FrameRenderer, palette: Image.Image, count: int):
        """Draw ``count`` frames spread over the span and encode them as they come.

        The encoder (Pillow, no Qt) runs on a helper thread and takes the frames from a short queue,
        so encoding overlaps drawing; the GUI thread never blocks on it.
        """
        frames: queue.Queue = queue.Queue(maxsize=QUEUED_FRAMES)
        result: dict[str, object] = {}

        def frames_in_order():
            for _ in range(count):
                frame = frames.get()
                if frame is None:   # cancelled or failed on the GUI side
                    raise ExportCancelled
                yield frame

        def encode():
            try:
                result["data"] = encode_gif(frames_in_order(), self.request.fps)
            except BaseException as exc:
                result["error"] = exc

        encoder = threading.Thread(target=encode, name="beanlab-gif-encoder", daemon=True)
        encoder.start()
        try:
            updates = spread_frames(self._first, self._last, count, self._period)
            for done, frame in enumerate(replay_frames(self._trainer, updates), start=1):
                picture = renderer.render_in_palette(frame, palette)
                while frames.full():
                    if not encoder.is_alive():
                        break
                    yield WAIT
                frames.put(picture)
                self.progress.emit(done, count, "Drawing and encoding frames")
                yield
            self.progress.emit(count, count, "Finishing the GIF")
            while encoder.is_alive():
                yield WAIT
        finally:
            if encoder.is_alive():   # stopped early: let the encoder give up too
                while True:
                    try:
                        frames.put_nowait(None)
                        break
                    except queue.Full:
                        frames.get_nowait()
        if "error" in result:
            raise result["error"]
        return result["data"]
