"""When an agreement was made: the dates the second pass (:mod:`.agreement_events`) gives records.

Why a module of its own: dating is where real copy differs most from the sentence that names an
agreement (a lead's "on Monday", the session "held on December 20" its protocol closed, "Earlier,
… signed", a list of deals each with its own "last year" / "last month", an entry into force).
Each rule here says which date belongs to the instrument and which is only the day's news.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.event_dates import _later_date
from bilat.news.dates import find_dates, is_year_only
from bilat.news.model import Agreement, CountryRef, DateRef
from bilat.news.text import Sentence


def date_after(view: str, sent: Sentence, refs: list[CountryRef], country: str, published: dt.date | None) -> DateRef | None:
    """ "like pacts with Chile and Peru in the first half of last year, and with Norway
    last month": each country's deal is dated by the first date after its name, else the sentence's."""
    at = next((r.end for r in refs if r.iso3 == country and sent.start <= r.start < sent.end), None)
    if at is None:
        return sentence_date(sent, published, years=True)
    rest = view[at : sent.end]
    found = [(d.start, d) for d in find_dates(rest, published) if d.precision != "year" and not _later_date(rest, d)]
    year = _IN_YEAR.search(rest)
    if year is not None:
        found.append((year.start(), None))
    if not found:
        return sentence_date(sent, published, years=True)
    first_at, first = min(found, key=lambda x: x[0])
    if first is not None:
        return DateRef(first.text, first.start + at, first.end + at, first.value, first.precision, first.relative)
    only_year = Sentence(at + first_at, at + year.end(), sent.paragraph, False, year.group())
    return sentence_date(only_year, published, years=True)


_TO_IMPLEMENT = re.compile(r"\b(?:to|will)\s+(?:start\s+|begin\s+)?(?:implement(?:ing)?|operationali[sz]e|enforce)\s+"
                           r"(?:the|their|an?)\s+(?:[\w-]+\s+){0,3}$", re.I)
_PROPOSED = re.compile(r"\b(?:proposed|planned|envisaged|mooted|prospective|future|potential)\s+(?:[\w-]+\s+){0,3}$", re.I)


#: deals told as having come before the news: "following landmark agreements with", "after pacts with",
#: "already has free-trade agreements with": their day is not the publication's (round thirteen); an
#: indefinite article between ("after lunch a loan agreement was signed") starts a new paper, not a recalled one
_RECALLED = re.compile(r"\b(?:following|after|besides|like)\s+(?:(?!an?\s)[\w-]+\s+){0,3}?[\w-]+$|"
                       r"\b(?:already|previously)\s+(?:has|have|had|signed|concluded)\s+(?:[\w-]+\s+){0,3}?[\w-]+$", re.I)


#: an agreement told as already in place: "the existing Korea-Chile pact", "their current FTA"
_EXISTING = re.compile(r"\b(?:existing|current|previous|original)\s+(?:[\w-]+\s+){0,3}$", re.I)


#: a legislature's approval of an agreement between two sides: a step after the signing, whose day
#: is not the instrument's (round thirteen); a plan one government approves is dated by its approval
_HOUSE_APPROVED = re.compile(r"\b(?:[Pp]arliament|[Tt]he\s+House|Congress|[Tt]he\s+Senate|National\s+Assembly|[Ll]egislature|"
                             r"[Ll]awmakers|MPs)\b[^.;]{0,40}?\b(?:approved|ratified|passed)\b")
_SIGNED_HERE = re.compile(r"\b(?:signed|inked|concluded|initial(?:l)?ed)\b", re.I)


def default_dates(records: list[Agreement], sents: list[Sentence], published: dt.date | None, view: str = "") -> None:
    """An agreement the text does not date is the news of the day: the lead's date ("China on Monday
    outlined…"), else the publication month. Without a publication date only a year
    written in its own sentence ("signed a free trade agreement in 2009", a pact recalled in passing)
    dates it."""
    if published is None:
        for r in records:
            sent = next((s for s in sents if s.start <= r.start < s.end), None)
            if r.date is None and sent is not None and r.status not in ("pending", "in_force") \
                    and not _PROPOSED.search(view[max(0, r.start - 30) : r.start]):
                found = sentence_date(sent, None, years=True)
                if found is not None and not (found.precision == "year" and found.text.lower().startswith(("since", "during"))):
                    r.date = found  # ("rising since 2010, after the pact was signed": not the signing's year)
        return
    lead = None
    for sent in [s for s in sents if not s.headline and not _dateline_only(s, published)][:2]:
        lead = sentence_date(sent, published)
        older = lead is not None and lead.value is not None and lead.value.year < published.year and any(
            r.date is not None and r.date.start == lead.start for r in records)
        if lead is not None and lead.value is not None and lead.precision == "day" and not older:
            break  # (an older date that dates an instrument of its own is not the day's news)
        lead = None
    lead_sent = next((s for s in sents if lead is not None and s.start <= lead.start < s.end), None)
    told = lead is not None and lead.value != published and view != "" and _REPORT_DAY.search(view[max(0, lead.start - 40) : lead.start]) is not None
    for r in records:
        if told and not (lead_sent is not None and lead_sent.start <= r.start < lead_sent.end) and r.date is None:
            continue  # "..., the ministry said on Sunday": the day of a statement, not of papers told elsewhere
        if r.status in ("pending", "in_force") or _PROPOSED.search(view[max(0, r.start - 30) : r.start]):
            continue  # announced or proposed, or in force since a day the text does not give: not the day's news
        sent = next((s for s in sents if s.start <= r.start < s.end), None)
        if len(r.parties) == 2 and sent is not None and _HOUSE_APPROVED.search(sent.text) and not _SIGNED_HERE.search(sent.text):
            r.date = None  # "Parliament on Tuesday ratified a loan deal of A and B": signed on a day not given
            continue
        if (r.status == "negotiations_launched" and r.date is None and sent is not None and _ONGOING.search(sent.text)
                and not _OPENED.search(sent.text)):
            continue  # "the ongoing negotiations on a CEPA", "a third round of talks": a state, not the day's event
        if r.date is None and sent is not None and _TO_IMPLEMENT.search(view[max(sent.start, r.start - 60) : r.start]):
            continue  # "will implement the tariff pact from 1 July": signed before, on a day not given
        if r.date is None and _RECALLED.search(view[max(0, r.start - 60) : r.end]):
            continue  # "following landmark agreements with A, B and C", "already has FTAs with ...": before the news
        if r.date is None and _EXISTING.search(view[max(0, r.start - 50) : r.start]):
            continue  # "it follows the existing Korea-Chile pact": in place before the news
        if r.date is None and sent is not None:
            r.date = sentence_date(sent, published, years=True)  # "signed a free trade agreement in 2006"
            if r.date is not None and r.date.precision == "year" and _SINCE_BEFORE.search(
                    view[max(0, r.date.start - 30) : r.date.start]):
                r.date = None  # "Since its launch in 2011 the dialogue has grown": the start of another thing
            if r.date is not None and r.date.value is not None and r.date.value.year > published.year:
                r.date = None  # "signing the accord … the goal of $9 billion in 2030": a goal's year, not the signing's
        if r.date is None and is_year_only(published):
            r.date = DateRef(f"{published.year} (publication year)", r.start, r.start,
                             dt.date(published.year, 1, 1), "year", True)
        if r.date is None and sent is not None and _MEETING_WORD.search(sent.text):
            r.date = _meeting_date(sents, published)  # "a final protocol of the commission" held on a day given before
        month = DateRef(f"{published:%B %Y} (publication)", r.start, r.start, published.replace(day=1), "month", True)
        if r.date is None and sent is not None and re.match(r"(?i)earlier\b", sent.text):
            r.date = month  # "Earlier, the central banks signed …": before the day's news, on a day not given
        if r.date is None:
            r.date = lead or month


#: "..., the presidency said on Sunday", "its central bank announced Monday": the lead's day is when the
#: news was told; unless it is the page's own day it dates what that sentence reports, never a paper
#: the text names elsewhere with no day
_REPORT_DAY = re.compile(r"\b(?:said|says|announced|stated|confirmed|reported|statement(?:\s+(?:from|by)\s+[\w\s'’-]{1,40}?)?)"
                         r"\s+(?:on\s+|late\s+|early\s+)?$", re.I)


#: "BISHKEK, Kyrgyzstan, October 24." as a sentence of its own: where and when the page was filed
_DATELINE_BEFORE = re.compile(r"\b[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+)*,\s+(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?$")


def _dateline_only(sent: Sentence, published: dt.date | None) -> bool:
    """Whether the sentence's only date is a dateline that ends it ("… BISHKEK, Kyrgyzstan, October 24.").

    Why: the dateline is the day the page was filed, not the day of a signing the next sentence
    tells with no time word ("a memorandum has been signed"); such a signing is dated to the month
    of the page, as an undated signing always is, while a "today" or "on Monday" still gives its day."""
    dates = find_dates(sent.text, published)
    if len(dates) != 1:
        return False
    d = dates[0]
    return (_DATELINE_BEFORE.search(sent.text[max(0, d.start - 60) : d.start]) is not None
            and re.fullmatch(r"\.?\s*", sent.text[d.end :]) is not None)


#: talks said to be going on (a state), and talks opened (an event with a day)
_ONGOING = re.compile(r"\b(?:on-?going|continuing|round\s+of|negotiating|working\s+on|under\s*way|in\s+progress)\b", re.I)
_OPENED = re.compile(r"\b(?:launch(?:ed|es|ing)?|start(?:ed|s|ing)?|beg[ia]n|begins|kick(?:ed|s)?\s+off|resum(?:ed|es|e)|"
                     r"open(?:ed|s)|agreed\s+to)\b", re.I)
_MEETING_WORD = re.compile(r"\b(?:commission|meeting|session|summit)\b", re.I)
_HELD = re.compile(r"\b(?:held|convened|took\s+place)\s+(?:on\s+|in\s+)?$", re.I)


def _meeting_date(sents: list[Sentence], published: dt.date | None) -> DateRef | None:
    """The day a meeting named in the text was held ("the 11th session of the commission held on
    December 20"): the date of the protocol or agreement signed at it."""
    for sent in sents:
        if not _MEETING_WORD.search(sent.text):
            continue
        for d in find_dates(sent.text, published):
            if d.precision == "day" and d.value is not None and _HELD.search(sent.text[max(0, d.start - 20) : d.start]):
                return DateRef(d.text, d.start + sent.start, d.end + sent.start, d.value, d.precision, d.relative)
    return None


_INTO_FORCE = re.compile(r"\b(?:(?:came|come|comes|entered|went|go|goes)\s+into\s+(?:effect|force)|took\s+effect|"
                         r"(?:is|has\s+been|was)\s+in\s+force)\s+(?:on\s+|in\s+|since\s+)?$", re.I)


_YEAR_IN = re.compile(r"(?:19|20)\d\d")
_WILL_FORCE = re.compile(r"\b(?:will|shall|is\s+to|is\s+set\s+to|is\s+due\s+to)\s+(?:go|come|enter|take)\b", re.I)


def _next_year(value: dt.date) -> dt.date:
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year + 1, day=28)


def in_force_date(sent: Sentence, published: dt.date | None) -> DateRef | None:
    """ "…, which came into effect in October 2019": an agreement recorded as in force is dated by
    its entry into force (the only date the text gives it), not by the article."""
    for d in find_dates(sent.text, published):
        if _INTO_FORCE.search(sent.text[max(0, d.start - 40) : d.start]):
            value = d.value
            if (value is not None and published is not None and value < published and not _YEAR_IN.search(d.text)
                    and _WILL_FORCE.search(sent.text[max(0, d.start - 40) : d.start])):
                value = _next_year(value)  # "will go into effect on May 1" in an April article: the coming May
            return DateRef(d.text, d.start + sent.start, d.end + sent.start, value, d.precision, d.relative)
    m = re.search(r"(?:into\s+(?:effect|force)|took\s+effect)\s+in\s+((?:19|20)\d\d)\b", sent.text, re.I)
    if m:
        return DateRef(m.group(1), m.start(1) + sent.start, m.end(1) + sent.start, dt.date(int(m.group(1)), 1, 1), "year", False)
    return None


#: "since its launch in", "since the dialogue began in": the year another thing started
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+(?:(?:its|their|the|his|her)\s+)?(?:[\w-]+\s+){0,3}?(?:in\s+)?$")
_IN_YEAR = re.compile(r"\b(?:in|since|during)\s+(?P<year>(?:19|20)\d\d)\b|\b(?P<last>last|this)\s+year\b", re.I)


#: "nine rounds of negotiation since January 2031": a date after "since" starts a period that runs to
#: the news; it is never the day of an instrument signed or launched in the sentence (round thirteen)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def _since(text: str, d: DateRef) -> bool:
    return d.text.lower().startswith("since") or _SINCE.search(text[max(0, d.start - 14) : d.start]) is not None


def sentence_date(sent: Sentence, published: dt.date | None, years: bool = False) -> DateRef | None:
    """The sentence's first date (not a later milestone such as "enters into force on ..."); with
    ``years``, a bare year ("launched in 2020", "last year") when it names no day or month."""
    dates = [d for d in find_dates(sent.text, published) if d.precision != "year" and not _later_date(sent.text, d)
             and not _since(sent.text, d)]
    if dates:
        d = dates[0]
        return DateRef(d.text, d.start + sent.start, d.end + sent.start, d.value, d.precision, d.relative)
    m = _IN_YEAR.search(sent.text) if years else None
    if m is None:
        return None
    if m.group("year"):
        value = dt.date(int(m.group("year")), 1, 1)
    elif published is not None:
        value = dt.date(published.year - (1 if m.group("last").lower() == "last" else 0), 1, 1)
    else:
        return None
    return DateRef(m.group(), m.start() + sent.start, m.end() + sent.start, value, "year", m.group("year") is None)



#: "the Declaration ... signed in 2013 and the Joint Action Plan ... signed in 2018": a participle
#: with its own date after an instrument's name (the rest of the name may come between)
_OWN_SIGNING = re.compile(r"[^,;]{0,70}?\b(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:signed|concluded|inked|adopted|"
                          r"initial(?:l)?ed)\s+(?:between\s+[^,;]{3,60}?\s+)?(?P<date>(?:in|on)\s+[^,;]{2,30})", re.I)
_BARE_YEAR = re.compile(r"in\s+((?:19|20)\d\d)\b")


def _own_date(text: str, published: dt.date | None) -> DateRef | None:
    year = _BARE_YEAR.match(text)
    if year is not None:
        return DateRef(year.group(), 0, year.end(), dt.date(int(year.group(1)), 1, 1), "year", False)
    dates = find_dates(text, published)
    return dates[0] if dates and dates[0].start <= 3 else None


def own_signing_dates(records: list[Agreement], view: str, sents: list[Sentence], published: dt.date | None) -> None:
    """Instruments coordinated in one sentence, each with its own "signed in <year>": each takes the
    date written after its own name, up to the next instrument, not the sentence's first date
    (round thirteen). Unless at least two of them carry one, the other rules' dates stay."""
    for sent in sents:
        inside = sorted((r for r in records if sent.start <= r.start < sent.end), key=lambda r: r.start)
        if len(inside) < 2:
            continue
        found = []
        for i, r in enumerate(inside):
            stop = inside[i + 1].start if i + 1 < len(inside) else sent.end
            m = _OWN_SIGNING.match(view, r.end, stop) if r.end < stop else None
            d = _own_date(m.group("date"), published) if m else None
            found.append((r, d, m.start("date") if m else 0))
        if sum(1 for _, d, _ in found if d is not None) < 2:
            continue
        for r, d, at in found:
            if d is not None:
                r.date = DateRef(d.text, d.start + at, d.end + at, d.value, d.precision, d.relative)
