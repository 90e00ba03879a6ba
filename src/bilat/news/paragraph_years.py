"""An undated figure that opens a paragraph right after a dated one takes that year; an undated
figure told in the same sentence right after a dated one takes that figure's year.

Why: wire copy splits one account over short paragraphs ("Trade rose 27 percent during 2018 …" /
"The report said exports exceeded $1.8 billion, up 37.8 percent year-on-year."): the second
paragraph names no year, yet it goes on with the figure just told. The claim reader carries a year
over a paragraph break only for a sentence that opens on a flow word; this pass, run after it, fills
only trade-flow figures it left with no year at all, so a year read any other way (the day of
writing, a period, "last year") is never replaced, and an investment stock or a fund that "stands
at" a sum is left undated (round eight).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bilat.news.model import Claim

_FLOWS = ("exports", "imports", "bilateral_trade_total", "growth")
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
        if claim.measure not in _FLOWS:
            continue  # a stock, a fund or a loan "stands at" no year of the account above
        here = paragraph(claim.start)
        earlier_here = [c for c in ordered[:i] if paragraph(c.start) == here]
        if any(c.year is not None for c in earlier_here):
            continue
        above = [c for c in ordered[:i] if paragraph(c.start) == here - 1]
        if above and above[-1].year is not None:
            claim.year = above[-1].year
