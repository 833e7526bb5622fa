"""Every optimizer by name, in the order the menus show them. A new optimizer is its class plus
``OPTIMIZERS.register``."""
from __future__ import annotations

from ..i18n import N_
from .adaptive import AdaGrad, Adam, Momentum, Nesterov, RMSProp
from .optimizers import SGD, Batch, FixedStep, MiniBatch, Optimizer, Rosenblatt, Sweep
from .registry import Registry

OPTIMIZERS = Registry(N_("unknown optimizer {name}; choose one of: {names}"),
                      (SGD, MiniBatch, Batch, FixedStep, Rosenblatt, Sweep, Momentum, Nesterov, AdaGrad, RMSProp, Adam))


def make_optimizer(name: str, lr: float = 0.01, step: float = 0.01, batch_size: int = 10) -> Optimizer:
    """The optimizer called ``name`` with its settings; settings it does not use are ignored."""
    return OPTIMIZERS.lookup(name).from_settings(lr, step, batch_size)
