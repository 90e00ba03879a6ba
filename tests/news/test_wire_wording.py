"""Wordings of statistics-office copy seen on real articles; the sentences are written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract
from bilat.news.dates import point_years
from bilat.news.money import find_amounts

PUB = dt.date(2021, 9, 13)


def _rows(text: str) -> list[tuple]:
    return [(c.text, c.measure, c.from_, c.to, c.year) for c in extract(text, published=PUB).claims]


@pytest.mark.parametrize("text, value, currency", [
    ("exports reached Sh72.2 billion", 72.2e9, "KES"),
    ("a bill of Sh361bn", 361e9, "KES"),
    ("worth Shs 3 trillion", 3e12, "UGX"),
])
def test_shilling_amounts(text: str, value: float, currency: str) -> None:
    [amount] = find_amounts(text)
    assert (amount.value, amount.currency) == (value, currency)


def test_a_bare_sh_is_no_currency() -> None:
    assert find_amounts("Sh 5 a kilo and Sh3") == []


def test_a_hyphenated_percent() -> None:
    [amount] = find_amounts("trade grew by a 26.9-percent margin")
    assert (amount.text, amount.value, amount.unit) == ("26.9-percent", 26.9, "percent")


@pytest.mark.parametrize("text, want", [
    ("Peru's total exports rose to $9 billion in 2020.", [("$9 billion", "exports_total", "PER", None, 2020)]),
    ("In 2020 Peru exported goods worth $158 million to its Andean Community partner states.",
     [("$158 million", "exports", "PER", None, 2020)]),
    ("Peru's exports to Asia reached $40 million in 2020.", [("$40 million", "exports", "PER", None, 2020)]),
    ("Ghana's imports from CIS countries were $7 million in 2020.", [("$7 million", "exports", None, "GHA", 2020)]),
])
def test_the_world_or_a_region_is_not_the_partner(text: str, want: list) -> None:
    """An article about Peru and Ghana may give Peru's exports to the world or to a region; the
    pair must not fill that side with Ghana."""
    assert _rows("Peru and Ghana held talks. " + text) == want


def test_a_base_in_a_currency_written_with_letters() -> None:
    rows = _rows("In 2020 Peru's exports to Ghana totaled Sh72.2 billion, a jump from Sh64.1 billion the previous year.")
    assert [(r[0], r[4]) for r in rows] == [("Sh72.2 billion", 2020), ("Sh64.1 billion", 2019)]


@pytest.mark.parametrize("text, years", [
    ("the Economic Survey 2021 shows that exports grew", []),
    ("under its Vision 2030 plan", []),
    ("In 2019 exports grew", [2019]),
    ("Exports grew in March 2019", [2019]),
    ("Exports to Peru grew in 2019", [2019]),
])
def test_a_year_in_a_title_names_the_title(text: str, years: list) -> None:
    assert [y for _, y in point_years(text)] == years


def test_a_figure_beside_a_third_country_is_that_flow() -> None:
    rows = _rows("Peru's exports to Ghana rose 46 percent to $3.16 billion in 2021, the fourth market after the US "
                 "($15.41 billion), China ($5.92 billion) and Chile ($5.34 billion).")
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("46 percent", "PER", "GHA"), ("$3.16 billion", "PER", "GHA"), ("$15.41 billion", "PER", "USA"),
        ("$5.92 billion", "PER", "CHN"), ("$5.34 billion", "PER", "CHL")]


def test_a_list_of_figures_for_other_markets_goes_on() -> None:
    rows = _rows("Peru's exports to Ghana were $20 billion in 2021. The total is third-highest after $31.4 billion "
                 "for China and $12.8 billion for the United States.")
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("$20 billion", "exports", "PER", "GHA"), ("$31.4 billion", "exports", "PER", "CHN"),
        ("$12.8 billion", "exports", "PER", "USA")]


def test_a_product_flow_after_the_total_is_the_same_flow() -> None:
    rows = _rows("Ghana and Peru met. Peru's exports to Ghana rose 18 per cent in 2016, when copper sales were up "
                 "36 per cent and gold sales up 15 per cent.")
    assert [(r[2], r[3]) for r in rows] == [("PER", "GHA")] * 3


def test_a_running_part_of_a_year_dates_an_undated_text() -> None:
    text = ("Peru's exports to Ghana in the first ten months of 2011 grew 60 percent to $3.9 billion.\n\n"
            "The figure is expected to pass $5 billion this year, after $2.1 billion in the same period last year.")
    got = extract(text)
    assert [(c.text, c.year) for c in got.claims][:2] == [("60 percent", 2011), ("$3.9 billion", 2011)]
    assert any("2011" in note and "first ten months of 2011" in note for note in got.notes)


def test_a_part_of_a_year_that_is_not_the_latest_dates_nothing() -> None:
    text = ("Peru's exports to Ghana in the first half of 2011 were $3 billion; in 2013 they reached $5 billion, "
            "and this year they may grow again.")
    got = extract(text)
    assert got.published is None
    assert not any("follows from" in note for note in got.notes)


def test_the_rok_is_korea() -> None:
    got = extract("Peru's exports to the Republic of Korea (RoK) grew. By October, Peru's garment exports to the RoK "
                  "had reached 700 million USD.", published=dt.date(2011, 11, 2))
    assert [(c.from_, c.to) for c in got.claims] == [("PER", "KOR")]


def test_the_same_market_and_those_of_another_exporter() -> None:
    rows = _rows("Peru exported $169 billion in products to Chile from January to June 2018, an increase of 9.1%. "
                 "Ghana's exports to the same market climbed 8.6% in the first half of the year, while those of "
                 "Canada increased 6.5%.")
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("$169 billion", "PER", "CHL"), ("9.1%", "PER", "CHL"), ("8.6%", "GHA", "CHL"), ("6.5%", "CAN", "CHL")]


def test_months_that_run_into_the_next_year() -> None:
    got = extract("July-Feb exports to Peru rise to $1.53b", published=dt.date(2023, 3, 10))
    assert [(c.year, c.period) for c in got.claims] == [(2022, "2022-07..2023-02")]


def test_a_line_of_figures_goes_on_from_the_line_before() -> None:
    text = ("Peru's exports to Ghana jumped 11.8% to $31.8 billion in 2022.\n"
            "Peru’s non-oil imports from Ghana also surged by 4.1% year-on-year to $25.5 billion.\n"
            "The top export product was copper, which surged 36% year-on-year to $7.78 billion.")
    assert [c.year for c in extract(text).claims] == [2022] * 6


def test_the_same_period_last_year_is_a_base() -> None:
    text = ("Peru's exports to Ghana in the first ten months of 2011 grew 60 percent this year.\n\n"
            "In the ten-month period, Peru earned $15.5 million from fruit sold to Ghana, double the figure of "
            "the same period last year.")
    assert [(c.text, c.year) for c in extract(text).claims if c.currency] == [("$15.5 million", 2011)]


def test_a_base_with_its_own_flow_is_not_the_figure_before() -> None:
    text = ("Ghana's imports from Peru went down to $686 million in February 2019.\n\n"
            "While the exports of goods from Ghana to Peru also decreased from $127 million in February 2018 "
            "to $118 million.")
    rows = [(c.text, c.basis, c.from_, c.to) for c in extract(text, published=dt.date(2019, 3, 31)).claims]
    assert rows[1:] == [("$127 million", "exports", "GHA", "PER"), ("$118 million", "exports", "GHA", "PER")]


def test_an_unnamed_flow_is_the_article_exporter_s() -> None:
    """The pair is [GHA, PER] by first mention, but the figures are Peru's exports."""
    text = ("Ghana top destination as Peru's exports hit $643 million.\n\n"
            "The value of exports to the neighbouring country totaled $72 million in 2020.")
    rows = [(c.text, c.from_, c.to) for c in extract(text, published=PUB).claims]
    assert rows[-1] == ("$72 million", "PER", "GHA")


def test_a_base_from_a_total_of() -> None:
    rows = _rows("Peru's exports to Ghana reached $643 million in 2020, a seven per cent growth from a total of "
                 "$596 million realised in 2019.")
    assert [(r[0], r[4]) for r in rows] == [("$643 million", 2020), ("$596 million", 2019)]


@pytest.mark.parametrize("text, value", [("exports fell by 8.84pc", 8.84), ("a 2pc rise", 2.0)])
def test_pc_is_percent(text: str, value: float) -> None:
    [amount] = find_amounts(text)
    assert (amount.value, amount.unit) == (value, "percent")


def test_a_million_dollar_loan() -> None:
    [amount] = find_amounts("approved the 859.6 million dollar loan agreements")
    assert (amount.value, amount.currency) == (859.6e6, "USD")


def test_a_paper_s_footer_dates_the_text() -> None:
    text = "Exports to Peru rose to $3 billion last year.\n\nPublished in Ghana Herald, July 23rd , 2014\n"
    got = extract(text)
    assert got.published == dt.date(2014, 7, 23)
    assert [c.year for c in got.claims] == [2013]


def test_listed_as_an_export_market_and_export_trade() -> None:
    rows = _rows("The statistics office listed Peru as Ghana's largest export market in the first quarter of 2021 "
                 "with a net worth of $744 million. Ghana's export trade with Chile was dominated by gold valued at "
                 "$88 million, while machines worth $49 million were imported from Chile.")
    assert [(r[0], r[1], r[2], r[3]) for r in rows if r[1] != "top_products"] == [
        ("$744 million", "exports", "GHA", "PER"), ("$88 million", "exports", "GHA", "CHL"),
        ("$49 million", "exports", "CHL", "GHA")]


def test_a_base_in_a_short_fiscal_year() -> None:
    rows = _rows("Ghana's exports to Peru in the July-April period of FY16 grew by 18.30 per cent to $907 million "
                 "from $767 million in the same period of FY15.")
    assert [(r[0], r[4]) for r in rows] == [("18.30 per cent", 2015), ("$907 million", 2015), ("$767 million", 2014)]


def test_a_currency_code_before_a_number_word() -> None:
    assert [(a.value, a.currency) for a in find_amounts("from USD two billion to US$ seven billion")] == [
        (2e9, "USD"), (7e9, "USD")]


def test_during_the_period_goes_on_with_the_figure_before() -> None:
    text = ("Peru's trade with Ghana hit $3 billion in the first quarter of 2025.\n\n"
            "Peru's exports to Ghana recorded a rise of 6.4 percent year-on-year during the period.")
    assert [c.year for c in extract(text).claims] == [2025, 2025]


def test_the_text_s_first_words_about_exports_name_the_exporter() -> None:
    text = ("ACCRA: Exports to Peru dropped by around nine per cent in the first half, a report of Ghana's commerce ministry said.\n\n"
            "Official figures showed that exports to the neighbouring country fell to $927 million in 2014.")
    [claim] = extract(text, published=PUB).claims
    assert (claim.from_, claim.to) == ("GHA", "PER")
