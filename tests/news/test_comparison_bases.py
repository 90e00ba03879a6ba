"""A figure and what it is compared with: the base has its own year, the change keeps the figure's.

Wire copy from statistics offices writes a period's figure, its change, and the base figure in
one sentence ("... $52 million in 2019, down 8.5 percent compared to 2018 ($56.8 million)"), and
goes on from the period of the sentence before ("during the period under review"). Sentences
written for this test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract

PUB = dt.date(2023, 5, 10)


def _rows(text: str) -> list[tuple]:
    return [(c.text, c.measure, c.value, c.year, c.period, c.from_, c.to) for c in extract(text, published=PUB).claims]


def test_a_base_in_parentheses_after_its_year() -> None:
    rows = _rows("Trade turnover between Peru and Ghana totaled $52 million in 2019, declining by 8.5 percent "
                 "compared to 2018 ($56.8 million).")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("$52 million", "bilateral_trade_total", 52e6, 2019),
        ("8.5 percent", "growth", -8.5, 2019),
        ("$56.8 million", "bilateral_trade_total", 56.8e6, 2018),
    ]


def test_a_base_after_than_keeps_its_quarter() -> None:
    rows = _rows("In the first quarter of 2022 Ghana imported goods worth $3 million from Peru, which is "
                 "12.5 percent less than $3.4 million in 1Q2021.")
    assert [(r[0], r[2], r[3], r[4], r[5], r[6]) for r in rows] == [
        ("$3 million", 3e6, 2022, "2022-Q1", "PER", "GHA"),
        ("12.5 percent", -12.5, 2022, "2022-Q1", "PER", "GHA"),
        ("$3.4 million", 3.4e6, 2021, "2021-Q1", "PER", "GHA"),
    ]


def test_a_base_of_the_corresponding_period_goes_on_with_the_figure() -> None:
    rows = _rows("Exports from Peru to Ghana in the first three months of 2023 totaled about $4,900. "
                 "The figure decreased by 80 percent compared to the corresponding period of 2022 ($24,500).")
    assert [(r[0], r[1], r[3], r[4], r[5], r[6]) for r in rows] == [
        ("about $4,900", "exports", 2023, "2023-01..2023-03", "PER", "GHA"),
        ("80 percent", "growth", 2023, "2023-01..2023-03", "PER", "GHA"),
        ("$24,500", "exports", 2022, "2022-01..2022-03", "PER", "GHA"),
    ]


def test_the_period_under_review_is_the_period_before() -> None:
    rows = _rows("Trade between Peru and Ghana reached $2 million from January through March 2023.\n\n"
                 "During the period under review, Ghana imported from Peru goods worth $1.2 million.")
    assert [(r[0], r[3], r[4]) for r in rows] == [
        ("$2 million", 2023, "2023-01..2023-03"),
        ("$1.2 million", 2023, "2023-01..2023-03"),
    ]


def test_a_base_in_parentheses_after_a_change() -> None:
    rows = _rows("In January-March 2023, trade between Peru and Ghana fell 35 percent year-on-year "
                 "($1.5 million in 1Q2022).")
    assert [(r[0], r[3], r[4]) for r in rows] == [("35 percent", 2023, "2023-01..2023-03"),
                                                  ("$1.5 million", 2022, "2022-Q1")]


def test_the_preceding_year_in_parentheses() -> None:
    rows = _rows("Ghana's exports to Peru in 2022 amounted to $140,000, which is 25 percent less than in "
                 "the preceding year ($186,000).")
    assert [(r[0], r[2], r[3], r[5], r[6]) for r in rows] == [
        ("$140,000", 140e3, 2022, "GHA", "PER"),
        ("25 percent", -25, 2022, "GHA", "PER"),
        ("$186,000", 186e3, 2021, "GHA", "PER"),
    ]


@pytest.mark.parametrize("text, want", [
    ("Trade between Peru and Ghana rose to $5 billion in 2019 from $4 billion a year earlier.",
     [(5e9, 2019), (4e9, 2018)]),
    ("Bilateral trade between Chile and Peru climbed to $5 billion in 2019, a rise of 12 percent over the "
     "previous year.", [(5e9, 2019), (12, 2019)]),
    ("Peru's exports to Ghana grew from $40 million in 2017 to $55 million in 2020.",
     [(40e6, 2017), (55e6, 2020)]),
])
def test_what_held_before_still_holds(text: str, want: list) -> None:
    assert [(r[2], r[3]) for r in _rows(text)] == want


def test_a_change_over_a_span_of_years_is_told_for_its_last_year() -> None:
    rows = _rows("Trade between Peru and Chile was $1.8 billion in 2008 and has increased 300% between 2002 and 2007.")
    assert [(r[0], r[3]) for r in rows] == [("$1.8 billion", 2008), ("300%", 2007)]


def test_since_a_year_dates_the_figure_a_rise_starts_from() -> None:
    rows = _rows("Since the two sides signed the pact in 2010, Peru's trade with Chile has leapt from $235.5 billion "
                 "to $696.7 billion last year.")
    assert [(r[0], r[3]) for r in rows] == [("$235.5 billion", 2010), ("$696.7 billion", 2022)]


def test_months_of_this_year_in_an_undated_text_give_no_other_year() -> None:
    got = extract("In the period between January and August this year, trade between Peru and Chile was $1.8 billion "
                  "and has increased 300% between 2002 and 2007.")
    assert [(c.text, c.year) for c in got.claims] == [("$1.8 billion", None), ("300%", 2007)]
