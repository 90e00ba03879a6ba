"""Round eighteen, agreements: a rule kept only because it moved development sets other than the one
whose miss suggested it (docs/news.md, "Round eighteen"), checked here on made-up sentences.

* when the lead dates only a statement ("..., the ministry said on Sunday") and that day is not the
  page's own, papers named in later sentences with no day of their own stay undated.
"""

from __future__ import annotations

import datetime as dt

from bilat.news.extract import extract

MONDAY = dt.date(2034, 3, 13)

LEAD_TOLD = (
    "Peru and Kenya have agreed on a shipping credit line for coffee growers, the foreign office said on Sunday.\n\n"
    "During the envoy's week in Lima the two sides also signed a memorandum of understanding on fisheries research."
)




def _record(text: str, published: dt.date, word: str):
    ex = extract(text, published=published)
    return next(a for a in ex.agreements if word in text[a.start : a.end].lower())


def test_a_paper_told_later_does_not_take_the_day_of_a_statement() -> None:
    record = _record(LEAD_TOLD, MONDAY, "memorandum")
    assert record.date is None


def test_a_statement_made_on_the_page_day_still_dates_the_day_s_papers() -> None:
    text = LEAD_TOLD.replace("on Sunday", "on Monday")
    record = _record(text, MONDAY, "memorandum")
    assert record.date is not None and record.date.value == MONDAY


def test_a_signing_day_in_the_lead_still_dates_later_papers() -> None:
    text = LEAD_TOLD.replace("have agreed on", "signed on Sunday").replace(", the foreign office said on Sunday", "")
    record = _record(text, MONDAY, "memorandum")
    assert record.date is not None and record.date.value == dt.date(2034, 3, 12)
