"""An export's work, without Qt: choose the frames, fit them to the size budget, encode, write.

Whoever draws the frames (a replayed run, a race) is a :class:`FrameSource`. The work is a
generator of small steps, so a GUI can run it a slice at a time and stay responsive; the encoding
(a GIF with Pillow, an MP4 with the ffmpeg of imageio-ffmpeg: :data:`FORMATS`) runs on a helper
thread fed by a short queue, so it overlaps the drawing.
A small sample over the span tells what a frame costs; the count that fits is tried, then more or
fewer until the budget is used well. Nothing is written until the whole file is ready and fits; it
then goes in atomically.
"""
from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from PIL import Image

from beanlab.core import spread_frames, write_bytes_atomically
from beanlab.export.gif import encode_gif, frames_within_budget, to_palette
from beanlab.export.request import ExportRequest
from beanlab.export.video import encode_mp4
from beanlab.i18n import tr

SAMPLE_FRAMES = 12       # frames encoded first to estimate the bytes a frame costs
WAIT = "wait"            # yielded by the work when it waits for the encoder thread
QUEUED_FRAMES = 32       # drawn frames waiting for the encoder, at most
MAX_ATTEMPTS = 4         # if the estimate was too low, fewer frames and again
MB = 1_000_000


@dataclass(frozen=True)
class AnimationFormat:
    """How an animation file is made: each drawn frame prepared (mapped onto the palette, or kept RGB),
    then the frames encoded to the file's bytes."""

    prepare: Callable[[Image.Image, Image.Image], Image.Image]   # (frame, palette) → what encode takes
    encode: Callable[[Iterable[Image.Image], float], bytes]      # (frames, fps) → the file


FORMATS = {".gif": AnimationFormat(to_palette, encode_gif),
           ".mp4": AnimationFormat(lambda frame, _palette: frame.convert("RGB"), encode_mp4)}


class ExportCancelled(Exception):
    """The user pressed Cancel."""


class FrameSource(Protocol):
    """Draws the export's frames: pictures of the request's size at given update numbers."""

    first: int          # the span of updates to export
    last: int
    period: int         # later frames fall on multiples of this (a run's epoch)
    note: str | None    # said with the plan (a view left out, say)

    def frames(self, updates: np.ndarray) -> Iterator[Image.Image]:
        """An RGB picture at each update number, in order."""

    def palette(self) -> Image.Image:
        """The one palette every GIF frame is mapped onto."""

    def close(self) -> None:
        """Let go of what drew the frames."""


def next_count(best: tuple[int, bytes] | None, too_many: tuple[int, int] | None, wanted: int,
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


def export_steps(source: FrameSource, request: ExportRequest, planned: Callable[[str], None],
                 progress: Callable[[int, int, str], None]) -> Iterator[str | None]:
    """The whole export as small steps (``WAIT`` when waiting for the encoder); its return value is
    the sentence saying what was written. Raises ValueError or OSError saying why nothing was."""
    if request.is_picture:
        (picture,) = source.frames(spread_frames(source.first, source.last, 1))
        yield
        out = io.BytesIO()
        picture.save(out, format="PNG", optimize=True)
        write_bytes_atomically(request.path, out.getvalue())
        return tr("Wrote the picture at update {update:,} to {path}.").format(update=source.last, path=request.path)
    return (yield from _animation_steps(source, request, planned, progress))


def _animation_steps(source: FrameSource, request: ExportRequest, planned: Callable[[str], None],
                     progress: Callable[[int, int, str], None]) -> Iterator[str | None]:
    budget = request.max_mb * MB
    palette, form = source.palette(), FORMATS[request.suffix]
    wanted = min(request.frames, source.last - source.first + 1)

    # 1. a small sample over the same span: what does a frame cost?
    sample = []
    for frame in source.frames(spread_frames(source.first, source.last, min(SAMPLE_FRAMES, wanted), source.period)):
        sample.append(form.prepare(frame, palette))
        yield
    first_bytes = len(form.encode(sample[:1], request.fps))
    sample_bytes = len(form.encode(sample, request.fps))
    per_frame = (sample_bytes - first_bytes) / max(len(sample) - 1, 1)
    count = frames_within_budget(wanted, first_bytes, sample_bytes, len(sample), budget)
    if count < min(2, wanted):
        raise ValueError(tr("{mb:g} MB is too small for even 2 frames of {width}x{height} (one frame takes "
                            "{frame_mb:.2f} MB); allow more MB or choose a smaller size").format(
            mb=request.max_mb, width=request.size[0], height=request.size[1], frame_mb=first_bytes / MB))

    # 2. the count that fits, then more or fewer
    best: tuple[int, bytes] | None = None      # the most frames that fitted so far
    too_many: tuple[int, int] | None = None    # the fewest frames that did not fit, and their bytes
    for attempt in range(MAX_ATTEMPTS):
        estimate = first_bytes + (count - 1) * per_frame
        plan = tr("Exporting {count} frames of updates {first:,}–{last:,} at {fps:g} fps, about {mb:.2f} MB "
                  "(budget {budget:g} MB)") if attempt == 0 else \
            tr("Trying {count} frames of updates {first:,}–{last:,} at {fps:g} fps, about {mb:.2f} MB "
               "(budget {budget:g} MB)")
        plan = plan.format(count=count, first=source.first, last=source.last, fps=request.fps,
                           mb=min(estimate, budget) / MB, budget=request.max_mb)
        planned(plan + (f"; {source.note}" if source.note else ""))
        data = yield from _draw_and_encode(source, request, form, palette, count, progress)
        if len(data) <= budget:
            best = (count, data)
        else:
            too_many = (count, len(data))
        count = next_count(best, too_many, wanted, budget)
        if count is None:
            break
    if best is None:
        raise ValueError(tr("could not bring the animation under {mb:g} MB").format(mb=request.max_mb))
    count, data = best
    write_bytes_atomically(request.path, data)
    return tr("Wrote {count} frames ({seconds:.1f} s at {fps:g} fps, {mb:.2f} MB) to {path}.").format(
        count=count, seconds=count / request.fps, fps=request.fps, mb=len(data) / MB, path=request.path)


def _draw_and_encode(source: FrameSource, request: ExportRequest, form: AnimationFormat, palette: Image.Image,
                     count: int, progress: Callable[[int, int, str], None]):
    """Draw ``count`` frames spread over the span and encode them as they come.

    The encoder takes the frames from a short queue on its own thread; the drawing side never
    blocks on it (it yields ``WAIT`` while the queue is full).
    """
    frames: queue.Queue = queue.Queue(maxsize=QUEUED_FRAMES)
    result: dict[str, object] = {}

    def frames_in_order():
        for _ in range(count):
            frame = frames.get()
            if frame is None:   # cancelled or failed on the drawing side
                raise ExportCancelled
            yield frame

    def encode():
        try:
            result["data"] = form.encode(frames_in_order(), request.fps)
        except BaseException as exc:
            result["error"] = exc

    encoder = threading.Thread(target=encode, name="beanlab-encoder", daemon=True)
    encoder.start()
    try:
        updates = spread_frames(source.first, source.last, count, source.period)
        for done, frame in enumerate(source.frames(updates), start=1):
            picture = form.prepare(frame, palette)
            while frames.full():
                if not encoder.is_alive():
                    break
                yield WAIT
            frames.put(picture)
            progress(done, count, "Drawing and encoding frames")
            yield
        progress(count, count, "Finishing the file")
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
