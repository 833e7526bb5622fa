"""Which model: the lines y = w·x and y = w·x + b, a sigmoid neuron, a hidden-layer network, a neuron
on two features, deeper networks; with the network's hidden-layer size, the sigmoid models' loss and,
for a deep network, a switch that takes its activations out (the study notes' "不加的话, 无论多少层都没意义")."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox

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
        self._switched_off_from = ""   # the network whose activations the switch took out
        self.model = style.narrow_combo(QComboBox())
        for name in MODELS:
            self.model.addItem("", name)
        self.hidden = QSpinBox()
        self.hidden.setRange(1, HiddenLayerNet.MAX_HIDDEN)
        self.loss = QComboBox()
        for name in LOSSES:
            self.loss.addItem("", name)
        self.activations = QCheckBox()
        form = self._form = QFormLayout(self)
        for field in (self.model, self.hidden, self.loss):
            form.addRow(QLabel(), field)
        form.addRow(self.activations)
        self.retranslate()
        self.show_config(controller.config)
        self.model.currentIndexChanged.connect(lambda: self._apply(model=self.model.currentData()))
        self.hidden.editingFinished.connect(lambda: self._apply(hidden=self.hidden.value()))
        self.loss.currentIndexChanged.connect(lambda: self._apply(loss=self.loss.currentData()))
        self.activations.toggled.connect(self._switch_activations)

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
        self.activations.setText(tr("activations between the layers"))
        self.activations.setToolTip(tr("off: every layer is a weighted sum of the last, and sums of sums are one "
                                       "weighted sum, so the boundary is a straight line however many layers"))
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
        self._form.setRowVisible(self.activations, bool(model.activation_twin))
        with QSignalBlocker(self.activations):
            self.activations.setChecked(model.activations_on)

    def choose(self, name: str) -> None:
        """Pick a model as the user would."""
        self.model.setCurrentIndex(self.model.findData(name))

    def switch_activations(self, on: bool) -> None:
        """Tick or untick the activations, as the user would."""
        self.activations.setChecked(on)

    def _switch_activations(self, on: bool) -> None:
        # the same shape with the activations out or back in (each network class names its twin); back in,
        # the network the teacher switched off, not the twin's default
        current = model_class(self._controller.config.model)
        if on and self._switched_off_from and model_class(self._switched_off_from).activation_twin == current.name:
            self._apply(model=self._switched_off_from)
        else:
            self._switched_off_from = "" if on else current.name
            self._apply(model=current.activation_twin)

    def _apply(self, **changes) -> None:
        self._controller.set_config(**changes)
        self.show_config(self._controller.config)
