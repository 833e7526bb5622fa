"""Lesson 6's backpropagation for one bean at a time, in plain floats: per-sample SGD of the network.

The course's chain rule is written once below, in :data:`ONE_BEAN`; a line naming ``{j}`` stands for
one line per hidden neuron j = 1 … k, and ``Σ(…{j}…)`` for the sum of its terms over j.
:func:`per_sample_sgd` writes those lines out for k neurons and compiles the loop once per network
shape: every parameter is then a local variable and there is no inner loop over the neurons
(``bench/lesson6_speed.py``). Each move is lr times a slope; the products are grouped exactly as
``w -= lr * slope * input`` groups them, so the floats are those of the plain loop, with each
product lr·∂e/∂z made once instead of once per parameter it moves.
The network's ``grad`` (neurons.py) is the same chain rule over many beans at once, in numpy.
"""
from __future__ import annotations

import functools
import math
import re
from struct import Struct

import numpy as np

#: ∂(one bean's loss)/∂z2 at the output a = σ(z2), for each loss (float constants: Python's
#: float-float operations are the fast ones; the floats are the same)
OUTPUT_SLOPES = {"mse": "-2.0 * (y - a) * a * (1.0 - a)", "cross-entropy": "a - y"}

ONE_BEAN = """\
z1{j} = w1{j} * x + b1{j}                    # forward: hidden neuron j's input
h{j} = σ(z1{j})                               #   and its activation
z2 = b2 + Σ(w2{j} * h{j})                     # the output neuron adds them up: z2 = b2 + Σ w2j·hj
a = σ(z2)
dz2 = OUTPUT_SLOPE                            # back: ∂e/∂z2
step = lr * dz2                               # lr·∂e/∂z2
step1{j} = lr * (dz2 * w2{j} * h{j} * (1.0 - h{j}))   # lr·∂e/∂z1j, ∂e/∂z1j = ∂e/∂z2 · w2j · σ'(z1j), old w2j
w2{j} -= step * h{j}                          # every slope known: move, ∂e/∂w2j = ∂e/∂z2 · hj
w1{j} -= step1{j} * x                         #   ∂e/∂w1j = ∂e/∂z1j · x
b1{j} -= step1{j}                             #   ∂e/∂b1j = ∂e/∂z1j
b2 -= step                                    #   ∂e/∂b2 = ∂e/∂z2
"""

# σ(z) as statements (a call per neuron would cost a third of the time), written as the course
# writes it, 1 / (1 + e^−z); where e^−z overflows (z < −709.78), numpy's course gets 1 / (1 + inf) = 0
# and math.exp raises: the try costs nothing when it does not
_SIGMA = """\
try:
    {out} = 1.0 / (1.0 + exp(-{z}))
except OverflowError:
    {out} = 0.0"""

# Each update's parameters are packed straight into bytes by one C call (a tuple into an array
# took a third of the loop's time); the loss of the whole block is computed from them afterwards
_LOOP = """\
def sgd_path(params, xs, ys, lr, exp=exp):
    {names}, = (float(v) for v in params)
    lr = float(lr)
    path = []
    record, pack = path.append, Struct("{count}d").pack
    for x, y in zip(xs.tolist(), ys.tolist()):
{body}
        record(pack({names}))
    return np.frombuffer(b"".join(path), dtype=np.float64).reshape(-1, {count})
"""


def _written_out(line: str, hidden: int) -> list[str]:
    """One line of ONE_BEAN as the code for ``hidden`` neurons: σ as statements, ``{j}`` and Σ expanded."""
    code = line.split("#")[0].rstrip()
    code = re.sub(r"Σ\((.+)\)", lambda term: " + ".join(term.group(1).format(j=j) for j in range(1, hidden + 1)),
                  code)
    lines = [code.format(j=j) for j in range(1, hidden + 1)] if "{j}" in code else [code]
    sigma = re.compile(r"^(\w+) = σ\((\w+)\)$")
    out = []
    for each in lines:
        call = sigma.match(each)
        out += _SIGMA.format(out=call.group(1), z=call.group(2)).splitlines() if call else [each]
    return out


@functools.lru_cache(maxsize=None)
def per_sample_sgd(names: tuple[str, ...], loss: str):
    """``sgd_path(params, xs, ys, lr)`` for the network whose parameters are ``names`` (w1j, b1j neuron
    by neuron, then w2j, then b2: :class:`HiddenLayerNet`) learning with ``loss``: the parameters
    after each bean of ``xs, ys`` in turn, one row per bean."""
    hidden = (len(names) - 1) // 3
    lines = [code for line in ONE_BEAN.replace("OUTPUT_SLOPE", OUTPUT_SLOPES[loss]).splitlines()
             for code in _written_out(line, hidden)]
    source = _LOOP.format(names=", ".join(names), count=len(names),
                          body="\n".join(" " * 8 + line for line in lines))
    namespace = {"Struct": Struct, "exp": math.exp, "np": np}
    exec(compile(source, f"<sgd_path of a 1-{hidden}-1 network, {loss}>", "exec"), namespace)
    return namespace["sgd_path"]
