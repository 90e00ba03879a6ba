""""By the end of YEAR" told in the past tense dates a stock reached; told ahead it stays a deadline.

Sentences written for bilat, with made-up figures.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

DAY = dt.date(2031, 5, 6)


def _years(text: str) -> dict[str, int | None]:
    out = extract(text, published=DAY)
    return {text[c.start:c.end]: c.year for c in out.claims}


@pytest.mark.parametrize("text, span, year", [
    ("By the end of 2027, Korea's direct investment in Peru was 1.35 billion US dollars.", "1.35 billion US dollars", 2027),
    ("By the end of 2028, Korean firms had signed building contracts worth 4.2 billion US dollars in Peru.",
     "4.2 billion US dollars", 2028),
    ("Korea's investment in Peru reached $2 billion by the end of 2026.", "$2 billion", 2026),
])
def test_a_stock_reached_by_a_past_year_end_is_of_that_year(text: str, span: str, year: int) -> None:
    assert _years(text)[span] == year


@pytest.mark.parametrize("text, span", [
    ("Trade was $1 billion and will reach $5 billion by 2035.", "$5 billion"),
    ("By 2035, trade is expected to have reached $9 billion.", "$9 billion"),
])
def test_a_deadline_ahead_never_dates_a_figure(text: str, span: str) -> None:
    assert _years(text).get(span) != 2035
