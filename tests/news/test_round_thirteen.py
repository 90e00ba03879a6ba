"""Round thirteen: the year and the direction of claim figures, on a fresh set of real pages.

Every sentence here is invented for the test (real country names, made-up figures and dates); each
test names the general rule of English news prose it holds.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract
from bilat.news.periods import find_periods
from bilat.news.pubdate import year_from_text

from news_helpers import claim_of as _claim


# -- the words of a change (change_words.py) -------------------------------------------------------

def test_a_transitive_change_verb_with_the_flow_as_its_object_is_that_flow_s_change() -> None:
    got = extract("Uruguay increased its imports from Vietnam of rice and coffee by 37% in 2031.", dt.date(2032, 3, 1))
    change = _claim(got, 37)
    assert change.measure == "growth" and (change.from_, change.to) == ("VNM", "URY")


def test_a_cut_told_with_the_flow_between_verb_and_by_is_a_fall() -> None:
    got = extract("Uruguay slashed its import bill from Vietnam in fiscal 2031-32 by a sharp 41 per cent.",
                  dt.date(2032, 9, 1))
    change = _claim(got, -41)
    assert change.measure == "growth" and (change.from_, change.to) == ("VNM", "URY")


def test_lost_a_decrease_in_and_a_dip_of_are_falls() -> None:
    got = extract("Uruguayan exports to Vietnam lost 3.5% in 2031. Shipments of beef showed a decrease in volume "
                  "by 4.7 percent in 2031. Trade with Vietnam saw a dip of 12.5 per cent in 2031.", dt.date(2032, 3, 1))
    assert _claim(got, -3.5).measure == "growth"
    assert _claim(got, -4.7).measure == "growth"
    assert _claim(got, -12.5).measure == "growth"


def test_a_tariff_cut_by_a_percentage_is_still_a_rate_not_a_flow_s_change() -> None:
    got = extract("Vietnam cut tariffs on Uruguayan beef by 10 percent in 2031.", dt.date(2032, 3, 1))
    assert _claim(got, 10).measure != "growth"


def test_a_signed_percentage_in_brackets_after_a_figure_is_that_figure_s_change() -> None:
    got = extract("In 2031 exports from Uruguay to Vietnam came to $2.6 bln (+4.2%), while imports from Vietnam "
                  "totaled $1.9 bln (-6.5%).", dt.date(2032, 3, 1))
    rise, fall = _claim(got, 4.2), _claim(got, -6.5)
    assert rise.measure == "growth" and (rise.from_, rise.to) == ("URY", "VNM")
    assert fall.measure == "growth" and (fall.from_, fall.to) == ("VNM", "URY")


# -- periods: two-digit years and months counted back ----------------------------------------------

def test_a_compact_half_or_quarter_with_a_two_digit_year_is_that_year_s() -> None:
    assert [(p.label, p.year) for p in find_periods("Trade came to $300 million in 1H31.")] == [("2031-H1", 2031)]
    assert [(p.label, p.year) for p in find_periods("Sales rose in Q3'32 and fell in 2Q 33.")] == [
        ("2032-Q3", 2032), ("2033-Q2", 2033)]


def test_months_leading_to_a_month_are_the_first_months_of_its_year() -> None:
    labels = [p.label for p in find_periods("in the five months leading to May, and in nine months through September")]
    assert labels == ["{y}-01..{y}-05", "{y}-01..{y}-09"]


def test_months_leading_to_a_month_after_the_month_of_writing_are_last_year_s() -> None:
    got = extract("Uruguay sold goods worth $80 million to Vietnam in the five months leading to May.",
                  dt.date(2032, 1, 15))
    claim = _claim(got, 8e7)
    assert claim.year == 2031 and claim.period == "2031-01..2031-05"


# -- currencies ------------------------------------------------------------------------------------

def test_ugandan_shillings_written_ush_and_nz_dollars_after_the_number() -> None:
    got = extract("Uganda's exports to Rwanda stood at Ush1.2 trillion in 2031, and Fiji's exports to Samoa "
                  "reached 640 million NZ dollars in 2031.", dt.date(2032, 3, 1))
    assert _claim(got, 1.2e12).currency == "UGX"
    assert _claim(got, 6.4e8).currency == "NZD"


# -- the account's year, not the day of writing (paragraph_years.years_of_the_account) ------------

def test_a_figure_dated_only_by_the_day_goes_on_with_the_year_just_told() -> None:
    text = ("Trade between Uruguay and Vietnam reached $3.4 billion in 2031.\n\n"
            "The growth of 22% year on year came from Uruguay's shipments of beef to Vietnam, up 41%.\n\n"
            "Beef led the exports with $900 million, followed by wool with $300 million.")
    got = extract(text, dt.date(2032, 1, 20))
    assert _claim(got, 22).year == 2031
    assert _claim(got, 41).year == 2031
    assert _claim(got, 9e8).year == 2031


def test_a_figure_said_of_the_present_keeps_the_day_of_writing() -> None:
    text = ("Trade between Uruguay and Vietnam reached $3.4 billion in 2031.\n\n"
            "Uruguay's exports to Vietnam so far this year stand at $700 million.")
    assert _claim(extract(text, dt.date(2032, 5, 20)), 7e8).year == 2032


def test_a_stock_that_stands_at_a_sum_keeps_the_day_of_writing() -> None:
    text = ("Trade between Uruguay and Vietnam reached $3.4 billion in 2031.\n\n"
            "Uruguayan investment in Vietnam stands at $700 million.")
    assert _claim(extract(text, dt.date(2032, 5, 20)), 7e8).year == 2032


# -- a year of the figure's own clause --------------------------------------------------------------

def test_a_year_before_the_figure_in_its_clause_beats_one_opening_the_next_clause() -> None:
    got = extract("In 2030, Uruguay's exports to Vietnam only slightly exceeded $2.3 billion, a year later they "
                  "rose to almost $2.9 billion. In 2032, when prices fell, exports had reached $3.6 billion, and in "
                  "2033 they had grown to $4.1 billion.", dt.date(2034, 2, 1))
    assert _claim(got, 2.3e9).year == 2030
    assert _claim(got, 2.9e9).year == 2031
    assert _claim(got, 3.6e9).year == 2032
    assert _claim(got, 4.1e9).year == 2033


# -- partners named in a list -----------------------------------------------------------------------

def test_each_share_in_a_list_of_partners_belongs_to_the_partner_before_it() -> None:
    got = extract("Uruguay and Vietnam trade more. In 2031 the top buyers of Uruguayan goods were China, with 27 "
                  "percent of exports, Brazil, with 14.5 percent, and Vietnam with 3.5 percent.", dt.date(2032, 3, 1))
    assert (_claim(got, 27).from_, _claim(got, 27).to) == ("URY", "CHN")
    assert _claim(got, 14.5).to == "BRA"
    assert _claim(got, 3.5).to == "VNM"


def test_a_partner_ranked_with_a_figure_is_the_other_end_of_that_flow() -> None:
    got = extract("Uruguay and Vietnam trade more. According to the report, Mexico ranked first for Uruguayan exports "
                  "in 2031 with $2.2 billion.", dt.date(2032, 3, 1))
    assert (_claim(got, 2.2e9).from_, _claim(got, 2.2e9).to) == ("URY", "MEX")


# -- trade balances (balance_sides.py) --------------------------------------------------------------

def test_a_surplus_compared_with_a_deficit_runs_the_other_way() -> None:
    got = extract("In the first eight months of 2031 Uruguay recorded a deficit of $310 million in trade with "
                  "Vietnam compared to a modest surplus of $120 million in the same months of 2030.", dt.date(2031, 9, 9))
    assert (_claim(got, 3.1e8).from_, _claim(got, 3.1e8).to) == ("VNM", "URY")
    assert (_claim(got, 1.2e8).from_, _claim(got, 1.2e8).to) == ("URY", "VNM")


def test_the_change_of_a_deficit_keeps_the_deficit_s_sides() -> None:
    got = extract("Fiji's trade deficit with Samoa ballooned by 24 per cent in 2031.", dt.date(2032, 3, 1))
    change = _claim(got, 24)
    assert change.measure == "growth" and (change.from_, change.to) == ("WSM", "FJI")


def test_a_positive_or_negative_balance_is_a_surplus_or_a_deficit() -> None:
    got = extract("Uruguay's exports to Vietnam keep rising. Over the last twelve months its positive trade balance with "
                  "Vietnam is 1.4 billion euros. A negative trade balance of $60 million for Uruguay was recorded in "
                  "the first quarter of 2031.", dt.date(2032, 3, 1))
    surplus, deficit = _claim(got, 1.4e9), _claim(got, 6e7)
    assert surplus.about == "trade balance" and (surplus.from_, surplus.to) == ("URY", "VNM")
    assert (deficit.from_, deficit.to) == ("VNM", "URY")


# -- comparison bases and an undated text -----------------------------------------------------------

def test_a_base_compared_with_a_year_ends_where_the_change_reaches_its_new_level() -> None:
    got = extract("Trade between Uruguay and Vietnam rose by 6.1% in 2031 compared with 2030 to over $5.2 bln.",
                  dt.date(2032, 5, 1))
    assert _claim(got, 5.2e9).year == 2031


def test_last_year_changed_from_a_figure_of_a_named_year_dates_an_undated_text() -> None:
    text = ("Last year, Vietnam's imports from Uruguay fell to $2.28 billion (VND 52tn) from $2.4 billion in 2030 "
            "and $2.6 billion in 2029, the central bank said.")
    stated = year_from_text(text)
    assert stated is not None and stated.year == 2032
    assert _claim(extract(text), 2.28e9).year == 2031


def test_a_ranking_goes_on_with_followed_by_and_ranked_second() -> None:
    text = ("Uruguay's exports to Vietnam grew in 2031.\n\nBeef took the lead in exports to Vietnam with $400 million "
            "in 2031. It was followed by wool with $150 million.\n\nMexico ranked first for Uruguayan exports in 2031 "
            "with $2.2 billion.\n\nVietnam ranked second with about $1.1 billion.")
    got = extract(text, dt.date(2032, 2, 1))
    wool = _claim(got, 1.5e8)
    assert wool.measure == "exports" and (wool.from_, wool.to) == ("URY", "VNM") and wool.year == 2031
    second = _claim(got, 1.1e9)
    assert second.measure == "exports" and (second.from_, second.to) == ("URY", "VNM") and second.year == 2031


def test_a_record_since_a_year_does_not_make_a_figure_cumulative() -> None:
    got = extract("Fiji's exports to Samoa rose by 20 million NZ dollars to 699 million NZ dollars, yet Fiji posted "
                  "its first June trade deficit since 2029.", dt.date(2031, 7, 24))
    assert _claim(got, 6.99e8).year == 2031
    got = extract("Fiji has exported goods worth 900 million NZ dollars to Samoa since 2029.", dt.date(2031, 7, 24))
    assert _claim(got, 9e8).year is None


# -- a list of sums told with one scale word and "respectively in ..." -------------------------------

def test_bare_sums_after_a_scaled_one_take_its_scale_and_respective_periods_after_them() -> None:
    got = extract("Vietnam paid Uruguay $1,500.5 million, $1,600.25 and $1,700.75 for its purchases, "
                  "respectively in 2030-31, 2031-32 and 2032-33.", dt.date(2034, 2, 1))
    assert [(_claim(got, v).year, _claim(got, v).period) for v in (1.5005e9, 1.60025e9, 1.70075e9)] == [
        (2030, "FY2030-31"), (2031, "FY2031-32"), (2032, "FY2032-33")]


def test_a_price_after_a_scaled_sum_is_not_scaled() -> None:
    from bilat.news.money import find_amounts
    assert [a.value for a in find_amounts("exports of $2 billion and $300 per tonne")] == [2e9, 300.0]


# -- a level expected for the year of writing is a forecast claim, not a target ---------------------

def test_a_rise_to_a_level_this_year_is_a_forecast_claim_not_a_target() -> None:
    got = extract("Uruguay and Vietnam have the potential to raise the volume of their mutual commerce to "
                  "$2 billion this year, the minister said.", dt.date(2031, 4, 9))
    assert not got.targets
    claim = _claim(got, 2e9)
    assert claim.year == 2031 and claim.modality == "forecast"


def test_a_rise_to_a_level_by_a_later_year_stays_a_target() -> None:
    got = extract("Uruguay and Vietnam aim to raise the volume of their mutual commerce to $5 billion by "
                  "2035, the minister said.", dt.date(2031, 4, 9))
    assert [t.target_value for t in got.targets] == [5e9]


def test_a_third_exporter_in_a_while_clause_sells_to_the_same_market() -> None:
    got = extract("In 2031 Burundi's sales to Zambia came to Ush610 billion, while Malawi shipped merchandise "
                  "valued at Ush270 billion.", dt.date(2032, 1, 8))
    assert (_claim(got, 2.7e11).from_, _claim(got, 2.7e11).to) == ("MWI", "ZMB")
