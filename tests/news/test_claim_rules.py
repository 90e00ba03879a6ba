"""Claim rules learnt from real articles, each on a short sentence written for this test."""

from __future__ import annotations

import datetime as dt

from bilat.news import extract
from bilat.news.money import find_amounts
from bilat.news.periods import find_periods

PUB = dt.date(2021, 6, 15)


def _claims(text: str, published: dt.date | None = PUB):
    return extract(text, published=published).claims


def _one(text: str, published: dt.date | None = PUB):
    claims = _claims(text, published)
    assert len(claims) == 1, [c.to_dict() for c in claims]
    return claims[0]


def test_unnamed_exports_are_the_first_named_partys() -> None:
    c = _one("Peru and Japan held talks in Lima. Last year exports stood at $3.2 billion, officials said.")
    assert (c.measure, c.from_, c.to, c.year) == ("exports", "PER", "JPN", 2020)


def test_imports_with_a_subject_and_then_bare_exports_share_that_subject() -> None:
    claims = _claims("Japan and Peru met. In 2019, Peru imported $4 billion worth of machinery from Japan, "
                     "while exports to the Asian country reached $1.5 billion.")
    got = [(c.value, c.basis, c.from_, c.to, c.year) for c in claims]
    assert got == [(4e9, "imports", "JPN", "PER", 2019), (1.5e9, "exports", "PER", "JPN", 2019)]


def test_flow_word_after_the_amount_decides_the_measure() -> None:
    claims = _claims("Peru and Japan met. In 2018 trade came to $9 billion, made of $5 billion in exports "
                     "and $4 billion in imports.")
    assert [(c.measure, c.basis, c.from_, c.to) for c in claims][1:] == [
        ("exports", "exports", "PER", "JPN"), ("exports", "imports", "JPN", "PER")]


def test_percent_of_a_countrys_exports_points_from_that_country() -> None:
    c = _one("Peru and Japan signed the deal. Japan will scrap duties on 95 percent of Peruvian exports.")
    assert (c.value, c.from_, c.to) == (95, "PER", "JPN")


def test_a_conversion_in_brackets_is_an_alt_value_not_a_second_claim() -> None:
    c = _one("Peru and Japan agreed a swap line of 900 billion yen ($8 billion) in 2020.")
    assert c.currency == "JPY" and c.alt_values == [{"value": 8e9, "currency": "USD"}]


def test_decimal_comma_and_space_grouped_thousands() -> None:
    assert [a.value for a in find_amounts("pledges of $14,7 billion and $2 450 million")] == [14.7e9, 2.45e9]


def test_bare_letter_currency_needs_a_scale_word() -> None:
    assert [(a.currency, a.value) for a in find_amounts("a R12 billion plan, not an N95 mask")] == [("ZAR", 12e9)]


def test_fiscal_year_takes_its_first_calendar_year_and_keeps_the_period() -> None:
    c = _one("Peru and Japan met. Trade was $2 billion in FY2013-14, the ministry said.")
    assert (c.year, c.period) == (2013, "FY2013-14")


def test_part_years_are_kept_as_periods() -> None:
    periods = [p.label for p in find_periods("in the first half, in Q3 2019, over January-August and "
                                              "in the first eight months of 2005")]
    assert periods == ["{y}-H1", "{y}-Q3", "{y}-01..{y}-08", "{y}-01..{y}-08"]
    c = _one("Peru and Japan met. Trade reached $1.1 billion in the first half of this year.")
    assert (c.year, c.period) == (2021, "2021-H1")


def test_a_founding_date_is_not_the_year_of_a_figure() -> None:
    c = _one("Peru and Japan set up ties on May 1, 1960. Today their trade is $3 billion a year.")
    assert c.year is None


def test_undated_actual_takes_the_publication_year_but_cumulative_figures_do_not() -> None:
    assert _one("Peru and Japan met. Their trade stands at $3 billion.").year == 2021
    assert _one("Peru and Japan met. Japanese firms have invested $6 billion in Peru since 1999.").year is None


def test_forecast_for_this_year_and_undated_deal_effect_have_a_modality() -> None:
    forecast = _one("Peru and Japan met. Trade is expected to reach $4 billion this year.")
    assert (forecast.modality, forecast.year) == ("forecast", 2021)
    effect = _one("Peru and Japan signed a deal that could boost trade by 12 percent.")
    assert (effect.modality, effect.year) == ("projected_effect", None)


def test_past_multipliers_and_percent_ranges_are_claims() -> None:
    c = _one("Peru and Japan met. Their trade has almost doubled over the decade.")
    assert (c.unit, c.value, c.measure, c.hedge) == ("multiple", 2.0, "growth", "nearly")
    r = _one("Peru and Japan met. The deal could raise trade by 4-8 percent.")
    assert (r.value, r.value_high) == (4, 8)


def test_doubling_without_a_measured_flow_is_not_a_claim() -> None:
    assert _claims("Peru and Japan met. Peruvian growers have doubled their sales to Asia.") == []


def test_the_last_line_of_a_cut_text_is_still_read() -> None:
    text = "Peru and Japan met in Lima.\nOfficials said that two-way trade was worth $2.5 billion in 2019 and the"
    c = _one(text)
    assert (c.value, c.year) == (2.5e9, 2019)


def test_a_scale_word_cut_by_the_end_of_the_text_keeps_its_value() -> None:
    c = _one("Peru and Japan met in Lima.\nThe two sides said the loan for the new port is worth €3 bi")
    assert c.value == 3e9 and c.truncated


def test_us_dollars_is_a_currency_not_a_mention_of_the_united_states() -> None:
    result = extract("Peru and Japan traded goods worth 5 billion U.S. dollars in 2019.", published=PUB)
    assert result.countries == ["PER", "JPN"]
    assert [m.iso3 for m in result.mentions] == ["PER", "JPN"]


def test_a_year_ending_in_june_is_a_fiscal_year() -> None:
    c = _one("Peru and Japan met. In the year to June 2016, exports to Japan were worth $2 billion.")
    assert (c.year, c.period) == (2015, "FY2015-16")


def test_number_words_ranges_and_bare_crore() -> None:
    found = [(a.text, a.value, a.currency) for a in find_amounts("between three billion and five billion reais")]
    assert found == [("three billion", 3e9, "BRL"), ("five billion reais", 5e9, "BRL")]
    assert [(a.value, a.currency) for a in find_amounts("a 12,000 crore plan for 3 crore people")] == [(1.2e11, "INR")]


def test_direction_follows_the_goods_whatever_the_wording() -> None:
    cases = {
        "In 2019 Japan sold Peru $2 billion of cars.": ("JPN", "PER"),
        "In 2019 Peru bought $3 billion of machinery from Japan.": ("JPN", "PER"),
        "Peruvian shipments to Japan reached $1.2 billion in 2019.": ("PER", "JPN"),
        "Japan's imports from Peru rose to $4 billion in 2019.": ("PER", "JPN"),
        "Sales of Japanese cars to Peru hit $900 million in 2019.": ("JPN", "PER"),
        "Japanese purchases of Peruvian copper totalled $5 billion in 2019.": ("PER", "JPN"),
        "The export of Peruvian fish to Japan was $700 million in 2019.": ("PER", "JPN"),
    }
    for sentence, direction in cases.items():
        c = _one("Peru and Japan met. " + sentence)
        assert (c.from_, c.to) == direction, sentence


def test_a_price_is_not_a_trade_figure() -> None:
    claims = _claims("Peru and Japan met. With oil at $80 a barrel, trade reached $3 billion in 2019.")
    assert [(c.value, c.year) for c in claims] == [(3e9, 2019)]


def test_present_tense_headline_verbs_read_as_growth() -> None:
    c = _one("Peru-Chile trade falls 12% in first half")
    assert (c.measure, c.value) == ("growth", -12)


def test_a_comparison_year_is_not_the_year_of_the_figure() -> None:
    claims = _claims("Peru and Japan met. In the first nine months of 2020 trade rose 6 percent compared with 2019.")
    assert [(c.value, c.year) for c in claims] == [(6, 2020)]


def test_a_paragraph_of_figures_goes_on_from_the_year_before() -> None:
    text = "Peru and Japan met in Lima.\nIn 2019, their trade reached $4 billion.\nExports to Japan were $2.5 billion."
    assert [(c.value, c.year) for c in _claims(text)] == [(4e9, 2019), (2.5e9, 2019)]


def test_more_than_a_year_before_shares_and_balances() -> None:
    text = ("Peru and Japan met. In 2020 Japan imported $7 billion of goods from Peru, 11 percent more than in 2019. "
            "Peru's share of Japan's copper imports reached 38 percent. Peru ran a trade surplus of $6 billion.")
    got = [(c.measure, c.value, c.from_, c.to, c.about) for c in _claims(text)]
    assert got == [
        ("exports", 7e9, "PER", "JPN", None), ("growth", 11, "PER", "JPN", "imports"),
        ("share_of_imports", 38, "PER", "JPN", None), ("other", 6e9, "PER", "JPN", "trade balance"),
    ]


def test_the_subject_of_the_sentence_is_the_open_side_of_a_flow() -> None:
    claims = _claims("Peru and Japan met. Chile remained the second supplier, with sales of $5 billion to Japan in 2020.")
    assert [(c.from_, c.to) for c in claims] == [("CHL", "JPN")]
