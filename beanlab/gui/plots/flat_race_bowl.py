"""The race's bowl in 2-D, for computers without usable OpenGL (or ``beanlab --no-3d``).

The race window's map already shows the bowl from above, so its stand-in shows it from the side:
cost E against the first parameter, the bowl's floor (its lowest E over the second parameter) in
grey and each racer's path down it in the racer's colour, as the 3-D view shows them on the surface.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QVBoxLayout, QWidget

from beanlab.gui import style
from beanlab.gui.plots.flat_stand_ins import StandInNote
from beanlab.i18n import N_

TITLE = N_("Bowl from the side (grey: its floor)")
FLOOR = (150, 150, 150)


class FlatRaceBowl(QWidget):
    """Stands in for :class:`~beanlab.gui.plots.race_bowl.RaceBowl`: ``draw`` a race map, in 2-D."""

    is_stand_in = True

    def __init__(self, colours: tuple[tuple[int, int, int], ...]) -> None:
        super().__init__()
        self.note = StandInNote("race")
        self.plot = style.titled_plot(TITLE, "w", N_("cost E"))
        for side in ("bottom", "left"):   # "w (x0.001)" would puzzle more than it helps
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.floor = self.plot.plot([], [], pen=style.pen(FLOOR, 2))
        self.paths = [self.plot.plot([], [], pen=style.pen(colour, 2.5)) for colour in colours]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.retranslate()
        style.retranslate_plot(self.plot)

    def draw(self, drawn) -> None:
        """The floor and paths of a :class:`~beanlab.gui.race_window.RaceMap`, seen along the second parameter."""
        first = np.linspace(drawn.box.w_lo, drawn.box.w_hi, drawn.cost.shape[0])
        lowest = np.where(np.isfinite(drawn.cost), drawn.cost, np.inf).min(axis=1)
        keep = np.isfinite(lowest)   # a column of the map with no finite cost gives no point
        self.floor.setData(first[keep], lowest[keep])
        for index, item in enumerate(self.paths):
            if index >= len(drawn.paths) or index >= len(drawn.heights):
                item.setData([], [])
                continue
            across, height = drawn.paths[index][:, 0], drawn.heights[index]
            keep = np.isfinite(across) & np.isfinite(height)
            item.setData(across[keep], height[keep])
        style.label_axes(self.plot, drawn.names[0], N_("cost E"))
