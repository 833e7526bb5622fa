"""Every setting of a training run in one validated value, and the trainer it builds.

The command line and the window both describe a run with a :class:`RunConfig`; neither builds
datasets, models or optimizers by hand.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from ..i18n import tr
from . import limits
from .datasets import DATASETS, Beans, make_dataset
from .landscape_models import TERRAINS, LandscapeModel, terrain_beans
from .model_catalogue import make_model, model_class
from .neurons import HiddenLayerNet
from .optimizer_catalogue import make_optimizer
from .trainer import Trainer

# the model a dataset of two features is for, when the model in use cannot take it
REGRESSION_DATASETS = {"d2l", "house"}

# settings that change how far or how often the run moves: a running run takes them as it goes
LIVE_SETTINGS = frozenset({"lr", "step", "epochs"})

# the kind of value each setting must hold when read back from JSON
_KINDS = {"dataset": str, "n": int, "seed": int, "model": str, "optimizer": str, "lr": (int, float),
          "step": (int, float), "batch_size": int, "order": str, "epochs": int, "init": (tuple, type(None)),
          "loss": str, "hidden": int, "landscape": (str, type(None)), "noise": (int, float)}

# the whole numbers a setting may hold, lowest and highest: beyond them a run would not fit in
# memory or time (10**10 beans, 10**12 epochs), whether an option, a settings file or a session says so
_RANGES = {"n": (1, limits.MAX_BEANS), "epochs": (1, limits.MAX_EPOCHS), "batch_size": (1, limits.MAX_BATCH_SIZE),
           "hidden": (1, HiddenLayerNet.MAX_HIDDEN), "seed": (0, limits.MAX_SEED)}


@dataclass(frozen=True)
class RunConfig:
    """What to train on, with what, and how; the defaults are the course's lesson 4."""

    dataset: str = "line-bias"
    n: int = 100
    seed: int = 0
    model: str = "wx+b"
    optimizer: str = "sgd"
    lr: float = 0.01
    step: float = 0.01
    batch_size: int = 10
    order: str = "sequential"
    epochs: int = 100
    init: tuple[float, ...] | None = None  # None: the model's own start (0.1 each; random for a network)
    loss: str = "mse"                      # or "cross-entropy", for the sigmoid models
    hidden: int = 2                        # neurons in the network's hidden layer
    landscape: str | None = None           # a function f(w, b) instead of beans and model (landscape_models)
    noise: float = 0.0                     # Gaussian noise on every slope of a landscape, from the seed

    def to_dict(self) -> dict:
        """Plain values for JSON (sessions, remembered settings)."""
        values = dataclasses.asdict(self)
        values["init"] = None if self.init is None else list(self.init)
        return values

    @classmethod
    def from_dict(cls, values) -> RunConfig:
        """The inverse of :meth:`to_dict`; ValueError saying which value is wrong.

        Checks only names and kinds of value: whether they make a run is ``build_trainer``'s to say.
        """
        if not isinstance(values, dict):
            raise ValueError(tr("the settings are missing"))
        unknown = set(values) - {f.name for f in dataclasses.fields(cls)}
        if unknown:
            raise ValueError(tr("unknown setting(s): {names}").format(names=", ".join(sorted(unknown))))
        values = dict(values)
        if isinstance(values.get("init"), list):
            values["init"] = tuple(values["init"])
        for name, kind in _KINDS.items():
            if name in values and not isinstance(values[name], kind):
                raise ValueError(tr("the setting {name} has the wrong kind of value: {value}").format(
                    name=name, value=repr(values[name])[:80]))
        init = values.get("init")
        if init is not None and not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                        and math.isfinite(v) for v in init):
            raise ValueError(tr("the setting {name} has the wrong kind of value: {value}").format(
                name="init", value=repr(init)[:80]))
        config = cls(**values)
        config.check_limits()
        return config

    def check_limits(self) -> None:
        """ValueError, translated, naming the limit, if a count is beyond what a run can hold (see :data:`_RANGES`)."""
        for name, (low, high) in _RANGES.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValueError(tr("the setting {name} must be a whole number from {low:,} to {high:,}, not {value}")
                                 .format(name=name, low=low, high=high, value=repr(value)[:80]))

    def replace(self, **changes) -> RunConfig:
        """A copy with some settings changed."""
        return dataclasses.replace(self, **changes)

    def apply(self, changes: dict) -> tuple[RunConfig, bool]:
        """These settings with ``changes`` made, validated, and whether the run must restart for them.

        A new model or dataset brings what goes with it (see :meth:`with_model`, :meth:`with_dataset`).
        Only :data:`LIVE_SETTINGS` changed: the run goes on. ValueError, translated, if the result
        cannot make a run (checked without beans: cheap enough for every tick of a slider).
        """
        changes = {name: value for name, value in changes.items() if getattr(self, name) != value}
        if not changes:
            return self, False
        changed = self.with_model(changes["model"]) if "model" in changes else self
        if "dataset" in changes:
            changed = changed.with_dataset(changes["dataset"])   # may bring a model that takes its beans
        changed = changed.replace(**{k: v for k, v in changes.items() if k not in ("model", "dataset")})
        changed.validate()
        return changed, not set(self.differences(changed)) <= LIVE_SETTINGS

    def differences(self, other: RunConfig) -> tuple[str, ...]:
        """The names of the settings ``other`` has otherwise, in alphabetical order."""
        names = (f.name for f in dataclasses.fields(self))
        return tuple(sorted(name for name in names if getattr(self, name) != getattr(other, name)))

    def validate(self) -> None:
        """ValueError, translated, if these settings cannot make a run; needs no beans and builds no Trainer.

        Whether given beans suit the model is :meth:`build_trainer`'s to say.
        """
        self._start(self.make_model())
        self._optimizer()   # its own words first (a batch size of 0), then the bounds
        self.check_limits()

    def with_model(self, name: str) -> RunConfig:
        """A copy for another model, keeping the starting values it shares (0.1 for new ones; a
        network starts from its own random weights), and on the model's own dataset if the beans
        have the wrong number of features for it."""
        model = make_model(name, hidden=self.hidden)
        kept = tuple(self.init or ())[:model.n_params]
        init = None if self.init is None or model.random_start else kept + (0.1,) * (model.n_params - len(kept))
        dataset = self.dataset
        if DATASETS[dataset].n_features != model.n_features:
            dataset = model.lesson_dataset
        return self.replace(model=name, init=init, dataset=dataset)

    def with_dataset(self, name: str) -> RunConfig:
        """A copy on another dataset; with another model if the beans' number of features needs one."""
        changed = self.replace(dataset=name, n=DATASETS[name].default_n)
        other = self._model_taking(DATASETS[name].n_features, one_feature="sigmoid")
        if other is not None and name in REGRESSION_DATASETS:
            other = "plane-linear"
        return changed if other is None else changed.with_model(other)

    def with_landscape(self, name: str | None, beans_run: RunConfig | None = None) -> RunConfig:
        """A copy on the landscape ``name`` with its own preset (start, optimizer, learning rate, epochs);
        or back on beans (None), noise off, with a beans run's own settings: ``beans_run``'s (the last
        run on beans before the landscape), else the default run's optimizer, rate and epochs.

        Never the landscape's: they are tuned for f (Rosenbrock's α = 0.001 for 20,000 epochs) and make
        no sense for beans. The last beans run comes first because a teacher who looked at a saddle in
        the middle of lesson 4 wants lesson 4's run back, as it was, not the default one; it is taken
        whole (its dataset and model too), since its optimizer may fit only its own model (lesson 2's
        search tries one w). Without one (the app started on a landscape) the default run's settings,
        which suit any model of the course.
        """
        if name is None:
            if beans_run is not None and beans_run.landscape is None:
                return beans_run.replace(noise=0.0)
            default = RunConfig()
            return self.replace(landscape=None, noise=0.0, init=None, optimizer=default.optimizer, lr=default.lr,
                                epochs=default.epochs, step=default.step, batch_size=default.batch_size,
                                order=default.order)
        terrain = TERRAINS[name]
        return self.replace(landscape=name, init=terrain.start, optimizer=terrain.optimizer, lr=terrain.lr,
                            epochs=terrain.epochs)

    def for_beans(self, beans: Beans) -> RunConfig:
        """These settings for the user's own beans: a model that takes their number of features."""
        other = self._model_taking(beans.n_features, one_feature="wx+b")
        return self if other is None else self.replace(model=other, init=None)

    def _model_taking(self, n_features: int, one_feature: str) -> str | None:
        """None if this model takes beans of ``n_features``; else the model to use instead."""
        if make_model(self.model, hidden=self.hidden).n_features == n_features:
            return None
        return "plane" if n_features == 2 else one_feature

    def make_model(self):
        """The model these settings name, with its loss and hidden layer (or the landscape's f)."""
        if self.landscape is not None:
            return LandscapeModel(self.landscape, self.noise, self.seed)
        if self.noise:
            raise ValueError(tr("gradient noise is for the landscapes (--landscape)"))
        model = model_class(self.model)
        return model.from_settings(self.loss if model.chooses_loss else "mse", self.hidden)

    def make_beans(self) -> Beans:
        """The dataset this configuration names (a landscape's one placeholder bean)."""
        self.check_limits()
        if self.landscape is not None:
            return terrain_beans(self.landscape)
        return make_dataset(self.dataset, self.n, self.seed)

    def build_trainer(self, beans: Beans | None = None) -> Trainer:
        """A trainer for these settings, on ``beans`` or on the named dataset; ValueError if they do not fit."""
        self.check_limits()
        beans = self.make_beans() if beans is None else beans
        model = self.make_model()
        if beans.n_features != model.n_features:
            kinds = {1: tr("one feature (size)"), 2: tr("two features")}
            raise ValueError(tr("model {model} takes {wanted} per bean, but these beans have {given}").format(
                model=model.name, wanted=kinds[model.n_features], given=kinds[beans.n_features]))
        init = self._start(model)
        return Trainer(beans, model, self._optimizer(), order=self.order, init=init, seed=self.seed)

    def _start(self, model) -> tuple[float, ...]:
        """The starting parameters for ``model``; ValueError if the settings give the wrong number."""
        init = tuple(model.initial_params(self.seed)) if self.init is None else tuple(self.init)
        if len(init) != model.n_params:
            raise ValueError(tr("model {model} needs {count} starting value(s) ({names}), got {given}").format(
                model=model.name, count=model.n_params, names=", ".join(model.param_names), given=len(init)))
        return init

    def slope_moved_by(self, n_beans: int):
        """Whose slope each update of this run moves by (a :class:`~beanlab.core.symbols.SlopeName`),
        or None for a run that moves by no slope (lesson 1's rule, lesson 2's search)."""
        from .symbols import slope_of_update   # (symbols is a leaf; imported here to keep this module's head short)

        optimizer = self._optimizer()
        if not optimizer.uses_slope:
            return None
        return slope_of_update(optimizer.beans_per_update(n_beans), n_beans, self.landscape is not None)

    def _optimizer(self):
        return make_optimizer(self.optimizer, lr=self.lr, step=self.step, batch_size=self.batch_size)
