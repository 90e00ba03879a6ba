"""An undated figure that opens a paragraph right after a dated one takes that year; an undated
figure told in the same sentence right after a dated one takes that figure's year; a figure dated
only by the day of writing that goes on from an account of an earlier year takes that year.

Why: wire copy splits one account over short paragraphs ("Trade rose 27 percent during 2018 …" /
"The report said exports exceeded $1.8 billion, up 37.8 percent year-on-year."): the second
paragraph names no year, yet it goes on with the figure just told. The claim reader carries a year
over a paragraph break only for a sentence that opens on a flow word; this pass, run after it, fills
only trade-flow figures it left with no year at all, so a year read any other way (the day of
writing, a period, "last year") is never replaced, and an investment stock or a fund that "stands
at" a sum is left undated (round eight).

The third rule (:func:`years_of_the_account`) is the same reading one step further. A report
written in January about the year before ("Trade reached $31 billion in 2030." / "The growth of 24
percent was driven by ...") dates only its first figure; the claim reader gives the others the day
of writing, its last resort. English news prose goes on with the period it has just told until it
names another or says it speaks of the present ("now", "currently", "this year", "so far"); so a
figure dated only by the day, in the paragraph of a figure of an earlier year or the one below it,
is that year's. Stocks, funds and loans keep the day (they stand at a sum "now"); forecasts and
comparison bases are never the account a figure goes on from.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bilat.news.dates import MONTH_PATTERN
from bilat.news.model import Claim
from bilat.news.timing import is_cumulative

_FLOWS = ("exports", "imports", "bilateral_trade_total", "growth")
#: the present, or a time of the year named without its year ("in February", "last month", "the first
#: half"): the day of writing dates such a figure, not the account above
_PRESENT = re.compile(r"\b(?:now|currently|at\s+present|presently|today|this\s+year|the\s+current\s+year|so\s+far|"
                      r"to\s+date|as\s+of|these\s+days|since(?!\s+(?:19|20)\d\d)|"  # "have since grown": after the account
                      r"(?:last|this|next|past)\s+(?:week|month|quarter|year)|half|quarter|"
                      r"year[- ]to[- ]date|" + MONTH_PATTERN + r")\b", re.I)


#: a rate, not a ratio of flows: "a 6 percent duty" stands at the day of writing like a stock
_RATE = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|levy|levies|tax(?:es)?|VAT|excise|interest|inflation)\b", re.I)


def _is_flow(claim: Claim, text: str = "") -> bool:
    """A flow or its change, or a share of one (a percentage of trade is a ratio of the period's flows;
    a percentage told beside a tariff, a duty or a tax is a rate, which is no flow)."""
    if claim.measure in _FLOWS:
        return True
    return claim.unit == "percent" and claim.measure in ("other", "share_of_imports") \
        and not _RATE.search(text[max(0, claim.start - 40) : claim.end + 40])
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def _paragraph_index(text: str) -> list[int]:
    """Start offset of every non-empty line (a paragraph of the cleaned text)."""
    starts, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts


def years_from_paragraph_above(claims: list[Claim], text: str) -> None:
    """Give an undated reported figure the year of the figure that ends the paragraph right above,
    when no figure of its own paragraph before it is dated (``text`` is the text the claims'
    offsets point into)."""
    starts = _paragraph_index(text)

    def paragraph(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    ordered = sorted(claims, key=lambda c: c.start)
    for i, claim in enumerate(ordered):
        if claim.year is not None or claim.modality is not None or i == 0:
            continue
        before = ordered[i - 1]
        if before.year is not None and not _SENTENCE_END.search(text[before.end : claim.start]):
            claim.year = before.year  # "brought in $11.4 billion, a year-on-year rise of 13%": that figure's change
            continue
        if not _is_flow(claim, text):
            continue  # a stock, a fund or a loan "stands at" no year of the account above
        here = paragraph(claim.start)
        earlier_here = [c for c in ordered[:i] if paragraph(c.start) == here]
        if any(c.year is not None for c in earlier_here):
            continue
        above = [c for c in ordered[:i] if paragraph(c.start) == here - 1]
        if above and above[-1].year is not None:
            claim.year = above[-1].year


def _sentence(text: str, start: int, end: int) -> str:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[(ends[-1] if ends else 0) : (after.start() if after else len(text))]


def years_of_the_account(claims: list[Claim], text: str, published_year: int | None) -> None:
    """Give a flow figure dated only by the day of writing the year of the account it goes on from:
    the last flow figure before it (not a base, not a forecast, read with a year of its own) when that
    year is earlier than the day's and that figure is in its paragraph or the one above, and its
    sentence says nothing of the present ("now", "since"). A flow figure kept at the day just before
    it means the account has come to the present, so nothing earlier is carried past it.

    A text with no year of writing at all ("Baku, July 21" and nothing more) has no day to date a
    figure by: there a flow figure with no year, in a sentence that tells no running total ("since
    2019", "annually"), goes on with the account just told the same way (the year written in the
    text is then the only one there is)."""
    starts = _paragraph_index(text)
    ordered = sorted(claims, key=lambda c: c.start)
    for i, claim in enumerate(ordered):
        undated = published_year is None and claim.year is None and claim.value is not None \
            and not is_cumulative(_sentence(text, claim.start, claim.end))
        if not (getattr(claim, "_from_day", False) or undated) or claim.modality is not None or not _is_flow(claim, text):
            continue
        source = next((c for c in reversed(ordered[:i]) if not getattr(c, "_in_base", False) and c.modality is None
                       and c.year is not None and _is_flow(c, text)), None)  # not a deal's or a tariff cut's sum
        if source is None or getattr(source, "_from_day", False) or (published_year is not None
                                                                    and source.year >= published_year):
            continue  # the flow just told is the present's ("currently stand at $N"): the account goes on with it
        gap = (bisect_right(starts, claim.start) - 1) - (bisect_right(starts, source.start) - 1)
        if gap > 1 or _PRESENT.search(_sentence(text, claim.start, claim.end)):
            continue
        claim.year, claim._from_day = source.year, False
