"""Round six: discourse-level rules found on a fresh set of real articles, proved here on sentences
written for this test (invented places and figures).

A sentence that names no year, pair or side of its own goes on from what the sentences before it
established: the part-year named before, the subject of the clause before, the batch of
instruments counted before."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract
from bilat.news.money import find_amounts

PUB = dt.date(2021, 5, 4)


def _claim(got, value):
    return next(c for c in got.claims if c.value is not None and abs(c.value - value) < 1e-6 * max(1, abs(value)))


@pytest.mark.parametrize("text, value", [
    ("Chile-Norway trade up 3 pc to $7 Bln", 7e9),
    ("Norway exports to Chile hit $450 Mln", 4.5e8),
    ("Chile trade with Norway reached $2.5 BN", 2.5e9),
])
def test_capitalised_scale_abbreviations(text: str, value: float) -> None:
    assert any(abs(a.value - value) < 1 for a in find_amounts(text) if a.unit == "money")


def test_a_bare_part_year_takes_the_year_it_was_last_named_with() -> None:
    text = ("Trade between Chile and Norway rose 4.1 percent to $3.2 billion in January-March 2031, the customs "
            "office said.\n\nIn 2030, the two countries traded goods worth $11.5 billion.\n\n"
            "Trade between Chile and Peru fell 2.2 percent in January-March year on year, to $1.4 billion.")
    got = extract(text, published=dt.date(2031, 4, 20))
    for value in (-2.2, 1.4e9):
        claim = _claim(got, value)
        assert claim.year == 2031
        assert claim.period == "2031-01..2031-03"
    assert _claim(got, 11.5e9).year == 2030


def test_a_part_year_with_its_own_year_keeps_it() -> None:
    text = ("Trade between Chile and Norway rose to $3.2 billion in January-March 2031.\n\n"
            "Exports from Chile to Norway were $0.9 billion in January-March 2029.")
    got = extract(text, published=dt.date(2031, 4, 20))
    assert _claim(got, 0.9e9).year == 2029


@pytest.mark.parametrize("text, value, year", [
    ("Chile and Norway said bilateral trade will be elevated to $40 billion, well before the target year of "
     "2035.", 4e10, 2035),
    ("The ministers said they were elevating trade to $25 billion before the target year 2034.", 2.5e10, 2034),
])
def test_target_year_phrase_dates_a_goal(text: str, value: float, year: int) -> None:
    got = extract("Chile and Norway. " + text, published=PUB)
    assert [(t.target_value, t.by_year) for t in got.targets] == [(value, year)]
    assert all(c.value != value for c in got.claims)


def test_soon_is_a_vague_horizon() -> None:
    got = extract("Chile and Norway. The minister was confident that trade between the two could grow to "
                  "$6 billion soon.", published=PUB)
    assert [t.target_value for t in got.targets] == [6e9]
    assert all(c.value != 6e9 for c in got.claims)


def test_soon_in_the_past_is_no_horizon() -> None:
    got = extract("Chile and Norway. Trade rose to $6 billion last year and soon after fell.", published=PUB)
    assert got.targets == []


def _agreements(text: str, published=PUB):
    return extract(text, published=published).agreements


def test_a_counted_batch_absorbs_its_listed_items() -> None:
    text = ("Chile and Norway have signed six memorandum of understanding (MoUs) on cooperation in six sectors.\n"
            "The MoUs were signed in Oslo on Tuesday.\n"
            "The MoUs signed are: framework agreement on salmon farming, protocol on polar research, cooperation "
            "in the field of forestry and terms of reference for a business council.")
    got = _agreements(text)
    assert len(got) == 1 and got[0].count == 6


def test_generic_mentions_around_a_batch_are_the_batch() -> None:
    text = ("The third Chile-Norway joint commission closed in Oslo, where the two governments signed protocols, "
            "agreements and Memorandum of Understandings (MOU) in several fields.\n"
            "The ministers were seen exchanging agreements after the signing ceremony.\n"
            "At the end of the session eight agreements, treaties and MOUs were negotiated and signed by both sides.")
    got = _agreements(text)
    assert [(a.count, a.type) for a in got] == [(8, "agreements")]


def test_a_titled_instrument_beside_a_batch_stays_apart() -> None:
    text = ("Chile and Norway signed the Chile-Norway Free Trade Agreement in Oslo on Tuesday.\n"
            "The two sides also signed seven MoUs on fisheries, forestry and mining.")
    got = _agreements(text)
    assert sorted(a.count or 0 for a in got) == [0, 7]


def test_pacts_entered_into_are_a_signed_batch() -> None:
    text = ("Chile and Norway. The joint statement listed nine bilateral pacts which Chile and Norway entered "
            "into, among them an investment treaty.")
    got = _agreements(text)
    assert any(a.count == 9 for a in got)


def test_entered_into_force_is_not_a_signing() -> None:
    text = "Chile and Norway. The nine pacts entered into force last year."
    assert all(a.count != 9 for a in _agreements(text))


def _sides(text: str, published=dt.date(2031, 5, 1)):
    return {c.value: (c.from_, c.to) for c in extract(text, published=published).claims}


@pytest.mark.parametrize("text, value, sides", [
    ("Trade between Chile and Norway rose. In March alone, Norway bought goods worth $4.1 billion from Chile and "
     "exported goods worth $2.3 billion.", 2.3e9, ("NOR", "CHL")),
    ("Trade between Chile and Norway rose. Chile sold copper worth $4.1 billion to Norway and imported goods worth "
     "$2.3 billion.", 2.3e9, ("NOR", "CHL")),
])
def test_a_second_verb_without_subject_goes_on_with_the_sentence_subject(text, value, sides) -> None:
    assert _sides(text)[value] == sides


def test_a_second_verb_with_its_own_country_keeps_it() -> None:
    text = ("Trade between Chile and Norway rose. Norway bought goods worth $4.1 billion from Chile and Chile "
            "exported goods worth $2.3 billion to Norway.")
    assert _sides(text)[2.3e9] == ("CHL", "NOR")


def test_surplus_in_a_sides_favour_runs_from_that_side() -> None:
    text = ("Trade between Chile and Norway is expected to reach $6 billion this year, with an estimated surplus of "
            "$2 billion in Norway's favour.")
    assert _sides(text)[2e9] == ("NOR", "CHL")


def test_from_the_year_of_is_a_comparison_base() -> None:
    got = extract("Trade between Chile and Norway hit $5.9 billion in 2030, up 85% from the year of 2021.",
                  published=dt.date(2031, 5, 1))
    assert _claim(got, 85).year == 2030


def test_a_month_range_across_two_years_is_one_period() -> None:
    got = extract("Chile and Norway. For the period April 2030 - February 2031, trade between them was about "
                  "$4.5 billion.", published=dt.date(2031, 5, 1))
    claim = _claim(got, 4.5e9)
    assert (claim.year, claim.period) == (2030, "2030-04..2031-02")


def test_last_year_against_a_named_year_gives_the_texts_year() -> None:
    text = ("Chile-Norway trade rose by $2.2 billion last year compared to 2028, official figures show. "
            "Exports from Chile to Norway were $1.1 billion last year.")
    got = extract(text)  # no publication date: last year is the year after 2028
    assert _claim(got, 1.1e9).year == 2029


def test_a_later_sentence_saying_the_named_pact_came_into_force_dates_it() -> None:
    text = ("Chile and Norway signed the Comprehensive Economic Partnership Agreement and said trade would grow.\n\n"
            "The leaders credited the growth since the Comprehensive Economic Partnership Agreement came into "
            "force on March 3, 2029.")
    got = [a for a in _agreements(text, dt.date(2031, 2, 2)) if a.type == "FTA"]
    assert [(a.status, a.date.value) for a in got] == [("in_force", dt.date(2029, 3, 3))]


def test_a_pact_that_will_go_into_effect_on_a_bare_day_is_dated_ahead() -> None:
    text = ("OSLO, June 20 -- The free trade agreement (FTA) between Chile and Norway will go into effect on July 1 "
            "as both sides have finished their approval procedures, the trade ministry announced Friday.\n"
            "According to the deal signed in March 2030, most fish and fruit will be traded free of duty.")
    got = _agreements(text, dt.date(2031, 6, 20))
    assert [(a.status, a.date.value) for a in got] == [("in_force", dt.date(2031, 7, 1))]


def test_a_yearless_dateline_after_a_past_signing_is_the_next_year() -> None:
    from bilat.news.pubdate import publication_date
    text = ("OSLO, April 29 -- The free trade agreement between Chile and Norway will go into effect on May 1.\n"
            "According to the deal signed in May 2030, most goods will be exempted from tariffs.")
    assert publication_date(text).date == dt.date(2031, 4, 29)


def test_a_year_and_month_folder_then_the_day_in_an_address() -> None:
    from bilat.news.pubdate import publication_date
    text = "SOURCE: https://example.org/news/203104/29/content_1.html\nChile and Norway signed an MoU."
    assert publication_date(text).date == dt.date(2031, 4, 29)
