"""Which beans: course dataset, how many, seed, and Regenerate."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QPushButton, QSpinBox

from beanlab.core import DATASETS, RunConfig
from beanlab.gui.training_controller import TrainingController


class DataPanel(QGroupBox):
    def __init__(self, controller: TrainingController) -> None:
        super().__init__("Beans")
        self._controller = controller
        self.dataset = QComboBox()
        for info in DATASETS.values():
            self.dataset.addItem(info.title, info.name)
            if info.n_features != 1:
                # two-feature beans need a two-input model, which this window does not offer yet
                item = self.dataset.model().item(self.dataset.count() - 1)
                item.setEnabled(False)
                item.setToolTip("needs a model with two inputs")
        self.count = QSpinBox()
        self.count.setRange(1, 1_000_000)
        self.count.setToolTip("number of beans")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip("the same seed always gives the same beans")
        self.regenerate = QPushButton("Regenerate")
        self.regenerate.setToolTip("draw the beans again with these settings; the run restarts")
        form = QFormLayout(self)
        form.addRow("Dataset", self.dataset)
        form.addRow("Beans", self.count)
        form.addRow("Seed", self.seed)
        form.addRow(self.regenerate)
        self.show_config(controller.config)
        self.dataset.currentIndexChanged.connect(self._on_dataset_changed)
        self.count.editingFinished.connect(self._on_count_or_seed_changed)
        self.seed.editingFinished.connect(self._on_count_or_seed_changed)
        self.regenerate.clicked.connect(self._on_count_or_seed_changed)

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
