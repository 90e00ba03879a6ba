"""Which year a figure is for, in the wordings trade news uses; sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract

PUB = dt.date(2021, 6, 15)


def _years(text: str, published: dt.date | None = PUB) -> list[tuple[float, int | None]]:
    return [(c.value, c.year) for c in extract(text, published=published).claims]


@pytest.mark.parametrize("text, want", [
    ("Trade between Chile and Peru rose to $5 billion in 2019 from $4 billion a year earlier.",
     [(5e9, 2019), (4e9, 2018)]),
    ("Peru's exports to Chile were $2 billion in 2017. The following year they reached $2.4 billion.",
     [(2e9, 2017), (2.4e9, 2018)]),
    ("Kenya's imports from Turkey hit $700 million in 2016, and a year later $800 million.",
     [(7e8, 2016), (8e8, 2017)]),
    ("In 2015 Ghana sold $90 million of cocoa to Korea; the previous year it had sold $70 million.",
     [(9e7, 2015), (7e7, 2014)]),
])
def test_a_year_told_from_the_year_before_it(text: str, want: list) -> None:
    assert _years(text) == want


@pytest.mark.parametrize("text", [
    "Chile and Peru traded goods worth $5 billion in 2019, up 12 percent from the previous year.",
    "Two-way trade between Chile and Peru reached $5 billion in 2019, 12 percent more than last year.",
    "Bilateral trade between Chile and Peru climbed to $5 billion in 2019, a rise of 12 percent over the previous year.",
])
def test_the_comparison_base_does_not_date_the_growth(text: str) -> None:
    assert [y for _, y in _years(text)] == [2019, 2019]


@pytest.mark.parametrize("text, year", [
    ("Bilateral trade between Norway and Chile was worth $900 million last year.", 2020),
    ("Trade between Kenya and Turkey amounted to $1.1 billion for 2018.", 2018),
    ("In 2019, two-way trade between Egypt and Italy stood at $5 billion.", 2019),
    ("Egypt's exports to Italy during 2018 came to $1.2 billion.", 2018),
    ("In 2017 Chile exported $300 million of fruit to Korea.", 2017),
    ("Chile and Peru's bilateral trade in FY20 stood at $3 billion.", 2019),
    ("Bilateral trade between Chile and Peru was $3 billion (2019).", 2019),
    ("As of 2019, bilateral trade between Chile and Peru was $3 billion.", 2019),
    ("The 2019 figure for bilateral trade between Chile and Peru was $3 billion.", 2019),
    ("In 2016 Korean buyers imported $250 million of Chilean fruit.", 2016),
])
def test_years_before_and_after_the_amount(text: str, year: int) -> None:
    assert [y for _, y in _years(text)] == [year]


def test_the_figure_again_is_the_same_measure() -> None:
    claims = extract("In 2018 Chile shipped $400 million of copper to Vietnam. The next year the figure "
                     "rose to $450 million.", published=PUB).claims
    assert [(c.measure, c.from_, c.to, c.year) for c in claims] == [
        ("exports", "CHL", "VNM", 2018), ("exports", "CHL", "VNM", 2019)]


def test_traded_is_a_trade_word() -> None:
    claims = extract("Chile and Peru traded goods worth $5 billion in 2019.", published=PUB).claims
    assert [c.measure for c in claims] == ["bilateral_trade_total"]


def test_the_year_an_agreement_took_effect_does_not_date_a_later_figure() -> None:
    text = ("Chile and Korea say their upgraded trade pact took effect in March 2019.\n"
            "Chilean fruit sales to Korea grew 9 percent in the first half.")
    claims = extract(text, published=dt.date(2020, 7, 20)).claims
    assert [(c.value, c.year, c.period) for c in claims] == [(9, 2020, "2020-H1")]


@pytest.mark.parametrize("head, date", [
    ("Published: 12 March 2019\n", dt.date(2019, 3, 12)),
    ("Updated Mar 12, 2019, 10:30 IST\n", dt.date(2019, 3, 12)),
    ("By Staff Writer\nTuesday, 5 June 2018\n", dt.date(2018, 6, 5)),
])
def test_a_date_line_near_the_top_is_the_publication_date(head: str, date: dt.date) -> None:
    e = extract(head + "Trade between Chile and Peru rose to $3 billion last year.")
    assert (e.published, [c.year for c in e.claims]) == (date, [date.year - 1])


def test_a_sentence_that_starts_with_a_date_is_not_a_date_line() -> None:
    e = extract("On March 12, 2019, Chile and Peru signed a memorandum of understanding in Lima on trade.\n")
    assert e.published is None


# --- figures named by their source's year; periods and measures carried (written for this test) --

def test_a_year_after_according_to_dates_the_figures() -> None:
    assert _years("According to 2018 figures from the ministry, Peru exported $2 billion of goods to Chile.") == [
        (2e9, 2018)]


def test_a_period_that_opens_the_sentence_dates_every_amount_in_it() -> None:
    found = extract("In the first quarter of 2020, trade between Chile and Peru rose 6 percent to $1.1 billion.",
                    published=PUB)
    assert [(c.value, c.year, c.period) for c in found.claims] == [(6.0, 2020, "2020-Q1"), (1.1e9, 2020, "2020-Q1")]


def test_a_bare_movement_goes_on_with_the_measure_before_it() -> None:
    found = extract("Trade between Chile and Peru hit $4 billion in 2018, but fell to $3.5 billion in 2019 and "
                    "recovered to $3.9 billion in 2020. In 2016 it was $3.2 billion.", published=PUB)
    assert [(c.value, c.year, c.measure) for c in found.claims] == [
        (4e9, 2018, "bilateral_trade_total"), (3.5e9, 2019, "bilateral_trade_total"),
        (3.9e9, 2020, "bilateral_trade_total"), (3.2e9, 2016, "bilateral_trade_total")]
