"""A figure followed by the base it stands for: "(… $2.3 billion over the same period of 2030)",
"… twice the $30 million in the same month a year ago".

Why: :mod:`.comparison` finds a base *after* its marker ("compared to 2018 ($56.8 million)",
"up from $X"), so a figure whose own words come after it ("$X over the same period of 2030") was
read as a figure of the sentence's year. Statistics offices and the wires that copy them write
both shapes; the year after the figure is the figure's own.
"""

from __future__ import annotations

import re

from bilat.news.model import Claim
from bilat.news.money import Amount

_OWN_BASE = re.compile(
    r"^\s*\)?\s*,?\s*(?:over|of|in|during|for)\s+the\s+(?:same|corresponding|similar|like)\s+"
    r"(?:period|month|quarter|half|months|time)\s+(?:of\s+|in\s+)?(?:the\s+)?"
    r"(?:(?P<year>(?:19|20)\d\d)\b|(?P<back>(?:last|previous|preceding|prior)\s+year|a\s+year\s+(?:ago|earlier|before))\b)",
    re.I,
)


#: "increased by $300 million over the same period last year", "an increase of $300 million over
#: the same period of 2030": the amount is the change against the base, not the base itself
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|\b(?:up|down)|\b(?:increase|rise|growth|jump|gain|surge|decrease|decline|drop|fall|dip|slump)s?\s+of)"
    r"\s+(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+|over\s+|more\s+than\s+)?$",
    re.I,
)


def own_base(claim: Claim, sentence: str, amount: Amount, previous: Claim | None) -> bool:
    """Date ``claim`` (a money figure) by the base phrase right after it, and let it stand for the
    same measure and sides as the figure before it in the sentence. ``amount`` is the claim's
    amount in ``sentence``. A change ("up by $X over the same period of 2030") is not a base: it
    keeps its own year. Returns True when the phrase was there."""
    m = _OWN_BASE.match(sentence[amount.end :])
    if m is None or claim.unit is not None or _CHANGE_BEFORE.search(sentence[: amount.hedge_start]):
        return False
    reference = previous.year if previous is not None and previous.year is not None else claim.year
    year = int(m.group("year")) if m.group("year") else (reference - 1 if reference is not None else None)
    if year is None:
        return False
    if previous is not None and previous.period and previous.year is not None and not previous.period.startswith("FY"):
        claim.period = previous.period.replace(str(previous.year), str(year))
    elif claim.period and claim.year is not None and not claim.period.startswith("FY"):
        claim.period = claim.period.replace(str(claim.year), str(year))
    claim.year = year
    if previous is not None and previous.unit is None and previous.currency:
        claim.measure, claim.from_, claim.to, claim.country = previous.measure, previous.from_, previous.to, previous.country
        claim.basis, claim.about = previous.basis, previous.about
    claim._in_base = True
    return True


_FROM_END = re.compile(r"\bfrom\s*$", re.I)
_TIME_WORD = re.compile(r"\d|\b(?:years?|fiscal|financial|decade|ago|earlier|before|since|period|months?|quarter|half|"
                        r"level|record|high|low|peak)\b", re.I)
_FY = re.compile(r"^FY(?P<a>\d{4})-(?P<b>\d{2})$")
#: a month or a part-year before the base ("May" only capitalised: "may rise" is a modal verb)
_PART_OF_YEAR = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
                           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|month|months|quarter|half|h[12]|q[1-4]|week)\b", re.I)


def year_before_from(claim: Claim, text: str, zone_start: int, zone_end: int, amount_end: int,
                     figure: Claim | None, sent_start: int) -> None:
    """ "rose to $5.2 billion in 2030 from $4.8 billion", "fell to $3.1 billion in the last fiscal
    year from $3.4 billion": a bare "from $X" base after a figure of a whole year (or fiscal year)
    is the year before. Why only then: after a month or a part-year the base may be the month
    before as well as the year before (round eight left those with the figure's year)."""
    if (figure is None or figure.start < sent_start or figure.unit is not None or figure.year is None
            or figure.start > sent_start + zone_start or not _FROM_END.search(text[:zone_start])
            or _TIME_WORD.search(text[amount_end:zone_end])):
        return  # the base says its own time ("from $X a decade ago") or none is to be read
    fy = _FY.match(figure.period or "")
    if (figure.period and not fy) or _PART_OF_YEAR.search(text[:zone_start]):
        return  # a month or a part-year: which base is meant is not said
    claim.year = figure.year - 1
    if fy:
        a = int(fy.group("a")) - 1
        claim.period = f"FY{a}-{(a + 1) % 100:02d}"
