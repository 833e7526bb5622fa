"""Which two parameters the cost views cut through, for a model with more than two.

The cost of lesson 6's network lives in seven dimensions; the slices, the map and the bowl show
two of them, the others held where the run is. Picking another pair redraws them at once.
"""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel

from beanlab.gui.language import Retranslating
from beanlab.i18n import tr


class SlicePanel(Retranslating, QGroupBox):
    pair_chosen = Signal(int, int)   # indices of the two parameters

    def __init__(self) -> None:
        super().__init__()
        self.first, self.second = QComboBox(), QComboBox()
        form = self._form = QFormLayout(self)
        for combo in (self.first, self.second):
            form.addRow(QLabel(), combo)
            combo.currentIndexChanged.connect(self._on_changed)
        self.wanted = False   # only models with more than two parameters need it
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setTitle(tr("Cost views through"))
        self.setToolTip(tr("the slices, the map and the bowl show the cost along these two parameters, "
                           "the others held where the run is now"))
        self._form.labelForField(self.first).setText(tr("horizontal axis"))
        self._form.labelForField(self.second).setText(tr("vertical axis"))

    def set_parameters(self, names: tuple[str, ...], pair: tuple[int, ...]) -> None:
        """Offer this model's parameters; shown only when there are more than the views can take."""
        for combo, chosen in ((self.first, pair[0] if pair else 0), (self.second, pair[-1] if pair else 0)):
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItems(list(names))
                combo.setCurrentIndex(chosen)
        self.wanted = len(names) > 2
        self.setVisible(self.wanted)

    def _on_changed(self) -> None:
        first, second = self.first.currentIndex(), self.second.currentIndex()
        if first != second and first >= 0 and second >= 0:
            self.pair_chosen.emit(first, second)
