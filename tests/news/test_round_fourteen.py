"""Round fourteen: claims, their year and their sides, and goals, on the commonest misses of a fresh set.

Every sentence here is invented for the test (real country names, made-up figures and dates); each
test names the general rule of English news prose it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.periods import find_periods
from bilat.news.pubdate import publication_date

from news_helpers import claim_of as _claim

_DAY = dt.date(2032, 3, 1)


# -- goals told as a level, a threshold, or a sum that "is the goal" (target_shapes.py) -----------------

def test_taking_trade_to_the_level_of_a_sum_is_a_goal_not_a_figure() -> None:
    got = extract("Chile and Peru want to take their trade to the level of $9 billion, the minister said.", _DAY)
    assert [t.target_value for t in got.targets] == [9e9]
    assert not [c for c in got.claims if c.value == 9e9]


def test_a_past_rise_to_the_level_of_a_sum_stays_a_figure() -> None:
    got = extract("Trade between Chile and Peru rose to the level of $9 billion in 2031.", _DAY)
    assert not got.targets
    assert _claim(got, 9e9).year == 2031


def test_reaching_the_threshold_of_a_sum_in_the_medium_term_is_a_goal() -> None:
    got = extract("Chile's stated aim is to reach the threshold of $90bn in trade with Peru in the medium term.", _DAY)
    assert [t.target_value for t in got.targets] == [9e10]


def test_a_sum_that_is_an_achievable_goal_in_the_short_term_is_a_target() -> None:
    got = extract("Chile and Peru trade a lot. \"$2bn is a bold yet realistic goal in the short term,\" "
                  "the Chilean minister told reporters.", _DAY)
    assert [t.target_value for t in got.targets] == [2e9]
    assert not [c for c in got.claims if c.value == 2e9]


# -- participles of change verbs (change_words.py) --------------------------------------------------------

def test_grown_and_fallen_are_changes() -> None:
    got = extract("Chile's exports to Peru have grown 14 percent in 2031. Peru's imports from Ghana had fallen "
                  "6 percent in 2031.", _DAY)
    assert _claim(got, 14).measure == "growth"
    assert _claim(got, -6).measure == "growth"


# -- "fiscal 31" (periods.py) ---------------------------------------------------------------------------

def test_fiscal_and_two_digits_is_that_fiscal_year() -> None:
    got = extract("India's exports to Oman came to $2.1 billion in fiscal 31, the ministry said.", _DAY)
    assert (_claim(got, 2.1e9).year, _claim(got, 2.1e9).period) == (2030, "FY2030-31")
    assert not [p for p in find_periods("a fiscal 31 percent cut") if p.fiscal]


# -- a part-year of the next clause (timing.py) -----------------------------------------------------------

def test_months_told_in_the_next_clause_do_not_date_the_figure_before() -> None:
    got = extract("Chile's exports to Peru reached $2 billion last year, and between January and March "
                  "shipments fell 5 percent.", _DAY)
    figure = _claim(got, 2e9)
    assert (figure.year, figure.period) == (2031, None)


def test_a_part_year_before_a_while_clause_still_frames_it() -> None:
    got = extract("Chile's exports to Peru rose 5% to $1 billion in January-March, while imports fell to $800 million.",
                  _DAY)
    assert _claim(got, 8e8).period == "2032-01..2032-03"


# -- the pair a headline tells (lead_pair.py) ---------------------------------------------------------------

def test_a_country_the_subject_overtook_is_no_side_of_the_relation() -> None:
    got = extract("Peru has overtaken Chile in trade with Ghana, customs data show.\n\nGhanaian buyers took more "
                  "Peruvian fruit in 2031. Ghana sold cocoa. Exports from Ghana to Peru rose 8 percent in 2031.", _DAY)
    assert sorted(got.countries) == ["GHA", "PER"]


def test_a_headline_exporter_is_a_side_even_when_named_least() -> None:
    got = extract("Belarus lifts exports to Russia by half, to China twofold\n\nRussia bought more machinery. China "
                  "bought more potash. Russia and China paid more. Russia too. China too. Belarus sold.", _DAY)
    assert sorted(got.countries) == ["BLR", "RUS"]


# -- the year of the account when the day of writing is not stated (paragraph_years.py) ----------------

def test_a_year_implied_by_the_text_dates_nothing_the_account_dated_earlier() -> None:
    text = ("Peru-Chile trade came to $2.2 billion in 2030, the exporters' guild said.\n"
            "Peru's sales to Chile came to $1.1 billion in 2030, whereas its purchases from Chile reached $1.3 billion "
            "in the same period.\n"
            "Meanwhile, purchases from Chile mainly included steel ($90.5 million) and apples ($30.5 million), among "
            "other goods.\n"
            "In January-March 2031, trade totaled $600 million, against the first three months of the year before.")
    got = extract(text)  # no date given: 2031 is implied by the last line, and the steel is the account's, 2030
    assert _claim(got, 9.05e7).year == 2030 and _claim(got, 3.05e7).year == 2030
    assert _claim(got, 6e8).year == 2031


def test_with_no_year_of_writing_an_undated_figure_goes_on_with_the_account() -> None:
    text = ("Lima, July 21\n"
            "Trade between Peru and Chile came to $420.5 million in 1H30, a rise of 12.5 percent.\n"
            "Chile holds a share of 8.1 percent of the trade. Ecuador has a share of 14.2 percent, the report says.")
    got = extract(text)
    assert _claim(got, 14.2).year == 2030


# -- a date in the address written "/2031-07/24/" (pubdate.py) ------------------------------------------

def test_an_address_with_year_and_month_joined_by_a_dash_then_the_day() -> None:
    found = publication_date("SOURCE: http://example.org/2031-07/24/content_1234.htm\nChile and Peru\n")
    assert found is not None and found.date == dt.date(2031, 7, 24)
