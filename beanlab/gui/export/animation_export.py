"""Exporting an animation (GIF) or a picture (PNG) of a recorded run, within a size budget.

The job runs on the GUI thread in slices of a few tens of milliseconds (Qt widgets draw only
there), so the window stays responsive and Cancel works; the GIF encoding itself, plain Pillow,
runs on a helper thread. Frames are replayed from the run's history, never taken from the screen,
so the live training is not disturbed and the same run always gives the same file. Nothing is
written until the whole file is ready and fits the budget; it then goes in atomically.
"""
from __future__ import annotations

import io
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image
from PySide6.QtCore import QObject, QTimer, Signal

from beanlab.core import Landscape, Trainer, spread_frames, write_bytes_atomically
from beanlab.export.gif import encode_gif, frames_within_budget, to_palette
from beanlab.gui.export.frame_renderer import FrameRenderer, export_palette, views_for
from beanlab.gui.export.replay import replay_frames

SAMPLE_FRAMES = 12       # frames encoded first to estimate the bytes a frame costs
SLICE_S = 0.03           # work this long per turn of the event loop
POLL_MS = 20             # while the encoder thread works, look again this often
WAIT = "wait"            # yielded by the work when it waits for the encoder thread
MAX_ATTEMPTS = 3         # if the estimate was too low, fewer frames and again
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
            raise ValueError(f"the file name must end in .gif (animation) or .png (final picture): {self.path}")
        if self.frames < 1:
            raise ValueError("an animation needs at least 1 frame")
        if not 0.5 <= self.fps <= 50:
            raise ValueError(f"frames per second must be from 0.5 to 50, not {self.fps:g}")
        if not (160 <= self.size[0] <= 4000 and 120 <= self.size[1] <= 4000):
            raise ValueError(f"{self.size[0]}x{self.size[1]} pixels is outside 160x120 … 4000x4000")
        if not self.max_mb > 0:
            raise ValueError(f"the size budget must be more than 0 MB, not {self.max_mb:g}")


class AnimationExport(QObject):
    """One export: ``start()``, then watch the signals; ``cancel()`` at any time."""

    progress = Signal(int, int, str)   # frames done, frames in all, what is happening
    planned = Signal(str)              # what it chose (frame count, estimated size), before writing
    finished = Signal(str)             # a sentence saying what was written
    failed = Signal(str)               # a sentence saying why nothing was written (cancelling included)

    def __init__(self, trainer: Trainer, first_update: int, last_update: int, request: AnimationRequest,
                 opengl: bool) -> None:
        super().__init__()
        request.check()
        self.request = request
        self.views, self.note = views_for(request.view, opengl)
        self._trainer, self._first, self._last = trainer, first_update, last_update
        self._cancelled = False
        self._steps: Iterator[None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._work_a_slice)
        self.done = False
        self.chosen_frames = 0

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
            self._fail("Export cancelled: nothing was written.")
            return
        except OSError as exc:
            self._fail(f"Could not write {self.request.path}: {exc.strerror or exc}. Nothing was written.")
            return
        except (ValueError, MemoryError) as exc:
            self._fail(f"Export failed: {exc}. Nothing was written.")
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
        self.finished.emit(f"Wrote the picture at update {frame.snapshot.step:,} to {self.request.path}.")

    def _write_animation(self, renderer: FrameRenderer) -> Iterator[None]:
        request = self.request
        budget = request.max_mb * MB
        palette = export_palette()
        wanted = min(request.frames, self._last - self._first + 1)

        # 1. a small sample over the same span: what does a frame cost?
        sample = []
        for frame in replay_frames(self._trainer, spread_frames(self._first, self._last, min(SAMPLE_FRAMES, wanted))):
            sample.append(to_palette(renderer.render(frame), palette))
            yield
        first_bytes = len(encode_gif(sample[:1], request.fps))
        sample_bytes = len(encode_gif(sample, request.fps))
        per_frame = (sample_bytes - first_bytes) / max(len(sample) - 1, 1)
        count = frames_within_budget(wanted, first_bytes, sample_bytes, len(sample), budget)
        if count < min(2, wanted):
            raise ValueError(f"{request.max_mb:g} MB is too small for even 2 frames of {request.size[0]}x"
                             f"{request.size[1]} (one frame takes {first_bytes / MB:.2f} MB); "
                             "allow more MB or choose a smaller size")

        for _ in range(MAX_ATTEMPTS):
            self.chosen_frames = count
            estimate = first_bytes + (count - 1) * per_frame
            self.planned.emit(f"{count} frames of updates {self._first:,}–{self._last:,} at {request.fps:g} fps, "
                              f"about {min(estimate, budget) / MB:.2f} MB (budget {request.max_mb:g} MB)"
                              + (f"; {self.note}" if self.note else ""))
            # 2. every frame, kept compressed in memory until the encoder takes it
            stored = []
            updates = spread_frames(self._first, self._last, count)
            for done, frame in enumerate(replay_frames(self._trainer, updates), start=1):
                stored.append(zlib.compress(to_palette(renderer.render(frame), palette).tobytes(), 1))
                self.progress.emit(done, count, "Drawing frames")
                yield
            # 3. encoding, on a helper thread
            self.progress.emit(count, count, "Encoding the GIF")
            data = yield from self._encode_on_a_thread(stored, palette)
            if len(data) <= budget:
                break
            count = max(2, int(count * budget / len(data) * 0.95))
        else:
            raise ValueError(f"could not bring the animation under {request.max_mb:g} MB")

        write_bytes_atomically(request.path, data)
        self.done = True
        seconds = count / request.fps
        self.finished.emit(f"Wrote {count} frames ({seconds:.1f} s at {request.fps:g} fps, "
                           f"{len(data) / MB:.2f} MB) to {request.path}.")

    def _encode_on_a_thread(self, stored: list[bytes], palette: Image.Image):
        size, fps = self.request.size, self.request.fps
        palette_values = palette.getpalette()
        result: dict[str, object] = {}

        def frames():
            for compressed in stored:
                if self._cancelled:
                    raise ExportCancelled
                frame = Image.frombytes("P", size, zlib.decompress(compressed))
                frame.putpalette(palette_values)
                yield frame

        def encode():
            try:
                result["data"] = encode_gif(frames(), fps)
            except BaseException as exc:  # noqa: BLE001 - every failure is handed back to the GUI thread below
                result["error"] = exc

        worker = threading.Thread(target=encode, name="beanlab-gif-encoder", daemon=True)
        worker.start()
        while worker.is_alive():
            yield WAIT
        if "error" in result:
            raise result["error"]
        return result["data"]
