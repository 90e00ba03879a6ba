"""A later sentence that says an agreement already recorded entered into force.

"Buoyed by the signing of the X Agreement ... growth since the X Agreement came into force on May 1,
2031"; "The two sides signed a visa agreement in Lima on 3 March. The agreement entered into force on
1 June." The signing sentence gives the record; the later one gives its status ``in_force`` and the
date of that entry into force, the dated event of the two.

Why a module of its own: the second pass (:mod:`.agreement_events`) is long, and this rule only asks
which record a later sentence is about: a titled record (its name or acronym) wherever it is named
again, an untitled one ("a visa agreement") only when the sentence's subject is "the agreement" and
that record is the last one told before the sentence (round fourteen; an untitled record was never
given its entry into force before).
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.agreement_dates import in_force_date
from bilat.news.agreement_words import CAME_INTO_FORCE
from bilat.news.discourse import current_agreements, refers_to
from bilat.news.model import Agreement
from bilat.news.text import Sentence

#: "The agreement entered into force ...", "This deal finally took effect ...": a definite generic
#: name as the subject of the entry into force
#: ("The old agreement", "The previous treaty": another, earlier paper, not the one just told)
_GENERIC_SUBJECT = re.compile(r"^\W*(?:The|This|That)\s+(?:(?!(?:old|older|earlier|previous|former|original|first|existing|"
                              r"other|current|last|prior|initial)\b)[\w-]+\s+)?(?:agreement|deal|pact|accord|treaty|memorandum|"
                              r"protocol)\s+(?:(?:has|had|finally|formally|officially|then|later|also)\s+)*"
                              r"(?:came|entered|went|took)\b")


def entered_into_force_later(merged: list[Agreement], view: str, sents: list[Sentence], published: dt.date | None) -> None:
    """Give a record the status ``in_force`` and its date from the first later sentence about it that
    says it entered into force (with a date)."""
    current = current_agreements(merged, view, sents)  # the discourse state's instrument, per sentence
    for r in merged:
        name = view[r.start : r.end]
        if r.status is not None or r.count is not None:
            continue
        titled = name[:1].isupper() and (len(name.split()) >= 2 or bool(r.acronym))
        for sent, now in zip(sents, current):
            if sent.end <= r.end or not CAME_INTO_FORCE.search(sent.text):
                continue
            if not (refers_to(sent, r, view, now) if titled else _last_before(merged, sent) is r
                    and _GENERIC_SUBJECT.search(sent.text)):
                continue
            found = in_force_date(sent, published)
            if found is not None and not titled and _before_signing(found, r):
                break  # "signed on 3 March 2033 ... The agreement entered into force in 2012": another paper
            if found is not None:
                r.status, r.date = "in_force", found
            break


def _last_before(records: list[Agreement], sent: Sentence) -> Agreement | None:
    """The record told last before ``sent`` (a batch aside): what its "the agreement" stands for."""
    before = [k for k in records if k.count is None and k.start < sent.start]
    return max(before, key=lambda k: k.start) if before else None


def _before_signing(found, record: Agreement) -> bool:
    """Whether an entry into force falls before the day the record says it was signed: no paper
    enters into force before its signing, so such a sentence tells of another one."""
    signed = record.date
    return (signed is not None and signed.precision == "day" and signed.value is not None
            and found.value is not None and found.value < signed.value)
