"""Three readings a review of rounds eleven and twelve found wrong, each held by a sentence of our own.

Why kept apart: each is a guard on a rule added in those rounds (a list of instruments before
"were exchanged", a figure followed by "over the same period", a part-year still ahead of the
publication month), not a new shape.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract

from news_helpers import claim_of as _claim


def test_the_agreement_named_before_is_not_a_new_item_of_a_passive_list() -> None:
    got = extract("Kenya and Poland signed a free trade agreement on Monday in Nairobi. The agreement and a "
                  "protocol on rules of origin were exchanged at the ceremony.", dt.date(2031, 3, 4))
    assert sorted(a.type for a in got.agreements) == ["FTA", "protocol"]


def test_two_new_instruments_before_were_signed_are_still_two_records() -> None:
    got = extract("Kenya and Poland met in Nairobi on Monday. A memorandum on fisheries and an agreement on "
                  "air services were signed.", dt.date(2031, 3, 4))
    assert len(got.agreements) == 2


def test_an_increase_over_the_same_period_is_not_the_base() -> None:
    got = extract("Kenya's exports to Poland reached $1.2 billion in the first half of 2031, an increase of "
                  "$300 million over the same period of 2030.", dt.date(2031, 8, 15))
    assert _claim(got, 1.2e9).year == 2031
    assert _claim(got, 3e8).year == 2031


def test_a_base_written_after_its_figure_still_takes_its_year() -> None:
    got = extract("Kenya's exports to Poland reached $1.2 billion in the first half of 2031 ($900 million over "
                  "the same period of 2030).", dt.date(2031, 8, 15))
    assert _claim(got, 9e8).year == 2030


def test_a_forecast_for_the_half_still_ahead_is_this_years() -> None:
    got = extract("Kenya's exports to Poland are expected to reach $2 billion in the second half.", dt.date(2031, 8, 15))
    assert _claim(got, 2e9).year == 2031


def test_months_reported_that_are_still_ahead_are_last_years() -> None:
    got = extract("Kenya's exports to Poland reached $2 billion in September-November.", dt.date(2031, 8, 15))
    assert _claim(got, 2e9).year == 2030


def test_a_day_month_year_address_is_read_in_any_case() -> None:
    from bilat.news.pubdate import publication_date

    for address in ("https://example.org/news/24-feb-2031/trade", "https://example.org/news/24-FEB-2031/trade",
                    "https://example.org/news/24-Feb-2031/trade"):
        got = publication_date(f"SOURCE: {address}\n\nKenya and Poland met.")
        assert got is not None and got.date == dt.date(2031, 2, 24), address


def test_a_global_wire_dateline_city_is_not_a_side() -> None:
    from bilat.nomenclature.capitals import dateline_capital

    assert dateline_capital("WASHINGTON, May 3 (Reuters) - China's exports to the world rose 5 percent.") is None
    assert dateline_capital("SEOUL, Oct. 12 (Yonhap) -- The minister met his guest.").iso3 == "KOR"


def test_a_dateline_after_a_headline_line_or_with_an_accent_is_read() -> None:
    from bilat.nomenclature.capitals import dateline_capital

    assert dateline_capital("Fisheries pact signed\n\nNAIROBI, May 3 -- Peru and the hosts signed.").iso3 == "KEN"
    assert dateline_capital("BOGOTÁ, May 3 -- The visiting minister signed.").iso3 == "COL"


def test_one_country_and_a_global_wire_dateline_stay_one_country() -> None:
    got = extract("WASHINGTON, May 3 (Reuters) - China's exports rose to $300 billion in April, customs data "
                  "showed.", dt.date(2031, 5, 3))
    assert "USA" not in got.countries


def test_border_and_barter_trade_agreements_are_not_free_trade_deals() -> None:
    for kind in ("border", "barter", "transit"):
        got = extract(f"Kenya and Uganda signed a {kind} trade agreement on Monday.", dt.date(2031, 1, 5))
        assert [a.type for a in got.agreements] == ["agreement"], kind
    got = extract("Kenya and Uganda signed a free trade agreement on Monday.", dt.date(2031, 1, 5))
    assert [a.type for a in got.agreements] == ["FTA"]


def test_the_modal_may_is_not_the_month_before_a_bare_from_base() -> None:
    got = extract("Kenya's exports to Poland may rise to $5.2 billion in 2030 from $4.8 billion.", dt.date(2031, 1, 5))
    assert _claim(got, 4.8e9).year == 2029
    got = extract("Kenya's exports to Poland rose to $5.2 billion in May 2030 from $4.8 billion.", dt.date(2031, 1, 5))
    assert _claim(got, 4.8e9).year == 2030  # after a month the base may be the month before: the figure's year


def test_a_dateline_on_the_first_line_wins_over_a_capitalised_second_line() -> None:
    from bilat.nomenclature.capitals import dateline_capital

    assert dateline_capital("NAIROBI, May 3 -- Peru and the hosts met.\nTHE MINISTRY, in a note, said more.").iso3 == "KEN"
