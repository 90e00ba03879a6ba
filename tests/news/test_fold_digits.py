"""A multiple written in digits or hedged by "up to" is a goal's multiplier too: "raise bilateral trade by
up to 12 times", "increase trade 5-fold by 2040" (``bilat.news.targets._FOLD``); only number words
("tenfold", "by three times") were read before. Sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

PUBLISHED = dt.date(2030, 6, 3)


@pytest.mark.parametrize(("text", "multiplier", "year"), [
    ("Ghana and Peru aim to raise bilateral trade by up to 12 times.", 12.0, None),
    ("Ghana and Peru plan to increase trade 5-fold by 2040.", 5.0, 2040),
    ("Ghana and Peru aim to raise trade by three times by 2036.", 3.0, 2036),
])
def test_a_multiple_in_digits_or_up_to_is_a_goal(text: str, multiplier: float, year: int | None) -> None:
    assert [(t.multiplier, t.by_year) for t in extract(text, published=PUBLISHED).targets] == [(multiplier, year)]
