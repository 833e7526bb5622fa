"""The course's bean datasets A–G, generated reproducibly from a seed.

The course draws every number with ``np.random.rand`` (uniform on [0, 1)) and no seed; BeanLab
makes the same draws, in the same order, from its own ``numpy.random.Generator``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..i18n import N_, tr


@dataclass(frozen=True)
class FeatureScale:
    """How standardised features came from raw ones (x = (raw − mean) / std), to say a fitted
    formula in the raw units: the made-up house prices train on standardised area and age."""

    means: tuple[float, float]
    stds: tuple[float, float]
    names: tuple[str, str]          # the raw features, with units; marked for translation
    target: str                     # what y is, with its unit; marked for translation

    def raw_formula(self, params) -> tuple[float, float, float]:
        """(w1, w2, b) of ŷ = w1·x1 + w2·x2 + b, for raw x1, x2: w/std, b − Σ w·mean/std."""
        w = np.asarray(params[:2], dtype=np.float64) / np.asarray(self.stds)
        return float(w[0]), float(w[1]), float(params[2] - w @ np.asarray(self.means))

    def describe(self, params) -> str:
        """e.g. ``price (10,000 yuan) ≈ 1.98·area (m²) − 1.52·age (years) + 41.3``."""
        w1, w2, b = self.raw_formula(params)
        return tr("{target} ≈ {w1:.4g}·{x1} {sign2} {w2:.4g}·{x2} {sign} {b:.4g}").format(
            target=tr(self.target), w1=w1, x1=tr(self.names[0]), sign2="−" if w2 < 0 else "+", w2=abs(w2),
            x2=tr(self.names[1]), sign="−" if b < 0 else "+", b=abs(b))


@dataclass(frozen=True)
class Beans:
    """A set of beans: sizes ``x`` (shape (n,) or (n, 2)) and toxicities ``y`` (shape (n,))."""

    x: np.ndarray
    y: np.ndarray
    name: str = "beans"
    scale: FeatureScale | None = field(default=None, compare=False)   # set when x was standardised
    # the names the beans' file gave the size column(s) and the toxicity column (大小, 毒性), if it named them
    columns: tuple[str, ...] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        x = np.array(self.x, dtype=np.float64)  # a private, read-only copy
        y = np.array(self.y, dtype=np.float64)
        if x.ndim not in (1, 2) or y.ndim != 1 or len(x) != len(y):
            raise ValueError(f"x must have shape (n,) or (n, 2) and y shape (n,); got {x.shape}, {y.shape}")
        x.flags.writeable = False
        y.flags.writeable = False
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)

    @property
    def n_features(self) -> int:
        """1 for a bean's size alone, 2 for size and colour depth."""
        return 1 if self.x.ndim == 1 else self.x.shape[1]

    def __len__(self) -> int:
        return len(self.y)


@dataclass(frozen=True)
class DatasetInfo:
    """How the course names a dataset and what it is for."""

    name: str
    letter: str
    lessons: str
    formula: str
    n_features: int
    make: object = field(repr=False)
    default_n: int = 100   # how many samples it comes with

    @property
    def title(self) -> str:
        """A label for menus, e.g. ``B · lesson 4 · y ≈ 0.7x + 0.5``."""
        if not self.lessons:
            return tr("{letter} · {formula}").format(letter=self.letter, formula=tr(self.formula))
        return tr("{letter} · lesson {lessons} · {formula}").format(letter=self.letter, lessons=self.lessons,
                                                                   formula=tr(self.formula))


def _sorted_sizes(rng: np.random.Generator, n: int, scale: float = 1.0) -> np.ndarray:
    # The course sorts the sizes first and then draws one noise term per sorted bean.
    return np.sort(rng.random(n)) * scale


def make_line(n: int = 100, seed: int = 0) -> Beans:
    """A (lessons 1–3): ``y = 1.2·x + U[0, 0.1)``."""
    rng = np.random.default_rng(seed)
    x = _sorted_sizes(rng, n)
    return Beans(x, 1.2 * x + rng.random(n) / 10, "line")


def make_line_bias(n: int = 100, seed: int = 0) -> Beans:
    """B (lesson 4): ``y = 0.7·x + (0.5 − U[0,1))/5 + 0.5``."""
    rng = np.random.default_rng(seed)
    x = _sorted_sizes(rng, n)
    return Beans(x, 0.7 * x + (0.5 - rng.random(n)) / 5 + 0.5, "line-bias")


def _toxicity_score(rng: np.random.Generator, x: np.ndarray) -> np.ndarray:
    # The hidden score lessons 5, 6 and 8 threshold: 0.7·x + (0.5 − U[0,1))/50 + 0.5.
    return 0.7 * x + (0.5 - rng.random(len(x))) / 50 + 0.5


def make_threshold(n: int = 100, seed: int = 0) -> Beans:
    """C (lesson 5): toxic (1) when the score passes 0.8."""
    rng = np.random.default_rng(seed)
    x = _sorted_sizes(rng, n)
    return Beans(x, (_toxicity_score(rng, x) > 0.8).astype(float), "threshold")


def make_window(n: int = 100, seed: int = 0) -> Beans:
    """D (lesson 6): sizes in [0, 2); medium beans (0.8 < score < 1.4) are toxic."""
    rng = np.random.default_rng(seed)
    x = _sorted_sizes(rng, n, 2.0)
    score = _toxicity_score(rng, x)
    return Beans(x, ((score > 0.8) & (score < 1.4)).astype(float), "window")


def make_two_windows(n: int = 100, seed: int = 0) -> Beans:
    """G (lesson 8): as D, and also toxic where 1.6 < score < 1.8."""
    rng = np.random.default_rng(seed)
    x = _sorted_sizes(rng, n, 2.0)
    score = _toxicity_score(rng, x)
    toxic = ((score > 0.8) & (score < 1.4)) | ((score > 1.6) & (score < 1.8))
    return Beans(x, toxic.astype(float), "two-windows")


def make_plane(n: int = 100, seed: int = 0) -> Beans:
    """E (lesson 7): size and colour depth in [0, 2)²; toxic when x1 − 0.5·x2 − 0.1 > 0."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 2)) * 2
    return Beans(x, (x[:, 0] - 0.5 * x[:, 1] - 0.1 > 0).astype(float), "plane")


def make_circle(n: int = 100, seed: int = 0) -> Beans:
    """F (lesson 7's question): toxic inside the circle (x1 − 1)² + (x2 − 0.3)² < 0.5."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 2)) * 2
    return Beans(x, ((x[:, 0] - 1) ** 2 + (x[:, 1] - 0.3) ** 2 < 0.5).astype(float), "circle")


def make_spiral(n: int = 100, seed: int = 0) -> Beans:
    """S (lesson 9, the course's "mosquito coil", 蚊香): two arms of n/2 beans, toxic (1) first; bean i
    of an arm of m at radius 5·i/m, angle 1.75·2π·i/m (+π for the not-toxic arm), each coordinate with
    U(−0.1, 0.1) noise drawn x1 then x2, bean by bean, as the course's dataset.py draws them."""
    rng = np.random.default_rng(seed)
    points, labels = [], []
    # each arm as the course's genSpiral(counts, Δ, label); an odd n gives the toxic arm the extra bean
    for count, shift, label in ((n - n // 2, 0.0, 1.0), (n // 2, np.pi, 0.0)):
        i = np.arange(count)
        radius, angle = i / count * 5, 1.75 * i / count * 2 * np.pi + shift
        noise = rng.uniform(-0.1, 0.1, (count, 2))
        points.append(np.column_stack([radius * np.sin(angle), radius * np.cos(angle)]) + noise)
        labels.append(np.full(count, label))
    return Beans(np.vstack(points), np.concatenate(labels), "spiral")


def make_xor(n: int = 100, seed: int = 0) -> Beans:
    """X (lesson 9's story): size and colour depth in [0, 2)²; toxic when exactly one passes 1."""
    rng = np.random.default_rng(seed)
    x = rng.random((n, 2)) * 2
    return Beans(x, ((x[:, 0] > 1) != (x[:, 1] > 1)).astype(float), "xor")


def make_d2l(n: int = 1000, seed: int = 0) -> Beans:
    """The textbook's synthetic regression data: x ~ N(0, 1)², y = 2·x1 − 3.4·x2 + 4.2 + N(0, 0.01²)."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0.0, 1.0, (n, 2))
    return Beans(x, x @ np.array([2.0, -3.4]) + 4.2 + rng.normal(0.0, 0.01, n), "d2l")


def make_house(n: int = 100, seed: int = 0) -> Beans:
    """Made-up house prices (not real data): area 40–160 m², age 0–40 years, price in 10,000 yuan
    ≈ 2·area − 1.5·age + 40 + N(0, 12²). The features are standardised for training."""
    rng = np.random.default_rng(seed)
    raw = np.column_stack([rng.uniform(40, 160, n), rng.uniform(0, 40, n)])
    price = raw @ np.array([2.0, -1.5]) + 40 + rng.normal(0.0, 12.0, n)
    means, stds = raw.mean(axis=0), raw.std(axis=0)
    stds = np.where(stds > 0, stds, 1.0)   # one house has no spread to divide by
    scale = FeatureScale(tuple(means.tolist()), tuple(stds.tolist()), (N_("area (m²)"), N_("age (years)")),
                         N_("price (10,000 yuan)"))
    return Beans((raw - means) / stds, price, "house", scale)


DATASETS: dict[str, DatasetInfo] = {
    info.name: info
    for info in (
        DatasetInfo("line", "A", "1–3", "y ≈ 1.2x", 1, make_line),
        DatasetInfo("line-bias", "B", "4", "y ≈ 0.7x + 0.5", 1, make_line_bias),
        DatasetInfo("threshold", "C", "5", N_("toxic above a size"), 1, make_threshold),
        DatasetInfo("window", "D", "6", N_("medium beans toxic"), 1, make_window),
        DatasetInfo("plane", "E", "7", N_("toxic below a line in (x1, x2)"), 2, make_plane),
        DatasetInfo("circle", "F", "7", N_("toxic inside a circle"), 2, make_circle),
        DatasetInfo("two-windows", "G", "8", N_("two toxic size windows"), 1, make_two_windows),
        DatasetInfo("spiral", "S", "9", N_("two spiral arms, toxic and not"), 2, make_spiral),
        DatasetInfo("xor", "X", "9", N_("toxic where exactly one feature is large"), 2, make_xor),
        DatasetInfo("d2l", "T", "", N_("textbook: y = 2·x1 − 3.4·x2 + 4.2"), 2, make_d2l, 1000),
        DatasetInfo("house", "H", "", N_("made-up house prices from area and age"), 2, make_house),
    )
}


def make_dataset(name: str, n: int = 100, seed: int = 0) -> Beans:
    """Generate the course dataset called ``name`` with ``n`` beans from ``seed``."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of: {', '.join(DATASETS)}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"the number of beans must be a whole number >= 1, not {n!r}")
    return DATASETS[name].make(int(n), seed)
