"""Which model: y = w·x or y = w·x + b."""
from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QGroupBox, QHBoxLayout, QRadioButton

from beanlab.core import RunConfig
from beanlab.gui.language import Retranslating
from beanlab.gui.training_controller import TrainingController
from beanlab.i18n import tr

MODEL_LABELS = {"wx": "y = w·x", "wx+b": "y = w·x + b"}


class ModelPanel(Retranslating, QGroupBox):
    def __init__(self, controller: TrainingController) -> None:
        super().__init__()
        self._controller = controller
        self._buttons = QButtonGroup(self)
        layout = QHBoxLayout(self)
        for name, label in MODEL_LABELS.items():
            button = QRadioButton(label)
            button.setProperty("model", name)
            self._buttons.addButton(button)
            layout.addWidget(button)
        self.retranslate()
        self.show_config(controller.config)
        self._buttons.buttonClicked.connect(self._on_model_clicked)

    def retranslate(self) -> None:
        self.setTitle(tr("Model"))

    def show_config(self, config: RunConfig) -> None:
        for button in self._buttons.buttons():
            button.setChecked(button.property("model") == config.model)

    def choose(self, name: str) -> None:
        """Pick a model as if its button were clicked."""
        for button in self._buttons.buttons():
            if button.property("model") == name:
                button.click()

    def _on_model_clicked(self, button) -> None:
        if not self._controller.set_config(model=button.property("model")):
            self.show_config(self._controller.config)
