"""Round twelve: the year and the direction of claim figures (issue 14).

Every sentence here is invented for the test (real country names, made-up figures and dates); each
test names the general rule it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.pubdate import publication_date, year_from_text

from news_helpers import claim_of as _claim


# -- a date line written only in digits -----------------------------------------------------------

def test_a_numeric_date_line_with_a_weekday_and_time_gives_the_year() -> None:
    text = "Chile and Norway lift trade\n\nMonday, 21/03/2031, 09:15\n\nTrade between them rose this year."
    found = publication_date(text)
    assert found is not None and found.date == dt.date(2031, 3, 21) and found.precision == "day"


def test_a_numeric_date_line_after_a_clock_time_is_read_day_first_when_both_fit() -> None:
    found = publication_date("Peru-Ghana trade grows\n\n10:05:11 AM | 4/6/2031\n\nThe trade this year was up.")
    assert found is not None and found.date.year == 2031 and found.precision == "year"


def test_a_numeric_date_inside_a_sentence_is_not_a_date_line() -> None:
    assert publication_date("Peru and Ghana met on 4/6/2031 to talk about trade in maize.") is None


def test_this_year_in_a_text_with_a_numeric_date_line_is_that_year() -> None:
    text = ("Peru-Ghana trade\n\nFriday, 08/08/2031, 11:00\n\nTrade between Peru and Ghana reached $3 billion "
            "in the opening half of this year, and Peru's exports to Ghana came to $1.2 billion.")
    got = extract(text)
    assert _claim(got, 3e9).year == 2031
    assert _claim(got, 1.2e9).year == 2031


# -- "the January-November period of YEAR" names the running year --------------------------------

def test_a_months_period_of_a_year_tells_an_undated_text_its_year() -> None:
    text = ("Trade between Chile and Norway in the first eleven months of this year was $4 billion. "
            "Chile's surplus reached $300 million in the Jan-Nov period of 2031.")
    stated = year_from_text(text)
    assert stated is not None and stated.year == 2031
    assert _claim(extract(text), 4e9).year == 2031


# -- "July-June (2031-32)": the months of a fiscal year named with it -----------------------------

def test_a_twelve_month_range_before_a_fiscal_year_is_that_fiscal_year() -> None:
    from bilat.news.periods import find_periods
    found = find_periods("Exports reached $900m during July-June (2031-32), against $700m in July-June (2030-31).")
    assert [(p.label, p.year) for p in found] == [("FY2031-32", 2031), ("FY2030-31", 2030)]


def test_a_shorter_range_before_a_fiscal_year_is_not_merged_into_it() -> None:
    from bilat.news.periods import find_periods
    labels = [p.label for p in find_periods("Exports reached $500m during July-March (2031-32).")]
    assert "FY2031-32" in labels and len(labels) == 2


# -- "from $X to $Y" inside a part-year or a year-on-year sentence --------------------------------

def test_from_to_in_a_quarter_is_the_same_quarter_a_year_before() -> None:
    got = extract("In the first quarter of 2031, Peru's exports to Ghana increased by 5 percent from $6.8 billion "
                  "to $7.1 billion.", dt.date(2031, 8, 1))
    base = _claim(got, 6.8e9)
    assert base.year == 2030 and base.period == "2030-Q1"
    assert _claim(got, 7.1e9).year == 2031


def test_from_to_in_one_month_said_year_on_year_is_the_year_before() -> None:
    got = extract("On a year-on-year basis, Peru's exports to Ghana in June 2031 rose 9 percent, from $64 million "
                  "to $70 million.", dt.date(2031, 8, 1))
    assert _claim(got, 6.4e7).year == 2030
    assert _claim(got, 7e7).year == 2031


def test_from_to_compared_month_on_month_keeps_the_figures_year() -> None:
    got = extract("On a month-on-month basis, Peru's exports to Ghana in June 2031 rose 9 percent, from $64 million "
                  "to $70 million.", dt.date(2031, 8, 1))
    assert _claim(got, 6.4e7).year == 2031


def test_from_to_in_one_month_without_year_on_year_keeps_the_figures_year() -> None:
    got = extract("Peru's exports to Ghana in June 2031 rose from $64 million to $70 million.", dt.date(2031, 8, 1))
    assert _claim(got, 6.4e7).year == 2031


# -- a list of goods, each with its value, after semicolons ---------------------------------------

def test_goods_listed_after_semicolons_keep_the_flow_of_the_first() -> None:
    got = extract("Trade between Peru and Ghana was $2 billion in 2031.\n\nThe key goods imported by Ghana from Peru "
                  "in 2031 were machinery worth $400m; paper and board worth $90m; and glass worth $30m.",
                  dt.date(2032, 3, 1))
    first = _claim(got, 4e8)
    for value in (9e7, 3e7):
        item = _claim(got, value)
        assert (item.measure, item.from_, item.to) == (first.measure, first.from_, first.to) == (first.measure, "PER", "GHA")


def test_a_country_named_between_figures_is_not_a_list_item() -> None:
    from bilat.news.claim_sides import item_list_goes_on
    assert item_list_goes_on("; paper and board worth ")
    assert not item_list_goes_on("; Chile bought goods worth ")


# -- remittances: from where people work to their own country -------------------------------------

def test_remittances_go_from_the_host_country_to_the_workers_own() -> None:
    got = extract("Trade between Peru and Ghana fell in 2031.\n\nRemittances from Ghanaians working in Peru reached "
                  "$40m in 2031, up from $30m in 2030. Remittances of Peruvian workers in Ghana were $5m.",
                  dt.date(2032, 3, 1))
    for value in (4e7, 3e7):
        assert (_claim(got, value).from_, _claim(got, value).to) == ("PER", "GHA")
    assert (_claim(got, 5e6).from_, _claim(got, 5e6).to) == ("GHA", "PER")


# -- an undated figure opening the paragraph after a dated one ------------------------------------

def test_an_undated_figure_after_a_dated_paragraph_takes_its_year() -> None:
    got = extract("Trade between Peru and Ghana rose 12 percent during 2031, reaching $2 billion.\n\n"
                  "The ministry's report showed that Peruvian sales exceeded $700 million, an increase of 9 percent "
                  "on a year-on-year basis.")
    assert _claim(got, 2e9).year == 2031
    assert _claim(got, 7e8).year == 2031


def test_a_year_read_otherwise_is_not_replaced_from_the_paragraph_above() -> None:
    got = extract("Trade between Peru and Ghana was $2 billion in 2029.\n\nIn 2031, Peru's exports to Ghana "
                  "came to $800 million.", dt.date(2032, 2, 1))
    assert _claim(got, 8e8).year == 2031


def test_an_undated_change_in_the_sentence_of_a_dated_figure_takes_its_year() -> None:
    got = extract("Trade between Peru and Ghana was $2 billion in 2029.\n\nIn the first half of 2031 Peruvian "
                  "exports to Ghana brought in $900 million, representing a year-on-year rise of 11%, the office said.")
    assert _claim(got, 9e8).year == 2031
    assert _claim(got, 11).year == 2031


# -- "<investment noun> from <country>": the investor -------------------------------------------

def test_fdi_from_a_country_is_from_that_country_whoever_reports_it() -> None:
    got = extract("Trade between Peru and Ghana was $2 billion in 2031. According to the central bank of Ghana, "
                  "the total FDI from Peru so far exceeds $600 million.", dt.date(2032, 3, 1))
    fdi = _claim(got, 6e8)
    assert (fdi.from_, fdi.to) == ("PER", "GHA")


def test_a_money_source_is_not_read_when_another_country_follows() -> None:
    from bilat.news.claim_sides import money_source
    assert money_source("the total FDI from @PER so far exceeds ") == "PER"
    assert money_source("loans from @PER, and exports to @CHL reached ") is None


# -- buyer and seller named by their roles ---------------------------------------------------------

def test_the_top_import_source_for_a_country_sells_to_it() -> None:
    got = extract("Trade between Peru and Ghana grew in 2031. Peru was the number one import source for Ghana "
                  "at $2 billion in 2031.", dt.date(2032, 1, 5))
    assert (_claim(got, 2e9).from_, _claim(got, 2e9).to) == ("PER", "GHA")


def test_a_country_receiving_another_countrys_goods_is_the_buyer() -> None:
    from bilat.news.claim_sides import buyer_sides
    assert buyer_sides("data showed that @GHA was the main partner, receiving ", " of @PER goods in the first half") \
        == ("PER", "GHA")
    assert buyer_sides("@GHA was receiving ", " in aid last year") is None
