"""Which date of a signing sentence is the signing's, and how precise a date is.

Why a module of its own: the first pass (:mod:`.agreements`) and the dating rules of the second
(:mod:`.agreement_dates`) ask the same two questions of every date a sentence holds: is it a later
milestone or another event's day ("will enter into force on 1 January", "after the process ended in
January"), and does it fix the day better than the date already held. Kept apart from the sentence
reader so that it stays short.
"""

from __future__ import annotations

import re

from bilat.news.model import DateRef


_LATER = re.compile(r"\b(?:force|effect|from|until|till|by|starting|start|begin|next|in\s+time\s+for|"
                    # "the signing scheduled for March 2031", "the summit slated in November": a date yet to come
                    r"(?:scheduled|slated|planned|due)(?:\s+for)?)\s+(?:on\s+|in\s+)?$", re.I)


#: "… after the Brexit process ended in January", "the joint taskforce formed in June": the date of another event
_OTHER_EVENT = re.compile(r"\b(?:ended|began|started|since|after|before|expired|took\s+office|formed|constituted|"
                          r"(?:originally|first|initially)\s+(?:signed|agreed|concluded|inked))\s+(?:in\s+|on\s+)?$", re.I)


def _later_date(text: str, d: DateRef) -> bool:
    """ "will enter into force on 1 January", "from January": a later milestone, not the signing date."""
    return _LATER.search(text[max(0, d.start - 30) : d.start]) is not None


def _is_year_only(d: DateRef) -> bool:
    return d.precision == "year"


def _specificity(d: DateRef) -> float:
    """How precisely a date fixes the day: "12 March 2019" > "on Friday" (resolved) > "in June" > a year."""
    if re.search(r"\d", d.text) and any(ch.isalpha() for ch in d.text) and d.precision == "day":
        return 3  # "May 2022" is a month, below a resolved weekday (round eleven)
    if d.precision == "day" and d.value is not None:
        return 2.5
    if d.precision == "month":
        return 2
    return 1


def _shift(d: DateRef, offset: int) -> DateRef:
    return DateRef(d.text, d.start + offset, d.end + offset, d.value, d.precision, d.relative)
