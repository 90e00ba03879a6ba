"""A day written before its month with no year ("on 3 May", "the 1st of March") is a date.

Why: British, Commonwealth, African and Gulf copy writes the day first, and most news leaves the
year out when it is the year of writing. Month-first dates without a year ("May 3") were already
read against the day of publication; the day-first order was read only with a year, so a signing
"on 3 May" fell back to the month of publication. Every sentence is invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.dates import find_dates
from bilat.news.extract import extract

PUBLISHED = dt.date(2031, 5, 14)


@pytest.mark.parametrize(("text", "month_first", "day"), [
    ("signed on 3 May", "signed on May 3", dt.date(2031, 5, 3)),
    ("signed on 1st March", "signed on March 1st", dt.date(2031, 3, 1)),
    ("signed on the 12th of April", "signed on April 12th", dt.date(2031, 4, 12)),
    ("signed on 20 Dec.", "signed on Dec. 20", dt.date(2030, 12, 20)),  # a day still ahead this year was last year's
])
def test_a_day_before_its_month_resolves_as_the_month_first_order_does(text: str, month_first: str,
                                                                       day: dt.date) -> None:
    (found,) = find_dates(text, PUBLISHED)
    assert (found.value, found.precision) == (day, "day")
    assert [d.value for d in find_dates(month_first, PUBLISHED)] == [day]


def test_a_signing_on_a_day_first_date_takes_that_day() -> None:
    got = extract("Chile and Peru signed a memorandum of understanding on fisheries on 3 May.", PUBLISHED)
    (mou,) = got.agreements
    assert mou.date is not None and mou.date.value == dt.date(2031, 5, 3)


def test_an_entry_into_force_on_a_day_first_date_takes_that_day() -> None:
    got = extract("The free trade agreement between Chile and Peru entered into force on 1 March.", PUBLISHED)
    (fta,) = got.agreements
    assert fta.status == "in_force" and fta.date is not None and fta.date.value == dt.date(2031, 3, 1)


def test_a_day_first_date_with_its_year_is_still_read_once() -> None:
    (found,) = find_dates("signed on 3 May 2029", PUBLISHED)
    assert found.value == dt.date(2029, 5, 3) and found.text == "3 May 2029"


def test_numbers_before_a_word_that_only_begins_like_a_month_are_not_dates() -> None:
    assert find_dates("about 12 Marines and 40 Junebugs", PUBLISHED) == []
