"""Which model: the lines y = w·x and y = w·x + b, a sigmoid neuron, a hidden-layer network, a neuron
on two features; with the network's hidden-layer size and the sigmoid models' loss."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox

from beanlab.core import LOSSES, MODELS, HiddenLayerNet, RunConfig, model_class
from beanlab.gui import style
from beanlab.gui.language import Retranslating
from beanlab.gui.training_controller import TrainingController
from beanlab.i18n import N_, tr

LOSS_LABELS = {"mse": N_("mean squared error"), "cross-entropy": N_("cross-entropy")}


class ModelPanel(Retranslating, QGroupBox):
    def __init__(self, controller: TrainingController) -> None:
        super().__init__()
        self._controller = controller
        self.model = style.narrow_combo(QComboBox())
        for name in MODELS:
            self.model.addItem("", name)
        self.hidden = QSpinBox()
        self.hidden.setRange(1, HiddenLayerNet.MAX_HIDDEN)
        self.loss = QComboBox()
        for name in LOSSES:
            self.loss.addItem("", name)
        form = self._form = QFormLayout(self)
        for field in (self.model, self.hidden, self.loss):
            form.addRow(QLabel(), field)
        self.retranslate()
        self.show_config(controller.config)
        self.model.currentIndexChanged.connect(lambda: self._apply(model=self.model.currentData()))
        self.hidden.editingFinished.connect(lambda: self._apply(hidden=self.hidden.value()))
        self.loss.currentIndexChanged.connect(lambda: self._apply(loss=self.loss.currentData()))

    def retranslate(self) -> None:
        self.setTitle(tr("Model"))
        for index in range(self.model.count()):
            self.model.setItemText(index, MODELS.label(self.model.itemData(index)))
        self.model.beanlab_fit_list()
        for index, name in enumerate(LOSSES):
            self.loss.setItemText(index, tr(LOSS_LABELS[name]))
        self.hidden.setToolTip(tr("neurons in the hidden layer: two make a bump, more make several"))
        self.loss.setToolTip(tr("cross-entropy punishes a confident wrong answer hard; its slope at the output "
                                "is simply a − y"))
        for field, label in ((self.model, tr("Model")), (self.hidden, tr("Hidden neurons")), (self.loss, tr("Loss"))):
            self._form.labelForField(field).setText(label)

    def show_config(self, config: RunConfig) -> None:
        for combo, value in ((self.model, config.model), (self.loss, config.loss)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(value))
        self.hidden.setValue(config.hidden)
        model = model_class(config.model)
        self._form.setRowVisible(self.hidden, model.chooses_hidden)
        self._form.setRowVisible(self.loss, model.chooses_loss)

    def choose(self, name: str) -> None:
        """Pick a model as the user would."""
        self.model.setCurrentIndex(self.model.findData(name))

    def _apply(self, **changes) -> None:
        self._controller.set_config(**changes)
        self.show_config(self._controller.config)
