"""``beanlab export --race A,B,…``: a race drawn as the race window draws it, as a picture (.png,
the finished race) or an animation (.gif, the racers' paths and losses growing update by update).

The frames are grabs of a race window that is never shown; they go through the same budgeted
encoder as a run's (``--max-mb`` holds).
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from PIL import Image

from beanlab.core import RunConfig, run_race
from beanlab.export.request import ExportRequest
from beanlab.gui import style
from beanlab.gui.export.picture import to_pillow
from beanlab.gui.plots.flat_stand_ins import stand_in_note


class RaceFrames:
    """The race of ``request.race`` on ``config``, run now, drawn update by update (a FrameSource)."""

    def __init__(self, config: RunConfig, request: ExportRequest, gl: bool, beans=None) -> None:
        """``beans``: the racers' (``--data``), else the config's dataset."""
        from beanlab.gui.race_window import RaceWindow, race_map

        race = run_race(config, list(request.race), beans=beans)
        style.configure_pyqtgraph()   # white plots, as in the app
        self._window = RaceWindow(config, with_bowl=gl)
        self._window.choose(list(request.race))
        self._window.resize(*request.size)
        self._window.show_race(race, race_map(config, race, beans))
        self._size = tuple(request.size)
        self.first, self.last = 0, max(int(u[-1]) for u in race.updates)
        self.period = 1   # the first updates one by one, then evenly to the end, as a run's animation is spaced
        self.note = None if gl else stand_in_note("race")   # the bowl is drawn from the side: say why

    def frames(self, updates: np.ndarray) -> Iterator[Image.Image]:
        for update in updates:
            yield self._draw(int(update))

    def palette(self) -> Image.Image:
        """The finished race's own colours: it has every colour the animation shows."""
        return self._draw(self.last).quantize(colors=255)

    def _draw(self, update: int) -> Image.Image:
        self._window.show_until(update)
        frame = to_pillow(self._window.grab().toImage())
        # a window cannot be smaller than its widgets allow: fit what it drew into the size asked for
        return frame if frame.size == self._size else frame.resize(self._size, Image.LANCZOS)

    def close(self) -> None:
        self._window.close()
        self._window.deleteLater()
