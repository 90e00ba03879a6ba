"""A month range told with its days ("between 1 January and 30 April") is the same part-year as without.

Why: statistics offices and the papers quoting them often give the exact first and last day of a
part-year; the figure is still for January-April, not for the whole year. Every sentence is
invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

from news_helpers import claim_of as _claim


@pytest.mark.parametrize(("text", "period"), [
    ("Between 1 January and 30 April, Chile exported goods worth $150 million to Peru.", "2031-01..2031-04"),
    ("From January 1 through April 30, 2030, Chile exported goods worth $150 million to Peru.", "2030-01..2030-04"),
    ("In the period 1st January to 31st March 2030 Chile exported $150 million of copper to Peru.",
     "2030-01..2030-03"),
    ("Between January and April, Chile exported goods worth $150 million to Peru.", "2031-01..2031-04"),
])
def test_a_month_range_with_its_days_is_a_part_year(text: str, period: str) -> None:
    claim = _claim(extract(text, dt.date(2031, 5, 14)), 1.5e8)
    assert claim.period == period and claim.year == int(period[:4])
