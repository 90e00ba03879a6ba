"""Fiscal years named relatively: "the current fiscal year", "last fiscal", "the previous financial year".

Which fiscal year that is depends on the country whose statistics are told (India's runs April to
March, Pakistan's and Australia's July to June, the United States' October to September) and on
the day of writing. The claim keeps the corpus form: ``year`` is the fiscal year's first calendar
year and ``period`` is ``FY2018-19``. A text with no date of its own can still name its fiscal
years ("in 2016-2017"); then "the last financial year" is the latest one it names, and if it names
none the year stays unknown.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.periods import Period, find_periods

#: the month a country's fiscal year starts (countries not listed keep the calendar year)
FISCAL_START = {
    "IND": 4, "JPN": 4, "GBR": 4, "CAN": 4, "HKG": 4, "SGP": 4, "MMR": 4, "ZAF": 4, "NZL": 7,
    "AUS": 7, "PAK": 7, "BGD": 7, "EGY": 7, "KEN": 7, "UGA": 7, "TZA": 7, "NPL": 7, "ETH": 7,
    "USA": 10, "THA": 10,
}

_RELATIVE_FISCAL = re.compile(
    r"\b(?:the\s+)?(?P<rel>current|this|ongoing|running|last|previous|past|preceding)\s+(?:(?:incomplete|ongoing)\s+)?"
    r"(?:fiscal|financial)(?:\s+year)?\b", re.I)
#: the text names its running fiscal year: "the current fiscal year (2031-32)", "the incomplete
#: 2031-2032 financial year", "the ongoing fiscal 2031-32"
_CURRENT_NAMED = re.compile(
    r"\b(?:current|ongoing|incomplete|running)\s+(?:(?:incomplete|ongoing)\s+)?(?:(?:fiscal|financial)(?:\s+year)?\s*\(?\s*"
    r"(?:FY\s*)?(?P<a>(?:19|20)\d\d)[-–/](?:\d\d){1,2}\b|(?P<b>(?:19|20)\d\d)[-–/](?:\d\d){1,2}\s+(?:fiscal|financial)\b)", re.I)


def relative_fiscal_periods(text: str, published: dt.date | None, pair: list[str],
                            latest_named: int | None, current_named: int | None = None,
                            carried: int | None = None) -> list[Period]:
    """Concrete fiscal-year periods for the relative ones in ``text`` (a sentence).

    The text's own word wins over the calendar: when it names its running fiscal year
    (``current_named``), "the current fiscal" is that one and "the last fiscal" the one before.
    "The previous/preceding fiscal year" looks back from the year being told (the last year the
    sentence names before it, else ``carried``), not from the day of writing."""
    out: list[Period] = []
    start_month = next((FISCAL_START[c] for c in pair if c in FISCAL_START), None)
    for m in _RELATIVE_FISCAL.finditer(text):
        rel = m.group("rel").lower()
        back = rel not in ("current", "this", "ongoing", "running")  # "the ongoing fiscal" is the current one
        told = _told_year(text[: m.start()], carried) if rel in ("previous", "preceding") else None
        if told is not None:
            first = told - 1
        elif current_named is not None:
            first = current_named - (1 if back else 0)
        else:
            first = _first_year(published, start_month, back, latest_named)
        if first is None:
            continue
        if start_month is None:  # a calendar fiscal year: the year itself
            out.append(Period(m.start(), m.end(), str(first), first, None))
            continue
        out.append(Period(m.start(), m.end(), f"FY{first}-{(first + 1) % 100:02d}", first, None, True))
    return out


def latest_fiscal_year(text: str) -> int | None:
    """The first calendar year of the latest fiscal year a text names ("2016-2017" -> 2016)."""
    years = [p.year for p in find_periods(text) if p.fiscal and p.year is not None]
    return max(years) if years else None


def current_fiscal_year(text: str) -> int | None:
    """The first calendar year of the fiscal year a text calls its current one, or None."""
    m = _CURRENT_NAMED.search(text)
    return int(m.group("a") or m.group("b")) if m else None


def _told_year(before: str, carried: int | None) -> int | None:
    named = [p.year for p in find_periods(before) if p.year is not None]
    return named[-1] if named else carried


def _first_year(published: dt.date | None, start_month: int | None, back: bool, latest_named: int | None) -> int | None:
    if published is None or getattr(published, "year_only", False):
        if latest_named is None and published is not None:
            # only the year of writing is known: the fiscal year that started in it (most of a year
            # that starts in April, half of one that starts in July), and the one before
            return published.year - (1 if back else 0)
        return latest_named  # no day of writing: the latest fiscal year the text names
    if start_month is None:
        return published.year - (1 if back else 0)
    current = published.year if published.month >= start_month else published.year - 1
    return current - (1 if back else 0)
