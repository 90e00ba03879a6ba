"""The publication date an article states about itself, when the user did not give one.

Real articles carry their date in one of a few places; each is tried in this order:

1. an archive date line ("date 2024-03-12" at the start of the text);
2. a wire dateline ("SEOUL, Oct. 12 (Yonhap) --", "NEW DELHI Jan 25 (Reuters) -"): month and day,
   the year taken from the source address when it has one (a month after the address's month
   means the year before), else from the latest year the text names;
3. a date inside the source address (``/2017/04/11/``, ``/20050411.htm``, ``AEN20230721``,
   ``web.archive.org/web/20141213...``);
4. a date line of the page near the top ("Published: 12 March 2019", a line that is only a date
   and a byline), not a sentence that starts with a date.

When none of these is there, :func:`year_from_text` may still know the year: a text that reports
"this year" against "the same period of 2005" was written in 2006.

A user's ``--date`` always wins (:func:`bilat.news.extract.extract` only calls this when none was
given). Nothing found means ``None``: relative dates then stay unresolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bilat.news.dates import MONTH_PATTERN, MONTHS

_MONTH = MONTH_PATTERN
_PREFIX = re.compile(r"(?m)^\s*date\s+(\d{4})-(\d\d)-(\d\d)\b")
_SOURCE = re.compile(r"(?m)^\s*SOURCE:\s*(\S+)")
#: where a wire story was filed, at the start of a line: "SEOUL,", "NEW DELHI", "Santiago,"
_FILED_AT = r"(?m)^[ \t]*(?:[A-Z][A-Z .'-]{2,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?),?[ \t]+"
_DATELINE = re.compile(
    _FILED_AT + r"(?P<month>" + _MONTH
    + r")\.?[ \t]+(?P<day>\d{1,2})(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?[ \t]*(?:\([^)]{2,30}\))?[ \t]*[-–—:]"
)
#: the wire form "BISHKEK, Kyrgyzstan, October 24. A memorandum ...": a city in capitals, maybe its
#: country, the month and day, and a full stop (agencies of Central Asia and the Caucasus write it so)
_DATELINE_DOT = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .'-]{2,30},[ \t]+(?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?,[ \t]+)?(?P<month>"
                           + _MONTH + r")\.?[ \t]+(?P<day>\d{1,2})(?P<year>)\.(?=[ \t]|$)")
#: a start ahead of the news: "will apply the tariffs from March 1, 2024", "effective January 1, 2020"
_START_DATE = re.compile(r"\b(?:from|effective|starting|as\s+of)\s+(?P<m>" + _MONTH + r")\.?\s+\d{1,2},?\s+"
                         r"(?P<y>(?:19|20)\d\d)\b")
#: an event the text tells as past: "the deal signed in May 2023", "an accord concluded on May 10, 2023"
_PAST_EVENT = re.compile(r"\b(?:signed|concluded|inked|reached|launched)\s+(?:on\s+|in\s+)(?P<m>" + _MONTH
                         + r")\.?\s+(?:\d{1,2},?\s+)?(?P<y>(?:19|20)\d\d)\b")
_URL_PATTERNS = (
    re.compile(r"/web/(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)\d{6}/"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[/_.-]|$)"),  # "/2019-03-12/"
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)(?:/|$|\D)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-?(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),  # "/news/202404/29/content_…", "/2031-07/24/"
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)"),  # "20050411.htm", "AEN20230721002300320"
    # "/24-Feb-2023/", "/12-Aug-2022/": a day, a month's name and a year (round eleven)
    re.compile(r"/(?P<d>[0-3]?\d)-(?P<mon>" + _MONTH + r")-(?P<y>(?:19|20)\d\d)(?:[/_.?-]|$)", re.I),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)/"),  # "/enrelease/201811/39437_1.html": a month's folder
)
#: the patterns from here on give a month, not a day
_URL_MONTHS = len(_URL_PATTERNS) - 2
_YEAR = re.compile(r"(?<![\w$£€¥₹.,])((?:19|20)\d\d)(?![\d%])")
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before|to|towards?|within)\s+(?:the\s+end\s+of\s+)?$")
_FISCAL_SPAN = re.compile(r"(?<![\w$£€¥₹.,])((?:19|20)\d\d)[-–/](\d\d)(?![\d%-])")
_FUTURE_BEFORE = re.compile(r"\b(?:by|until|till|before|through|to|towards?|within|in)\s+(?:the\s+end\s+of\s+)?$")

#: a date in another calendar written first, "Jakarta, 5 Rajab 1452/6 November 2030 (XYZ) –":
#: agencies of countries with a second calendar print both; the Gregorian one after the slash is read
_OTHER_CALENDAR = r"(?:\d{1,2}[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Za-z][\w'’-]+)?[ \t]+1[34]\d\d[ \t]*/[ \t]*)?"
_DATELINE_DMY = re.compile(
    _FILED_AT + _OTHER_CALENDAR + r"(?P<day>\d{1,2})[ \t]+(?P<month>" + _MONTH
    + r")\.?,?[ \t]+(?P<year>(?:19|20)\d\d)[ \t]*(?:\([^)]{2,30}\))?[ \t]*[-–—:]"
)


@dataclass(frozen=True)
class Published:
    """A publication date and where it was read (``prefix``, ``dateline``, ``source``)."""

    date: dt.date
    how: str
    precision: str = "day"


def publication_date(text: str) -> Published | None:
    """The date ``text`` states for itself, or None."""
    head = text[:600]
    m = _PREFIX.search(head)
    if m:
        found = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found:
            return Published(found, "prefix")
    url = _SOURCE.search(text[:400])
    url_date = _url_date(url.group(1)) if url else None
    dmy = _DATELINE_DMY.search(text[:1200])
    if dmy:  # "Santiago, 12 March 2019 -": the year is written
        found = _date(int(dmy.group("year")), MONTHS[dmy.group("month")], int(dmy.group("day")))
        if found:
            return Published(found, "dateline")
    line = _DATELINE.search(text[:1200]) or _DATELINE_DOT.search(text[:1200])
    if line:
        month, day = MONTHS[line.group("month")], int(line.group("day"))
        year = int(line.group("year")) if line.group("year") else None
        how = "dateline"
        if year is None and url_date is not None:
            year = url_date.date.year - (1 if month > url_date.date.month else 0)
        credit = _byline_date(text[:800]) if year is None else None
        if credit is not None and credit.date.month == month:  # "Wire 2011/03/14" above "LIMA, March 14"
            year, how = credit.date.year, "dateline, year from the credit line"
        implied = year_from_text(text) if year is None else None
        if implied is not None:  # "this year ... the same period of 2018": the text says which year
            year, how = implied.year, "dateline, year from the text"
        if year is None:  # a guess, and said so: the latest year the text names that is not a deadline
            year, how = _latest_year(text), "dateline, year assumed from the latest year named"
            start = _START_DATE.search(text)
            if year is not None and start and int(start.group("y")) == year and MONTHS[start.group("m")] < month:
                year -= 1  # "Nov 28": "to apply the pact from March 1, 2031" starts after the day
            past = _PAST_EVENT.search(text)
            if year is not None and past and int(past.group("y")) == year and MONTHS[past.group("m")] > month:
                year += 1  # "April 29": "the deal signed in May 2031" was told after it, so the next April
        found = _date(year, month, day) if year else None
        if found:
            return Published(found, how)
    if url_date is not None and url_date.precision == "month":  # "/2013/09/" and "Sunday, September 22, 2013"
        byline = _byline_date(text[:800])
        same_month = byline is not None and byline.date.replace(day=1) == url_date.date
        return byline if same_month else _month_end(url_date)
    if url_date is not None:
        return url_date
    return (_byline_date(text[:800]) or _footer_date(text[-600:]) or _dotted_date(text[:600])
            or _numeric_date(text[:600]))


#: a paper's own footer: "Published in Dawn, July 23rd , 2014", "This article appeared in print on 12 March 2019"
_FOOTER = re.compile(
    r"\b(?:published\s+in\s+(?:the\s+)?[A-Z][\w .&'-]{1,40}?|appeared\s+in\s+print|printed\s+edition)\s*(?:,|on)\s*"
    r"(?:(?P<m1>" + _MONTH + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" + _MONTH + r")\.?,?\s+(?P<y2>(?:19|20)\d\d))", re.I)


def _footer_date(tail: str) -> Published | None:
    m = _FOOTER.search(tail)
    if m is None:
        return None
    month = MONTHS.get(m.group("m1") or m.group("m2")) or MONTHS.get((m.group("m1") or m.group("m2")).title())
    found = _date(int(m.group("y1") or m.group("y2")), month, int(m.group("d1") or m.group("d2"))) if month else None
    return Published(found, "footer") if found else None


#: a date line of the page itself: "Published: 12 March 2019", "Updated Mar 12, 2019, 10:30 IST",
#: or a short line that is only a date ("March 12, 2019 | By A. Writer")
_BYLINE = re.compile(
    r"(?im)^[ \t]*(?:[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*){0,2}[ \t]*\|[ \t]*)?"  # "EFE | April 06, 2011": agency first
    r"(?:(?:published|updated|posted|last\s+updated|date|first\s+published)"
    r"(?:\s+by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?\s*(?:on)?\s*:?\s*)?"  # "Published by Ann Lee on ..."
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<m1>" + _MONTH + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>" + _MONTH + r")\.?,?\s+(?P<y2>(?:19|20)\d\d))"
    r"(?P<rest>[^\n]{0,50})$"
)


#: "2019-03-12 10:30" on a line of its own, or an agency's credit line "Wire 2011/03/14" (year first)
_ISO_LINE = re.compile(r"(?m)^[ \t]*(?:[A-Z][\w.-]*[ \t]+){0,3}(?:(?:published|updated|posted|date)\s*:?\s*)?"
                       r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)"
                       r"(?:[ T]\d\d:\d\d(?::\d\d)?)?[^\n]{0,30}$", re.I)


#: a site's stamp written day first ("Wire | Updated: 07-03-2031 10:05 IST"): the order of the
#: Indian and European sites that print it so
_DMY_STAMP = re.compile(r"(?i)\b(?:updated|created|published|posted)\s*:\s*(?P<d>[0-3]?\d)-(?P<m>[01]?\d)-(?P<y>(?:19|20)\d\d)\b")


#: a short line that is only a numeric date, maybe with a weekday and a clock time around it
#: ("Saturday, 09/07/2031, 18:47", "12:43:16 PM | 9/4/2031"): many sites print their date so,
#: and whether day or month comes first is not said; the year, which the figures need, is
_NUMERIC_LINE = re.compile(r"(?m)^[ \t]*(?:[^\d\n]{0,20}?,?[ \t]*)?(?:\d\d?:\d\d(?::\d\d)?(?:[ \t]*[AP]M)?[ \t]*[|,-][ \t]*)?"
                           r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)"
                           r"(?:[ \t]*[,|-]?[ \t]*\d\d?:\d\d(?::\d\d)?(?:[ \t]*[AP]M)?)?[ \t]*$", re.I)


#: a page stamp written with dots, day first: "09.12.2005 Business", "Published on 28.02.2020 at 00h21",
#: "25. jul 2024 18:11". Dotted dates are day-first wherever they are printed (Europe, Africa, the
#: former Soviet states), so unlike a slashed date the order is not in doubt
_DOTTED_LINE = re.compile(r"(?im)^[ \t]*(?:(?:published|updated|posted)(?:[ \t]+on)?[ \t]*:?[ \t]*)?"
                          r"(?P<d>[0-3]?\d)\.(?:(?P<m>[01]?\d)\.|[ \t]*(?P<mon>jan|feb|mar|apr|maj|may|jun|jul|aug|avg|"
                          r"sep|okt|oct|nov|de[cz])[a-z]*\.?[ \t]+)(?P<y>(?:19|20)\d\d)\b(?![.,]?\d)")
_SHORT_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "maj": 5, "may": 5, "jun": 6, "jul": 7, "aug": 8, "avg": 8,
                 "sep": 9, "okt": 10, "oct": 10, "nov": 11, "dec": 12, "dez": 12}


def _dotted_date(head: str) -> Published | None:
    m = _DOTTED_LINE.search(head)
    if m is None:
        return None
    month = int(m.group("m")) if m.group("m") else _SHORT_MONTHS[m.group("mon").lower()]
    found = _date(int(m.group("y")), month, int(m.group("d")))
    return Published(found, "date line, dotted") if found else None


def _numeric_date(head: str) -> Published | None:
    """The numeric date line of ``head``, read day first unless only month first is possible (the
    order of most sites outside the United States); ``precision`` is ``year`` when both orders fit."""
    m = _NUMERIC_LINE.search(head)
    if m is None:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    day, month = (b, a) if a <= 12 < b else (a, b)
    found = _date(year, month, day)
    if found is None:
        return None
    return Published(found, "date line, numeric", "day" if max(a, b) > 12 else "year")


def _byline_date(head: str) -> Published | None:
    stamp = _DMY_STAMP.search(head)
    if stamp:
        found = _date(int(stamp.group("y")), int(stamp.group("m")), int(stamp.group("d")))
        if found:
            return Published(found, "byline, day first")
    iso = _ISO_LINE.search(head)
    if iso:  # "2019-03-12 10:30" on a line of its own
        found = _date(int(iso.group("y")), int(iso.group("m")), int(iso.group("d")))
        if found:
            return Published(found, "byline")
    for m in _BYLINE.finditer(head):
        if re.search(r"[.!?]\s*$", m.group("rest")) and len(m.group("rest").split()) > 4:
            continue  # a sentence that starts with a date, not a date line
        month = MONTHS[m.group("m1") or m.group("m2")]
        found = _date(int(m.group("y1") or m.group("y2")), month, int(m.group("d1") or m.group("d2")))
        if found:
            return Published(found, "byline")
    return None


def _url_date(url: str) -> Published | None:
    for i, pattern in enumerate(_URL_PATTERNS):
        for m in pattern.finditer(url):
            if i >= _URL_MONTHS:
                found = _date(int(m.group("y")), int(m.group("m")), 1)
                if found:
                    return Published(found, "source", "month")
                continue
            month = MONTHS[m.group("mon").title()] if "mon" in m.groupdict() else int(m.group("m"))
            found = _date(int(m.group("y")), month, int(m.group("d")))
            if found:
                return Published(found, "source")
    return None


def _latest_year(text: str) -> int | None:
    text = _SOURCE.sub("", text, count=1)  # the address is no sentence: "…-100-billion-by-2015-5910.html"
    years = [int(m.group(1)) for m in _YEAR.finditer(text)
             if not _FUTURE_BEFORE.search(text[max(0, m.start() - 20) : m.start()])]
    for m in _FISCAL_SPAN.finditer(text):  # "during 2009-10" names 2010 too ("1999-00": 2000)
        first = int(m.group(1))
        years.append(first // 100 * 100 + int(m.group(2)) + (100 if int(m.group(2)) < first % 100 else 0))
    return max(years) if years else None


def _month_end(month: Published) -> Published:
    """A publication known to the month is read as of its last day: a day the text names in that
    month ("On November 17", in a page filed under /201811/) is then in it, not a year back."""
    first = month.date
    following = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return Published(following - dt.timedelta(days=1), month.how, month.precision)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    return found if dt.date(1950, 1, 1) <= found <= dt.date(2100, 1, 1) else None


#: "in the first nine months of this year, up 12.3 percent over the same period of 2004": the
#: comparison base is the year before the current one (either order within one sentence)
_THIS_YEAR = r"\b(?:this|the\s+current)\s+year\b"
_SAME_PERIOD = r"\b(?:same|corresponding)\s+(?:period|months?|quarter|half)\s+(?:of|in)\s*(?P<year>(?:19|20)\d\d)\b"
_WITHIN_SENTENCE = r"(?:(?!(?<![A-Z])[.;]\s)[^!?])"  # "12.3 percent", "U.S. dollars" do not end it
_YEAR_PAIRS = (re.compile(_THIS_YEAR + _WITHIN_SENTENCE + r"{0,160}?" + _SAME_PERIOD, re.I),
               re.compile(_SAME_PERIOD + _WITHIN_SENTENCE + r"{0,160}?" + _THIS_YEAR, re.I))


#: "last year compared to 2010", "last year over 2010": the year compared with is the one before last year
_LAST_YEAR_AGAINST = re.compile(r"\blast\s+year,?\s+(?:compared\s+(?:to|with)|as\s+against|over|against)\s+"
                                r"(?:the\s+(?:figure|level|total)\s+(?:of|for)\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
#: "Last year, imports fell to $2 billion from $2.2 billion in 2030": a change told for last year
#: from a base of a named year is a change from that year, so last year is the year after it
#: (the base a figure: "from $2.2 billion in 2030", not "from anchovies to squid, in 2029"; the
#: sentence ends at a full stop after a small letter too: the capital test is case-sensitive)
_LAST_YEAR_FROM = re.compile(r"\blast\s+year\b,?" + r"(?:(?!(?-i:(?<![A-Z]))[.;]\s)[^!?]){0,120}?\bto\s+(?:(?![.;]\s)[^!?]){0,50}?"
                             r"\bfrom\s+\S{0,4}\d[\d.,]*(?:\s*[a-z%]+)?(?:\s*\([^()]{0,30}\))?"  # "(Ksh62b)"
                             r"\s+in\s+(?P<year>(?:19|20)\d\d)\b", re.I)


@dataclass(frozen=True)
class StatedYear:
    """The publication year a sentence implies, and the words that imply it."""

    year: int
    evidence: str


#: a part of a year that is still running when the figures come out: "the first ten months of
#: 2011", "January to June 2018", "the first half of 2021", "H1 2019"
_PART_OF = (r"\b(?:first\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months|first\s+(?:half|quarter)|"
            r"H1|Q1|1H|1Q)\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")
_MONTHS_TO = (r"\b(?:January|Jan\.?)\s*(?:-|–|to|through|and)\s*(?:February|March|April|May|June|July|August|September|"
              r"October|November|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?),?"
              r"(?:\s+period\s+(?:of|in))?\s+(?P<year>(?:19|20)\d\d)\b")  # "the Jan-Nov period of 2013" too
_RUNNING_PART = re.compile(_PART_OF + "|" + _MONTHS_TO.replace("(?P<year>", "(?P<year2>"), re.I)
#: the text speaks of that year as the present one
_NOW = re.compile(r"\b(?:this|the\s+current)\s+year\b|\b(?:same|corresponding)\s+period\s+(?:of\s+)?last\s+year\b|"
                  r"\b(?:first|second)\s+(?:half|quarter)\s+of\s+the\s+year\b|\bfirst\s+\w+\s+months\s+of\s+the\s+year\b", re.I)


def year_from_text(text: str) -> StatedYear | None:
    """The current year of a text that names no date of its own; None when the text does not say it.

    Two wordings tell it: "this year" set against "the same period of YEAR" (the year after
    YEAR), and a part of a year still running ("the first ten months of 2011", "January to June
    2018") in a text that speaks of "this year" or "the first half of the year": figures for part
    of a year are published within it, and the text names no later year."""
    for pattern in _YEAR_PAIRS:
        m = pattern.search(text)
        if m:
            return StatedYear(int(m.group("year")) + 1, " ".join(m.group().split()))
    m = _LAST_YEAR_AGAINST.search(text)
    m = m or _LAST_YEAR_FROM.search(text)
    if m:  # "rose by $12 billion last year compared to 2010": last year is 2011, so the text is of 2012
        return StatedYear(int(m.group("year")) + 2, " ".join(m.group().split()))
    now = _NOW.search(text)
    if now is None:
        return None
    latest = max((int(y.group(1)) for y in _YEAR.finditer(text)
                  if not _DEADLINE_BEFORE.search(text[max(0, y.start() - 20) : y.start()])), default=None)
    for m in _RUNNING_PART.finditer(text):
        year = int(m.group("year") or m.group("year2"))
        if year == latest:
            return StatedYear(year, f"{' '.join(m.group().split())}' and '{' '.join(now.group().split())}")
    return None


#: words that look back from the day of writing: "last year", "the current fiscal year", "last August"
#: ("this year" alone does not: a text that recalls 2002-2007 may be of any later year)
_NEEDS_NOW = re.compile(r"\b(?:last|past)\s+(?:year|fiscal|financial\s+year)\b|"
                        r"\bcurrent\s+(?:(?:incomplete|ongoing)\s+)?(?:fiscal|financial\s+year)\b|"
                        r"\blast\s+" + _MONTH + r"\b", re.I)
#: a sentence that states a figure (money or a percentage)
_FIGURE = re.compile(r"[$€£¥₹]|\b(?:US\$|USD|AUD|EUR|GBP|yuan|rupees?|dollars?|percent|per\s+cent)\b|\d\s?%|"
                     r"\b\d[\d.,]*\s*(?:billion|million|trillion|bn|mn|crore)\b", re.I)
_LOOKS_AHEAD = re.compile(r"\b(?:will|would|shall|expect\w*|target\w*|aim\w*|plan\w*|project\w*|forecast\w*|goal|"
                          r"hope\w*|seek\w*|envisag\w*|likely)\b", re.I)
#: a year named with a month or a part of the year ("in May 2031", "June 3, 2031", "the first half of 2031")
_WITH_MONTH = re.compile(r"(?:\b" + _MONTH + r"\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?|\b(?:half|quarter|months)\s+of|"
                         r"\b[HQ][1-4])\s+$", re.I)
#: a deadline or a starting point, not a period reported: "by 2030", "since 2010", "from 2019"
_NOT_REPORTED = re.compile(r"\b(?:by|before|since|from|to|towards?|until|within|through)\s+(?:the\s+end\s+of\s+)?$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def year_after_figures(text: str) -> StatedYear | None:
    """The year an undated text was written, from the figures it reports, when it needs one.

    A text that says "last year" or "the current fiscal year" but names no date of its own was
    written after the latest period it reports a figure for: after a whole year it names ("trade
    hit $14 billion in 2031": written in 2032 at the earliest), within or after a month or part of
    a year ("till May 2031", "in April-September 2031": that year). Sentences that look ahead
    (a goal, a forecast, "will") and deadlines ("by 2030") do not count. None when the text needs
    no day of writing or reports no dated figure."""
    body = _SOURCE.sub("", text, count=1)
    if not _NEEDS_NOW.search(body):
        return None
    best: tuple[int, str] | None = None
    for sentence in _SENTENCE_END.split(body):
        if not _FIGURE.search(sentence) or _LOOKS_AHEAD.search(sentence):
            continue
        for m in _YEAR.finditer(sentence):
            if re.match(r"[-–/]\d", sentence[m.end() : m.end() + 2]):
                continue  # "2031-32": a fiscal year, told by the fiscal calendar
            before = sentence[max(0, m.start() - 30) : m.start()]
            if _NOT_REPORTED.search(before):
                continue
            year = int(m.group(1)) + (0 if _WITH_MONTH.search(before) else 1)
            if best is None or year > best[0]:
                best = (year, " ".join(sentence[max(0, m.start() - 40) : m.end()].split()[1:]) or m.group(1))
    if best is None:
        return None
    return StatedYear(best[0], best[1])
