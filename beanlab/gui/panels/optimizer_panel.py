"""How to descend: optimizer, learning rate, batch size, step size, bean order, epochs, gradient noise
(on a landscape), start."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QWidget,
)

from beanlab.core import OPTIMIZERS, ORDERS, RunConfig, model_class
from beanlab.gui.language import Retranslating
from beanlab.gui.panels.learning_rate_field import LogScaleField
from beanlab.gui.training_controller import TrainingController
from beanlab.i18n import N_, tr

ORDER_LABELS = {"sequential": N_("sequential"), "shuffle": N_("shuffle")}
NOISE_UNIT, NOISE_STEPS = 0.001, 100


class OptimizerPanel(Retranslating, QGroupBox):
    def __init__(self, controller: TrainingController) -> None:
        super().__init__()
        self._controller = controller
        self.optimizer = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer.addItem("", name)
        self.learning_rate = LogScaleField(controller.config.lr)
        self.step_size = LogScaleField(controller.config.step)
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 1_000_000)
        self.order = QComboBox()
        for order in ORDERS:
            self.order.addItem("", order)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 10_000_000)
        # gradient noise on a landscape: 0 to 0.1 in steps of 0.001 (the saddle needs only 0.01)
        self.noise = QSlider(Qt.Orientation.Horizontal)
        self.noise.setRange(0, NOISE_STEPS)
        self.noise_value = QLabel()
        noise_row = QWidget()
        noise_layout = QHBoxLayout(noise_row)
        noise_layout.setContentsMargins(0, 0, 0, 0)
        noise_layout.addWidget(self.noise, 1)
        noise_layout.addWidget(self.noise_value)
        self._noise_row = noise_row
        self.start_w, self.start_b = QDoubleSpinBox(), QDoubleSpinBox()
        for spin in (self.start_w, self.start_b):
            spin.setRange(-100, 100)
            spin.setDecimals(3)
            spin.setSingleStep(0.1)
        form = self._form = QFormLayout(self)
        for field in (self.optimizer, self.learning_rate, self.step_size, self.batch_size, self.order, self.epochs,
                      noise_row, self.start_w, self.start_b):
            form.addRow(QLabel(), field)
        self.retranslate()
        self.show_config(controller.config)

        self.optimizer.currentIndexChanged.connect(lambda: self._apply(optimizer=self.optimizer.currentData()))
        self.order.currentIndexChanged.connect(lambda: self._apply(order=self.order.currentData()))
        self.learning_rate.value_chosen.connect(lambda value: self._apply(lr=value))
        self.step_size.value_chosen.connect(lambda value: self._apply(step=value))
        for field in (self.learning_rate, self.step_size):
            field.rejected.connect(controller.message)
        self.batch_size.editingFinished.connect(lambda: self._apply(batch_size=self.batch_size.value()))
        self.epochs.editingFinished.connect(lambda: self._apply(epochs=self.epochs.value()))
        self.noise.valueChanged.connect(self._on_noise_moved)
        self.noise.sliderReleased.connect(self._apply_noise)
        self.start_w.editingFinished.connect(self._on_start_edited)
        self.start_b.editingFinished.connect(self._on_start_edited)

    def retranslate(self) -> None:
        self.setTitle(tr("Gradient descent"))
        for index in range(self.optimizer.count()):
            name = self.optimizer.itemData(index)
            self.optimizer.setItemText(index, OPTIMIZERS.label(name))
            # each optimizer's convention where the user chooses it: its rule, with its reference
            convention = OPTIMIZERS[name].convention
            self.optimizer.setItemData(index, tr(convention) if convention else "", Qt.ItemDataRole.ToolTipRole)
        self._show_convention()
        for index, order in enumerate(ORDERS):
            self.order.setItemText(index, tr(ORDER_LABELS.get(order, order)))
        self.learning_rate.setToolTip(tr("learning rate α: how far each update moves (applies at once)"))
        self.step_size.setToolTip(tr("fixed step: how far each move goes, whatever the slope (applies at once)"))
        self.epochs.setToolTip(tr("training stops after this many passes over the beans"))
        self.noise.setToolTip(tr("Gaussian noise added to every slope, as stochastic descent has (the run restarts)"))
        for field, label in ((self.optimizer, tr("Optimizer")), (self.learning_rate, tr("Learning rate")),
                             (self.step_size, tr("Step size")), (self.batch_size, tr("Batch size")),
                             (self.order, tr("Bean order")), (self.epochs, tr("Epoch limit")),
                             (self._noise_row, tr("Gradient noise σ")),
                             (self.start_w, tr("Start w")), (self.start_b, tr("Start b"))):
            self._form.labelForField(field).setText(label)

    def show_config(self, config: RunConfig) -> None:
        for combo, value in ((self.optimizer, config.optimizer), (self.order, config.order)):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(value))
        self.learning_rate.set_value(config.lr)
        self.step_size.set_value(config.step)
        self.batch_size.setValue(config.batch_size)
        self.epochs.setValue(config.epochs)
        start = config.init or (0.1, 0.1)
        self.start_w.setValue(start[0])
        self.start_b.setValue(start[1] if len(start) > 1 else 0.1)
        with QSignalBlocker(self.noise):
            self.noise.setValue(round(config.noise / NOISE_UNIT))
        self.noise_value.setText(f"{config.noise:.3f}")
        on_landscape = config.landscape is not None
        self._form.setRowVisible(self._noise_row, on_landscape)
        # a start to type in for the models of w (and b); the others start on their own (0.1 or random)
        editable = self._editable_start(config)
        self._form.setRowVisible(self.start_w, len(editable) >= 1)
        self._form.setRowVisible(self.start_b, len(editable) >= 2)
        optimizer = OPTIMIZERS[config.optimizer]
        self._show_convention()
        self._form.setRowVisible(self.step_size, optimizer.uses_step)
        self._form.setRowVisible(self.learning_rate, optimizer.uses_lr)   # not for a search, nor a fixed step
        self._form.setRowVisible(self.batch_size, optimizer.uses_batch_size)

    def _show_convention(self) -> None:
        """The chosen optimizer's rule and reference, on hovering over the menu."""
        self.optimizer.setToolTip(self.optimizer.currentData(Qt.ItemDataRole.ToolTipRole) or "")

    @staticmethod
    def _editable_start(config: RunConfig) -> tuple[str, ...]:
        """The parameters whose start is typed in here: the model's own choice, or a landscape's w and b."""
        return ("w", "b") if config.landscape is not None else model_class(config.model).editable_start

    def _on_start_edited(self) -> None:
        start = (self.start_w.value(), self.start_b.value())
        self._apply(init=start[:len(self._editable_start(self._controller.config))])

    def _on_noise_moved(self, steps: int) -> None:
        self.noise_value.setText(f"{steps * NOISE_UNIT:.3f}")
        if not self.noise.isSliderDown():   # keys and clicks apply at once; a drag when let go
            self._apply_noise()

    def _apply_noise(self) -> None:
        noise = round(self.noise.value() * NOISE_UNIT, 6)
        if noise != self._controller.config.noise:
            self._apply(noise=noise)

    def _apply(self, **changes) -> None:
        self._controller.set_config(**changes)
        self.show_config(self._controller.config)
