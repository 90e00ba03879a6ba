""""Put pen to paper on" is a signing, as "signed" and "inked" are.

Why: the idiom is common in African, British and Gulf copy ("the two ministers put pen to paper on
a deal to ..."), and without a signing verb the sentence was read as talk about a deal, so the deal
was not recorded. Every sentence is invented for the test.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract

PUBLISHED = dt.date(2031, 5, 14)  # a Wednesday


def test_putting_pen_to_paper_signs_the_deal_on_its_day() -> None:
    (deal,) = extract("Ministers from Chile and Peru put pen to paper on a deal to share electricity on Monday.",
                      PUBLISHED).agreements
    assert sorted(deal.parties) == ["CHL", "PER"] and deal.date is not None and deal.date.value == dt.date(2031, 5, 12)


def test_the_idiom_keeps_the_kind_of_what_was_signed() -> None:
    (mou,) = extract("Chile and Peru have put pen to paper on a memorandum of understanding on fisheries.",
                     PUBLISHED).agreements
    assert mou.type == "MoU"


def test_a_pen_that_is_not_put_to_paper_signs_nothing() -> None:
    assert extract("Chile and Peru discussed a deal; the minister's pen and paper stayed on the table.",
                   PUBLISHED).agreements == []
