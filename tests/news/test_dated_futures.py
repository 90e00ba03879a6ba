"""A level dated by the page's own calendar ("next year", "in 2033" on a 2031 page) is a target, and
"working to triple trade" is a goal (``bilat.news.target_horizons.future_year``).

Before, "expect trade to hit $3 billion next year" was a claim with no year, "projected to climb to
$4 billion in 2033" a reported actual of 2033 (a year that had not happened), and "working to triple
trade by 2037" nothing at all. The corpus schema's rule: dated future values are targets; a value
expected for the page's own year stays a claim with ``modality: forecast``. Sentences invented for
the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

PUBLISHED = dt.date(2031, 5, 9)


def _targets(text: str) -> list[tuple[str | None, float | None, float | None, int | None]]:
    return [(t.kind, t.target_value, t.multiplier, t.by_year) for t in extract(text, published=PUBLISHED).targets]


def _claims(text: str) -> list[tuple[float | None, int | None, str | None]]:
    return [(c.value, c.year, c.modality) for c in extract(text, published=PUBLISHED).claims]


@pytest.mark.parametrize(("text", "kind", "value", "year"), [
    ("Officials in Peru and Kenya expect trade to hit $3 billion next year.", "expectation", 3e9, 2032),
    ("Trade between Peru and Kenya is projected to climb to $4 billion in 2033.", "projection", 4e9, 2033),
    ("Peru hopes its exports to Kenya will top $900 million next year.", "expectation", 9e8, 2032),
])
def test_a_level_dated_after_the_page_is_a_target(text: str, kind: str, value: float, year: int) -> None:
    assert _targets(text) == [(kind, value, None, year)]
    assert _claims(text) == []


def test_working_to_multiply_trade_by_a_year_is_a_goal() -> None:
    assert _targets("Peru and Kenya are working to triple trade by 2037.") == [("goal", None, 3.0, 2037)]


def test_the_pages_own_year_and_past_years_stay_claims() -> None:
    # expected for the year of writing: a forecast claim, as the schema has it
    assert _claims("Trade between Peru and Kenya is expected to reach $2 billion in 2031.") == [(2e9, 2031, "forecast")]
    assert _targets("Trade between Peru and Kenya is expected to reach $2 billion in 2031.") == []
    # "next year" beside a reported level, or a later event in the sentence, does not make the level a goal
    for text in (
        "Trade between Peru and Kenya rose to $2 billion in 2030 and is expected to grow next year.",
        "Peru's exports to Kenya were $800 million in 2030; the two sides will meet again next year.",
        "Peru will host a trade fair in 2033, after exports to Kenya reached $1 billion in 2030.",
    ):
        assert _targets(text) == [], text
        assert [year for _, year, _ in _claims(text)] == [2030], text


def test_without_a_page_date_next_year_dates_nothing() -> None:
    text = "Officials in Peru and Kenya expect trade to hit $3 billion next year."
    assert [t.by_year for t in extract(text).targets] in ([], [None])
