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
    shown_first: bool = True   # shown unless a lesson chooses (the network diagram waits for a lesson that wants it)

    def suits(self, model) -> bool:
        """Whether this view has something to show for ``model``."""
        return model.n_params >= self.min_params and not (self.needs_beans and getattr(model, "is_landscape", False))


VIEWS: dict[str, View] = {view.name: view for view in (
    View("scatter", N_("Beans and the fitted line"), needs_beans=True),
    View("loss", N_("Loss per update")),
    View("cost", N_("Cost curves")),
    View("contour", N_("Cost map from above"), min_params=2),
    View("surface", N_("3-D cost bowl"), opengl=True),
    View("network", N_("Network diagram"), needs_beans=True, shown_first=False),
    View("beans3d", N_("Beans in 3-D"), opengl=True, needs_beans=True, shown_first=False),
)}
SHOWN_FIRST = tuple(name for name, view in VIEWS.items() if view.shown_first)
LANDSCAPE_VIEWS = tuple(name for name, view in VIEWS.items() if view.shown_first and not view.needs_beans)
