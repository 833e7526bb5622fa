"""``beanlab export --race A,B,…``: a race drawn as the race window draws it, as a picture (.png,
the finished race) or an animation (.gif, the racers' paths and losses growing update by update).

The frames are grabs of a race window that is never shown; Pillow writes the GIF, atomically.
"""
from __future__ import annotations

import io

import numpy as np
from PIL import Image

from beanlab.core import RunConfig, run_race, spread_frames, write_bytes_atomically
from beanlab.gui import style
from beanlab.i18n import tr


def export_race(config: RunConfig, racers: list[str], request, gl: bool) -> str:
    """Race ``racers`` on ``config`` and write ``request.path``; the sentence to say when done."""
    from beanlab.gui.race_window import RaceWindow, race_map

    race = run_race(config, racers)
    style.configure_pyqtgraph()   # white plots, as in the app
    window = RaceWindow(config, with_bowl=gl)
    window.choose(racers)
    window.resize(*request.size)
    window.show_race(race, race_map(config, race))
    last = max(int(u[-1]) for u in race.updates)
    # the first updates one by one, then evenly to the end, as a run's animation is spaced
    updates = spread_frames(0, last, 1 if request.is_picture else request.frames)
    frames = []
    for update in updates:
        window.show_until(int(update))
        frame = _to_pillow(window.grab().toImage())
        # a window cannot be smaller than its widgets allow: fit what it drew into the size asked for
        frames.append(frame if frame.size == tuple(request.size) else frame.resize(request.size, Image.LANCZOS))
    window.close()
    out = io.BytesIO()
    if request.is_picture:
        frames[0].save(out, format="PNG")
    else:
        palette = frames[-1].quantize(colors=255)   # one palette for all: the finished race has every colour
        paletted = [frame.quantize(palette=palette, dither=Image.Dither.NONE) for frame in frames]
        paletted[0].save(out, format="GIF", save_all=True, append_images=paletted[1:],
                         duration=round(1000 / request.fps), loop=0, optimize=True)
    write_bytes_atomically(request.path, out.getvalue())
    return tr("Wrote the race of {racers} ({count} frame(s), {mb:.2f} MB) to {path}.").format(
        racers=", ".join(racers), count=len(frames), mb=len(out.getvalue()) / 1e6, path=request.path)


def _to_pillow(image) -> Image.Image:
    image = image.convertToFormat(image.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    rows = np.frombuffer(data, np.uint8).reshape(height, image.bytesPerLine())[:, : width * 3]
    return Image.fromarray(rows.reshape(height, width, 3).copy(), "RGB")
