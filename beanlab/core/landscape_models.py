"""Rough landscapes: a function f(w, b) of two parameters in place of beans and a model.

The study notes say the real obstacle for gradient descent is not a local minimum but a saddle
point, where the slope is zero and plain descent stops, and that the noise of stochastic descent
can push it past. These let a student see that, with the same optimizers, views and race:

* ``saddle``: f = w² − b² + b⁴/2, a saddle at the origin and minima at b = ±1 (f = −1/2);
* ``two-wells``: f = (w² − 1)² + 0.3·w + b², a shallow well near w = +1 and a deeper one near w = −1;
* ``rosenbrock``: f = (1 − w)² + 100·(b − w²)², the curved banana valley, minimum at (1, 1);
* ``plateau``: f = tanh((w² + b²)/2), a well in a nearly flat plain, where plain descent crawls.

``noise`` adds Gaussian noise to every slope, standing in for the noise of stochastic descent. It
is drawn from the seed and the exact parameters the slope is taken at, so a run is reproducible
and stepping back then forward again gives the same floats.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..i18n import N_, tr
from .datasets import Beans
from .models import Model


@dataclass(frozen=True)
class Terrain:
    name: str
    title: str                      # for menus, marked for translation
    formula: str
    value: Callable                 # f(w, b), on arrays
    slope: Callable                 # (∂f/∂w, ∂f/∂b), on floats
    lowest: tuple[float, float]     # the global minimum (or one of them)
    start: tuple[float, float]      # where a run starts by default
    # its own preset, which choosing it sets (Lessons → Landscapes, or the lesson that is it): the
    # descent that tells its story, and the caption of what to watch (marked for translation)
    caption: str = ""
    optimizer: str = "batch"
    lr: float = 0.1
    epochs: int = 2000
    speed: float = 100              # updates per second it plays at until the teacher chooses


def _sech2(z):
    return 1.0 / np.cosh(z) ** 2


TERRAINS: dict[str, Terrain] = {t.name: t for t in (
    Terrain("saddle", N_("Saddle"), "f = w² − b² + b⁴/2",
            lambda w, b: w * w - b * b + b ** 4 / 2,
            lambda w, b: (2 * w, -2 * b + 2 * b ** 3), (0.0, 1.0), (1.0, 0.0),
            caption=N_("A saddle, f = w² − b² + b⁴/2: from (1, 0) the slope along b is exactly zero, so plain descent "
                       "rolls to the centre, f = 0, and stops.\nRaise the gradient noise (Gradient descent) and watch "
                       "the path slip off the ridge into a valley, f = −1/2."),
            optimizer="batch", lr=0.1, epochs=2000, speed=10),
    Terrain("two-wells", N_("Two wells"), "f = (w² − 1)² + 0.3·w + b²",
            lambda w, b: (w * w - 1) ** 2 + 0.3 * w + b * b,
            lambda w, b: (4 * w * (w * w - 1) + 0.3, 2 * b), (-1.03557871, 0.0), (1.5, 0.8),
            caption=N_("Two wells, f = (w² − 1)² + 0.3·w + b²: from the right, descent settles in the shallow well "
                       "(f ≈ 0.29), not the deeper one on the left (f ≈ −0.31).\nWatch it stop in the nearer well: a "
                       "slope of zero does not mean the lowest point."),
            optimizer="batch", lr=0.05, epochs=500, speed=10),
    # plain descent: α = 0.001, as large as the steep walls allow (0.01 is thrown out at once)
    Terrain("rosenbrock", N_("Rosenbrock's banana valley"), "f = (1 − w)² + 100·(b − w²)²",
            lambda w, b: (1 - w) ** 2 + 100 * (b - w * w) ** 2,
            lambda w, b: (-2 * (1 - w) - 400 * w * (b - w * w), 200 * (b - w * w)), (1.0, 1.0), (-1.2, 1.0),
            caption=N_("Rosenbrock's banana valley, f = (1 − w)² + 100·(b − w²)²: its walls are so steep that plain "
                       "descent needs α = 0.001, and then creeps along the curved floor to (1, 1).\nWatch the path "
                       "drop into the valley, then crawl along it. (Adam at 0.05 gets there in 2,000 updates.)"),
            optimizer="batch", lr=0.001, epochs=20000, speed=1_000),   # thousands of steps along the floor
    Terrain("plateau", N_("Plateau"), "f = tanh((w² + b²)/2)",
            lambda w, b: np.tanh((w * w + b * b) / 2),
            lambda w, b: (w * _sech2((w * w + b * b) / 2), b * _sech2((w * w + b * b) / 2)), (0.0, 0.0),
            (2.5, 2.0),
            caption=N_("A plateau, f = tanh((w² + b²)/2): far from the well the slope is nearly zero, so plain descent "
                       "crawls for hundreds of updates, then drops in.\nWatch the cost stay flat, then fall: a tiny "
                       "slope is not a bottom."),
            optimizer="batch", lr=0.5, epochs=1000, speed=300),
)}


class LandscapeModel(Model):
    """The function f(w, b) of a terrain as a model: its 'loss' is f, whatever the beans."""

    param_names = ("w", "b")
    is_landscape = True
    has_beans = False   # its cost is f itself: no bean is used, so none is shown or counted

    def __init__(self, terrain: str, noise: float = 0.0, seed: int = 0) -> None:
        if terrain not in TERRAINS:
            raise ValueError(tr("unknown landscape {name}; choose one of: {names}").format(
                name=repr(terrain), names=", ".join(TERRAINS)))
        if not (np.isfinite(noise) and noise >= 0):
            raise ValueError(tr("the gradient noise must be a number >= 0, not {value}").format(value=noise))
        self.terrain = TERRAINS[terrain]
        self.name = terrain
        self.noise, self.seed = float(noise), int(seed)

    def predict(self, params, x):
        return np.zeros_like(np.asarray(x, dtype=np.float64))   # no beans to predict

    def loss(self, params, x=None, y=None) -> float:
        with np.errstate(all="ignore"):
            return float(self.terrain.value(float(params[0]), float(params[1])))

    def loss_function(self, x, y):
        def values(rows):
            with np.errstate(all="ignore"):
                return self.terrain.value(rows[:, 0], rows[:, 1])
        return values

    def grad(self, params, x=None, y=None):
        w, b = float(params[0]), float(params[1])
        with np.errstate(all="ignore"):
            slope = np.array(self.terrain.slope(w, b), dtype=np.float64)
        if self.noise:
            # the same point always gets the same noise: reproducible, and step-back safe
            bits = np.array([w, b]).view(np.uint64).tolist()
            slope = slope + np.random.default_rng([self.seed, *bits]).normal(0.0, self.noise, 2)
        return slope

    def optimum(self, x, y):
        return np.array(self.terrain.lowest)

    def is_valley(self, params, step: float = 1e-4) -> bool:
        """Whether ``params`` is the bottom of a valley (f rises every way round it), not a saddle or a
        flat plain: the slope (without noise) changes by a positive-definite matrix around it."""
        w, b = float(params[0]), float(params[1])
        with np.errstate(all="ignore"):
            columns = [(np.array(self.terrain.slope(w + dw, b + db)) - np.array(self.terrain.slope(w - dw, b - db)))
                       / (2 * step) for dw, db in ((step, 0.0), (0.0, step))]
        curvature = np.column_stack(columns)
        curvature = (curvature + curvature.T) / 2
        return bool(np.all(np.isfinite(curvature)) and np.all(np.linalg.eigvalsh(curvature) > 1e-6))

    def initial_params(self, seed: int) -> np.ndarray:
        return np.array(self.terrain.start)


def terrain_beans(name: str) -> Beans:
    """The one placeholder bean a landscape's run goes through (one update per epoch)."""
    return Beans(np.zeros(1), np.zeros(1), name)
