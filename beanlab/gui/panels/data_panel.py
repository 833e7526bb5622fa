"""Which beans: course dataset, how many, seed, and Regenerate."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
)

from beanlab.core import DATASETS, RunConfig
from beanlab.core.landscape_models import TERRAINS
from beanlab.core.numbers import count
from beanlab.gui import style
from beanlab.gui.language import Retranslating
from beanlab.gui.training_controller import TrainingController
from beanlab.i18n import tr


class DataPanel(Retranslating, QGroupBox):
    def __init__(self, controller: TrainingController) -> None:
        super().__init__()
        self._controller = controller
        self.dataset = style.narrow_combo(QComboBox())
        for info in DATASETS.values():
            self.dataset.addItem(info.title, info.name)
        self.count = QSpinBox()
        self.count.setRange(1, 1_000_000)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.regenerate = QPushButton()
        self.source = QLabel()   # "the beans of FILE", when they are the user's own
        self.source.setWordWrap(True)
        self.source.hide()
        self._source: tuple[str | None, bool, str | None, int] = (None, False, None, 0)
        form = self._form = QFormLayout(self)
        form.addRow(QLabel(), self.dataset)
        form.addRow(QLabel(), self.count)
        form.addRow(QLabel(), self.seed)
        form.addRow(self.source)
        form.addRow(self.regenerate)
        self.retranslate()
        self.show_config(controller.config)
        self.dataset.currentIndexChanged.connect(self._on_dataset_changed)
        self.count.editingFinished.connect(self._on_count_or_seed_changed)
        self.seed.editingFinished.connect(self._on_count_or_seed_changed)
        self.regenerate.clicked.connect(self._on_count_or_seed_changed)

    def retranslate(self) -> None:
        self.setTitle(tr("Beans"))
        for index, info in enumerate(DATASETS.values()):
            self.dataset.setItemText(index, info.title)
            if info.n_features != 1:
                self.dataset.model().item(index).setToolTip(tr("size and colour depth: for the models with two inputs"))
        self.dataset.beanlab_fit_list()
        self.count.setToolTip(tr("number of beans"))
        self.seed.setToolTip(tr("the same seed always gives the same beans"))
        self.regenerate.setText(tr("Regenerate"))
        self.show_source(*self._source)
        self.regenerate.setToolTip(tr("draw the beans again with these settings; the run restarts"))
        for field, label in ((self.dataset, tr("Dataset")), (self.count, tr("Beans")), (self.seed, tr("Seed"))):
            self._form.labelForField(field).setText(label)

    def show_source(self, name: str | None, edited: bool = False, landscape: str | None = None,
                    beans: int = 0) -> None:
        """Say that the beans are the user's own (``beans`` of them, from the file ``name``, or edited by
        hand), or that a landscape replaces them; or hide that, and show the course dataset's settings."""
        self._source = (name, edited, landscape, beans)
        if landscape is not None:
            terrain = TERRAINS[landscape]
            text = tr("In use: the landscape {title}, {formula}, instead of beans. Regenerate brings the beans "
                      "back.").format(title=tr(terrain.title), formula=terrain.formula)
        elif edited:
            source = tr("your beans from {name}").format(name=name) if name else tr("the course's beans")
            text = tr("In use: {source}, edited by hand. Regenerate brings back the course's.").format(source=source)
            text += " " + tr("Beans in use: {count}.").format(count=count(beans))
        else:
            text = tr("In use: your {count} beans from {name}. Regenerate brings back the course's.").format(
                name=name, count=count(beans)) if name else ""
        self.source.setText(text)
        self.source.setVisible(bool(text))
        # what is really in use: a landscape has no dataset, count or seed; the user's own beans no
        # course dataset or seed (their count is theirs)
        course = landscape is None and name is None and not edited
        for field in (self.dataset, self.count, self.seed):
            self._form.setRowVisible(field, course)

    def show_config(self, config: RunConfig) -> None:
        with QSignalBlocker(self.dataset):
            self.dataset.setCurrentIndex(self.dataset.findData(config.dataset))
        self.count.setValue(config.n)
        self.seed.setValue(config.seed)

    def _on_dataset_changed(self) -> None:
        if not self._controller.set_config(dataset=self.dataset.currentData()):
            self.show_config(self._controller.config)

    def _on_count_or_seed_changed(self) -> None:
        changed = self._controller.set_config(n=self.count.value(), seed=self.seed.value())
        if self.sender() is self.regenerate and self._controller.config.n == self.count.value():
            self._controller.regenerate()
        elif not changed:
            self.show_config(self._controller.config)
