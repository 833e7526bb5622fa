"""What the screen calls a cost and a slope: one symbol, one name for each meaning.

Three different slopes can be on screen at once, and each gets its own symbol and name:

* **E**, the whole cost: the mean squared error over all the beans. The cost curves and the bowl draw
  E, and the green tangent is its slope ∂E/∂w, "the slope of the whole cost".
* **e**, the cost of this update's beans alone: one bean's squared error (ŷ − y)² in per-sample
  descent, a batch's mean in mini-batch descent. Its slope ∂e/∂w, "this bean's slope", is what the
  update moves by; it is drawn in the colour of this update's bean. (With every bean in the
  update, e is E and the slope is the whole cost's.)
* **f**, a landscape's function f(w, b), which stands in for the cost there.

Lesson 1's perceptron rule uses no cost and no slope; there "e" is the course's error e = y − ŷ,
and the window names the cost E even there, so that e is never both an error and a cost.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_


@dataclass(frozen=True)
class SlopeName:
    cost: str        # the cost's symbol: "E", "e" or "f"
    whose: str       # in a sentence, marked for translation: "this bean's slope" …
    short: str       # beside a number, marked for translation: "this bean" …

    def symbol(self, name: str) -> str:
        """∂e/∂w, ∂E/∂b … (the same in every language)."""
        return f"∂{self.cost}/∂{name}"


WHOLE_COST = SlopeName("E", N_("the slope of the whole cost"), N_("all beans"))
THIS_BEAN = SlopeName("e", N_("this bean's slope"), N_("this bean"))
THIS_BATCH = SlopeName("e", N_("this batch's slope"), N_("this batch"))
# one f, but two moments: the readouts' ∂f/∂w is the slope this update moved by, measured before the
# move; the cost slices' tangent is the slope at the ball now ("at the ball"). Each says which it is.
LANDSCAPE = SlopeName("f", N_("the slope of f"), N_("this update"))

COST = N_("cost E")                       # the whole cost, as the readouts and the cost plots name it
COST_OF_ALL = N_("cost E (all beans)")    # in the readouts: of every bean, not this update's


def whole_cost_of(model) -> SlopeName:
    """What the cost plots name the whole cost of ``model``: E of the beans, or a landscape's f."""
    return WHOLE_COST if getattr(model, "has_beans", True) else LANDSCAPE


def slope_of_update(beans_per_update: int, n_beans: int, on_landscape: bool = False) -> SlopeName:
    """The slope an update moves by, named for how many of the beans it uses."""
    if on_landscape:
        return LANDSCAPE
    if beans_per_update >= n_beans:
        return WHOLE_COST
    return THIS_BEAN if beans_per_update == 1 else THIS_BATCH
