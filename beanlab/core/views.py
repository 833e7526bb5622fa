"""Every view of a run, in the order the window lays them out: one entry each, read by the plot
board, the lessons, the export dialog and the command line's ``--view``. No Qt here: the widgets
that draw them live in ``beanlab.gui.plots``."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_


@dataclass(frozen=True)
class View:
    name: str
    label: str                 # marked for translation: show tr(label)
    opengl: bool = False       # drawn in 3-D with OpenGL
    needs_beans: bool = False  # shows beans or a model of beans: nothing to draw on a landscape f(w, b)
    min_params: int = 1        # parameters a model needs for it (a map from above needs two)
    needs: str = ""            # a method the model must have for it ("layer_report": a deep network's layers)
    full_row: bool = False     # laid out in a row of its own below the others, across the whole board

    def suits(self, model) -> bool:
        """Whether this view has something to show for ``model``."""
        return (model.n_params >= self.min_params and not (self.needs_beans and getattr(model, "is_landscape", False))
                and (not self.needs or callable(getattr(model, self.needs, None))))


VIEWS: dict[str, View] = {view.name: view for view in (
    View("scatter", N_("Beans and the fitted line"), needs_beans=True),
    View("loss", N_("Loss per update")),
    View("cost", N_("Cost curves")),
    View("contour", N_("Cost map from above"), min_params=2),
    View("surface", N_("3-D cost bowl"), opengl=True),
    View("network", N_("Network diagram"), needs_beans=True),
    View("beans3d", N_("Beans in 3-D"), opengl=True, needs_beans=True),
    View("layers", N_("Slopes per layer"), needs_beans=True, needs="layer_report"),
    # a lesson-6 graph has 21 boxes in 10 columns: in a cell of its own their numbers would be unreadable
    View("graph", N_("Backpropagation graph"), needs_beans=True, needs="compute_graph", full_row=True),
)}
# Free play (no lesson chosen) shows lesson 4's three: five views at once leave the beans no room on a
# 1280×720 projector. The others are one click away in View → Plots.
SHOWN_FIRST = ("scatter", "contour", "cost")
# A landscape f(w, b) has no beans: its map, its bowl and its slices.
LANDSCAPE_VIEWS = ("contour", "surface", "cost")
