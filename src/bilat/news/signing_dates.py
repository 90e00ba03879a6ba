"""The day an instrument was signed, where the text states it right after the instrument's name.

Why a module of its own: a record is first dated by the sentence it is found in (the day's news,
an entry into force, another instrument signed that day). A sentence that names the instrument
and says when *it* was signed ("The Ruritania-Osterlich CEPA, signed on 4 March 2030, came into
force in June"; "The Ruritania-Osterlich FTA was signed in May 2029") is the most direct evidence
the text has, so it wins over a date the record only inherited, and over an entry into force
(a record carries the day of its making; the entry into force is a later milestone).
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.dates import find_dates
from bilat.news.model import Agreement, CountryRef, DateRef
from bilat.news.text import Sentence

#: between the name and its signing date: ", signed between the two nations on", " was signed in"
_SIGNED_ON = re.compile(
    r"(?:\s*\([^)]{1,20}\))?,?\s+(?:which\s+|that\s+)?(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?"
    r"(?:first\s+|originally\s+|formally\s+)?signed\s+(?:(?:by|between)\s+[^,.;()]{1,50}?\s+)?(?:on|in)\s+$", re.I)
_BARE_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d)\b")
_REACH = 110  # characters from the end of the name to the date


def _titled(name: str, r: Agreement) -> bool:
    """Only a name that picks one instrument ("the India-Oman CEPA", "FTA" with its parties named
    before it): a bare "the deal was signed in 2009" may be another deal."""
    return bool(name[:1].isupper()) and (len(name.split()) >= 2 or bool(r.acronym) or name.isupper())


def _own_countries(sent: Sentence, at: int, refs: list[CountryRef], r: Agreement) -> bool:
    """The countries named in the sentence before the name are the record's (or none are named):
    "the China-Chile FTA was signed in 2005" is not the China-Peru FTA."""
    named = {c.iso3 for c in refs if sent.start <= c.start < at}
    return not named or named <= set(r.parties)


def _signing_in(sent: Sentence, r: Agreement, name: str, refs: list[CountryRef], published: dt.date | None) -> DateRef | None:
    if name not in sent.text or "sign" not in sent.text:
        return None  # (most sentences: no regex run)
    for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", sent.text):
        if not _own_countries(sent, sent.start + m.start(), refs, r):
            continue
        rest = sent.text[m.end() : m.end() + _REACH]
        for d in find_dates(rest, published):
            if d.value is not None and _SIGNED_ON.fullmatch(rest[: d.start]):
                at = m.end() + sent.start
                return DateRef(d.text, d.start + at, d.end + at, d.value, d.precision, d.relative)
        for y in _BARE_YEAR.finditer(rest):
            if _SIGNED_ON.fullmatch(rest[: y.start()]):
                at = m.end() + sent.start
                return DateRef(y.group(), y.start() + at, y.end() + at, dt.date(int(y.group()), 1, 1), "year", False)
    return None


def stated_signing(records: list[Agreement], view: str, sents: list[Sentence], refs: list[CountryRef],
                   published: dt.date | None) -> None:
    """Give each titled record the signing date a sentence states for it (its own sentence or a
    later one), unless its date is already that day or an earlier one."""
    for r in records:
        name = view[r.start : r.end]
        if r.count is not None or r.status == "pending" or not _titled(name, r):
            continue
        names = [name] + ([r.acronym] if r.acronym and r.acronym != name else [])
        for sent in sents:
            if sent.end <= r.start:
                continue
            found = next((f for f in (_signing_in(sent, r, n, refs, published) for n in names) if f is not None), None)
            if found is None:
                continue
            own = r.date.value if r.date is not None else None
            if own is None or found.value < own:
                r.date = found
            break
