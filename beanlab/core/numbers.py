"""One way to write a number on screen: the readouts, the explanation, the race, the exports.

A teacher reads numbers out loud, so every value is written with the same number of significant
digits (:data:`DIGITS`), in plain decimals between 10⁻⁶ and 10⁶ and with a readable power of ten
beyond ("4.71 × 10¹⁰", never "4.71e+10" nor "47146734794.680466"); what is too small to matter is
written 0 (never "+1.949e-100" nor "-0.00000"). Counts (updates, epochs, beans) are whole numbers
with a thousands separator, the same for every count ("epoch 1,032", "update 1,032").

:class:`Shown` lets a sentence template keep its Python format spec ("{value:+.5f}"): the spec's
sign is kept, its precision gives way to this module's digits, so every sentence, translated or not,
writes its numbers this way.
"""
from __future__ import annotations

import math
import numbers as _abc

DIGITS = 4                 # significant digits of every value: parameters, slopes, costs, bean values
ZERO_BELOW = 1e-12         # smaller than this (in size) is written 0: it is rounding noise, not a value
PLAIN_FROM, PLAIN_TO = 1e-6, 1e6   # between these sizes plain decimals; beyond them a power of ten
MANTISSA_DIGITS = 3        # "4.71 × 10¹⁰": a mantissa a teacher can say
MINUS = "-"                # ASCII: a number copied from the screen still reads as a number

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def number(value: float, digits: int = DIGITS, signed: bool = False, trim: bool = False) -> str:
    """``value`` with ``digits`` significant digits; ``signed``: "+" before a positive value;
    ``trim``: without trailing zeros (a setting such as a learning rate, "0.05")."""
    value = float(value)
    if math.isnan(value):
        return "NaN"
    sign = MINUS if value < 0 else "+" if signed and value > 0 else ""
    size = abs(value)
    if math.isinf(size):
        return f"{sign}∞"
    if size < ZERO_BELOW:
        return "0"
    mantissa, exponent = _rounded(size, digits)
    if not (PLAIN_FROM <= size < PLAIN_TO) or exponent >= 6:
        mantissa, exponent = _rounded(size, min(digits, MANTISSA_DIGITS))
        text = f"{mantissa:.{min(digits, MANTISSA_DIGITS) - 1}f}"
        if trim:
            text = _trimmed(text)
        return f"{sign}{text} × 10{str(exponent).translate(_SUPERSCRIPT)}"
    decimals = max(0, digits - 1 - exponent)
    text = f"{size:.{decimals}f}"
    return sign + (_trimmed(text) if trim else text)


def count(value: int) -> str:
    """A whole number of things (updates, epochs, beans): "1,032"."""
    return f"{int(value):,}"


def bean_number(index: int) -> int:
    """A bean as the screen numbers it: from 1, as the bean editor's rows and a CSV's lines do."""
    return int(index) + 1


def beans_span(indices) -> str:
    """The beans of an update as the screen numbers them: "4", "1–10", "3, …"."""
    numbers = [bean_number(i) for i in indices]
    if len(numbers) == 1:
        return str(numbers[0])
    if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{numbers[0]}–{numbers[-1]}"
    return f"{numbers[0]}, …"   # a shuffled batch: its first bean (the count goes beside it)


def same_on_screen(before: float, after: float, digits: int = DIGITS) -> bool:
    """Whether a move from ``before`` to ``after`` is too small to see at ``digits`` digits."""
    return number(before, digits) == number(after, digits)


def _rounded(size: float, digits: int) -> tuple[float, int]:
    """(mantissa in [1, 10), exponent) of ``size`` rounded to ``digits`` significant digits."""
    text = f"{size:.{digits - 1}e}"
    mantissa, exponent = text.split("e")
    return float(mantissa), int(exponent)


def _trimmed(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


class Shown:
    """A value for a sentence template: formatted by :func:`number` whatever the template's spec.

    "{x:.4f}" and "{x:+.5f}" both write 4 significant digits (with a sign for "+"); a "g" spec
    ("{lr:g}") writes a setting without trailing zeros; an integer spec ("{update:,}") a count.
    """

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def __format__(self, spec: str) -> str:
        if spec.endswith("d") or spec == ",":
            return format(int(self.value), spec)
        digits = DIGITS
        if spec.endswith("g"):
            precision = spec.lstrip("+-, ").rstrip("g").lstrip(".")
            digits = int(precision) if precision.isdigit() else 6
        return number(self.value, digits, signed="+" in spec, trim=spec.endswith("g"))

    def __str__(self) -> str:
        return number(self.value)

    def __repr__(self) -> str:
        return f"Shown({self.value!r})"


def shown(value):
    """``value`` ready for a sentence template: floats (numpy's too) as :class:`Shown`, the rest as it is."""
    if isinstance(value, bool) or isinstance(value, _abc.Integral):
        return value
    if isinstance(value, _abc.Real):
        return Shown(value)
    return value
