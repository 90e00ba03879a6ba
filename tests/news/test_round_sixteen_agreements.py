"""Round sixteen, agreements: rules kept only when they also moved a development set other than the
one whose miss suggested them (docs/news.md, "Round sixteen"), each checked here on sentences made
up for the test (real country names, invented events and dates).

* a bare weekday one day after the page's date is that next day (the page is dated in a time zone
  behind the place of the signing), while "last Friday" stays a week back.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.dates import find_dates
from bilat.news.extract import extract

THURSDAY = dt.date(2033, 5, 12)


def test_a_weekday_just_after_the_page_date_is_the_next_day() -> None:
    text = "Chile and Ghana signed a maritime transport agreement in Accra on Friday evening, local officials said."
    (record,) = extract(text, published=THURSDAY).agreements
    assert record.date is not None and record.date.value == dt.date(2033, 5, 13)


def test_last_friday_stays_a_week_back() -> None:
    (ref,) = find_dates("The two port offices met last Friday to review freight.", THURSDAY)
    assert ref.value == dt.date(2033, 5, 6)


def test_other_weekdays_still_read_back() -> None:
    (ref,) = find_dates("The pact was initialled on Tuesday by both envoys.", THURSDAY)
    assert ref.value == dt.date(2033, 5, 10)
