"""Dates and years in article text, resolved against the publication date when it is known.

Relative expressions ("on Wednesday", "last May", "last year") stay relative (``value`` None)
when no publication date is given: guessing would put a wrong date on a record that looks sure.
Month-day dates without a year ("Jan. 4") are resolved with dateparser, preferring the past.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from bilat.news.model import DateRef
from bilat.news.weekday_dates import weekday_back

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",),
            ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"),
            ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
#: any month name or abbreviation, longest first (the one pattern every date reader shares)
MONTH_PATTERN = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_MONTH = MONTH_PATTERN
_M = r"(?P<month>" + _MONTH + r")\.?"


class YearOnly(dt.date):
    """A publication date known only to its year (the text says "this year ... the same period of
    2005", and nothing gives the day). Why a ``date``: every extractor anchors on a date; this one
    stands at the year's last day, so "in May" is that year's May, and :func:`find_dates` keeps
    "on Monday", "yesterday" or "last month" to the year instead of inventing a day."""

    year_only = True

    @classmethod
    def of(cls, year: int) -> YearOnly:
        return cls(year, 12, 31)


class YearGuess(YearOnly):
    """The earliest year an undated text can have been written, read from the figures it reports
    (:func:`bilat.news.pubdate.year_after_figures`): it resolves "last year" and the fiscal years
    of the figures, but is not the day of writing, so undated figures do not take it."""

    guessed = True


class MonthOnly(dt.date):
    """A publication date known only to its month (a page filed under ``/2015/12/``), standing at
    the month's last day (:func:`bilat.news.pubdate.publication_date`). Why: a weekday or
    "yesterday" cannot be counted back from a day nobody knows, so :func:`find_dates` keeps them to
    the month instead of naming the month's last Wednesday; month-day dates still resolve."""

    month_only = True


def is_month_only(published: dt.date | None) -> bool:
    """True for a :class:`MonthOnly` anchor."""
    return bool(getattr(published, "month_only", False))


def is_year_only(published: dt.date | None) -> bool:
    """True for a :class:`YearOnly` anchor."""
    return bool(getattr(published, "year_only", False))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(_M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})\s+" + _M + r",?\s+(?P<year>(?:19|20)\d\d)\b")),
    ("md", re.compile(r"\b" + _M + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)")),
    # "on 1 March", "the 12th of May": day first without a year, as British, Commonwealth and Gulf copy writes it
    ("dm", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M + r"\b(?!,?\s+(?:19|20)\d\d)")),
    ("my", re.compile(r"\b" + _M + r"\s+(?P<year>(?:19|20)\d\d)\b")),
    ("last_month", re.compile(r"\b[Ll]ast\s+(?P<month>" + _MONTH + r")\b")),
    ("weekday", re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")),
    ("relday", re.compile(r"\b(?P<rel>yesterday|today)\b")),
    ("relmonth", re.compile(r"\b(?P<rel>last|this|next|previous|past)\s+month\b", re.I)),
    ("relweek", re.compile(r"\b(?:earlier\s+)?(?P<rel>last|this|next|previous|past)\s+week\b", re.I)),
    ("in_month", re.compile(r"\b[Ii]n\s+(?:early\s+|late\s+|mid-)?(?P<month>" + _MONTH + r")\b(?![\s.]*\d)")),
]


def _last_year_around(m: re.Match[str]) -> bool:
    """Whether "last year" is written right beside a bare month ("last year in May", "in May last year")."""
    before, after = m.string[max(0, m.start() - 12) : m.start()], m.string[m.end() : m.end() + 14]
    return re.search(r"\b[Ll]ast\s+year,?\s+$", before) is not None or re.match(r",?\s+last\s+year\b", after) is not None


def find_dates(text: str, published: dt.date | None = None) -> list[DateRef]:
    """Dates in ``text`` (offsets into ``text``), most specific pattern first, non-overlapping."""
    return list(_cached_dates(text, published, type(published)))


@lru_cache(maxsize=32)
def _cached_dates(text: str, published: dt.date | None, anchor_type: type) -> tuple[DateRef, ...]:
    """Cached for the last few texts: the agreement readers ask about one sentence up to three
    times (its event, its details, its default date), and a month-day date costs a dateparser call
    each time; the cache is too small to carry across articles. ``anchor_type`` is in the key
    because a :class:`YearOnly` equals the plain date of its last day."""
    return tuple(_find_dates(text, published))


def _find_dates(text: str, published: dt.date | None) -> list[DateRef]:
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            ref = _resolve(kind, m, published)
            if ref is not None:
                found.append(ref)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> DateRef | None:
    text, start, end = m.group(), m.start(), m.end()
    groups = m.groupdict()
    month = MONTHS.get(groups.get("month") or "")
    try:
        if kind in ("mdy", "dmy"):
            return DateRef(text, start, end, dt.date(int(groups["year"]), month, int(groups["day"])), "day", False)
        if kind == "my":
            return DateRef(text, start, end, dt.date(int(groups["year"]), month, 1), "month", False)
    except ValueError:
        return None
    if kind == "in_month":
        text = groups["month"]
        start = m.start("month")
    if published is None:
        return DateRef(text, start, end, None, _precision(kind), True)
    if is_year_only(published) and kind in ("weekday", "relday", "relmonth", "relweek", "last_month"):
        return DateRef(text, start, end, dt.date(published.year, 1, 1), "year", True)
    if is_month_only(published) and kind in ("weekday", "relday"):
        return DateRef(text, start, end, dt.date(published.year, published.month, 1), "month", True)
    if kind == "md":
        return DateRef(text, start, end, _dateparser_past(text, published), "day", True)
    if kind == "dm":  # read as its month-day twin, so that both orders resolve alike
        return DateRef(text, start, end, _dateparser_past(f"{groups['month']} {int(groups['day'])}", published), "day", True)
    if kind in ("last_month", "in_month"):
        year = published.year if month < published.month else published.year - 1
        if kind == "in_month" and month <= published.month:
            year = published.year
        if kind == "in_month" and _last_year_around(m):
            year = published.year - 1  # "opened it last year in May", "in March last year"
        return DateRef(text, start, end, dt.date(year, month, 1), "month", True)
    if kind == "weekday":
        back = weekday_back(published, WEEKDAYS.index(groups["weekday"]), m.string[max(0, start - 20) : start])
        return DateRef(text, start, end, published - dt.timedelta(days=back), "day", True)
    if kind == "relmonth":
        shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[groups["rel"].lower()]
        index = published.year * 12 + published.month - 1 + shift
        return DateRef(text, start, end, dt.date(index // 12, index % 12 + 1, 1), "month", True)
    if kind == "relweek":  # a week is not a day: kept to its month (the month of the day it most likely was)
        shift = {"last": -7, "previous": -7, "past": -7, "this": 0, "next": 7}[groups["rel"].lower()]
        return DateRef(text, start, end, (published + dt.timedelta(days=shift)).replace(day=1), "month", True)
    if kind == "relday":
        back = 1 if groups["rel"] == "yesterday" else 0
        return DateRef(text, start, end, published - dt.timedelta(days=back), "day", True)
    return None


def _precision(kind: str) -> str:
    return "month" if kind in ("last_month", "in_month", "my", "relmonth", "relweek") else "day"


def _dateparser_past(text: str, published: dt.date) -> dt.date | None:
    import dateparser

    base = dt.datetime(published.year, published.month, published.day, 12)
    parsed = dateparser.parse(
        text, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    )
    return parsed.date() if parsed else None


# --- years -------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<![\d,.$£€¥₹])(?P<year>(?:19|20)\d\d)(?:[-/](?:\d\d){1,2})?(?!\d)(?P<after>'s|’s)?")
#: "on May 30, 1956", "28 June 2019": the year of a dated event, not of a figure
_DAY_DATE = re.compile(r"(?:" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\b\d{1,2}\s+" + _MONTH + r",?)\s+$")
#: a day date that opens the sentence dates what it reports ("On February 1, 2011, the company bought ...")
_OPENING_DAY = re.compile(r"^\W*(?:[Oo]n\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:"
                          + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}\s+" + _MONTH + r",?)\s+$")
_FOUNDING = re.compile(r"\b(?:since|established|founded|set\s+up|launched|created|signed|inaugurated|"
                       r"(?:came|come|comes|entered|enter|enters|went|go|goes)\s+into\s+(?:effect|force)|took\s+effect|"
                       r"diplomatic\s+(?:ties|relations)(?:\s+\w+){0,3})\s+(?:in\s+|on\s+)?(?:" + _MONTH + r"\.?\s+)?$", re.I)
_TARGET_BEFORE = re.compile(
    r"\b(?:by|until|till|before|through|(?<!according )to|towards?|within|since|from|than(?:\s+in)?|compared\s+(?:with|to)(?:\s+in)?|"
    r"versus|vs\.?|against|over)\s+(?:the\s+(?:end|same\s+period)\s+of\s*)?$", re.I)  # deadlines and comparison bases
_EVENT_AFTER = re.compile(r"^\s+(?!GDP\b)[A-Z][a-z]")
#: "By the end of 2027, Korea's investment in Peru was $1.6 billion": a deadline read in the past
#: tense is the date of a stock reached, not a target (its verb within the clause, before or after)
_BY_END = re.compile(r"(?i)\bby\s+(?:the\s+end\s+of\s+)?$")
_PAST_VERB = r"(?:had|was|were|stood|reached|totall?ed|amounted|hit|topped)\b"
_NOT_PAST = r"(?!(?:will|would|should|could|may|might|shall|must|expected|aims?|aimed|plans?|to|and|but)\b)"
_PAST_AFTER = re.compile(r"^,?\s+(?:" + _NOT_PAST + r"[^\s,;.]+\s+){0,8}?" + _PAST_VERB, re.I)
_PAST_BEFORE = re.compile(r"\b" + _PAST_VERB + r"(?:\s+" + _NOT_PAST + r"[^\s,;.]+){0,8}?\s+$", re.I)
#: "the Economic Survey 2021 shows", "Vision 2030", "Expo 2020": a year in a title names the title
_TITLE_BEFORE = re.compile(
    r"(?<=\S\s)(?!(?:In|By|Since|For|Of|During|Until|From|To|And|The|At|On|As|Through|Between|Before|After|Early|Late|"
    r"Mid|Fiscal|Calendar|Year|End|Last|This|Next|Summer|Winter|Spring|Autumn|Fall|" + "|".join(MONTHS) + r")\b)"
    r"[A-Z][a-z]+\s+$")
#: "in 1998, when two-way trade stood at $60 million": the year of a founding dates the figure after it
_WHEN_AFTER = re.compile(r"^,?\s+when\s+(?:[\w'’-]+\s+){0,4}(?:trade|exports?|imports?|turnover|investments?)\b", re.I)
#: "a year ago" is last year when it dates a statement ("pledged a year ago"), not when it is a base
#: ("two years ago" is the year two before the page's)
_RELATIVE_YEAR = re.compile(r"\b(?:(?P<rel>last|this|previous|past)\s+year|a\s+year\s+ago|"
                            r"(?P<ago>two|three|four|five|2|3|4|5)\s+years\s+ago)\b", re.I)
_AGO = {"two": 2, "three": 3, "four": 4, "five": 5}
#: "up 12 percent from last year", "higher than the previous year": the comparison base, not the figure's year
_BASE_BEFORE = re.compile(r"\b(?:from|than|over|on|versus|vs\.?|against|compared\s+(?:with|to))\s+(?:the\s+)?$"
                          r"|\b(?:same|corresponding|similar)\s+(?:period|months?|quarter|half|time)\s+(?:of\s+)?$", re.I)
#: a year told from the year named before it: "a year earlier", "the following year"
_STEP_YEAR = re.compile(
    r"\b(?:(?P<prior>a\s+year\s+(?:earlier|before)|the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+before)|"
    r"(?P<next>a\s+year\s+later|the\s+(?:following|next|subsequent)\s+year|the\s+year\s+after))\b", re.I)


def point_years(text: str, published: dt.date | None = None) -> list[tuple[int, int]]:
    """Years that date a statement (``in 2016``, ``a 2013 gross domestic product``, ``last year``).

    Returns ``(position, year)``. Left out: target years (``by 2025``), ``since 2010``, and years
    naming an event ("the 2020 Tokyo Olympics").
    """
    out: list[tuple[int, int]] = []
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if _TARGET_BEFORE.search(before) and not (
                _BY_END.search(before) and (_PAST_AFTER.match(text[m.end() : m.end() + 90])
                                            or _PAST_BEFORE.search(text[max(0, m.start() - 110) : m.start() - len(_BY_END.search(before).group())]))):
            continue
        if _EVENT_AFTER.match(text[m.end() : m.end() + 12]) and not re.search(r"(?i)\bin\s+$", before):
            continue
        if _TITLE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if re.search(r"[$£€¥₹]\s*$", before):
            continue
        if _OPENING_DAY.match(text[: m.start()]) and text[m.end() : m.end() + 1] == ",":
            out.append((m.start(), int(m.group("year"))))  # "On February 1, 2011, X bought ... for $N": the sentence's day
            continue
        if _DAY_DATE.search(before) or _FOUNDING.search(text[max(0, m.start() - 60) : m.start()]) and not _WHEN_AFTER.match(
                text[m.end() : m.end() + 40]):
            continue  # "set up ties in 1998" names a founding, unless "in 1998, when trade stood at ..."
        out.append((m.start(), int(m.group("year"))))
    for m in _RELATIVE_YEAR.finditer(text):
        rel = (m.group("rel") or "last").lower()
        if _BASE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]) and rel != "past":
            continue  # "over the past year" is a span of time, not the base "over the previous year"
        if rel == "previous" and _STEP_YEAR.match(text, max(0, m.start() - 4)):
            continue  # "the previous year" after a named year is that year minus one (step_years)
        shift = 0 if rel == "this" else 1
        if m.group("ago"):
            shift = int(_AGO.get(m.group("ago").lower(), m.group("ago")))
        # without a publication date "last year" dates the figure, but to an unknown year (None)
        out.append((m.start(), published.year - shift if published is not None else None))
    return sorted(out, key=lambda py: py[0])


def step_years(text: str, before: int | None) -> list[tuple[int, int | None]]:
    """ "a year earlier", "the following year": ``(position, year)`` counted from the last year
    named before the phrase in ``text`` (else from ``before``, the year the paragraph was at)."""
    out: list[tuple[int, int | None]] = []
    for m in _STEP_YEAR.finditer(text):
        if _BASE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue  # "up from the previous year": a comparison base
        named = [int(y.group("year")) for y in _YEAR.finditer(text, 0, m.start())]
        base = named[-1] if named else before
        out.append((m.start(), None if base is None else base + (-1 if m.group("prior") else 1)))
    return out
