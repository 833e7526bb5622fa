"""Animated GIFs small enough for slides and chat groups.

Every frame is mapped, without dithering, onto one shared palette of a few dozen colours made for
the plots (their colours, lighter tints of them for antialiased edges, greys, and the colour ramp of
the cost map). Pillow then stores each frame as its difference from the one before: with ``optimize``
it makes unchanged pixels transparent and crops to what changed, so a moving line costs a few
hundred bytes a frame instead of a whole picture.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from PIL import Image

from beanlab.colours import PLOT_COLOURS, WHITE

TINTS = (1.0, 0.7, 0.45, 0.25)   # a colour over white at these opacities: the edges of antialiased lines
GREYS = 12
BUDGET_MARGIN = 0.97             # aim a little under the budget: the estimate is from a sample


def blend(colour: Sequence[int], opacity: float, under: Sequence[int] = WHITE) -> tuple[int, int, int]:
    return tuple(round(opacity * c + (1 - opacity) * u) for c, u in zip(colour, under))


def plot_palette(extra: Iterable[Sequence[int]] = ()) -> Image.Image:
    """A "P" image holding the shared palette: white, greys, the plot colours and their tints, ``extra``."""
    colours = [WHITE, (0, 0, 0)]
    colours += [(v, v, v) for v in (round(255 * i / (GREYS + 1)) for i in range(1, GREYS + 1))]
    colours += [blend(c, t) for c in PLOT_COLOURS for t in TINTS]
    colours += [tuple(int(v) for v in c[:3]) for c in extra]
    unique = list(dict.fromkeys(colours))[:255]   # keep one entry free for Pillow's transparency
    palette = Image.new("P", (1, 1))
    # only the real entries: padded to 256, Pillow's GIF writer takes seconds to map every frame
    palette.putpalette([v for c in unique for v in c])
    return palette


def to_palette(frame: Image.Image, palette: Image.Image) -> Image.Image:
    """The frame in the shared palette, nearest colour, no dithering noise on flat backgrounds."""
    if frame.mode != "RGB":
        frame = frame.convert("RGB")
    return frame.quantize(palette=palette, dither=Image.Dither.NONE)


def encode_gif(frames: Iterable[Image.Image], fps: float) -> bytes:
    """The frames (already in the shared palette) as a looping GIF, each stored as a delta."""
    frames = iter(frames)
    try:
        first = next(frames)
    except StopIteration:
        raise ValueError("an animation needs at least one frame") from None
    out = io.BytesIO()
    # The palette given here is stored once for the file; without it Pillow repeats it in every
    # frame (measured: 390 bytes a frame, a quarter of a typical delta frame).
    # GIF counts in hundredths of a second; Pillow rounds the milliseconds down to them.
    first.save(out, format="GIF", save_all=True, append_images=frames, duration=round(1000 / fps),
               loop=0, optimize=True, disposal=1, palette=bytes(first.getpalette()))
    return out.getvalue()


def frames_within_budget(requested: int, first_frame_bytes: int, sample_bytes: int, sample_frames: int,
                         budget_bytes: float) -> int:
    """How many frames fit the budget, from a sample encoded over the same span.

    A sample spread over the span has larger steps between its frames than the full animation, so
    its bytes per frame overestimate, and the answer errs on the side of fitting.
    """
    if sample_frames < 2:
        return requested if first_frame_bytes <= budget_bytes else 0
    per_frame = max((sample_bytes - first_frame_bytes) / (sample_frames - 1), 1.0)
    room = budget_bytes * BUDGET_MARGIN - first_frame_bytes
    return max(0, min(requested, 1 + int(room // per_frame))) if room >= 0 else 0
