"""When a claim's figure is for: a part-year or fiscal period, a forecast, an undated effect of a deal.

* the period nearest the amount (:mod:`.periods`) sets ``period`` and, when it names one, the year;
* a figure in a sentence that predicts ("could boost trade by 16 percent", "is projected to
  increase to $20 billion") is a ``projected_effect`` when no year is named, a ``forecast`` when
  the year is the current one ("trade is expected to reach $5 billion this year");
* an undated actual figure describes the time of writing: it takes the publication year.
"""

from __future__ import annotations

import datetime as dt
import re

from bilat.news.model import Claim
from bilat.news.money import Amount
from bilat.news.periods import find_periods, period_label

#: the words that name a figure, then the period it is for: "trade surplus with Peru during "
_NOUN_THEN_PERIOD = re.compile(r"\s+(?:worth\s+of\s+|of\s+)?[A-Za-z@'’ -]{0,40}?\s(?:during|in|for)\s+(?:the\s+)?")


#: the start of another clause, which tells a period of its own ("..., and in January-March ...")
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas)\s|\s(?:while|whereas)\s")


def apply_period(claim: Claim, periods: list, amount: Amount, published: dt.date | None,
                 amounts: list[Amount], sentence: str) -> None:
    """The part-year or fiscal period nearest the amount (within 80 characters, no other amount
    between them) dates the claim."""
    best = None
    for p in periods:
        gap = amount.hedge_start - p.end if p.end <= amount.hedge_start else p.start - amount.end
        lo, hi = (p.end, amount.hedge_start) if p.end <= amount.hedge_start else (amount.end, p.start)
        if any(lo <= a.start < hi for a in amounts if a is not amount and a.start != amount.start
               and not (a.unit == "percent" and amount.unit == "money")):
            continue  # another figure between them (a change, "grew 18 percent to $907 million", does not count)
        if p.start >= amount.end and _CLAUSE_BREAK.search(sentence[lo:hi]):
            continue  # "$2 billion last year, and between January and March shipments fell": the next clause's months
            # (a period before the figure may frame a while-clause too: "in Q1, while imports fell to $X")
        if p.start >= amount.end and ((gap > 25 and not _NOUN_THEN_PERIOD.fullmatch(sentence[amount.end : p.start]))
                                      or re.search(r"(?:19|20)\d\d", sentence[amount.end : p.start])):
            continue  # a period after the amount belongs to it only when it follows at once ("$2bn in H1"),
            # or after the words naming the figure ("$1.4 billion trade surplus with Peru during Q1")
        if gap <= 80 and (best is None or gap < best[0]):
            best = (gap, p)
    if best is None:
        best = _leading_period(periods, amount, amounts, sentence)
    if best is None:
        return
    period = best[1]
    if period.year is not None:
        claim.year = period.year
    elif period.relative is not None and published is not None:
        claim.year = published.year - (1 if period.relative == "last" else 0)
    elif period.relative is not None:
        claim.year = None  # "January-August this year" in a text with no date: the year is unknown, not a nearby one
    elif claim.year is None and published is not None and period.wraps:
        claim.year = published.year - 1  # "July-February exports": the fiscal part-year that ended this year
    elif claim.year is None and published is not None and not period.fiscal:
        claim.year = published.year  # "grew 9 percent in the first half": the current year's half
        if _ends_after(period.label, published) and not (_MODAL.search(sentence) and _EFFECT.search(sentence)):
            # "September to November" told in January: the months already past, last year's; but
            # "is expected to reach $2 billion in the second half" told in August is this year's
            claim.year -= 1
    claim.period = period_label(period, claim.year)


def _leading_period(periods: list, amount: Amount, amounts: list[Amount], sentence: str) -> tuple[int, object] | None:
    """ "In the first quarter of this year, trade rose 6 percent to $1.1 billion": a period that
    opens the sentence, before every amount, dates all of them unless a year comes between; the
    one period of a sentence with one amount dates it wherever it stands."""
    first = min((a.hedge_start for a in amounts), default=amount.hedge_start)
    for p in periods:
        if p.end <= first and len(sentence[: p.start].split()) <= 3 and not re.search(
                r"(?:19|20)\d\d", sentence[p.end : amount.hedge_start]):
            return (0, p)
    if len(periods) == 1 and len(amounts) == 1:  # "Goods worth $5 billion were exported ... in the first half of 2021"
        return (0, periods[0])
    return None


CONVERSION_BETWEEN = re.compile(
    r"^\s*(?:[(\[]\s*(?:about|approximately|around|some|roughly|nearly|or|equivalent\s+to|US)?\s*|or\s+|/\s*|"
    r"\)?,\s*(?:an?\s+)?(?:equivalent\s+(?:of|to)|or\s+(?:about|around|some)?|i\.e\.)\s*)$", re.I
)


def is_conversion(text: str, before: Amount, amount: Amount) -> bool:
    """ "N3.28 trillion (15 billion yuan)", "10.7 trillion won or 115 trillion rupiah": the same sum again."""
    if before.unit != "money" or amount.unit != "money" or before.currency == amount.currency:
        return False
    return CONVERSION_BETWEEN.match(text[before.end : amount.hedge_start]) is not None


_MODAL = re.compile(
    r"\b(?:could|would|will|may|might|can|should|is\s+(?:expected|projected|likely|set|estimated|forecast|tipped)\s+to|"
    r"are\s+(?:expected|projected|likely|set|estimated|forecast)\s+to|(?:expected|projected|likely|estimated)\s+to|"
    r"projected|forecasts?|estimates?|expects?|expecting|anticipates?|anticipated|(?:the\s+)?potential\s+to)\b",
    re.I,
)
_EFFECT = re.compile(
    r"\b(?:boost|raise|increase|add|grow|jump|lift|rise|expand|double|reach|hit|surpass|exceed|cut|save|generate|create)"
    r"\w*\b",
    re.I,
)
_CURRENT_YEAR = re.compile(r"\b(?:this\s+year|the\s+current\s+year|this\s+fiscal(?:\s+year)?)\b", re.I)
#: figures for no single year: cumulative ("since 1992") or recurring ("annually", "in recent years")
_CUMULATIVE = re.compile(
    r"\b(?:since\s+(?:19|20)\d\d|so\s+far|to\s+date|cumulative(?:ly)?|in\s+total\s+since|annually|"
    r"in\s+recent\s+years|(?:a|per|each|every)\s+year)\b", re.I)


#: "the first June deficit since 2029", "the highest level since 2030": a record, not a sum since then
#: (not "has been the largest investor since 2029": a state that has lasted since then, so a sum of
#: that sentence may run since then too)
_RECORD_SINCE = re.compile(r"(?P<lasting>\b(?:has|have|had)\s+(?:been|remained|stayed)\s+(?:the\s+|its\s+|their\s+|a\s+)?)?"
                           r"\b(?:first|highest|lowest|largest|biggest|smallest|best|worst|strongest|weakest)\b"
                           r"[^.;,]{0,50}?\bsince\s+(?:19|20)\d\d\b", re.I)


def _without_records(sentence: str) -> str:
    """``sentence`` with its records ("the first June deficit since 2029") blanked out."""
    return _RECORD_SINCE.sub(lambda m: m.group() if m.group("lasting") else " ", sentence)


def is_cumulative(sentence: str) -> bool:
    """Whether ``sentence`` tells a figure for no single year ("since 1992", "annually"; a record "since
    2029" is not one)."""
    return _CUMULATIVE.search(_without_records(sentence)) is not None


def modality_of(clause: str, published: dt.date | None, year: int | None) -> str | None:
    """``forecast``, ``projected_effect`` or None (a reported actual) for the clause around an amount."""
    modal = _MODAL.search(clause)
    if modal is None or _EFFECT.search(clause) is None:
        return None
    current = _CURRENT_YEAR.search(clause) is not None or (
        published is not None and year == published.year and str(year) in clause)
    if current:
        return "forecast"
    if year is None:
        return "projected_effect"
    return None


def settle_year(claim: Claim, sentence: str, published: dt.date | None) -> None:
    """Projected effects have no year; forecasts are for the publication year; an undated actual
    describes the time of writing (cumulative or recurring figures, "since 1992", "annually", stay
    without a year)."""
    if claim.modality == "projected_effect":
        claim.year = None
    elif claim.modality == "forecast" and published is not None:
        claim.year = published.year
    elif claim.year is None and published is not None and not getattr(published, "guessed", False) \
            and not is_cumulative(sentence):
        claim.year = published.year
        claim._from_day = True  # the day of writing, the last resort: a later pass may find the account's year


#: "... came to $6.2 billion and $5.8 billion, respectively": figures told in the order of the
#: periods named before them in the sentence
_RESPECTIVELY = re.compile(r"^[^.;$€£¥₹]{0,40}?,?\s*respectively\b", re.I)
_RESPECTIVELY_IN = re.compile(r"^[^.;$€£¥₹]{0,40}?,?\s*respectively,?\s+(?:in|for|during)\s+", re.I)


def respective_period(claim: Claim, amount: Amount, amounts: list[Amount], sentence: str) -> None:
    """A figure of a run that ends in "respectively", with no period of its own, takes the period
    named before the run that stands at its place in the order ("in FY31 ... in FY30, while
    purchases came to $6.2 billion and $5.8 billion, respectively": FY31, then FY30)."""
    i = next((k for k, a in enumerate(amounts) if a.start == amount.start), None)
    if i is None:
        return
    j = i  # the run: amounts joined by "and" / "," up to the one "respectively" follows
    while j + 1 < len(amounts) and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", sentence[amounts[j].end : amounts[j + 1].start]):
        j += 1
    if not _RESPECTIVELY.match(sentence[amounts[j].end :]):
        return
    k = i
    while k > 0 and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", sentence[amounts[k - 1].end : amounts[k].start]):
        k -= 1
    found = find_periods(sentence)
    run = j - k + 1
    after = _RESPECTIVELY_IN.match(sentence[amounts[j].end :])  # "..., respectively in 2029-30, 2030-31 and 2031-32"
    named = [p for p in found if p.start >= amounts[j].end + after.end() and p.year is not None][:run] if after else []
    if len(named) != run and claim.period is not None:
        return  # a figure's own period stands; only a list told "respectively in ..." after it re-orders it
    named = named if len(named) == run else [p for p in found if p.end <= amounts[k].start and p.year is not None]
    if len(named) < run:  # (periods before the run: bases too)
        return
    period = named[-run + (i - k)]
    claim.year, claim.period = period.year, period_label(period, period.year)


#: the words from a change to the figure it leads to: "grew 4 per cent to (reach) $8.5 billion"
TO_FIGURE = re.compile(r"\s+to\s+(?:reach\s+|about\s+|some\s+|nearly\s+|almost\s+|around\s+)?", re.I)


def change_to_figure(change: Claim | None, figure: Claim, between: str) -> None:
    """ "grew by 4 per cent to $8.5 billion in FY31": a change with no date of its own is the
    change of the figure it leads to, for that figure's year and period."""
    if change is None or change.measure != "growth" or change.unit != "percent" or change.year is not None:
        return
    if TO_FIGURE.fullmatch(between):
        change.year, change.period = figure.year, figure.period


_LAST_MONTH = re.compile(r"\{y\}-(\d\d)(?!.*\{y\}-\d\d)")
_HALF_END = {"H1": 6, "H2": 12, "Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12}


def _ends_after(label: str, published: dt.date) -> bool:
    """True when a yearless part-year ends after the month of writing (it cannot be this year's
    yet). A page known only to its year says nothing of the month."""
    if getattr(published, "year_only", False):
        return False
    m = _LAST_MONTH.search(label)
    end = int(m.group(1)) if m else _HALF_END.get(label.replace("{y}-", ""), 0)
    return end > published.month
