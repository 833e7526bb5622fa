"""Editing beans by hand: add one, move one, remove one. Each edit makes new beans (they are immutable),
so an undo stack only has to keep the beans before and after."""
from __future__ import annotations

import numpy as np

from ..i18n import tr
from .datasets import Beans

FEWEST_BEANS = 2   # a line needs two beans to be fitted


def _checked(beans: Beans, x: float, y: float) -> tuple[float, float]:
    if beans.n_features != 1:
        raise ValueError(tr("beans can be drawn by hand only when they have one feature (size)"))
    if not (np.isfinite(x) and np.isfinite(y)):
        raise ValueError(tr("a bean's size and toxicity must be finite numbers"))
    return float(x), float(y)


def add_bean(beans: Beans, x: float, y: float) -> Beans:
    """These beans and one more, last, at size ``x`` and toxicity ``y``."""
    x, y = _checked(beans, x, y)
    return Beans(np.append(beans.x, x), np.append(beans.y, y), beans.name, columns=beans.columns)


def move_bean(beans: Beans, index: int, x: float, y: float) -> Beans:
    """These beans with bean ``index`` at size ``x`` and toxicity ``y``; the others untouched."""
    x, y = _checked(beans, x, y)
    sizes, toxicities = beans.x.copy(), beans.y.copy()
    sizes[index], toxicities[index] = x, y
    return Beans(sizes, toxicities, beans.name, columns=beans.columns)


def remove_bean(beans: Beans, index: int) -> Beans:
    """These beans without bean ``index``; refused if fewer than two would be left."""
    if len(beans) <= FEWEST_BEANS:
        raise ValueError(tr("at least {count} beans are needed").format(count=FEWEST_BEANS))
    return Beans(np.delete(beans.x, index, axis=0), np.delete(beans.y, index), beans.name, columns=beans.columns)
