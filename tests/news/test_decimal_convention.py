"""Which decimal mark a text writes, read from its figures as a whole (issue 14, review of round eleven).

Why: a text that writes its decimals with commas ("$585,76 million") writes "1,858 billion" for
1.858 billion as well, and bilat reads it so; but one stray decimal comma (a quoted source, a
pasted cell) in copy that otherwise writes "3.5 billion" and "2.1%" does not make that copy's
"1,200 billion" a decimal. Every sentence is invented for the test.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.decimal_commas import uses_decimal_commas
from bilat.news.extract import extract

from news_helpers import claim_of as _claim


def test_one_stray_decimal_comma_in_point_decimal_copy_keeps_the_thousands_comma() -> None:
    text = ("Brazil's imports from the world reached $1,200 billion in 2031, up 3.5 percent, and its exports "
            "rose 2.1% to $1.4 trillion. One trade body put the growth of services at 20,5% in the year.")
    got = extract(text, dt.date(2032, 2, 1))
    assert not uses_decimal_commas(text)
    assert _claim(got, 1.2e12).year == 2031
    assert not [c for c in got.claims if c.value is not None and abs(c.value - 1.2e9) < 1e3]


def test_copy_written_with_decimal_commas_keeps_reading_them() -> None:
    text = ("Ghana's deficit with Peru rose to $585,76 million in 2031, up 4,2% on the year before. Ghana bought "
            "goods from Peru worth $1,858 billion in 2031, while Peru's share of its imports was 3.1 percent.")
    got = extract(text, dt.date(2031, 10, 1))
    assert uses_decimal_commas(text)  # two commas against one point
    assert _claim(got, 1.858e9).year == 2031


def test_a_tie_is_read_as_point_decimals() -> None:
    assert not uses_decimal_commas("Exports grew 4,5% to $2.5 billion.")
    assert uses_decimal_commas("Exports grew 4,5% to $2,5 billion.")
    assert not uses_decimal_commas("Exports grew 4.5% to $2.5 billion.")
