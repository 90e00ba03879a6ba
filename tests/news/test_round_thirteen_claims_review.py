"""A review of round thirteen's claim rules: readings they got plainly wrong on ordinary prose.

Every sentence here is invented for the test (real country names, made-up figures and dates). Each
test names the rule of English news prose the round's rule stretched too far.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.pubdate import year_from_text

from news_helpers import claim_of as _claim


# -- the words of a change (change_words.py) -------------------------------------------------------

def test_the_change_verb_nearest_the_figure_is_its_frame() -> None:
    got = extract("The tariff cut by Chile lifted Peruvian exports to Chile by 9 percent in 2031.", dt.date(2032, 3, 1))
    assert _claim(got, 9).measure == "growth"
    got = extract("Peru reduced its reliance on Chinese buyers and increased its exports to Chile by 7 percent in 2031.",
                  dt.date(2032, 3, 1))
    assert _claim(got, 7).measure == "growth"


def test_a_cut_of_fees_or_of_a_count_is_no_flow_s_change() -> None:
    got = extract("Chile cut customs fees on Peruvian goods by 20 percent in 2031.", dt.date(2032, 3, 1))
    assert _claim(got, 20).measure != "growth"
    got = extract("Chile cut the number of Peruvian trucks allowed across the border by 15 percent in 2031.",
                  dt.date(2032, 3, 1))
    assert _claim(got, 15).measure != "growth"


def test_a_falling_word_elsewhere_in_the_clause_does_not_turn_a_rise_into_a_fall() -> None:
    got = extract("Peru's exports to Chile rose 12 percent in 2031, though Peru lost ground in copper.", dt.date(2032, 3, 1))
    assert _claim(got, 12).measure == "growth"
    got = extract("Peru's exports to Chile, which had lost momentum in 2030, increased by 14 percent in 2031.",
                  dt.date(2032, 3, 1))
    assert _claim(got, 14).measure == "growth"
    got = extract("Though it lost a buyer, Chile posted a 16 percent rise in exports to Peru in 2031.", dt.date(2032, 3, 1))
    assert _claim(got, 16).measure == "growth"


def test_a_fall_told_by_its_own_verb_stays_a_fall() -> None:
    got = extract("Peru's exports to Chile lost 4 percent in 2031, though copper sales rose.", dt.date(2032, 3, 1))
    assert _claim(got, -4).measure == "growth"


# -- a list of sums with one scale word (money.py) -------------------------------------------------

def test_a_sum_written_in_full_after_a_scaled_one_keeps_its_value() -> None:
    got = extract("In 2031 Chile's exports to Peru were worth $2.5 million, $800,000 of it in fresh fruit.",
                  dt.date(2032, 3, 1))
    assert _claim(got, 8e5).text == "$800,000"


# -- the account's year (paragraph_years.years_of_the_account) -------------------------------------

def test_a_figure_told_as_grown_since_goes_on_to_the_present() -> None:
    text = ("Chile's exports to Peru were $1.1 billion in 2029, before the port strike.\n\n"
            "According to the ministry, shipments to Peru have since grown to $1.6 billion.")
    assert _claim(extract(text, dt.date(2031, 5, 1)), 1.6e9).year == 2031


def test_the_account_goes_on_from_a_flow_not_from_a_deal_s_sum() -> None:
    text = ("Chile and Peru signed a pact in 2029 that removed duties on $300 million of goods.\n\n"
            "On Monday the ministry said Chile's exports to Peru rose 11 percent to $900 million.")
    got = extract(text, dt.date(2031, 5, 1))
    assert _claim(got, 9e8).year == 2031
    assert _claim(got, 11).year == 2031


def test_a_tariff_rate_keeps_the_day_of_writing() -> None:
    text = ("Chile's exports to Peru reached $2 billion in 2030.\n\n"
            "Peru applies a 6 percent duty on Chilean wine, and Chile wants it removed.")
    assert _claim(extract(text, dt.date(2031, 5, 1)), 6).year == 2031


def test_a_flow_kept_at_the_present_ends_the_account_above() -> None:
    text = ("Trade between Chile and Peru reached $4 billion in 2030.\n\n"
            "According to officials, Chile's exports to Peru currently stand at $1.2 billion. According to officials, "
            "purchases from Peru grew 8 percent.")
    got = extract(text, dt.date(2031, 6, 1))
    assert _claim(got, 1.2e9).year == 2031
    assert _claim(got, 8).year == 2031


def test_the_account_still_goes_on_when_nothing_speaks_of_the_present() -> None:
    text = ("Trade between Chile and Peru reached $4 billion in 2030.\n\n"
            "According to officials, purchases from Peru grew 8 percent.")
    assert _claim(extract(text, dt.date(2031, 2, 1)), 8).year == 2030


# -- a record since a year (timing.py) -------------------------------------------------------------

def test_a_state_that_has_lasted_since_a_year_is_no_record() -> None:
    got = extract("Chile has been the largest investor in Peru since 2029 and has shipped goods worth $12 billion "
                  "to Peru since then.", dt.date(2031, 6, 1))
    assert _claim(got, 1.2e10).year is None
    got = extract("Chile's exports to Peru rose to $700 million, the highest level since 2029.", dt.date(2031, 6, 1))
    assert _claim(got, 7e8).year == 2031


# -- "last year ... to A from B in <year>" (pubdate.py) --------------------------------------------

def test_last_year_from_a_base_needs_a_base_figure_in_the_same_sentence() -> None:
    assert year_from_text("Last year, the minister said, Chile turned to Peru for fish, from anchovies to squid, "
                          "in 2029 and after.") is None
    assert year_from_text("Last year trade with Peru grew. Exports from Chile to Peru climbed to $2 billion from "
                          "$1.6 billion in 2029.") is None
    stated = year_from_text("Last year, imports from Peru fell to Ush2.1 trillion (Ksh60b) from Ush2.2 trillion "
                            "(Ksh63b) in 2030, the bank said.")
    assert stated is not None and stated.year == 2032


# -- partners and rankings (direction.py) ----------------------------------------------------------

def test_the_country_a_ranking_is_told_against_is_not_the_figure_s_partner() -> None:
    got = extract("Chile is Peru's second-largest export market after China, with $3 billion in sales in 2031.",
                  dt.date(2032, 6, 1))
    assert (_claim(got, 3e9).from_, _claim(got, 3e9).to) == ("PER", "CHL")


def test_came_with_or_followed_by_with_is_no_ranking_without_a_place() -> None:
    got = extract("Chile's exports to Peru reached $3 billion in 2031. The Peruvian minister came to Santiago with "
                  "$500 million in pledges for the port.", dt.date(2032, 6, 1))
    assert _claim(got, 5e8).measure != "exports"
    got = extract("Chile's exports to Peru reached $3 billion in 2031. The talks were followed by a dinner with "
                  "$2 million raised for charity.", dt.date(2032, 6, 1))
    assert _claim(got, 2e6).measure != "exports"


# -- trade balances (balance_sides.py) -------------------------------------------------------------

def test_a_balance_named_before_a_flow_does_not_take_the_flow_s_change() -> None:
    got = extract("Worried by Peru's deficit with Chile, Peruvian exporters raised their sales to Chile by 6 percent "
                  "in 2031.", dt.date(2032, 6, 1))
    change = _claim(got, 6)
    assert change.measure == "growth" and (change.from_, change.to) == ("PER", "CHL")


def test_a_positive_balance_with_its_partner_told_after_the_figure() -> None:
    got = extract("Vietnam recorded a positive balance of $1 billion in its trade with Uruguay in 2031.",
                  dt.date(2032, 3, 1))
    surplus = _claim(got, 1e9)
    assert surplus.about == "trade balance" and (surplus.from_, surplus.to) == ("VNM", "URY")


# -- a third exporter in a while-clause (claim_sides.py) -------------------------------------------

def test_a_third_exporter_s_total_or_world_exports_are_not_sold_to_the_market_before() -> None:
    got = extract("Kenya and Uganda trade more. In 2031 Burundi's sales to Zambia came to $610 million, while "
                  "Malawi's total exports reached $2 billion.", dt.date(2032, 3, 1))
    assert _claim(got, 2e9).to is None
    got = extract("Kenya and Uganda trade more. In 2031 Burundi's sales to Zambia came to $610 million, while "
                  "Malawi exported goods worth $2 billion to the world.", dt.date(2032, 3, 1))
    assert _claim(got, 2e9).to is None
