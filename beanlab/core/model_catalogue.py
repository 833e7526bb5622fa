"""Every model by name: the straight lines of lessons 1–4, the neurons of lessons 5–8 and the
textbook's linear regression on two features. A new model is its class plus ``MODELS.register``."""
from __future__ import annotations

from ..i18n import N_
from .deep_network import NETWORKS
from .models import LineThroughOrigin, Line, Model
from .neurons import HiddenLayerNet, PlaneNeuron, SigmoidNeuron
from .plane_linear import PlaneLinear
from .registry import Registry

MODELS = Registry(N_("unknown model {name}; choose one of: {names}"),
                  (LineThroughOrigin, Line, SigmoidNeuron, HiddenLayerNet, PlaneNeuron, PlaneLinear, *NETWORKS))
# computed once, for the command line (the registry itself is what the rest reads)
ALIASES = {alias: name for name, model in MODELS.items() for alias in model.aliases}
SIGMOID_MODELS = tuple(name for name, model in MODELS.items() if model.classifies)


def model_class(name: str) -> type[Model]:
    """The class of the model called ``name`` (or one of its aliases); ValueError naming the models."""
    for model in MODELS.values():
        if name in model.aliases:
            return model
    return MODELS.lookup(name)


def make_model(name: str, loss: str = "mse", hidden: int = 2) -> Model:
    """The model called ``name``; ``loss`` (mse or cross-entropy) for the models that choose one and
    ``hidden`` (1–8 neurons) for the network."""
    return model_class(name).from_settings(loss, hidden)
