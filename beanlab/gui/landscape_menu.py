"""Lessons → Landscapes: a function f(w, b) in place of the beans (saddle, two wells, Rosenbrock,
plateau), or the beans again. The run's views change with it: a landscape has no beans to show."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from beanlab.core.landscape_models import TERRAINS
from beanlab.core.lessons import ALL_VIEWS, LANDSCAPE_VIEWS
from beanlab.i18n import N_, tr

BEANS = N_("Beans (no landscape)")


class LandscapeMenu(QObject):
    def __init__(self, menu: QMenu, controller, plots, show_caption=None) -> None:
        """``show_caption(text or None)``: where a landscape's own caption goes (the explanation panel)."""
        super().__init__(menu)
        self._controller, self._plots = controller, plots
        self._show_caption = show_caption or (lambda caption: None)
        self.menu = menu.addMenu("")
        group = QActionGroup(self)
        self.actions: dict[str | None, QAction] = {}
        for name in (None, *TERRAINS):
            action = group.addAction("")
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, name=name: self.choose(name))
            self.menu.addAction(action)
            self.actions[name] = action
            if name is None:
                self.menu.addSeparator()
        controller.run_replaced.connect(lambda *_: self._show_checked())
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(tr("Landscapes"))
        for name, action in self.actions.items():
            action.setText(tr(BEANS) if name is None else f"{tr(TERRAINS[name].title)}:  {TERRAINS[name].formula}")

    def choose(self, name: str | None) -> None:
        """The landscape ``name`` with its own preset and caption (RunConfig.with_landscape), or beans again."""
        if name == self._controller.config.landscape:
            return
        self._plots.show_views(ALL_VIEWS if name is None else LANDSCAPE_VIEWS)
        self._show_caption(None if name is None else TERRAINS[name].caption)
        self._controller.set_landscape(name)

    def _show_checked(self) -> None:
        self.actions[self._controller.config.landscape].setChecked(True)
