"""One number format for the whole screen (issue 16, item 4): numbers.py and its use in sentences."""
import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from beanlab.core.message import plain
from beanlab.core.numbers import DIGITS, Shown, count, number, same_on_screen

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def read_back(text: str) -> float:
    """The value a written number stands for ("4.71 × 10¹⁰" → 4.71e10)."""
    if "×" in text:
        mantissa, power = text.split(" × 10")
        exponent = int(power.replace("⁻", "-").translate(str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")))
        return float(mantissa) * 10.0 ** exponent
    return float(text)


@pytest.mark.parametrize("value, text", [
    (1.949e-100, "0"), (-6.106e-16, "0"), (-0.0, "0"), (0.0, "0"),
    (47146734794.680466, "4.71 × 10¹⁰"), (51234.0, "51234"), (-2.5e-8, "-2.50 × 10⁻⁸"),
    (22.44981, "22.45"), (0.637, "0.6370"), (-0.01734, "-0.01734"), (1234567.0, "1.23 × 10⁶"),
    (999999.9, "1.00 × 10⁶"), (math.inf, "∞"), (-math.inf, "-∞"), (math.nan, "NaN"),
])
def test_the_issues_numbers_are_written_readably(value, text):
    assert number(value) == text


def test_a_sign_is_written_only_where_asked_and_never_on_zero():
    assert number(0.5, signed=True) == "+0.5000"
    assert number(-0.5, signed=True) == "-0.5000"
    assert number(1.949e-100, signed=True) == "0"
    assert number(0.05, trim=True) == "0.05" and number(2.0, trim=True) == "2"


def test_counts_have_one_separator_for_updates_and_epochs_alike():
    assert count(1032) == "1,032" and count(7) == "7"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_every_number_reads_back_to_its_value_at_the_digits_shown(value):
    text = number(value)
    assert "e" not in text and "-0" != text and not re.fullmatch(r"-0\.?0*", text)
    back = read_back(text)
    if abs(value) < 1e-12:
        assert back == 0
    else:
        digits = 3 if "×" in text else DIGITS
        assert back == pytest.approx(value, rel=10 ** (1 - digits))


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=1e-6, max_value=1e6 * 0.9999))
def test_plain_decimals_between_one_millionth_and_a_million_with_fixed_significant_digits(value):
    text = number(value)
    assert "×" not in text
    significant = text.replace(".", "").lstrip("0")
    assert len(significant) == DIGITS or (len(significant) > DIGITS and "." not in text)


def test_a_sentence_writes_its_numbers_this_way_whatever_its_spec():
    line = str(plain("∂e/∂w = {slope:+.5f}; w {w:.4f}; α = {lr:g}; update {update:,}",
                     slope=np.float64(1.949e-100), w=22.44981, lr=0.05, update=1032))
    assert line == "∂e/∂w = 0; w 22.45; α = 0.05; update 1,032"
    assert format(Shown(47146734794.680466), ".6f") == "4.71 × 10¹⁰"


def test_a_move_too_small_to_see_is_recognised():
    assert same_on_screen(22.44981, 22.44982) and not same_on_screen(22.4498, 22.46)
