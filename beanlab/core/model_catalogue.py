"""Every model by name: the straight lines of lessons 1–4, the neurons of lessons 5–8 and the
textbook's linear regression on two features."""
from __future__ import annotations

from ..i18n import tr
from .models import Line, LineThroughOrigin, Model
from .neurons import HiddenLayerNet, PlaneNeuron, SigmoidNeuron
from .plane_linear import PlaneLinear

MODELS: dict[str, type[Model]] = {model.name: model for model in
                                  (LineThroughOrigin, Line, SigmoidNeuron, HiddenLayerNet, PlaneNeuron, PlaneLinear)}
ALIASES = {"net-1-2-1": "net"}   # the course's name for the network with two hidden neurons
SIGMOID_MODELS = ("sigmoid", "net", "plane")


def make_model(name: str, loss: str = "mse", hidden: int = 2) -> Model:
    """The model called ``name``; ``loss`` (mse or cross-entropy) for the sigmoid models and
    ``hidden`` (1–8 neurons) for the network are ignored by the others."""
    name = ALIASES.get(name, name)
    if name not in MODELS:
        raise ValueError(tr("unknown model {name}; choose one of: {names}").format(
            name=repr(name), names=", ".join(MODELS)))
    if name == "net":
        return HiddenLayerNet(loss, hidden)
    if name in SIGMOID_MODELS:
        return MODELS[name](loss)
    if loss != "mse":
        raise ValueError(tr("model {name} learns with the mean squared error only").format(name=name))
    return MODELS[name]()
