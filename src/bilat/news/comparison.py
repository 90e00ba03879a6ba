"""What a figure is compared with: the comparison base of a sentence, its year and its period.

Statistics offices and the wires that copy them write a figure, its change and the base in one
sentence: "... $52 million in 2019, down 8.5 percent compared to 2018 ($56.8 million)", "...
12.5 percent less than $3.4 million in 1Q2021", "... fell 35 percent year-on-year ($1.5 million in
1Q2022)". The base is a figure of its own, for its own year (often the same part of the year);
the change belongs to the figure's period, not the base's. Reading the nearest year for every
number, as a plain rule would, dates the change to the base year and the base to the figure's.

:func:`comparison_bases` finds those parts of a sentence; :class:`Base` tells the year and the
period of an amount inside one, given the year and period of the figure it is compared with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilat.news.dates import MONTH_PATTERN
from bilat.news.periods import find_periods, period_label

_YEAR = re.compile(r"(?<![\d,.$£€¥₹])((?:19|20)\d\d)(?!\d)")
_LEFT_COMPARED = re.compile(r"(?:%|\bper\s?cent|\btimes|\bfold)\s+(?:more|less|higher|lower|greater|bigger|smaller|up|down)\s+$",
                            re.I)
_RIGHT_OF_THAN = re.compile(r"^\s+(?:in|during|for|at|over|the\s+(?:same|previous|preceding|prior|corresponding|year|"
                            r"period)|last\s+year|a\s+year|(?:19|20)\d\d)\b", re.I)
_MARKER = re.compile(
    r"\b(?P<word>compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|as\s+against|against|versus|vs\.?|than|"
    r"from(?=\s+(?:an?\s+(?:total|high|low|level|record)\s+of\s+)?(?:about\s+|some\s+|around\s+|nearly\s+)?(?:US\$|[$£€¥₹]|[A-Z][A-Za-z]{0,3}\$?\s?\d|\d|"
    r"the\s+(?:same|corresponding|previous|preceding|prior)\b|the\s+year\s+(?:of\s+)?(?:19|20)\d\d\b|last\s+year|a\s+year\b))|"
    r"over(?=\s+(?:the\s+(?:same|corresponding|previous|preceding|prior)\b|last\s+year|(?:19|20)\d\d)))"
    r"|(?:year[- ]on[- ]year|y-o-y|yoy|%|\bper\s?cent)\s*(?P<paren>\()",
    re.I,
)
#: where a comparison base ends: the clause ends, or "from X to Y" reaches its "to"
_END = re.compile(r";|\.(?:\s|$)|,\s+(?!\(|(?:19|20)\d\d)|"
                  r"\s(?:while|whereas|and|but|when|which(?!\s+(?:was|were|stood|amounted|totall?ed)\b))\s")
_TO = re.compile(r"\sto\s")
_TO_LEVEL = re.compile(r"\sto\s+(?:about\s+|some\s+|around\s+|nearly\s+|over\s+|almost\s+)?(?:US\$|[$£€¥₹]|\d|[A-Z]{1,3}\$?\s?\d)")
_YEAR_WORD = r"(?:year|(?:fiscal|financial)(?:\s+year)?)"  # "the previous year", "last fiscal", "the prior financial year"
_ONE_YEAR_BACK = re.compile(
    r"\b(?:(?:the\s+)?(?:previous|preceding|prior|last)\s+" + _YEAR_WORD + r"|a\s+year\s+(?:earlier|ago|before)|"
    r"(?:same|corresponding|similar|like)\s+(?:period|month|quarter|months|half|time)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:last|previous|preceding|prior)\s+" + _YEAR_WORD + r"|year[- ]on[- ]year|y-o-y|yoy)\b", re.I)
_SAME_PART = re.compile(r"\b(?:same|corresponding|similar|analogous|analogical|like)\s+(?:period|months?|quarter|half|"
                        r"time)\b|year[- ]on[- ]year|y-o-y|yoy", re.I)


@dataclass(frozen=True)
class Base:
    """One comparison base: ``start``/``end`` in the sentence, what it says about its year."""

    start: int
    end: int
    year: int | None  # a year written inside ("compared to 2018", "in 1Q2021")
    back: bool  # "the previous year", "a year earlier", "year-on-year": one year before the figure's
    same_part: bool  # "the same period", "the corresponding month", "year-on-year": the figure's part of the year
    period: object | None  # a period written inside ("in 1Q2021")

    def holds(self, position: int) -> bool:
        return self.start <= position < self.end

    def year_for(self, figure_year: int | None) -> int | None:
        """The base's year: written, else one before the figure's when the text says so."""
        if self.year is not None:
            return self.year
        if self.back and figure_year is not None:
            return figure_year - 1
        return None

    def period_for(self, figure_period: str | None, figure_year: int | None) -> str | None:
        """The base's period: written inside, else the figure's part of the year in the base's year."""
        year = self.year_for(figure_year)
        if self.period is not None:
            return period_label(self.period, year)
        if not self.same_part or figure_period is None or figure_year is None or year is None:
            return None
        if figure_period.startswith("FY"):
            return None  # a fiscal year's base is another fiscal year, not a relabelled one
        return figure_period.replace(str(figure_year), str(year))


def comparison_bases(text: str) -> list[Base]:
    """The comparison bases of one sentence, left to right."""
    out: list[Base] = []
    found = None  # the sentence's periods, read once when a base needs them
    for m in _MARKER.finditer(text):
        to = None
        if out and m.start() < out[-1].end:
            continue
        if m.group("paren"):
            start = m.end("paren")
            close = text.find(")", start)
            end = close if close != -1 else len(text)
        else:
            word = m.group("word").lower()
            if word == "than" and not (_LEFT_COMPARED.search(text[: m.start()]) or _RIGHT_OF_THAN.match(text[m.end():])):
                continue  # "more than $3 billion": a hedge, not a comparison
            start = m.end()
            stop = _END.search(text, start)
            end = stop.start() if stop else len(text)
            if word == "from":
                to = _TO.search(text, start, end)
                end = to.start() if to else end
            else:  # "up 6% in 2031 compared with 2030 to over $40 bln": the change reaches its new level
                level = _TO_LEVEL.search(text, start, end)
                end = level.start() if level else end
        inside = text[start:end]
        year = _YEAR.search(inside)
        found = find_periods(text) if found is None else found
        periods = [p for p in found if start <= p.start < end]
        written = int(year.group(1)) if year else next((p.year for p in periods if p.year is not None), None)  # "FY15"
        back = bool(_ONE_YEAR_BACK.search(text[m.start():end]))
        same = bool(_SAME_PART.search(text[m.start():end]))
        if not (m.group("paren") or back or written) and m.group("word").lower() == "from" \
                and to is not None and _year_on_year_span(text, start, end, found):
            back = same = True  # "in the first quarter … rose from $6.8 billion to $7 billion": a year before
        out.append(Base(start, end, written, back, same, periods[0] if periods else None))
    return out


#: the sentence compares with the month before, not the year before
_MONTH = MONTH_PATTERN
_MONTH_ON_MONTH = re.compile(r"\bmonth[- ]on[- ]month\b|\bm-o-m\b|\b(?:previous|preceding|prior|last)\s+month\b|"
                             r"\bthe\s+figures?\s+(?:of|for)\s+" + _MONTH, re.I)
_YEAR_ON_YEAR = re.compile(r"\byear[- ](?:on|to)[- ]year\b|\by-o-y\b|\byoy\b|\bannual\s+basis\b", re.I)
_TIME_INSIDE = re.compile(r"\b(?:years?|decade|ago|earlier|before|since|month|months|quarter|half|level|record|high|low|peak)\b",
                          re.I)


def _year_on_year_span(text: str, start: int, end: int, periods: list) -> bool:
    """A bare "from $X to $Y" (no time of its own inside) in a sentence that tells a part of a year
    of several months ("the first six months", "Q1", "January-May"), or says "year-on-year": the
    base is the same part of the year before. Why not after one month ("in June, from $X to $Y"):
    there the base may be the month before as well, unless the sentence says year-on-year."""
    if _MONTH_ON_MONTH.search(text) or _TIME_INSIDE.search(text[start:end]):
        return False
    if _YEAR_ON_YEAR.search(text):
        return True
    return any(not p.fiscal and ("H" in p.label or "Q" in p.label or ".." in p.label) and "YTD" not in p.label
               for p in periods if not start <= p.start < end)


def base_at(bases: list[Base], position: int) -> Base | None:
    """The base holding ``position``, if any."""
    return next((b for b in bases if b.holds(position)), None)


#: "during the period under review", "in the reporting period", "the figure": the sentence goes on
#: with the period of the figure before it
_PERIOD_ANAPHOR = re.compile(
    r"\b(?:(?:in|during|over|for)\s+the\s+(?:specified|reporting|reported|said|review(?:ed)?|given)\s+period|"
    r"(?:in|during|over|for)\s+the\s+period\s+under\s+review|"
    r"(?:in|during|over|for)\s+the\s+period(?!\s+(?:of|from|between|to|under|when|since|ending|ended|(?:19|20)\d\d))|(?:in|during)\s+(?:that|this)\s+(?:month|period|quarter)|"
    r"^\W*(?:the|this)\s+(?:figure|amount|value|indicator)|"
    r"\bthe\s+(?:half-year(?:ly)?|quarterly|monthly|[\w]+-month|year-to-date)\s+(?:statistics|figures|data|numbers)\b)\b", re.I)


def goes_on_from_before(text: str) -> bool:
    """True when the sentence dates its figures by the period of the figure before it."""
    return _PERIOD_ANAPHOR.search(text) is not None


def date_by_base(claim, base: Base, figure) -> None:
    """Year and period of a base amount from its base and the figure it is compared with."""
    figure_year = getattr(figure, "year", None)
    year = base.year_for(figure_year)
    if year is not None:
        claim.year = year
    claim.period = base.period_for(getattr(figure, "period", None), figure_year)


#: "rose 300% between 2002 and 2007", "from 2010 to 2015 exports doubled": a change over a span of years
_SPAN = re.compile(r"\b(?:between|from)\s+((?:19|20)\d\d)\s*(?:and|to|-|–)\s*((?:19|20)\d\d)\b", re.I)


def span_end(clause: str) -> int | None:
    """The last year of a span of years the clause names, the year a change over it is told for."""
    m = _SPAN.search(clause)
    if m is None or int(m.group(2)) <= int(m.group(1)):
        return None
    return int(m.group(2))


_SINCE = re.compile(r"\bsince\b[^.;]{0,80}?\b((?:19|20)\d\d)\b", re.I)


def since_year(text: str) -> int | None:
    """ "Since the pact was signed in 2010, trade leapt from $235.5 billion to ...": the start of the
    rise, the year of the figure it rose from."""
    m = _SINCE.search(text)
    return int(m.group(1)) if m else None
