""""two years ago" dates a figure to the year two before the page's, as "a year ago" dates it to the
year before (``bilat.news.dates.point_years``); it had been read as the page's own year. Found by
probing invented sentences; sentences invented for the test.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract

PUBLISHED = dt.date(2030, 6, 3)


def _years(text: str) -> list[int | None]:
    return [c.year for c in extract(text, published=PUBLISHED).claims]


def test_n_years_ago_dates_the_figure() -> None:
    assert _years("Two years ago, Ghana sold $3 billion of goods to Peru.") == [2028]
    assert _years("Ghana's exports to Peru were $3 billion three years ago and $4 billion last year.") == [2027, 2029]
