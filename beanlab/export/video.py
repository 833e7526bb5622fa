"""MP4 video (H.264) for slides: PowerPoint and WPS play it (a GIF of the same frames is about 1.4× its
size on the default run's plots). The encoder is the ffmpeg that the imageio-ffmpeg package ships inside its wheel, so a
teacher's PC needs no ffmpeg of its own.

The frames are encoded as ``yuv420p`` (what every slide program and phone plays), their size made even
(H.264 needs it) by a white column or row, with ``-tune animation`` (flat colours and thin lines) at
constant quality; ``+faststart`` puts the index first, so a slide starts playing at once.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from itertools import chain

import numpy as np
from PIL import Image

from beanlab.colours import WHITE
from beanlab.i18n import tr

QUALITY_CRF = "20"   # x264's constant rate factor: lower is better; 20 keeps the plots' text sharp


def even(frame: Image.Image) -> Image.Image:
    """The frame as RGB, with a white column or row added where its width or height is odd."""
    frame = frame.convert("RGB")
    width, height = frame.size
    if width % 2 == 0 and height % 2 == 0:
        return frame
    padded = Image.new("RGB", (width + width % 2, height + height % 2), WHITE)
    padded.paste(frame, (0, 0))
    return padded


def encode_mp4(frames: Iterable[Image.Image], fps: float) -> bytes:
    """The frames as an H.264 MP4 at ``fps`` frames a second."""
    try:
        import imageio_ffmpeg
    except ImportError:
        raise ValueError(tr("MP4 needs the imageio-ffmpeg package (pip install imageio-ffmpeg); "
                            "a .gif needs nothing more")) from None
    frames = iter(frames)
    try:
        first = even(next(frames))
    except StopIteration:
        raise ValueError("an animation needs at least one frame") from None
    with tempfile.TemporaryDirectory(prefix="beanlab-video-") as folder:
        path = os.path.join(folder, "animation.mp4")
        writer = imageio_ffmpeg.write_frames(
            path, first.size, pix_fmt_in="rgb24", pix_fmt_out="yuv420p", fps=fps, codec="libx264",
            quality=None, macro_block_size=2, ffmpeg_log_level="error",
            output_params=["-crf", QUALITY_CRF, "-preset", "medium", "-tune", "animation",
                           "-movflags", "+faststart"])
        writer.send(None)   # starts ffmpeg
        try:
            for frame in chain([first], (even(frame) for frame in frames)):
                writer.send(np.ascontiguousarray(np.asarray(frame)))
        finally:
            writer.close()
        with open(path, "rb") as written:
            return written.read()


def count_frames(path: str) -> int:
    """How many frames a video file decodes to (for tests and the benchmark)."""
    import imageio_ffmpeg

    reader = imageio_ffmpeg.read_frames(path)
    next(reader)   # the metadata
    return sum(1 for _ in reader)
