"""The subject of "will invest" is the investor (``bilat.news.finance_sides``), even when the other
country of the pair opens the sentence: "Chile hopes Korea will invest $2 billion" runs from Korea.
Before, the sentence's first country was read as the investor. Sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

PUBLISHED = dt.date(2030, 6, 3)


def _sides(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.from_, c.to) for c in extract(text, published=PUBLISHED).claims]


@pytest.mark.parametrize(("text", "sides"), [
    ("Chile hopes Korea will invest $2 billion.", [("KOR", "CHL")]),
    ("Chile courts Asian money for its new port fund, into which Korea said last week it would invest $900 million.",
     [("KOR", "CHL")]),
    ("Chile welcomed the news that Korea plans to invest $300 million in its mines.", [("KOR", "CHL")]),
    ("Chile said Korea had agreed to invest $1 billion.", [("KOR", "CHL")]),
    ("Chile wants Asian money for its fund, into which Korea earlier this month said it would invest $2 billion.",
     [("KOR", "CHL")]),
])
def test_the_subject_of_will_invest_is_the_investor(text: str, sides: list[tuple[str, str]]) -> None:
    assert _sides(text) == sides


def test_a_third_country_named_as_the_destination_stays_the_destination() -> None:
    assert _sides("Chile and Korea met; Korea will invest $5 billion in Vietnam.") == [("KOR", "VNM")]
