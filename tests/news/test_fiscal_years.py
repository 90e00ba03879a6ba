"""Fiscal years named relatively ("the current fiscal year", "last fiscal"); sentences written for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news import extract
from bilat.news.fiscal_years import relative_fiscal_periods


@pytest.mark.parametrize("pair, published, want", [
    (["PAK", "CHN"], dt.date(2019, 3, 31), ("FY2018-19", 2018)),   # July-June: March 2019 is in FY2018-19
    (["PAK", "CHN"], dt.date(2019, 8, 2), ("FY2019-20", 2019)),
    (["IND", "ARE"], dt.date(2023, 3, 20), ("FY2022-23", 2022)),   # April-March
    (["IND", "ARE"], dt.date(2023, 4, 2), ("FY2023-24", 2023)),
    (["USA", "MEX"], dt.date(2020, 11, 5), ("FY2020-21", 2020)),   # October-September
    (["CHL", "PER"], dt.date(2020, 11, 5), ("2020", 2020)),        # a calendar fiscal year
])
def test_the_current_fiscal_year_is_the_one_the_day_falls_in(pair: list, published: dt.date, want: tuple) -> None:
    [period] = relative_fiscal_periods("in the current fiscal year", published, pair, None)
    assert (period.label, period.year) == want


def test_last_fiscal_is_the_one_before() -> None:
    [period] = relative_fiscal_periods("in the last fiscal", dt.date(2023, 6, 1), ["IND", "ARE"], None)
    assert (period.label, period.year) == ("FY2022-23", 2022)


def test_an_undated_text_means_the_latest_fiscal_year_it_names() -> None:
    text = ("Two-way trade between Fiji and Japan rose 9 per cent in the last financial year, to $3 billion. "
            "Fiji's exports to Japan grew 12 per cent in 2016-2017.")
    got = extract(text)
    assert [(c.text, c.year) for c in got.claims] == [("9 per cent", 2016), ("$3 billion", 2016), ("12 per cent", 2016)]


def test_an_undated_text_naming_no_fiscal_year_leaves_it_open() -> None:
    assert relative_fiscal_periods("in the last financial year", None, ["AUS", "JPN"], None) == []
