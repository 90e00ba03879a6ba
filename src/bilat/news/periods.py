"""Part-year and fiscal-year periods a figure refers to ("in the first half", "FY2013-14", "Q1").

A figure for part of a year is not an annual figure: the fact-check must not compare "$2 billion
in the first half" with the year's total. So a claim keeps its calendar ``year`` and, beside it,
a ``period`` in one of these forms (the corpus's):

* fiscal years: ``FY2013-14`` (the claim's year is the first calendar year, 2013); a year to
  June 2016 ("the June 2016 year") is ``FY2015-16``;
* halves and quarters: ``2020-H1``, ``2017-Q1``;
* month ranges: ``2005-01..2005-08`` ("January-August", "the first eight months");
* year to date: ``2020-YTD``.

:func:`find_periods` returns every period phrase of a sentence with its position; the claim
takes the one nearest its amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilat.news.dates import MONTH_PATTERN, MONTHS

_MONTH = MONTH_PATTERN
_Y = r"(?P<year>(?:19|20)\d\d)"
_OF_YEAR = r"(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?" + _Y + r"|(?P<rel>this|last|the\s+current|the\s+previous)\s+year))?"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11}

_FISCAL = re.compile(
    r"\b(?:FY\s?|fiscal(?:\s+year)?\s+|financial\s+year\s+)?(?P<y1>(?:19|20)\d\d)\s?[-–/]\s?(?P<y2>\d\d(?:\d\d)?)\b"
    r"|\bFY\s?'?(?P<s1>\d\d)[-–/](?P<s2>\d\d)\b|\bFY\s?(?P<fy>(?:19|20)\d\d)\b"
    # "FY31", and "fiscal 31" as Indian and Pakistani copy shortens it (never "fiscal 31 percent")
    r"|\b(?:FY\s?|fiscal\s+(?:year\s+)?)'?(?P<short>\d\d)\b(?![-–/]\w)"  # never "a fiscal 10-year plan"
    r"(?!\s*(?:%|per|percent|million|billion|trillion|bn|mn|months?|days?|years?)\b)",
)
_HALF = re.compile(r"\b(?:(?P<o>first|second)\s+half|(?P<h>H[12])(?!\s?'\d))" + _OF_YEAR, re.I)
_QUARTER = re.compile(r"\b(?:(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter|(?P<q>Q[1-4])(?!\s?'\d))" + _OF_YEAR,
                      re.I)
#: "1Q2022", "2H 2019", "2022Q1": quarters and halves written as statistics tables write them
#: ("1H17", "Q3'24": the year in two digits, as wire copy and statistics releases abbreviate it)
_COMPACT_PART = re.compile(r"\b(?:(?P<n>[1-4])(?P<k>[QH])\s?'?(?P<year>(?:19|20)\d\d|\d\d)|(?P<year2>(?:19|20)\d\d)\s?(?P<k2>[QH])"
                           r"(?P<n2>[1-4])|(?P<k3>[QH])(?P<n3>[1-4])\s?'(?P<year3>\d\d))\b")
#: "in the five months leading to May", "nine months through September": a span of months counted back
#: from its last month (the first months of that month's year)
_MONTHS_UP_TO = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months\s+(?:leading\s+(?:up\s+)?to|"
    r"to|through|ending(?:\s+in)?|ended(?:\s+in)?|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<m>" + _MONTH + r")\b(?:,?\s+" + _Y + r")?"
)
_FIRST_MONTHS = re.compile(r"\bfirst\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months"
                           + _OF_YEAR, re.I)
#: a day may stand before or after either month: "1 January to 30 April", "January 1 through April 30"
_DAY_BEFORE = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
_DAY_AFTER = r"(?:\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))?"
_MONTH_RANGE = re.compile(
    r"\b" + _DAY_BEFORE + r"(?P<m1>" + _MONTH + r")\.?" + _DAY_AFTER + r"\s*(?:[-–]|to|through|and)\s*" + _DAY_BEFORE
    + r"(?P<m2>" + _MONTH + r")\.?" + _DAY_AFTER + r"(?:,?\s+" + _Y
    + r"|\s+(?:of\s+)?(?P<rel>this|last|the\s+current|the\s+previous)\s+year)?\b"
)
#: a year that ends in another month than December: "the year to June 2016", "the June 2016 year"
_ENDING_YEAR = re.compile(
    r"\b(?:(?:year|twelve\s+months|12\s+months)\s+(?:to|ended|ending|through)\s+(?:the\s+end\s+of\s+)?"
    r"(?P<m1>January|February|March|April|May|June|July|August|September|October|November)(?:\s+\d{1,2})?,?\s+"
    r"(?P<y1>(?:19|20)\d\d)|(?P<m2>January|February|March|April|May|June|July|August|September|October|November)\s+"
    r"(?P<y2>(?:19|20)\d\d)\s+year)\b", re.I,
)
#: "April 2022 - February 2023": months with a year at both ends, one part-year period across two years
_DATED_RANGE = re.compile(
    r"\b(?P<m1>" + _MONTH + r")\.?\s+(?P<y1>(?:19|20)\d\d)\s*(?:[-–]|to|through|until)\s*(?P<m2>" + _MONTH
    + r")\.?\s+(?P<y2>(?:19|20)\d\d)\b"
)
_YTD = re.compile(r"\b(?:year[- ]to[- ]date|so\s+far\s+this\s+year)\b", re.I)


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    label: str  # with "{y}" where the year is not written ("{y}-H1")
    year: int | None  # written year, if any
    relative: str | None  # "this" / "last" when the year is relative
    fiscal: bool = False
    wraps: bool = False  # "July-February": the months run into the next calendar year (a fiscal part-year)


def find_periods(text: str) -> list[Period]:
    out: list[Period] = []
    for m in _FISCAL.finditer(text):
        if m.group("y1"):
            y1, y2 = int(m.group("y1")), m.group("y2")
            y2i = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
            if y2i != y1 + 1:
                continue  # "2010-2015" is a span of years, not a fiscal year
            out.append(Period(m.start(), m.end(), f"FY{y1}-{y2[-2:]}", y1, None, True))
        elif m.group("s1"):
            y1 = 2000 + int(m.group("s1")) if int(m.group("s1")) < 50 else 1900 + int(m.group("s1"))
            out.append(Period(m.start(), m.end(), f"FY{y1}-{m.group('s2')}", y1, None, True))
        elif m.group("short"):  # "FY20": the year that ends in 2020 (April 2019 to March 2020)
            end = 2000 + int(m.group("short"))
            out.append(Period(m.start(), m.end(), f"FY{end - 1}-{end % 100:02d}", end - 1, None, True))
        else:
            out.append(Period(m.start(), m.end(), f"FY{m.group('fy')}", int(m.group("fy")), None, True))
    for m in _ENDING_YEAR.finditer(text):  # a fiscal year: its first calendar year, as "FY2015-16"
        end_year = int(m.group("y1") or m.group("y2"))
        out.append(Period(m.start(), m.end(), f"FY{end_year - 1}-{end_year % 100:02d}", end_year - 1, None, True))
    for m in _HALF.finditer(text):
        n = 1 if (m.group("o") or "").lower() == "first" or (m.group("h") or "").upper() == "H1" else 2
        out.append(_with_year(m, f"{{y}}-H{n}"))
    for m in _QUARTER.finditer(text):
        n = _ORDINAL[m.group("o").lower()] if m.group("o") else int(m.group("q")[1])
        out.append(_with_year(m, f"{{y}}-Q{n}"))
    for m in _COMPACT_PART.finditer(text):
        n, kind = int(m.group("n") or m.group("n2") or m.group("n3")), m.group("k") or m.group("k2") or m.group("k3")
        if kind == "H" and n > 2:
            continue
        written = m.group("year") or m.group("year2") or m.group("year3")
        year = int(written) if len(written) == 4 else 2000 + int(written)
        out.append(Period(m.start(), m.end(), f"{year}-{kind}{n}", year, None))
    for m in _FIRST_MONTHS.finditer(text):
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _COUNT[raw]
        if 1 <= n <= 11:
            out.append(_with_year(m, f"{{y}}-01..{{y}}-{n:02d}"))
    for m in _MONTHS_UP_TO.finditer(text):
        raw, last = m.group("n").lower(), MONTHS[m.group("m")]
        n = int(raw) if raw.isdigit() else _COUNT[raw]
        if 1 <= n <= last:
            out.append(_with_year(m, f"{{y}}-{last - n + 1:02d}..{{y}}-{last:02d}"))
    for m in _MONTH_RANGE.finditer(text):
        a, b = MONTHS[m.group("m1")], MONTHS[m.group("m2")]
        if a < b:
            out.append(_with_year(m, f"{{y}}-{a:02d}..{{y}}-{b:02d}"))
        elif a > b:  # "July-February": from one calendar year into the next
            found = _with_year(m, f"{{y}}-{a:02d}..{{y1}}-{b:02d}")
            out.append(Period(found.start, found.end, found.label, found.year, found.relative, wraps=True))
    for m in _DATED_RANGE.finditer(text):  # the claim's year is the first, as for a fiscal year
        y1, y2, a, b = int(m.group("y1")), int(m.group("y2")), MONTHS[m.group("m1")], MONTHS[m.group("m2")]
        if y2 == y1 + 1 or (y2 == y1 and a < b):
            out.append(Period(m.start(), m.end(), f"{y1}-{a:02d}..{y2}-{b:02d}", y1, None))
    for m in _YTD.finditer(text):
        out.append(Period(m.start(), m.end(), "{y}-YTD", None, "this"))
    return _fiscal_parts(sorted(out, key=lambda p: p.start), text)


def _fiscal_parts(periods: list[Period], text: str) -> list[Period]:
    """"Q1 of FY32", "the first half of fiscal 2031-32": a part of a fiscal year is one period, of that
    fiscal year (its first calendar year, as for the whole fiscal year)."""
    out: list[Period] = []
    for p in periods:
        last = out[-1] if out else None
        if p.fiscal and last is not None and last.year is None and last.relative is None and not last.fiscal \
                and last.label.startswith("{y}-") and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[last.end : p.start]):
            out[-1] = Period(last.start, p.end, f"{p.label}-{last.label[4:]}", p.year, None, True)
            continue
        if p.fiscal and last is not None and last.wraps and last.year is None and last.relative is None \
                and _twelve_months(last.label) and re.fullmatch(r"\s*\(?\s*", text[last.end : p.start]):
            out[-1] = Period(last.start, p.end, p.label, p.year, None, True)  # "July-June (2021-22)": that fiscal year
            continue
        out.append(p)
    return out


def _twelve_months(label: str) -> bool:
    """A wrapping month range that covers a whole year ("{y}-07..{y1}-06")."""
    m = re.fullmatch(r"\{y\}-(\d\d)\.\.\{y1\}-(\d\d)", label)
    return m is not None and int(m.group(1)) == int(m.group(2)) % 12 + 1


def _with_year(m: re.Match[str], label: str) -> Period:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    rel = groups.get("rel")
    rel = None if rel is None else ("last" if rel.split()[-1] in ("last", "previous") else "this")
    return Period(m.start(), m.end(), label, year, rel)


def period_label(period: Period, year: int | None) -> str | None:
    """The period with its year filled in (None when the year is unknown and the label needs it)."""
    if "{y}" not in period.label:
        return period.label
    if year is None:
        return None
    return period.label.replace("{y1}", str(year + 1)).replace("{y}", str(year))
