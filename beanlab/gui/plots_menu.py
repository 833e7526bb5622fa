"""View → Plots: every view of a run, ticked when shown; a lesson shows the few that tell its story,
the others are one click away here."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from beanlab.core import views as core_views
from beanlab.i18n import N_, tr

PLOTS = N_("Plots")


class PlotsMenu(QObject):
    def __init__(self, menu: QMenu, plots, controller) -> None:
        super().__init__(menu)
        self._plots = plots
        self.menu = menu.addMenu("")
        self.actions: dict[str, QAction] = {}
        for name in plots.made:
            action = self.menu.addAction("")
            action.setCheckable(True)
            action.toggled.connect(lambda on, name=name: self._plots.set_view_shown(name, on))
            self.actions[name] = action
        plots.shown_changed.connect(self._show_checked)
        controller.run_replaced.connect(lambda *_: self._show_checked())   # what suits the model may change
        self._show_checked()
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(tr(PLOTS))
        for name, action in self.actions.items():
            action.setText(tr(core_views.VIEWS[name].label))

    def _show_checked(self) -> None:
        chosen = self._plots.chosen
        for name, action in self.actions.items():
            action.blockSignals(True)
            action.setChecked(name in chosen)
            action.blockSignals(False)
            action.setEnabled(self._plots.suits(name))   # e.g. no map from above for y = w·x
