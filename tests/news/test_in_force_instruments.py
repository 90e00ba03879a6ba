"""An instrument whose entry into force is the news is a record, whatever its kind.

Why: a tax treaty, an investment or a visa agreement makes news when it enters into force as well
as when it is signed, and such a sentence has no signing verb. bilat recorded the entry into force
of a trade agreement (status ``in_force``, dated by that day) but dropped every other kind. Every
sentence is invented for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bilat.news.extract import extract

PUBLISHED = dt.date(2031, 5, 14)  # a Wednesday


@pytest.mark.parametrize(("text", "day"), [
    ("The agreement on the avoidance of double taxation between Chile and Peru entered into force on 1 March.",
     dt.date(2031, 3, 1)),
    ("The double taxation agreement between Chile and Peru entered into force on March 1.", dt.date(2031, 3, 1)),
    ("A visa waiver agreement between Chile and Peru came into effect on Monday.", dt.date(2031, 5, 12)),
    ("Chile and Peru's investment protection agreement (BIT) has finally entered into force on 2 May.",
     dt.date(2031, 5, 2)),
])
def test_an_entry_into_force_is_recorded_with_its_day(text: str, day: dt.date) -> None:
    (record,) = extract(text, PUBLISHED).agreements
    assert sorted(record.parties) == ["CHL", "PER"]
    assert record.status == "in_force" and record.date is not None and record.date.value == day


@pytest.mark.parametrize("text", [
    "The agreement, which Chile and Peru have discussed for years, has not yet entered into force.",
    "Chile and Peru discussed the agreement and new tariffs that came into effect last year.",
    "The agreement was praised in Chile and Peru, and new tariffs came into effect last year.",
])
def test_a_mention_that_is_not_the_subject_of_the_entry_into_force_is_not(text: str) -> None:
    assert extract(text, PUBLISHED).agreements == []


def test_a_trade_agreement_in_force_is_still_one_record() -> None:
    (record,) = extract("The free trade agreement between Chile and Peru entered into force on 1 March.",
                        PUBLISHED).agreements
    assert record.status == "in_force" and record.date is not None and record.date.value == dt.date(2031, 3, 1)
